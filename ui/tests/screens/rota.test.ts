// The support rota: a team of junior and mid-level engineers plans its rota and is warned that
// support falls only to them; a staff engineer joins, a re-plan includes her and the warning
// goes; a shift and a conversation are recorded; Home shows the tile. axe, light and dark, and
// the screen fits 1280×800.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuarterCoverage } from '../../src/lib/bindings/QuarterCoverage';
import type { Team } from '../../src/lib/bindings/Team';
import { backend, expectAccessible, expectDrawn, expectFits, expectHealthy, launch, openApp, screenshot, visible } from './harness';

let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(async () => browser?.close());

const person = (teamId: string, name: string, level: string) => ({ input: { teamId, name, role: '', level } });

describe('support rota', () => {
	for (const colorScheme of ['light', 'dark'] as const) {
		it(`plans a fair rota, warns when seniors take no turn and records a shift (${colorScheme})`, async () => {
			const page = await openApp(browser, { scenario: 'empty' }, { colorScheme });
			await page.getByRole('button', { name: 'Create your team' }).click();
			await page.getByLabel('Team name').fill('Platform');
			await page.getByRole('button', { name: 'Create team' }).click();
			// Exactly: the welcome page's own heading (“Turn your platform team…”) would match at once,
			// before the team exists.
			await visible(page.getByRole('heading', { name: 'Platform', exact: true }));
			const [team] = await backend<Team[]>(page, 'list_teams');
			if (!team) throw new Error('the team was not created');
			await backend(page, 'create_person', person(team.id, 'Sam', 'junior'));
			await backend(page, 'create_person', person(team.id, 'Aiko', 'mid'));
			await page.getByRole('link', { name: /^Support rota/ }).click();
			await visible(page.getByTestId('rota-empty'));
			await expectAccessible(page, `rota before planning (${colorScheme})`);

			await page.getByTestId('rota-plan-weeks').fill('13');
			await page.getByTestId('rota-plan').click();
			await visible(page.getByTestId('rota-planned'));
			await expect.poll(() => page.getByTestId('rota-on-support').first().textContent()).toMatch(/Aiko|Sam/);
			const warning = await visible(page.getByTestId('rota-warning').first());
			await expect(warning.textContent()).resolves.toContain('fell only to junior and mid-level engineers');
			await expectDrawn(page.getByTestId('rota-coverage'));
			await expectAccessible(page, `rota with the warning (${colorScheme})`);
			await expectFits(page, { width: 1280, height: 800 }, `rota (${colorScheme})`);
			if (colorScheme === 'light') {
				await page.evaluate(() => window.scrollTo(0, 0));
				await screenshot(page, 'rota-warning');
			}

			// A week where nobody is available is refused, naming the week, and nothing changes.
			const people = await backend<{ id: string; name: string }[]>(page, 'list_people', { teamId: team.id });
			const nextYear = `${new Date().getFullYear() + 1}-03-01`;
			for (const p of people) {
				await backend(page, 'add_absence', { input: { personId: p.id, startsOn: nextYear, endsOn: `${new Date().getFullYear() + 1}-03-20`, reason: 'Offsite' } });
			}
			await page.getByLabel('From the week of').fill(nextYear);
			await page.getByTestId('rota-plan-weeks').fill('2');
			await page.getByTestId('rota-plan').click();
			await expect((await visible(page.getByTestId('error-weeks'))).textContent()).resolves.toContain('Nobody in Platform is available');

			// A staff engineer joins; re-planning from this week includes her and the warning goes.
			await backend(page, 'create_person', person(team.id, 'Priya', 'staff'));
			await page.getByLabel('From the week of').fill('');
			await page.getByTestId('rota-plan-weeks').fill('13');
			await page.getByTestId('rota-plan').click();
			await expect.poll(async () => (await page.getByTestId('rota-on-support').allTextContents()).some((t) => t.includes('Priya'))).toBe(true);

			// Recording who did this week.
			await page.getByRole('combobox', { name: /^Who did the week of/ }).first().selectOption({ label: 'Sam' });
			await expect.poll(() => page.getByRole('combobox', { name: /^Who did the week of/ }).first().inputValue()).not.toBe('');

			await page.getByTestId('rota-log-conversation').click();
			const dialog = await visible(page.getByRole('dialog', { name: 'Log a support conversation' }));
			await dialog.getByLabel('What it was about').fill('Asked how to pin the base image.');
			await dialog.getByRole('button', { name: 'Log conversation' }).click();
			await expect((await visible(page.getByTestId('rota-conversations'))).textContent()).resolves.toContain('pin the base image');
			await expectAccessible(page, `rota with a conversation (${colorScheme})`);

			await page.getByRole('link', { name: /^Home/ }).click();
			const tile = await visible(page.getByTestId('home-rota'));
			const [now] = await backend<QuarterCoverage[]>(page, 'support_coverage', { teamId: null, quarters: 1, until: null });
			if (!now) throw new Error('no coverage of this quarter');
			await expect(tile.textContent(), 'the tile says the senior weeks the core counted').resolves.toContain(`${now.seniorWeeks} of ${now.weeks} support weeks`);
			await expectHealthy(page);
		});
	}
});
