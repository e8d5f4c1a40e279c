// Reading the errors that cross IPC. Every command rejects with an `ErrorReport`; anything else
// (a Tauri argument error, a refused permission, a bug) is turned into an `internal` report so
// components only ever handle one shape. Such a rejection's text is for developers, not for the
// person using the app: it goes to the console, and the screen says something plain. The page is
// not granted the log plugin (only Rust writes the log file), so the console is where it can go.
import type { ErrorReport } from '$lib/bindings/ErrorReport';
import type { ErrorKind } from '$lib/bindings/ErrorKind';
import { ERROR_KINDS } from '$lib/bindings/vocabulary';

export const GENERIC_MESSAGE = 'Something went wrong. Your data is safe; please try again.';

/** True when `value` has the shape of an `ErrorReport`. */
export function isErrorReport(value: unknown): value is ErrorReport {
	if (typeof value !== 'object' || value === null) return false;
	const record = value as Record<string, unknown>;
	return (
		typeof record.message === 'string' &&
		ERROR_KINDS.includes(record.kind as ErrorKind) &&
		(record.field === undefined || record.field === null || typeof record.field === 'string')
	);
}

/**
 * Any rejection turned into an `ErrorReport`. The app's own reports pass through unchanged;
 * anything else is logged with `context` (where it happened) and shown as a generic internal error.
 */
export function toErrorReport(error: unknown, context = 'unexpected error'): ErrorReport {
	if (isErrorReport(error)) {
		const report: ErrorReport = { kind: error.kind, message: error.message };
		if (typeof error.field === 'string' && error.field !== '') report.field = error.field;
		return report;
	}
	console.error(`Outward: ${context}:`, error);
	return { kind: 'internal', message: GENERIC_MESSAGE };
}

/** The input field an error is about, if any. */
export function errorField(error: unknown): string | undefined {
	return toErrorReport(error).field;
}

/** The message to show for an error. */
export function errorMessage(error: unknown): string {
	return toErrorReport(error).message;
}

/** Where an error belongs in a form: next to one of `fields`, or in the form's banner. */
export type PlacedError<F extends string> = {
	fields: Partial<Record<F, string>>;
	general: string | null;
};

export function placeError<F extends string>(error: unknown, fields: readonly F[]): PlacedError<F> {
	const report = toErrorReport(error);
	const field = report.field as F | undefined;
	if (field !== undefined && fields.includes(field)) {
		const placed: Partial<Record<F, string>> = {};
		placed[field] = report.message;
		return { fields: placed, general: null };
	}
	return { fields: {}, general: report.message };
}
