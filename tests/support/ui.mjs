// Small steps a person takes in the Outward UI, expressed through what they see: navigation
// links by their text, form fields by their name inside the open dialog, buttons by label.

import assert from 'node:assert/strict';

const DIALOG = '[data-testid="form-dialog"]';

/** Clicks a main navigation entry ("Teams", "Customers", "Trash", …) and waits for its heading. */
export async function navigate(app, label, heading = label) {
  const link = await app.$('nav[aria-label="Main"]').$(`a*=${label}`);
  await link.waitForClickable();
  await link.click();
  await waitForHeading(app, heading);
}

export async function waitForHeading(app, text) {
  await app.browser.waitUntil(
    async () => {
      const h1 = await app.$('h1');
      return (await h1.isExisting()) && (await h1.getText()).trim() === text;
    },
    { timeoutMsg: `the screen titled “${text}” did not appear` },
  );
}

export async function clickButton(app, text, scope) {
  const root = scope ? await app.$(scope) : app.browser;
  const button = await root.$(`button*=${text}`);
  await button.waitForClickable({ timeoutMsg: `no clickable button “${text}”` });
  await button.click();
}

/** Fills fields by their `name` inside `scope`: text, textarea, select (by visible text). */
export async function fill(app, values, scope = DIALOG) {
  const root = await app.$(scope);
  await root.waitForDisplayed();
  for (const [name, value] of Object.entries(values)) {
    const field = await root.$(`[name="${name}"]`);
    await field.waitForDisplayed();
    const tag = (await field.getTagName()).toLowerCase();
    if (tag === 'select') await field.selectByVisibleText(value);
    else await field.setValue(value);
  }
}

/** Ticks a checkbox by the text of its label, inside the open dialog. */
export async function check(app, labelText) {
  const label = await app.$(DIALOG).$(`label*=${labelText}`);
  await label.waitForClickable();
  await label.click();
  const box = await label.$('input[type="checkbox"]');
  assert.equal(await box.isSelected(), true, `“${labelText}” is ticked`);
}

/** Presses the dialog's submit button and waits for the dialog to close. */
export async function submitDialog(app) {
  await app.$(`${DIALOG} button[type="submit"]`).click();
  await app.$(DIALOG).waitForExist({ reverse: true, timeoutMsg: 'the dialog did not close after saving' });
}

/** Presses the dialog's submit button and returns the error shown next to `field`. */
export async function submitDialogExpectingError(app, field) {
  await app.$(`${DIALOG} button[type="submit"]`).click();
  const error = await app.$(`${DIALOG} [data-testid="error-${field}"]`);
  await error.waitForDisplayed({ timeoutMsg: `no error was shown next to the ${field} field` });
  return (await error.getText()).replace(/^!\s*/, '').trim();
}

/** The visible text of every element matching `selector`. */
export async function texts(app, selector) {
  const found = [];
  for (const element of await app.$$(selector)) {
    // A list that re-renders between the lookup and the read leaves stale elements: skip them.
    const text = await element.getText().catch(() => null);
    if (text !== null) found.push(text);
  }
  return found;
}

/** Waits until some element matching `selector` shows `text`; returns that element. */
export async function waitForText(app, selector, text) {
  let found;
  await app.browser.waitUntil(
    async () => {
      for (const element of await app.$$(selector)) {
        if ((await element.getText()).includes(text)) {
          found = element;
          return true;
        }
      }
      return false;
    },
    { timeoutMsg: `no ${selector} showing “${text}” appeared` },
  );
  return found;
}
