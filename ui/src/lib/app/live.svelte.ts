// A list (or any read) that loads when a view mounts and reloads after every `changed` event,
// or when reactive values read by its loader change. Late answers to older requests are dropped.
// Start-up waits for every read's first answer (`firstAnswers`) before it reports the first
// screen painted: a screen counts as painted only with its data.
import { tick } from 'svelte';
import type { ErrorReport } from '$lib/bindings/ErrorReport';
import { onChanged, toErrorReport } from '$lib/ipc';

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
	/** Whether this read counts among the unanswered: from its first request to its first answer. */
	#awaited: 'not yet' | 'waiting' | 'answered' = 'not yet';

	constructor(load: () => Promise<T>) {
		this.#load = load;
	}

	async refresh(): Promise<void> {
		const sequence = ++this.#sequence;
		this.loading = true;
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
				if (this.#awaited === 'waiting') {
					this.#awaited = 'answered';
					answered();
				}
			}
		}
	}
}

/** A `Live` read bound to the calling component's lifetime. Call during component setup. */
export function live<T>(load: () => Promise<T>): Live<T> {
	const reader = new Live(load);
	$effect(() => {
		// Tracks whatever reactive values the loader reads synchronously (filters, ids).
		void reader.refresh();
	});
	$effect(() => onChanged(() => void reader.refresh()));
	return reader;
}
