// Journey 14: the quarterly review, on the example workspace. Home leads to the review; a past
// quarter's review opens; a commitment aimed at a goal and addressing a pain point makes the chain
// from that goal to a customer's quote, which opens the interview it was heard in; the review
// is exported as HTML and Markdown through the save dialog (answered by OUTWARD_EXPORT_DIR) and
// the files hold the quarter's goals and commitments, its support warning and its black-hole
// meter; kudos given show on the wall; closing the quarter keeps its review and its chains,
// which a later edit of the commitment does not change.

import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { newWorkspace } from '../support/app.mjs';
import { check, clickButton, fill, navigate, submitDialog, waitForHeading, waitForText } from '../support/ui.mjs';

// From the example workspace (crates/outward-core/src/workspace/example/).
const GOAL = 'Most developers are happy with CI';
const PAIN = 'CI queue is slow at peak times';
const QUOTE = 'The CI queue takes 40 minutes on Monday mornings';
const INTERVIEW = 'Payments — quarterly check-in';
const OWNER = 'Priya Raman';
const TITLE = 'Shorten the Monday CI queue';
const THANKS = 'Shortened the Monday queue: Payments merge before lunch again.';

async function heading(app) {
  const h1 = await app.$('h1');
  await h1.waitForDisplayed();
  return (await h1.getText()).trim();
}

async function reviewHeading(app, not) {
  let text = '';
  await app.browser.waitUntil(
    async () => {
      text = await heading(app);
      return text.startsWith('Review of ') && text !== not;
    },
    { timeoutMsg: 'the review did not open' },
  );
  return text;
}

/** Exports the review shown in `format` (its option's text) and returns the saved file's text. */
async function exportAs(app, exports, format, file) {
  await app.$('[data-testid="report-format"]').selectByVisibleText(format);
  await clickButton(app, 'Export ', '[data-testid="report-export"]');
  await waitForText(app, '[data-testid="report-result"]', 'Saved the review of');
  const saved = path.join(exports, file);
  assert.match(await app.$('[data-testid="report-result"]').getText(), new RegExp(file.replace('.', '\\.')));
  return readFileSync(saved, 'utf8');
}

