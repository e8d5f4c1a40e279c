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
		await expect.poll(() => rows.count()).toBe(3);
		await expect(rows.locator('th').allTextContents()).resolves.toEqual([
			expect.stringContaining('Search'),
			expect.stringContaining('Mobile App'),
			expect.stringContaining('Payments')
		]);
		await expect(rows.nth(0).getByTestId('unheard-flag').textContent()).resolves.toContain('Never heard from');
		await expect(rows.nth(1).getByTestId('unheard-flag').textContent()).resolves.toMatch(/Not heard from in \d+ weeks/);
		await expect(rows.nth(2).getByTestId('unheard-flag').count(), 'Payments was heard from lately').resolves.toBe(0);
		await expect(page.getByTestId('seniority-summary').textContent()).resolves.toContain('Senior and above: 1 conversation');

		const weeks = page.getByLabel('Flag a customer after this many weeks of silence');
		await weeks.fill('0');
		await page.getByRole('button', { name: 'Save' }).click();
		await expect((await visible(page.getByTestId('error-unheardAfterWeeks'))).textContent()).resolves.toContain('0 weeks is outside 1 to 104');

		await weeks.fill('40');
		await page.getByRole('button', { name: 'Save' }).click();
		await expect.poll(() => rows.nth(1).getByTestId('unheard-flag').count(), { message: 'a longer threshold clears the flag' }).toBe(0);
		await expect(rows.nth(0).getByTestId('unheard-flag').count(), 'never heard from is always flagged').resolves.toBe(1);
		await expectHealthy(page);
		await page.context().close();
	});
});
