// Journey 7: a workshop run from the keyboard alone in the real app, in one session — plan it,
// start it, write cards in silence, reveal them, group them with the suggestion and reach the
// vote — with the presenter window showing the room the prompt and the
// timer. A second session shows that reopening the app mid-workshop comes back to facilitation
// mode on the same step, the timer paused at what it had left.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newWorkspace } from '../support/app.mjs';
import { waitForHeading, waitForText } from '../support/ui.mjs';

const EXERCISE = 'From pain to commitments';
const CARDS = ['Deploy reviews wait for days', 'Review queue blocks every deploy', 'Onboarding docs are out of date'];

/** Focuses `selector` (as Tab would) and presses Enter on it. */
async function press(app, selector, key = 'Enter') {
  const element = await app.$(selector);
  await element.waitForDisplayed({ timeoutMsg: `${selector} is not shown` });
  await app.browser.execute((el) => el.focus(), element);
  await app.browser.keys(key);
}

/** Runs a command of the palette: Ctrl+K, its words, Enter. */
async function palette(app, words) {
  await app.browser.keys(['Control', 'k']);
  const input = await app.$('[role="dialog"] input');
  await input.waitForDisplayed({ timeoutMsg: 'the command palette did not open' });
  await input.setValue(words);
  await app.browser.keys('Enter');
}

async function stepTitle(app) {
  return (await app.$('.facil-title').getText()).trim();
}

async function waitForStep(app, kind) {
  await app.browser.waitUntil(async () => (await app.$('.facil-kind').getText().catch(() => '')) === kind, {
    timeoutMsg: `facilitation mode did not reach a ${kind} step`,
  });
}

async function clock(app) {
  return (await app.$('[data-testid="step-clock"] [role="timer"]').getText()).trim();
}

