// The installed package, as a person meets it: the .deb installed with dpkg puts the app on the
// system with its desktop entry and icon, starts from /usr/bin to its first screen, keeps the
// data in the person's app-data folder, and removing the package leaves that data where it was.
// Run by scripts/test after `dpkg -i`, with OUTWARD_APP set to the installed binary.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { cliBinary, newWorkspace } from '../support/app.mjs';
import { clickButton, fill, waitForHeading } from '../support/ui.mjs';

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
  const cargo = readFileSync(new URL('../../Cargo.toml', import.meta.url), 'utf8');
  assert.equal(version, cargo.match(/^version = "(.+)"$/m)[1], 'the package carries the app version');

  const workspace = await newWorkspace(t, { defaultLocation: true });
  await workspace.session(async (app) => {
    await app.$('[data-testid="welcome"]').waitForDisplayed({ timeoutMsg: 'the installed app showed no first screen' });
    await clickButton(app, 'Create your team');
    await fill(app, { name: TEAM }, '[data-testid="welcome"] form');
    await clickButton(app, 'Create team');
    await waitForHeading(app, TEAM);
    await app.screenshot('installed-package-first-screen');
  });

  execFileSync('dpkg', ['-r', PACKAGE], { stdio: 'pipe' });
  assert.equal(existsSync(process.env.OUTWARD_APP), false, 'removing the package removes the app');
  assert.ok(existsSync(workspace.db), `the data stays in ${workspace.db}`);
  const teams = JSON.parse(execFileSync(cliBinary(), ['--db', workspace.db, 'teams', 'list', '--json'], { encoding: 'utf8' }));
  assert.deepEqual(teams.map((team) => team.name), [TEAM], 'and still holds what was saved');
});