test('review a past quarter, follow the chain to a quote, export it, give kudos, close the quarter', { timeout: 420_000 }, async (t) => {
  const workspace = await newWorkspace(t);
  // The export's save dialog answers with this folder (the app reads it at start).
  const exports = path.join(workspace.dir, 'exports');
  mkdirSync(exports);
  process.env.OUTWARD_EXPORT_DIR = exports;
  t.after(() => delete process.env.OUTWARD_EXPORT_DIR);

  await workspace.session(async (app) => {
    // The smallest window Outward is made for, so the screenshots show what a laptop shows.
    await app.browser.setWindowSize(1280, 800);
    await app.$('[data-testid="welcome"]').waitForDisplayed();
    await clickButton(app, 'Load the example');
    await waitForHeading(app, 'Home');

    // Home's goal tile leads to this quarter's review; the previous quarter's opens from there.
    const tile = await app.$('[data-testid="home-goals"]');
    await tile.$('a*=Review').click();
    const current = await reviewHeading(app);
    await clickButton(app, 'Previous quarter');
    const past = await reviewHeading(app, current);
    const pastCode = past.replace('Review of ', '').replace(' ', '-');
    await waitForText(app, '[data-testid="review-metric"]', 'CI satisfaction');

    // A commitment of that quarter aimed at the goal, addressing the pain point.
    await navigate(app, 'Commitments');
    await clickButton(app, 'New commitment');
    await fill(app, { title: TITLE, ownerId: OWNER, quarter: pastCode, goalId: GOAL });
    await check(app, PAIN);
    await submitDialog(app);

    // The chain: goal → commitment → pain point → the customer's words, which open the interview.
    await navigate(app, 'Quarterly review', current);
    const quote = await waitForText(app, '[data-testid="chain-quote"]', QUOTE);
    const chain = await waitForText(app, '[data-testid="chain"]', GOAL);
    assert.match(await chain.getText(), new RegExp(TITLE), 'the commitment is in the goal’s chain');
    await chain.scrollIntoView();
    await app.screenshot('review-chain');
    await quote.$('a').click();
    await waitForHeading(app, INTERVIEW);

    // Export the past quarter's review as HTML and as Markdown: each file holds its goals and
    // commitments.
    await navigate(app, 'Quarterly review', current);
    await clickButton(app, 'Previous quarter');
    await reviewHeading(app, current);
    // Last quarter the example's support fell to its two least senior engineers: the review
    // and its exports say so, beside the black-hole meter and the migrations of that quarter.
    const warning = await waitForText(app, '[data-testid="review-rota-warning"]', 'fell only to junior and mid-level engineers');
    await warning.scrollIntoView();
    await app.screenshot('review-practices');
    const html = await exportAs(app, exports, 'HTML for reading and printing', `outward-review-${pastCode}.html`);
    assert.match(html, /^<!DOCTYPE html>/i, 'one HTML document');
    assert.ok(html.includes('CI satisfaction') && html.includes(TITLE), 'the HTML holds the metric and the commitment');
    assert.ok(html.includes('<h2>Support rota</h2>') && html.includes('fell only to junior and mid-level engineers'), 'the HTML holds the rota warning');
    assert.ok(html.includes('<h2>Ticket black hole</h2>'), 'the HTML holds the black-hole meter');
    const markdown = await exportAs(app, exports, 'Markdown', `outward-review-${pastCode}.md`);
    assert.ok(markdown.includes('CI satisfaction') && markdown.includes(TITLE), 'the Markdown holds them too');
    assert.ok(markdown.includes(GOAL), 'the Markdown names the goal');
    assert.ok(markdown.includes('**Warning:** In ') && markdown.includes('## Ticket black hole'), 'the Markdown holds the practices');

    // Thank the commitment's owner: the kudos is on the wall.
    await navigate(app, 'Kudos');
    await clickButton(app, 'Give kudos');
    await fill(app, { fromPersonId: 'Aiko Tanaka', to: OWNER, message: THANKS });
    await submitDialog(app);
    await waitForText(app, '[data-testid="kudos-card"]', THANKS);
    await app.screenshot('kudos-wall');

    // Close the past quarter: its review is kept.
    await navigate(app, 'Quarterly review', current);
    await clickButton(app, 'Previous quarter');
    await reviewHeading(app, current);
    await clickButton(app, `Close ${past.replace('Review of ', '')}`);
    await submitDialog(app);
    await waitForText(app, '[data-testid="review-state"]', 'Closed.');
    await waitForText(app, '[data-testid="review-commitments"]', TITLE);
    await waitForText(app, '[data-testid="review-rota-warning"]', 'fell only to junior and mid-level engineers');
    await app.screenshot('review-closed');

    // Rename the commitment afterwards: the closed quarter's review still shows it as it was.
    const row = await waitForText(app, '[data-testid="review-commitments"] tr', TITLE);
    await row.$(`a*=${TITLE}`).click();
    await waitForHeading(app, TITLE);
    await clickButton(app, 'Edit');
    await fill(app, { title: 'Renamed after closing' });
    await submitDialog(app);
    await waitForHeading(app, 'Renamed after closing');
    await navigate(app, 'Quarterly review', current);
    await clickButton(app, 'Previous quarter');
    await reviewHeading(app, current);
    await waitForText(app, '[data-testid="review-state"]', 'Closed.');
    const kept = await app.$('[data-testid="review-commitments"]').getText();
    assert.match(kept, new RegExp(TITLE), 'the kept review shows the commitment as it was when the quarter closed');
    assert.doesNotMatch(kept, /Renamed after closing/);
    // So does its chain from evidence to outcome.
    await app.$('[data-testid="chain-kept"]').waitForDisplayed({ timeoutMsg: 'the closed quarter does not show its kept chains' });
    const keptChain = await waitForText(app, '[data-testid="chain"]', GOAL);
    assert.match(await keptChain.getText(), new RegExp(TITLE));
    assert.doesNotMatch(await keptChain.getText(), /Renamed after closing/);
  });
});
