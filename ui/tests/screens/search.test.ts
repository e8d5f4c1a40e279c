// Search everywhere from the command palette, and opening what it finds.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calls, expectHealthy, launch, notesSelection, openApp, pressPaletteShortcut, screenshot, visible } from './harness';

let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(async () => browser?.close());

describe('search', () => {
	it('finds an interview from the palette and opens it at the matched word', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { path: '/teams' });
		await pressPaletteShortcut(page);
		const palette = await visible(page.getByTestId('command-palette'));
		await page.keyboard.type('postgres');
		const hit = await visible(palette.getByTestId('search-hit').filter({ hasText: 'Payments' }));
		await expect(hit.locator('mark').textContent(), 'the match is marked').resolves.toBe('Postgres');
		await expect(palette.getByText('Interviews', { exact: true }).count()).resolves.toBe(1);
		await screenshot(page, 'palette-search');
		const before = (await calls(page)).length;
		// A workshop card of the example mentions Postgres too, and may rank first.
		await hit.click();
		await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/interviews\//);
		await expect.poll(() => notesSelection(page)).toBe('Postgres');
		const made = (await calls(page)).slice(before).map((c) => c.command);
		console.log(`IPC calls to open a search hit: ${made.length} (${made.join(', ')})`);
		expect(made.filter((c) => c === 'get_interview'), 'the hit says where the match is').toHaveLength(1);
		await expectHealthy(page);
		await page.context().close();
	});

	it('says why punctuation finds nothing, in the palette and without a stack', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { path: '/teams' });
		await page.keyboard.press('/');
		const palette = await visible(page.getByTestId('command-palette'));
		await page.keyboard.type('?!');
		const error = await visible(palette.getByTestId('search-error'));
		await expect(error.textContent()).resolves.toBe('Type a word to search for: punctuation alone matches nothing.');
		await page.context().close();
	});

	it('opens a pain point found by its title', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { path: '/interviews' });
		await pressPaletteShortcut(page);
		await page.keyboard.type('canaries');
		const palette = page.getByTestId('command-palette');
		await palette.getByTestId('search-hit').filter({ hasText: 'Rollback safety is unclear' }).click();
		await visible(page.getByRole('heading', { level: 1, name: 'Rollback safety is unclear during canaries' }));
		await page.context().close();
	});
});
