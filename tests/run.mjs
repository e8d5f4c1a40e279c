#!/usr/bin/env node
// Runs the end-to-end journeys against the real built app: starts a private Xvfb display and a
// D-Bus session bus, runs `journeys/*.test.mjs` one file at a time with `node --test` (each test
// starts its own tauri-driver, see support/app.mjs), and always stops everything it started,
// even when a test fails or the run is interrupted.
//
// Usage: node tests/run.mjs [journey files...]
// Env:   OUTWARD_APP   the app binary (default: $CARGO_TARGET_DIR or target/, then debug/outward-app)

import { spawn } from 'node:child_process';
import { existsSync, readdirSync, mkdirSync, mkdtempSync, rmSync, accessSync, constants } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DRIVER_PORT, NATIVE_PORT, tauriDriverPath } from './support/app.mjs';
import { stopGroup, freeDriverPorts, startDisplay, startSessionBus } from './support/processes.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
const targetDir = process.env.CARGO_TARGET_DIR ? path.resolve(repo, process.env.CARGO_TARGET_DIR) : path.join(repo, 'target');
const app = path.resolve(process.env.OUTWARD_APP ?? path.join(targetDir, 'debug', 'outward-app'));

function need(condition, message) {
  if (!condition) {
    console.error(`e2e: ${message}`);
    process.exit(2);
  }
}

function onPath(command) {
  return (process.env.PATH ?? '').split(':').some((dir) => {
    try {
      accessSync(path.join(dir, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

// The package tests install the app themselves (OUTWARD_DEB names the package).
need(existsSync(app) || process.env.OUTWARD_DEB, `the app binary ${app} is missing; build it with \`cargo build -p outward-app\``);
need(tauriDriverPath() !== null, 'tauri-driver is missing; run scripts/setup (cargo install tauri-driver --locked)');
for (const command of ['WebKitWebDriver', 'Xvfb', 'dbus-daemon']) {
  need(onPath(command), `${command} is missing; run scripts/setup (apt: webkit2gtk-driver xvfb dbus)`);
}

const files = process.argv.length > 2
  ? process.argv.slice(2).map((f) => path.resolve(f))
  : readdirSync(path.join(here, 'journeys'))
      .filter((f) => f.endsWith('.test.mjs'))
      .sort()
      .map((f) => path.join(here, 'journeys', f));
mkdirSync(path.join(here, 'artifacts'), { recursive: true });

const started = [];
let runner;
let busDir;
let stopped;

/** Stops everything this run started; every caller waits for the same, single clean-up. */
function stopAll() {
  stopped ??= (async () => {
    if (runner) await stopGroup(runner);
    for (const child of started.reverse()) await stopGroup(child);
    // A journey killed mid-session cannot stop its driver (and the app under it) itself.
    await freeDriverPorts([DRIVER_PORT, NATIVE_PORT]).catch((error) => console.error(error.message));
    if (busDir) rmSync(busDir, { recursive: true, force: true });
  })();
  return stopped;
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, () => {
    console.error(`e2e: ${signal}: stopping everything this run started`);
    stopAll().finally(() => process.exit(130));
  });
}

let code = 1;
try {
  await freeDriverPorts([DRIVER_PORT, NATIVE_PORT]);

  const { xvfb, display } = await startDisplay();
  started.push(xvfb);

  busDir = mkdtempSync(path.join(os.tmpdir(), 'outward-e2e-bus-'));
  const { daemon: dbus, address: bus } = await startSessionBus(busDir);
  started.push(dbus);

  console.log(`e2e: app ${app}`);
  console.log(`e2e: display ${display}, ${files.length} journey file(s)`);
  runner = spawn(
    process.execPath,
    ['--test', '--test-concurrency=1', '--test-reporter=spec', ...files],
    {
      cwd: here,
      stdio: 'inherit',
      detached: true,
      env: { ...process.env, DISPLAY: display, DBUS_SESSION_BUS_ADDRESS: bus, OUTWARD_APP: app, WAYLAND_DISPLAY: '' },
    },
  );
  code = await new Promise((resolve) => runner.once('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))));
} catch (error) {
  console.error(error.message);
} finally {
  await stopAll();
}
process.exit(code);
