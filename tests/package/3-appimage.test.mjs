// The AppImage, as a person meets it: one executable file that carries the app, its desktop entry,
// icon and version, and WebKitGTK with every library it needs but the system's C library,
// graphics drivers, X11 and fonts; it starts to the first screen with the system's copies of
// those libraries hidden, and keeps the data in the person's app-data folder, where it stays
// once the file is deleted. Run by scripts/test, as root, with OUTWARD_APP set to the AppImage.
// Without FUSE (as under CI) the AppImage runs from a temporary copy of its files, which its own
// runtime makes when APPIMAGE_EXTRACT_AND_RUN is set.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { accessSync, constants, copyFileSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { APP_VERSION, assertKept, createTeamOnFirstScreen } from './first-run.mjs';

const TEAM = 'Portable Platform';

test('the AppImage carries its entry, icon and version, starts, and keeps its data', { timeout: 300_000 }, async (t) => {
  // A copy, as a person downloads it, to be deleted at the end; in a folder named by its real
  // path, as the processes' own paths read from /proc are.
  const downloads = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'outward-appimage-')));
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
  const systems = carried.filter((library) => HOST_LIBRARIES.test(library));
  assert.deepEqual(systems, [], 'but none of those each system gives');
  const loaders = readFileSync(path.join(root, 'usr', 'lib', 'x86_64-linux-gnu', 'gdk-pixbuf-2.0', '2.10.0', 'loaders.cache'), 'utf8');
  assert.match(loaders, /^"lib\/x86_64-linux-gnu\/gdk-pixbuf-2\.0\/2\.10\.0\/loaders\/libpixbufloader-svg\.so"$/m, 'its SVG loader, listed relative to usr/');
  assert.doesNotMatch(loaders, /^"\//m, 'and no loader by an absolute path');

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
  const workspace = await createTeamOnFirstScreen(t, TEAM, 'appimage-first-screen', async () => {
    // What the app and WebKit's processes have loaded from outside the image: only what the
    // system gives, and what its graphics drivers load.
    const running = imageProcesses(downloads);
    assert.ok(running.some(({ exe }) => exe.endsWith('/usr/bin/outward-app')), 'the app runs from the image');
    assert.ok(running.some(({ exe }) => exe.endsWith('/webkit2gtk-4.1/WebKitWebProcess')), 'and so does its web process');
    for (const { exe, libraries } of running) {
      const outside = libraries.filter((file) => !file.startsWith(downloads + path.sep));
      const given = systemLibraries(outside);
      const foreign = outside.filter((file) => !given.has(realpathSync(file)));
      assert.deepEqual(foreign, [], `${path.basename(exe)} loaded only the system's own libraries from outside the image`);
    }
  });
  rmSync(appImage);
  assertKept(workspace, TEAM);
});

/** The libraries each system gives, as `scripts/package` names them. */
const HOST_LIBRARIES = new RegExp(
  readFileSync(new URL('../../scripts/package', import.meta.url), 'utf8').match(/^HOST_LIBRARIES='(.+)'$/m)[1],
);

/** Every running process whose program lies under `folder`, with the shared libraries it maps. */
function imageProcesses(folder) {
  const found = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const exe = readlinkSync(`/proc/${pid}/exe`);
      if (!exe.startsWith(folder)) continue;
      const maps = readFileSync(`/proc/${pid}/maps`, 'utf8');
      const libraries = [...new Set([...maps.matchAll(/\s(\/\S+\.so[.\d]*)$/gm)].map((match) => match[1]))];
      found.push({ exe, libraries });
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return found;
}

/**
 * Of `files`, mapped from outside the image, those the system gives (real paths): the libraries
 * of HOST_LIBRARIES, the graphics drivers that its GL and EGL load, the C library's character
 * set converters, and every library those load in turn, as `ldd` resolves them.
 */
function systemLibraries(files) {
  const fromTheSystem = (file) => /\/(dri|gconv)\//.test(file) || [HOST_LIBRARIES, /^lib(EGL|GLX)_\w+\.so/].some((names) => names.test(soname(file)));
  const roots = files.filter(fromTheSystem);
  return new Set(roots.flatMap((file) => [realpathSync(file), ...dependencies(file)]));
}

/** The name `file` is loaded by (its SONAME, as `readelf` reads it), or its file name. */
function soname(file) {
  const dynamic = execFileSync('readelf', ['-d', file], { encoding: 'utf8' });
  return /Library soname: \[(.+)\]/.exec(dynamic)?.[1] ?? path.basename(file);
}

const resolved = new Map();
/** The real paths of every library `file` loads, as `ldd` resolves them on this system. */
function dependencies(file) {
  if (!resolved.has(file)) {
    const listed = execFileSync('ldd', [file], { encoding: 'utf8' });
    resolved.set(file, new Set([...listed.matchAll(/=> (\/\S+)/g)].map((match) => realpathSync(match[1]))));
  }
  return resolved.get(file);
}
