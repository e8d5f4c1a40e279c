// Themes: the affinity view, renaming and merging.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backend, expectHealthy, launch, openApp, visible } from './harness';

let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(async () => browser?.close());

describe('themes', () => {
	it('shows each theme with its heaviest pain points, renames one and merges another into it', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { path: '/themes' });
		const cards = page.getByTestId('theme-card');
		await expect.poll(() => cards.count()).toBe(4);
		// The example's pain points carry its themes; two more about CI, the lighter one first.
		const painPoint = (title: string, severity: number) => ({
			input: { title, description: '', severity, frequency: 'weekly', productIds: [], customerIds: [], tags: ['ci'] }
		});
		await backend(page, 'create_pain_point', painPoint('Flaky end-to-end tests block merges', 2));
		await backend(page, 'create_pain_point', painPoint('Runners run out of disk', 4));
		await expect.poll(() => cards.first().textContent(), { message: 'the largest cluster comes first' }).toContain('ci');
		await expect
			.poll(() => cards.first().getByRole('list', { name: /^Heaviest pain points/ }).getByRole('link').allTextContents(), {
				message: 'the heaviest first'
			})
			.toEqual(['CI queue is slow at peak times', 'Runners run out of disk', 'No single current pipeline template', 'Flaky end-to-end tests block merges']);

		await page.getByRole('button', { name: 'Rename deploys' }).click();
		const rename = await visible(page.getByRole('dialog', { name: 'Rename “deploys”' }));
		await rename.getByLabel('Name').fill('Releases');
		await rename.getByRole('button', { name: 'Rename' }).click();
		await visible(cards.filter({ hasText: 'Releases' }));

		await page.getByRole('button', { name: 'Merge onboarding into another theme' }).click();
		const merge = await visible(page.getByTestId('merge-dialog'));
		await merge.getByLabel('Theme to keep').selectOption({ label: 'Releases' });
		await merge.getByRole('button', { name: 'Continue' }).click();
		await expect(merge.textContent()).resolves.toContain('is tagged “Releases” instead');
		await merge.getByRole('button', { name: 'Merge' }).click();
		await expect.poll(() => cards.count()).toBe(3);
		await expect(cards.filter({ hasText: 'onboarding' }).count()).resolves.toBe(0);
		await expectHealthy(page);
		await page.context().close();
	});

	it('opens a theme found by search on its page', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { path: '/teams' });
		await page.keyboard.press('Control+k');
		await page.keyboard.type('onboarding');
		await page.getByTestId('search-hit').filter({ hasText: 'onboarding' }).click();
		await visible(page.getByRole('heading', { level: 1, name: 'onboarding' }));
		await expect.poll(() => page.url()).toMatch(/\/themes\/[^/#]+$/);
		await expectHealthy(page);
		await page.context().close();
	});
});
