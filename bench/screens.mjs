#!/usr/bin/env node
// Screen figures: how long each screen of the real app takes, from the navigation to the screen
// painted with its data, on a large workspace (see BENCHMARKS.md, "Screens").
//
// It starts the release app on a copy of the workspace under its own Xvfb (1280×800) and D-Bus
// session bus, through tauri-driver (on ports of its own, so it runs beside the end-to-end
// tests), and times in the page: the UI records a performance measure `outward:screen` from
// each navigation to the new screen's reads answered, rendered and painted (two animation
// frames). Each run visits a neutral screen first, so every measured visit mounts its screen
// afresh. Search is timed from the text typed in the palette to its hits painted, less the
// palette's pause before it searches.
//   screens  every sidebar entry; the pain point with the most evidence; the interview with the
//            longest notes (which opens rendered); a customer team's and a theme's page when the
//            app has them; the migration with the most consumer teams, when there are any; a
//            search for a term in about 5 % of interviews.
// Prints the median and p95 (nearest rank) of each, when its last command answered and its
// slowest command (the app measures each command's round trip as `outward:call`), and writes
// them, with every command's figures, to target/bench/screens.json.
//
// Usage: node bench/screens.mjs --workspace PATH [--runs 10] [--app PATH] [--term WORD]
//   --workspace  a database no app has open (e.g. `outward seed --profile heavy --db PATH`)
//   --app        the app binary (default target/release/outward-app, built with the UI inside)
// Needs tauri-driver, WebKitWebDriver, Xvfb, dbus-daemon and sqlite3 (to pick the records).

import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { tauriDriverPath } from '../tests/support/app.mjs';
import { freeDriverPorts, startDisplay, startGroup, startSessionBus, stopGroup, waitUntilAccepts } from '../tests/support/processes.mjs';

const GOAL_MS = 200;
const DRIVER_PORT = 4644;
const NATIVE_PORT = 4645;
const SEARCH_DELAY_MS = 150; // ui/src/lib/search/search.svelte.ts
const NEUTRAL = '/settings';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const targetDir = process.env.CARGO_TARGET_DIR ? path.resolve(repo, process.env.CARGO_TARGET_DIR) : path.join(repo, 'target');
const { values: options } = parseArgs({
  options: {
    workspace: { type: 'string' },
    runs: { type: 'string', default: '10' },
    app: { type: 'string', default: path.join(targetDir, 'release', 'outward-app') },
    term: { type: 'string' },
  },
});
const fail = (message) => {
  console.error(`bench: ${message}`);
  process.exit(2);
};
if (!options.workspace || !existsSync(options.workspace)) fail('--workspace PATH (an existing database) is needed');
if (!existsSync(options.app)) fail(`the app ${options.app} is missing: build it with the UI inside (see bench/whole-app.mjs)`);
const runs = Number(options.runs);
if (!Number.isInteger(runs) || runs < 1) fail('--runs must be a whole number ≥ 1');
const driverBinary = tauriDriverPath();
if (!driverBinary) fail('tauri-driver is not installed (cargo install tauri-driver --locked)');

// ---- the records to open ------------------------------------------------------------------------

const scratch = mkdtempSync(path.join(os.tmpdir(), 'outward-screens-'));
const db = path.join(scratch, 'outward.db');
for (const suffix of ['', '-wal']) if (existsSync(options.workspace + suffix)) cpSync(options.workspace + suffix, db + suffix);
const sql = (query) => execFileSync('sqlite3', [db, query], { encoding: 'utf8' }).trim();
const live = 'deleted_at IS NULL';
const painPoint = sql(`SELECT p.id || '|' || count(*) FROM pain_points p JOIN highlights h ON h.pain_point_id = p.id
  JOIN interviews i ON i.id = h.interview_id AND i.${live} WHERE p.${live} AND p.merged_into IS NULL
  GROUP BY p.id ORDER BY count(*) DESC LIMIT 1`).split('|');
const interview = sql(`SELECT id || '|' || length(notes) FROM interviews WHERE ${live} ORDER BY length(notes) DESC LIMIT 1`).split('|');
const customer = sql(`SELECT c.id FROM customers c JOIN interviews i ON i.customer_id = c.id AND i.${live}
  WHERE c.${live} GROUP BY c.id ORDER BY count(*) DESC LIMIT 1`);
const theme = sql(`SELECT t.id FROM themes t JOIN pain_point_themes pt ON pt.theme_id = t.id
  WHERE t.${live} AND t.merged_into IS NULL GROUP BY t.id ORDER BY count(*) DESC LIMIT 1`);
const migration = sql(`SELECT m.id || '|' || count(*) FROM platform_migrations m JOIN migration_teams t ON t.migration_id = m.id
  WHERE m.${live} GROUP BY m.id ORDER BY count(*) DESC, m.id LIMIT 1`).split('|');
