// Journey 1: a first run on an empty database. Create a team, a person, a product and a
// customer that uses the product; quit; start again on the same file: everything is still there.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { newWorkspace } from '../support/app.mjs';
import { check, clickButton, fill, navigate, submitDialog, waitForHeading, waitForText } from '../support/ui.mjs';

const TEAM = 'Platform Enablement';
const PERSON = 'Ada Quinn';
const PRODUCT = 'Deploy Pipeline';
const CUSTOMER = 'Payments Squad';

test('what is created on the first run is still there after a restart', { timeout: 240_000 }, async (t) => {
  const workspace = await newWorkspace(t);

  await workspace.session(async (app) => {
    const overview = await app.query('workspace_overview');
    assert.equal(overview.databasePath, workspace.db, 'the app uses the database OUTWARD_DB names');
    assert.ok(existsSync(workspace.db), 'the database file was created at that path');

    await app.$('[data-testid="welcome"]').waitForDisplayed({ timeoutMsg: 'a first run shows the welcome screen' });
    await clickButton(app, 'Create your team');
    await fill(app, { name: TEAM, description: 'We run the CI and deploy pipeline.' }, '[data-testid="welcome"] form');
    await clickButton(app, 'Create team');
    await waitForHeading(app, TEAM);

    await navigate(app, 'People');
    await clickButton(app, 'New person');
    await fill(app, { name: PERSON, role: 'SRE', level: 'Senior' });
    await submitDialog(app);
    await waitForText(app, 'table[aria-label="People"] tbody tr', PERSON);

    await navigate(app, 'Products');
    await clickButton(app, 'New product');
    await fill(app, { name: PRODUCT, description: 'Builds and ships every service.' });
    await submitDialog(app);
    await waitForText(app, '[data-testid="product-row"]', PRODUCT);

    await navigate(app, 'Customers');
    await clickButton(app, 'New customer');
    await fill(app, { name: CUSTOMER, department: 'Finance', size: '14', contacts: 'Lee (lead), #payments' });
    await check(app, PRODUCT);
    await submitDialog(app);
    const card = await waitForText(app, '[data-testid="customer-card"]', CUSTOMER);
    assert.match(await card.getText(), new RegExp(PRODUCT), 'the customer card shows the product it uses');
    await app.screenshot('customers-screen');
  });

  await workspace.session(async (app) => {
    await navigate(app, 'Teams');
    await waitForText(app, '[data-testid="team-card"]', TEAM);
    await navigate(app, 'People');
    await waitForText(app, 'table[aria-label="People"] tbody tr', PERSON);
    await navigate(app, 'Products');
    await waitForText(app, '[data-testid="product-row"]', PRODUCT);
    await navigate(app, 'Customers');
    const card = await waitForText(app, '[data-testid="customer-card"]', CUSTOMER);
    assert.match(await card.getText(), new RegExp(PRODUCT), 'after a restart the customer still uses the product');

    const overview = await app.query('workspace_overview');
    assert.deepEqual(
      [overview.teams, overview.people, overview.products, overview.customers],
      [1, 1, 1, 1],
      'exactly what was created is stored',
    );
  });
});
