// Journey 2: deleting never destroys. A deleted customer waits in the Trash and comes back,
// with the products it uses, when restored.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newWorkspace } from '../support/app.mjs';
import { clickButton, navigate, texts, waitForText } from '../support/ui.mjs';

test('a deleted customer can be restored from the Trash', { timeout: 180_000 }, async (t) => {
  const workspace = await newWorkspace(t);

  await workspace.session(async (app) => {
    await app.$('[data-testid="welcome"]').waitForDisplayed();
    await clickButton(app, 'Load the example');
    await navigate(app, 'Customers');
    const cards = await texts(app, '[data-testid="customer-card"]');
    assert.ok(cards.length >= 2, `the example has customers: ${cards.length}`);
    const name = (await app.$('[data-testid="customer-card"] h2').getText()).trim();
    const before = (await app.query('list_customers')).find((c) => c.name === name);
    assert.ok(before.productIds.length > 0, 'the customer uses products');

    await app.$(`button[aria-label="Delete ${name}"]`).click();
    await app.browser.waitUntil(
      async () => !(await texts(app, '[data-testid="customer-card"] h2')).includes(name),
      { timeoutMsg: `${name} is still listed after Delete` },
    );

    await navigate(app, 'Trash');
    await waitForText(app, '[data-testid="trash-row"]', name);
    await app.$(`button[aria-label="Restore ${name}"]`).click();
    await app.browser.waitUntil(
      async () => !(await texts(app, '[data-testid="trash-row"]')).some((row) => row.includes(name)),
      { timeoutMsg: `${name} is still in the Trash after Restore` },
    );

    await navigate(app, 'Customers');
    await waitForText(app, '[data-testid="customer-card"] h2', name);
    const after = (await app.query('list_customers')).find((c) => c.name === name);
    assert.deepEqual(after.productIds, before.productIds, 'it comes back with the products it uses');
    assert.equal((await app.query('list_trash')).length, 0, 'the Trash is empty again');
  });
});
