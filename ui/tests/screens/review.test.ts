// The quarterly review against the example workspace (four quarters of survey results, two goals,
// a workshop with a rating step, a rota, tickets and migrations): charts with their tables, the
// chain, the practices, notes, closing a quarter.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, expectDrawn, expectFits, expectHealthy, launch, openApp, visible } from './harness';

let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(async () => browser?.close());

describe('quarterly review', () => {
	it('shows the quarter with charts as tables, the chain, and refuses a fifth quarter', async () => {
		for (const colorScheme of ['light', 'dark'] as const) {
			const page = await openApp(browser, { scenario: 'example' }, { path: '/review', colorScheme });
			await visible(page.getByRole('heading', { name: /^Review of \d{4} Q[1-4]$/ }));
			await expect.poll(() => page.getByTestId('review-metric').count()).toBe(7);
			const csat = page.getByTestId('review-metric').filter({ hasText: 'CI satisfaction' });
			await expect.poll(() => csat.locator('tbody tr').count()).toBe(4);
			await expect(csat.textContent()).resolves.toMatch(/Target of “.+”: \d+ %/);
			// The chain: both goals of the example, each with how its metric moved.
			await expect.poll(() => page.getByTestId('chain').count()).toBe(2);
			const outcome = page.getByTestId('chain-outcome').first();
			await expect(outcome.textContent()).resolves.toMatch(/→|no value yet|nothing measured/);
			await expect(outcome.textContent(), 'its quarters read as the review’s heading does').resolves.toMatch(/by \d{4} Q[1-4]\.\s*$/);
			// The self-assessment of the workshop's rating step, as a table beside the radar.
			await visible(page.getByRole('table').filter({ hasText: 'Dimension' }));
			await expectDrawn(csat);
			await expectAccessible(page, `review (${colorScheme})`);
			await expectFits(page, { width: 1280, height: 800 }, `review (${colorScheme})`);
			await expectHealthy(page);
			await page.context().close();
		}

		const page = await openApp(browser, { scenario: 'example' }, { path: '/review' });
		const title = await (await visible(page.getByRole('heading', { name: /^Review of / }))).textContent();
		await page.getByRole('button', { name: 'Previous quarter' }).click();
		await expect.poll(() => page.getByRole('heading', { name: /^Review of / }).textContent()).not.toBe(title);
		await expect.poll(() => page.getByTestId('review-metric').count()).toBe(7);
		await page.getByTestId('review-quarter').fill('2026-Q5');
		await page.getByRole('button', { name: 'Show' }).click();
		await expect((await visible(page.getByRole('alert'))).textContent()).resolves.toContain('Q5 does not exist');
		await page.context().close();
	});

	it('shows support by level, the black hole and the migrations from the review itself, with the warning in the quarter seniors took no turn', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { path: '/review' });
		await visible(page.getByRole('heading', { name: /^Review of / }));
		// This quarter: the fair rota the example planned, principal included, so no warning.
		const rota = await visible(page.getByTestId('review-rota'));
		await expect(rota.textContent()).resolves.toMatch(/\d+ support weeks in \d{4} Q[1-4], [1-9]\d* of them taken by senior/);
		await expect(page.getByTestId('review-rota-warning').count()).resolves.toBe(0);
		await expect((await visible(page.getByTestId('review-tickets-median'))).textContent()).resolves.toMatch(/\d/);
		const vm = page.getByTestId('review-migration').filter({ hasText: 'Retire the legacy VM images' });
		await expect((await visible(vm)).textContent()).resolves.toMatch(/\d+ of \d+ teams done/);
		await expect(vm.getByTestId('review-blocked').textContent()).resolves.toContain('blocked since');
		await expectAccessible(page, 'review with its practices');
		await expectFits(page, { width: 1280, height: 800 }, 'review with its practices');

		// Last quarter support fell to the two least senior engineers: the review says so.
		const title = await page.getByRole('heading', { name: /^Review of / }).textContent();
		await page.getByRole('button', { name: 'Previous quarter' }).click();
		await expect.poll(() => page.getByRole('heading', { name: /^Review of / }).textContent()).not.toBe(title);
		const warning = await visible(page.getByTestId('review-rota-warning'));
		await expect(warning.textContent()).resolves.toMatch(/fell only to junior and mid-level engineers/);
		await visible(page.getByTestId('review-tickets'));
		await expect.poll(() => page.getByTestId('review-migration').count()).toBeGreaterThan(0);
		await expectAccessible(page, 'review of last quarter with the rota warning');
		await expectHealthy(page);
		await page.context().close();
	});

	it('keeps notes and decisions, closes the quarter with a kept review and regenerates it on purpose', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { path: '/review' });
		await visible(page.getByRole('heading', { name: /^Review of / }));
		await page.getByTestId('review-notes-text').fill('Deploys got calmer; CI did not.');
		await page.getByTestId('review-decisions-text').fill('Own the flaky suite next quarter.');
		await page.getByRole('button', { name: 'Save notes and decisions' }).click();
		await visible(page.getByText('Saved.'));
		await page.reload();
		await expect.poll(() => page.getByTestId('review-notes-text').inputValue()).toBe('Deploys got calmer; CI did not.');

		await page.getByRole('button', { name: /^Close \d{4} Q[1-4]$/ }).click();
		await page.getByRole('button', { name: 'Close the quarter' }).click();
		await expect.poll(() => page.getByTestId('review-state').textContent()).toContain('Closed.');
		await expect(page.getByTestId('review-regenerated').count()).resolves.toBe(0);
		await expect(page.getByTestId('review-notes-text').inputValue()).resolves.toBe('Deploys got calmer; CI did not.');

		await page.getByRole('button', { name: 'Regenerate' }).click();
		await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Regenerate' }).click();
		await visible(page.getByTestId('review-regenerated'));
		await expectAccessible(page, 'review, closed and regenerated');
		await expectHealthy(page);
		await page.context().close();
	});
});
