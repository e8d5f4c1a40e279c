// The AppImage, as a person meets it: one executable file that carries the app, its desktop entry,
// icon and version, and WebKitGTK with every library it needs but the system's C library,
// graphics drivers, X11 and fonts; it starts to the first screen with the system's copies of
// those libraries hidden, and keeps the data in the person's app-data folder, where it stays
// once the file is deleted. Run by scripts/test, as root, with OUTWARD_APP set to the AppImage.
// Without FUSE (as under CI) the AppImage runs from a temporary copy of its files, which its own
// runtime makes when APPIMAGE_EXTRACT_AND_RUN is set.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { accessSync, constants, copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { APP_VERSION, assertKept, createTeamOnFirstScreen } from './first-run.mjs';

const TEAM = 'Portable Platform';

test('the AppImage carries its entry, icon and version, starts, and keeps its data', { timeout: 300_000 }, async (t) => {
  // A copy, as a person downloads it, to be deleted at the end.
  const downloads = mkdtempSync(path.join(os.tmpdir(), 'outward-appimage-'));
  t.after(() => rmSync(downloads, { recursive: true, force: true }));
  const appImage = path.join(downloads, path.basename(process.env.OUTWARD_APP));
  copyFileSync(process.env.OUTWARD_APP, appImage);
  accessSync(appImage, constants.X_OK);
  const bytes = readFileSync(appImage).subarray(0, 11);
  assert.equal(bytes.subarray(0, 4).toString('latin1'), '\x7fELF', 'it is an executable');
  assert.equal(bytes.subarray(8, 11).toString('latin1'), 'AI\x02', 'with the magic of a type-2 AppImage');

  execFileSync(appImage, ['--appimage-extract'], { cwd: downloads, stdio: 'pipe' });
  const root = path.join(downloads, 'squashfs-root');
  accessSync(path.join(root, 'AppRun'), constants.X_OK);
  accessSync(path.join(root, 'usr', 'bin', 'outward-app'), constants.X_OK);
  const desktop = readFileSync(path.join(root, 'outward-app.desktop'), 'utf8');
  assert.match(desktop, /^Name=Outward$/m);
  assert.match(desktop, /^Icon=outward-app$/m);
  assert.match(desktop, new RegExp(`^X-AppImage-Version=${APP_VERSION.replaceAll('.', '\\.')}$`, 'm'), 'it carries the app version');
  assert.equal(readFileSync(path.join(root, 'outward-app.png')).subarray(1, 4).toString('latin1'), 'PNG', 'and its icon');
  const carried = readdirSync(path.join(root, 'usr', 'lib', 'x86_64-linux-gnu'));
  for (const library of ['libwebkit2gtk-4.1.so.0', 'libjavascriptcoregtk-4.1.so.0', 'libgtk-3.so.0', 'libsoup-3.0.so.0']) {
    assert.ok(carried.includes(library), `it carries ${library}`);
  }
  for (const helper of ['WebKitWebProcess', 'WebKitNetworkProcess']) {
    accessSync(path.join(root, 'usr', 'lib', 'x86_64-linux-gnu', 'webkit2gtk-4.1', helper), constants.X_OK);
  }
  assert.ok(!carried.some((library) => /^lib(c|GL|EGL|X11|fontconfig)\.so/.test(library)), 'but not what the system must give');

  process.env.APPIMAGE_EXTRACT_AND_RUN = '1';
  // The runtime makes its copy in TMPDIR, and leaves it when the app is stopped by a signal.
  process.env.TMPDIR = downloads;
  // Started in a mount namespace of its own where the system's copies of the libraries the image
  // carries, and WebKit's own helper processes, are hidden: what it needs, it carries.
  const hidden = path.join(downloads, 'outward-without-system-libraries');
  const quoted = (text) => `'${text.replaceAll("'", "'\\''")}'`;
  const hide = fileURLToPath(new URL('./without-system-libraries.sh', import.meta.url));
  writeFileSync(hidden, `#!/bin/sh\nexec unshare --mount -- ${quoted(hide)} ${quoted(root)} ${quoted(appImage)} "$@"\n`, { mode: 0o755 });
  process.env.OUTWARD_APP = hidden;
  const workspace = await createTeamOnFirstScreen(t, TEAM, 'appimage-first-screen');
  rmSync(appImage);
  assertKept(workspace, TEAM);
});
