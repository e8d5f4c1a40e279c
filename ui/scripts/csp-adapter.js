// adapter-static, plus one step: SvelteKit's SPA page starts the app from an inline <script>,
// which a strict Content-Security-Policy (`script-src 'self'`) refuses. The step moves that
// script into a file beside the bundle and loads it with <script src>, unchanged otherwise
// (a classic script keeps `document.currentScript`, which the start-up code relies on).
import staticAdapter from '@sveltejs/adapter-static';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const INLINE_SCRIPT = /<script>([\s\S]*?)<\/script>/g;

/**
 * Rewrites `html` so it has no inline script. Returns the new page and the script to write,
 * or throws if the page does not have exactly the one start-up script this step expects.
 * @param {string} html
 * @returns {{ html: string, file: string, code: string }}
 */
export function externalizeBootScript(html) {
	const scripts = [...html.matchAll(INLINE_SCRIPT)];
	if (scripts.length !== 1 || !scripts[0]?.[1]?.includes('.start(')) {
		throw new Error(
			`expected exactly one inline SvelteKit start-up script in index.html, found ${scripts.length}`
		);
	}
	const code = scripts[0][1].replace(/^\s+|\s+$/g, '') + '\n';
	const hash = createHash('sha256').update(code).digest('hex').slice(0, 10);
	const file = `_app/immutable/boot.${hash}.js`;
	const page = html.replace(INLINE_SCRIPT, `<script src="/${file}"></script>`);
	return { html: page, file, code };
}

/** @param {import('@sveltejs/adapter-static').AdapterOptions & { pages: string }} options */
export default function cspSafeStatic(options) {
	const inner = staticAdapter(options);
	/** @type {import('@sveltejs/kit').Adapter} */
	const adapter = {
		name: 'outward-csp-static',
		async adapt(builder) {
			await inner.adapt(builder);
			const fallback = join(options.pages, options.fallback ?? 'index.html');
			const { html, file, code } = externalizeBootScript(readFileSync(fallback, 'utf8'));
			mkdirSync(join(options.pages, '_app/immutable'), { recursive: true });
			writeFileSync(join(options.pages, file), code);
			writeFileSync(fallback, html);
			builder.log.minor(`Moved the start-up script to ${file}`);
		}
	};
	return adapter;
}
