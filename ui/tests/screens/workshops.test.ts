// Workshops: planning one (the rota's suggestion, the team in the room by default, the agenda)
// and running it in facilitation mode from the keyboard, on the app's real commands, with a
// room's worth of cards sent by devices to the room's real server.
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backend, expectAccessible, expectHealthy, launch, openApp, pressPaletteShortcut, visible } from './harness';

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

/** Plans the example team's “From pain to commitments” from its screen and starts it by keyboard. */
async function startedFromTheKeyboard(page: Page): Promise<string> {
	await heading(page, 'Workshops');
	await page.getByRole('button', { name: 'Plan a workshop' }).first().click();
	const dialog = await visible(page.getByRole('dialog', { name: 'Plan a workshop' }));
	await dialog.getByLabel('Exercise').selectOption({ label: 'From pain to commitments' });
	await expect.poll(() => ticked(page)).not.toEqual([]);
	await expect.poll(() => dialog.getByLabel('Facilitator').inputValue()).not.toBe('');
	await dialog.getByRole('button', { name: 'Plan workshop' }).press('Enter');
	await heading(page, 'From pain to commitments');
	// The agenda: every step with the time it starts, from 10:00.
	const agenda = page.locator('.agenda-step');
	await expect.poll(() => agenda.count()).toBe(7);
	await expect(agenda.first().textContent()).resolves.toContain('10:00');
	await page.getByRole('button', { name: 'Start the workshop' }).press('Enter');
	await visible(page.locator('.facil'));
	return new URL(page.url()).pathname.split('/')[2] ?? '';
}

const clock = (page: Page) => page.getByRole('timer').textContent();
const kind = (page: Page) => page.locator('.facil-kind').textContent();

describe('facilitation mode', () => {
	it('runs from the keys shown on screen: timer, script, steps, cards typed with Enter', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { path: '/workshops' });
		const id = await startedFromTheKeyboard(page);
		await expect(kind(page)).resolves.toBe('Brief');
		const legend = page.getByRole('navigation', { name: 'Facilitation controls' });
		await expect(legend.textContent()).resolves.toMatch(/Space\s*Start.*→\s*Next step.*S\s*Hide script/s);

		// Right after the start, with the focus where the navigation left it, Space starts the timer.
		const before = await clock(page);
		await page.keyboard.press('Space');
		await expect.poll(() => page.locator('.step-clock').getAttribute('class')).not.toContain('is-paused');
		await expect.poll(() => clock(page), { timeout: 4000 }).not.toBe(before);
		await page.keyboard.press('+');
		await page.keyboard.press('Space');
		await expect.poll(() => page.locator('.step-clock').getAttribute('class')).toContain('is-paused');
		const board = await backend<{ step: { timer: { remainingMs: number; timeboxMs: number } } }>(page, 'get_workshop_board', { id });
		expect(board.step.timer.remainingMs, 'a minute was added to what was left').toBeGreaterThan(board.step.timer.timeboxMs);

		await page.keyboard.press('s');
		await page.getByTestId('facil-script').waitFor({ state: 'detached' });
		await page.keyboard.press('ArrowRight');
		await expect.poll(() => kind(page)).toBe('Silent writing');
		const field = page.getByLabel('New card');
		await expect.poll(() => field.evaluate((el) => el === document.activeElement), { message: 'the card field has the focus' }).toBe(true);
		for (const text of ['Deploy reviews wait for days', 'Review queue blocks every deploy']) {
			await page.keyboard.type(text);
			await page.keyboard.press('Enter');
			await visible(page.getByTestId('written-cards').getByText(text));
		}
		// In the field, letters are text; Esc gives the keys back.
		await page.keyboard.press('Escape');
		await page.keyboard.press('ArrowRight');
		await expect.poll(() => kind(page)).toBe('Reveal');
		await page.keyboard.press('ArrowLeft');
		await expect.poll(() => kind(page)).toBe('Silent writing');
		await expectAccessible(page, 'facilitation mode');
		await expectHealthy(page);
		await page.context().close();
	});
});

/**
 * Sends `count` cards, “Card 1 of the room” to “Card {count} of the room” in that order, to the
 * room's server at `address` (its join address), as the devices' pages do: each device joins,
 * then writes five cards, well within the writes a device may send in a second.
 */
