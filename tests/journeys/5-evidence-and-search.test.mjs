// Journey 5: from a conversation to evidence. Log an interview with Markdown notes, select one
// sentence and make it a new pain point on the spot; the pain point lists the quote, and its link
// leads back to that sentence, highlighted, in the interview. A sentence selected in the rendered
// notes (bold in the Markdown) is marked too, and stored as exactly those characters of the
// notes. Search finds them. After a restart the interview opens rendered, and the highlights and
// the pain points with their evidence are all still there.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newWorkspace } from '../support/app.mjs';
import {
  check,
  chooseCustomer,
  clickButton,
  fill,
  navigate,
  notesSelection,
  quoteText,
  searchAndOpen,
  selectInNotes,
  selectInPreview,
  submitDialog,
  typeDate,
  typeNotes,
  waitForHeading,
  waitForText,
} from '../support/ui.mjs';

const TEAM = 'Data Services';
const PERSON = 'Noor Haddad';
const PRODUCT = 'Managed Kafka';
const CUSTOMER = 'Fulfilment';
/** The notes' first heading: the interview is titled by it once saved. */
const HEADING = 'Fulfilment — weekly sync';
const QUOTE = 'Creating a topic still goes through a ticket that takes three days.';
const NOTES = [
  '# Fulfilment — weekly sync',
  '',
  'They publish order events all day. **Consumer lag alerts fire at night** and nobody knows who owns them.',
  QUOTE,
  'Schema changes are fine now; the registry just works.',
].join('\n');
const PAIN_POINT = 'New topics wait three days on a ticket';
const BOLD = 'Consumer lag alerts fire at night';
const SECOND_PAIN_POINT = 'Nobody owns the night alerts';

