// Screen tests: the built app (`build/`) in Debian's Chromium, over the app's real commands and
// core (tests/screens/server.ts starts them).
import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['tests/screens/**/*.test.ts'],
		environment: 'node',
		globalSetup: ['tests/screens/server.ts'],
		// One browser at a time: the machine is shared with Rust builds.
		fileParallelism: false,
		testTimeout: 60_000,
		hookTimeout: 60_000,
		// A real write (a database file, the changed event) can take over a second on a busy
		// machine; a poll waits for it as long as a locator does.
		expect: { poll: { timeout: 5_000 } }
	}
});
