// Temporary look test: screenshots of the customer page at 1280×800. Deleted after looking.
import { test } from 'node:test';
import { newWorkspace } from '../support/app.mjs';
import { clickButton, clickText, navigate, waitForHeading, waitForText } from '../support/ui.mjs';

test('look at the customer page', { timeout: 240_000 }, async (t) => {
  const workspace = await newWorkspace(t);
  await workspace.session(async (app) => {
    await app.browser.setWindowSize(1280, 800);
    await app.$('[data-testid="welcome"]').waitForDisplayed();
    await clickButton(app, 'Load the example');
    await app.$('[data-testid="who-are-you"]').waitForDisplayed();
    await app.screenshot('look-who-are-you');
    await clickButton(app, 'Not now');
    await navigate(app, 'Coverage');
    await clickText(app, '[data-testid="coverage-row"] th a', 'Payments');
    await waitForHeading(app, 'Payments');
    await waitForText(app, '[data-testid="customer-quote"]', 'CI queue');
    await app.screenshot('look-customer-top');
    await app.browser.execute(() => document.querySelector('#main')?.scrollBy(0, 700));
    await app.screenshot('look-customer-bottom');
    await navigate(app, 'Themes');
    await app.screenshot('look-themes');
    await clickText(app, '[data-testid="theme-card"] h2 a', 'ci');
    await waitForHeading(app, 'ci');
    await app.screenshot('look-theme');
    await navigate(app, 'Inbox');
    await app.screenshot('look-inbox');
    await navigate(app, 'Interviews');
    await app.screenshot('look-interviews');
  });
});
