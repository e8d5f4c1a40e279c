// @ts-nocheck -- a plain script injected into the page, outside the app's module graph.
// The page's side of the screen tests' backend: a transport, no rules. Tauri's IPC entry points
// (`window.__TAURI_INTERNALS__`, which @tauri-apps/api calls) send every command, whatever its
// name, to `POST /__ipc` on the test server (`server.ts`), which runs it through the app's real
// commands, permissions and core on a database file of this browser context's own
// (`src-tauri/examples/screen_backend.rs`). The `changed` events a write sent come back with
// its reply and are delivered to the page's listeners, as the shell delivers them; those sent
// while no command runs (the room's server wrote what a device sent) come as they are sent,
// on the test server's event stream for this page (`GET /__events`).
//
// Test plumbing only, configured by `window.__OUTWARD_BACKEND_CONFIG__`:
//   scenario 'empty' (a fresh database) | 'example' (the example workspace, loaded by the real
//     `load_example` the welcome screen calls) | 'failure' (`startup_failure` answers `failure`)
//     | 'unreachable' (every command is rejected: the backend did not answer);
//   slow: { [command]: milliseconds before the call is sent }.
// Tests reach it as `window.__backend`: `calls` made, `log` ("→ command" when a call arrives,
// "← command" when it is answered, in order), `failNext(command, report)` (the next call of
// `command` is rejected with `report` and not run), `chooseFolder(path | null)` (what the
// import's folder picker answers) and `send(command, args)` (a call the app did not make).
// The database lives as long as the browser context: a page reopened in it finds its data.
(() => {
	// Only the app's own pages (not about:blank) get a backend.
	if (!location.protocol.startsWith('http')) return;
	const config = window.__OUTWARD_BACKEND_CONFIG__ ?? { scenario: 'empty' };
	const KEY = '__screenBackendPage';
	const known = localStorage.getItem(KEY);
	const page = known ?? crypto.randomUUID();
	localStorage.setItem(KEY, page);
	const calls = [];
	const log = [];
	const failures = new Map();

	async function post(request) {
		const response = await fetch('/__ipc', {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ page, ...request })
		});
		if (!response.ok) throw `The test backend failed: ${await response.text()}`;
		return response.json();
	}
	async function send(command, args) {
		const { ok, value, changed } = await post({ command, args });
		for (const payload of changed ?? []) setTimeout(() => emit('changed', payload), 0);
		if (!ok) throw value;
		return value;
	}
	const ready =
		config.scenario === 'example' && !known ? send('load_example', {}) : Promise.resolve();

	// The Tauri internals the @tauri-apps/api package calls into.
	const callbacks = new Map();
	const listeners = new Map();
	let nextCallback = 1;

	function emit(event, payload) {
		for (const handler of listeners.get(event) ?? []) callbacks.get(handler)?.({ event, id: handler, payload });
	}

	async function handle(command, args) {
		if (command === 'plugin:event|listen') {
			const list = listeners.get(args.event) ?? [];
			list.push(args.handler);
			listeners.set(args.event, list);
			return args.handler;
		}
		if (command === 'plugin:event|unlisten') {
			const list = listeners.get(args.event) ?? [];
			listeners.set(args.event, list.filter((id) => id !== args.eventId));
			return null;
		}
		if (config.scenario === 'unreachable') throw 'The app backend did not answer.';
		if (config.scenario === 'failure' && command === 'startup_failure') return config.failure;
		const planned = failures.get(command);
		if (planned) {
			failures.delete(command);
			throw planned;
		}
		await ready;
		return send(command, args);
	}

	window.__TAURI_INTERNALS__ = {
		invoke(command, args) {
			calls.push({ command, args });
			log.push(`→ ${command}`);
			return new Promise((resolve, reject) => {
				setTimeout(() => {
					handle(command, args ?? {}).then(
						(value) => {
							log.push(`← ${command}`);
							resolve(value);
						},
						(error) => {
							log.push(`← ${command}`);
							reject(error);
						}
					);
				}, config.slow?.[command] ?? 0);
			});
		},
		transformCallback(callback, once = false) {
			const id = nextCallback++;
			callbacks.set(id, (data) => {
				if (once) callbacks.delete(id);
				return callback?.(data);
			});
			return id;
		},
		unregisterCallback(id) {
			callbacks.delete(id);
		},
		runCallback(id, data) {
			callbacks.get(id)?.(data);
		},
		callbacks,
		metadata: { currentWindow: { label: 'main' }, currentWebview: { windowLabel: 'main', label: 'main' } }
	};
	if (config.scenario !== 'unreachable') {
		const announced = new EventSource(`/__events?page=${encodeURIComponent(page)}`);
		announced.onmessage = (message) => emit('changed', JSON.parse(message.data));
	}
	window.__TAURI_EVENT_PLUGIN_INTERNALS__ = {
		unregisterListener(event, id) {
			callbacks.delete(id);
		}
	};

	window.__backend = {
		calls,
		log,
		failNext: (command, report) => failures.set(command, report),
		chooseFolder: async (folder) => {
			const { ok, value } = await post({ chooseFolder: folder });
			if (!ok) throw value;
		},
		send: async (command, args) => {
			await ready;
			return send(command, args);
		}
	};
})();
