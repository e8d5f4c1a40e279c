import { describe, expect, it } from 'vitest';
import { GENERIC_MESSAGE, isErrorReport, placeError, toErrorReport } from './errors';

describe('toErrorReport', () => {
	it('keeps a backend report as it is', () => {
		const report = { kind: 'validation', message: 'Name is required.', field: 'name' };
		expect(toErrorReport(report)).toEqual(report);
	});

	it('drops an empty or null field rather than inventing one', () => {
		expect(toErrorReport({ kind: 'conflict', message: 'Taken.', field: null })).toEqual({
			kind: 'conflict',
			message: 'Taken.'
		});
	});

	it('turns a plain string rejection (a Tauri argument error) into an internal report', () => {
		expect(toErrorReport('invalid args `input` for command')).toEqual({
			kind: 'internal',
			message: 'invalid args `input` for command'
		});
	});

	it('never returns an empty message', () => {
		expect(toErrorReport(undefined).message).toBe(GENERIC_MESSAGE);
		expect(toErrorReport({ kind: 'bogus', message: 'x' }).kind).toBe('internal');
	});

	it('recognises only the four kinds the UI acts on', () => {
		expect(isErrorReport({ kind: 'notFound', message: 'gone' })).toBe(true);
		expect(isErrorReport({ kind: 'oops', message: 'gone' })).toBe(false);
		expect(isErrorReport({ kind: 'internal' })).toBe(false);
	});
});

describe('placeError', () => {
	const fields = ['name', 'teamId'] as const;

	it('puts an error about a field of this form next to that field', () => {
		const placed = placeError({ kind: 'conflict', message: 'A team named X exists.', field: 'name' }, fields);
		expect(placed).toEqual({ fields: { name: 'A team named X exists.' }, general: null });
	});

	it('puts an error about a field this form does not show in the banner', () => {
		const placed = placeError({ kind: 'validation', message: 'Bad size.', field: 'size' }, fields);
		expect(placed).toEqual({ fields: {}, general: 'Bad size.' });
	});

	it('puts an error without a field in the banner', () => {
		expect(placeError({ kind: 'internal', message: 'Disk full.' }, fields).general).toBe('Disk full.');
	});
});
