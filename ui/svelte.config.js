import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import cspSafeStatic from './scripts/csp-adapter.js';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		// A single-page app: Tauri serves `build/` and falls back to index.html for any path.
		// The adapter is adapter-static with no inline script left, for a strict CSP.
		adapter: cspSafeStatic({ pages: 'build', assets: 'build', fallback: 'index.html', strict: true }),
		version: { pollInterval: 0 },
		// A few scripts, cut as `scripts/chunks.js` says: start-up loads only the frame's and
		// Home's code, and no more files than it needs (see BENCHMARKS.md).
		output: { bundleStrategy: 'split' }
	}
};

export default config;
