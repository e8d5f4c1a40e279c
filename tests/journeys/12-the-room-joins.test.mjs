// Journey 12: room mode in the real app, with the room on real browsers. A workshop runs in
// facilitation mode; J opens "Let the room join", turning it on shows the QR code and the join
// address. Three devices (Debian's Chromium through Playwright: two phones and a laptop) open the
// address the QR code holds, or type it as shown, and the panel counts them; they write cards in
// silence while the facilitator sees them arrive, the reveal shows every card on every device,
// each device votes within its budget, and at the decision the facilitator sees the results. The
// app is then restarted: it serves the room again on the same address, the devices reconnect by
// themselves, and nothing is lost or counted twice. Turning the room off leaves nothing
// listening. (The room's rules, its server and its page are also tested in the core, in
// crates/outward-room and in ui/tests/room.) The join panel's picture goes to tests/artifacts/,
// and replaces docs/room-join.png only when OUTWARD_DOCS_SCREENSHOTS is set, as for the docs
// screenshots run (tests/docs/screenshots.test.mjs), so a test run leaves the checkout as it was.

import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { newWorkspace } from '../support/app.mjs';
import { waitForText } from '../support/ui.mjs';

const DOCS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs');
const JSQR = createRequire(import.meta.url).resolve('jsqr/dist/jsQR.js');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const EXERCISE = 'from-pain-to-commitments';

// What each device writes, and how it spends its 5 votes (at most 2 on one card).
const CARDS = [
  ['Deploy reviews wait for days', 'Nobody owns the build cache'],
  ['Quota requests take a week', 'Onboarding docs are out of date'],
  ['Alerts page the wrong team', 'The status page lies'],
];
const BALLOTS = [
  { 'Deploy reviews wait for days': 2, 'Quota requests take a week': 2, 'Alerts page the wrong team': 1 },
  { 'Deploy reviews wait for days': 2, 'Quota requests take a week': 1, 'The status page lies': 2 },
  { 'Deploy reviews wait for days': 2, 'Quota requests take a week': 2, 'Nobody owns the build cache': 1 },
];
const TALLY = {
  'Deploy reviews wait for days': 6,
  'Quota requests take a week': 5,
  'The status page lies': 2,
  'Alerts page the wrong team': 1,
  'Nobody owns the build cache': 1,
  'Onboarding docs are out of date': 0,
};

async function waitForStep(app, kind) {
  await app.browser.waitUntil(async () => (await app.$('.facil-kind').getText().catch(() => '')) === kind, {
    timeoutMsg: `facilitation mode did not reach a ${kind} step`,
  });
}

/** Gives the keys back to facilitation mode, as Esc does, when a text field has the focus. */
async function leaveField(app) {
  const typing = () => app.browser.execute(() => ['INPUT', 'TEXTAREA', 'SELECT'].includes(document.activeElement?.tagName ?? ''));
  if (!(await typing())) return;
  await app.browser.keys('Escape');
  await app.browser.waitUntil(async () => !(await typing()), { timeoutMsg: 'Escape did not leave the field' });
}

/** The address the QR code holds, read from its pixels as a phone's camera would. */
async function readQrCode(browser, svg) {
  const page = await browser.newPage();
  try {
    await page.addScriptTag({ path: JSQR });
    return await page.evaluate(async (markup) => {
      const source = markup.includes('xmlns=') ? markup : markup.replace('<svg', '<svg xmlns="http://www.w3.org/2000/svg"');
      const image = new Image();
      image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(source)}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth * 2;
      canvas.height = image.naturalHeight * 2;
      const context = canvas.getContext('2d');
      context.fillStyle = '#fff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.drawImage(image, 0, 0, canvas.width, canvas.height);
      const pixels = context.getImageData(0, 0, canvas.width, canvas.height);
      return globalThis.jsQR(pixels.data, pixels.width, pixels.height)?.data ?? null;
    }, svg);
  } finally {
    await page.close();
  }
}

/** A device opening `address`: its own browser context (no shared storage), at its own size. */
async function device(browser, address, width, height) {
  const context = await browser.newContext({ viewport: { width, height }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/.test(m.text())) page.errors.push(m.text());
  });
  await page.goto(address);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return page;
}

async function seen(page, text, timeout = 20_000) {
  await page.getByText(text, { exact: false }).first().waitFor({ state: 'visible', timeout });
}

async function addCard(page, text) {
  await page.getByLabel('New card').fill(text);
  await page.getByRole('button', { name: 'Add card' }).click();
  const mine = page.locator('#mine li').filter({ hasText: text });
  await mine.waitFor();
  await mine.getByText('Sending…').waitFor({ state: 'detached', timeout: 20_000 });
}

