// Journey 10: a workshop run from the keyboard alone in the real app — plan it, start it, drive
// the timer, write cards in silence, reveal them (the presenter window shows the room the prompt
// and the timer), group them with the suggestion, vote; then the app is closed mid-workshop and
// reopened on the same step with the cards intact and the timer paused; the room decides (a pain
// point with a card as its evidence, and kudos), finishes, reads the summary and exports it.

import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { newWorkspace } from '../support/app.mjs';
import { waitForHeading, waitForText } from '../support/ui.mjs';

const EXERCISE = 'From pain to commitments';
const CARDS = [
  'Deploy reviews wait for days',
  'Review queue blocks every deploy',
  'Onboarding docs are out of date',
  'Kudos to the database crew for fast restores',
];

/** Focuses `selector` (as Tab would) and presses `key` on it. */
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

/** Gives the keys back to facilitation mode, as Esc does, when a text field has the focus. */
async function leaveField(app) {
  const typing = () => app.browser.execute(() => ['INPUT', 'TEXTAREA', 'SELECT'].includes(document.activeElement?.tagName ?? ''));
  if (!(await typing())) return;
  await app.browser.keys('Escape');
  await app.browser.waitUntil(async () => !(await typing()), { timeoutMsg: 'Escape did not leave the field' });
}

/** Waits until the workshop has `count` outcomes, and returns them. */
async function outcomesReach(app, workshopId, count) {
  let outcomes = [];
  await app.browser.waitUntil(async () => (outcomes = await app.query('list_outcomes', { workshopId })).length === count, {
    timeoutMsg: `the workshop did not reach ${count} outcomes`,
  });
  return outcomes;
}

async function waitForStep(app, kind) {
  await app.browser.waitUntil(async () => (await app.$('.facil-kind').getText().catch(() => '')) === kind, {
    timeoutMsg: `facilitation mode did not reach a ${kind} step`,
  });
}

async function clock(app) {
  return (await app.$('[data-testid="step-clock"] [role="timer"]').getText()).trim();
}

/** Seconds shown by the clock "MM:SS". */
async function seconds(app) {
  const [minutes, secs] = (await clock(app)).split(':').map(Number);
  return minutes * 60 + secs;
}

