// The installed package, as a person meets it: the .deb installed with dpkg puts the app on the
// system with its desktop entry and icon, starts from /usr/bin to its first screen, keeps the
// data in the person's app-data folder, and removing the package leaves that data where it was.
// Run by scripts/test after `dpkg -i`, with OUTWARD_APP set to the installed binary.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { APP_VERSION, assertKept, createTeamOnFirstScreen } from './first-run.mjs';

const PACKAGE = 'outward';
const TEAM = 'Installed Platform';

test('the installed package starts, keeps its data, and leaves it behind when removed', { timeout: 300_000 }, async (t) => {
  const installed = execFileSync('dpkg-query', ['-L', PACKAGE], { encoding: 'utf8' }).split('\n');
  const entry = installed.find((file) => file.endsWith('.desktop'));
  assert.ok(entry, `the package installs a desktop entry: ${installed.join(' ')}`);
  const desktop = readFileSync(entry, 'utf8');
  assert.match(desktop, /^Name=Outward$/m);
  assert.match(desktop, new RegExp(`^Exec=${process.env.OUTWARD_APP.split('/').pop()}$`, 'm'));
  assert.ok(installed.some((file) => /\/icons\/hicolor\/.+\.png$/.test(file)), 'the package installs its icon');
  const version = execFileSync('dpkg-query', ['-W', '-f=${Version}', PACKAGE], { encoding: 'utf8' });
  assert.equal(version, APP_VERSION, 'the package carries the app version');

  const workspace = await createTeamOnFirstScreen(t, TEAM, 'installed-package-first-screen');

  execFileSync('dpkg', ['-r', PACKAGE], { stdio: 'pipe' });
  assert.equal(existsSync(process.env.OUTWARD_APP), false, 'removing the package removes the app');
  assertKept(workspace, TEAM);
});
