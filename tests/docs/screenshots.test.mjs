// The README's screenshots of the listening loop, from the real app on the example workspace at
// 1280×800 (the smallest window Outward is made for): a customer team's page, and an interview
// open on its rendered notes with its evidence beside them. Written to docs/.
//
// Usage: node tests/run.mjs tests/docs/screenshots.test.mjs   (with the app built, as for the journeys)

import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { newWorkspace } from '../support/app.mjs';
import { clickButton, navigate, waitForHeading, waitForText } from '../support/ui.mjs';

const DOCS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs');

test('screenshots of the customer page and the interview screen', { timeout: 300_000 }, async (t) => {
  const workspace = await newWorkspace(t);
  await workspace.session(async (app) => {
    await app.browser.setWindowSize(1280, 800);
    await app.$('[data-testid="welcome"]').waitForDisplayed();
    await clickButton(app, 'Load the example');
    await clickButton(app, 'Not now', '[data-testid="who-are-you"]');

    await navigate(app, 'Customers');
    const card = await waitForText(app, '[data-testid="customer-card"]', 'Payments');
    await card.$('a=Payments').click();
    await waitForHeading(app, 'Payments');
    await waitForText(app, '[data-testid="interview-row"]', 'Payments — quarterly check-in');
    await settle(app);
    copyFileSync(await app.screenshot('docs-customer'), path.join(DOCS, 'customer.png'));

    const row = await waitForText(app, '[data-testid="interview-row"]', 'Payments — quarterly check-in');
    await row.$('a').click();
    await app.$('[data-testid="notes-preview"] mark').waitForDisplayed();
    await settle(app);
    copyFileSync(await app.screenshot('docs-interview'), path.join(DOCS, 'interview.png'));
  });
});

/** Lets toasts leave and the last reads paint before the picture is taken. */
async function settle(app) {
  await app.browser.execute(() => document.activeElement instanceof HTMLElement && document.activeElement.blur());
  await app.browser.pause(6000);
}
