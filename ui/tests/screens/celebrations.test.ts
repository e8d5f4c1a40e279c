// What the team celebrates and the celebration on Home, through the real commands: kudos carry a
// kind and a commitment and the wall filters by kind; the kudos screen counts a quarter's kudos
// by kind (a chart with its table); a goal that reaches its target is celebrated on Home with the
// commitment aimed at it, "Thank …" opens the kudos form prefilled and linked to it, and the
// celebration can be put away for the quarter. axe runs on each, light and dark.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backend, expectAccessible, expectDrawn, expectHealthy, launch, openApp, visible } from './harness';

let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(async () => browser?.close());

type Goal = { id: string; title: string; metricId: string; target: number };
type Person = { id: string; name: string };
type Home = { quarter: string; celebrations: unknown[] };
type Board = { quarterCode: string };

describe('celebrations', () => {
	for (const colorScheme of ['light', 'dark'] as const) {
		it(`celebrates a goal reached on Home and thanks the commitment's owner with kudos of a kind (${colorScheme})`, async () => {
			const page = await openApp(browser, { scenario: 'example' }, { colorScheme });
			await visible(page.getByTestId('home-goals'));
			await expect(page.getByTestId('celebration').count()).resolves.toBe(0);

			// The goal on first-response hours is met this quarter; a commitment aimed at it.
			const goals = await backend<Goal[]>(page, 'list_goals');
			const goal = goals.find((g) => g.title.includes('first reply'))!;
			const board = await backend<Board>(page, 'commitment_board', { quarterCode: null });
			await backend(page, 'record_measurement', {
				input: { metricId: goal.metricId, quarter: board.quarterCode, value: 3.5, n: 120, source: 'Tracker export' }
			});
			const owner = (await backend<Person[]>(page, 'list_people', { teamId: null }))[1]!;
			await backend(page, 'create_commitment', {
				input: {
					title: 'Answer every request within a working morning',
					ownerId: owner.id,
					quarter: board.quarterCode,
					goalId: goal.id,
					painPointIds: []
				}
			});
			await page.reload();

			const banner = page.getByTestId('celebration');
			await visible(banner);
			await expect(banner.textContent()).resolves.toContain(`Goal reached: ${goal.title}`);
			await expect(banner.textContent()).resolves.toContain('Answer every request within a working morning');
			await expectAccessible(page, `Home with a celebration (${colorScheme})`);

			await banner.getByRole('link', { name: `Thank ${owner.name}` }).click();
			const dialog = await visible(page.getByRole('dialog', { name: 'Give kudos' }));
			// The people arrive after the dialog opens: the owner is chosen once they have.
			await expect.poll(() => dialog.getByLabel('To', { exact: true }).inputValue()).toBe(`person:${owner.id}`);
			await expect(
				dialog.getByLabel('For which commitment').locator('option:checked').textContent()
			).resolves.toBe('Answer every request within a working morning');
			const from = dialog.getByLabel('From');
			await from.selectOption({ label: (await from.locator('option:not([disabled])').first().textContent())! });
			await dialog.getByLabel('Kind of work').selectOption({ label: 'Support' });
			await dialog.getByLabel('What for').fill('Answered every request before lunch all quarter.');
			await expectAccessible(page, `kudos form, prefilled (${colorScheme})`);
			await dialog.getByRole('button', { name: 'Give kudos' }).click();

			const cards = page.getByTestId('kudos-card');
			const given = cards.filter({ hasText: 'Answered every request before lunch' });
			await visible(given);
			await expect(given.textContent()).resolves.toContain('Support');
			await expect(given.textContent()).resolves.toContain('for Answer every request within a working morning');

			// The wall narrows to one kind.
			const all = await cards.count();
			await page.getByTestId('kudos-kind').selectOption({ label: 'Support' });
			await expect.poll(() => cards.count()).toBe(1);
			await page.getByTestId('kudos-kind').selectOption({ label: 'Usability' });
			await visible(page.getByText('No kudos here yet'));
			await page.getByTestId('kudos-kind').selectOption({ label: 'Any kind' });
			await expect.poll(() => cards.count()).toBe(all);

			// What the team celebrates: this quarter's support kudos counted, as a chart and a table.
			const celebrated = await visible(page.getByTestId('celebrated'));
			await expect(celebrated.getByTestId('celebrated-summary').textContent()).resolves.toMatch(
				/In \d{4} Q\d, \d+ of \d+ kudos thanked usability, support/
			);
			const support = celebrated.getByRole('row', { name: /^Support/ });
			await expect(support.getByRole('cell').last().textContent()).resolves.toBe('1');
			await expectDrawn(celebrated);
			await expectAccessible(page, `kudos wall with what the team celebrates (${colorScheme})`);

			// Put away on Home: gone for the quarter.
			await page.goto(new URL('/home', page.url()).toString());
			await visible(banner);
			await banner.getByRole('button', { name: /Put away the celebration of/ }).click();
			await expect.poll(() => banner.count()).toBe(0);
			const home = await backend<Home>(page, 'get_home');
			expect(home.celebrations, 'put away for the quarter').toEqual([]);
			await expectHealthy(page);
			await page.context().close();
		});
	}
});
