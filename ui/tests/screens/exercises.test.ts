// Exercises: the library, one exercise as a facilitator reads it, and a team's own copy edited
// (steps moved by keyboard, a bad timebox refused next to its field), axe clean in both themes.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, expectHealthy, launch, openApp, screenshot, visible } from './harness';

let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(async () => browser?.close());

const heading = (page: Page, name: string | RegExp) => visible(page.getByRole('heading', { level: 1, name }));

/** Makes a copy of "Wins and kudos opener" from the library and lands in its editor. */
async function copyWins(page: Page): Promise<void> {
	await page.getByRole('button', { name: 'Make a copy of Wins and kudos opener' }).click();
	await heading(page, 'Edit “Wins and kudos opener (copy)”');
}

/** The titles of the steps in the editor, in order. */
function stepTitles(page: Page): Promise<string[]> {
	return page
		.getByLabel('Title', { exact: true })
		.evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
}

describe('exercises', () => {
	it('lists the library with purpose, steps and time, and teaches how to make one your own', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { path: '/exercises' });
		await heading(page, 'Exercises');
		const library = page.getByRole('region', { name: 'The library' });
		await expect.poll(() => library.getByRole('listitem').count()).toBeGreaterThanOrEqual(9);
		const card = page.getByTestId('exercise-who-are-our-customers');
		await expect(card.textContent()).resolves.toMatch(/7 steps · 1 h/);
		await expect(card.textContent()).resolves.toContain('Map every team that depends on our products');
		// The example's team made the pain-to-commitments exercise its own.
		const own = page.getByRole('region', { name: 'Your exercises' });
		await expect.poll(() => own.getByRole('listitem').count()).toBeGreaterThanOrEqual(1);
		await expectHealthy(page);
		await page.context().close();
	});

	it('shows an exercise with its idea and every step: kind, timebox, prompt and script', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { path: '/exercises/product-mindset-self-assessment' });
		await heading(page, 'Product-mindset self-assessment');
		await visible(page.getByRole('heading', { name: 'The idea it teaches' }));
		const rating = page.getByRole('listitem').filter({ hasText: 'Rate each shift' });
		await expect(rating.textContent()).resolves.toContain('Rating');
		await expect(rating.textContent()).resolves.toContain('10 min');
		await expect(rating.textContent()).resolves.toContain('Portfolio over silos');
		await expect(rating.textContent()).resolves.toContain('Facilitator script');
		await expect(page.getByRole('link', { name: 'Edit', exact: true }).count(), 'a built-in is read-only').resolves.toBe(0);
		await page.context().close();
	});

	it('copies a built-in, moves a step by keyboard, refuses a zero timebox next to it, and saves', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { path: '/exercises' });
		await copyWins(page);
		const before = await stepTitles(page);
		expect(before[0]).toBe('Why we start with wins');

		// Alt+↓ inside the first step moves it down and says so.
		await page.getByLabel('Title').first().focus();
		await page.keyboard.press('Alt+ArrowDown');
		await expect.poll(() => stepTitles(page)).toEqual([before[1], before[0], ...before.slice(2)]);
		await expect(page.locator('p[aria-live="polite"]').textContent()).resolves.toContain(
			'Moved “Why we start with wins” to step 2 of 4.'
		);
		await expect(
			page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? ''),
			'focus stays with the moved step'
		).resolves.toContain('Step 2: Why we start with wins');

		const minutes = page.getByLabel('Minutes').first();
		await minutes.fill('0');
		await visible(page.getByText('needs a timebox between 1 second and 4 hours; it has 0 seconds').first());
		await expect(minutes.getAttribute('aria-invalid')).resolves.toBe('true');
		await minutes.fill('3');
		await expect
			.poll(() => page.getByTestId('save-status').getAttribute('class'), { message: 'the fixed step is saved' })
			.toContain('save-saved');

		await page.getByRole('link', { name: 'Done' }).click();
		await heading(page, 'Wins and kudos opener (copy)');
		// The editor has the same heading: the list is read once the exercise's page shows it.
		const first = page.getByRole('main').getByRole('listitem').first();
		await expect.poll(() => first.textContent()).toContain('Write your wins');
		await expect(first.textContent()).resolves.toContain('3 min');
		await expectHealthy(page);
		await page.context().close();
	});

	for (const colorScheme of ['light', 'dark'] as const) {
		it(`passes axe in the ${colorScheme} theme: library, exercise and editor`, async () => {
			const page = await openApp(browser, { scenario: 'example' }, { path: '/exercises', colorScheme });
			await heading(page, 'Exercises');
			await expectAccessible(page, `exercises library (${colorScheme})`);
			await screenshot(page, `exercises-${colorScheme}`);
			await page.getByRole('link', { name: 'The ticket black hole' }).click();
			await heading(page, 'The ticket black hole');
			await expectAccessible(page, `exercise (${colorScheme})`);
			await screenshot(page, `exercise-${colorScheme}`);
			await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Exercises' }).click();
			await heading(page, 'Exercises');
			await copyWins(page);
			await expectAccessible(page, `exercise editor (${colorScheme})`);
			await screenshot(page, `exercise-editor-${colorScheme}`);
			await expectHealthy(page);
			await page.context().close();
		});
	}
});
