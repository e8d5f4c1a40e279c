// Journey 8: the listening loop's pages, on the example workspace. A customer team's page opens
// from an interview and from Coverage, shows what the team said and the pain points it is
// affected by, and logs a conversation with it. A theme opens from its card and leads to its
// pain points. Telling Outward who you are records your name on a status change.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newWorkspace } from '../support/app.mjs';
import { clickButton, clickText, navigate, texts, typeNotes, waitForHeading, waitForText } from '../support/ui.mjs';

// From the example workspace (crates/outward-core/src/workspace/example/).
const CUSTOMER = 'Payments';
const HEADING = 'Payments — quarterly check-in';
const QUOTE = 'The CI queue takes 40 minutes on Monday mornings';
const PAIN = 'CI queue is slow at peak times';
const THEME = 'ci';
const ME = 'Priya Raman';

test('customer and theme pages, and "me" on a status change', { timeout: 300_000 }, async (t) => {
  const workspace = await newWorkspace(t);

  await workspace.session(async (app) => {
    await app.$('[data-testid="welcome"]').waitForDisplayed();
    await clickButton(app, 'Load the example');

    // Who are you? Asked once, above the screen, now that there are people.
    const ask = await app.$('[data-testid="who-are-you"]');
    await ask.waitForDisplayed({ timeoutMsg: 'Outward did not ask who uses it after the example loaded' });
    await ask.$('[data-testid="me-select"]').selectByVisibleText(ME);
    await clickButton(app, 'Save', '[data-testid="who-are-you"]');
    await ask.waitForExist({ reverse: true, timeoutMsg: 'the question stays after answering it' });

    // An interview is listed by its own heading; its customer's name opens the customer page.
    await navigate(app, 'Interviews');
    const row = await waitForText(app, '[data-testid="interview-row"]', HEADING);
    const rowText = await row.getProperty('textContent');
    assert.match(rowText, /They ship about 30 times a week/, 'the row shows an excerpt of the notes');
    assert.doesNotMatch(rowText, /\*\*|#/, 'the excerpt is plain text');
    await row.$('a*=' + HEADING).click();
    await app.browser.waitUntil(async () => (await app.$('h1').getText()) === HEADING, {
      timeoutMsg: 'the interview did not open from its heading, titled by it',
    });
    await app.$('[data-testid="interview-customer"]').click();
    await waitForHeading(app, CUSTOMER);
    await waitForText(app, '[data-testid="last-heard"]', 'Priya Raman');
    const quotes = await texts(app, '[data-testid="customer-quote"] blockquote');
    assert.ok(quotes.includes(QUOTE), `the page shows what ${CUSTOMER} said: ${JSON.stringify(quotes)}`);
    await waitForText(app, '[data-testid="pain-point-row"]', PAIN);

    // From Coverage too, and log a conversation from the page.
    await navigate(app, 'Coverage');
    await clickText(app, '[data-testid="coverage-row"] th a', 'Mobile Apps');
    await waitForHeading(app, 'Mobile Apps');
    await waitForText(app, '[data-testid="last-heard"]', 'Never');
    await app.$('[data-testid="log-conversation"]').click();
    await waitForHeading(app, 'Log an interview');
    assert.equal(await app.$('[name="customerId"]').getValue(), 'Mobile Apps', 'the form starts with that customer chosen');
    await typeNotes(app, '# Release chat\n\nApp store uploads are manual.');
    await clickButton(app, 'Save interview');
    await app.$('section[aria-label="Interview details"]').waitForDisplayed({ timeoutMsg: 'the interview was not saved' });
    // Once its notes are saved, it is listed by its heading, and the customer's name there
    // opens the page again, which lists it too.
    // The notes typed last are saved as the editor closes: read the list until it shows them.
    let listed;
    await app.browser.waitUntil(
      async () => {
        await navigate(app, 'Interviews');
        for (const row of await app.$$('[data-testid="interview-row"]')) {
          // The excerpt is clamped to two lines with CSS, which WebKit's getText leaves out.
          if ((await row.getProperty('textContent')).includes('App store uploads are manual')) listed = row;
        }
        return listed !== undefined;
      },
      { timeoutMsg: 'the new conversation is not listed with its notes' },
    );
    assert.match(await listed.getProperty('textContent'), /Release chat/, 'the new conversation is listed by its heading');
    await listed.$('[data-testid="customer-link"]').click();
    await waitForHeading(app, 'Mobile Apps');
    await waitForText(app, '[data-testid="interview-row"]', 'Release chat');
    await waitForText(app, '[data-testid="last-heard"]', ME);

    // A theme opens from its card and leads to its pain points.
    await navigate(app, 'Themes');
    const card = await waitForText(app, '[data-testid="theme-card"]', THEME);
    assert.doesNotMatch(await card.getText(), /^0 pain points/m, 'the example themes gather pain points');
    await card.$(`h2 a`).click();
    await waitForHeading(app, THEME);
    await clickText(app, '[data-testid="pain-point-row"] a', PAIN);
    await waitForHeading(app, PAIN);

    // A status change names me without my choosing anyone.
    await app.$('[data-testid="status-select"]').selectByVisibleText('Planned');
    await clickButton(app, 'Update status');
    await waitForText(app, '[data-testid="status-history"]', `by ${ME}`);
  });
});
