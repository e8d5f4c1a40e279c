// Journey 7: text that tries to run. A team, a customer, interview notes, tags and a pain point
// are written through the CLI, an import and a command with script payloads in them; every screen
// that shows them shows inert text or sanitised Markdown (raw HTML in notes reads as text), and
// nothing runs. A page cannot reach a command it was not granted.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { cliBinary, newWorkspace } from '../support/app.mjs';
import { clickButton, navigate, searchAndOpen, waitForText } from '../support/ui.mjs';

// Each payload, if it ever ran, would leave its name in `window.__pwned`.
const run = (where) => `window.__pwned='${where}'`;
const TEAM = `<img src=x onerror="${run('team')}">`;
const CUSTOMER = `</script><script>${run('customer')}</script>`;
const TAG = `<svg onload="${run('tag')}">`;
const PAIN_POINT = `<img src=x onerror=${run('pain-point')}> slow queues`;
const NOTES = [
  `# Notes <img src=x onerror="${run('heading')}">`,
  '',
  `A [link that runs](javascript:${run('markdown-link')}) and a hostilemarker word to search for.`,
  '',
  `<script>${run('script')}</script>`,
  '',
  `<a href="javascript:${run('anchor')}">an anchor</a> and <b onmouseover="${run('bold')}">bold</b>`,
  '',
  `<iframe src="javascript:${run('iframe')}"></iframe>`,
  '',
  `<svg onload="${run('svg')}"><circle r="4"/></svg>`,
].join('\n');

/** What the page holds that could run: nothing, if the app treats text as text. */
function runnable(app) {
  return app.browser.execute(() => ({
    pwned: window.__pwned ?? null,
    handlers: [...document.querySelectorAll('*')]
      .filter((el) => [...el.attributes].some((a) => a.name.toLowerCase().startsWith('on')))
      .map((el) => el.outerHTML.slice(0, 120)),
    scriptLinks: [...document.querySelectorAll('a[href], iframe[src]')]
      .map((el) => el.getAttribute('href') ?? el.getAttribute('src'))
      .filter((url) => url.trim().toLowerCase().startsWith('javascript:')),
    inlineScripts: [...document.querySelectorAll('script')].filter((s) => !s.src).length,
    frames: document.querySelectorAll('iframe, object, embed').length,
  }));
}

async function assertInert(app, where) {
  const found = await runnable(app);
  assert.deepEqual(
    found,
    { pwned: null, handlers: [], scriptLinks: [], inlineScripts: 0, frames: 0 },
    `${where}: nothing the user typed can run`,
  );
}

function seed(workspace) {
  const outward = (...args) => execFileSync(cliBinary(), ['--db', workspace.db, ...args], { stdio: 'pipe' });
  outward('teams', 'add', TEAM);
  const folder = path.join(workspace.dir, 'hostile-notes');
  mkdirSync(folder);
  const front = [
    '---',
    'date: 2026-10-01',
    `customer: ${JSON.stringify(CUSTOMER)}`,
    `interviewees: ${JSON.stringify(`Lena <img src=x onerror=${run('interviewee')}>`)}`,
    `tags: [${JSON.stringify(TAG)}]`,
    '---',
  ];
  writeFileSync(path.join(folder, 'call.md'), `${front.join('\n')}\n${NOTES}\n`);
  outward('interviews', 'import', folder);
}

test('script payloads in every text field are shown as text and never run', { timeout: 300_000 }, async (t) => {
  const workspace = await newWorkspace(t);
  seed(workspace);

  await workspace.session(async (app) => {
    await app.query('create_pain_point', {
      input: { title: PAIN_POINT, description: NOTES, severity: 3, frequency: 'weekly', tags: [TAG] },
    });

    await navigate(app, 'Teams');
    await waitForText(app, 'main', TEAM);
    await assertInert(app, 'Teams');

    await navigate(app, 'Customers');
    await waitForText(app, 'main', CUSTOMER);
    await assertInert(app, 'Customers');

    await navigate(app, 'Interviews');
    await waitForText(app, 'main', CUSTOMER);
    await assertInert(app, 'Interviews');

    await navigate(app, 'Pain points');
    await waitForText(app, 'main', PAIN_POINT);
    await assertInert(app, 'Pain points');

    await navigate(app, 'Themes');
    await waitForText(app, 'main', TAG);
    await assertInert(app, 'Themes');

    // The notes, rendered: the sanitiser keeps the prose and drops everything that runs.
    // The pain point's description holds the same notes: open the interview's hit, titled by
    // its customer.
    await searchAndOpen(app, 'hostilemarker', CUSTOMER);
    const preview = await app.$('button*=Preview');
    if ((await preview.getAttribute('aria-pressed')) !== 'true') await clickButton(app, 'Preview');
    const rendered = '[aria-label="Notes, rendered"]';
    await waitForText(app, rendered, 'a hostilemarker word to search for');
    // Raw HTML in notes is not markup: it reads as the text that was typed.
    assert.equal(
      await app.$(`${rendered} h1`).getText(),
      `Notes <img src=x onerror="${run('heading')}">`,
      'the heading shows the tag as text',
    );
    await assertInert(app, 'the interview, rendered');

    const denied = await app.invoke('plugin:dialog|open', { options: {} });
    assert.equal(denied.ok, false, 'the page is granted no dialog command');
    assert.match(String(denied.rejection), /not allowed/i, JSON.stringify(denied.rejection));
    const unknown = await app.invoke('delete_database_file', {});
    assert.equal(unknown.ok, false, 'a command the app does not have is refused');
    await app.screenshot('hostile-text-notes');
  });
});