test('a workshop runs from plan to summary by keyboard, and resumes after a restart', { timeout: 600_000 }, async (t) => {
  const workspace = await newWorkspace(t);
  let workshopId;

  await workspace.session(async (app) => {
    // The example workspace gives a team with people; the journey itself is the workshop.
    const loaded = await app.invoke('load_example');
    assert.ok(loaded.ok, `the example loads: ${JSON.stringify(loaded.rejection)}`);
    await app.browser.refresh();
    await app.waitUntilLoaded();

    await palette(app, 'Plan a workshop');
    const dialog = '[data-testid="form-dialog"]';
    await app.$(dialog).waitForDisplayed({ timeoutMsg: 'the plan form did not open from the palette' });
    await app.$(`${dialog} [name="exerciseId"]`).selectByVisibleText(EXERCISE);
    const team = await app.$(`${dialog} [name="teamId"] option:not([disabled])`).getText();
    await app.$(`${dialog} [name="teamId"]`).selectByVisibleText(team);
    // The rota's suggestion is preselected, and the form says why.
    await app.browser.waitUntil(async () => (await app.$(`${dialog} [name="facilitatorId"]`).getValue()) !== '', {
      timeoutMsg: 'no facilitator was suggested for the team',
    });
    const hint = await app.$(dialog).getText();
    assert.match(hint, /Suggested: .* (has not facilitated yet|facilitated least recently)/, 'the suggestion says why');
    await press(app, `${dialog} button[type="submit"]`);
    await waitForHeading(app, EXERCISE);
    const agenda = await app.$$('.agenda-step');
    assert.ok(agenda.length >= 5, 'the agenda lists every step');
    assert.match(await agenda[0].getText(), /\d\d:\d\d/, 'each step has its start time');
    workshopId = new URL(await app.browser.getUrl()).pathname.split('/')[2];

    await press(app, 'button*=Start the workshop');
    await app.$('.facil').waitForDisplayed({ timeoutMsg: 'starting did not open facilitation mode' });
    const first = await stepTitle(app);
    assert.ok(first.length > 0);

    // The timer: Space starts it, + adds a minute, Space pauses it. (SvelteKit moves the focus to
    // the page once the navigation settles; a key pressed before lands on the old page.)
    await app.$('[data-testid="step-clock"]').waitForDisplayed();
    await app.browser.pause(1000);
    const before = await clock(app);
    await app.browser.keys(' ');
    await app.browser.waitUntil(async () => (await clock(app)) !== before, { timeoutMsg: 'Space did not start the timer' });
    await app.browser.keys('+');
    await app.browser.keys(' ');
    await app.$('.step-clock.is-paused').waitForDisplayed({ timeoutMsg: 'Space did not pause the timer' });
    const [minutes] = before.split(':').map(Number);
    const [after] = (await clock(app)).split(':').map(Number);
    assert.ok(after >= minutes, `a minute was added (${before} → ${await clock(app)})`);

    // The script can be hidden from the room.
    assert.ok(await app.$('[data-testid="facil-script"]').isDisplayed(), 'the script shows on the laptop');
    await app.browser.keys('s');
    await app.$('[data-testid="facil-script"]').waitForExist({ reverse: true, timeoutMsg: 'S did not hide the script' });

    await app.browser.keys('ArrowRight');
    await waitForStep(app, 'Silent writing');
    const input = await app.$('#card-text');
    for (const card of CARDS) {
      await input.setValue(card);
      await app.browser.keys('Enter');
      await waitForText(app, '[data-testid="written-cards"] li', card);
    }
    assert.equal(await app.browser.execute(() => document.activeElement?.id), 'card-text', 'the field stays focused for the next card');

    // The presenter window: the room sees the prompt and the timer, not the cards' words.
    const main = await app.browser.getWindowHandle();
    // Escape leaves the card field, so the keys drive facilitation mode again.
    await app.browser.keys('Escape');
    assert.notEqual(await app.browser.execute(() => document.activeElement?.id), 'card-text', 'Escape leaves the field');
    assert.ok(await app.$('.facil').isDisplayed(), 'and stays in facilitation mode');
    await app.browser.keys('p');
    await app.browser.waitUntil(async () => (await app.browser.getWindowHandles()).length === 2, {
      timeoutMsg: 'P did not open the presenter window',
    });
    const presenter = (await app.browser.getWindowHandles()).find((handle) => handle !== main);
    await app.browser.switchToWindow(presenter);
    await app.$('[data-testid="facil-prompt"]').waitForDisplayed({ timeoutMsg: 'the presenter window shows no prompt' });
    await app.$('[data-testid="step-clock"]').waitForDisplayed({ timeoutMsg: 'the presenter window shows no timer' });
    const room = await app.$('body').getText();
    assert.match(room, /3 cards written/, 'the room sees how many cards there are');
    for (const card of CARDS) assert.doesNotMatch(room, new RegExp(card), 'but not what they say before the reveal');
    assert.equal(await app.$('[data-testid="facil-script"]').isExisting(), false, 'and never the script');
    await app.screenshot('presenter-window');
    await app.browser.switchToWindow(main);

    await app.browser.keys('ArrowRight');
    await waitForStep(app, 'Reveal');
    await app.browser.switchToWindow(presenter);
    await waitForText(app, '[data-testid="room-card"]', CARDS[0]);
    await app.browser.switchToWindow(main);

    await app.browser.keys('ArrowRight');
    await waitForStep(app, 'Grouping');
    await press(app, 'button*=Suggest groups');
    await press(app, 'button*=Accept suggestion');
    await app.$('.grouping-group input').waitForDisplayed({ timeoutMsg: 'accepting the suggestion made no group' });
    const group = await app.$('.grouping-group').getText();
    assert.ok(group.includes(CARDS[0]) && group.includes(CARDS[1]), `the two cards about deploy reviews share a group: ${group}`);
    assert.ok(!group.includes(CARDS[2]), 'the card about docs is not in it');

    await app.browser.keys('ArrowRight');
    await waitForStep(app, 'Dot voting');
    await app.screenshot('facilitation-voting');
  });

  // Reopening the app mid-workshop comes back to facilitation mode on the same step, paused.
  await workspace.session(async (app) => {
    await app.$('.facil').waitForDisplayed({ timeoutMsg: 'reopening did not return to facilitation mode' });
    assert.equal(await app.$('.facil-kind').getText(), 'Dot voting', 'on the step the room was on');
    assert.ok(await app.$('.step-clock.is-paused, .step-clock.is-up').isDisplayed(), 'with the timer paused');
    assert.ok((await app.browser.getUrl()).includes(workshopId), 'of the same workshop');
  });
});
