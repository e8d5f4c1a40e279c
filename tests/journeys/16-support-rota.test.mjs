// Journey 16: a team lead whose team is two junior and mid-level engineers plans the support
// rota in the real app and is told plainly that support falls only to them; the warning shows
// on Home too, whose tile counts the senior weeks as the core does (none). A staff engineer joins, a re-plan takes her in, and the warning goes.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newWorkspace } from '../support/app.mjs';
import { clickButton, fill, navigate, waitForHeading, waitForText } from '../support/ui.mjs';

const TEAM = 'Developer Platform';

test('a planned rota warns when support falls only to junior and mid-level engineers', { timeout: 240_000 }, async (t) => {
  const workspace = await newWorkspace(t);
  await workspace.session(async (app) => {
    await app.$('[data-testid="welcome"]').waitForDisplayed();
    await clickButton(app, 'Create your team');
    await fill(app, { name: TEAM }, '[data-testid="welcome"] form');
    await clickButton(app, 'Create team');
    await waitForHeading(app, TEAM);
    const team = (await app.query('list_teams'))[0];
    for (const [name, level] of [['Sam Whitfield', 'junior'], ['Aiko Tanaka', 'mid']]) {
      await app.query('create_person', { input: { teamId: team.id, name, role: '', level } });
    }

    await navigate(app, 'Support rota');
    await app.$('[data-testid="rota-empty"]').waitForDisplayed();
    await fill(app, { weeks: '13' }, '[data-testid="rota-plan-form"]');
    await clickButton(app, 'Plan');
    await waitForText(app, '[data-testid="rota-planned"]', 'Planned 13 weeks');
    const warning = await waitForText(app, '[data-testid="rota-warning"]', 'fell only to junior and mid-level engineers');
    assert.match(await warning.getText(), new RegExp(TEAM), 'the warning names the team');
    const onSupport = await app.$$('[data-testid="rota-on-support"]');
    assert.match(await onSupport[0].getText(), /Sam Whitfield|Aiko Tanaka/);
    await app.screenshot('support-rota-warning');

    await navigate(app, 'Home');
    await waitForText(app, '[data-testid="home-rota-warning"]', 'fell only to junior and mid-level engineers');
    const [quarter] = await app.query('support_coverage', { teamId: null, quarters: 1, until: null });
    assert.equal(quarter.seniorWeeks, 0, 'no senior, staff or principal engineer took a week');
    const tile = await waitForText(app, '[data-testid="home-rota"]', `0 of ${quarter.weeks} support weeks`);
    await tile.scrollIntoView();
    await app.screenshot('home-rota-tile');

    await app.query('create_person', { input: { teamId: team.id, name: 'Priya Raman', role: '', level: 'staff' } });
    await navigate(app, 'Support rota');
    await fill(app, { weeks: '13' }, '[data-testid="rota-plan-form"]');
    await clickButton(app, 'Plan');
    await waitForText(app, '[data-testid="rota-on-support"]', 'Priya Raman');
    await app.browser.waitUntil(async () => !(await app.$('[data-testid="rota-warning"]').isExisting()), {
      timeoutMsg: 'the warning stayed after a staff engineer took turns',
    });
  });
});
