// First run: the welcome screen and its two ways in.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectHealthy, launch, openApp, screenshot, visible } from './harness';

let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(async () => browser?.close());

describe('first run', () => {
	it('offers to create a team, and lands on the new team', async () => {
		const page = await openApp(browser, { scenario: 'empty' });
		await visible(page.getByTestId('welcome'));
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(
			'Turn your platform team toward its customers'
		);
		await screenshot(page, 'welcome');

		await page.getByRole('button', { name: 'Create your team' }).click();
		const name = page.getByLabel('Team name');
		await expect(name.evaluate((el) => el === document.activeElement), 'focus moves to the name').resolves.toBe(true);

		await page.getByRole('button', { name: 'Create team' }).click();
		await visible(page.getByTestId('error-name'));
		await expect(name.getAttribute('aria-invalid')).resolves.toBe('true');

		await name.fill('Developer Platform');
		await page.getByLabel('What your team does').fill('CI and deploys for everyone.');
		await page.getByRole('button', { name: 'Create team' }).click();

		await visible(page.getByRole('heading', { level: 1, name: 'Developer Platform' }));
		expect(new URL(page.url()).pathname).toMatch(/^\/teams\/[0-9a-f-]+$/);
		await visible(page.getByRole('navigation', { name: 'Main' }));
		await screenshot(page, 'team-new');
		await expectHealthy(page);
		await page.context().close();
	});

	it('loads the example workspace and shows its data on every list', async () => {
		const page = await openApp(browser, { scenario: 'empty' });
		await page.getByRole('button', { name: 'Load the example' }).click();

		await visible(page.getByRole('heading', { level: 1, name: 'Home' }));
		await page.getByRole('link', { name: /^Teams/ }).click();
		await expect.poll(() => page.getByTestId('team-card').count()).toBe(1);

		await page.getByRole('link', { name: /^People/ }).click();
		await visible(page.getByRole('heading', { level: 1, name: 'People' }));
		await expect.poll(() => page.getByTestId('person-row').count()).toBe(6);

		await page.getByRole('link', { name: /^Products/ }).click();
		await visible(page.getByRole('heading', { level: 2, name: 'Developer Platform' }));
		await expect(page.getByTestId('product-row').count()).resolves.toBe(4);

		await page.getByRole('link', { name: /^Customers/ }).click();
		await visible(page.getByRole('heading', { level: 2, name: 'Payments' }));
		await expect(page.getByTestId('customer-card').count()).resolves.toBe(6);
		await expectHealthy(page);
		await page.context().close();
	});
});