test('a workshop runs from plan to export by keyboard, with the presenter window, and resumes after a restart', { timeout: 600_000 }, async (t) => {
  const workspace = await newWorkspace(t);
  // The export's save dialog answers with this folder (the app reads it at start).
  const exports = path.join(workspace.dir, 'exports');
  mkdirSync(exports);
  process.env.OUTWARD_EXPORT_DIR = exports;
  t.after(() => delete process.env.OUTWARD_EXPORT_DIR);
  let workshopId;
  let participants;

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
    // The only team is chosen, the rota's suggestion preselected with its reason, the team invited.
    await app.browser.waitUntil(async () => (await app.$(`${dialog} [name="facilitatorId"]`).getValue()) !== '', {
      timeoutMsg: 'no facilitator was suggested for the team',
    });
    assert.match(await app.$(dialog).getText(), /Suggested: .* (has not facilitated yet|facilitated least recently)/);
    await app.browser.waitUntil(async () => (await app.$$(`${dialog} input[name="participantIds"]:checked`)).length > 1, {
      timeoutMsg: 'the team was not invited',
    });
    await press(app, `${dialog} button[type="submit"]`);
    await waitForHeading(app, EXERCISE);
    const agenda = await app.$$('.agenda-step');
    assert.ok(agenda.length >= 5, 'the agenda lists every step');
    assert.match(await agenda[0].getText(), /\d\d:\d\d/, 'each step has its start time');
    workshopId = new URL(await app.browser.getUrl()).pathname.split('/')[2];
    participants = (await app.query('get_workshop', { id: workshopId })).participantIds;
    assert.ok(participants.length > 1, 'the people ticked are the workshop’s participants');

    await press(app, 'button*=Start the workshop');
    await app.$('.facil').waitForDisplayed({ timeoutMsg: 'starting did not open facilitation mode' });
    await app.$('[data-testid="step-clock"]').waitForDisplayed();

    // The timer: Space starts it, + adds a minute, Space pauses it.
    const before = await seconds(app);
    await app.browser.keys(' ');
    // (A closed command palette can linger in the page for seconds; the keys work meanwhile.)
    await app.$('.step-clock:not(.is-paused)').waitForDisplayed({ timeoutMsg: 'Space did not start the timer' });
    await app.browser.waitUntil(async () => (await seconds(app)) < before, { timeoutMsg: 'the started timer does not count down' });
    await app.browser.keys('+');
    await app.browser.waitUntil(async () => (await seconds(app)) > before, { timeoutMsg: '+ did not add a minute' });
    await app.browser.keys(' ');
    await app.$('.step-clock.is-paused').waitForDisplayed({ timeoutMsg: 'Space did not pause the timer' });

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
    await leaveField(app);

    // The presenter window: the room sees the prompt and the timer, not the cards' words.
    const main = await app.browser.getWindowHandle();
    await app.browser.keys('p');
    await app.browser.waitUntil(async () => (await app.browser.getWindowHandles()).length === 2, {
      timeoutMsg: 'P did not open the presenter window',
    });
    const presenter = (await app.browser.getWindowHandles()).find((handle) => handle !== main);
    await app.browser.switchToWindow(presenter);
    await app.$('[data-testid="facil-prompt"]').waitForDisplayed({ timeoutMsg: 'the presenter window shows no prompt' });
    await app.$('[data-testid="step-clock"]').waitForDisplayed({ timeoutMsg: 'the presenter window shows no timer' });
    const room = await app.$('body').getText();
    assert.match(room, /4 cards written/, 'the room sees how many cards there are');
    for (const card of CARDS) assert.ok(!room.includes(card), 'but not what they say before the reveal');
    assert.equal(await app.$('[data-testid="facil-script"]').isExisting(), false, 'and never the script');
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
    assert.ok(!group.includes(CARDS[2]) && !group.includes(CARDS[3]), 'the others are not in it');
    await leaveField(app);

    // Dot voting: two participants' ballots, typed in turn.
    await app.browser.keys('ArrowRight');
    await waitForStep(app, 'Dot voting');
    for (const count of ['2', '1']) {
      const voter = await app.$('#voter').getValue();
      const first = await app.$('.voting-item input');
      await app.browser.execute((el) => el.focus(), first);
      await app.browser.keys(count);
      await app.browser.keys('Enter');
      await app.browser.waitUntil(async () => (await app.query('get_workshop_board', { id: workshopId })).voting.voted.includes(voter), {
        timeoutMsg: `the votes of ${voter} were not saved`,
      });
    }
    await waitForText(app, '.voting .hint', ',');
    await leaveField(app);
    // The timer left running when the app closes.
    await app.browser.keys(' ');
    await app.$('.step-clock:not(.is-paused)').waitForDisplayed({ timeoutMsg: 'Space did not start the voting timer' });
    await app.screenshot('facilitation-voting');
  });

  // Reopening the app mid-workshop comes back to facilitation mode on the same step, paused, with
  // the cards, groups and votes intact; the room then decides, finishes and exports.
  await workspace.session(async (app) => {
    await app.$('.facil').waitForDisplayed({ timeoutMsg: 'reopening did not return to facilitation mode' });
    assert.ok((await app.browser.getUrl()).includes(workshopId), 'of the same workshop');
    await waitForStep(app, 'Dot voting');
    await app.$('.step-clock.is-paused').waitForDisplayed({ timeoutMsg: 'the timer did not come back paused' });
    const board = await app.query('get_workshop_board', { id: workshopId });
    assert.deepEqual(board.cards.map((card) => card.text).sort(), [...CARDS].sort(), 'every card is still there');
    assert.equal(board.groups.length, 1, 'and the group');
    assert.equal(board.voting.voted.length, 2, 'and both ballots');

    await app.browser.keys('ArrowRight');
    await waitForStep(app, 'Discussion');
    await app.browser.keys('ArrowRight');
    await waitForStep(app, 'Decision');

    // A pain point with the card as its evidence, then kudos.
    await press(app, `button=${CARDS[2]}`);
    await press(app, 'button=Pain point');
    await press(app, 'button=Record pain point');
    await outcomesReach(app, workshopId, 1);
    await press(app, `button=${CARDS[3]}`);
    await press(app, 'button=Kudos');
    await press(app, 'button=Give kudos');
    const outcomes = await outcomesReach(app, workshopId, 2);
    const pain = outcomes.find((outcome) => outcome.kind === 'painPoint');
    assert.ok(pain && outcomes.some((outcome) => outcome.kind === 'kudos'), `a pain point and kudos: ${JSON.stringify(outcomes)}`);
    const evidence = await app.query('list_evidence', { id: pain.recordId, page: { offset: 0, limit: 10 } });
    assert.deepEqual(
      evidence.items.map((item) => [item.source, item.quote]),
      [['card', CARDS[2]]],
      'the card is the pain point’s evidence',
    );

    // → on the last step finishes the workshop and shows its summary.
    await leaveField(app);
    await app.browser.keys('ArrowRight');
    await waitForHeading(app, EXERCISE);
    await waitForText(app, '[data-testid="summary-outcomes"]', CARDS[2]);
    await waitForText(app, '[data-testid="summary-votes"]', '3');

    await press(app, 'button=Export as Markdown');
    await waitForText(app, 'body', 'Saved the summary to');
    const files = readdirSync(exports);
    assert.equal(files.length, 1, `one file exported: ${files}`);
    const markdown = readFileSync(path.join(exports, files[0]), 'utf8');
    assert.ok(markdown.includes(EXERCISE) && markdown.includes(CARDS[2]), 'the export holds the summary');
    await app.screenshot('workshop-summary');
  });
});