// A word in about 5 % of the interviews: the generator's vocabulary has many such code names.
const term = options.term ?? 'dorbraka';

// ---- display, bus, driver, session ----------------------------------------------------------------

const groups = [];
async function stopAll() {
  for (const child of groups.reverse()) await stopGroup(child);
  rmSync(scratch, { recursive: true, force: true });
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.once(signal, () => stopAll().finally(() => process.exit(130)));

async function webdriver(method, url, body) {
  const reply = await fetch(`http://127.0.0.1:${DRIVER_PORT}${url}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await reply.json();
  if (!reply.ok) throw new Error(`${method} ${url}: ${JSON.stringify(json.value).slice(0, 500)}`);
  return json.value;
}

let session;
/** Runs `fn(...args, done)` in the page and waits for `done(value)`. */
const inPage = (fn, ...args) =>
  webdriver('POST', `/session/${session}/execute/async`, { script: `return (${fn})(...arguments)`, args });

// In the page: follows a link the way a click on it does (SvelteKit routes it), then waits for
// the screen's measure. Resolves to its duration in ms, or to an error text.
function visit(href, done) {
  performance.clearMeasures('outward:screen');
  const link = document.createElement('a');
  link.href = href;
  document.body.append(link);
  link.click();
  link.remove();
  const started = performance.now();
  const poll = () => {
    const [measure] = performance.getEntriesByName('outward:screen');
    if (measure) {
      // Where the time went: the commands' round trips (the app measures each as `outward:call`,
      // named in its detail), and how long after the last answer the screen was painted.
      const calls = performance
        .getEntriesByName('outward:call')
        .filter((call) => call.startTime >= measure.startTime && call.startTime <= measure.startTime + measure.duration)
        .map((call) => ({ command: call.detail, ms: call.duration, end: call.startTime + call.duration - measure.startTime }));
      const answered = Math.max(0, ...calls.map((call) => call.end));
      return done({ ms: measure.duration, answered, calls, heading: document.querySelector('h1')?.textContent?.trim() ?? '' });
    }
    if (performance.now() - started > 30000) return done({ error: `no screen painted within 30 s at ${href}` });
    setTimeout(poll, 5);
  };
  poll();
}

// In the page: types `term` into the palette and waits until its hits are painted.
function search(term, done) {
  window.dispatchEvent(new KeyboardEvent('keydown', { key: 'k', ctrlKey: true, bubbles: true }));
  const started = performance.now();
  const typeWhenOpen = () => {
    const input = document.querySelector('.palette-input');
    if (!input) return performance.now() - started > 5000 ? done({ error: 'the palette did not open' }) : setTimeout(typeWhenOpen, 5);
    input.value = term;
    const typed = performance.now();
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const poll = () => {
      if (document.querySelector('[data-testid="search-hit"]')) {
        return requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            const ms = performance.now() - typed;
            window.dispatchEvent(new KeyboardEvent('keydown', { key: 'k', ctrlKey: true, bubbles: true }));
            done({ ms });
          }),
        );
      }
      if (performance.now() - typed > 30000) return done({ error: 'no search hits within 30 s' });
      setTimeout(poll, 2);
    };
    poll();
  };
  typeWhenOpen();
}

function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

let code = 1;
try {
  const { xvfb, display } = await startDisplay();
  groups.push(xvfb);
  const { daemon, address } = await startSessionBus(scratch);
  groups.push(daemon);
  const home = (name) => {
    const dir = path.join(scratch, name);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    return dir;
  };
  await freeDriverPorts([DRIVER_PORT, NATIVE_PORT]);
  const driver = startGroup(driverBinary, ['--port', String(DRIVER_PORT), '--native-port', String(NATIVE_PORT)], {
    env: {
      PATH: process.env.PATH,
      LANG: process.env.LANG ?? 'C.UTF-8',
      HOME: home('home'),
      XDG_DATA_HOME: home('data'),
      XDG_CONFIG_HOME: home('config'),
      XDG_CACHE_HOME: home('cache'),
      XDG_RUNTIME_DIR: home('runtime'),
      DISPLAY: display,
      DBUS_SESSION_BUS_ADDRESS: address,
      NO_AT_BRIDGE: '1',
      OUTWARD_DB: db,
    },
    stdio: 'ignore',
  });
  groups.push(driver);
  await waitUntilAccepts(DRIVER_PORT, { what: 'tauri-driver' });
  await waitUntilAccepts(NATIVE_PORT, { what: 'WebKitWebDriver' });
  const created = await webdriver('POST', '/session', {
    capabilities: { alwaysMatch: { 'tauri:options': { application: path.resolve(options.app) } } },
  });
  session = created.sessionId;
  await webdriver('POST', `/session/${session}/timeouts`, { script: 60000 });
  // Wait for the first screen, then read the sidebar's entries.
  const sidebar = await inPage((done) => {
    const poll = () => {
      const links = [...document.querySelectorAll('nav a[href^="/"]')].map((a) => a.getAttribute('href'));
      if (links.length > 0 && document.querySelector('h1')) return done([...new Set(links)]);
      setTimeout(poll, 50);
    };
    poll();
  });
  const screens = [
    ...sidebar.map((href) => ({ name: href, href })),
    { name: `a pain point with ${painPoint[1]} quotes`, href: `/pain-points/${painPoint[0]}` },
    { name: `the longest interview (${Number(interview[1]).toLocaleString('en')} characters of notes)`, href: `/interviews/${interview[0]}` },
    { name: 'a customer team', href: `/customers/${customer}`, optional: true },
    { name: 'a theme', href: `/themes/${theme}`, optional: true },
    ...(migration[0] ? [{ name: `a migration with ${migration[1]} consumer teams`, href: `/migrations/${migration[0]}` }] : []),
  ];
  const times = new Map(screens.map((s) => [s.name, []]));
  const answeredTimes = new Map(screens.map((s) => [s.name, []]));
  const callTimes = new Map();
  const searchTimes = [];
  const missing = new Set();
  console.log(`bench: ${screens.length} screens and a search for “${term}”, ${runs} runs, on ${options.workspace}`);
  for (let run = 0; run <= runs; run++) {
    for (const screen of screens) {
      if (missing.has(screen.name)) continue;
      await inPage(visit, NEUTRAL);
      const result = await inPage(visit, screen.href);
      if (result.error || (screen.optional && /not found|not here|404/i.test(result.heading))) {
        if (!screen.optional) throw new Error(result.error ?? `${screen.href}: ${result.heading}`);
        missing.add(screen.name);
        continue;
      }
      // The first pass warms the caches (the page's, SQLite's), as any use of the app does.
      if (run > 0) {
        times.get(screen.name).push(result.ms);
        answeredTimes.get(screen.name).push(result.answered);
        for (const call of result.calls) {
          const key = `${screen.name}\t${call.command}`;
          if (!callTimes.has(key)) callTimes.set(key, []);
          callTimes.get(key).push(call.ms);
        }
      }
    }
    const found = await inPage(search, term);
    if (found.error) throw new Error(found.error);
    if (run > 0) searchTimes.push(Math.max(0, found.ms - SEARCH_DELAY_MS));
    if (run > 0) console.log(`bench: run ${run}/${runs} done`);
  }
  const rows = [...times].filter(([name]) => !missing.has(name)).map(([name, values]) => ({ name, values }));
  rows.push({ name: `search “${term}” (after the ${SEARCH_DELAY_MS} ms pause)`, values: searchTimes });
  const result = {
    date: new Date().toISOString(),
    workspace: options.workspace,
    runs,
    goalMs: GOAL_MS,
    loadAverage: Math.round(os.loadavg()[0] * 10) / 10,
    screens: rows.map(({ name, values }) => {
      const answered = answeredTimes.get(name) ?? [];
      const calls = [...callTimes]
        .filter(([key]) => key.startsWith(`${name}\t`))
        .map(([key, ms]) => ({ command: key.slice(name.length + 1), calls: ms.length, medianMs: Math.round(quantile(ms, 0.5)), p95Ms: Math.round(quantile(ms, 0.95)) }))
        .sort((a, b) => b.p95Ms - a.p95Ms);
      return {
        name,
        medianMs: Math.round(quantile(values, 0.5)),
        p95Ms: Math.round(quantile(values, 0.95)),
        samples: values.map(Math.round),
        // From the navigation to the last command answered, and each command's round trip.
        answeredMedianMs: answered.length ? Math.round(quantile(answered, 0.5)) : null,
        calls,
      };
    }),
    notInThisBuild: [...missing],
  };
  const width = Math.max(...result.screens.map((s) => s.name.length));
  console.log(`${'screen'.padEnd(width)}   median      p95   ≤ ${GOAL_MS} ms   answered (median)   slowest command (median / p95)`);
  for (const s of result.screens) {
    const slowest = s.calls?.[0];
    console.log(
      `${s.name.padEnd(width)}   ${String(s.medianMs).padStart(6)}   ${String(s.p95Ms).padStart(6)}   ${(s.p95Ms <= GOAL_MS ? 'yes' : 'NO').padEnd(8)}   ${String(s.answeredMedianMs ?? '').padStart(17)}   ${slowest ? `${slowest.command} ${slowest.medianMs} / ${slowest.p95Ms}` : ''}`,
    );
  }
  if (missing.size > 0) console.log(`not in this build: ${[...missing].join(', ')}`);
  const out = path.join(targetDir, 'bench', 'screens.json');
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`Written to ${path.relative(repo, out)}`);
  await webdriver('DELETE', `/session/${session}`).catch(() => {});
  code = 0;
} catch (error) {
  console.error(`bench: ${error.message}`);
} finally {
  await stopAll();
}
process.exit(code);
