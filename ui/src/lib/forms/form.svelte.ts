// The state every entity form shares: saving, errors next to fields, and a banner error.
// The backend is the authority on validation; `requireFilled` only saves a round trip.
import { placeError } from '$lib/ipc';

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/** What a `Field` hands its control: spread it onto the input, select or textarea. */
export type ControlAttributes = {
	id: string;
	name: string;
	'aria-invalid': 'true' | undefined;
	'aria-describedby': string | undefined;
	'aria-required': 'true' | undefined;
};

/** Required-field messages for the `required` fields whose values are blank. */
export function requireFilled<F extends string>(
	values: Record<F, unknown>,
	required: Partial<Record<F, string>>
): FieldErrors<F> {
	const errors: FieldErrors<F> = {};
	for (const field of Object.keys(required) as F[]) {
		const value = values[field];
		const blank =
			value === null ||
			value === undefined ||
			(typeof value === 'string' && value.trim() === '');
		if (blank) errors[field] = required[field];
	}
	return errors;
}

export class FormState<F extends string> {
	errors = $state<FieldErrors<F>>({});
	general = $state<string | null>(null);
	saving = $state(false);
	readonly fields: readonly F[];

	constructor(fields: readonly F[]) {
		this.fields = fields;
	}

	reset(): void {
		this.errors = {};
		this.general = null;
		this.saving = false;
	}

	/**
	 * Runs `save` unless `clientErrors` has any; places a rejection next to its field or in the
	 * banner. Resolves to true when saved.
	 */
	async submit(clientErrors: FieldErrors<F>, save: () => Promise<unknown>): Promise<boolean> {
		if (this.saving) return false;
		this.general = null;
		this.errors = clientErrors;
		if (Object.keys(clientErrors).length > 0) return false;
		this.saving = true;
		try {
			await save();
			return true;
		} catch (error) {
			const placed = placeError(error, this.fields);
			this.errors = placed.fields;
			this.general = placed.general;
			return false;
		} finally {
			this.saving = false;
		}
	}
}

/** Focuses the first invalid control inside `container`, so keyboard users land on the problem. */
export function focusFirstInvalid(container: HTMLElement | null): void {
	const invalid = container?.querySelector<HTMLElement>('[aria-invalid="true"]');
	invalid?.focus();
}
