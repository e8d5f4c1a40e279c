// A list (or any read) that loads when a view mounts and reloads after every `changed` event,
// or when reactive values read by its loader change. Late answers to older requests are dropped.
import type { ErrorReport } from '$lib/bindings/ErrorReport';
import { onChanged, toErrorReport } from '$lib/ipc';

export class Live<T> {
	value = $state<T | undefined>(undefined);
	error = $state<ErrorReport | null>(null);
	loading = $state(true);
	#load: () => Promise<T>;
	#sequence = 0;

	constructor(load: () => Promise<T>) {
		this.#load = load;
	}

	async refresh(): Promise<void> {
		const sequence = ++this.#sequence;
		this.loading = true;
		try {
			const pending = this.#load();
			const value = await pending;
			if (sequence !== this.#sequence) return;
			this.value = value;
			this.error = null;
		} catch (error) {
			if (sequence === this.#sequence) this.error = toErrorReport(error);
		} finally {
			if (sequence === this.#sequence) this.loading = false;
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
