// The room's page in real browsers: several devices at once (phones and a laptop, Debian's
// Chromium) join a workshop served by `outward room serve` on the loopback interface, write
// cards in silence, see them revealed, vote within their budget and see the results; the server
// is killed and started again, and the pages reconnect with nothing lost or doubled. axe checks
// every state; screenshots at 390×844 and 1280×800 are kept in test-results/.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launch, screenshot as shoot, visible } from '../screens/harness';

const OUTWARD = resolve(import.meta.dirname, '../../../target/debug/outward');

let dir: string;
let db: string;
let workshop: string;
let server: ChildProcess | null = null;
let address = '';
let browser: Browser;
const contexts: BrowserContext[] = [];

function outward(...args: string[]): string {
	return execFileSync(OUTWARD, ['--db', db, ...args], { encoding: 'utf8' }).trim();
}

type Shown = {
	board: {
		cards: { text: string; signedName: string | null; votes: number | null; authorId: string | null }[];
		voting: { revealed: boolean } | null;
	};
	room: { joined: number } | null;
};

function shown(): Shown {
	return JSON.parse(outward('workshops', 'show', workshop, '--json')) as Shown;
}

/** Starts `outward room serve` and waits for the join address it prints. */
async function serve(): Promise<string> {
	const child = spawn(OUTWARD, ['--db', db, 'room', 'serve', workshop], { stdio: ['ignore', 'pipe', 'pipe'] });
	server = child;
	return new Promise((done, fail) => {
		let out = '';
		child.stdout!.on('data', (chunk: Buffer) => {
			out += chunk.toString();
			const line = out.split('\n')[0];
			if (out.includes('\n') && line) done(line.trim());
		});
		child.stderr!.on('data', (chunk: Buffer) => {
			if (chunk.toString().includes('outward:')) fail(new Error(chunk.toString()));
		});
		child.on('exit', (code) => fail(new Error(`room serve exited with ${code}`)));
	});
}

async function device(width: number, height: number, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
	const context = await browser.newContext({ viewport: { width, height }, colorScheme, reducedMotion: 'reduce' });
	contexts.push(context);
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	page.on('console', (m) => {
		// A refused connection while the server is away is expected; a CSP violation is not.
		if (m.type() === 'error' && /Content Security Policy/.test(m.text())) errors.push(m.text());
	});
	(page as Page & { errors: string[] }).errors = errors;
	await page.goto(address);
	await visible(page.getByRole('heading', { level: 1, name: 'From pain to commitments' }));
	return page;
}

/** A screenshot of the page from its top, as a participant first sees it. */
async function screenshot(page: Page, name: string): Promise<void> {
	await page.evaluate(() => window.scrollTo(0, 0));
	await shoot(page, name);
}

async function addCard(page: Page, text: string, name?: string): Promise<void> {
	await page.getByLabel('New card').fill(text);
	if (name) {
		await page.getByLabel('Sign this card with my name').check();
		await page.getByLabel('Your name').fill(name);
	}
	await page.getByRole('button', { name: 'Add card' }).click();
	await expect.poll(() => page.locator('#mine li').filter({ hasText: text }).count()).toBe(1);
	await expect.poll(() => page.locator('#mine li').filter({ hasText: text }).getByText('Sending…').count()).toBe(0);
}

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'outward-room-'));
	db = join(dir, 'outward.db');
	outward('seed', '--profile', 'example');
	const team = (JSON.parse(outward('teams', 'list', '--json')) as { id: string }[])[0]!.id;
	const people = JSON.parse(outward('people', 'list', '--json')) as { id: string; teamId: string }[];
	const members = people.filter((p) => p.teamId === team).map((p) => p.id);
	workshop = outward(
		'workshops', 'plan', '--exercise', 'from-pain-to-commitments', '--team', team,
		'--facilitator', members[0]!, '--on', '2026-12-03',
		...members.flatMap((id) => ['--participant', id])
	);
	// Step 2 of "From pain to commitments" is its silent writing.
	outward('workshops', 'step', workshop, '2');
	address = await serve();
	browser = await launch();
}, 60_000);

