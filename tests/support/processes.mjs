// Starting and stopping the helper processes of a run (Xvfb, a D-Bus session bus, tauri-driver)
// so that none outlives the run: each starts in its own process group and is stopped by killing
// that group, which also takes down its children (WebKitWebDriver, the app).

import { spawn, execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** Starts `command` in its own process group. */
export function startGroup(command, args, options = {}) {
  const child = spawn(command, args, { detached: true, ...options });
  child.on('error', (error) => {
    console.error(`e2e: could not start ${command}: ${error.message}`);
  });
  return child;
}

/** Kills a process group started by `startGroup` and waits until its leader has exited. */
export async function stopGroup(child, { graceMs = 2000 } = {}) {
  if (!child || child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  signalGroup(child.pid, 'SIGTERM');
  const done = await Promise.race([exited.then(() => true), sleep(graceMs).then(() => false)]);
  if (!done) {
    signalGroup(child.pid, 'SIGKILL');
    await Promise.race([exited, sleep(graceMs)]);
  }
  // Children that ignored SIGTERM may still be around in the group.
  signalGroup(child.pid, 'SIGKILL');
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if (error.code !== 'ESRCH') throw error;
  }
}

/** Resolves true when something accepts TCP connections on 127.0.0.1:`port`. */
export function accepts(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export async function waitUntilAccepts(port, { timeoutMs = 15000, what = `port ${port}` } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await accepts(port)) return;
    await sleep(100);
  }
  throw new Error(`e2e: ${what} did not accept connections on 127.0.0.1:${port} within ${timeoutMs} ms`);
}

export async function waitUntilFree(port, { timeoutMs = 5000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!(await accepts(port))) return true;
    await sleep(100);
  }
  return false;
}

/** The processes listening on a TCP port, from `ss`: [{ pid, name }]. */
export function listeners(port) {
  let out = '';
  try {
    out = execFileSync('ss', ['-H', '-ltnp', `sport = :${port}`], { encoding: 'utf8' });
  } catch {
    return [];
  }
  return [...out.matchAll(/\("([^"]+)",pid=(\d+)/g)].map((m) => ({ name: m[1], pid: Number(m[2]) }));
}

function processGroup(pid) {
  try {
    return Number(execFileSync('ps', ['-o', 'pgid=', '-p', String(pid)], { encoding: 'utf8' }).trim());
  } catch {
    return NaN;
  }
}

const DRIVER_NAMES = new Set(['tauri-driver', 'WebKitWebDriver']);

/**
 * Makes sure the WebDriver ports are free. A tauri-driver or WebKitWebDriver left behind by a
 * run that died is killed (it would make the next session request hang); anything else on
 * those ports is an error to report, not to kill.
 */
export async function freeDriverPorts(ports) {
  for (const port of ports) {
    if (!(await accepts(port))) continue;
    for (const { name, pid } of listeners(port)) {
      if (!DRIVER_NAMES.has(name)) {
        throw new Error(`e2e: port ${port} is taken by ${name} (pid ${pid}); stop it and retry`);
      }
      // A driver a harness started leads its own process group, with WebKitWebDriver and the
      // app in it: kill the whole group so no orphaned app window is left behind.
      const group = processGroup(pid);
      const target = group === pid && group !== processGroup(process.pid) ? -group : pid;
      console.error(`e2e: killing a stale ${name} (pid ${pid}${target < 0 ? ', with its process group' : ''}) on port ${port}`);
      try {
        process.kill(target, 'SIGKILL');
      } catch (error) {
        if (error.code !== 'ESRCH') throw error;
      }
    }
    if (!(await waitUntilFree(port))) {
      throw new Error(`e2e: port ${port} is still in use; stop whatever listens there and retry`);
    }
  }
}

/** Reads the first line a child writes to one of its pipes (e.g. Xvfb's -displayfd). */
export function firstLine(stream, { timeoutMs = 10000, what }) {
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`e2e: ${what} did not start within ${timeoutMs} ms`)), timeoutMs);
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      text += chunk;
      const end = text.indexOf('\n');
      if (end >= 0) {
        clearTimeout(timer);
        resolve(text.slice(0, end).trim());
      }
    });
    stream.once('end', () => {
      clearTimeout(timer);
      reject(new Error(`e2e: ${what} exited before it was ready`));
    });
  });
}

/**
 * Starts a private Xvfb display (1280×800) and returns `{ xvfb, display }`; stop it with
 * `stopGroup`. `-displayfd` lets Xvfb pick a free display and tell us which, with no race;
 * `-noreset` keeps it from resetting when its last client leaves, between two app sessions.
 * Its stderr is drained (a full pipe would stall it) and kept for the error, and a display that
 * has not answered within `timeoutMs` is stopped and started again, up to `attempts` times: a
 * busy machine has been seen to take longer than ten seconds once.
 */
export async function startDisplay({ timeoutMs = 30000, attempts = 3 } = {}) {
  let lastError;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const xvfb = startGroup('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x800x24', '-nolisten', 'tcp', '-noreset'], {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    });
    let said = '';
    xvfb.stderr.setEncoding('utf8');
    xvfb.stderr.on('data', (chunk) => {
      said = (said + chunk).slice(-2000);
    });
    try {
      const display = `:${await firstLine(xvfb.stdio[3], { timeoutMs, what: 'Xvfb' })}`;
      return { xvfb, display };
    } catch (error) {
      await stopGroup(xvfb);
      lastError = new Error(`${error.message} (attempt ${attempt} of ${attempts})${said.trim() ? `; it said:\n${said.trim()}` : ''}`);
      console.error(lastError.message);
    }
  }
  throw lastError;
}

/**
 * A private D-Bus session bus whose socket and config live in `dir`: WebKitGTK and GTK talk to
 * D-Bus, and without one start-up can stall. It activates no services (no portals, no
 * accessibility bus), so calls to them fail at once instead of starting desktop services that
 * could outlive the run. The policy is the stock session bus's: a narrower one (without the
 * eavesdrop rules) leaves GTK's bus registration hanging and no window ever appears.
 * Returns the daemon (stop it with `stopGroup`) and the address for DBUS_SESSION_BUS_ADDRESS.
 */
export async function startSessionBus(dir) {
  const config = path.join(dir, 'session.conf');
  writeFileSync(
    config,
    `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=${dir}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`,
  );
  const daemon = startGroup('dbus-daemon', [`--config-file=${config}`, '--nofork', '--nopidfile', '--print-address=1'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const address = await firstLine(daemon.stdout, { what: 'dbus-daemon' });
  return { daemon, address };
}
