import { describe, expect, it } from 'vitest';
import { plural, relativeTime } from './format';

describe('format', () => {
	it('counts with the right noun', () => {
		expect(plural(1, 'person', 'people')).toBe('1 person');
		expect(plural(0, 'person', 'people')).toBe('0 people');
		expect(plural(3, 'item', 'items')).toBe('3 items');
	});

	it('says how long ago something happened', () => {
		const now = new Date('2025-03-10T12:00:00Z');
		expect(relativeTime('2025-03-10T11:59:30Z', now)).toBe('just now');
		expect(relativeTime('2025-03-10T11:55:00Z', now)).toMatch(/5 minutes ago/);
		expect(relativeTime('2025-03-07T12:00:00Z', now)).toMatch(/3 days ago/);
		expect(relativeTime('not a date', now)).toBe('not a date');
	});
});
