// Tickets: importing a Jira export through the mapping screen, the black-hole meter of its
// quarter (against the numbers the core tests compute by hand), a goal on time to first
// response, and the meter's headline on Home.
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, expectFits, expectHealthy, launch, openApp, screenshot, setChosenFolder, visible } from './harness';

let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(async () => browser?.close());

const exports = resolve(import.meta.dirname, '../../../crates/outward-core/tests/fixtures/tickets');

describe('tickets', () => {
	it('imports a Jira export, shows its quarter’s black hole and sets a goal on time to first response', async () => {
		const page = await openApp(browser, { scenario: 'empty' });
		await page.getByRole('button', { name: 'Create your team' }).click();
		await page.getByLabel('Team name').fill('Platform');
		await page.getByRole('button', { name: 'Create team' }).click();
		// Exactly: the welcome page's own heading (“Turn your platform team…”) would match at once,
		// before the team exists.
		await visible(page.getByRole('heading', { name: 'Platform', exact: true }));
		await page.getByRole('link', { name: /^Tickets/ }).click();
		await visible(page.getByText(/No tickets in/));
		await setChosenFolder(page, resolve(exports, 'jira.csv'));
		await page.getByTestId('choose-ticket-file').click();
		await expect((await visible(page.getByTestId('ticket-import-ready'))).textContent()).resolves.toContain('8 new and 0 already imported');
		await expect(page.getByTestId('ticket-source').inputValue()).resolves.toBe('Jira');
		await expectAccessible(page, 'ticket import mapping');

		// Mapping the first-response column away shows no problem but no answers either; back again.
		const firstResponse = page.getByLabel('What “Custom field (First response)” holds');
		await firstResponse.selectOption('ignore');
		await firstResponse.selectOption('firstResponse');
		await page.getByTestId('run-ticket-import').click();
		await expect((await visible(page.getByTestId('tickets-imported'))).textContent()).resolves.toContain('8 added');

		await page.getByTestId('ticket-quarter').selectOption('2026-Q3');
		await expect.poll(() => page.getByTestId('meter-median').textContent()).toBe('24.0 h');
		await expect(page.getByTestId('meter-p90').textContent()).resolves.toBe('10.0 days');
		await expect(page.getByTestId('meter-unanswered').textContent()).resolves.toBe('33 %');
		const first = page.getByTestId('waiting-row').first();
		await expect(first.textContent()).resolves.toContain('OPS-099');
		await expect(first.textContent()).resolves.toContain('107 days');
		await expect(page.getByTestId('meter-distribution').getByRole('row', { name: /Over a week/ }).textContent()).resolves.toContain('1');
		await expectAccessible(page, 'ticket meter');
		await expectFits(page, { width: 1280, height: 800 }, 'ticket meter');
		await page.evaluate(() => window.scrollTo(0, 0));
		await screenshot(page, 'tickets-meter');

		await page.getByTestId('ticket-goal').click();
		const dialog = await visible(page.getByRole('dialog', { name: 'New goal' }));
		await dialog.getByLabel('Goal', { exact: true }).fill('Answer every request within a working day');
		await expect(dialog.getByLabel('Measured by').locator('option:checked').textContent()).resolves.toBe('Time to first response');
		await dialog.getByLabel('Target').fill('8');
		await dialog.getByLabel('Due by').fill('2030-Q1');
		await dialog.getByRole('button', { name: 'Set goal' }).click();
		await visible(page.getByRole('dialog', { name: 'New goal' }), 5000).catch(() => undefined);
		await page.getByRole('link', { name: /^Goals/ }).click();
		await visible(page.getByTestId('goal-row').filter({ hasText: 'Answer every request within a working day' }));
		await expectHealthy(page);
		await page.context().close();
	});

	it('names the line and column of a bad export and writes nothing', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { path: '/tickets' });
		await visible(page.getByTestId('waiting-row'));
		await setChosenFolder(page, resolve(exports, 'jira-later.csv'));
		await page.getByTestId('choose-ticket-file').click();
		await visible(page.getByTestId('ticket-import-ready'));
		// The created column mapped to the title: every row's date is unreadable.
		await page.getByLabel('What “Summary” holds').selectOption('created');
		await page.getByLabel('What “Created” holds').selectOption('ignore');
		await expect((await visible(page.getByTestId('ticket-import-problem'))).textContent()).resolves.toMatch(/^Line 2, column “Summary”: .* is not a date and time/);
		await expect(page.getByTestId('run-ticket-import').isDisabled()).resolves.toBe(true);
		await page.context().close();
	});

	it('shows the meter’s headline on Home where there are tickets', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { path: '/home', colorScheme: 'dark' });
		const tile = await visible(page.getByTestId('home-tickets'));
		await expect(tile.textContent()).resolves.toMatch(/Median first answer .* this quarter/);
		await expect(tile.textContent()).resolves.toContain('Waiting longest: PLAT-');
		await expectAccessible(page, 'home with tickets (dark)');
		await page.context().close();
	});
});
