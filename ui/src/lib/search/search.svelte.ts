// Search as a person types: waits for a pause (150 ms), needs two characters, and drops answers
// to older queries. A refused query (punctuation only) leaves its message in `error`.
import type { SearchHit } from '$lib/bindings/SearchHit';
import { errorMessage, search } from '$lib/ipc';

export const SEARCH_DELAY_MS = 150;
export const SEARCH_MIN_CHARS = 2;

export class LiveSearch {
	hits = $state<SearchHit[]>([]);
	error = $state<string | null>(null);
	pending = $state(false);
	/** The query the current hits answer. */
	answered = $state('');
	#timer: ReturnType<typeof setTimeout> | null = null;
	#sequence = 0;

	/** True when `query` is long enough to search for. */
	static searchable(query: string): boolean {
		return Array.from(query.trim()).length >= SEARCH_MIN_CHARS;
	}

	set(query: string): void {
		this.dispose();
		const text = query.trim();
		const sequence = ++this.#sequence;
		if (!LiveSearch.searchable(text)) {
			this.hits = [];
			this.error = null;
			this.pending = false;
			this.answered = '';
			return;
		}
		this.pending = true;
		this.#timer = setTimeout(() => void this.#run(text, sequence), SEARCH_DELAY_MS);
	}

	dispose(): void {
		if (this.#timer !== null) clearTimeout(this.#timer);
		this.#timer = null;
	}

	async #run(text: string, sequence: number): Promise<void> {
		try {
			const hits = await search(text);
			if (sequence !== this.#sequence) return;
			this.hits = hits;
			this.error = null;
		} catch (error) {
			if (sequence !== this.#sequence) return;
			this.hits = [];
			this.error = errorMessage(error);
		}
		this.answered = text;
		this.pending = false;
	}
}
