// Serves `build/` the way the Tauri shell does: index.html for any path that is not a file,
// under the strict Content-Security-Policy the app ships with.
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

// The shell's policy (src-tauri/tauri.conf.json), made stricter on one point: no inline styles,
// so the app is known not to depend on them.
export const CSP =
	"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
	"object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.json': 'application/json',
	'.png': 'image/png'
};

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
	}
}

let server: Server | undefined;

export async function setup(project: TestProject): Promise<void> {
	const root = resolve(import.meta.dirname, '../../build');
	if (!existsSync(join(root, 'index.html'))) {
		throw new Error('build/index.html is missing: run `npm run build` before the screen tests');
	}
	server = createServer((request, response) => {
		const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
		let file = join(root, path);
		if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory()) {
			file = join(root, 'index.html');
		}
		response.writeHead(200, {
			'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
			'Content-Security-Policy': CSP,
			'Cache-Control': 'no-store'
		});
		response.end(readFileSync(file));
	});
	await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
	const address = server.address();
	if (address === null || typeof address === 'string') throw new Error('no port');
	project.provide('baseUrl', `http://127.0.0.1:${address.port}`);
}

export async function teardown(): Promise<void> {
	await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
}
