#!/usr/bin/env node
// Whole-app figures: Outward's cold start and memory against a minimal Tauri app built from the
// same Tauri in the same run (bench/minimal-app): ratios, not absolutes (see BENCHMARKS.md).
//
// It builds both apps in release, seeds a workspace with the CLI, starts a private Xvfb display
// and D-Bus session bus, then starts the two apps alternately, each time with a fresh HOME and
// XDG folders (and a fresh copy of the database) so no run warms the next. The one thing kept
// between runs of the same app is Mesa's shader cache, as on any machine after the first launch:
// WebKit draws with OpenGL, which under Xvfb is Mesa's software renderer, and compiling the
// shaders for a first frame costs seconds there (a page with more kinds of drawing needs more
// of them). The warm-up run fills each app's cache; --fresh-shader-cache measures first launches.
//   cold start  time from spawn until the app prints `first screen painted <N> ms after start`,
//               which the UI reports once the first screen with data has been painted;
//   memory      PSS summed over the app and all its descendants (WebKit's web and network
//               processes…) from /proc/<pid>/smaps_rollup, read after the app has settled.
//   the page   each app's report carries its page's timeline (when the page began to load, its
//              script, the first route's commands, the workspace ready, every read answered);
//              it is printed as medians on the process's clock: where the time between goes.
// One warm-up run of each app is discarded. Prints medians, p90s and ratios, and writes the same
// to target/bench/whole-app.json.
//
// Usage: node bench/whole-app.mjs [--runs 15] [--profile example] [--warmup 1] [--settle-ms 1500]
//                                 [--workspace PATH] [--daily-backup] [--fresh-shader-cache]
//                                 [--no-build]
//   --profile             the data set `outward seed --profile` loads (example, heavy…);
//   --workspace           or a copy of this database instead, one no app has open (seeding
//                         heavy takes minutes).
//   --daily-backup        start every run with the daily backup due (the first start of a day);
//                         by default the workspace has a backup from today, as on later starts.
//   --fresh-shader-cache  an empty shader cache for every run (the first launch on a machine).
//   --no-build            use the binaries already in target/release.

import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startDisplay, startSessionBus, stopGroup } from '../tests/support/processes.mjs';

const GOAL = 1.25;
// The whole line: the time, and where the page's part went (ms since the page began to load).
const READY = /first screen painted (\d+) ms after start(?: \(page: ([^)\n]*)\))?\r?\n/;
const READY_TIMEOUT_MS = 60_000;
// An error logged at start-up (say, a database the app cannot open) means no first screen with
// data will come: stop at once instead of waiting for the time-out.
const FAILED = /\[ERROR\]/;

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const targetDir = process.env.CARGO_TARGET_DIR ? path.resolve(repo, process.env.CARGO_TARGET_DIR) : path.join(repo, 'target');
const release = path.join(targetDir, 'release');

