// @ts-nocheck -- a plain script injected into the page, outside the app's module graph.
// An in-memory stand-in for the Rust backend, injected into the page before the app loads.
// It implements the IPC contract (commands, ErrorReport with `field`, the `changed` event)
// closely enough to drive every screen. Configured by `window.__OUTWARD_FAKE_CONFIG__`:
//   { scenario: 'empty' | 'example' | 'failure' | 'unreachable', failure?, latestBackup?,
//     slow?: { [command]: milliseconds before it answers, instead of 5 } }
// Tests can reach it as `window.__fake` (calls made, `failNext(command, report)`, and `log`:
// "→ command" when a call arrives and "← command" when it is answered, in order).
(() => {
	const config = window.__OUTWARD_FAKE_CONFIG__ ?? { scenario: 'empty' };
	const DB_PATH = '/home/ada/.local/share/io.outward.desktop/outward.db';
	const LEVELS = ['junior', 'mid', 'senior', 'staff', 'principal'];
	const STAGES = ['incubating', 'generallyAvailable', 'deprecated'];
	const TABLES = { team: 'teams', person: 'people', product: 'products', customer: 'customers' };
	// How the Trash names a record of each kind; extensions add their kinds.
	const NAMES = { team: (r) => r.name, person: (r) => r.name, product: (r) => r.name, customer: (r) => r.name };

	let sequence = 0;
	const newId = () => `0190a000-0000-7000-8000-${String(++sequence).padStart(12, '0')}`;
	const now = () => new Date().toISOString();
	const db = { teams: [], people: [], products: [], customers: [], links: [] };
	let latestBackup = config.latestBackup ?? null;
	const calls = [];
	const log = [];
	const failures = new Map();

	const fail = (kind, message, field) => {
		const report = { kind, message };
		if (field) report.field = field;
		throw report;
	};
	const live = (table) => db[table].filter((row) => row.deletedAt === null);
	const find = (table, id) => db[table].find((row) => row.id === id);
	const strip = ({ deletedAt, ...row }) => row;
	const byName = (a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' });
	const same = (a, b) => a.trim().toLowerCase() === b.trim().toLowerCase();

	function requiredName(field, label, value) {
		const text = String(value ?? '').trim();
		if (text === '') fail('validation', `${label} is required.`, field);
		if ([...text].length > 200)
			fail('validation', `${label} is ${[...text].length} characters long; the limit is 200.`, field);
		return text;
	}
	function liveTeam(id) {
		const team = find('teams', id);
		if (!team || team.deletedAt !== null)
			fail('validation', 'Choose a team that exists and is not in the Trash.', 'teamId');
	}

	function teamInput(input, selfId) {
		const name = requiredName('name', 'Team name', input.name);
		if (live('teams').some((t) => t.id !== selfId && same(t.name, name)))
			fail('conflict', `There is already a team named “${name}”.`, 'name');
		return { name, description: String(input.description ?? '').trim() };
	}
	function personInput(input) {
		const name = requiredName('name', 'Name', input.name);
		liveTeam(input.teamId);
		if (!LEVELS.includes(input.level)) fail('validation', `Level “${input.level}” is not one of: ${LEVELS.join(', ')}.`, 'level');
		return { name, role: String(input.role ?? '').trim(), level: input.level, teamId: input.teamId };
	}
	function productInput(input, selfId) {
		const name = requiredName('name', 'Product name', input.name);
		liveTeam(input.teamId);
		if (!STAGES.includes(input.stage)) fail('validation', 'Unknown lifecycle stage.', 'stage');
		if (live('products').some((p) => p.id !== selfId && p.teamId === input.teamId && same(p.name, name)))
			fail('conflict', `This team already has a product named “${name}”.`, 'name');
		return { name, teamId: input.teamId, stage: input.stage, description: String(input.description ?? '').trim() };
	}
	function customerInput(input, selfId) {
		const name = requiredName('name', 'Customer name', input.name);
		if (live('customers').some((c) => c.id !== selfId && same(c.name, name)))
			fail('conflict', `There is already a customer named “${name}”.`, 'name');
		if (input.size !== null && input.size > 1000000)
			fail('validation', `Team size ${input.size} is larger than 1000000; check the number.`, 'size');
		for (const id of input.productIds ?? []) {
			const product = find('products', id);
			if (!product || product.deletedAt !== null) fail('validation', 'A chosen product is not available.', 'productIds');
		}
		return {
			name,
			department: String(input.department ?? '').trim(),
			size: input.size ?? null,
			contacts: String(input.contacts ?? '').trim(),
			productIds: [...new Set(input.productIds ?? [])]
		};
	}

	const customerView = (c) => ({
		...strip(c),
		productIds: c.productIds.filter((id) => find('products', id)?.deletedAt === null)
	});

	function insert(table, values) {
		const row = { id: newId(), ...values, createdAt: now(), updatedAt: now(), deletedAt: null };
		db[table].push(row);
		return row;
	}
	function update(table, id, values) {
		const row = find(table, id);
		if (!row || row.deletedAt !== null) fail('notFound', `no record with id ${id}`);
		Object.assign(row, values, { updatedAt: now() });
		return row;
	}

	function overview() {
		const trash = Object.values(TABLES).reduce(
			(sum, table) => sum + db[table].filter((r) => r.deletedAt !== null).length,
			0
		);
		const counts = {
			teams: live('teams').length,
			people: live('people').length,
			products: live('products').length,
			customers: live('customers').length,
			interviews: db.interviews ? live('interviews').length : 0,
			painPoints: db.painPoints ? live('painPoints').filter((p) => !p.mergedInto).length : 0,
			trash
		};
		const isEmpty = Object.values(counts).every((n) => n === 0);
		return { databasePath: DB_PATH, schemaVersion: 2, ...counts, latestBackup, isEmpty };
	}

	function loadExample() {
		const o = overview();
		if (o.teams + o.people + o.products + o.customers + o.trash > 0)
			fail('conflict', 'The example can only be loaded into an empty workspace.');
		const dev = insert('teams', { name: 'Developer Platform', description: 'Build, test and deploy tooling for every product team.' });
		const data = insert('teams', { name: 'Data Platform', description: 'Managed databases, streaming and the analytics warehouse.' });
		const cloud = insert('teams', { name: 'Cloud Infrastructure', description: 'Kubernetes clusters, networking and cost reporting.' });
		const people = [
			['Amara Okafor', 'Engineering manager', 'staff', dev],
			['Jonas Weber', 'Backend engineer', 'senior', dev],
			['Priya Raman', 'SRE', 'mid', dev],
			['Leo Martins', 'Backend engineer', 'junior', dev],
			['Hana Sato', 'Tech lead', 'principal', data],
			['Mateo Silva', 'Database engineer', 'senior', data],
			['Grace Liu', 'SRE', 'mid', cloud]
		];
		for (const [name, role, level, team] of people) insert('people', { name, role, level, teamId: team.id });
		const ci = insert('products', { name: 'CI pipelines', teamId: dev.id, stage: 'generallyAvailable', description: 'Builds and tests every merge request in under ten minutes.' });
		const deploy = insert('products', { name: 'Deploy service', teamId: dev.id, stage: 'generallyAvailable', description: 'One-click deploys with automatic rollback.' });
		insert('products', { name: 'Preview environments', teamId: dev.id, stage: 'incubating', description: 'A throwaway copy of the app for every branch.' });
		const pg = insert('products', { name: 'Managed Postgres', teamId: data.id, stage: 'generallyAvailable', description: 'Backed-up, monitored Postgres on request.' });
		insert('products', { name: 'Legacy MySQL', teamId: data.id, stage: 'deprecated', description: 'Being retired; migrations to Postgres are under way.' });
		const k8s = insert('products', { name: 'Kubernetes clusters', teamId: cloud.id, stage: 'generallyAvailable', description: 'Shared clusters with namespaces per team.' });
		insert('customers', { name: 'Payments', department: 'Commerce', size: 14, contacts: 'Sofia Costa (EM)\n#payments-eng on chat', productIds: [ci.id, deploy.id, pg.id] });
		insert('customers', { name: 'Mobile App', department: 'Consumer', size: 9, contacts: 'Tom Becker (tech lead)', productIds: [ci.id, k8s.id] });
		insert('customers', { name: 'Search', department: 'Discovery', size: null, contacts: '', productIds: [k8s.id, pg.id] });
		for (const hook of exampleHooks) hook();
		return overview();
	}

	function moveToTrash({ kind, id }) {
		const table = TABLES[kind];
		const row = find(table, id);
		if (!row || row.deletedAt !== null) fail('notFound', `no ${kind} with id ${id}`);
		if (kind === 'team') {
			const people = live('people').filter((p) => p.teamId === id).length;
			const products = live('products').filter((p) => p.teamId === id).length;
			if (people + products > 0) {
				const n = (count, one, many) => `${count} ${count === 1 ? one : many}`;
				fail('conflict', `This team still has ${n(people, 'person', 'people')} and ${n(products, 'product', 'products')}. Move or delete them first.`);
			}
		}
		row.deletedAt = now();
		return null;
	}

	function restore({ kind, id }) {
		const table = TABLES[kind];
		const row = find(table, id);
		if (!row || row.deletedAt === null) fail('notFound', `no ${kind} in the Trash with id ${id}`);
		if (row.teamId) {
			const team = find('teams', row.teamId);
			if (team?.deletedAt !== null) fail('conflict', `Restore its team “${team?.name}” first.`);
		}
		if (row.name && live(table).some((r) => r.name && same(r.name, row.name) && (kind !== 'product' || r.teamId === row.teamId)))
			fail('conflict', `The name “${row.name}” is taken now; rename the other one first.`, 'name');
		row.deletedAt = null;
		return null;
	}

	function emptyTrash() {
		let destroyed = 0;
		for (const table of Object.values(TABLES)) {
			const before = db[table].length;
			db[table] = db[table].filter((r) => r.deletedAt === null);
			destroyed += before - db[table].length;
		}
		const products = new Set(db.products.map((p) => p.id));
		for (const c of db.customers) c.productIds = c.productIds.filter((id) => products.has(id));
		return destroyed;
	}

	const commands = {
		startup_failure: () => (config.scenario === 'failure' ? config.failure : null),
		workspace_overview: overview,
		first_screen_painted: () => null,
		load_example: loadExample,
		list_teams: () => live('teams').sort(byName).map(strip),
		create_team: ({ input }) => strip(insert('teams', teamInput(input))),
		update_team: ({ id, input }) => strip(update('teams', id, teamInput(input, id))),
		list_people: ({ teamId }) => live('people').filter((p) => !teamId || p.teamId === teamId).sort(byName).map(strip),
		create_person: ({ input }) => strip(insert('people', personInput(input))),
		update_person: ({ id, input }) => strip(update('people', id, personInput(input))),
		list_products: ({ teamId }) => live('products').filter((p) => !teamId || p.teamId === teamId).sort(byName).map(strip),
		create_product: ({ input }) => strip(insert('products', productInput(input))),
		update_product: ({ id, input }) => strip(update('products', id, productInput(input, id))),
		list_customers: () => live('customers').sort(byName).map(customerView),
		create_customer: ({ input }) => customerView(insert('customers', customerInput(input))),
		update_customer: ({ id, input }) => customerView(update('customers', id, customerInput(input, id))),
		move_to_trash: moveToTrash,
		list_trash: () => {
			const items = Object.entries(TABLES)
				.flatMap(([kind, table]) =>
					db[table].filter((r) => r.deletedAt !== null).map((r) => ({ kind, id: r.id, name: NAMES[kind](r), deletedAt: r.deletedAt, trashedWith: null }))
				)
				.sort((a, b) => b.deletedAt.localeCompare(a.deletedAt));
			return { items, destroys: 'The records listed' };
		},
		restore_from_trash: restore,
		empty_trash: () => ({ destroyed: emptyTrash(), backup: '/home/ada/.local/share/io.outward.desktop/backups/outward-20250310T120000.000Z.db' }),
		create_backup: () => {
			latestBackup = '/home/ada/.local/share/io.outward.desktop/backups/outward-2025-03-10T12-00-00Z.db';
			return latestBackup;
		},
		'plugin:app|version': () => '0.1.0'
	};

	// The `changed` payload the core announces after each write, as its Rust tests show
	// (crates/outward-core/tests/core/changes.rs), written down as data: the kinds, where each id
	// comes from (`args.x` or `reply.x` of the command), and whether counts or settings changed.
	// `tagged` adds the themes a reply's tags link to, announced with them. No rule decides it.
	const EVERY_KIND = ['team', 'person', 'product', 'customer', 'interview', 'painPoint', 'theme'];
	const CHANGES = {
		create_team: { kinds: ['team'], ids: ['reply.id'], counts: true },
		update_team: { kinds: ['team'], ids: ['args.id'] },
		create_person: { kinds: ['person'], ids: ['reply.id'], counts: true },
		update_person: { kinds: ['person'], ids: ['args.id'] },
		create_product: { kinds: ['product'], ids: ['reply.id'], counts: true },
		update_product: { kinds: ['product'], ids: ['args.id'] },
		create_customer: { kinds: ['customer'], ids: ['reply.id'], counts: true },
		update_customer: { kinds: ['customer'], ids: ['args.id'] },
		move_to_trash: { kinds: ['args.kind'], ids: ['args.id'], counts: true },
		restore_from_trash: { kinds: ['args.kind'], ids: ['args.id'], counts: true },
		empty_trash: { kinds: EVERY_KIND, counts: true },
		load_example: { kinds: EVERY_KIND, counts: true }
	};
	const read = (path, args, reply) => (path.startsWith('args.') ? args : reply)[path.split('.')[1]];
	function announced({ kinds, ids = [], tagged = false, counts = false, settings = false }, args, reply) {
		const tags = tagged ? reply.tags : [];
		return {
			kinds: [...kinds.map((kind) => (kind.startsWith('args.') ? read(kind, args, reply) : kind)), ...(tags.length ? ['theme'] : [])],
			ids: [...ids.map((path) => read(path, args, reply)), ...tags.map((tag) => tag.id)],
			settings,
			counts
		};
	}

	// The Tauri internals the @tauri-apps/api package calls into.
	const callbacks = new Map();
	const listeners = new Map();
	let nextCallback = 1;

	function emit(event, payload) {
		for (const handler of listeners.get(event) ?? []) callbacks.get(handler)?.({ event, id: handler, payload });
	}

	function handle(command, args) {
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
		const planned = failures.get(command);
		if (planned) {
			failures.delete(command);
			throw planned;
		}
		const run = commands[command];
		if (!run) throw `command ${command} not found`;
		const result = run(args ?? {});
		if (command in CHANGES) {
			const payload = announced(CHANGES[command], args ?? {}, result);
			setTimeout(() => emit('changed', payload), 0);
		}
		return result;
	}

	window.__TAURI_INTERNALS__ = {
		invoke(command, args) {
			calls.push({ command, args });
			log.push(`→ ${command}`);
			return new Promise((resolve, reject) => {
				setTimeout(() => {
					log.push(`← ${command}`);
					try {
						resolve(handle(command, args));
					} catch (error) {
						reject(error);
					}
				}, config.slow?.[command] ?? 5);
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
	window.__TAURI_EVENT_PLUGIN_INTERNALS__ = {
		unregisterListener(event, id) {
			callbacks.delete(id);
		}
	};

	// Extensions (fake-voice.js) add kinds and commands before the example loads.
	const exampleHooks = [];
	const kit = { config, db, TABLES, NAMES, commands, CHANGES, exampleHooks, fail, live, find, strip, same, byName, insert, update, newId, now, requiredName };
	for (const extend of window.__outwardFakeExtensions ?? []) extend(kit);

	if (config.scenario === 'example') loadExample();
	window.__fake = { calls, log, db, emit, failNext: (command, report) => failures.set(command, report), voice: kit.voice };
})();
