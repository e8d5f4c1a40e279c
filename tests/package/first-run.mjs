// What both installed forms of the app (the .deb's binary, the AppImage) must do on a person's
// machine: start to the first screen, save there, and keep the data in the person's app-data
// folder, where the CLI still reads it once the app is gone.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cliBinary, newWorkspace } from '../support/app.mjs';
import { clickButton, fill, waitForHeading } from '../support/ui.mjs';

/** The app's version, as Cargo.toml gives it: every package must carry it. */
export const APP_VERSION = readFileSync(new URL('../../Cargo.toml', import.meta.url), 'utf8').match(/^version = "(.+)"$/m)[1];

/**
 * Starts the app at OUTWARD_APP on a new person's data, creates `team` on the first screen, then
 * calls `whileRunning`, if given, before the app is stopped.
 */
export async function createTeamOnFirstScreen(t, team, screenshot, whileRunning = async () => {}) {
  const workspace = await newWorkspace(t, { defaultLocation: true });
  await workspace.session(async (app) => {
    await app.$('[data-testid="welcome"]').waitForDisplayed({ timeoutMsg: 'the installed app showed no first screen' });
    await clickButton(app, 'Create your team');
    await fill(app, { name: team }, '[data-testid="welcome"] form');
    await clickButton(app, 'Create team');
    await waitForHeading(app, team);
    await app.screenshot(screenshot);
    await whileRunning();
  });
  return workspace;
}

/** Checks that `workspace`'s database is still there and holds `team` alone. */
export function assertKept(workspace, team) {
  assert.ok(existsSync(workspace.db), `the data stays in ${workspace.db}`);
  const teams = JSON.parse(execFileSync(cliBinary(), ['--db', workspace.db, 'teams', 'list', '--json'], { encoding: 'utf8' }));
  assert.deepEqual(teams.map((found) => found.name), [team], 'and still holds what was saved');
}
