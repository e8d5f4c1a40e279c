// Journey 9: a backup brings back an earlier state. Settings takes a backup, a team is added
// after it, and restoring the backup from Settings shows the workspace as it was, while the
// state it replaced is kept as a backup of its own.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newWorkspace } from '../support/app.mjs';
import { clickButton, navigate, texts, waitForText } from '../support/ui.mjs';

test('a backup restored from Settings brings back the earlier state', { timeout: 180_000 }, async (t) => {
  const workspace = await newWorkspace(t);

  await workspace.session(async (app) => {
    await app.$('[data-testid="welcome"]').waitForDisplayed();
    await clickButton(app, 'Load the example');
    // Reads do not wait for a write in progress: read the teams once the example is in.
    let before = [];
    await app.browser.waitUntil(async () => {
      before = (await app.query('list_teams')).map((team) => team.name);
      return before.length > 0;
    }, { timeoutMsg: 'the example loaded no teams' });

    await navigate(app, 'Settings');
    await clickButton(app, 'Back up now');
    await waitForText(app, '[data-testid="backup-result"]', 'Saved and verified');
    await waitForText(app, '[data-testid="backup-row"]', 'Taken on request');

    await app.query('create_team', { input: { name: 'Added after the backup', description: '' } });
    await navigate(app, 'Teams');
    await waitForText(app, 'main', 'Added after the backup');

    await navigate(app, 'Settings');
    const rows = await texts(app, '[data-testid="backup-row"]');
    assert.ok(rows[0].includes('Taken on request') && rows[0].includes('Verified'), `newest first: ${rows}`);
    await app.$('[data-testid="restore-backup"]').click();
    await app.$('[data-testid="confirm-dialog"]').waitForDisplayed();
    await clickButton(app, 'Restore', '[data-testid="confirm-dialog"]');
    await waitForText(app, '[data-testid="restore-result"]', 'Restored the backup');

    const after = (await app.query('list_teams')).map((team) => team.name);
    assert.deepEqual(after, before, 'the teams are as they were at the backup');
    await navigate(app, 'Teams');
    await app.browser.waitUntil(async () => !(await texts(app, 'main')).join(' ').includes('Added after the backup'), {
      timeoutMsg: 'the team added after the backup is still shown',
    });

    await navigate(app, 'Settings');
    await waitForText(app, '[data-testid="backup-row"]', 'Before a restore');
    const listed = await app.query('list_backups');
    assert.equal(listed[0].reason, 'restore', 'the replaced state is the newest backup');
  });
});
