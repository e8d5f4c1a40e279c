// One real Outward app under tauri-driver, for one test: a fresh temp folder holding the
// database (`OUTWARD_DB`) and the app's data, config and cache folders, a tauri-driver started
// with that environment (the app inherits it through WebKitWebDriver), and a WebdriverIO
// session. On failure it saves screenshots and logs into tests/artifacts/; it always stops the
// driver's whole process group (driver, WebKitWebDriver, app) and waits for the ports to free.

import { execFileSync } from 'node:child_process';
import { accessSync, constants, copyFileSync, existsSync, mkdirSync, openSync, closeSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { remote } from 'webdriverio';
import { startGroup, stopGroup, waitUntilAccepts, waitUntilFree, freeDriverPorts } from './processes.mjs';

// OUTWARD_E2E_PORT moves both ports (the native one is the next), so two runs on one machine
// do not take each other's drivers for stale ones.
export const DRIVER_PORT = Number(process.env.OUTWARD_E2E_PORT ?? 4444);
export const NATIVE_PORT = DRIVER_PORT + 1;
export const ARTIFACTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'artifacts');

/** tauri-driver from PATH, or from ~/.cargo/bin where `cargo install` puts it. */
export function tauriDriverPath() {
  const dirs = [...(process.env.PATH ?? '').split(':'), path.join(os.homedir(), '.cargo', 'bin')];
  for (const dir of dirs) {
    const candidate = path.join(dir, 'tauri-driver');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // keep looking
    }
  }
  return null;
}

/**
 * The `outward` CLI (`OUTWARD_CLI`, or the one built beside the app by `cargo test --workspace`),
 * for writing and reading records the way a script would while the app is not running.
 */
export function cliBinary() {
  const cli = process.env.OUTWARD_CLI ?? path.join(path.dirname(appBinary()), 'outward');
  if (!existsSync(cli)) throw new Error(`e2e: ${cli} is missing; build it with \`cargo build -p outward-cli\``);
  return cli;
}

function appBinary() {
  const app = process.env.OUTWARD_APP;
  if (!app || !existsSync(app)) {
    throw new Error('e2e: OUTWARD_APP is not set to a built app; run the journeys through `node tests/run.mjs`');
  }
  return app;
}

function slug(text) {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80);
}

/**
 * A fresh workspace folder for test `t`, removed when the test ends. `session()` starts the app
 * on it; call it again to restart the app on the same database. With `defaultLocation` the app
 * is not told where its database is and keeps it where it would for a person.
 */
export async function newWorkspace(t, { defaultLocation = false } = {}) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'outward-e2e-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const workspace = {
    dir,
    // Where the app keeps its data when it is not told (`XDG_DATA_HOME` points inside `dir`).
    db: defaultLocation ? path.join(dir, 'data', 'io.outward.desktop', 'outward.db') : path.join(dir, 'outward.db'),
    defaultLocation,
    sessions: 0,
    session: (body) => runSession(t, workspace, body),
  };
  return workspace;
}

function environment(workspace) {
  const home = (name) => {
    const dir = path.join(workspace.dir, name);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    return dir;
  };
  return {
    ...process.env,
    OUTWARD_DB: workspace.defaultLocation ? '' : workspace.db,
    // Keep the app's log, WebKit's caches and any settings inside the test's folder.
    XDG_DATA_HOME: home('data'),
    XDG_CONFIG_HOME: home('config'),
    XDG_CACHE_HOME: home('cache'),
    XDG_RUNTIME_DIR: home('runtime'),
    NO_AT_BRIDGE: '1',
  };
}

// Drivers of sessions still running in this (test) process, so an interrupted run can stop
// them. The handlers are installed by the first session, not on import: run.mjs imports this
// module too and does its own clean-up.
const running = new Set();
let handlingSignals = false;

