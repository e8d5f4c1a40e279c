// Serves `build/` the way the Tauri shell does: index.html for any path that is not a file,
// under the strict Content-Security-Policy the app ships with. `POST /__ipc` is the backend:
// the page's calls (see backend.js) go to one process of the app's real commands over the real
// core (`src-tauri/examples/screen_backend.rs`), started here for the whole run. `GET
// /__events?page=…` is an event stream of the `changed` events the backend sends a page while
// none of its commands runs (the room's server wrote a card), as the shell sends them at once.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createInterface } from 'node:readline';
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
let backend: ChildProcessWithoutNullStreams | undefined;

// Built by `cargo build -p outward-app --example screen_backend --locked` (scripts/test does).
const BACKEND =
	process.env.OUTWARD_SCREEN_BACKEND ??
	resolve(import.meta.dirname, '../../../target/debug/examples/screen_backend');

type Reply = { id: number; ok: boolean; value: unknown; changed?: unknown[] };
/** Changes the backend announced for `page` while none of its commands ran. */
type Announced = { page: string; changed: unknown[] };

/** The event streams open on each page, by the page's name. */
const streams = new Map<string, Set<ServerResponse>>();

function announce({ page, changed }: Announced): void {
	for (const stream of streams.get(page) ?? []) {
		for (const payload of changed) stream.write(`data: ${JSON.stringify(payload)}\n\n`);
	}
}

/** Keeps `response` open as `page`'s event stream until the page goes. */
function listen(page: string, request: IncomingMessage, response: ServerResponse): void {
	response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' });
	// A comment line, so the page's EventSource opens now rather than at the first event.
	response.write(': open\n\n');
	const open = streams.get(page) ?? new Set();
	open.add(response);
	streams.set(page, open);
	request.on('close', () => open.delete(response));
}

/** Starts the backend; `call` sends it one request and resolves with its reply. */
function startBackend(): (request: Record<string, unknown>) => Promise<Reply> {
	if (!existsSync(BACKEND)) {
		throw new Error(
			`${BACKEND} is missing: run \`cargo build -p outward-app --example screen_backend --locked\` before the screen tests`
		);
	}
	const child = spawn(BACKEND, [], { stdio: ['pipe', 'pipe', 'pipe'] });
	backend = child;
	const waiting = new Map<number, (reply: Reply) => void>();
	let next = 0;
	child.stderr.on('data', (chunk) => process.stderr.write(chunk));
	createInterface({ input: child.stdout }).on('line', (line) => {
		const message = JSON.parse(line) as Reply | Announced;
		if (!('id' in message)) {
			announce(message);
			return;
		}
		waiting.get(message.id)?.(message);
		waiting.delete(message.id);
	});
	child.on('exit', (code) => {
		for (const done of waiting.values()) done({ id: -1, ok: false, value: `the backend exited (${code})` });
		waiting.clear();
	});
	return (request) =>
		new Promise((done) => {
			const id = ++next;
			waiting.set(id, done);
			child.stdin.write(`${JSON.stringify({ ...request, id })}\n`);
		});
}

async function body(request: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of request) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}

export async function setup(project: TestProject): Promise<void> {
	const root = resolve(import.meta.dirname, '../../build');
	if (!existsSync(join(root, 'index.html'))) {
		throw new Error('build/index.html is missing: run `npm run build` before the screen tests');
	}
	const call = startBackend();
	server = createServer(async (request, response) => {
		if (request.method === 'POST' && request.url === '/__ipc') {
			const reply = await call(JSON.parse(await body(request)) as Record<string, unknown>);
			response.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
			response.end(JSON.stringify(reply));
			return;
		}
		const url = new URL(request.url ?? '/', 'http://x');
		if (request.method === 'GET' && url.pathname === '/__events') {
			listen(url.searchParams.get('page') ?? '', request, response);
			return;
		}
		const path = normalize(decodeURIComponent(url.pathname));
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
	// The event streams stay open until closed here.
	for (const open of streams.values()) for (const stream of open) stream.end();
	await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
	// Closing its input ends the backend, which deletes its databases.
	const child = backend;
	if (child && child.exitCode === null) {
		const exited = new Promise((done) => child.once('exit', done));
		child.stdin.end();
		await exited;
	}
}
