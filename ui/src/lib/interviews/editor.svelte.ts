// The state of one interview being logged or edited: its details, its notes with autosave, and
// the local draft that protects both until the backend has them.
import type { Interview } from '$lib/bindings/Interview';
import type { InterviewInput } from '$lib/bindings/InterviewInput';
import { today } from '$lib/format';
import { FormState, requireFilled, type FieldErrors } from '$lib/forms/form.svelte';
import { writeShown } from '$lib/app/live.svelte';
import { createInterview, saveInterviewNotes, updateInterview } from '$lib/ipc';
import { Autosave } from './autosave.svelte';
import { drafts, NEW_INTERVIEW, type Drafts } from './drafts';

export type Details = Omit<InterviewInput, 'notes'> & { duration: string };

export const DETAIL_FIELDS = [
	'customerId',
	'heldOn',
	'kind',
	'interviewees',
	'interviewerIds',
	'durationMinutes',
	'tags',
	'notes'
] as const;

const blank = (): Details => ({
	customerId: '',
	heldOn: today(),
	kind: 'interview',
	interviewees: '',
	interviewerIds: [],
	durationMinutes: null,
	duration: '',
	tags: []
});

/** The minutes typed, or an error message; blank is "not recorded". */
function parseMinutes(text: string): { ok: true; value: number | null } | { ok: false; message: string } {
	const trimmed = text.trim();
	if (trimmed === '') return { ok: true, value: null };
	if (!/^\d{1,5}$/.test(trimmed)) return { ok: false, message: 'Enter the length in whole minutes, e.g. 45.' };
	return { ok: true, value: Number(trimmed) };
}

export class InterviewEditor {
	id = $state<string | null>(null);
	details = $state<Details>(blank());
	notes = $state('');
	/** The saved notes' first heading: the interview's own title. */
	heading = $state<string | null>(null);
	/** Set when text from a local draft replaced what was loaded, with when it was typed. */
	restoredFrom = $state<string | null>(null);
	readonly form = new FormState(DETAIL_FIELDS);
	readonly autosave: Autosave;
	/** The notes as they were opened (or last saved with the details), for "use the saved version". */
	#loadedNotes = '';
	#drafts: Drafts;

	constructor(id: string | null, store: Drafts = drafts) {
		this.id = id;
		this.#drafts = store;
		// The editor shows the notes it saves: its own autosave refreshes nothing it shows.
		const save = async (id: string, text: string) => {
			this.heading = await writeShown({ kinds: ['interview'], ids: [id] }, () => saveInterviewNotes(id, text));
		};
		this.autosave = new Autosave((text) => save(this.#requireId(), text), {
			onsaved: (text) => {
				if (this.id) this.#drafts.settle(this.id, text);
			}
		});
	}

	/**
	 * Starts a new interview, from the draft of an earlier unsaved one if there is one; else with
	 * `customerId` chosen and `me` (who uses this copy of Outward) among the interviewers.
	 */
	startNew(customerId: string | null = null, me: string | null = null): void {
		const draft = this.#drafts.read(NEW_INTERVIEW);
		if (draft && (draft.notes.trim() !== '' || draft.details?.customerId)) {
			this.details = { ...blank(), ...draft.details, duration: draft.details?.durationMinutes?.toString() ?? '' };
			this.notes = draft.notes;
			this.restoredFrom = draft.savedAt;
		} else {
			this.details = { ...blank(), customerId: customerId ?? '', interviewerIds: me ? [me] : [] };
		}
	}

	/** Shows a loaded interview, restoring notes typed but never saved. */
	load(interview: Interview): void {
		this.id = interview.id;
		this.details = {
			customerId: interview.customerId,
			heldOn: interview.heldOn,
			kind: interview.kind,
			interviewees: interview.interviewees,
			interviewerIds: [...interview.interviewerIds],
			durationMinutes: interview.durationMinutes,
			duration: interview.durationMinutes?.toString() ?? '',
			tags: interview.tags.map((tag) => tag.name)
		};
		this.#loadedNotes = interview.notes;
		this.heading = interview.heading;
		this.autosave.reset(interview.notes);
		const draft = this.#drafts.read(interview.id);
		if (draft && draft.notes !== interview.notes) {
			this.notes = draft.notes;
			this.restoredFrom = draft.savedAt;
			void this.autosave.change(draft.notes);
		} else {
			this.notes = interview.notes;
			this.#drafts.clear(interview.id);
		}
	}

	/** Records typed notes: into the local draft at once, and to the backend after a pause. */
	type(text: string): void {
		this.notes = text;
		if (this.id) {
			this.#drafts.write(this.id, { notes: text });
			this.autosave.change(text);
		} else {
			this.keepNewDraft();
		}
	}

	/** Keeps the whole form of an interview not created yet. */
	keepNewDraft(): void {
		if (this.id) return;
		const { duration, ...details } = this.details;
		if (this.notes.trim() === '' && details.customerId === '' && details.interviewees.trim() === '') return;
		const minutes = parseMinutes(duration);
		this.#drafts.write(NEW_INTERVIEW, {
			notes: this.notes,
			details: { ...details, durationMinutes: minutes.ok ? minutes.value : null }
		});
	}

	/** Goes back to the notes the backend holds, dropping the restored draft. */
	discardDraft(): void {
		if (this.id) {
			this.#drafts.clear(this.id);
			this.notes = this.#loadedNotes;
			this.autosave.change(this.#loadedNotes);
		} else {
			this.#drafts.clear(NEW_INTERVIEW);
			this.details = blank();
			this.notes = '';
		}
		this.restoredFrom = null;
	}

	/** Creates the interview or saves its details (and notes). Resolves to its id, or null. */
	async save(): Promise<string | null> {
		const minutes = parseMinutes(this.details.duration);
		const errors: FieldErrors<(typeof DETAIL_FIELDS)[number]> = requireFilled(this.details, { customerId: 'Choose the customer you spoke with.', heldOn: 'Enter the day of the conversation.' });
		if (!minutes.ok) errors.durationMinutes = minutes.message;
		const { duration: _, ...details } = this.details;
		const notes = this.notes;
		const input: InterviewInput = { ...details, durationMinutes: minutes.ok ? minutes.value : null, notes };
		let saved: Interview | null = null;
		const ok = await this.form.submit(errors, async () => {
			saved = this.id ? await updateInterview(this.id, input) : await createInterview(input);
		});
		if (!ok || saved === null) return null;
		const interview: Interview = saved;
		if (!this.id) this.#drafts.clear(NEW_INTERVIEW);
		this.id = interview.id;
		this.heading = interview.heading;
		this.#loadedNotes = notes;
		this.#drafts.settle(interview.id, notes);
		if (this.notes === notes) this.autosave.reset(notes);
		this.restoredFrom = null;
		return interview.id;
	}

	#requireId(): string {
		if (!this.id) throw { kind: 'internal', message: 'Save the interview before its notes.' };
		return this.id;
	}
}
