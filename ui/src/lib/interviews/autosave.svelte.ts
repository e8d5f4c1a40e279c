// Saves text a pause after the last keystroke (600 ms), one save at a time, and always the latest
// text: typing during a save schedules another. The state drives "Saving…", "Saved" and errors.
import { errorMessage } from '$lib/ipc/errors';

export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

export const AUTOSAVE_DELAY_MS = 600;

export class Autosave {
	state = $state<SaveState>('idle');
	error = $state<string | null>(null);
	#save: (text: string) => Promise<unknown>;
	#onsaved: (text: string) => void;
	#delay: number;
	#timer: ReturnType<typeof setTimeout> | null = null;
	#saved: string;
	#latest: string;
	#running: Promise<void> | null = null;

	constructor(
		save: (text: string) => Promise<unknown>,
		options: { saved?: string; delay?: number; onsaved?: (text: string) => void } = {}
	) {
		this.#save = save;
		this.#onsaved = options.onsaved ?? (() => undefined);
		this.#delay = options.delay ?? AUTOSAVE_DELAY_MS;
		this.#saved = options.saved ?? '';
		this.#latest = this.#saved;
	}

	/** True while typed text is not yet known to be stored. */
	get dirty(): boolean {
		return this.#latest !== this.#saved;
	}

	/** The text the backend holds now, e.g. after loading; nothing is pending afterwards. */
	reset(saved: string): void {
		this.#cancel();
		this.#saved = saved;
		this.#latest = saved;
		this.state = 'idle';
		this.error = null;
	}

	/** Records typed text and saves it after a pause. */
	change(text: string): void {
		this.#latest = text;
		this.#cancel();
		if (!this.dirty && this.#running === null) {
			if (this.state === 'pending') this.state = 'saved';
			return;
		}
		this.state = 'pending';
		this.#timer = setTimeout(() => void this.flush(), this.#delay);
	}

	/** Saves now whatever is unsaved. Resolves to true when the latest text is stored. */
	async flush(): Promise<boolean> {
		this.#cancel();
		while (this.#running) await this.#running;
		if (!this.dirty) return true;
		const text = this.#latest;
		this.state = 'saving';
		this.#running = this.#save(text).then(
			() => {
				this.#saved = text;
				this.error = null;
				this.#onsaved(text);
				this.state = this.dirty ? 'pending' : 'saved';
			},
			(error: unknown) => {
				this.error = errorMessage(error);
				this.state = 'error';
			}
		);
		await this.#running;
		this.#running = null;
		// The save's callbacks changed the state; read it afresh.
		const state = this.#state();
		if (state === 'pending') return this.flush();
		return state === 'saved';
	}

	/** Stops the pending timer, e.g. when the editor closes after a final flush. */
	dispose(): void {
		this.#cancel();
	}

	#state(): SaveState {
		return this.state;
	}

	#cancel(): void {
		if (this.#timer !== null) clearTimeout(this.#timer);
		this.#timer = null;
	}
}