/** Cards' texts and votes as the facilitator's app holds them. */
async function board(app, workshopId) {
  const shown = await app.query('get_workshop_board', { id: workshopId });
  return { shown, tally: Object.fromEntries(shown.cards.map((c) => [c.text, c.votes])) };
}

test('the room joins from its own browsers, writes, votes and reconnects after a restart', { timeout: 420_000 }, async (t) => {
  const workspace = await newWorkspace(t);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  t.after(() => browser.close());
  let workshopId;
  let address;
  let devices;
  let before;

  await workspace.session(async (app) => {
    await app.browser.setWindowSize(1280, 800);
    assert.ok((await app.invoke('load_example')).ok);
    const team = (await app.query('list_teams'))[0];
    const people = await app.query('list_people', { teamId: team.id });
    const exercises = await app.query('list_exercises');
    const exercise = exercises.find((e) => e.id === EXERCISE) ?? exercises.find((e) => e.title === 'From pain to commitments');
    assert.ok(exercise, `the library holds ${EXERCISE}`);
    const planned = await app.query('plan_workshop', {
      input: {
        exerciseId: exercise.id,
        teamId: team.id,
        heldOn: new Date().toISOString().slice(0, 10),
        startsAt: '10:00',
        facilitatorId: people[0].id,
        participantIds: people.map((p) => p.id),
      },
    });
    workshopId = planned.id;
    await app.query('start_workshop', { id: workshopId });
    // The app opens on the running workshop, in facilitation mode.
    const base = (await app.browser.getUrl()).replace(/^(\w+:\/\/[^/]+).*$/, '$1');
    await app.browser.url(`${base}/`);
    await app.$('.facil').waitForDisplayed({ timeoutMsg: 'the running workshop did not open in facilitation mode' });
    await leaveField(app);
    await app.browser.keys('ArrowRight');
    await waitForStep(app, 'Silent writing');

    await leaveField(app);
    await app.browser.keys('j');
    const dialog = '[data-testid="room-dialog"]';
    await app.$(dialog).waitForDisplayed({ timeoutMsg: 'J did not open the join dialog' });
    await app.$('#room-address-choice').selectByAttribute('value', '127.0.0.1');
    await app.$(dialog).$('button=Let the room join').click();
    await app.$('.room-qr svg').waitForDisplayed({ timeout: 15_000, timeoutMsg: 'no QR code appeared' });
    const text = await app.$(dialog).getText();
    address = /http:\/\/127\.0\.0\.1:\d+\/(?:[0-9a-z]{4}-){7}[0-9a-z]{4}\//.exec(text)?.[0];
    assert.ok(address, `the panel shows the join address, its token in groups of four: ${text}`);
    const svg = await app.browser.execute(() => document.querySelector('.room-qr svg')?.outerHTML ?? '');
    assert.equal(await readQrCode(browser, svg), address, 'the QR code holds the address shown');

    const page = await fetch(address);
    assert.equal(page.status, 200, 'the address answers a device');
    assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    const wrong = await fetch(address.replace(/[0-9a-z-]+\/$/, `${'0'.repeat(32)}/`));
    assert.equal(wrong.status, 404, 'a wrong token finds nothing');

    // Two phones scan the QR code; the laptop's owner types the address from the projector, in
    // capitals.
    const [scheme, rest] = address.split('://');
    const typed = `${scheme}://${rest.replace(/\/([0-9a-z-]+)\/$/, (_, token) => `/${token.toUpperCase()}/`)}`;
    devices = [
      await device(browser, address, 390, 844),
      await device(browser, address, 390, 844),
      await device(browser, typed, 1280, 800),
    ];
    for (const d of devices) await seen(d, 'What customers most want gone');
    await waitForText(app, '.room-joined', '3 people have joined');
    await app.browser.pause(500);
    const joinPanel = await app.screenshot('docs-room-join');
    if (process.env.OUTWARD_DOCS_SCREENSHOTS) copyFileSync(joinPanel, path.join(DOCS, 'room-join.png'));
    await app.$(dialog).$('button=Close').click();
    await app.$(dialog).waitForDisplayed({ reverse: true, timeoutMsg: 'the join dialog did not close' });
    await leaveField(app);

    // Silent writing: each device sees only its own cards; the facilitator sees them arrive.
    for (const [i, d] of devices.entries()) for (const card of CARDS[i]) await addCard(d, card);
    for (const [i, d] of devices.entries()) {
      for (const [j, cards] of CARDS.entries()) {
        if (j === i) continue;
        for (const card of cards) assert.equal(await d.getByText(card).count(), 0, `device ${i} does not see “${card}” before the reveal`);
      }
      await seen(d, '6 cards');
    }
    const written = '[data-testid="written-cards"]';
    for (const card of CARDS.flat()) await waitForText(app, written, card);

    // The reveal: every device sees every card.
    await leaveField(app);
    await app.browser.keys('ArrowRight');
    await waitForStep(app, 'Reveal');
    for (const d of devices) for (const card of CARDS.flat()) await seen(d, card);

    await leaveField(app);
    await app.browser.keys('ArrowRight');
    await waitForStep(app, 'Grouping');
    await leaveField(app);
    await app.browser.keys('ArrowRight');
    await waitForStep(app, 'Dot voting');
    for (const [i, d] of devices.entries()) {
      await d.getByRole('heading', { name: 'Spend your votes' }).waitFor({ timeout: 20_000 });
      for (const [card, votes] of Object.entries(BALLOTS[i])) {
        for (let n = 0; n < votes; n += 1) await d.getByRole('button', { name: `One vote more for ${card}` }).click();
      }
      await seen(d, '0 of 5 votes left');
      assert.equal(await d.getByRole('button', { name: 'One vote more for Onboarding docs are out of date' }).isDisabled(), true, 'the budget is spent');
      await d.getByRole('button', { name: 'Send my votes' }).click();
      await seen(d, 'Your votes were counted.');
    }
    await app.browser.waitUntil(async () => (await board(app, workshopId)).shown.voting?.roomVoted === 3, {
      timeoutMsg: 'the facilitator does not count three ballots from the room',
    });
    assert.ok((await board(app, workshopId)).shown.cards.every((c) => c.votes === null), 'counts stay hidden while voting');

    // Past the voting, at the decision: the facilitator sees the results, most votes first.
    await leaveField(app);
    await app.browser.keys('ArrowRight');
    await waitForStep(app, 'Discussion');
    await leaveField(app);
    await app.browser.keys('ArrowRight');
    await waitForStep(app, 'Decision');
    const first = await waitForText(app, '.decision-items li', '6 votes');
    assert.match(await first.getText(), /Deploy reviews wait for days/, 'the most voted card shows its 6 votes');
    const order = await app.browser.execute(() => [...document.querySelectorAll('.decision-items li')].map((li) => li.textContent.replace(/\s+/g, ' ').trim()));
    assert.deepEqual(order.slice(0, 2), ['Deploy reviews wait for days · 6 votes', 'Quota requests take a week · 5 votes'], 'most votes first');
    before = await board(app, workshopId);
    assert.deepEqual(before.tally, TALLY);
    for (const d of devices) {
      await d.getByRole('heading', { name: 'Results' }).waitFor({ timeout: 20_000 });
      await seen(d, '6 votes');
    }
  });

  // The app stops with the room on: the devices wait, then reconnect by themselves once it is
  // back, on the same address; nothing they sent is lost or counted twice.
  for (const d of devices) await seen(d, 'Reconnecting', 20_000);
  await workspace.session(async (app) => {
    await app.$('.facil').waitForDisplayed({ timeoutMsg: 'reopening did not return to facilitation mode' });
    await waitForStep(app, 'Decision');
    for (const d of devices) await d.getByText('Connected', { exact: true }).waitFor({ timeout: 30_000 });
    const after = await board(app, workshopId);
    assert.deepEqual(after.tally, before.tally, 'every card and vote is still there, once');
    assert.equal(after.shown.cards.length, 6);
    assert.equal(after.shown.voting?.roomVoted, 3);
    assert.equal((await fetch(address)).status, 200, 'the same address answers again');
    for (const d of devices) {
      await seen(d, '6 votes');
      assert.deepEqual(d.errors, [], 'no page error and no Content-Security-Policy violation');
    }

    await leaveField(app);
    await app.browser.keys('j');
    const dialog = '[data-testid="room-dialog"]';
    await app.$(dialog).waitForDisplayed({ timeoutMsg: 'J did not open the join dialog' });
    await waitForText(app, '.room-joined', '3 people have joined');
    await app.$(dialog).$('button=Turn off').click();
    await app.browser.waitUntil(
      async () => {
        try {
          await fetch(address);
          return false;
        } catch {
          return true;
        }
      },
      { timeout: 10_000, timeoutMsg: 'the room still answers after it was turned off' },
    );
  });
});
