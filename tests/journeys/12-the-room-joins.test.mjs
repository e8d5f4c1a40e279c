// Journey 12: room mode in the real app. A workshop runs in facilitation mode; J opens "Let the
// room join", turning it on shows the QR code and the join address, the address answers a
// device with the room's page under a strict Content-Security-Policy, a device joins and the
// panel counts it, and turning it off leaves nothing listening. (The room's rules, its server
// and its page in several browsers are tested in the core, in crates/outward-room and in
// ui/tests/room.) Saves docs/room-join.png, the join panel as the facilitator sees it.

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { newWorkspace } from '../support/app.mjs';
import { waitForText } from '../support/ui.mjs';

const DOCS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs');

test('the room joins a running workshop from the address on the join panel', { timeout: 240_000 }, async (t) => {
  const workspace = await newWorkspace(t);
  await workspace.session(async (app) => {
    await app.browser.setWindowSize(1280, 800);
    assert.ok((await app.invoke('load_example')).ok);
    const team = (await app.query('list_teams'))[0];
    const people = await app.query('list_people', { teamId: team.id });
    const exercise = (await app.query('list_exercises'))[0];
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
    await app.query('start_workshop', { id: planned.id });
    // The app opens on the running workshop, in facilitation mode.
    const base = (await app.browser.getUrl()).replace(/^(\w+:\/\/[^/]+).*$/, '$1');
    await app.browser.url(`${base}/`);
    await app.$('.facil').waitForDisplayed({ timeoutMsg: 'the running workshop did not open in facilitation mode' });

    await app.browser.keys('j');
    const dialog = '[data-testid="room-dialog"]';
    await app.$(dialog).waitForDisplayed({ timeoutMsg: 'J did not open the join dialog' });
    await app.$('#room-address-choice').selectByAttribute('value', '127.0.0.1');
    await app.$(dialog).$("button=Let the room join").click();
    await app.$('.room-qr svg').waitForDisplayed({ timeout: 15_000, timeoutMsg: 'no QR code appeared' });
    const text = await app.$(dialog).getText();
    const address = /http:\/\/127\.0\.0\.1:\d+\/(?:[0-9a-z]{4}-){7}[0-9a-z]{4}\//.exec(text)?.[0];
    assert.ok(address, `the panel shows the join address: ${text}`);

    const page = await fetch(address);
    assert.equal(page.status, 200, 'the address answers a device');
    assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    const wrong = await fetch(address.replace(/[0-9a-z-]+\/$/, `${'0'.repeat(32)}/`));
    assert.equal(wrong.status, 404, 'a wrong token finds nothing');

    const joined = await fetch(`${address}api/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ participant: randomBytes(16).toString('hex') }),
    });
    assert.ok(joined.ok, `a device joins: ${joined.status}`);
    await waitForText(app, '.room-joined', '1 person has joined');
    await app.browser.pause(500);
    copyFileSync(await app.screenshot('docs-room-join'), path.join(DOCS, 'room-join.png'));

    await app.$(dialog).$("button=Turn off").click();
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
