// Unsaved interview text kept in localStorage, so nothing typed is lost to a crash, a closed
// window or a failed save. One draft per interview, and one for the interview not created yet.
// A draft is cleared once the backend holds exactly the text it kept.
import type { InterviewInput } from '$lib/bindings/InterviewInput';

export const NEW_INTERVIEW = 'new';
const PREFIX = 'outward.draft.interview.';

/** What a draft keeps: the notes, and for a new interview the rest of the form too. */
export type Draft = {
	notes: string;
	details?: Omit<InterviewInput, 'notes'>;
	/** When it was written, as an ISO time. */
	savedAt: string;
};

type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export class Drafts {
	#storage: DraftStorage | null;

	constructor(storage: DraftStorage | null) {
		this.#storage = storage;
	}

	/** Keeps `draft` for `key` (an interview id or `NEW_INTERVIEW`). False if storage refused. */
	write(key: string, draft: Omit<Draft, 'savedAt'>, now: Date = new Date()): boolean {
		try {
			this.#storage?.setItem(PREFIX + key, JSON.stringify({ ...draft, savedAt: now.toISOString() }));
			return this.#storage !== null;
		} catch {
			// Full or disabled storage: the autosave to the backend still runs.
			return false;
		}
	}

	/** The draft for `key`, or null if there is none or it cannot be read. */
	read(key: string): Draft | null {
		try {
			const raw = this.#storage?.getItem(PREFIX + key);
			if (!raw) return null;
			const value = JSON.parse(raw) as Partial<Draft>;
			if (typeof value.notes !== 'string' || typeof value.savedAt !== 'string') return null;
			return value as Draft;
		} catch {
			return null;
		}
	}

	clear(key: string): void {
		try {
			this.#storage?.removeItem(PREFIX + key);
		} catch {
			// Nothing to do: a stale draft is offered again, never lost.
		}
	}

	/** Clears the draft for `key` only if it still holds `notes` (nothing newer was typed). */
	settle(key: string, notes: string): void {
		if (this.read(key)?.notes === notes) this.clear(key);
	}
}

function browserStorage(): DraftStorage | null {
	try {
		return typeof window !== 'undefined' ? window.localStorage : null;
	} catch {
		return null;
	}
}

export const drafts = new Drafts(browserStorage());
