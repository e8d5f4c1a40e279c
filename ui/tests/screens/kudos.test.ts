// The kudos wall: give kudos to a person or the team, see them on the wall, narrow it to one
// recipient, and delete one with Undo. Runs the real commands over the example workspace.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectHealthy, launch, openApp, visible } from './harness';

let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(async () => browser?.close());

describe('kudos', () => {
	it('gives kudos, shows them on the wall, narrows by recipient and deletes with undo', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { path: '/kudos' });
		const cards = page.getByTestId('kudos-card');
		await visible(cards.first());
		const before = await cards.count();

		await page.getByRole('button', { name: 'Give kudos' }).first().click();
		const dialog = await visible(page.getByRole('dialog', { name: 'Give kudos' }));
		await dialog.getByRole('button', { name: 'Give kudos' }).click();
		await visible(dialog.getByTestId('error-to'));
		await expect(dialog.getByTestId('error-message').textContent()).resolves.toContain('Say what the kudos is for');

		const from = dialog.getByLabel('From');
		const giver = await from.locator('option:not([disabled])').first().textContent();
		await from.selectOption({ label: giver! });
		const to = dialog.getByLabel('To', { exact: true });
		const receiver = (await to.locator('optgroup[label="People"] option').last().textContent())!;
		await to.selectOption({ label: receiver });
		await dialog.getByLabel('What for').fill('Answered every runner question in the channel this week.');
		await dialog.getByRole('button', { name: 'Give kudos' }).click();

		const given = cards.filter({ hasText: 'Answered every runner question' });
		await visible(given);
		await expect(given.textContent()).resolves.toContain(`To ${receiver}`);
		await expect(given.textContent()).resolves.toContain(`From ${giver}`);
		await expect.poll(() => cards.count()).toBe(before + 1);

		await page.getByTestId('kudos-to').selectOption({ label: receiver });
		await expect.poll(() => cards.count()).toBe(1);
		await page.getByTestId('kudos-to').selectOption({ label: 'Everyone' });
		await expect.poll(() => cards.count()).toBe(before + 1);

		await given.getByRole('button', { name: `Delete kudos to ${receiver}` }).click();
		await expect.poll(() => cards.count()).toBe(before);
		await page.getByTestId('toast').getByRole('button', { name: 'Undo' }).click();
		await expect.poll(() => cards.count()).toBe(before + 1);
		await expectHealthy(page);
		await page.context().close();
	});

	it('teaches what kudos are where there are none', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { path: '/kudos' });
		await visible(page.getByTestId('kudos-card'));
		const team = (await page.getByTestId('kudos-to').locator('option[value^="team:"]').first().textContent())!;
		await page.getByTestId('kudos-to').selectOption({ label: team });
		await visible(page.getByText('No kudos here yet'));
		await page.getByRole('main').getByRole('button', { name: 'Give kudos' }).last().click();
		await visible(page.getByRole('dialog', { name: 'Give kudos' }));
		await page.context().close();
	});
});
