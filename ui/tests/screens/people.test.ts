// Forms: errors appear next to the field they are about, whoever found them.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backend, calls, expectHealthy, failNext, launch, openApp, screenshot, visible } from './harness';

let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(async () => browser?.close());

async function describedErrorOf(page: Page, label: string): Promise<string> {
	return page.getByLabel(label, { exact: true }).evaluate((input) => {
		const ids = (input.getAttribute('aria-describedby') ?? '').split(' ');
		return ids.map((id) => document.getElementById(id)?.textContent?.trim() ?? '').join(' | ');
	});
}

describe('people', () => {
	it('shows a missing name next to the name field, without calling the backend', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { path: '/people' });
		await page.getByRole('button', { name: 'New person' }).click();
		const dialog = await visible(page.getByRole('dialog', { name: 'New person' }));
		await dialog.getByLabel('Team', { exact: true }).selectOption({ label: 'Developer Platform' });
		await dialog.getByRole('button', { name: 'Add person' }).click();

		const error = await visible(page.getByTestId('error-name'));
		await expect(error.textContent()).resolves.toContain('Enter the person’s name.');
		const name = dialog.getByLabel('Name', { exact: true });
		await expect(name.getAttribute('aria-invalid')).resolves.toBe('true');
		await expect(describedErrorOf(page, 'Name')).resolves.toContain('Enter the person’s name.');
		await expect(name.evaluate((el) => el === document.activeElement), 'focus goes to the problem').resolves.toBe(true);
		expect((await calls(page)).some((c) => c.command === 'create_person')).toBe(false);
		await screenshot(page, 'person-form-error');
		await page.context().close();
	});

	it('shows a backend validation error next to its field, and other errors in the banner', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { path: '/people' });
		await page.getByRole('button', { name: 'New person' }).click();
		const dialog = await visible(page.getByRole('dialog', { name: 'New person' }));
		await dialog.getByLabel('Name', { exact: true }).fill('x'.repeat(201));
		await dialog.getByLabel('Team', { exact: true }).selectOption({ label: 'Developer Platform' });
		await dialog.getByRole('button', { name: 'Add person' }).click();
		await visible(page.getByTestId('error-name'));
		await expect(page.getByTestId('error-name').textContent()).resolves.toContain(
			'Name is 201 characters long; the limit is 200.'
		);

		await failNext(page, 'create_person', {
			kind: 'validation',
			message: 'Choose a team that exists and is not in the Trash.',
			field: 'teamId'
		});
		await dialog.getByLabel('Name', { exact: true }).fill('Ines Duarte');
		await dialog.getByRole('button', { name: 'Add person' }).click();
		await visible(page.getByTestId('error-teamId'));
		await expect(page.getByTestId('error-name').count(), 'the old error is gone').resolves.toBe(0);

		await failNext(page, 'create_person', {
			kind: 'internal',
			message: 'Something went wrong while saving or reading your data.'
		});
		await dialog.getByRole('button', { name: 'Add person' }).click();
		await expect((await visible(page.getByTestId('form-error'))).textContent()).resolves.toContain('Something went wrong');
		await page.context().close();
	});

	it('adds a person who then appears in the list, with a level badge, and filters by team', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { path: '/people' });
		// The example has one team; a second one to file the new person under.
		await backend(page, 'create_team', { input: { name: 'Cloud Infrastructure', description: '' } });
		await page.getByRole('button', { name: 'New person' }).click();
		const dialog = await visible(page.getByRole('dialog', { name: 'New person' }));
		await dialog.getByLabel('Name', { exact: true }).fill('Ines Duarte');
		await dialog.getByLabel(/^Role/).fill('Platform engineer');
		await dialog.getByLabel('Level', { exact: true }).selectOption({ label: 'Principal' });
		await dialog.getByLabel('Team', { exact: true }).selectOption({ label: 'Cloud Infrastructure' });
		await dialog.getByRole('button', { name: 'Add person' }).click();
		await dialog.waitFor({ state: 'detached' });

		const row = await visible(page.getByTestId('person-row').filter({ hasText: 'Ines Duarte' }));
		await expect(row.textContent()).resolves.toContain('Principal');
		await expect(page.getByTestId('person-row').count()).resolves.toBe(7);

		await page.getByTestId('team-filter').selectOption({ label: 'Cloud Infrastructure' });
		await expect
			.poll(() => page.getByTestId('person-row').count(), { timeout: 5000 })
			.toBe(1);
		await expect(page.getByRole('link', { name: /^People/ }).textContent(), 'the sidebar count follows').resolves.toContain('7');
		await expectHealthy(page);
		await page.context().close();
	});

	it('edits a customer with a backend field error on the size', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { path: '/customers' });
		await page.getByRole('button', { name: 'Edit Payments' }).click();
		const dialog = await visible(page.getByRole('dialog', { name: 'Edit Payments' }));
		await dialog.getByLabel(/^Size/).fill('2000000');
		await dialog.getByRole('button', { name: 'Save changes' }).click();
		await expect((await visible(page.getByTestId('error-size'))).textContent()).resolves.toContain(
			'larger than 1000000'
		);
		await dialog.getByLabel(/^Size/).fill('20');
		await dialog.getByRole('checkbox', { name: 'Legacy VM images' }).check();
		await screenshot(page, 'customer-form');
		await dialog.getByRole('button', { name: 'Save changes' }).click();
		await dialog.waitFor({ state: 'detached' });
		const card = page.getByTestId('customer-card').filter({ hasText: 'Payments' });
		await expect.poll(() => card.textContent()).toContain('Legacy VM images');
		await expect(card.textContent()).resolves.toContain('20 people');
		await expectHealthy(page);
		await page.context().close();
	});
});
