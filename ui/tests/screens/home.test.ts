// Home: the app opens on it once the workspace has data, and each tile links to its screen.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectHealthy, launch, openApp, visible } from './harness';

let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(async () => browser?.close());

describe('home', () => {
	it('opens on Home, with every tile filled from the example and leading to its screen', async () => {
		const page = await openApp(browser, { scenario: 'example' });
		await visible(page.getByRole('heading', { level: 1, name: 'Home' }));
		expect(new URL(page.url()).pathname).toBe('/home');
		const pain = page.getByTestId('home-pain-points');
		await visible(pain.getByRole('listitem'));
		await expect(pain.getByRole('listitem').count()).resolves.toBe(5);
		await expect(pain.textContent()).resolves.toMatch(/\d+ open pain points in all/);
		await visible(page.getByTestId('home-kudos').getByRole('listitem'));
		await visible(page.getByTestId('home-goals').getByRole('listitem'));
		await expect(page.getByTestId('home-goals').textContent()).resolves.toMatch(/target .* by \d{4}-Q\d/);
		// Each goal says how it moved from the quarter before (within noise or not) and how far it
		// still is from its target, and the tile leads to the quarter's review.
		await expect(page.getByTestId('home-goal-change').first().textContent()).resolves.toMatch(/from \d{4}-Q\d/);
		await expect(page.getByTestId('home-goals').textContent()).resolves.toMatch(/to go|reached/);
		await expect(page.getByTestId('home-commitments').textContent()).resolves.toMatch(/1 at risk.*3 commitments in/s);
		await expect(page.getByTestId('home-workshop').textContent()).resolves.toContain('Nothing planned');

		const first = pain.getByRole('listitem').first().getByRole('link');
		const title = (await first.textContent())!;
		await first.click();
		await visible(page.getByRole('heading', { level: 1, name: title }));
		await page.goBack();
		await page.getByTestId('home-goals').getByRole('link', { name: /^Review / }).click();
		await visible(page.getByRole('heading', { level: 1, name: /^Review of / }));
		await expectHealthy(page);
		await page.context().close();
	});
});
