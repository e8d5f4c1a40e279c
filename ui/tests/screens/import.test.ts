// Importing a folder of Markdown interviews: a preview first, all or nothing, clear errors.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badDate, longFolder, twoInterviews } from './fixtures';
import { expectHealthy, launch, openApp, screenshot, setChosenFolder, visible } from './harness';

let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(async () => browser?.close());

describe('import', () => {
	it('previews the files and the customers it will create, then imports them all', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { path: '/interviews' });
		await expect.poll(() => page.getByTestId('interview-row').count()).toBe(4);
		await setChosenFolder(page, twoInterviews());
		await page.getByRole('button', { name: 'Import from folder…' }).click();
		const dialog = await visible(page.getByRole('dialog', { name: 'Import 2 interviews?' }));
		await expect(dialog.getByTestId('import-row').count()).resolves.toBe(2);
		await expect(dialog.getByTestId('import-new-customers').textContent()).resolves.toContain('Growth');
		await screenshot(page, 'import-preview');
		await dialog.getByRole('button', { name: 'Import 2 interviews' }).click();
		await visible(page.getByTestId('toast').filter({ hasText: 'Imported 2 interviews.' }));
		await expect.poll(() => page.getByTestId('interview-row').count()).toBe(6);
		await expectHealthy(page);
		await page.context().close();
	});

	it('lists the first files of a long folder and counts the rest', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { path: '/interviews' });
		await setChosenFolder(page, longFolder());
		await page.getByRole('button', { name: 'Import from folder…' }).click();
		const dialog = await visible(page.getByRole('dialog', { name: 'Import 120 interviews?' }));
		await expect(dialog.getByTestId('import-row').count()).resolves.toBe(50);
		await expect(dialog.getByTestId('import-more-files').textContent()).resolves.toContain('and 70 more files');
		await expect(dialog.getByTestId('import-new-customers').textContent()).resolves.toContain('and 11 more');
		await page.context().close();
	});

	it('names the file and line of a problem, and does nothing when cancelled', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { path: '/interviews' });
		await setChosenFolder(page, null);
		await page.getByRole('button', { name: 'Import from folder…' }).click();
		await expect(page.getByRole('dialog').count(), 'cancelling the picker opens nothing').resolves.toBe(0);

		const folder = badDate();
		await setChosenFolder(page, folder);
		await page.getByRole('button', { name: 'Import from folder…' }).click();
		const problem = await visible(page.getByTestId('import-problem'));
		await expect(problem.textContent()).resolves.toContain(`${folder}/b.md, line 3:`);
		await page.context().close();
	});

	it('names a trashed interview by its customer and day', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { path: '/interviews' });
		await page.getByTestId('interview-row').filter({ hasText: 'Risk & Fraud' }).getByRole('link').first().click();
		await page.getByRole('button', { name: 'Delete' }).click();
		await visible(page.getByRole('heading', { level: 1, name: 'Interviews' }));
		await page.getByRole('link', { name: /^Trash/ }).click();
		const row = await visible(page.getByTestId('trash-row'));
		await expect(row.locator('th').textContent()).resolves.toMatch(/^Risk & Fraud, \d{4}-\d{2}-\d{2}$/);
		await expect(row.textContent()).resolves.toContain('Interview');
		await page.context().close();
	});
});
