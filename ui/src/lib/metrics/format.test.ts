import { describe, expect, it } from 'vitest';
import type { Metric } from '$lib/bindings/Metric';
import type { MetricValue } from '$lib/bindings/MetricValue';
import { shownChange, shownInterval, shownValue } from './format';

const metric = (kind: Metric['kind'], unit = ''): Metric => ({
	id: 'm',
	name: 'M',
	description: '',
	kind,
	direction: 'higherIsBetter',
	scope: 'team',
	teamId: null,
	productId: null,
	customerId: null,
	scopeName: null,
	unit,
	createdAt: '',
	updatedAt: ''
});

const value = (v: Partial<MetricValue>): MetricValue => ({
	quarter: '2026-Q3',
	value: 80,
	source: 'answers',
	n: 10,
	responseRate: 25,
	interval: { low: 49.02, high: 94.33 },
	note: null,
	...v
});

describe('how a metric reads', () => {
	it('shows shares in percent, NPS signed, durations with their unit', () => {
		expect(shownValue(metric('csat'), 80)).toBe('80 %');
		expect(shownValue(metric('nps'), 30)).toBe('+30');
		expect(shownValue(metric('nps'), -12)).toBe('-12');
		expect(shownValue(metric('duration', 'hours'), 6.5)).toBe('6.5 hours');
		expect(shownValue(metric('likertMean'), 3.6)).toBe('3.60');
	});

	it('says why there is no interval', () => {
		expect(shownInterval(metric('csat'), value({}))).toBe('49 % to 94 %');
		expect(shownInterval(metric('duration', 'hours'), value({ source: 'measurement', interval: null }))).toBe('entered, no interval');
		expect(shownInterval(metric('likertMean'), value({ n: 1, interval: null }))).toBe('too few to say');
	});

	it('labels a change within noise', () => {
		expect(shownChange(metric('csat'), { difference: 30, interval: { low: -4.7, high: 64.7 }, withinNoise: true })).toBe('+30.0 points, within noise');
		expect(shownChange(metric('nps'), { difference: -5, interval: { low: -9, high: -1 }, withinNoise: false })).toBe('-5.0');
		expect(shownChange(metric('csat'), null)).toBe('no earlier quarter');
	});
});
