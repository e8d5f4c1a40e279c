import { describe, expect, it } from 'vitest';
import { duration, shape } from './format';

describe('exercise times', () => {
	it('reads as people say durations', () => {
		expect(duration(45)).toBe('45 s');
		expect(duration(300)).toBe('5 min');
		expect(duration(3900)).toBe('1 h 5 min');
		expect(duration(14_400)).toBe('4 h');
		expect(duration(90)).toBe('1 min 30 s');
	});

	it('names a count of steps with its total', () => {
		expect(shape(1, 600)).toBe('1 step · 10 min');
		expect(shape(7, 3600)).toBe('7 steps · 1 h');
	});
});
