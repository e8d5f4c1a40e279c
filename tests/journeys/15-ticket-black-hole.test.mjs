// Journey 15: a team lead imports a Jira export of support tickets and sees the black hole.
// The open dialog is answered by OUTWARD_IMPORT_PATH, which the app reads at start. The meter
// of the export's quarter shows the median and 90th percentile the core tests compute by hand
// and the request waiting longest with no answer; then a goal is set on time to first response.

import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { newWorkspace } from '../support/app.mjs';
import { clickButton, fill, navigate, submitDialog, waitForHeading, waitForText } from '../support/ui.mjs';

const EXPORT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../crates/outward-core/tests/fixtures/tickets/jira.csv',
);

test('a ticket export shows the black hole and a goal is set on time to first response', { timeout: 240_000 }, async (t) => {
  const workspace = await newWorkspace(t);
  process.env.OUTWARD_IMPORT_PATH = EXPORT;
  t.after(() => delete process.env.OUTWARD_IMPORT_PATH);
  await workspace.session(async (app) => {
    await app.$('[data-testid="welcome"]').waitForDisplayed();
    await clickButton(app, 'Create your team');
    await fill(app, { name: 'Developer Platform', description: 'CI and deploys.' }, '[data-testid="welcome"] form');
    await clickButton(app, 'Create team');
    await waitForHeading(app, 'Developer Platform');

    await navigate(app, 'Tickets');
    await clickButton(app, 'Choose an export');
    await waitForText(app, '[data-testid="ticket-import-ready"]', '8 new and 0 already imported');
    await clickButton(app, 'Import 8 tickets');
    await waitForText(app, '[data-testid="tickets-imported"]', '8 added');

    const quarter = await app.$('[data-testid="ticket-quarter"]');
    await quarter.selectByVisibleText('2026 Q3');
    await waitForText(app, '[data-testid="meter-median"]', '24.0 h');
    assert.equal(await app.$('[data-testid="meter-p90"]').getText(), '10.0 days');
    const first = await app.$('[data-testid="waiting-row"]');
    assert.match(await first.getText(), /107 days[\s\S]*OPS-099/, 'the request waiting longest leads the black hole');
    await app.screenshot('ticket-black-hole-meter');

    await clickButton(app, 'Set a goal on time to first response');
    await fill(app, { title: 'Answer every request within a working day', target: '8', dueQuarter: '2030-Q1' });
    await submitDialog(app);
    await navigate(app, 'Goals');
    const goal = await waitForText(app, '[data-testid="goal-row"]', 'Answer every request within a working day');
    assert.match(await goal.getText(), /Time to first response/, 'the goal is measured by the tickets’ metric');
  });
});
