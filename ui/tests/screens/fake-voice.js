// @ts-nocheck -- a plain script injected into the page before fake-backend.js.
// The fake backend's interviews, highlights, pain points, themes, coverage, search and import
// (IPC contract, issue 3), in memory. Validation errors carry `field` as the real ones do.
// Tests steer the folder picker with `window.__fake.voice.folder` (an ImportPreview, null for
// Cancel, or an ErrorReport to reject with).
(window.__outwardFakeExtensions ??= []).push((kit) => {
	const { db, TABLES, NAMES, commands, CHANGES, exampleHooks, fail, live, find, strip, same, insert, update, requiredName } = kit;
	Object.assign(db, { interviews: [], highlights: [], painPoints: [], themes: [] });
	Object.assign(TABLES, { interview: 'interviews', painPoint: 'painPoints', theme: 'themes' });
	Object.assign(NAMES, {
		interview: (r) => `${find('customers', r.customerId)?.name ?? 'Unknown'}, ${r.heldOn}`,
		painPoint: (r) => r.title,
		theme: (r) => r.name
	});
	const KINDS = ['interview', 'shadowing', 'supportConversation', 'officeHours'];
	const STATUSES = ['new', 'accepted', 'planned', 'addressed', 'wontFix'];
	const FREQUENCIES = ['rarely', 'monthly', 'weekly', 'daily'];
	const voice = { unheardAfterWeeks: 12, folder: null };
	// Where the core would say a query's first match is in an interview's notes: canned by
	// interview id and query, never worked out here (the rule is the core's, tested in Rust).
	const notesMatches = new Map();

	const DAY = 86400000;
	const today = () => new Date().toISOString().slice(0, 10);
	const daysAgo = (n) => new Date(Date.now() - n * DAY).toISOString().slice(0, 10);
	const daysSince = (day) => Math.floor((Date.parse(today()) - Date.parse(day)) / DAY);
	const quarterStart = () => {
		const d = new Date(today());
		return `${d.getUTCFullYear()}-${String(Math.floor(d.getUTCMonth() / 3) * 3 + 1).padStart(2, '0')}-01`;
	};
	const liveRow = (table, id) => {
		const row = find(table, id);
		return row && row.deletedAt === null && !row.mergedInto ? row : null;
	};
	const mustFind = (table, id, what) => liveRow(table, id) ?? fail('notFound', `no ${what} with id ${id}`);
	const themes = () => live('themes').filter((t) => !t.mergedInto);
	const tagsOf = (ids) => ids.map((id) => find('themes', id)).filter((t) => t && t.deletedAt === null && !t.mergedInto).map((t) => ({ id: t.id, name: t.name })).sort((a, b) => a.name.localeCompare(b.name));
	function themeIds(names) {
		return [...new Set(names.map((name) => {
			const text = requiredName('tags', 'Tag', name);
			return (themes().find((t) => same(t.name, text)) ?? insert('themes', { name: text, mergedInto: null })).id;
		}))];
	}

	// ---------- interviews ----------
	function interviewInput(input) {
		if (!liveRow('customers', input.customerId)) fail('validation', 'Choose a customer that exists and is not in the Trash.', 'customerId');
		if (!/^\d{4}-\d{2}-\d{2}$/.test(input.heldOn ?? '')) fail('validation', `“${input.heldOn ?? ''}” is not a date in the form 2026-03-14.`, 'heldOn');
		if (!KINDS.includes(input.kind)) fail('validation', 'Unknown kind of conversation.', 'kind');
		if (input.durationMinutes !== null && input.durationMinutes > 1440)
			fail('validation', `A conversation of ${input.durationMinutes} minutes is longer than a day; check the number.`, 'durationMinutes');
		for (const id of input.interviewerIds ?? []) if (!liveRow('people', id)) fail('validation', 'A chosen interviewer is not available.', 'interviewerIds');
		return {
			customerId: input.customerId, heldOn: input.heldOn, kind: input.kind,
			interviewees: String(input.interviewees ?? '').trim(), interviewerIds: [...new Set(input.interviewerIds ?? [])],
			durationMinutes: input.durationMinutes ?? null, notes: String(input.notes ?? ''), tagIds: themeIds(input.tags ?? [])
		};
	}
	const highlightsOf = (id) => db.highlights.filter((h) => h.interviewId === id).sort((a, b) => a.start - b.start);
	const interviewView = (row) => {
		const { tagIds, ...rest } = strip(row);
		return { ...rest, tags: tagsOf(tagIds), highlights: highlightsOf(row.id) };
	};
	function reanchor(interview) {
		for (const h of highlightsOf(interview.id)) {
			if (interview.notes.slice(h.start, h.end) === h.quote) { h.detached = false; continue; }
			const at = interview.notes.indexOf(h.quote);
			if (at >= 0) Object.assign(h, { start: at, end: at + h.quote.length, detached: false });
			else h.detached = true;
		}
	}
	function listInterviews({ filter, page }) {
		const f = filter ?? {};
		const rows = live('interviews')
			.filter((i) => liveRow('customers', i.customerId))
			.filter((i) => !f.customerId || i.customerId === f.customerId)
			.filter((i) => !f.productId || find('customers', i.customerId).productIds.includes(f.productId))
			.filter((i) => !f.kind || i.kind === f.kind)
			.filter((i) => !f.interviewerId || i.interviewerIds.includes(f.interviewerId))
			.filter((i) => !f.themeId || i.tagIds.includes(f.themeId))
			.filter((i) => (!f.from || i.heldOn >= f.from) && (!f.to || i.heldOn <= f.to))
			.sort((a, b) => b.heldOn.localeCompare(a.heldOn) || b.createdAt.localeCompare(a.createdAt));
		return paged(rows, page, (i) => ({
			id: i.id, customerId: i.customerId, customerName: find('customers', i.customerId).name, heldOn: i.heldOn,
			kind: i.kind, interviewees: i.interviewees, excerpt: i.notes.replace(/[#*_>`-]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 240),
			highlightCount: highlightsOf(i.id).length, tags: tagsOf(i.tagIds)
		}));
	}
	function paged(rows, page, view) {
		const offset = page?.offset ?? 0;
		const limit = Math.min(Math.max(page?.limit ?? 50, 1), 200);
		return { items: rows.slice(offset, offset + limit).map(view), total: rows.length, offset, limit };
	}

	// ---------- highlights and pain points ----------
	function markEvidence({ interviewId, start, end, painPointId }) {
		const interview = mustFind('interviews', interviewId, 'interview');
		mustFind('painPoints', painPointId, 'pain point');
		if (!(start >= 0 && end > start && end <= interview.notes.length))
			fail('validation', `The selection ${start}–${end} is not a passage of the notes, which are ${interview.notes.length} characters long.`, 'start');
		const quote = interview.notes.slice(start, end);
		if (quote.trim() === '') fail('validation', 'Select some words to mark as evidence.', 'start');
		const highlight = { id: kit.newId(), interviewId, painPointId, start, end, quote, detached: false, createdAt: kit.now() };
		db.highlights.push(highlight);
		return highlight;
	}
	function painPointInput(input) {
		const title = requiredName('title', 'Title', input.title);
		if (!(input.severity >= 1 && input.severity <= 4)) fail('validation', `Severity ${input.severity} is outside 1 (annoying) to 4 (critical).`, 'severity');
		if (!FREQUENCIES.includes(input.frequency)) fail('validation', 'Unknown frequency.', 'frequency');
		for (const id of input.productIds ?? []) if (!liveRow('products', id)) fail('validation', 'A chosen product is not available.', 'productIds');
		for (const id of input.customerIds ?? []) if (!liveRow('customers', id)) fail('validation', 'A chosen customer is not available.', 'customerIds');
		return {
			title, description: String(input.description ?? '').trim(), severity: input.severity, frequency: input.frequency,
			productIds: [...new Set(input.productIds ?? [])], customerIds: [...new Set(input.customerIds ?? [])], tagIds: themeIds(input.tags ?? [])
		};
	}
	const newPainPoint = (input) => insert('painPoints', { ...painPointInput(input), status: 'new', mergedInto: null, history: [{ from: null, to: 'new', changedAt: kit.now(), changedBy: null }] });
	function evidenceOf(id) {
		return db.highlights.filter((h) => h.painPointId === id).map((h) => ({ h, i: liveRow('interviews', h.interviewId) })).filter(({ i }) => i)
			.map(({ h, i }) => ({ highlightId: h.id, interviewId: i.id, customerId: i.customerId, customerName: find('customers', i.customerId).name, heldOn: i.heldOn, quote: h.quote, start: h.start, end: h.end, detached: h.detached }))
			.sort((a, b) => b.heldOn.localeCompare(a.heldOn));
	}
	function weigh(p) {
		const evidence = evidenceOf(p.id);
		const reach = new Set([...p.customerIds, ...evidence.map((e) => e.customerId)]).size;
		const fresh = (day) => 0.5 ** (Math.max(0, daysSince(day)) / 90);
		return { reach, evidence, weight: p.severity * Math.max(1, reach) * (fresh(p.createdAt.slice(0, 10)) + evidence.reduce((sum, e) => sum + fresh(e.heldOn), 0)) };
	}
	function painPointView(p) {
		const { tagIds, mergedInto, ...rest } = strip(p);
		const merged = db.painPoints.filter((m) => m.mergedInto === p.id).map((m) => ({ id: m.id, name: m.title }));
		const { reach, evidence, weight } = weigh(p);
		return { ...rest, tags: tagsOf(tagIds), reach, weight, evidence: paged(evidence, null, (e) => e), history: p.history, merged };
	}
	function listPainPoints({ filter, page }) {
		const f = filter ?? {};
		const rows = live('painPoints').filter((p) => !p.mergedInto)
			.filter((p) => (!f.status || p.status === f.status) && (!f.severity || p.severity === f.severity))
			.filter((p) => !f.productId || p.productIds.includes(f.productId))
			.filter((p) => !f.themeId || p.tagIds.includes(f.themeId))
			.filter((p) => !f.customerId || p.customerIds.includes(f.customerId) || evidenceOf(p.id).some((e) => e.customerId === f.customerId))
			.map((p) => ({ p, w: weigh(p) }))
			.sort((a, b) => b.w.weight - a.w.weight);
		return paged(rows, page, ({ p, w }) => ({ id: p.id, title: p.title, severity: p.severity, frequency: p.frequency, status: p.status, weight: w.weight, evidenceCount: w.evidence.length, tags: tagsOf(p.tagIds) }));
	}
	function setStatus({ id, status, changedBy }) {
		const p = mustFind('painPoints', id, 'pain point');
		if (!STATUSES.includes(status)) fail('validation', 'Unknown status.', 'status');
		if (changedBy && !liveRow('people', changedBy)) fail('validation', 'Choose a person who is on a team.', 'changedBy');
		if (p.status !== status) p.history.push({ from: p.status, to: status, changedAt: kit.now(), changedBy: changedBy ?? null });
		return painPointView(update('painPoints', id, { status }));
	}
	function mergePainPoints({ sourceId, targetId }) {
		if (sourceId === targetId) fail('validation', 'A pain point cannot be merged into itself.', 'targetId');
		const source = mustFind('painPoints', sourceId, 'pain point');
		const target = mustFind('painPoints', targetId, 'pain point');
		for (const h of db.highlights) if (h.painPointId === sourceId) h.painPointId = targetId;
		for (const key of ['productIds', 'customerIds', 'tagIds']) target[key] = [...new Set([...target[key], ...source[key]])];
		source.mergedInto = targetId;
		return painPointView(target);
	}

	// ---------- themes, coverage, search, import ----------
	function themeName(name, selfId) {
		const text = requiredName('name', 'Theme name', name);
		if (themes().some((t) => t.id !== selfId && same(t.name, text))) fail('conflict', `There is already a theme named “${text}”.`, 'name');
		return text;
	}
	function mergeThemes({ sourceId, targetId }) {
		if (sourceId === targetId) fail('validation', 'A theme cannot be merged into itself.', 'targetId');
		const source = mustFind('themes', sourceId, 'theme');
		const target = mustFind('themes', targetId, 'theme');
		for (const row of [...db.interviews, ...db.painPoints]) if (row.tagIds.includes(sourceId)) row.tagIds = [...new Set(row.tagIds.map((id) => (id === sourceId ? targetId : id)))];
		source.mergedInto = targetId;
		return { id: target.id, name: target.name };
	}
	function coverage() {
		const start = quarterStart();
		const interviews = live('interviews');
		const customers = live('customers').map((c) => {
			const mine = interviews.filter((i) => i.customerId === c.id);
			const last = mine.map((i) => i.heldOn).sort().at(-1) ?? null;
			const weeksSince = last === null ? null : Math.floor(daysSince(last) / 7);
			const open = live('painPoints').filter((p) => !p.mergedInto && ['new', 'accepted', 'planned'].includes(p.status) && (p.customerIds.includes(c.id) || evidenceOf(p.id).some((e) => e.customerId === c.id)));
			return { customerId: c.id, name: c.name, department: c.department, lastHeardOn: last, weeksSince, conversationsThisQuarter: mine.filter((i) => i.heldOn >= start).length, openPainPoints: open.length, productIds: c.productIds, unheard: weeksSince === null || weeksSince >= voice.unheardAfterWeeks };
		}).sort((a, b) => (a.lastHeardOn ?? '').localeCompare(b.lastHeardOn ?? '') || a.name.localeCompare(b.name));
		const people = live('people').map((p) => ({ personId: p.id, name: p.name, level: p.level, conversationsThisQuarter: interviews.filter((i) => i.heldOn >= start && i.interviewerIds.includes(p.id)).length }))
			.sort((a, b) => b.conversationsThisQuarter - a.conversationsThisQuarter || a.name.localeCompare(b.name));
		const d = new Date(start);
		return { quarter: `${d.getUTCFullYear()} Q${Math.floor(d.getUTCMonth() / 3) + 1}`, quarterStart: start, unheardAfterWeeks: voice.unheardAfterWeeks, customers, people };
	}
	function snippet(text, words) {
		const lower = text.toLowerCase();
		const first = Math.min(...words.map((w) => lower.indexOf(w)).filter((i) => i >= 0));
		const from = Math.max(0, first - 60);
		const piece = text.slice(from, from + 160);
		const marked = piece.replace(new RegExp(`(${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'gi'), '\uE000$1\uE001');
		return (from > 0 ? '…' : '') + marked + (from + 160 < text.length ? '…' : '');
	}
	function search({ query }) {
		const words = String(query ?? '').toLowerCase().split(/\s+/).map((w) => w.replace(/[^\p{L}\p{N}]+/gu, '')).filter(Boolean);
		if (words.length === 0) fail('validation', 'Type a word to search for: punctuation alone matches nothing.', 'query');
		const hits = [];
		const matches = (text) => words.every((w) => text.toLowerCase().includes(w));
		for (const i of live('interviews')) if (matches(i.notes)) hits.push({ kind: 'interview', id: i.id, title: find('customers', i.customerId).name, snippet: snippet(i.notes, words), heldOn: i.heldOn, rank: -2, notesMatch: notesMatches.get(i.id)?.[words.join(' ')] ?? null });
		for (const p of live('painPoints').filter((p) => !p.mergedInto)) if (matches(`${p.title} ${p.description}`)) hits.push({ kind: 'painPoint', id: p.id, title: p.title, snippet: snippet(`${p.title} ${p.description}`, words), heldOn: null, rank: -3, notesMatch: null });
		for (const t of themes()) if (matches(t.name)) hits.push({ kind: 'theme', id: t.id, title: t.name, snippet: snippet(t.name, words), heldOn: null, rank: -1, notesMatch: null });
		return hits.sort((a, b) => a.rank - b.rank);
	}
	function chooseFolder() {
		const answer = voice.folder;
		if (answer && answer.kind) throw answer;
		return answer;
	}
	function importInterviews({ handle }) {
		const preview = voice.folder;
		if (!preview || preview.handle !== handle) fail('conflict', 'This preview is no longer waiting to be imported. Choose the folder again.');
		voice.folder = null;
		for (const name of preview.newCustomers) insert('customers', { name, department: '', size: null, contacts: '', productIds: [] });
		for (const file of preview.files) {
			const customer = live('customers').find((c) => same(c.name, file.customer));
			insert('interviews', interviewInput({ customerId: customer.id, heldOn: file.heldOn, kind: file.kind, interviewerIds: [], durationMinutes: null }));
		}
		return preview.fileCount;
	}

	Object.assign(commands, {
		list_interviews: listInterviews,
		get_interview: ({ id }) => interviewView(mustFind('interviews', id, 'interview')),
		create_interview: ({ input }) => interviewView(insert('interviews', interviewInput(input))),
		update_interview: ({ id, input }) => {
			const row = update('interviews', id, interviewInput(input));
			reanchor(row);
			return interviewView(row);
		},
		save_interview_notes: ({ id, notes }) => {
			reanchor(update('interviews', id, { notes: String(notes) }));
			return null;
		},
		mark_evidence: markEvidence,
		mark_evidence_as_new_pain_point: ({ interviewId, start, end, input }) => {
			mustFind('interviews', interviewId, 'interview');
			const p = newPainPoint(input);
			try {
				return markEvidence({ interviewId, start, end, painPointId: p.id });
			} catch (error) {
				db.painPoints.splice(db.painPoints.indexOf(p), 1); // one transaction: all or nothing
				throw error;
			}
		},
		remove_highlight: ({ id }) => {
			const at = db.highlights.findIndex((h) => h.id === id);
			if (at < 0) fail('notFound', `no highlight with id ${id}`);
			db.highlights.splice(at, 1);
			return null;
		},
		list_pain_points: listPainPoints,
		get_pain_point: ({ id }) => painPointView(mustFind('painPoints', id, 'pain point')),
		list_evidence: ({ id, page }) => paged(evidenceOf(id), page, (e) => e),
		create_pain_point: ({ input }) => painPointView(newPainPoint(input)),
		update_pain_point: ({ id, input }) => painPointView(update('painPoints', id, painPointInput(input))),
		set_pain_point_status: setStatus,
		merge_pain_points: mergePainPoints,
		list_themes: () => themes().map((t) => ({ id: t.id, name: t.name, interviews: live('interviews').filter((i) => i.tagIds.includes(t.id)).length, painPoints: live('painPoints').filter((p) => !p.mergedInto && p.tagIds.includes(t.id)).length })).sort((a, b) => a.name.localeCompare(b.name)),
		create_theme: ({ name }) => {
			const row = insert('themes', { name: themeName(name), mergedInto: null });
			return { id: row.id, name: row.name };
		},
		rename_theme: ({ id, name }) => {
			const row = update('themes', id, { name: themeName(name, id) });
			return { id: row.id, name: row.name };
		},
		merge_themes: mergeThemes,
		customer_coverage: coverage,
		set_unheard_after_weeks: ({ weeks }) => {
			if (!(Number.isInteger(weeks) && weeks >= 1 && weeks <= 104)) fail('validation', `${weeks} weeks is outside 1 to 104.`, 'unheardAfterWeeks');
			voice.unheardAfterWeeks = weeks;
			return coverage();
		},
		search,
		choose_interview_folder: chooseFolder,
		import_interviews: importInterviews
	});
	// What the core announces for these commands (see CHANGES in fake-backend.js).
	Object.assign(CHANGES, {
		create_interview: { kinds: ['interview'], ids: ['reply.id'], tagged: true, counts: true },
		update_interview: { kinds: ['interview'], ids: ['reply.id'], tagged: true },
		save_interview_notes: { kinds: ['interview'], ids: ['args.id'] },
		mark_evidence: { kinds: ['interview', 'painPoint'], ids: ['args.interviewId', 'args.painPointId'] },
		mark_evidence_as_new_pain_point: { kinds: ['interview', 'painPoint'], ids: ['args.interviewId', 'reply.painPointId'], counts: true },
		remove_highlight: { kinds: ['interview', 'painPoint'] },
		create_pain_point: { kinds: ['painPoint'], ids: ['reply.id'], tagged: true, counts: true },
		update_pain_point: { kinds: ['painPoint'], ids: ['reply.id'], tagged: true },
		set_pain_point_status: { kinds: ['painPoint'], ids: ['args.id'] },
		merge_pain_points: { kinds: ['painPoint'], ids: ['args.sourceId', 'args.targetId'], counts: true },
		create_theme: { kinds: ['theme'], ids: ['reply.id'], counts: true },
		rename_theme: { kinds: ['theme'], ids: ['args.id'] },
		merge_themes: { kinds: ['interview', 'painPoint', 'theme'], counts: true },
		set_unheard_after_weeks: { kinds: [], settings: true },
		import_interviews: { kinds: ['customer', 'interview', 'theme'], counts: true }
	});

	exampleHooks.push(() => {
		const customer = (name) => live('customers').find((c) => c.name === name).id;
		const person = (name) => live('people').find((p) => p.name === name).id;
		const product = (name) => live('products').find((p) => p.name === name).id;
		const interview = (name, days, kind, interviewees, interviewers, tags, notes) =>
			insert('interviews', interviewInput({ customerId: customer(name), heldOn: daysAgo(days), kind, interviewees, interviewerIds: interviewers.map(person), durationMinutes: 45, tags, notes }));
		const payments = interview('Payments', 9, 'interview', 'Sofia Costa (EM), Ravi Shah', ['Jonas Weber', 'Priya Raman'], ['ci', 'databases'],
			'## Context\nSofia’s team ships payment services twice a week.\n\n## What we heard\n- Builds take 25 minutes when the cache is cold. We stop and wait for the build before every release.\n- A new Postgres database means a ticket and about two weeks of waiting.\n- Rollbacks work well; they trust the deploy service.\n');
		notesMatches.set(payments.id, { postgres: { start: 189, end: 197 } });
		const support = interview('Payments', 40, 'supportConversation', 'Ravi Shah', ['Leo Martins'], ['ci'],
			'Ravi asked why the pipeline was red all morning. The end-to-end tests are flaky and block merges at least once a day.\n');
		const mobile = interview('Mobile App', 150, 'shadowing', 'Tom Becker (tech lead)', ['Grace Liu'], ['ci'],
			'Watched Tom release the app. Builds are slow on Mondays when the cache is cold.\n');
		const pain = (title, severity, frequency, status, products, tags, description = '') =>
			newPainPoint({ title, description, severity, frequency, productIds: products.map(product), customerIds: [], tags });
		const slow = pain('Slow CI builds when the cache is cold', 3, 'weekly', 'new', ['CI pipelines'], ['ci'], 'Cold caches make every build take 25 minutes or more.');
		const db2 = pain('Waiting two weeks for a new database', 3, 'monthly', 'new', ['Managed Postgres'], ['databases', 'onboarding']);
		const flaky = pain('Flaky end-to-end tests block merges', 2, 'daily', 'new', ['CI pipelines'], ['ci']);
		pain('Unclear Kubernetes quota errors', 1, 'weekly', 'new', ['Kubernetes clusters'], []);
		setStatus({ id: slow.id, status: 'accepted', changedBy: person('Amara Okafor') });
		const mark = (iv, quote, p) => markEvidence({ interviewId: iv.id, start: iv.notes.indexOf(quote), end: iv.notes.indexOf(quote) + quote.length, painPointId: p.id });
		mark(payments, 'We stop and wait for the build before every release.', slow);
		mark(payments, 'A new Postgres database means a ticket and about two weeks of waiting.', db2);
		mark(support, 'The end-to-end tests are flaky and block merges at least once a day.', flaky);
		mark(mobile, 'Builds are slow on Mondays when the cache is cold.', slow);
	});
	kit.voice = voice;
});
