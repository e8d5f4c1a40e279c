// Journey 17: a team lead plans a migration in the real app. A deadline before the start is
// refused on its field with a message that says so; the corrected plan opens the migration's
// page. Three consumer teams are added and two of them move to Done: the summary, the burn-up's
// table (the chart's text alternative) and the migration's percentage metric on the Metrics
// screen all follow, and the weeks before this one still show nobody done.
//
// Days are counted from today in UTC, as the app counts them: the migration started ten days
// ago and is due in eighty.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newWorkspace } from '../support/app.mjs';
import {
  clickButton,
  fill,
  navigate,
  submitDialog,
  submitDialogExpectingError,
  typeDate,
  waitForHeading,
  waitForText,
} from '../support/ui.mjs';

const TEAM = 'Developer Platform';
const PRODUCT = 'Build & CI';
const TITLE = 'Leave Jenkins for Build & CI';
const CONSUMERS = ['Payments', 'Checkout', 'Risk & Fraud'];
const DIALOG = '[data-testid="form-dialog"]';

const DAY = 24 * 60 * 60 * 1000;
const today = new Date(new Date().toISOString().slice(0, 10));
const iso = (date) => date.toISOString().slice(0, 10);
const daysFromToday = (days) => new Date(today.getTime() + days * DAY);
const STARTS = daysFromToday(-10);
const DEADLINE = daysFromToday(80);
// Burn-up weeks run from the start: this week is the second, ending three days from today.
const THIS_WEEK_ENDS = iso(daysFromToday(3));
const LAST_WEEK_ENDS = iso(daysFromToday(-4));

/** The burn-up's table as { week ending: [teams done, at an even pace] }, opened as a person would. */
async function burnUpTable(app) {
  const details = await app.$('[data-testid="burn-up"] details');
  if ((await details.getAttribute('open')) === null) await details.$('summary').click();
  await app.$('[data-testid="burn-up-table"]').waitForDisplayed();
  const rows = await app.browser.execute(() =>
    [...document.querySelectorAll('[data-testid="burn-up-table"] tbody tr')].map((row) =>
      [...row.cells].map((cell) => cell.innerText.trim()),
    ),
  );
  return Object.fromEntries(rows.map(([week, done, pace]) => [week, [done, pace]]));
}

/** The value the Metrics screen shows for the migration's metric in this quarter. */
async function metricValue(app) {
  await navigate(app, 'Metrics');
  const row = await waitForText(app, '[data-testid="metric-row"]', `Teams migrated: ${TITLE}`);
  const value = await row.$('[data-testid="metric-value"]');
  return (await value.isExisting()) ? (await value.getText()).trim() : null;
}

async function openMigration(app) {
  await navigate(app, 'Migrations');
  const row = await waitForText(app, '[data-testid="migrations"] tbody tr', TITLE);
  await row.$(`a=${TITLE}`).click();
  await waitForHeading(app, TITLE);
}

test('a migration refuses a deadline before its start, and two teams done move its burn-up and metric', { timeout: 300_000 }, async (t) => {
  const workspace = await newWorkspace(t);
  await workspace.session(async (app) => {
    await app.browser.setWindowSize(1280, 800);
    await app.$('[data-testid="welcome"]').waitForDisplayed();
    await clickButton(app, 'Create your team');
    await fill(app, { name: TEAM }, '[data-testid="welcome"] form');
    await clickButton(app, 'Create team');
    await waitForHeading(app, TEAM);
    const team = (await app.query('list_teams'))[0];
    await app.query('create_product', { input: { teamId: team.id, name: PRODUCT, stage: 'generallyAvailable', description: '' } });
    for (const name of CONSUMERS) {
      await app.query('create_customer', { input: { name, department: 'Commerce', size: 12, contacts: '', productIds: [] } });
    }

    // Plan it with the dates swapped: refused on the deadline, with both days named.
    await navigate(app, 'Migrations');
    await clickButton(app, 'New migration');
    await fill(app, { title: TITLE, fromWhat: 'Jenkins', toWhat: 'Build & CI pipelines', productId: PRODUCT });
    await typeDate(app, 'startsOn', iso(DEADLINE), DIALOG);
    await typeDate(app, 'deadline', iso(STARTS), DIALOG);
    const refusal = await submitDialogExpectingError(app, 'deadline');
    assert.match(refusal, /before the start/, 'the message says what is wrong');
    assert.ok(refusal.includes(iso(STARTS)) && refusal.includes(iso(DEADLINE)), `the message names both days: ${refusal}`);
    assert.equal((await app.query('list_migrations')).length, 0, 'nothing was stored by the refused plan');

    await typeDate(app, 'startsOn', iso(STARTS), DIALOG);
    await typeDate(app, 'deadline', iso(DEADLINE), DIALOG);
    await submitDialog(app);
    await waitForHeading(app, TITLE);
    const lead = await app.$('.screen-header .lead').getText();
    assert.match(lead, new RegExp(`for ${PRODUCT}`), 'the page names the product');
    assert.match(lead, /80 days left/, 'and how long is left to the deadline');

    // The consumer teams: none done yet, and the metric reads 0 %.
    for (const name of CONSUMERS) {
      await app.$('[data-testid="add-team-customer"]').selectByVisibleText(name);
      await clickButton(app, 'Add team');
      await waitForText(app, '[data-testid="migration-team"]', name);
    }
    await waitForText(app, '[data-testid="migration-summary"]', '0 of 3 teams done (0%)');
    let weeks = await burnUpTable(app);
    assert.equal(Object.keys(weeks).length, 13, 'thirteen weeks from the start through the deadline');
    assert.deepEqual(weeks[THIS_WEEK_ENDS], ['0', '0.46'], 'this week: nobody done, and the even pace');
    assert.deepEqual(weeks[iso(daysFromToday(80))], ['—', '3'], 'the deadline’s week: to come, every team at the even pace');
    assert.equal(await metricValue(app), '0 %', 'the migration’s metric reads nobody migrated');

    // Two teams finish.
    await openMigration(app);
    for (const name of CONSUMERS.slice(0, 2)) {
      await app.$(`select[aria-label="State of ${name}"]`).selectByVisibleText('Done');
    }
    await waitForText(app, '[data-testid="migration-summary"]', '2 of 3 teams done (66.7%)');
    weeks = await burnUpTable(app);
    assert.deepEqual(weeks[THIS_WEEK_ENDS], ['2', '0.46'], 'this week’s burn-up counts the two teams done');
    assert.deepEqual(weeks[LAST_WEEK_ENDS], ['0', '0.23'], 'last week stays as it was: they finished today');
    await app.$('[data-testid="burn-up"] canvas').waitForDisplayed();
    await app.screenshot('migration-burn-up');

    assert.equal(await metricValue(app), '67 %', 'the metric moved with the two teams done');
    await navigate(app, 'Migrations');
    const row = await waitForText(app, '[data-testid="migrations"] tbody tr', TITLE);
    assert.match(await row.getText(), /2 of 3/, 'the list shows the teams done');
  });
});
