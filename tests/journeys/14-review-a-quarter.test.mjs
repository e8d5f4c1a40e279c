// Journey 14: the quarterly review, on the example workspace. Home leads to the review; a past
// quarter's review opens; a commitment aimed at a goal and addressing a pain point makes the chain
// from that goal to a customer's quote, which opens the interview it was heard in; closing the
// quarter keeps its review, which a later edit of the commitment does not change.

import assert from 'node:assert/strict';
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

test('review a past quarter, follow the chain to a quote, close the quarter', { timeout: 300_000 }, async (t) => {
  const workspace = await newWorkspace(t);

  await workspace.session(async (app) => {
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

    // Close the past quarter: its review is kept.
    await navigate(app, 'Quarterly review', current);
    await clickButton(app, 'Previous quarter');
    await reviewHeading(app, current);
    await clickButton(app, `Close ${past.replace('Review of ', '')}`);
    await submitDialog(app);
    await waitForText(app, '[data-testid="review-state"]', 'Closed.');
    await waitForText(app, '[data-testid="review-commitments"]', TITLE);
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
  });
});
