import { describe, expect, it } from 'vitest';
import { interviewTitle } from './title';

describe('interviewTitle', () => {
	it('is the heading of the notes when they have one', () => {
		expect(interviewTitle({ heading: 'Payments — check-in', kind: 'interview', heldOn: '2026-11-10' })).toBe('Payments — check-in');
	});

	it('is the kind and the date otherwise', () => {
		expect(interviewTitle({ heading: null, kind: 'officeHours', heldOn: '2026-11-10' })).toMatch(/^Office hours, .*2026/);
	});
});
