// Coverage: who has not been heard from, and whether seniors listen too.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectHealthy, launch, openApp, visible } from './harness';

let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(async () => browser?.close());

describe('coverage', () => {
	it('flags customers not heard from, longest silence first, in words and not colour alone', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { path: '/coverage' });
		const rows = page.getByTestId('coverage-row');
		await expect.poll(() => rows.count()).toBe(6);
		await expect(rows.locator('th').allTextContents()).resolves.toEqual([
			expect.stringContaining('Mobile Apps'),
			expect.stringContaining('Search & Discovery'),
			expect.stringContaining('Risk & Fraud'),
			expect.stringContaining('Data Platform'),
			expect.stringContaining('Checkout'),
			expect.stringContaining('Payments')
		]);
		await expect(rows.nth(0).getByTestId('unheard-flag').textContent()).resolves.toContain('Never heard from');
		await expect(rows.nth(2).getByTestId('unheard-flag').textContent()).resolves.toMatch(/Not heard from in \d+ weeks/);
		await expect(rows.nth(5).getByTestId('unheard-flag').count(), 'Payments was heard from lately').resolves.toBe(0);
		// How many fall in this quarter depends on today's date (the core's rule, tested in Rust).
		await expect(page.getByTestId('seniority-summary').textContent()).resolves.toMatch(/Senior and above: \d+ conversation/);

		const weeks = page.getByLabel('Flag a customer after this many weeks of silence');
		await weeks.fill('0');
		await page.getByRole('button', { name: 'Save' }).click();
		await expect((await visible(page.getByTestId('error-unheardAfterWeeks'))).textContent()).resolves.toContain('0 weeks is outside 1 to 104');

		await weeks.fill('40');
		await page.getByRole('button', { name: 'Save' }).click();
		await expect.poll(() => rows.nth(2).getByTestId('unheard-flag').count(), { message: 'a longer threshold clears the flag' }).toBe(0);
		await expect(rows.nth(0).getByTestId('unheard-flag').count(), 'never heard from is always flagged').resolves.toBe(1);
		await expectHealthy(page);
		await page.context().close();
	});

	it('fits the default 1280 × 800 window: no sideways scroll, every Log button and the Commands button in view', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { path: '/coverage' });
		await page.setViewportSize({ width: 1280, height: 800 });
		await visible(page.getByTestId('unheard-flag'));
		const table = await page.locator('.coverage-table').evaluate((t) => {
			const wrap = t.parentElement as HTMLElement;
			return { table: t.getBoundingClientRect().width, column: wrap.clientWidth, page: document.documentElement.scrollWidth };
		});
		expect(table.table, 'the table is no wider than the content column').toBeLessThanOrEqual(table.column);
		expect(table.page, 'the page does not scroll sideways').toBeLessThanOrEqual(1280);
		for (const log of await page.getByRole('link', { name: /^Log a conversation with/ }).all()) {
			const box = await log.boundingBox();
			expect(box && box.x + box.width, 'each Log button is inside the window').toBeLessThanOrEqual(1280);
		}
		const flag = await page.getByTestId('unheard-flag').first().boundingBox();
		expect(flag?.height, 'a flag is one line, a pill').toBeLessThan(40);
		const commands = await page.getByRole('button', { name: /Commands/ }).boundingBox();
		expect(commands && commands.y + commands.height, 'the Commands button is fully in view').toBeLessThanOrEqual(800);
		const sidebar = await page.getByRole('navigation', { name: 'Main' }).evaluate((nav) => nav.scrollHeight - nav.clientHeight);
		expect(sidebar, 'the sidebar needs no scrollbar').toBe(0);
		await page.context().close();
	});

	it('keeps every sidebar entry reachable: whole at 1920 × 1080, scrolling above the Commands button at 1280 × 800', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { path: '/coverage' });
		await visible(page.getByTestId('unheard-flag'));
		const layout = () =>
			page.getByRole('navigation', { name: 'Main' }).evaluate((nav) => {
				const lists = nav.querySelector('.nav-lists') as HTMLElement;
				const commands = nav.querySelector('.palette-trigger') as HTMLElement;
				const box = lists.getBoundingClientRect();
				const button = commands.getBoundingClientRect();
				const current = nav.querySelector('[aria-current="page"]')!.getBoundingClientRect();
				return {
					scrolls: lists.scrollHeight - lists.clientHeight,
					listAboveCommands: box.bottom <= button.top + 1,
					commandsInView: button.bottom <= window.innerHeight,
					currentInView: current.top >= box.top - 1 && current.bottom <= box.bottom + 1,
					hidden: [...lists.querySelectorAll('li a')]
						.map((a) => ({ name: a.textContent?.trim(), rect: a.getBoundingClientRect() }))
						.filter(({ rect }) => rect.bottom > Math.min(box.bottom, button.top) || rect.top < box.top)
						.map(({ name }) => name)
				};
			});
		await page.setViewportSize({ width: 1920, height: 1080 });
		const large = await layout();
		expect(large.hidden, 'at 1920 × 1080 every entry shows whole').toEqual([]);
		expect(large.scrolls, 'at 1920 × 1080 the entries need no scrollbar').toBeLessThanOrEqual(0);

		await page.setViewportSize({ width: 1280, height: 800 });
		const small = await layout();
		expect(small.listAboveCommands, 'no entry sits under the Commands button').toBe(true);
		expect(small.commandsInView, 'the Commands button stays in view').toBe(true);
		expect(small.currentInView, 'the current screen’s entry is in view').toBe(true);
		await page.context().close();
	});
});
