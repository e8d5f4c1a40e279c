import { describe, expect, it } from 'vitest';
import { externalizeBootScript } from './csp-adapter.js';

const page = `<html><head></head><body><div>
<script>
	{ const element = document.currentScript.parentElement;
	  Promise.all([import("/_app/a.js")]).then(([kit, app]) => { kit.start(app, element); }); }
</script></div></body></html>`;

describe('externalizeBootScript', () => {
	it('leaves no inline script and loads the same code from a file', () => {
		const { html, file, code } = externalizeBootScript(page);
		expect(html).not.toMatch(/<script>/);
		expect(html).toContain(`<script src="/${file}"></script>`);
		expect(file).toMatch(/^_app\/immutable\/boot\.[0-9a-f]{10}\.js$/);
		expect(code).toContain('kit.start(app, element)');
	});

	it('fails the build when SvelteKit changes the page shape', () => {
		expect(() => externalizeBootScript('<html></html>')).toThrow(/exactly one/);
		expect(() => externalizeBootScript(page + page)).toThrow(/found 2/);
	});
});
