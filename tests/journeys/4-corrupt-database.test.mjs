// Journey 4: a database file that is not a database. The app starts anyway and explains what
// happened and where the file is, instead of showing a blank window.

import assert from 'node:assert/strict';
import { writeFileSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { newWorkspace } from '../support/app.mjs';

test('a corrupt database shows the startup failure screen naming the file', { timeout: 120_000 }, async (t) => {
  const workspace = await newWorkspace(t);
  const garbage = Buffer.alloc(16384, 'this is not an SQLite database. ');
  writeFileSync(workspace.db, garbage);

  await workspace.session(async (app) => {
    const screen = await app.$('[data-testid="startup-failure"]');
    await screen.waitForDisplayed({ timeoutMsg: 'the startup failure screen did not appear' });
    assert.equal((await app.$('[data-testid="failure-path"]').getText()).trim(), workspace.db, 'it names the file');
    assert.notEqual((await app.$('[data-testid="failure-reason"]').getText()).trim(), '', 'it says what went wrong');
    assert.match(await app.$('h1').getText(), /could not open/i);

    const failure = await app.query('startup_failure');
    assert.equal(failure.databasePath, workspace.db);
    const refused = await app.invoke('list_teams');
    assert.equal(refused.ok, false, 'no command reads a database that could not be opened');
    assert.equal(refused.rejection.kind, 'internal', JSON.stringify(refused.rejection));
    await app.screenshot('startup-failure-screen');
  });

  assert.deepEqual(readFileSync(workspace.db), garbage, 'the unreadable file was left untouched');
});
