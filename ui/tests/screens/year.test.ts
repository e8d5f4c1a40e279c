// The year in review through the real commands over the example workspace: what improved, the
// year's kudos by kind and the most-heard customer teams; a kudos given now is counted; the
// year's kudos by month as a chart with its table; the year before has its own numbers. Home
// links to it. axe runs light and dark.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backend, expectAccessible, expectDrawn, expectHealthy, launch, openApp, visible } from './harness';

let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(async () => browser?.close());

type Person = { id: string; name: string };
type Year = { year: number; allKudos: number; mostHeard: { name: string; conversations: number }[] };

describe('the year in review', () => {
	for (const colorScheme of ['light', 'dark'] as const) {
		it(`shows the year's improvements, kudos by kind and most-heard customers (${colorScheme})`, async () => {
			const page = await openApp(browser, { scenario: 'example' }, { path: '/year', colorScheme });
			await visible(page.getByRole('heading', { level: 1, name: /^The year in review: \d{4}$/ }));
			const before = await backend<Year>(page, 'get_year_in_review', { year: null });
			const heard = page.getByTestId('year-heard');
			await expect.poll(() => heard.getByRole('listitem').count()).toBe(before.mostHeard.length);
			if (before.mostHeard[0]) {
				await expect(heard.getByRole('listitem').first().textContent()).resolves.toContain(before.mostHeard[0].name);
			}
			await visible(page.getByTestId('year-improved'));

			const people = await backend<Person[]>(page, 'list_people', { teamId: null });
			await backend(page, 'create_kudos', {
				input: {
					fromPersonId: people[0]!.id,
					toPersonId: people[1]!.id,
					toTeamId: null,
					message: 'Made the migration guide readable.',
					givenOn: null,
					painPointId: null,
					customerId: null,
					kind: 'documentation',
					commitmentId: null
				}
			});
			const kudos = page.getByTestId('year-kudos');
			// The example's kudos carry no kind ("other"): this is the year's first documentation kudos.
			await expect.poll(() => kudos.getByRole('row', { name: /^Documentation/ }).getByRole('cell').textContent()).toBe('1');
			await expect(kudos.locator('caption').first().textContent()).resolves.toContain(`${before.allKudos + 1} kudos in ${before.year}`);
			// The chart of the year's kudos by month is drawn, and its table (the text alternative)
			// has the twelve months and adds up to the year's kudos.
			const byMonth = page.getByTestId('year-kudos-by-month');
			await expectDrawn(byMonth);
			await expect.poll(() => byMonth.locator('tbody td').count()).toBe(12);
			const cells = await byMonth.locator('tbody td').allTextContents();
			expect(cells.reduce((sum, cell) => sum + Number(cell), 0)).toBe(before.allKudos + 1);
			await expectAccessible(page, `the year in review (${colorScheme})`);

			await page.getByRole('button', { name: 'Year before' }).click();
			await visible(page.getByRole('heading', { level: 1, name: `The year in review: ${before.year - 1}` }));
			await expectHealthy(page);
			await page.context().close();
		});
	}

	it('is linked from the kudos tile of Home', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { path: '/home' });
		await page.getByTestId('home-year').click();
		await visible(page.getByRole('heading', { level: 1, name: /^The year in review: \d{4}$/ }));
		await page.context().close();
	});
});
