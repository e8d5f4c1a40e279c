// The README's screenshots, from the real app on the example workspace at 1280×800 (the smallest
// window Outward is made for): Home, a goal's page, the commitments board, the quarterly
// review's chain from a goal to customers' words, the tickets' black-hole meter, the support
// rota, a migration's page with its burn-up, a customer team's page, an interview open on its
// rendered notes with its evidence beside them, and the hiring kit's guide builder beside its
// question bank. Written to docs/.
//
// The room's join panel (docs/room-join.png) needs three devices joined, so journey 12 takes it,
// and writes it to docs/ only when asked; to retake every picture:
//
// Usage: OUTWARD_DOCS_SCREENSHOTS=1 node tests/run.mjs tests/docs/screenshots.test.mjs \
//          tests/journeys/12-the-room-joins.test.mjs   (with the app built, as for the journeys)

import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { newWorkspace, saveScreen } from '../support/app.mjs';
import { clickButton, navigate, waitForHeading, waitForText } from '../support/ui.mjs';

const DOCS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs');

test('screenshots of the README, from the example workspace', { timeout: 300_000 }, async (t) => {
  const workspace = await newWorkspace(t);
  await workspace.session(async (app) => {
    await app.browser.setWindowSize(1280, 800);
    await app.$('[data-testid="welcome"]').waitForDisplayed();
    await clickButton(app, 'Load the example');
    await clickButton(app, 'Not now', '[data-testid="who-are-you"]');

    await waitForHeading(app, 'Home');
    await waitForText(app, '[data-testid="home-kudos"]', 'from');
    await settle(app);
    picture('screenshot.png');

    await navigate(app, 'Goals');
    const goal = await app.$('main a[href^="/goals/"]');
    await goal.waitForDisplayed();
    await goal.click();
    await app.$('main canvas').waitForDisplayed();
    await settle(app);
    picture('goal.png');

    await navigate(app, 'Commitments');
    await waitForText(app, '[data-testid="commitment-board"]', 'At risk');
    await settle(app);
    picture('commitments.png');

    await navigate(app, 'Quarterly review', await reviewTitle(app));
    await waitForText(app, '[data-testid="chain"]', 'Most developers are happy with CI');
    await waitForText(app, '[data-testid="chain-quote"]', 'The CI queue takes 40 minutes');
    await app.$('[data-testid="review-chain"]').scrollIntoView();
    await settle(app);
    picture('review-chain.png');

    await navigate(app, 'Tickets');
    await waitForText(app, '[data-testid="waiting-row"]', 'days');
    await app.$('[data-testid="meter-distribution"] canvas').waitForDisplayed();
    await settle(app);
    picture('tickets.png');

    await navigate(app, 'Support rota');
    await waitForText(app, '[data-testid="rota-on-support"]', '(');
    await app.$('[data-testid="rota-coverage"] canvas').waitForDisplayed();
    await settle(app);
    picture('rota.png');

    await navigate(app, 'Migrations');
    const migration = await waitForText(app, '[data-testid="migrations"] tbody tr', 'Retire the legacy VM images');
    await migration.$('a').click();
    await waitForHeading(app, 'Retire the legacy VM images');
    await waitForText(app, '[data-testid="migration-blocked"]', 'Data Platform');
    await app.$('[data-testid="burn-up"] canvas').waitForDisplayed();
    await settle(app);
    picture('migrations.png');

    await navigate(app, 'Customers');
    const card = await waitForText(app, '[data-testid="customer-card"]', 'Payments');
    await card.$('a=Payments').click();
    await waitForHeading(app, 'Payments');
    await waitForText(app, '[data-testid="interview-row"]', 'Payments — quarterly check-in');
    await settle(app);
    picture('customer.png');

    const row = await waitForText(app, '[data-testid="interview-row"]', 'Payments — quarterly check-in');
    // Rows out of view are painted only once scrolled to.
    await row.scrollIntoView();
    await app.browser.pause(300);
    await row.$('a').click();
    await app.$('[data-testid="notes-preview"] mark').waitForDisplayed();
    await settle(app);
    picture('interview.png');

    await navigate(app, 'Hiring', 'Hiring for customer empathy');
    await waitForText(app, '[data-testid="guide-item"]', 'Tell us about something you built');
    await settle(app);
    picture('hiring.png');
  });
});

/** The title of this quarter's review, as its screen heads it ("Review of 2026 Q4"). */
async function reviewTitle(app) {
  const review = await app.query('get_review', { quarterCode: null });
  return `Review of ${review.label}`;
}

/**
 * Saves the X screen, which the window fills at 1280×800, as docs/`file`. (WebDriver's own
 * screenshot never answers once a page drawn without compositing has been idle a few seconds,
 * as it is after `settle`.)
 */
function picture(file) {
  saveScreen(path.join(DOCS, file));
}

/** Lets toasts leave and the last reads paint before the picture is taken. */
async function settle(app) {
  await app.browser.execute(() => document.activeElement instanceof HTMLElement && document.activeElement.blur());
  await app.browser.pause(6000);
}
