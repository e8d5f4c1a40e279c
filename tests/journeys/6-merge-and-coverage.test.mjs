// Journey 6: tidying and listening, on the example workspace. Merging a pain point into another
// moves its evidence, products, customers and themes to the one kept, which then shows the quotes
// of both; the merged one leaves the list. The coverage screen flags the customer teams not heard
// from in 12 weeks (or never) and not the ones heard from lately, and logging a conversation with
// a flagged team clears its flag.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newWorkspace } from '../support/app.mjs';
import {
  check,
  clickButton,
  clickText,
  fill,
  navigate,
  notesSelection,
  quoteText,
  submitDialog,
  texts,
  typeNotes,
  waitForHeading,
  waitForText,
} from '../support/ui.mjs';

// From the example workspace (crates/outward-core/src/workspace/example/).
const MERGED = 'No single current pipeline template';
const MERGED_QUOTE = 'nobody knows which template is current';
const KEPT = 'CI queue is slow at peak times';
const KEPT_QUOTES = ['The CI queue takes 40 minutes on Monday mornings', 'The CI queue was slow here too'];
const HEARD_LATELY = 'Payments'; // 9 days ago
const SILENT = 'Risk & Fraud'; // 130 days ago
const NEVER_HEARD = 'Mobile Apps';

/** The coverage table's row for `customer`, and its flag ('' when not flagged). */
async function coverageRow(app, customer) {
  const row = await waitForText(app, '[data-testid="coverage-row"] th', customer).then((th) => th.parentElement());
  const flag = await row.$('[data-testid="unheard-flag"]');
  return { text: await row.getText(), flag: (await flag.isExisting()) ? (await flag.getText()).trim() : '' };
}

test('merging keeps the evidence of both pain points, and coverage flags the teams not heard from', { timeout: 240_000 }, async (t) => {
  const workspace = await newWorkspace(t);

  await workspace.session(async (app) => {
    await app.$('[data-testid="welcome"]').waitForDisplayed();
    await clickButton(app, 'Load the example');

    await navigate(app, 'Pain points');
    await clickText(app, '[data-testid="pain-point-row"] a', MERGED);
    await waitForHeading(app, MERGED);
    await clickButton(app, 'Edit', 'main');
    await check(app, 'Build & CI');
    await check(app, 'Checkout');
    await fill(app, { tags: 'templates' });
    await app.browser.keys('Enter');
    await submitDialog(app);
    await waitForText(app, 'section[aria-labelledby="glance"]', 'templates');

    await clickButton(app, 'Merge into', 'main');
    const dialog = '[data-testid="merge-dialog"]';
    await app.$(dialog).$('input[aria-label="Pain point to keep"]').setValue('CI queue');
    await clickText(app, `${dialog} [data-command-item]`, KEPT);
    await waitForText(app, '[data-testid="picker-chosen"]', KEPT);
    await clickButton(app, 'Continue', dialog);
    const consequence = await app.$(dialog).getText();
    assert.match(consequence, /cannot be undone/, 'the confirmation warns that merging is final');
    await clickButton(app, 'Merge', dialog);
    await app.$(dialog).waitForExist({ reverse: true, timeoutMsg: 'the merge dialog did not close' });

    await waitForHeading(app, KEPT);
    // Its two quotes and a survey comment the example keeps as evidence, and the merged one's quote.
    await app.browser.waitUntil(async () => (await texts(app, '[data-testid="evidence"] blockquote')).length === 4, {
      timeoutMsg: 'the kept pain point does not show four quotes after the merge',
    });
    const quotes = await texts(app, '[data-testid="evidence"] blockquote');
    for (const quote of [...KEPT_QUOTES, MERGED_QUOTE]) {
      assert.ok(quotes.includes(quote), `the kept pain point shows “${quote}”: ${JSON.stringify(quotes)}`);
    }
    const glance = await app.$('section[aria-labelledby="glance"]').getText();
    assert.match(glance, /Build & CI/, 'the merged one’s product moved to the kept one');
    assert.match(glance, /Checkout/, 'and its named customer');
    assert.match(glance, /templates/, 'and its theme');
    await waitForText(app, 'section[aria-labelledby="merged-title"]', MERGED);

    await navigate(app, 'Pain points');
    const row = await waitForText(app, '[data-testid="pain-point-row"]', KEPT);
    assert.match(await row.getText(), /4 quotes/, 'the list counts the quotes of both, and the survey comment');
    const titles = await texts(app, '[data-testid="pain-point-row"] .row-title a');
    assert.ok(!titles.includes(MERGED), `the merged pain point is no longer listed: ${JSON.stringify(titles)}`);

    await row.$(`a*=${KEPT}`).click();
    await waitForHeading(app, KEPT);
    const moved = await waitForText(app, '[data-testid="evidence"]', MERGED_QUOTE);
    await moved.$('a*=Show in the interview').click();
    await app.browser.waitUntil(async () => (await notesSelection(app))?.text === MERGED_QUOTE, {
      timeoutMsg: 'the moved quote does not open at its place in the interview',
    });
    let highlight;
    await app.browser.waitUntil(
      async () => {
        for (const item of await app.$$('[data-testid="highlight"]')) {
          if ((await quoteText(await item.$('blockquote'))) === MERGED_QUOTE) highlight = item;
        }
        return highlight !== undefined;
      },
      { timeoutMsg: 'the interview does not list the moved quote' },
    );
    assert.match(await highlight.$('.highlight-for a').getText(), new RegExp(KEPT), 'in the interview the quote is now evidence for the kept pain point');

    await navigate(app, 'Coverage');
    const silent = await coverageRow(app, SILENT);
    assert.match(silent.flag, /^Not heard from in 1[89] weeks$/, `${SILENT}, last heard 130 days ago, is flagged: ${silent.text}`);
    const never = await coverageRow(app, NEVER_HEARD);
    assert.equal(never.flag, 'Never heard from', `${NEVER_HEARD}, never interviewed, is flagged`);
    const lately = await coverageRow(app, HEARD_LATELY);
    assert.equal(lately.flag, '', `${HEARD_LATELY}, heard from 9 days ago, is not flagged: ${lately.text}`);
    assert.match(await app.$('.coverage-summary').getText(), /not been heard from in 12 weeks or more/);

    await app.$(`a[aria-label="Log a conversation with ${NEVER_HEARD}"]`).click();
    await waitForHeading(app, 'Log an interview');
    assert.equal(await app.$('[name="customerId"]').getValue(), NEVER_HEARD, 'the form starts with that customer chosen');
    await typeNotes(app, 'Quick call: builds are fine, app store uploads are manual.');
    await clickButton(app, 'Save interview');
    await app.$('section[aria-label="Interview details"]').waitForDisplayed({ timeoutMsg: 'the interview was not saved' });

    await navigate(app, 'Coverage');
    await app.browser.waitUntil(async () => (await coverageRow(app, NEVER_HEARD)).flag === '', {
      timeoutMsg: `${NEVER_HEARD} is still flagged after a conversation today`,
    });
    assert.match((await coverageRow(app, NEVER_HEARD)).text, /this week/, 'it shows it was heard from this week');
    assert.notEqual((await coverageRow(app, SILENT)).flag, '', `${SILENT} is still flagged`);
  });
});