/** An ISO day `days` before today, on this computer's calendar (as the app's date field has it). */
function daysAgo(days) {
  const date = new Date(Date.now() - days * 86_400_000);
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

async function createTeamPersonProductCustomer(app) {
  await app.$('[data-testid="welcome"]').waitForDisplayed();
  await clickButton(app, 'Create your team');
  await fill(app, { name: TEAM }, '[data-testid="welcome"] form');
  await clickButton(app, 'Create team');
  await waitForHeading(app, TEAM);

  await navigate(app, 'People');
  await clickButton(app, 'New person');
  await fill(app, { name: PERSON, role: 'Product manager', level: 'Senior' });
  await submitDialog(app);
  await waitForText(app, 'table[aria-label="People"] tbody tr', PERSON);

  await navigate(app, 'Products');
  await clickButton(app, 'New product');
  await fill(app, { name: PRODUCT });
  await submitDialog(app);
  await waitForText(app, '[data-testid="product-row"]', PRODUCT);

  await navigate(app, 'Customers');
  await clickButton(app, 'New customer');
  await fill(app, { name: CUSTOMER, department: 'Operations' });
  await check(app, PRODUCT);
  await submitDialog(app);
  await waitForText(app, '[data-testid="customer-card"]', CUSTOMER);
}

test('a sentence marked in an interview becomes a pain point with its evidence, found by search and kept after a restart', { timeout: 300_000 }, async (t) => {
  const workspace = await newWorkspace(t);
  const heldOn = daysAgo(3);

  await workspace.session(async (app) => {
    await createTeamPersonProductCustomer(app);

    await navigate(app, 'Interviews');
    await app.$('main').$('a*=Log interview').click();
    await waitForHeading(app, 'Log an interview');
    await chooseCustomer(app, CUSTOMER);
    await typeDate(app, 'heldOn', heldOn);
    await fill(app, { kind: 'Office hours', interviewees: 'Sven (EM), two engineers' }, 'form[aria-label="Interview details"]');
    await app.$('form[aria-label="Interview details"]').$(`label*=${PERSON}`).click();
    await typeNotes(app, NOTES);
    await clickButton(app, 'Save interview');
    // Saved, the interview is titled by its notes' heading at once.
    await waitForHeading(app, HEADING);
    const summary = await app.$('section[aria-label="Interview details"]').getText();
    assert.match(summary, /Office hours/, 'the saved interview shows its kind');
    assert.match(summary, new RegExp(PERSON), 'and who interviewed');

    await selectInNotes(app, QUOTE);
    await app.$('button*=Mark as evidence').waitForEnabled({ timeoutMsg: 'selecting a sentence did not enable “Mark as evidence”' });
    await app.browser.keys(['Control', 'e']);
    const quote = await app.$('[data-testid="mark-quote"]');
    await quote.waitForDisplayed({ timeoutMsg: 'Ctrl+E on a selected sentence did not open “Mark as evidence”' });
    assert.equal(await quote.getText(), QUOTE, 'the dialog quotes exactly the selected sentence');
    await clickButton(app, 'New pain point', '[data-testid="form-dialog"]');
    await fill(app, { title: PAIN_POINT });
    await submitDialog(app);
    const highlight = await waitForText(app, '[data-testid="highlight"]', PAIN_POINT);
    assert.equal(await quoteText(await highlight.$('blockquote')), QUOTE, 'the interview lists the quote as evidence');

    await highlight.$(`a*=${PAIN_POINT}`).click();
    await waitForHeading(app, PAIN_POINT);
    const evidence = await waitForText(app, '[data-testid="evidence"]', QUOTE);
    assert.match(await evidence.getText(), new RegExp(CUSTOMER), 'the evidence names the customer it came from');

    await evidence.$('a*=Show in the interview').click();
    await waitForHeading(app, HEADING);
    await app.browser.waitUntil(
      async () => {
        const selection = await notesSelection(app);
        return selection?.text === QUOTE && selection.focused;
      },
      { timeoutMsg: 'the evidence link did not open the notes with the quote selected' },
    );
    await clickButton(app, 'Preview');
    const marked = await app.$('[data-testid="notes-preview"] mark');
    await marked.waitForDisplayed({ timeoutMsg: 'the rendered notes show no highlighted passage' });
    assert.equal(await marked.getText(), QUOTE, 'the highlighted passage is the quote');

    // Marking in the rendered notes: the selection names the characters of the Markdown.
    await selectInPreview(app, BOLD);
    await app.browser.keys(['Control', 'e']);
    const boldQuote = await app.$('[data-testid="mark-quote"]');
    await boldQuote.waitForDisplayed({ timeoutMsg: 'Ctrl+E on a sentence selected in the rendered notes did not open “Mark as evidence”' });
    assert.equal(await boldQuote.getText(), BOLD, 'the dialog quotes the selected words, without the Markdown around them');
    await clickButton(app, 'New pain point', '[data-testid="form-dialog"]');
    await fill(app, { title: SECOND_PAIN_POINT });
    await submitDialog(app);
    await waitForText(app, '[data-testid="highlight"]', SECOND_PAIN_POINT);
    await waitForText(app, '[data-testid="notes-preview"] mark', BOLD);
    const [stored] = await app.browser.execute(() => [window.location.pathname.split('/').pop()]);
    const saved = await app.query('get_interview', { id: stored });
    const bold = saved.highlights.find((h) => h.quote === BOLD);
    assert.ok(bold, 'the passage marked in the rendered notes is stored');
    assert.equal(NOTES.slice(bold.start, bold.end), BOLD, 'as the exact range of the raw notes');

    await searchAndOpen(app, 'ticket', PAIN_POINT);
    await waitForHeading(app, PAIN_POINT);
    await searchAndOpen(app, 'lag alerts', CUSTOMER, ['/']);
    await waitForHeading(app, HEADING);
    await app.browser.waitUntil(async () => /lag|alerts/i.test((await notesSelection(app))?.text ?? ''), {
      timeoutMsg: 'the interview found by search did not open at the matched words',
    });
  });

  await workspace.session(async (app) => {
    await navigate(app, 'Interviews');
    const row = await waitForText(app, '[data-testid="interview-row"]', CUSTOMER);
    assert.match(await row.getText(), /2 highlights/, 'after a restart the interview still has its highlights');
    // The row's first link is the interview itself (by its heading); the customer's opens its page.
    await row.$('a').click();
    await waitForHeading(app, HEADING);
    await app.$('[data-testid="notes-preview"]').waitForDisplayed({ timeoutMsg: 'a saved interview does not open rendered' });
    await app.browser.execute(() => window.getSelection()?.removeAllRanges());
    await app.browser.keys(['Control', 'e']);
    await waitForText(app, '[data-testid="toast"]', 'Select a sentence');
    await clickButton(app, 'Write');
    assert.equal(await app.$('[data-testid="notes"]').getValue(), NOTES, 'the notes are exactly as typed');
    assert.equal(await app.$('[data-testid="draft-restored"]').isExisting(), false, 'no unsaved draft was left behind');
    const highlight = await waitForText(app, '[data-testid="highlight"]', PAIN_POINT);
    assert.equal(await quoteText(await highlight.$('blockquote')), QUOTE, 'the quote is still its evidence');
    await clickButton(app, 'Preview');
    await waitForText(app, '[data-testid="notes-preview"] mark', QUOTE);

    await navigate(app, 'Pain points');
    const pain = await waitForText(app, '[data-testid="pain-point-row"]', PAIN_POINT);
    assert.match(await pain.getText(), /1 quote/, 'the pain point still counts its quote');
    await pain.$(`a*=${PAIN_POINT}`).click();
    await waitForHeading(app, PAIN_POINT);
    await waitForText(app, '[data-testid="evidence"]', QUOTE);

    const overview = await app.query('workspace_overview');
    assert.deepEqual([overview.interviews, overview.painPoints], [1, 2], 'one interview and two pain points are stored');
  });
});
