// Screen tests: the built app (`build/`) in Debian's Chromium, with a fake backend in the page.
import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['tests/screens/**/*.test.ts'],
		environment: 'node',
		globalSetup: ['tests/screens/server.ts'],
		// One browser at a time: the machine is shared with Rust builds.
		fileParallelism: false,
		testTimeout: 60_000,
		hookTimeout: 60_000
	}
});