async function writtenInTheRoom(address: string, count: number): Promise<void> {
	const post = async (path: string, body: Record<string, unknown>) => {
		const response = await fetch(new URL(`api/${path}`, address), {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify(body)
		});
		if (!response.ok) throw new Error(`the room refused ${path}: ${response.status} ${await response.text()}`);
	};
	const devices = Array.from({ length: Math.ceil(count / 5) }, () => randomUUID());
	for (const participant of devices) await post('join', { participant });
	for (let n = 1; n <= count; n++) {
		const participant = devices[(n - 1) % devices.length];
		await post('cards', { submission: randomUUID(), participant, key: randomUUID(), text: `Card ${n} of the room` });
	}
}

describe("a room's worth of cards", () => {
	it("shows the cards past the board's first page, to the facilitator and on the projector", async () => {
		const page = await openApp(browser, { scenario: 'example' }, { path: '/workshops' });
		const id = await startedFromTheKeyboard(page);
		await page.keyboard.press('ArrowRight');
		await expect.poll(() => kind(page)).toBe('Silent writing');
		// The card field takes the focus; Esc gives the keys back for the reveal.
		const field = page.getByLabel('New card');
		await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);
		await page.keyboard.press('Escape');
		// The room joins, on the room's real server (this machine only), and writes more than
		// one page of the board (250 cards) while the facilitator watches: the last ones show too.
		const room = await backend<{ joinAddress: string }>(page, 'open_room', { workshopId: id, address: '127.0.0.1' });
		const many = 260;
		await writtenInTheRoom(room.joinAddress, many);
		const first = await backend<{ cards: unknown[]; moreCards: string | null }>(page, 'get_workshop_board', { id });
		expect(first.cards.length, 'the board itself carries one page').toBeLessThan(many);
		expect(first.moreCards, 'and says more cards follow').not.toBeNull();
		const written = page.getByTestId('written-cards');
		// Each card's item also holds its remove button, so its text is matched in part.
		await visible(written.getByText(`Card ${many} of the room`));
		await expect.poll(() => written.locator('li').count(), { message: 'every card shows to the facilitator' }).toBe(many);

		await page.keyboard.press('ArrowRight');
		await expect.poll(() => kind(page)).toBe('Reveal');
		await page.goto(new URL(`/workshops/${id}/present`, page.url()).toString());
		await visible(page.getByTestId('room-card').getByText(`Card ${many} of the room`, { exact: true }));
		await expect.poll(() => page.getByTestId('room-card').count(), { message: 'every card shows on the projector' }).toBe(many);
		await backend(page, 'close_room', { workshopId: id });
		await expectHealthy(page);
		await page.context().close();
	});
});

describe('letting the room join', () => {
	it('listens where the facilitator chose, even when the addresses arrive after the dialog opens', async () => {
		const page = await openApp(browser, { scenario: 'example', slow: { room_addresses: 800 } }, { path: '/workshops' });
		await startedFromTheKeyboard(page);
		await page.keyboard.press('ArrowRight');
		await expect.poll(() => kind(page)).toBe('Silent writing');
		await page.getByRole('button', { name: /Room joins/ }).click();
		const dialog = await visible(page.getByTestId('room-dialog'));
		// This machine only, chosen as soon as it is offered.
		const choice = dialog.getByLabel('Listen on');
		await choice.selectOption('127.0.0.1');
		const network = choice.locator('option:not([value="127.0.0.1"])');
		await expect.poll(() => network.count(), { message: 'this machine has a network address to offer' }).toBeGreaterThan(0);
		await dialog.getByRole('button', { name: 'Let the room join' }).click();
		await expect.poll(() => dialog.getByTestId('room-address').textContent()).toMatch(/^http:\/\/127\.0\.0\.1:/);
		await dialog.getByRole('button', { name: 'Turn off' }).click();
		await expectHealthy(page);
		await page.context().close();
	});
});

describe('a finished workshop', () => {
	it('shows its summary and exports it as Markdown where the save dialog answers', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { path: '/workshops' });
		await page.getByTestId('workshop-row').first().getByRole('link').click();
		await visible(page.getByTestId('summary-outcomes'));
		await page.getByRole('button', { name: 'Export as Markdown' }).press('Enter');
		await visible(page.getByText(/Saved the summary to .*\.md\./));
		await expectHealthy(page);
		await page.context().close();
	});
});
