// Journey 13: a quarter measured and committed to, in one sitting. A CSAT metric and a goal on
// it; a survey round whose Google Forms export is imported through the column-mapping screen
// (the open dialog is answered by OUTWARD_IMPORT_PATH, which the app reads at start), with the
// unmatched team reviewed; the metric then shows its value with n and a 95 % interval. A
// commitment linked to a pain point and the goal is checked in on twice, its derived status
// moving from at risk to on track; closing the quarter carries it into the next one, where it
// starts again and the old quarter keeps its record.

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { newWorkspace } from '../support/app.mjs';
import { check, clickButton, fill, navigate, submitDialog, waitForHeading, waitForText } from '../support/ui.mjs';

const TEAM = 'Delivery Platform';
const PERSON = 'Ines Duarte';
const CUSTOMER = 'Checkout';
const PAIN_POINT = 'Deploys queue behind each other for hours';
const METRIC = 'Deploy satisfaction';
const GOAL = 'Most developers are happy deploying';
const SURVEY = 'Deploy pulse';
const PROMPT = 'How satisfied are you with deploying?';
const COMMITMENT = 'Run deploys of different services in parallel';

/** The calendar quarter (the app's default) that `date` falls in, and the one after, as codes. */
function quarters(date = new Date()) {
  const year = date.getUTCFullYear();
  const number = Math.floor(date.getUTCMonth() / 3) + 1;
  const code = (y, n) => `${y}-Q${n}`;
  return { current: code(year, number), next: number === 4 ? code(year + 1, 1) : code(year, number + 1), later: code(year + 1, number) };
}

/**
 * A Google Forms export of the round: its own column names, so the score column ("Rating") has to
 * be mapped by hand; one team name ("Warehouse") matches no customer team. Seven answers of
 * which five are 4 or 5: CSAT 71 %, n = 7.
 */
