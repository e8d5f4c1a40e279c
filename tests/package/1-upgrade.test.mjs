// Upgrading the installed package keeps the data and migrates it with a backup first. An older
// package is installed (the .deb under test, renumbered to an earlier version), the data an
// older Outward left is put in the person's app-data folder (the newest fixture of an earlier
// schema: a database exactly as that schema wrote it), and the package under test is installed
// over it with dpkg. The app from the new package opens that data, migrated, with a verified
// backup of the old state taken first. Run by scripts/test with OUTWARD_DEB set to the .deb;
// it leaves that package installed for `2-installed.test.mjs`.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { cliBinary, newWorkspace } from '../support/app.mjs';
import { navigate, waitForText } from '../support/ui.mjs';

const PACKAGE = 'outward';
const OLDER = '0.0.1';
const FIXTURES = new URL('../../crates/outward-core/tests/fixtures/', import.meta.url);
const MIGRATIONS = new URL('../../crates/outward-core/src/db/migrations/', import.meta.url);

const run = (command, args, options = {}) => execFileSync(command, args, { encoding: 'utf8', stdio: 'pipe', ...options });
const installedVersion = () => run('dpkg-query', ['-W', '-f=${Version}', PACKAGE]);
const schemaVersion = (db) => Number(run('sqlite3', [db, 'PRAGMA user_version;']).trim());

/** The .deb at `deb` with its version set to `version`, written into `dir`. */
function renumbered(deb, version, dir) {
  const tree = path.join(dir, 'tree');
  run('dpkg-deb', ['-R', deb, tree]);
  const control = path.join(tree, 'DEBIAN', 'control');
  writeFileSync(control, readFileSync(control, 'utf8').replace(/^Version: .*$/m, `Version: ${version}`));
  const older = path.join(dir, `outward_${version}.deb`);
  run('dpkg-deb', ['--root-owner-group', '-Znone', '-b', tree, older]);
  return older;
}

test('a newer package installed over an older one keeps the data and migrates it after a backup', { timeout: 300_000 }, async (t) => {
  const deb = process.env.OUTWARD_DEB;
  assert.ok(deb, 'OUTWARD_DEB names the package under test');
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'outward-upgrade-'));
  t.after(() => rmSync(scratch, { recursive: true, force: true }));

  run('dpkg', ['-i', renumbered(deb, OLDER, scratch)]);
  assert.equal(installedVersion(), OLDER, 'the older package is installed');

  // What the older Outward left behind in the person's app-data folder.
  const latest = readdirSync(MIGRATIONS).filter((name) => name.endsWith('.sql')).length;
  const old = Math.max(
    ...readdirSync(FIXTURES)
      .map((name) => Number(/^schema-(\d+)\.sql$/.exec(name)?.[1]))
      .filter((version) => version < latest),
  );
  const workspace = await newWorkspace(t, { defaultLocation: true });
  mkdirSync(path.dirname(workspace.db), { recursive: true });
  run('sqlite3', [workspace.db], { input: readFileSync(new URL(`schema-${old}.sql`, FIXTURES), 'utf8') });
  assert.equal(schemaVersion(workspace.db), old);

  run('dpkg', ['-i', deb]);
  const version = installedVersion();
  assert.notEqual(version, OLDER, 'the newer package replaced the older one');
  run('dpkg', ['--compare-versions', version, 'gt', OLDER]);

  await workspace.session(async (app) => {
    await navigate(app, 'Teams');
    await waitForText(app, 'main', 'Developer Platform');
    await navigate(app, 'Settings');
    await waitForText(app, '[data-testid="backup-row"]', 'Before an update changed the database');
  });
  assert.equal(schemaVersion(workspace.db), latest, 'the data was migrated to the new schema');
  const backups = JSON.parse(run(cliBinary(), ['--db', workspace.db, 'backups', 'list', '--json']));
  const before = backups.filter((backup) => backup.reason === 'migration');
  assert.equal(before.length, 1, `one backup before the upgrade: ${JSON.stringify(backups)}`);
  assert.equal(before[0].problem, null, 'and it passes the restore check');
  assert.equal(before[0].schemaVersion, old, 'it holds the data as the older version left it');
});