function stopDriversOnSignals() {
  if (handlingSignals) return;
  handlingSignals = true;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(signal, () => {
      for (const driver of running) {
        try {
          process.kill(-driver.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      process.exit(130);
    });
  }
}

async function runSession(t, workspace, body) {
  stopDriversOnSignals();
  workspace.sessions += 1;
  const name = `${slug(t.name)}-${workspace.sessions}`;
  await freeDriverPorts([DRIVER_PORT, NATIVE_PORT]);
  const driverLog = path.join(workspace.dir, `driver-${workspace.sessions}.log`);
  const logFd = openSync(driverLog, 'a');
  const driver = startGroup(tauriDriverPath(), ['--port', String(DRIVER_PORT), '--native-port', String(NATIVE_PORT)], {
    env: environment(workspace),
    stdio: ['ignore', logFd, logFd],
  });
  closeSync(logFd);
  running.add(driver);
  let app;
  try {
    // tauri-driver listens at once but starts WebKitWebDriver in the background; a session
    // request that arrives before WebKitWebDriver listens fails with "connection refused".
    await waitUntilAccepts(DRIVER_PORT, { what: 'tauri-driver' });
    await waitUntilAccepts(NATIVE_PORT, { what: 'WebKitWebDriver' });
    const browser = await remote({
      hostname: '127.0.0.1',
      port: DRIVER_PORT,
      logLevel: 'error',
      // Generous: two cores may be shared with a build while the journeys run.
      waitforTimeout: 20000,
      connectionRetryCount: 0,
      capabilities: {
        'tauri:options': { application: appBinary() },
        'wdio:enforceWebDriverClassic': true,
      },
    });
    app = new App(browser, workspace);
    await app.waitUntilLoaded();
    await body(app);
  } catch (error) {
    await saveFailure(name, app, workspace, driverLog);
    throw error;
  } finally {
    if (app) await app.browser.deleteSession().catch(() => {});
    await stopGroup(driver);
    running.delete(driver);
    await waitUntilFree(DRIVER_PORT);
    await waitUntilFree(NATIVE_PORT);
  }
}

async function saveFailure(name, app, workspace, driverLog) {
  mkdirSync(ARTIFACTS, { recursive: true });
  // The X screen first: it needs nothing from the app, whose own screenshot may never come.
  screenScreenshot(`${name}-failure`);
  if (app) {
    const gaveUp = sleep(15000, undefined, { ref: false }).then(() => {
      throw new Error('no answer within 15 s');
    });
    await Promise.race([app.browser.saveScreenshot(path.join(ARTIFACTS, `${name}-failure.png`)), gaveUp]).catch((e) =>
      console.error(`e2e: no screenshot of the page: ${e.message}`),
    );
  }
  copyFileSync(driverLog, path.join(ARTIFACTS, `${name}-driver.log`));
  const logs = path.join(workspace.dir, 'data', 'io.outward.desktop', 'logs', 'Outward.log');
  if (existsSync(logs)) copyFileSync(logs, path.join(ARTIFACTS, `${name}-app.log`));
  console.error(`e2e: failure artifacts saved in ${ARTIFACTS} as ${name}-*`);
}

/** Saves the whole X screen (ImageMagick's `import`) as the PNG `file`. */
export function saveScreen(file) {
  execFileSync('import', ['-window', 'root', file], { stdio: 'ignore', timeout: 10000 });
}

/** Saves the whole X screen as `<name>-screen.png`, if ImageMagick is there. */
function screenScreenshot(name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  try {
    saveScreen(path.join(ARTIFACTS, `${name}-screen.png`));
  } catch {
    // ImageMagick is optional: the webview screenshot is enough.
  }
}

/** The running app, seen through WebDriver. */
export class App {
  constructor(browser, workspace) {
    this.browser = browser;
    this.workspace = workspace;
  }

  /** Waits until the UI has rendered something (the page is not blank). */
  async waitUntilLoaded() {
    await this.browser.waitUntil(
      () => this.browser.execute(() => document.readyState === 'complete' && document.body.innerText.trim().length > 0),
      { timeout: 30000, timeoutMsg: 'the app window stayed blank for 30 s' },
    );
  }

  /**
   * Calls an app command through the same IPC the UI uses, for checking what is stored.
   * Resolves to { ok: true, value } or { ok: false, rejection } (not `error`: WebDriver clients
   * read a reply carrying an `error` key as a failure of the driver itself).
   */
  invoke(command, args = {}) {
    return this.browser.execute(
      (command, args) =>
        window.__TAURI_INTERNALS__.invoke(command, args).then(
          (value) => ({ ok: true, value }),
          (rejection) => ({ ok: false, rejection }),
        ),
      command,
      args,
    );
  }

  /** Like `invoke`, but fails the test if the command fails. */
  async query(command, args = {}) {
    const reply = await this.invoke(command, args);
    if (!reply.ok) throw new Error(`${command} failed: ${JSON.stringify(reply.rejection)}`);
    return reply.value;
  }

  /** Saves the webview's screenshot and, if ImageMagick is there, the whole X screen. */
  async screenshot(name) {
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = path.join(ARTIFACTS, `${name}.png`);
    await this.browser.saveScreenshot(file);
    screenScreenshot(name);
    return file;
  }

  $(selector) {
    return this.browser.$(selector);
  }

  $$(selector) {
    return this.browser.$$(selector);
  }

  byTestId(id) {
    return this.browser.$(`[data-testid="${id}"]`);
  }
}
