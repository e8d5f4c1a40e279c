// Unit tests: logic, stores and the IPC layer, in Node (no browser).
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	test: {
		include: ['src/**/*.test.ts', 'scripts/**/*.test.js'],
		environment: 'node',
		setupFiles: ['src/test-setup.ts']
	}
});
