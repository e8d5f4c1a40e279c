// Journey 2: deleting never destroys. A deleted customer waits in the Trash with its interviews
// listed under it, no count holds them meanwhile, and all of it comes back, with the products
// it uses, when restored.

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
    const interviews = await app.query('list_interviews', { filter: { customerId: before.id }, page: { offset: 0, limit: 50 } });
    assert.ok(interviews.total > 0, `${name} has interviews in the example`);
    const counted = (await app.query('workspace_overview')).interviews;

    await app.$(`button[aria-label="Delete ${name}"]`).click();
    await app.browser.waitUntil(
      async () => !(await texts(app, '[data-testid="customer-card"] h2')).includes(name),
      { timeoutMsg: `${name} is still listed after Delete` },
    );

    const hidden = await app.query('workspace_overview');
    assert.equal(hidden.interviews, counted - interviews.total, 'its interviews leave every count with it');
    assert.equal(hidden.trash, 1 + interviews.total, 'and are counted in the Trash');

    await navigate(app, 'Trash');
    await waitForText(app, '[data-testid="trash-row"]', name);
    const rows = await texts(app, '[data-testid="trash-row"]');
    assert.equal(rows.length, 1 + interviews.total, 'the Trash lists the customer and its interviews');
    assert.ok(rows.slice(1).every((row) => row.includes(`Comes back with ${name}`)), `listed under it: ${rows}`);
    await app.$(`button[aria-label="Restore ${name}"]`).click();
    await app.browser.waitUntil(
      async () => !(await texts(app, '[data-testid="trash-row"]')).some((row) => row.includes(name)),
      { timeoutMsg: `${name} is still in the Trash after Restore` },
    );

    await navigate(app, 'Customers');
    await waitForText(app, '[data-testid="customer-card"] h2', name);
    const after = (await app.query('list_customers')).find((c) => c.name === name);
    assert.deepEqual(after.productIds, before.productIds, 'it comes back with the products it uses');
    assert.equal((await app.query('list_trash', { page: { offset: 0, limit: 50 } })).items.length, 0, 'the Trash is empty again');
    assert.equal((await app.query('workspace_overview')).interviews, counted, 'its interviews came back with it');
  });
});
