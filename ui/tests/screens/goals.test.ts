// Metrics, goals and surveys against the example workspace's four quarters of survey results.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, expectDrawn, expectHealthy, launch, openApp, visible } from './harness';

let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(async () => browser?.close());

describe('metrics, goals and surveys', () => {
	it('shows each metric with its value, interval, n and change, and refuses a fifth quarter', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { path: '/metrics' });
		const rows = page.getByTestId('metric-row');
		await expect.poll(() => rows.count()).toBe(7);
		const csat = rows.filter({ hasText: 'CI satisfaction' });
		await expect(csat.getByTestId('metric-value').textContent()).resolves.toMatch(/\d+ %/);
		await expect(csat.getByTestId('metric-interval').textContent()).resolves.toMatch(/\d+ % to \d+ %/);
		await expect(csat.getByTestId('metric-n').textContent()).resolves.toMatch(/^\d+$/);
		const hours = rows.filter({ hasText: 'Hours to first response' });
		await expect(hours.getByTestId('metric-interval').textContent()).resolves.toBe('entered, no interval');
		await expectAccessible(page, 'metrics');

		await page.getByTestId('quarter-input').fill('2026-Q5');
		await page.getByRole('button', { name: 'Show' }).click();
		await expect((await visible(page.getByRole('alert'))).textContent()).resolves.toContain('Q5 does not exist');
		await page.context().close();
	});

	it('lists goals and opens one with its trend as a chart and a table, and a place for commitments', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { path: '/goals' });
		const goals = page.getByTestId('goal-row');
		await expect.poll(() => goals.count()).toBe(2);
		await goals.filter({ hasText: 'Most developers are happy with CI' }).getByRole('link').click();
		await visible(page.getByRole('heading', { name: 'Most developers are happy with CI' }));
		const table = page.getByRole('table').filter({ hasText: 'Quarter' });
		await expect.poll(() => table.locator('tbody tr').count()).toBe(4);
		await expect(page.getByTestId('goal-baseline').textContent()).resolves.toMatch(/\d+ %/);
		await visible(page.getByTestId('goal-commitments'));
		await expectDrawn(page.locator('figure').filter({ has: page.locator('canvas') }));
		await expectAccessible(page, 'goal page');
		await expectHealthy(page);
		await page.context().close();
	});

	it('sets a goal and refuses a target that moves the wrong way, naming the field', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { path: '/goals' });
		await page.getByRole('button', { name: 'New goal' }).first().click();
		await page.getByLabel('Goal', { exact: true }).fill('Fewer hours waiting');
		await page.getByLabel('Measured by').selectOption({ label: 'Hours to first response' });
		await page.getByLabel('Target').fill('20');
		await page.getByLabel('Due by').fill('2030-Q1');
		await page.getByRole('button', { name: 'Set goal' }).click();
		await expect((await visible(page.getByTestId('error-target'))).textContent()).resolves.toContain('lower is better');
		await page.getByLabel('Target').fill('3');
		await page.getByRole('button', { name: 'Set goal' }).click();
		await expect.poll(() => page.getByTestId('goal-row').count()).toBe(3);
		await page.context().close();
	});

	it('lists survey rounds with their responses and opens one to import into', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { path: '/surveys' });
		const rounds = page.getByTestId('survey-row');
		await expect.poll(() => rounds.count()).toBe(4);
		await rounds.first().getByRole('link').click();
		await visible(page.getByRole('heading', { name: 'Import responses' }));
		await visible(page.getByTestId('choose-survey-file'));
		await expectAccessible(page, 'survey page');
		await page.context().close();
	});
});
