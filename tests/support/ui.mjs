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

/**
 * The visible text of every element matching `selector`, read in one step. Read one element at a
 * time, a list that re-renders in between leaves a stale element, and WebdriverIO then waits its
 * whole timeout for that element to come back.
 */
export async function texts(app, selector) {
  return app.browser.execute(
    (selector) =>
      Array.from(document.querySelectorAll(selector), (element) =>
        element.checkVisibility() ? element.innerText.trim() : '',
      ),
    selector,
  );
}

/**
 * Clicks the element matching `selector` that shows `text`. Lists that fill in as a person types
 * (search results, pickers) can replace the element between finding and clicking: then it looks
 * again.
 */
export async function clickText(app, selector, text) {
  await app.browser.waitUntil(
    async () => {
      await (await waitForText(app, selector, text)).click();
      return true;
    },
    { timeoutMsg: `could not click the ${selector} showing “${text}”` },
  );
}

/**
 * Waits until some element matching `selector` shows `text`; returns that element, found in the
 * same step as its text was read.
 */
export async function waitForText(app, selector, text) {
  let found = null;
  await app.browser.waitUntil(
    async () => {
      found = await app.browser.execute(
        (selector, text) =>
          Array.from(document.querySelectorAll(selector)).find(
            (element) => element.checkVisibility() && element.innerText.includes(text),
          ) ?? null,
        selector,
        text,
      );
      return found !== null;
    },
    { timeoutMsg: `no ${selector} showing “${text}” appeared` },
  );
  return app.browser.$(found);
}

/**
 * Types an ISO date ("2026-11-20") into a date field as a person would: in the format their locale
 * shows (11/20/2026 in the US), one part after the other.
 */
export async function typeDate(app, name, iso, scope = 'main') {
  const field = await app.$(scope).$(`[name="${name}"]`);
  await field.waitForDisplayed();
  const typed = await app.browser.execute(
    (iso) =>
      new Intl.DateTimeFormat(undefined, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' }).format(
        new Date(`${iso}T00:00:00Z`),
      ),
    iso,
  );
  await field.setValue(typed);
  assert.equal(await field.getValue(), iso, `typing “${typed}” into the ${name} field gives ${iso}`);
}

/** Picks a customer team in the customer combobox by typing part of its name and clicking it. */
export async function chooseCustomer(app, name, scope = 'main') {
  const input = await app.$(scope).$('[name="customerId"]');
  await input.waitForDisplayed();
  await input.setValue(name.slice(0, 4));
  const option = await app.$(`[data-testid="customer-options"] [data-label="${name}"]`);
  await option.waitForClickable({ timeoutMsg: `“${name}” is not offered in the customer list` });
  await option.click();
  await app.browser.waitUntil(async () => (await input.getValue()) === name, {
    timeoutMsg: `the customer field does not show “${name}” after choosing it`,
  });
}

/**
 * Types Markdown into the interview notes. WebKit's WebDriver drops a typed "\n", so each line
 * break is pressed as Enter, as a person would.
 */
export async function typeNotes(app, text) {
  const notes = await app.$('[data-testid="notes"]');
  await notes.waitForDisplayed();
  await notes.setValue(text.replaceAll('\n', '\uE007'));
}

/**
 * Selects the first occurrence of `text` in the interview notes, as a drag with the mouse would,
 * and returns its range in UTF-16 offsets (what the textarea and the backend count in).
 */
export async function selectInNotes(app, text) {
  const notes = await app.$('[data-testid="notes"]');
  await notes.waitForDisplayed();
  const range = await app.browser.execute((text) => {
    const textarea = document.querySelector('[data-testid="notes"]');
    const start = textarea.value.indexOf(text);
    if (start < 0) return null;
    textarea.focus();
    textarea.setSelectionRange(start, start + text.length);
    return { start, end: start + text.length };
  }, text);
  assert.ok(range, `the notes contain “${text}”`);
  return range;
}

/**
 * Selects the first occurrence of `text` in the rendered notes (it may cross formatting), as a
 * drag with the mouse would.
 */
export async function selectInPreview(app, text) {
  const preview = await app.$('[data-testid="notes-preview"]');
  await preview.waitForDisplayed();
  const found = await app.browser.execute((text) => {
    const root = document.querySelector('[data-testid="notes-preview"]');
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    const all = nodes.map((n) => n.data).join('');
    const start = all.indexOf(text);
    if (start < 0) return false;
    const point = (offset, end) => {
      let seen = 0;
      for (const node of nodes) {
        if (end ? offset <= seen + node.data.length : offset < seen + node.data.length) return [node, offset - seen];
        seen += node.data.length;
      }
      return null;
    };
    const range = document.createRange();
    range.setStart(...point(start, false));
    range.setEnd(...point(start + text.length, true));
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    return true;
  }, text);
  assert.ok(found, `the rendered notes show “${text}”`);
}

/**
 * What is selected in the interview notes, raw or rendered, and whether the selection is where
 * a person sees it (the raw notes have the focus, or the selection lies in the rendered notes).
 */
export function notesSelection(app) {
  return app.browser.execute(() => {
    const textarea = document.querySelector('[data-testid="notes"]');
    if (textarea) {
      return {
        text: textarea.value.slice(textarea.selectionStart, textarea.selectionEnd),
        focused: document.activeElement === textarea,
      };
    }
    const preview = document.querySelector('[data-testid="notes-preview"]');
    const selection = window.getSelection();
    if (!preview || !selection || selection.rangeCount === 0) return null;
    return { text: selection.toString(), focused: preview.contains(selection.getRangeAt(0).commonAncestorContainer) };
  });
}

/**
 * Opens the command palette with `keys` (Ctrl+K by default, or "/"), types `query`, and opens the
 * search result showing `hitText`.
 */
export async function searchAndOpen(app, query, hitText, keys = ['Control', 'k']) {
  await app.browser.keys(keys);
  const palette = await app.$('[data-testid="command-palette"]');
  await palette.waitForDisplayed({ timeoutMsg: `${keys.join('+')} did not open the command palette` });
  await palette.$('input[aria-label="Command or search"]').setValue(query);
  await clickText(app, '[data-testid="search-hit"]', hitText);
  await palette.waitForExist({ reverse: true, timeoutMsg: 'the palette stayed open after opening a result' });
}

/**
 * The text of a displayed quote. WebKit's WebDriver reads no text at all from a line-clamped box
 * (`display: -webkit-box`, as the evidence panel's quotes are), so this reads what the page renders.
 */
export async function quoteText(element) {
  assert.equal(await element.isDisplayed(), true, 'the quote is displayed');
  return (await element.getProperty('innerText')).trim();
}
