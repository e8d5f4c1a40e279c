// The room's page in Debian's Chromium, as several devices at once, against the real server
// (`outward room serve`, built with `cargo build -p outward-cli`) on the loopback interface.
import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['tests/room/**/*.test.ts'],
		environment: 'node',
		fileParallelism: false,
		testTimeout: 90_000,
		hookTimeout: 90_000,
		expect: { poll: { timeout: 10_000 } }
	}
});
