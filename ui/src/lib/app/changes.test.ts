import { describe, expect, it } from 'vitest';
import type { Changed } from '$lib/bindings/Changed';
import { concerns, isEcho } from './changes';

const change = (over: Partial<Changed>): Changed => ({ kinds: [], ids: [], settings: false, counts: false, ...over });

describe('concerns', () => {
	it('refreshes a read only for the kinds it shows', () => {
		const notes = change({ kinds: ['interview'], ids: ['i-1'] });
		expect(concerns(notes, ['interview', 'customer'])).toBe(true);
		expect(concerns(notes, ['team', 'person']), 'a list of teams does not show interviews').toBe(false);
	});

	it('refreshes a read of one record only for that record, or for what it shows of others', () => {
		const other = change({ kinds: ['interview'], ids: ['i-2'] });
		expect(concerns(other, ['interview', 'theme'], 'i-1'), 'another interview was saved').toBe(false);
		expect(concerns(change({ kinds: ['interview'], ids: ['i-1'] }), ['interview'], 'i-1')).toBe(true);
		expect(concerns(change({ kinds: ['theme'], ids: ['t-1'] }), ['interview', 'theme'], 'i-1'), 'a theme it shows').toBe(true);
		expect(concerns(change({ kinds: ['interview'], ids: [] }), ['interview'], 'i-1'), 'too many to list: any').toBe(true);
	});

	it('refreshes reads of the settings when they change', () => {
		expect(concerns(change({ settings: true }), ['customer', 'settings'])).toBe(true);
		expect(concerns(change({ settings: true }), ['customer'])).toBe(false);
	});

	it('refreshes reads of what exists when a record is created or removed', () => {
		expect(concerns(change({ kinds: ['team'], ids: ['t-1'], counts: true }), ['counts'])).toBe(true);
		expect(concerns(change({ kinds: ['team'], ids: ['t-1'] }), ['counts']), 'a rename').toBe(false);
	});
});

describe('isEcho', () => {
	const echo = { kinds: ['interview'] as const, ids: ['i-1'] };
	it('recognises a write that changed only what the view wrote', () => {
		expect(isEcho(change({ kinds: ['interview'], ids: ['i-1'] }), echo)).toBe(true);
	});
	it('passes on a write that changed more, such as a quote detached from its pain point', () => {
		expect(isEcho(change({ kinds: ['interview', 'painPoint'], ids: ['i-1', 'p-1'] }), echo)).toBe(false);
		expect(isEcho(change({ kinds: ['interview'], ids: ['i-2'] }), echo)).toBe(false);
		expect(isEcho(change({ kinds: ['interview'], ids: ['i-1'], counts: true }), echo)).toBe(false);
	});
});
