import { describe, expect, it, vi } from 'vitest';
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

	it('shows a generic internal report for anything that is not a report, and logs the detail', () => {
		const log = vi.spyOn(console, 'error').mockImplementation(() => {});
		const thrown = new TypeError('x is undefined');
		for (const detail of ['invalid args `input` for command', thrown, { status: 500 }]) {
			expect(toErrorReport(detail)).toEqual({ kind: 'internal', message: GENERIC_MESSAGE });
		}
		expect(log.mock.calls.map((call) => call.at(-1))).toEqual([
			'invalid args `input` for command',
			thrown,
			{ status: 500 }
		]);
		log.mockRestore();
	});

	it('never returns an empty message', () => {
		const log = vi.spyOn(console, 'error').mockImplementation(() => {});
		expect(toErrorReport(undefined).message).toBe(GENERIC_MESSAGE);
		expect(toErrorReport({ kind: 'bogus', message: 'x' }).kind).toBe('internal');
		expect(log, 'a report of an unknown kind is not the app’s own: logged').toHaveBeenCalledTimes(2);
		log.mockRestore();
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
