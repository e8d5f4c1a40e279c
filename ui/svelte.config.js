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
		// One script and one stylesheet: the webview fetches each file from the app through a
		// custom protocol, and one request starts sooner than thirty (see BENCHMARKS.md).
		output: { bundleStrategy: 'single' }
	}
};

export default config;
