import { describe, expect, it } from 'vitest';
import { capitalised, day, plural, relativeTime, today, weight } from './format';

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

	it('shows a stored day as that day, whatever the time zone', () => {
		expect(day('2026-01-01')).toMatch(/2026/);
		expect(day('2026-01-01')).not.toMatch(/2025/);
		expect(day('not a day')).toBe('not a day');
	});

	it('gives today as a local calendar day', () => {
		expect(today(new Date(2026, 10, 1, 23, 59))).toBe('2026-11-01');
	});

	it('shows weights with one decimal', () => {
		expect(weight(12.345)).toMatch(/^12[.,]3$/);
		expect(weight(3)).toMatch(/^3[.,]0$/);
	});

	it('starts a mid-sentence label with a capital, leaving the rest as it is', () => {
		expect(capitalised('pain point')).toBe('Pain point');
		expect(capitalised('')).toBe('');
	});
});
