import { describe, expect, it } from 'vitest';
import { externalizeBootScript } from './csp-adapter.js';

// The start-up script as SvelteKit writes it with one bundle (`bundleStrategy: 'single'`).
const page = `<html><head></head><body><div>
<script>
	{ __sveltekit_x = { base: "" };
	  const element = document.currentScript.parentElement;
	  import("/_app/immutable/bundle.a1.js").then((app) => { app.start(element) }); }
</script></div></body></html>`;

describe('externalizeBootScript', () => {
	it('leaves no inline script and loads the same code from a file', () => {
		const { html, file, code } = externalizeBootScript(page);
		expect(html).not.toMatch(/<script>/);
		expect(html).toContain(`<script src="/${file}"></script>`);
		expect(file).toMatch(/^_app\/immutable\/boot\.[0-9a-f]{10}\.js$/);
		expect(code).toContain('app.start(element)');
	});

	it('fails the build when SvelteKit changes the page shape', () => {
		expect(() => externalizeBootScript('<html></html>')).toThrow(/exactly one/);
		expect(() => externalizeBootScript(page + page)).toThrow(/found 2/);
	});
});
