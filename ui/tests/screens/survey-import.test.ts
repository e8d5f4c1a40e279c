// Importing a survey export: the file is picked in Rust, its columns mapped with a preview of the
// first rows, the import runs with a progress bar and can be cancelled with nothing written, and
// the team names no customer team matched are reviewed after.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Survey } from '../../src/lib/bindings/Survey';
import { surveyExport } from './fixtures';
import { backend, expectAccessible, expectHealthy, launch, openApp, screenshot, setChosenFolder, visible } from './harness';

let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(async () => browser?.close());

/** Opens the example's latest survey round and returns its id. */
async function openRound(page: Page): Promise<string> {
	const rounds = page.getByTestId('survey-row');
	await expect.poll(() => rounds.count()).toBe(4);
	await rounds.first().getByRole('link').click();
	await visible(page.getByRole('heading', { name: 'Import responses' }));
	return decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
}

const responses = async (page: Page, id: string) => (await backend<Survey>(page, 'get_survey', { id })).responses;

/** Picks the export and maps its recommendation column, which no question's prompt names. */
async function pickAndMap(page: Page) {
	await setChosenFolder(page, surveyExport());
	await page.getByRole('button', { name: 'Choose an export…' }).click();
	await visible(page.getByText('Developer survey (Responses) - Form responses 1.csv'));
	const table = page.getByRole('table', { name: "The file's first rows, with what each column holds" });
	await expect.poll(() => table.locator('tbody tr').count()).toBe(3);
	const recommend = page.getByLabel('What “Recommend (0-10)” holds');
	await expect(recommend.inputValue()).resolves.toBe('ignore');
	await expect(page.getByLabel('What “Which team are you in?” holds').inputValue()).resolves.toBe('team');
	await recommend.selectOption({ label: 'Q2: How likely are you to recommend the platform to a colleague?' });
	const ready = await visible(page.getByTestId('import-ready'));
	await expect(ready.textContent()).resolves.toBe(
		'3 responses will be imported; 1 team name matches no customer team and can be reviewed after.'
	);
}

describe('survey import', () => {
	it('maps the columns with a preview, imports every row, and reviews the unmatched team', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { path: '/surveys' });
		const id = await openRound(page);
		const before = await responses(page, id);
		await setChosenFolder(page, null);
		const choose = page.getByRole('button', { name: 'Choose an export…' });
		await choose.click();
		// The button is back once the cancelled pick has answered: a pick still on its way would
		// answer with the next file and reset the mapping made meanwhile.
		await expect.poll(() => choose.isEnabled()).toBe(true);
		await expect(page.getByTestId('column-role').count(), 'cancelling the picker opens nothing').resolves.toBe(0);

		await pickAndMap(page);
		await expectAccessible(page, 'survey import mapping');
		// Headers of one line and of several: every column's select sits on the same line.
		for (const width of [1280, 1600, 1920]) {
			await page.setViewportSize({ width, height: 900 });
			const tops = await page.getByTestId('column-role').evaluateAll((selects) => selects.map((s) => s.getBoundingClientRect().top));
			expect(new Set(tops).size, `the selects' tops at ${width} px wide: ${tops}`).toBe(1);
		}
		await screenshot(page, 'survey-import-mapping');
		await page.getByRole('button', { name: 'Import 3 responses' }).click();
		await expect((await visible(page.getByTestId('import-done'))).textContent()).resolves.toContain('Imported 3 responses (8 answers)');
		await expect.poll(() => responses(page, id)).toBe(before + 3);

		const unmatched = await visible(page.getByTestId('unmatched'));
		const warehouse = unmatched.getByRole('listitem').filter({ hasText: 'Warehouse' });
		await expect(warehouse.textContent()).resolves.toContain('1 response');
		await expectAccessible(page, 'unmatched teams');
		await warehouse.getByLabel('Customer team for Warehouse').selectOption({ label: 'Payments' });
		await warehouse.getByRole('button', { name: 'Assign' }).click();
		await expect.poll(() => page.getByTestId('unmatched').count()).toBe(0);
		await expectHealthy(page);
		await page.context().close();
	});

	it('shows the progress and cancels with nothing written, then imports when asked again', async () => {
		const page = await openApp(browser, { scenario: 'example', slow: { import_survey: 8000 } }, { path: '/surveys' });
		const id = await openRound(page);
		const before = await responses(page, id);
		await pickAndMap(page);
		await page.getByRole('button', { name: 'Import 3 responses' }).click();
		await visible(page.getByRole('progressbar', { name: 'Import progress' }));
		// Cancelled before the import reaches the backend: it stops at once, all the same.
		await page.getByRole('button', { name: 'Cancel' }).click();
		await expectAccessible(page, 'survey import under way');
		await expect((await visible(page.getByTestId('import-problem'), 15_000)).textContent()).resolves.toBe(
			'The import was cancelled; nothing was written.'
		);
		expect(await responses(page, id), 'nothing was written').toBe(before);

		await page.getByRole('button', { name: 'Import 3 responses' }).click();
		await visible(page.getByTestId('import-done'), 15_000);
		await expect.poll(() => responses(page, id)).toBe(before + 3);
		await page.context().close();
	});
});
