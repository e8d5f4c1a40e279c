// Journey 11: everything moves to a new workspace. Settings exports the whole workspace to one
// .zip; a new, empty workspace imports it from the welcome screen and holds the same records,
// searchable as before. The save and open dialogs are answered by OUTWARD_EXPORT_DIR and
// OUTWARD_IMPORT_PATH, which the app reads at start.

import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { newWorkspace } from '../support/app.mjs';
import { clickButton, navigate, waitForText } from '../support/ui.mjs';

/** What must come across: the overview's counts, the teams, and a search's hits. */
async function contents(app) {
  const overview = await app.query('workspace_overview');
  const teams = (await app.query('list_teams')).map((team) => team.name);
  const hits = (await app.query('search', { query: 'deploy' })).map((hit) => `${hit.kind} ${hit.id}`);
  // Where the database is and its latest backup differ between the two workspaces.
  const { databasePath: _path, latestBackup: _backup, ...counts } = overview;
  return { counts, teams, hits };
}

test('everything exported from Settings imports into a new workspace', { timeout: 240_000 }, async (t) => {
  const source = await newWorkspace(t);
  const exports = path.join(source.dir, 'exports');
  mkdirSync(exports);
  process.env.OUTWARD_EXPORT_DIR = exports;
  t.after(() => delete process.env.OUTWARD_EXPORT_DIR);
  let zip;
  let before;

  await source.session(async (app) => {
    await app.$('[data-testid="welcome"]').waitForDisplayed();
    await clickButton(app, 'Load the example');
    await app.query('create_team', { input: { name: 'Carried across', description: 'Made before the export.' } });
    before = await contents(app);

    await navigate(app, 'Settings');
    await clickButton(app, 'Export everything…');
    await waitForText(app, '[data-testid="export-result"]', 'Exported');
    const said = await app.$('[data-testid="export-result"]').getText();
    zip = /to (\/.*\.zip)\.$/.exec(said)?.[1];
    assert.ok(zip?.startsWith(exports), `the export went to the folder given: ${said}`);
    assert.ok(existsSync(zip), `${zip} is there`);
  });

  const target = await newWorkspace(t);
  process.env.OUTWARD_IMPORT_PATH = zip;
  t.after(() => delete process.env.OUTWARD_IMPORT_PATH);
  await target.session(async (app) => {
    await app.$('[data-testid="welcome"]').waitForDisplayed();
    await clickButton(app, 'Import an export');
    await waitForText(app, '[data-testid="toast"]', `from ${zip}`);
    await navigate(app, 'Teams');
    await waitForText(app, 'main', 'Carried across');
    const after = await contents(app);
    assert.deepEqual(after.teams, before.teams, 'the same teams');
    assert.deepEqual(after.counts, before.counts, 'the same number of every kind of record');
    assert.deepEqual(after.hits, before.hits, 'the same search hits');
    assert.ok(before.hits.length > 0, 'the search finds something');
  });
});
