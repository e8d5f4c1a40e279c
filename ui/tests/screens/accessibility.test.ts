// axe (WCAG 2.1 A/AA) on every screen, in the light and the dark theme, with a screenshot of
// each for a person to look at. Any serious or critical violation fails, and so does content
// that overflows its container sideways at 1280×800 (light) or 1920×1080 (dark).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import {
	backend,
	expectAccessible,
	expectFits,
	expectHealthy,
	launch,
	openApp,
	pressPaletteShortcut,
	screenshot,
	selectInTextarea,
	setChosenFolder,
	visible,
	writeNotes,
	type Scenario
} from './harness';
import { twoInterviews } from './fixtures';

let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(async () => browser?.close());

type Screen = {
	name: string;
	backend: Scenario;
	path?: string;
	/** Brings the screen into the state to check, from the page as loaded. */
	prepare: (page: Page) => Promise<unknown>;
};

const example: Scenario = { scenario: 'example' };
const heading = (page: Page, name: string) => visible(page.getByRole('heading', { level: 1, name }));

/** The example team's run of “From pain to commitments”, started, on step `step`, with cards written. */
async function runningWorkshop(page: Page, step: number): Promise<string> {
	const [team] = await backend<{ id: string }[]>(page, 'list_teams');
	const people = (await backend<{ id: string; teamId: string }[]>(page, 'list_people', { teamId: null })).filter(
		(person) => person.teamId === team?.id
	);
	const workshop = await backend<{ id: string }>(page, 'plan_workshop', {
		input: {
			exerciseId: 'from-pain-to-commitments',
			teamId: team?.id,
			heldOn: '2026-10-01',
			startsAt: '10:00',
			facilitatorId: people[0]?.id,
			participantIds: people.map((person) => person.id)
		}
	});
	await backend(page, 'start_workshop', { id: workshop.id });
	await backend(page, 'go_to_step', { id: workshop.id, step: 1 });
	for (const text of ['Deploy reviews wait for days', 'Review queue blocks every deploy', 'Onboarding docs are out of date'])
		await backend(page, 'add_workshop_card', { workshopId: workshop.id, input: { text, authorId: null } });
	await backend(page, 'go_to_step', { id: workshop.id, step });
	return workshop.id;
}

/** Facilitation mode on step `step` of a running workshop. */
async function facilitating(page: Page, step: number, kind: string): Promise<void> {
	const id = await runningWorkshop(page, step);
	await page.goto(page.url().replace(/\/[^/]*$/, `/workshops/${id}/facilitate`));
	await visible(page.locator('.facil-kind').getByText(kind, { exact: true }));
}

