// Migrations: the example's list, a migration's page with its burn-up (against the numbers the
// core computes), hours and blocked team; moving teams from the keyboard, blocking one with its
// reason, and planning a new migration with a deadline before its start refused on its field.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, expectDrawn, expectFits, expectHealthy, launch, openApp, screenshot, visible } from './harness';

let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(async () => browser?.close());

describe('migrations', () => {
	it('lists the example’s migrations and shows one’s teams, burn-up, hours and blocked team', async () => {
		const page = await openApp(browser, { scenario: 'example' });
		await page.getByRole('list', { name: 'Progress' }).getByRole('link', { name: 'Migrations' }).click();
		const list = await visible(page.getByTestId('migrations'));
		const vm = list.getByRole('row', { name: /Retire the legacy VM images/ });
		await expect(vm.textContent()).resolves.toContain('3 of 6');
		await vm.getByRole('link').click();

		await expect((await visible(page.getByTestId('migration-summary'))).textContent()).resolves.toContain('3 of 6 teams done');
		await expect(page.getByTestId('migration-blocked').textContent()).resolves.toContain('Data Platform');
		await expect(page.getByTestId('migration-hours').textContent()).resolves.toContain('186 h');
		await expect(page.getByTestId('migration-hours').textContent()).resolves.toContain('70 h');
		await expectDrawn(page.getByTestId('burn-up'));
		await page.getByText('The burn-up as a table').click();
		const rows = page.getByTestId('burn-up-table').locator('tbody tr');
		await expect(rows.count()).resolves.toBe(17);
		await expect(rows.nth(12).locator('td').first().textContent()).resolves.toBe('3');
		await expect(rows.nth(13).locator('td').first().textContent()).resolves.toBe('—');
		await expect(rows.nth(16).locator('td').last().textContent()).resolves.toBe('6');
		await expectAccessible(page, 'migration page');
		await expectFits(page, { width: 1280, height: 800 }, 'migration page');
		await page.evaluate(() => window.scrollTo(0, 0));
		await screenshot(page, 'migration');

		// Search & Discovery finishes; Mobile Apps is blocked, with its reason typed and Enter.
		const search = page.getByLabel('State of Search & Discovery');
		await search.focus();
		await search.selectOption('done');
		await expect.poll(() => page.getByTestId('migration-summary').textContent()).toContain('4 of 6 teams done');
		// Asked for a reason, the person changes their mind: the team keeps its state, and says so.
		const mobile = page.getByLabel('State of Mobile Apps');
		const before = await mobile.inputValue();
		await mobile.selectOption('blocked');
		await (await visible(page.getByTestId('block-reason'))).fill('not yet');
		await page.getByRole('button', { name: 'Cancel' }).click();
		await expect.poll(() => mobile.inputValue(), { message: 'Cancel puts back the state' }).toBe(before);

		await mobile.selectOption('blocked');
		const reason = await visible(page.getByTestId('block-reason'));
		await reason.focus();
		await page.keyboard.type('The app store review freezes releases until January');
		await page.keyboard.press('Enter');
		await expect.poll(() => page.getByTestId('migration-blocked').textContent()).toContain('The app store review freezes releases');
		await expect(page.getByTestId('migration-summary').textContent()).resolves.toContain('2 blocked');
		await expectHealthy(page);
	});

	it('plans a migration, refusing a deadline before its start on that field', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { colorScheme: 'dark' });
		await page.getByRole('list', { name: 'Progress' }).getByRole('link', { name: 'Migrations' }).click();
		await page.getByTestId('new-migration').click();
		const dialog = await visible(page.getByRole('dialog', { name: 'New migration' }));
		await dialog.getByLabel('Migration', { exact: true }).fill('Kafka 2 to 3');
		await dialog.getByLabel('Starts').fill('2026-12-01');
		await dialog.getByLabel('Deadline').fill('2026-11-01');
		await dialog.getByRole('button', { name: 'Plan migration' }).click();
		await expect((await visible(dialog.getByTestId('error-deadline'))).textContent()).resolves.toContain('before the start');
		await expectAccessible(page, 'migration form with an error');
		await dialog.getByLabel('Deadline').fill('2027-03-31');
		await dialog.getByRole('button', { name: 'Plan migration' }).click();
		await visible(page.getByRole('heading', { level: 1, name: 'Kafka 2 to 3' }));
		await expect(page.getByText('No teams yet').isVisible()).resolves.toBe(true);
		await page.getByTestId('add-team-customer').selectOption({ label: 'Payments' });
		await page.getByRole('button', { name: 'Add team' }).click();
		await expect.poll(() => page.getByTestId('migration-summary').textContent()).toContain('0 of 1 teams done');
		await expectHealthy(page);
	});
});