function googleFormsExport(dir, today) {
  const day = today.replaceAll('-', '/');
  const rows = [
    ['Timestamp', 'Email Address', 'Which team are you in?', 'Rating', 'Anything else you want to tell us?'],
    [`${day} 9:01:12 AM GMT`, 'a@example.org', CUSTOMER, '5', 'Much better than last quarter'],
    [`${day} 9:05:40 AM GMT`, 'b@example.org', CUSTOMER, '4', ''],
    [`${day} 9:17:03 AM GMT`, 'c@example.org', CUSTOMER, '2', 'Deploys still wait behind each other'],
    [`${day} 10:02:55 AM GMT`, 'd@example.org', CUSTOMER, '5', ''],
    [`${day} 10:44:21 AM GMT`, 'e@example.org', 'Warehouse', '4', ''],
    [`${day} 11:30:00 AM GMT`, 'f@example.org', 'Warehouse', '3', '"Rollbacks, though, are slow"'],
    [`${day} 1:12:09 PM GMT`, 'g@example.org', CUSTOMER, '4', ''],
  ];
  const file = path.join(dir, 'Deploy pulse (Responses) - Form responses 1.csv');
  const quote = (cell) => (/[",\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
  writeFileSync(file, rows.map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n');
  return file;
}

/** Opens a commitment from the board, by its title. */
async function openCommitment(app, title) {
  await (await waitForText(app, '[data-testid="commitment-card"]', title)).$(`a*=${title}`).click();
  await waitForHeading(app, title);
}

async function statusIs(app, label) {
  await app.browser.waitUntil(async () => (await app.$('[data-testid="commitment-status"]').getText()) === label, {
    timeoutMsg: `the commitment's status did not become “${label}”`,
  });
}

async function checkIn(app, progress, confidence, note) {
  const form = '[data-testid="check-in-form"]';
  await fill(app, { progress: String(progress), confidence: String(confidence), note }, form);
  await clickButton(app, 'Check in', form);
  await waitForText(app, '[data-testid="check-ins"]', note);
}

test('a goal, a survey imported through the mapping screen, and a commitment checked in on and carried over', { timeout: 360_000 }, async (t) => {
  const workspace = await newWorkspace(t);
  const today = new Date().toISOString().slice(0, 10);
  const { current, next, later } = quarters();
  process.env.OUTWARD_IMPORT_PATH = googleFormsExport(workspace.dir, today);
  t.after(() => delete process.env.OUTWARD_IMPORT_PATH);

  await workspace.session(async (app) => {
    await app.$('[data-testid="welcome"]').waitForDisplayed();
    await clickButton(app, 'Create your team');
    await fill(app, { name: TEAM }, '[data-testid="welcome"] form');
    await clickButton(app, 'Create team');
    await waitForHeading(app, TEAM);
    // Who carries the commitment, the team that answers, and what hurts them: made as a script would.
    const team = (await app.query('list_teams'))[0];
    await app.query('create_person', { input: { teamId: team.id, name: PERSON, role: 'Engineering manager', level: 'senior' } });
    const customer = await app.query('create_customer', { input: { name: CUSTOMER, department: 'Commerce', size: 40, contacts: '', productIds: [] } });
    await app.query('create_pain_point', {
      input: { title: PAIN_POINT, description: '', severity: 4, frequency: 'daily', productIds: [], customerIds: [customer.id], tags: [] },
    });

    // A metric, and a goal on it.
    await navigate(app, 'Metrics');
    await clickButton(app, 'New metric');
    await fill(app, { name: METRIC, kind: 'CSAT' });
    await submitDialog(app);
    await waitForText(app, '[data-testid="metric-row"]', METRIC);

    await navigate(app, 'Goals');
    await clickButton(app, 'New goal');
    await fill(app, { title: GOAL, metricId: METRIC, target: '80', dueQuarter: later });
    await submitDialog(app);
    await waitForText(app, '[data-testid="goal-row"]', GOAL);

    // A survey round in this quarter, its score question measuring the metric.
    await navigate(app, 'Surveys');
    await clickButton(app, 'New survey round');
    await fill(app, { title: SURVEY, quarter: current, audienceSize: '20' });
    const firstQuestion = await app.$('[data-testid="form-dialog"]').$('label*=Question 1').$('input');
    await firstQuestion.setValue(PROMPT);
    await submitDialog(app);
    await (await waitForText(app, '[data-testid="survey-row"]', SURVEY)).$(`a*=${SURVEY}`).click();
    await waitForHeading(app, SURVEY);

    // The export, mapped column by column: everything but the score column is recognised.
    await clickButton(app, 'Choose an export…');
    await waitForText(app, 'main', 'Form responses 1.csv');
    const roles = await app.$$('[data-testid="column-role"]');
    assert.equal(roles.length, 5, 'one select per column of the export');
    assert.equal(await roles[0].getValue(), 'date', 'Google Forms’ Timestamp is read as the date');
    assert.equal(await roles[2].getValue(), 'team', 'the team question is read as the team');
    assert.equal(await roles[3].getValue(), 'ignore', '“Rating” is not recognised by name');
    await roles[3].selectByVisibleText(`Q1: ${PROMPT}`);
    const ready = await waitForText(app, '[data-testid="import-ready"]', '7 responses will be imported');
    assert.match(await ready.getText(), /1 team name matches no customer team/, 'the preview warns of the unmatched team');
    await clickButton(app, 'Import 7 responses');
    await waitForText(app, '[data-testid="import-done"]', 'Imported 7 responses');

    // The team name nobody recognised is reviewed and assigned.
    const unmatched = await waitForText(app, '[data-testid="unmatched"] li', 'Warehouse');
    await (await unmatched.$('select')).selectByVisibleText(CUSTOMER);
    await clickButton(app, 'Assign', '[data-testid="unmatched"]');
    await app.$('[data-testid="unmatched"]').waitForExist({ reverse: true, timeoutMsg: 'the reviewed team is still listed' });

    // The metric now has a value this quarter, with its n and interval.
    await navigate(app, 'Metrics');
    const row = await waitForText(app, '[data-testid="metric-row"]', METRIC);
    await app.browser.waitUntil(async () => (await row.$('[data-testid="metric-n"]').getText()) === '7', {
      timeoutMsg: 'the metric does not show n = 7',
    });
    assert.equal(await row.$('[data-testid="metric-value"]').getText(), '71 %', 'five of seven answered 4 or 5');
    // Wilson for 5 of 7: 35.9 % to 91.8 %.
    assert.equal(await row.$('[data-testid="metric-interval"]').getText(), '36 % to 92 %');

    // A commitment aimed at the goal, answering the pain point.
    await navigate(app, 'Commitments');
    await clickButton(app, 'New commitment');
    await fill(app, { title: COMMITMENT, ownerId: PERSON, quarter: current, goalId: GOAL });
    await check(app, PAIN_POINT);
    await submitDialog(app);
    // A new commitment opens on its own page.
    await waitForHeading(app, COMMITMENT);

    // Check-ins move its derived status: low confidence puts it at risk, a good week back on track.
    await checkIn(app, 20, 3, 'Blocked on the shared lock in the deploy queue');
    await statusIs(app, 'At risk');
    await waitForText(app, '[data-testid="status-reasons"]', 'confidence is 3 out of 10');
    await checkIn(app, 90, 8, 'Parallel deploys behind a flag for two services');
    await statusIs(app, 'On track');

    // The goal lists the commitment aimed at it.
    await navigate(app, 'Goals');
    await (await waitForText(app, '[data-testid="goal-row"]', GOAL)).$(`a*=${GOAL}`).click();
    await waitForHeading(app, GOAL);
    await waitForText(app, '[data-testid="goal-commitments"]', COMMITMENT);

    // Closing the quarter walks through the open commitment; it is carried over.
    await navigate(app, 'Commitments');
    await waitForText(app, '[data-testid="commitment-card"]', COMMITMENT);
    await clickButton(app, 'Close quarter');
    await waitForText(app, '[data-testid="close-walk"]', COMMITMENT);
    assert.equal(await app.$('[data-testid="close-walk"] input[value="carryOver"]').isSelected(), true, 'carrying over is the default');
    await submitDialog(app);
    await waitForText(app, '.column-carriedOver [data-testid="commitment-card"]', COMMITMENT);

    await clickButton(app, next.replace('-', ' '));
    await app.browser.waitUntil(async () => (await app.$('.quarter-label').getText()).includes(next.split('-')[1]), {
      timeoutMsg: `the board did not move to ${next}`,
    });
    await waitForText(app, '.column-onTrack [data-testid="commitment-card"], .column-atRisk [data-testid="commitment-card"]', COMMITMENT);
    await openCommitment(app, COMMITMENT);
    const board = await app.query('commitment_board', { quarterCode: next });
    const [carried] = board.columns.flatMap((c) => c.commitments).filter((c) => c.title === COMMITMENT);
    assert.equal(carried?.state, 'open', `the commitment is open in ${next}`);
    assert.equal(carried.ownerName, PERSON, 'with its owner');
    assert.deepEqual(carried.painPoints.map((p) => p.name ?? p.title), [PAIN_POINT], 'and its pain point');
    assert.ok(carried.carriedFrom, 'naming the commitment it carries on');
  });
});
