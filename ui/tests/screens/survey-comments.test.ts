// Survey comments: listed on their round, marked as evidence for a pain point from there, and
// found by the search everywhere, whose hit opens the round.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_PAIN_POINT_FILTER } from '../../src/lib/pain-points/filters';
import { backend, expectAccessible, expectHealthy, launch, openApp, pressPaletteShortcut, visible } from './harness';

let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(async () => browser?.close());

type PainPoint = { id: string; title: string; evidence: { total: number } };
type Page_ = { items: { id: string; title: string }[] };

describe('survey comments', () => {
	it('marks a comment as evidence for a pain point, which then counts it', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { path: '/surveys' });
		await page.getByTestId('survey-row').first().getByRole('link').click();
		const comments = await visible(page.getByTestId('survey-comments'));
		await expect.poll(() => comments.getByTestId('survey-comment').count()).toBeGreaterThan(0);
		await expectAccessible(page, 'survey comments');

		const list = await backend<Page_>(page, 'list_pain_points', { filter: NO_PAIN_POINT_FILTER, page: { offset: 0, limit: 50 } });
		const target = list.items.find((p) => p.title === 'Migration guide for VM images is incomplete')!;
		const evidence = async () => (await backend<PainPoint>(page, 'get_pain_point', { id: target.id })).evidence.total;
		const before = await evidence();

		const comment = comments.getByTestId('survey-comment').first();
		const text = (await comment.locator('blockquote').textContent())!.trim();
		await comment.getByRole('button', { name: /as evidence$/ }).click();
		const dialog = await visible(page.getByRole('dialog', { name: 'Mark as evidence' }));
		await dialog.getByRole('button', { name: 'Link to pain point' }).click();
		await visible(dialog.getByTestId('error-painPointId'));
		await expect(dialog.getByLabel('Quote').inputValue(), 'the whole comment is quoted unless cut').resolves.toBe(text);
		await dialog.getByLabel('Find a pain point').fill('migration guide');
		await visible(dialog.getByRole('option', { name: /Migration guide for VM images/ }));
		await page.keyboard.press('Enter');
		await visible(dialog.getByTestId('picker-chosen'));
		await expectAccessible(page, 'mark a comment as evidence');
		await dialog.getByRole('button', { name: 'Link to pain point' }).click();
		await dialog.waitFor({ state: 'detached' });
		await visible(page.getByTestId('toast').filter({ hasText: 'Marked as evidence for “Migration guide for VM images is incomplete”.' }));
		await expect.poll(evidence).toBe(before + 1);
		await expectHealthy(page);
		await page.context().close();
	});

	it('finds a comment from the palette and opens its round', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { path: '/teams' });
		await pressPaletteShortcut(page);
		const palette = await visible(page.getByTestId('command-palette'));
		await page.keyboard.type('golden path');
		await visible(palette.getByText('Survey comments', { exact: true }));
		const hit = await visible(palette.getByTestId('search-hit').filter({ hasText: 'Developer survey' }));
		await expect(hit.locator('mark').first().textContent()).resolves.toMatch(/golden/i);
		await hit.first().click();
		await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/surveys\//);
		await visible(page.getByRole('heading', { level: 1, name: /^Developer survey/ }));
		await expectHealthy(page);
		await page.context().close();
	});
});
