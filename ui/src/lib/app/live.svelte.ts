// A list (or any read) that loads when a view mounts and reloads when a `changed` event touches
// what it shows (see `changes.ts`), or when reactive values read by its loader change. Late
// answers to older requests are dropped; changes that come while a read is under way make one
// more read once it answers.
// Start-up waits for every read's first answer (`firstAnswers`) before it reports the first
// screen painted: a screen counts as painted only with its data.
import { tick } from 'svelte';
import type { Changed } from '$lib/bindings/Changed';
import type { ErrorReport } from '$lib/bindings/ErrorReport';
import { onChanged, toErrorReport } from '$lib/ipc';
import { concerns, isEcho, type Echo, type Shown } from './changes';

/** Reads that have started and not yet had an answer (or an error) to show. */
let unanswered = 0;
let whenAllAnswered: (() => void)[] = [];

function answered(): void {
	unanswered--;
	if (unanswered > 0) return;
	const waiting = whenAllAnswered;
	whenAllAnswered = [];
	for (const resume of waiting) resume();
}

/**
 * Resolves once every read on screen has had its first answer, including reads started by
 * what those answers render (a card that loads its own list).
 */
export async function firstAnswers(): Promise<void> {
	await tick();
	while (unanswered > 0) {
		await new Promise<void>((resume) => whenAllAnswered.push(resume));
		await tick();
	}
}

export class Live<T> {
	value = $state<T | undefined>(undefined);
	error = $state<ErrorReport | null>(null);
	loading = $state(true);
	#load: () => Promise<T>;
	#sequence = 0;
	/** Whether a read is under way, and whether a change came while it was. */
	#reading = false;
	#again = false;
	/** Whether this read counts among the unanswered: from its first request to its first answer. */
	#awaited: 'not yet' | 'waiting' | 'answered' = 'not yet';

	constructor(load: () => Promise<T>) {
		this.#load = load;
	}

	/**
	 * A change touched what this read shows: read again now, or, while a read is under way, once
	 * it has answered, so a burst of changes (a room writing 30 cards a second) costs one read
	 * after another rather than one per change.
	 */
	changed(): void {
		if (this.#reading) this.#again = true;
		else void this.refresh();
	}

	async refresh(): Promise<void> {
		const sequence = ++this.#sequence;
		this.loading = true;
		this.#reading = true;
		this.#again = false;
		if (this.#awaited === 'not yet') {
			this.#awaited = 'waiting';
			unanswered++;
		}
		try {
			const pending = this.#load();
			const value = await pending;
			if (sequence !== this.#sequence) return;
			this.value = value;
			this.error = null;
		} catch (error) {
			if (sequence === this.#sequence) this.error = toErrorReport(error);
		} finally {
			if (sequence === this.#sequence) {
				this.loading = false;
				this.#reading = false;
				if (this.#awaited === 'waiting') {
					this.#awaited = 'answered';
					answered();
				}
				if (this.#again) void this.refresh();
			}
		}
	}
}

/** The reads on screen, each with what it shows; one subscription serves them all. */
const readers = new Set<{ refresh: () => void; shows: readonly Shown[]; own: () => string | null }>();
let stopListening: (() => void) | null = null;
/** Changes views expect from their own writes, not yet seen. */
const echoes = new Set<Echo>();

function dispatch(change: Changed): void {
	for (const echo of echoes) {
		if (!isEcho(change, echo)) continue;
		echoes.delete(echo);
		return;
	}
	for (const reader of readers) if (concerns(change, reader.shows, reader.own())) reader.refresh();
}

/**
 * Runs `write`, whose change the calling view already shows (the notes it autosaves): when the
 * core announces no more than `echo`, no read refreshes for it. A change that goes further (a
 * quote detached from its pain point) refreshes the reads it concerns as usual.
 */
export async function writeShown<T>(echo: Echo, write: () => Promise<T>): Promise<T> {
	echoes.add(echo);
	try {
		return await write();
	} finally {
		// The event comes before or soon after the reply; one that never comes expires.
		setTimeout(() => echoes.delete(echo), 1000);
	}
}

/**
 * A `Live` read bound to the calling component's lifetime. Call during component setup.
 * `shows` names what the read shows; it refreshes only on changes to those. With `own`, the read
 * shows the one record of the first kind in `shows` whose id `own` returns.
 */
export function live<T>(load: () => Promise<T>, shows: readonly Shown[], own: () => string | null = () => null): Live<T> {
	const reader = new Live(load);
	// Before the component's markup is built, not after: the read's round trip to the core then
	// overlaps the building, and the first screen has its data sooner.
	$effect.pre(() => {
		// Tracks whatever reactive values the loader reads synchronously (filters, ids).
		void reader.refresh();
	});
	$effect(() => {
		const entry = { refresh: () => reader.changed(), shows, own };
		readers.add(entry);
		stopListening ??= onChanged(dispatch);
		return () => {
			readers.delete(entry);
			if (readers.size === 0) {
				stopListening?.();
				stopListening = null;
			}
		};
	});
	return reader;
}
