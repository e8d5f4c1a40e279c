// Workshops: planning one (the rota's suggestion, the team in the room by default, the agenda)
// and running it in facilitation mode from the keyboard, on the app's real commands.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backend, expectHealthy, launch, openApp, pressPaletteShortcut, visible } from './harness';

let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(async () => browser?.close());

type Person = { id: string; teamId: string; name: string };
type Workshop = { id: string; participantIds: string[] };

const heading = (page: Page, name: string | RegExp) => visible(page.getByRole('heading', { level: 1, name }));

/** The ids of the participant boxes ticked in the plan form. */
function ticked(page: Page): Promise<string[]> {
	return page
		.locator('input[name="participantIds"]:checked')
		.evaluateAll((boxes) => boxes.map((box) => (box as HTMLInputElement).value).sort());
}

describe('planning a workshop', () => {
	it('invites the team even when the form opens before the people have loaded, and the plan keeps them', async () => {
		// The palette opens the form at once; the people arrive a moment later.
		const page = await openApp(browser, { scenario: 'example', slow: { list_people: 800 } }, { path: '/teams' });
		await heading(page, 'Teams');
		await pressPaletteShortcut(page);
		await visible(page.getByTestId('command-palette'));
		await page.keyboard.type('Plan a workshop');
		await page.keyboard.press('Enter');
		const dialog = await visible(page.getByRole('dialog', { name: 'Plan a workshop' }));

		const people = await backend<Person[]>(page, 'list_people', { teamId: null });
		const team = people.map((person) => person.teamId)[0];
		const members = people.filter((person) => person.teamId === team).map((person) => person.id).sort();
		expect(members.length).toBeGreaterThan(1);
		await expect.poll(() => ticked(page), { message: 'the team is in the room by default' }).toEqual(members);
		await expect.poll(() => dialog.getByLabel('Facilitator').inputValue()).not.toBe('');

		await dialog.getByRole('button', { name: 'Plan workshop' }).click();
		await page.waitForURL(/\/workshops\/[^/]+$/);
		const id = new URL(page.url()).pathname.split('/')[2];
		const workshop = await backend<Workshop>(page, 'get_workshop', { id });
		expect(workshop.participantIds.sort(), 'the plan stores the people ticked').toEqual(members);
		const board = await backend<{ participants: { id: string }[] }>(page, 'get_workshop_board', { id });
		expect(board.participants.map((p) => p.id).sort(), 'and the board knows them as voters').toEqual(members);
		await expectHealthy(page);
		await page.context().close();
	});
});
