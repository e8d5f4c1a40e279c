// Journey 3: bad input gets a clear message next to the field and nothing is stored: an empty
// team or person name (caught in the form) and a duplicate team name (refused by the core and
// shown on the same field).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newWorkspace } from '../support/app.mjs';
import { clickButton, fill, navigate, submitDialogExpectingError, waitForHeading } from '../support/ui.mjs';

test('invalid names are explained next to the field and nothing is stored', { timeout: 180_000 }, async (t) => {
  const workspace = await newWorkspace(t);

  await workspace.session(async (app) => {
    const welcome = '[data-testid="welcome"]';
    await app.$(welcome).waitForDisplayed();
    await clickButton(app, 'Create your team');
    await clickButton(app, 'Create team');
    const teamError = await app.$(`${welcome} [data-testid="error-name"]`);
    await teamError.waitForDisplayed({ timeoutMsg: 'an empty team name shows an error next to the field' });
    assert.equal(await app.$(`${welcome} [name="name"]`).getAttribute('aria-invalid'), 'true');
    assert.deepEqual(await app.query('list_teams'), [], 'no team was stored');

    await fill(app, { name: 'Platform' }, `${welcome} form`);
    await clickButton(app, 'Create team');
    await waitForHeading(app, 'Platform');

    await navigate(app, 'People');
    await clickButton(app, 'New person');
    await fill(app, { role: 'SRE' });
    const personError = await submitDialogExpectingError(app, 'name');
    assert.notEqual(personError, '', 'the message says what is missing');
    assert.deepEqual(await app.query('list_people', { teamId: null }), [], 'no person was stored');
    await app.browser.keys('Escape');

    await navigate(app, 'Teams');
    await clickButton(app, 'New team');
    await fill(app, { name: 'PLATFORM' });
    const duplicate = await submitDialogExpectingError(app, 'name');
    assert.match(duplicate, /platform/i, `the message names the clash: ${duplicate}`);
    const teams = await app.query('list_teams');
    assert.deepEqual(teams.map((team) => team.name), ['Platform'], 'the duplicate was not stored');
  });
});
