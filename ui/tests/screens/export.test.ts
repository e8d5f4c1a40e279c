// Settings → Export everything writes one .zip through the real core; the welcome screen of an
// empty workspace imports it back, and the workspace holds what was exported.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectHealthy, launch, openApp, setChosenFolder, visible } from './harness';

let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(async () => browser?.close());

describe('export and import', () => {
	it('exports everything to one .zip and imports it into an empty workspace', async () => {
		const source = await openApp(browser, { scenario: 'example' }, { path: '/settings' });
		await source.getByTestId('export').click();
		const result = source.getByTestId('export-result');
		await expect.poll(() => result.textContent(), { timeout: 15_000 }).toMatch(/^Exported [\d,]+ records/);
		const said = (await result.textContent()) ?? '';
		const zip = /to (\/.*\.zip)\.$/.exec(said)?.[1];
		expect(zip, said).toBeTruthy();
		const records = /^Exported ([\d,]+) records/.exec(said)?.[1];
		const interviews = await source.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Interviews/ }).textContent();
		await source.context().close();

		const target = await openApp(browser, { scenario: 'empty' });
		await visible(target.getByTestId('welcome'));
		await setChosenFolder(target, zip!);
		await target.getByRole('button', { name: 'Import an export' }).click();
		await visible(target.getByTestId('toast').filter({ hasText: `Imported ${records} records from ${zip}.` }), 15_000);
		const nav = target.getByRole('navigation', { name: 'Main' });
		await expect.poll(() => nav.getByRole('link', { name: /^Interviews/ }).textContent()).toBe(interviews);
		await expectHealthy(target);
		await target.context().close();
	});

	it('offers the import only in an empty workspace', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { path: '/settings' });
		await expect(page.getByTestId('import-bundle').count(), 'offered only when empty').resolves.toBe(0);
		await page.context().close();
	});
});