afterAll(async () => {
	for (const context of contexts) await context.close();
	await browser?.close();
	if (server && server.exitCode === null) server.kill('SIGTERM');
	rmSync(dir, { recursive: true, force: true });
});

describe('the room joins from its own devices', () => {
	let phones: Page[] = [];
	let laptop: Page;

	it('serves the page only under its token, on loopback', async () => {
		expect(address).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/(?:[0-9a-hjkmnp-tv-z]{4}-){7}[0-9a-hjkmnp-tv-z]{4}\/$/);
		const origin = new URL(address).origin;
		const wrong = await fetch(`${origin}/${'0'.repeat(64)}/`);
		expect(wrong.status).toBe(404);
		expect(await wrong.text()).toBe('');
	});

	it('lets several devices write in silence, each seeing only its own cards', async () => {
		phones = [await device(390, 844), await device(390, 844, 'dark'), await device(390, 844)];
		laptop = await device(1280, 800);
		await visible(phones[0]!.getByRole('heading', { name: 'Write, in silence' }));
		await addCard(phones[0]!, 'Deploy reviews wait for days');
		await addCard(phones[0]!, 'Nobody owns the build cache');
		await addCard(phones[1]!, 'Onboarding docs are out of date', 'Priya');
		await addCard(phones[2]!, 'Quota requests take a week');
		await addCard(laptop, 'Alerts page the wrong team');
		// Silent: no device sees another's card.
		for (const page of phones.slice(1)) await expect.poll(() => page.getByText('Deploy reviews wait for days').count()).toBe(0);
		await expect.poll(async () => (await laptop.locator('#hidden-count').textContent()) ?? '').toContain('5 cards');
		// Change one card, delete another.
		const card = phones[0]!.locator('#mine li').filter({ hasText: 'Nobody owns the build cache' });
		await card.getByRole('button', { name: /Edit/ }).click();
		await phones[0]!.getByLabel(/Change card/).fill('Nobody owns the build cache or its costs');
		await phones[0]!.getByRole('button', { name: 'Save' }).click();
		await addCard(phones[2]!, 'Typo card');
		await phones[2]!
			.locator('#mine li')
			.filter({ hasText: 'Typo card' })
			.getByRole('button', { name: /Delete/ })
			.click();
		await expect.poll(() => shown().board.cards.map((c) => c.text).sort()).toEqual([
			'Alerts page the wrong team',
			'Deploy reviews wait for days',
			'Nobody owns the build cache or its costs',
			'Onboarding docs are out of date',
			'Quota requests take a week'
		]);
		const signed = shown().board.cards.filter((c) => c.signedName !== null);
		expect(signed.map((c) => [c.text, c.signedName, c.authorId])).toEqual([['Onboarding docs are out of date', 'Priya', null]]);
		expect(shown().room?.joined).toBe(4);
		await expectAccessible(phones[0]!, 'the room page, writing (phone)');
		await expectAccessible(phones[1]!, 'the room page, writing (phone, dark)');
		await screenshot(phones[0]!, 'room-writing-phone');
		await screenshot(phones[1]!, 'room-writing-phone-dark');
		await screenshot(laptop, 'room-writing-laptop');
	});

	it('shows every card at the reveal, signed ones with their name', async () => {
		outward('workshops', 'step', workshop, '3');
		for (const page of [...phones, laptop]) {
			await visible(page.getByText('Quota requests take a week'), 10_000);
			await visible(page.getByText('— Priya'));
		}
		await expect.poll(() => phones[0]!.getByRole('heading', { name: 'Write, in silence' }).isVisible()).toBe(false);
		const late = await fetch(`${address}api/cards`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ submission: 'late-submission-0001', participant: 'someone-who-never-joined', key: 'a-card-key-000001', text: 'Too late' })
		});
		expect(late.status).toBe(422);
		await expectAccessible(laptop, 'the room page, revealed (laptop)');
		await screenshot(laptop, 'room-revealed-laptop');
	});

	it('lets each device vote within its budget, with the counts hidden until the step ends', async () => {
		// Step 5 is the dot voting: 5 votes each, at most 2 on one item.
		outward('workshops', 'step', workshop, '5');
		for (const page of [...phones, laptop]) await visible(page.getByRole('heading', { name: 'Spend your votes' }), 10_000);
		const vote = async (page: Page, label: string, times: number) => {
			for (let n = 0; n < times; n += 1) await page.getByRole('button', { name: `One vote more for ${label}` }).click();
		};
		for (const page of phones) {
			await vote(page, 'Deploy reviews wait for days', 2);
			// The cap: a third vote on one item is not offered.
			expect(await page.getByRole('button', { name: 'One vote more for Deploy reviews wait for days' }).isDisabled()).toBe(true);
			await vote(page, 'Quota requests take a week', 2);
			await vote(page, 'Onboarding docs are out of date', 1);
			await visible(page.getByText('0 of 5 votes left'));
			// The budget: nothing more to give.
			expect(await page.getByRole('button', { name: 'One vote more for Alerts page the wrong team' }).isDisabled()).toBe(true);
			await page.getByRole('button', { name: 'Send my votes' }).click();
			await visible(page.getByText('Your votes were counted.'));
		}
		await vote(laptop, 'Deploy reviews wait for days', 1);
		await laptop.getByRole('button', { name: 'Send my votes' }).click();
		await visible(laptop.getByText('Your votes were counted.'));
		expect(shown().board.voting?.revealed).toBe(false);
		expect(shown().board.cards.every((c) => c.votes === null)).toBe(true);
		await expect.poll(() => laptop.getByText(/\d+ votes?$/).count()).toBe(0);
		await expectAccessible(phones[0]!, 'the room page, voting (phone)');
		await screenshot(phones[0]!, 'room-voting-phone');
		await screenshot(laptop, 'room-voting-laptop');
	});

	it('shows the results once the room moves on', async () => {
		outward('workshops', 'step', workshop, '6');
		await visible(laptop.getByRole('heading', { name: 'Results' }), 10_000);
		const results = laptop.locator('#results li');
		await expect.poll(async () => (await results.first().textContent()) ?? '').toContain('Deploy reviews wait for days');
		await expect.poll(async () => (await results.first().textContent()) ?? '').toContain('7 votes');
		const tally = Object.fromEntries(shown().board.cards.map((c) => [c.text, c.votes]));
		expect(tally).toMatchObject({
			'Deploy reviews wait for days': 7,
			'Quota requests take a week': 6,
			'Onboarding docs are out of date': 3,
			'Alerts page the wrong team': 0
		});
		await expectAccessible(phones[2]!, 'the room page, results (phone)');
		await screenshot(phones[2]!, 'room-results-phone');
	});

	it('reconnects by itself after the server restarts, losing and doubling nothing', async () => {
		outward('workshops', 'step', workshop, '2');
		await visible(phones[0]!.getByRole('heading', { name: 'Write, in silence' }), 10_000);
		server!.kill('SIGKILL');
		await new Promise((done) => server!.once('exit', done));
		await visible(phones[0]!.getByText(/Reconnecting|Not sent yet/), 10_000);
		// Written while the server is away: kept on the device and sent once it is back.
		await phones[0]!.getByLabel('New card').fill('Written while the room was away');
		await phones[0]!.getByRole('button', { name: 'Add card' }).click();
		const again = await serve();
		expect(again).toBe(address);
		await expect
			.poll(() => shown().board.cards.filter((c) => c.text === 'Written while the room was away').length, { timeout: 15_000 })
			.toBe(1);
		await visible(phones[0]!.getByText('Connected'), 10_000);
		await expect.poll(() => shown().board.cards.length).toBe(6);
		for (const page of [...phones, laptop]) expect((page as Page & { errors: string[] }).errors).toEqual([]);
	});
});