const { values: options } = parseArgs({
  options: {
    runs: { type: 'string', default: '15' },
    warmup: { type: 'string', default: '1' },
    profile: { type: 'string', default: 'example' },
    workspace: { type: 'string' },
    'settle-ms': { type: 'string', default: '1500' },
    'daily-backup': { type: 'boolean', default: false },
    'fresh-shader-cache': { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (options.help) {
  // The comment at the top of this file.
  const lines = readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1);
  console.log(lines.slice(0, lines.findIndex((l) => !l.startsWith('//'))).map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
  process.exit(0);
}
const runs = positive(options.runs, '--runs');
const warmup = positive(options.warmup, '--warmup', 0);
const settleMs = positive(options['settle-ms'], '--settle-ms', 0);

function positive(text, name, min = 1) {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) fail(`${name} must be a whole number ≥ ${min}, got ${text}`);
  return value;
}

function fail(message) {
  console.error(`bench: ${message}`);
  process.exit(2);
}

function say(message) {
  console.log(`bench: ${message}`);
}

// ---- build ----------------------------------------------------------------------------------

function run(command, args, cwd = repo) {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
  if (result.status !== 0) fail(`\`${command} ${args.join(' ')}\` failed (exit ${result.status ?? result.signal})`);
}

let buildSeconds = null;
if (!options['no-build']) {
  const started = performance.now();
  say('building the UI the app embeds (ui: npm run build)');
  run('npm', ['run', 'build', '--silent'], path.join(repo, 'ui'));
  say('building both apps and the CLI in release');
  run('cargo', ['build', '--release', '--locked', '-p', 'outward-app', '-p', 'outward-bench-minimal', '-p', 'outward-cli']);
  buildSeconds = Math.round((performance.now() - started) / 1000);
  say(`built in ${buildSeconds} s`);
}
const binaries = {
  outward: path.join(release, 'outward-app'),
  minimal: path.join(release, 'outward-bench-minimal'),
  cli: path.join(release, 'outward'),
};
for (const [name, binary] of Object.entries(binaries)) {
  if (!existsSync(binary)) fail(`the ${name} binary ${binary} is missing; run without --no-build`);
}

// ---- the workspace every Outward run starts from ----------------------------------------------

const scratch = mkdtempSync(path.join(os.tmpdir(), 'outward-bench-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
const fixture = path.join(scratch, 'fixture');
const fixtureDb = path.join(fixture, 'outward.db');
mkdirSync(fixture);
const dataSet = options.workspace ? path.resolve(options.workspace) : `profile ${options.profile}`;
if (options.workspace) {
  if (!existsSync(options.workspace)) fail(`--workspace ${options.workspace} does not exist`);
  say(`copying ${dataSet}`);
  for (const suffix of ['', '-wal']) {
    if (existsSync(dataSet + suffix)) cpSync(dataSet + suffix, fixtureDb + suffix);
  }
} else {
  say(`seeding the ${options.profile} profile`);
  run(binaries.cli, ['seed', '--profile', options.profile, '--db', fixtureDb]);
}
if (!options['daily-backup']) {
  // A backup from today, so the app's start-up does not take the daily one.
  execFileSync(binaries.cli, ['backup', '--db', fixtureDb], { stdio: 'ignore' });
}
const fixtureBytes = readdirSync(fixture)
  .filter((name) => name.startsWith('outward.db'))
  .reduce((sum, name) => sum + statSync(path.join(fixture, name)).size, 0);

// ---- display and bus --------------------------------------------------------------------------

const helpers = [];
let current = null;
let stopping;

/** Stops the app under test (if any), the bus and the display; removes the scratch folder. */
function stopAll() {
  stopping ??= (async () => {
    if (current) await stopApp(current);
    for (const child of helpers.reverse()) await stopGroup(child);
    rmSync(scratch, { recursive: true, force: true });
  })();
  return stopping;
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, () => {
    console.error(`bench: ${signal}: stopping everything this run started`);
    stopAll().finally(() => process.exit(130));
  });
}

async function startDisplayAndBus() {
  const { xvfb, display } = await startDisplay();
  helpers.push(xvfb);
  const { daemon: dbus, address: bus } = await startSessionBus(scratch);
  helpers.push(dbus);
  return { display, bus };
}

// ---- one run ----------------------------------------------------------------------------------

let runNumber = 0;

/** A fresh HOME and XDG folders (and, for Outward, a fresh copy of the workspace). */
function freshEnvironment(app, session) {
  const dir = path.join(scratch, `run-${++runNumber}-${app}`);
  const folder = (name) => {
    const full = path.join(dir, name);
    mkdirSync(full, { recursive: true, mode: 0o700 });
    return full;
  };
  const env = {
    PATH: process.env.PATH,
    LANG: process.env.LANG ?? 'C.UTF-8',
    HOME: folder('home'),
    XDG_DATA_HOME: folder('data'),
    XDG_CONFIG_HOME: folder('config'),
    XDG_CACHE_HOME: folder('cache'),
    XDG_RUNTIME_DIR: folder('runtime'),
    DISPLAY: session.display,
    DBUS_SESSION_BUS_ADDRESS: session.bus,
    NO_AT_BRIDGE: '1',
    // Each app keeps its own (neither warms the other's), unless every run starts empty.
    MESA_SHADER_CACHE_DIR: options['fresh-shader-cache'] ? folder('shader-cache') : path.join(scratch, `shader-cache-${app}`),
  };
  if (app === 'outward') {
    const workspace = folder('workspace');
    cpSync(fixture, workspace, {
      recursive: true,
      // Backups are only read at start-up (is one due?): links save copying a large one.
      filter: (source) => !source.includes(`${path.sep}backups${path.sep}`),
    });
    const backups = path.join(fixture, 'backups');
    for (const name of existsSync(backups) ? readdirSync(backups) : []) {
      linkSync(path.join(backups, name), path.join(workspace, 'backups', name));
    }
    env.OUTWARD_DB = path.join(workspace, 'outward.db');
  }
  return { dir, env };
}

/** Starts `app`, times it until its readiness line, lets it settle, sums its PSS, stops it. */
async function measure(app, session) {
  const { dir, env } = freshEnvironment(app, session);
  const started = performance.now();
  const child = spawn(binaries[app], [], { cwd: dir, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  current = child;
  let output = '';
  try {
    const { reportedMs, page } = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no readiness line within ${READY_TIMEOUT_MS} ms`)), READY_TIMEOUT_MS);
      const watch = (chunk) => {
        output += chunk;
        const found = READY.exec(output);
        if (found) {
          clearTimeout(timer);
          resolve({ reportedMs: Number(found[1]), page: pageTimeline(Number(found[1]), found[2]) });
        } else if (FAILED.test(output)) {
          clearTimeout(timer);
          reject(new Error('it logged an error at start-up'));
        }
      };
      child.stdout.setEncoding('utf8').on('data', watch);
      child.stderr.setEncoding('utf8').on('data', (chunk) => (output += chunk));
      child.once('error', (error) => reject(error));
      child.once('exit', (code, signal) => reject(new Error(`exited (${code ?? signal}) before it was ready`)));
    });
    const startMs = performance.now() - started;
    await sleep(settleMs);
    const memory = processMemory(child.pid);
    return { startMs, reportedMs, page, ...memory };
  } catch (error) {
    throw new Error(`${app}: ${error.message}\n--- its output ---\n${output.slice(-4000)}`);
  } finally {
    await stopApp(child);
    current = null;
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The page's timeline (`document 3-9, bundle.js 14-41, router 152, get_home 300-340, now 402`)
 * moved onto the process's clock: `now` is when the page reported, `reportedMs` the same moment
 * after the process started, so the page began loading `reportedMs - now` ms after start (less
 * the one round trip of the report). name → [start, end] in ms after the process started.
 */
function pageTimeline(reportedMs, text) {
  if (!text) return null;
  const events = new Map();
  for (const part of text.split(', ')) {
    const found = /^(.+) (\d+)(?:-(\d+))?$/.exec(part.trim());
    if (!found) continue;
    const start = Number(found[2]);
    // The same command asked twice before the first paint: keep each, numbered.
    let name = found[1];
    for (let n = 2; events.has(name); n++) name = `${found[1]} #${n}`;
    events.set(name, [start, found[3] === undefined ? start : Number(found[3])]);
  }
  const now = events.get('now')?.[0];
  if (now === undefined) return null;
  const origin = reportedMs - now;
  const timeline = { 'page begins': [origin, origin] };
  for (const [name, [start, end]] of events) timeline[name] = [origin + start, origin + end];
  return timeline;
}

/** Stops the app's process group and any descendant that left it. */
async function stopApp(child) {
  const family = descendants(child.pid);
  await stopGroup(child);
  for (const pid of family) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** pid → parent pid for every process we can see. */
function parents() {
  const map = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name (field 2) is in parentheses and may hold spaces: read after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      map.set(Number(name), Number(fields[1]));
    } catch {
      // it exited meanwhile
    }
  }
  return map;
}

/** `root` and every process below it. */
function descendants(root) {
  const byParent = new Map();
  for (const [pid, ppid] of parents()) {
    if (!byParent.has(ppid)) byParent.set(ppid, []);
    byParent.get(ppid).push(pid);
  }
  const found = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift();
    found.push(pid);
    queue.push(...(byParent.get(pid) ?? []));
  }
  return found;
}

/** PSS in kB summed over the app and its descendants, and which processes those are. */
function processMemory(root) {
  let pssKb = 0;
  const processes = [];
  for (const pid of descendants(root)) {
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      const kb = Number(/^Pss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0);
      const name = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
      pssKb += kb;
      processes.push({ name, pssKb: kb });
    } catch {
      // it exited meanwhile, or is a kernel thread without mappings
    }
  }
  return { pssKb, processes };
}

// ---- statistics and report --------------------------------------------------------------------

function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  // Nearest rank: with 15 runs, p90 is the 14th fastest.
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

function summary(samples) {
  const start = samples.map((s) => s.startMs);
  const pss = samples.map((s) => s.pssKb);
  return {
    coldStartMs: { median: round(quantile(start, 0.5)), p90: round(quantile(start, 0.9)), min: round(Math.min(...start)), max: round(Math.max(...start)) },
    reportedMs: { median: quantile(samples.map((s) => s.reportedMs), 0.5) },
    page: pageSummary(samples.map((s) => s.page).filter(Boolean)),
    pssKb: { median: quantile(pss, 0.5), p90: quantile(pss, 0.9) },
    processes: samples.at(-1).processes,
    samples: samples.map(({ startMs, reportedMs, page, pssKb }) => ({ startMs: round(startMs), reportedMs, page, pssKb })),
  };
}

/** Each event of the page's timelines: median start and end (ms after the process started), in order. */
function pageSummary(timelines) {
  const names = [...new Set(timelines.flatMap((t) => Object.keys(t)))];
  const events = names.map((name) => {
    const seen = timelines.filter((t) => t[name]);
    return {
      name,
      runs: seen.length,
      start: quantile(seen.map((t) => t[name][0]), 0.5),
      end: quantile(seen.map((t) => t[name][1]), 0.5),
    };
  });
  return events.sort((a, b) => a.start - b.start || a.end - b.end);
}

const round = (ms) => Math.round(ms * 10) / 10;
const mib = (kb) => `${(kb / 1024).toFixed(1)} MiB`;

function machine() {
  const cpu = /^model name\s*:\s*(.*)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? 'unknown';
  const lock = readFileSync(path.join(repo, 'Cargo.lock'), 'utf8');
  const tauri = /\[\[package\]\]\nname = "tauri"\nversion = "([^"]+)"/.exec(lock)?.[1] ?? 'unknown';
  let webkit = 'unknown';
  try {
    webkit = execFileSync('pkg-config', ['--modversion', 'webkit2gtk-4.1'], { encoding: 'utf8' }).trim();
  } catch {
    // pkg-config or the -dev package is missing; the figure is only informative
  }
  return { nproc: os.availableParallelism(), cpu, kernel: os.release(), tauri, webkit2gtk: webkit };
}

function printTable(result) {
  const { outward, minimal } = result.apps;
  const rows = [
    ['', 'Outward', 'minimal Tauri', 'ratio', 'goal'],
    ['cold start, median', `${outward.coldStartMs.median} ms`, `${minimal.coldStartMs.median} ms`, result.ratios.coldStart.toFixed(2), `≤ ${GOAL}`],
    ['cold start, p90', `${outward.coldStartMs.p90} ms`, `${minimal.coldStartMs.p90} ms`, (outward.coldStartMs.p90 / minimal.coldStartMs.p90).toFixed(2), ''],
    ['in-app report, median', `${outward.reportedMs.median} ms`, `${minimal.reportedMs.median} ms`, '', ''],
    ['PSS, median', mib(outward.pssKb.median), mib(minimal.pssKb.median), result.ratios.pss.toFixed(2), ''],
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  console.log('');
  console.log(
    `Whole-app figures: ${result.runs} runs of each after ${result.warmup} warm-up, ${result.dataSet}` +
      `${result.dailyBackupDue ? ', daily backup due' : ''}` +
      `, ${result.freshShaderCache ? 'fresh' : 'warm'} shader cache, settle ${result.settleMs} ms`,
  );
  console.log(`${result.machine.nproc} × ${result.machine.cpu}, Tauri ${result.machine.tauri}, WebKitGTK ${result.machine.webkit2gtk}`);
  console.log(`1-minute load average ${result.loadAverage.before} before, ${result.loadAverage.after} after`);
  for (const row of rows) console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('   '));
  const verdict = result.ratios.coldStart <= GOAL ? 'meets' : 'misses';
  console.log(`Cold start ${verdict} the goal (${result.ratios.coldStart.toFixed(2)} against ≤ ${GOAL}).`);
  for (const [name, app] of Object.entries(result.apps)) {
    console.log(`${name} processes: ${app.processes.map((p) => `${p.name} ${mib(p.pssKb)}`).join(', ')}`);
  }
  for (const [name, app] of Object.entries(result.apps)) {
    if (app.page.length === 0) continue;
    console.log(`${name}'s page, medians in ms after the process started (start-end; runs if not all):`);
    for (const event of app.page) {
      const when = event.start === event.end ? `${event.start}` : `${event.start}-${event.end} (${event.end - event.start})`;
      console.log(`  ${event.name.padEnd(24)} ${when}${event.runs < result.runs ? `  [${event.runs} runs]` : ''}`);
    }
  }
}

// ---- main -------------------------------------------------------------------------------------

let code = 1;
try {
  const session = await startDisplayAndBus();
  const loadBefore = os.loadavg()[0];
  const samples = { outward: [], minimal: [] };
  say(`${warmup} warm-up and ${runs} measured runs of each app, alternating, on display ${session.display}`);
  for (let pass = 0; pass < warmup + runs; pass++) {
    // Alternate which app goes first, so neither always runs just after the other.
    const order = pass % 2 === 0 ? ['outward', 'minimal'] : ['minimal', 'outward'];
    const times = [];
    for (const app of order) {
      const sample = await measure(app, session);
      if (pass >= warmup) samples[app].push(sample);
      times.push(`${app} ${Math.round(sample.startMs)} ms, ${mib(sample.pssKb)}`);
    }
    say(`${pass < warmup ? 'warm-up' : `run ${pass - warmup + 1}/${runs}`}: ${times.join('; ')}`);
  }
  const apps = { outward: summary(samples.outward), minimal: summary(samples.minimal) };
  const result = {
    date: new Date().toISOString(),
    machine: machine(),
    dataSet,
    databaseBytes: fixtureBytes,
    dailyBackupDue: options['daily-backup'],
    freshShaderCache: options['fresh-shader-cache'],
    runs,
    warmup,
    settleMs,
    releaseBuildSeconds: buildSeconds,
    // Other work on the machine inflates both apps' times; the ratio is what to compare.
    loadAverage: { before: round(loadBefore), after: round(os.loadavg()[0]) },
    goal: { coldStartRatio: GOAL },
    ratios: {
      coldStart: Math.round((apps.outward.coldStartMs.median / apps.minimal.coldStartMs.median) * 100) / 100,
      pss: Math.round((apps.outward.pssKb.median / apps.minimal.pssKb.median) * 100) / 100,
    },
    apps,
  };
  printTable(result);
  const out = path.join(targetDir, 'bench', 'whole-app.json');
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`Written to ${path.relative(repo, out)}`);
  code = 0;
} catch (error) {
  console.error(`bench: ${error.message}`);
} finally {
  await stopAll();
}
process.exit(code);