const screens: Screen[] = [
	{ name: 'welcome', backend: { scenario: 'empty' }, prepare: (p) => visible(p.getByTestId('welcome')) },
	{
		name: 'welcome-create',
		backend: { scenario: 'empty' },
		prepare: async (p) => {
			await p.getByRole('button', { name: 'Create your team' }).click();
			await p.getByRole('button', { name: 'Create team' }).click();
			await visible(p.getByTestId('error-name'));
		}
	},
	{ name: 'teams', backend: example, path: '/teams', prepare: (p) => heading(p, 'Teams') },
	{
		name: 'team',
		backend: example,
		path: '/teams',
		prepare: async (p) => {
			await p.getByRole('link', { name: 'Developer Platform' }).click();
			await heading(p, 'Developer Platform');
			await visible(p.getByTestId('person-row'));
		}
	},
	{ name: 'people', backend: example, path: '/people', prepare: (p) => visible(p.getByTestId('person-row')) },
	{ name: 'products', backend: example, path: '/products', prepare: (p) => visible(p.getByTestId('product-row')) },
	{ name: 'customers', backend: example, path: '/customers', prepare: (p) => visible(p.getByTestId('customer-card')) },
	{ name: 'home', backend: example, path: '/home', prepare: (p) => visible(p.getByTestId('home-kudos').getByRole('listitem')) },
	{ name: 'review', backend: example, path: '/review', prepare: (p) => visible(p.getByTestId('chain').first()) },
	{ name: 'kudos', backend: example, path: '/kudos', prepare: (p) => visible(p.getByTestId('kudos-card')) },
	{ name: 'tickets', backend: example, path: '/tickets', prepare: (p) => visible(p.getByTestId('waiting-row')) },
	{ name: 'rota', backend: example, path: '/rota', prepare: (p) => visible(p.getByTestId('rota-week').first()) },
	{ name: 'migrations', backend: example, path: '/migrations', prepare: (p) => visible(p.getByTestId('migrations')) },
	{
		name: 'migration',
		backend: example,
		path: '/migrations',
		prepare: async (p) => {
			await p.getByRole('link', { name: 'Retire the legacy VM images' }).click();
			await visible(p.getByTestId('migration-blocked'));
		}
	},
	{
		name: 'kudos-form',
		backend: example,
		path: '/kudos',
		prepare: async (p) => {
			await p.getByRole('button', { name: 'Give kudos' }).first().click();
			await visible(p.getByRole('dialog', { name: 'Give kudos' }));
		}
	},
	{
		name: 'people-empty',
		backend: { scenario: 'empty' },
		prepare: async (p) => {
			await p.getByRole('button', { name: 'Create your team' }).click();
			await p.getByLabel('Team name').fill('Platform');
			await p.getByRole('button', { name: 'Create team' }).click();
			await heading(p, 'Platform');
			await p.getByRole('link', { name: /^People/ }).click();
			await visible(p.getByText('No people yet'));
		}
	},
	{
		name: 'person-dialog',
		backend: example,
		path: '/people',
		prepare: async (p) => {
			await p.getByRole('button', { name: 'New person' }).click();
			await p.getByRole('button', { name: 'Add person' }).click();
			await visible(p.getByTestId('error-name'));
		}
	},
	{
		name: 'customer-dialog',
		backend: example,
		path: '/customers',
		prepare: async (p) => {
			await p.getByRole('button', { name: 'New customer' }).click();
			await visible(p.getByRole('dialog', { name: 'New customer' }));
		}
	},
	{
		name: 'palette',
		backend: example,
		path: '/teams',
		prepare: async (p) => {
			await heading(p, 'Teams');
			await pressPaletteShortcut(p);
			await visible(p.getByTestId('command-palette'));
			await p.keyboard.type('new');
		}
	},
	{
		name: 'trash',
		backend: example,
		path: '/customers',
		prepare: async (p) => {
			await p.getByRole('button', { name: 'Delete Search & Discovery' }).click();
			await visible(p.getByRole('button', { name: 'Undo' }));
			await p.getByRole('link', { name: /^Trash/ }).click();
			await visible(p.getByTestId('trash-row'));
		}
	},
	{
		name: 'trash-confirm',
		backend: example,
		path: '/customers',
		prepare: async (p) => {
			await p.getByRole('button', { name: 'Delete Search & Discovery' }).click();
			await p.getByRole('link', { name: /^Trash/ }).click();
			await p.getByRole('button', { name: 'Empty trash' }).click();
			await visible(p.getByRole('alertdialog'));
		}
	},
	{ name: 'trash-empty', backend: example, path: '/trash', prepare: (p) => visible(p.getByText('The Trash is empty')) },
	{
		name: 'settings',
		backend: example,
		path: '/settings',
		prepare: async (p) => {
			await p.getByRole('button', { name: 'Back up now' }).click();
			await visible(p.getByTestId('backup-result').getByText('Saved and verified'));
		}
	},
	{ name: 'interviews', backend: example, path: '/interviews', prepare: (p) => visible(p.getByTestId('interview-row')) },
	{
		name: 'interviews-empty',
		backend: { scenario: 'empty' },
		prepare: async (p) => {
			await p.getByRole('button', { name: 'Create your team' }).click();
			await p.getByLabel('Team name').fill('Platform');
			await p.getByRole('button', { name: 'Create team' }).click();
			await heading(p, 'Platform');
			await p.getByRole('link', { name: /^Interviews/ }).click();
			await visible(p.getByText('No interviews yet'));
		}
	},
	{
		name: 'themes-empty',
		backend: { scenario: 'empty' },
		prepare: async (p) => {
			await p.getByRole('button', { name: 'Create your team' }).click();
			await p.getByLabel('Team name').fill('Platform');
			await p.getByRole('button', { name: 'Create team' }).click();
			await heading(p, 'Platform');
			await p.getByRole('link', { name: /^Themes/ }).click();
			await visible(p.getByText('No themes yet'));
		}
	},
	{
		name: 'interviews-no-match',
		backend: example,
		path: '/interviews',
		prepare: async (p) => {
			await p.getByLabel('Customer').selectOption({ label: 'Mobile Apps' });
			await visible(p.getByText('No interviews match these filters'));
		}
	},
	{
		name: 'interview',
		backend: example,
		path: '/interviews',
		prepare: async (p) => {
			await p.getByTestId('interview-row').first().getByRole('link').first().click();
			await visible(p.getByTestId('highlight'));
		}
	},
	{
		name: 'interview-preview',
		backend: example,
		path: '/interviews',
		prepare: async (p) => {
			await p.getByTestId('interview-row').first().getByRole('link').first().click();
			await p.getByRole('button', { name: 'Preview' }).click();
			await visible(p.getByTestId('notes-preview').locator('mark'));
		}
	},
	{
		name: 'interview-new',
		backend: example,
		path: '/interviews/new',
		prepare: async (p) => {
			await p.getByRole('button', { name: 'Save interview' }).click();
			await visible(p.getByTestId('error-customerId'));
		}
	},
	{
		name: 'customer-combobox',
		backend: example,
		path: '/interviews/new',
		prepare: async (p) => {
			await p.getByRole('combobox', { name: 'Customer' }).click();
			await p.keyboard.type('a');
			await visible(p.getByTestId('customer-options').getByRole('option').first());
		}
	},
	{
		name: 'mark-evidence',
		backend: example,
		path: '/interviews',
		prepare: async (p) => {
			await p.getByTestId('interview-row').first().getByRole('link').first().click();
			await selectInTextarea(await writeNotes(p), 'Postgres failover drills went well');
			await p.getByRole('button', { name: 'Mark as evidence' }).click();
			await visible(p.getByRole('dialog', { name: 'Mark as evidence' }).getByRole('option').first());
		}
	},
	{
		name: 'mark-evidence-new',
		backend: example,
		path: '/interviews',
		prepare: async (p) => {
			await p.getByTestId('interview-row').first().getByRole('link').first().click();
			await selectInTextarea(await writeNotes(p), 'Postgres failover drills went well');
			await p.keyboard.press('Control+e');
			await p.getByRole('tab', { name: 'New pain point' }).click();
			await visible(p.getByRole('radio', { name: /Critical/ }));
		}
	},
	{
		name: 'import-preview',
		backend: example,
		path: '/interviews',
		prepare: async (p) => {
			await setChosenFolder(p, twoInterviews());
			await p.getByRole('button', { name: 'Import from folder…' }).click();
			await visible(p.getByTestId('import-row'));
		}
	},
	{ name: 'pain-points', backend: example, path: '/pain-points', prepare: (p) => visible(p.getByTestId('pain-point-row')) },
	{
		name: 'pain-point',
		backend: example,
		path: '/pain-points',
		prepare: async (p) => {
			await p.getByTestId('pain-point-row').first().getByRole('link').first().click();
			await visible(p.getByTestId('evidence'));
		}
	},
	{
		name: 'pain-point-form',
		backend: example,
		path: '/pain-points',
		prepare: async (p) => {
			await p.getByRole('button', { name: 'New pain point' }).click();
			await p.getByRole('button', { name: 'Add pain point' }).click();
			await visible(p.getByTestId('error-title'));
		}
	},
	{
		name: 'merge-confirm',
		backend: example,
		path: '/pain-points',
		prepare: async (p) => {
			await p.getByTestId('pain-point-row').last().getByRole('link').first().click();
			await p.getByRole('button', { name: 'Merge into…' }).click();
			await p.getByTestId('merge-dialog').getByRole('option').first().click();
			await p.getByRole('button', { name: 'Continue' }).click();
			await visible(p.getByRole('button', { name: 'Merge' }));
		}
	},
	{ name: 'themes', backend: example, path: '/themes', prepare: (p) => visible(p.getByTestId('theme-card')) },
	{
		name: 'theme-merge',
		backend: example,
		path: '/themes',
		prepare: async (p) => {
			await p.getByRole('button', { name: 'Merge onboarding into another theme' }).click();
			await visible(p.getByTestId('merge-target'));
		}
	},
	{ name: 'workshops', backend: example, path: '/workshops', prepare: (p) => visible(p.getByTestId('workshop-row')) },
	{
		name: 'workshop-plan',
		backend: example,
		path: '/workshops',
		prepare: async (p) => {
			await heading(p, 'Workshops');
			await p.getByRole('button', { name: 'Plan a workshop' }).first().click();
			await visible(p.locator('input[name="participantIds"]:checked').first());
		}
	},
	{
		name: 'workshop-summary',
		backend: example,
		path: '/workshops',
		prepare: async (p) => {
			await p.getByTestId('workshop-row').first().getByRole('link').click();
			await visible(p.getByTestId('summary-outcomes'));
		}
	},
	{
		name: 'workshop-agenda',
		backend: example,
		path: '/workshops',
		prepare: async (p) => {
			await heading(p, 'Workshops');
			const id = await runningWorkshop(p, 0);
			await p.goto(p.url().replace(/\/workshops$/, `/workshops/${id}`));
			await visible(p.getByRole('heading', { name: 'Agenda' }));
		}
	},
	{ name: 'facilitation-brief', backend: example, path: '/workshops', prepare: (p) => facilitating(p, 0, 'Brief') },
	{ name: 'facilitation-writing', backend: example, path: '/workshops', prepare: (p) => facilitating(p, 1, 'Silent writing') },
	{
		name: 'facilitation-room-join',
		backend: example,
		path: '/workshops',
		prepare: async (p) => {
			await facilitating(p, 1, 'Silent writing');
			// The card field has focus in silent writing (J would type a j): the control instead.
			await p.getByRole('button', { name: /Room joins/ }).click();
			await p.getByLabel('Listen on').selectOption('127.0.0.1');
			await p.getByRole('button', { name: 'Let the room join' }).click();
			await visible(p.getByTestId('room-address'));
			await visible(p.getByText('0 people have joined.'));
		}
	},
	{
		name: 'facilitation-grouping',
		backend: example,
		path: '/workshops',
		prepare: async (p) => {
			await facilitating(p, 3, 'Grouping');
			await p.getByRole('button', { name: 'Suggest groups' }).click();
			await visible(p.getByRole('button', { name: 'Accept suggestion' }));
		}
	},
	{ name: 'facilitation-voting', backend: example, path: '/workshops', prepare: (p) => facilitating(p, 4, 'Dot voting') },
	{
		name: 'facilitation-decision',
		backend: example,
		path: '/workshops',
		prepare: async (p) => {
			await facilitating(p, 6, 'Decision');
			await p.getByRole('button', { name: 'Onboarding docs are out of date' }).click();
			await p.getByRole('button', { name: 'Pain point', exact: true }).click();
			await visible(p.getByRole('button', { name: 'Record pain point' }));
		}
	},
	{
		name: 'presenter',
		backend: example,
		path: '/workshops',
		prepare: async (p) => {
			const id = await runningWorkshop(p, 2);
			await p.goto(p.url().replace(/\/workshops$/, `/workshops/${id}/present`));
			await visible(p.getByTestId('room-card').first());
		}
	},
	{ name: 'coverage', backend: example, path: '/coverage', prepare: (p) => visible(p.getByTestId('unheard-flag')) },
	{
		name: 'customer',
		backend: example,
		path: '/customers',
		prepare: async (p) => {
			await p.getByRole('link', { name: 'Payments', exact: true }).click();
			await heading(p, 'Payments');
			await visible(p.getByRole('region', { name: 'What they said' }).locator('blockquote'));
		}
	},
	{
		name: 'customer-never-heard',
		backend: example,
		path: '/customers',
		prepare: async (p) => {
			await p.getByRole('link', { name: 'Mobile Apps', exact: true }).click();
			await heading(p, 'Mobile Apps');
			await visible(p.getByTestId('unheard-flag'));
		}
	},
	{
		name: 'theme',
		backend: example,
		path: '/themes',
		prepare: async (p) => {
			await p.getByTestId('theme-card').getByRole('heading', { name: 'ci', exact: true }).getByRole('link').click();
			await heading(p, 'ci');
			await visible(p.getByTestId('interview-row'));
		}
	},
	{ name: 'inbox-empty', backend: example, path: '/inbox', prepare: (p) => visible(p.getByText('Nothing waiting')) },
	{
		name: 'inbox',
		backend: example,
		path: '/inbox',
		prepare: async (p) => {
			await visible(p.getByText('Nothing waiting'));
			const [customer] = await backend<{ id: string }[]>(p, 'list_customers');
			const notes = '# Relevance tuning\n\nReindexing blocks every deploy for an hour, and the on-call engineer cannot tell when it will end.';
			const input = { customerId: customer!.id, heldOn: '2026-01-05', kind: 'interview', interviewees: 'Ines Moreau (tech lead), two engineers', interviewerIds: [], durationMinutes: null, tags: ['search'], notes };
			await backend(p, 'create_interview', { input });
			await visible(p.getByTestId('interview-row'));
		}
	},
	{
		name: 'settings-me',
		backend: example,
		path: '/settings',
		prepare: async (p) => {
			const you = p.getByRole('region', { name: 'You', exact: true });
			await you.getByLabel('I am').selectOption({ label: 'Priya Raman' });
			await you.getByRole('button', { name: 'Save' }).click();
			await visible(p.getByTestId('toast'));
		}
	},
	{
		name: 'palette-search',
		backend: example,
		path: '/teams',
		prepare: async (p) => {
			await heading(p, 'Teams');
			await pressPaletteShortcut(p);
			await p.keyboard.type('queue');
			await visible(p.getByTestId('search-hit'));
		}
	},
	{
		name: 'startup-failure',
		backend: {
			scenario: 'failure',
			failure: {
				databasePath: '/home/ada/.local/share/io.outward.desktop/outward.db',
				reason: 'cannot open the database: file is not a database',
				latestBackup: '/home/ada/.local/share/io.outward.desktop/backups/outward-2025-03-09.db'
			}
		},
		prepare: (p) => visible(p.getByTestId('startup-failure'))
	}
];

describe.each(['light', 'dark'] as const)('%s theme', (theme) => {
	it.each(screens)('$name passes axe', async (screen) => {
		const page = await openApp(browser, screen.backend, { storedTheme: theme, path: screen.path });
		await screen.prepare(page);
		// Let toasts and dialogs finish appearing before axe measures contrast.
		await page.waitForTimeout(150);
		await expectAccessible(page, `${screen.name} (${theme})`);
		await screenshot(page, `${screen.name}-${theme}`);
		// The smallest window Outward is made for, and a common large one.
		const size = theme === 'light' ? { width: 1280, height: 800 } : { width: 1920, height: 1080 };
		await expectFits(page, size, `${screen.name} (${theme})`);
		await screenshot(page, `${screen.name}-${theme}-${size.width}`);
		await expectHealthy(page);
		await page.context().close();
	});
});
