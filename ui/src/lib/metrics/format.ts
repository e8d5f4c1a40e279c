// How a metric's numbers read: the value in its unit, its interval, the change and its noise.
import type { Change } from '$lib/bindings/Change';
import type { Metric } from '$lib/bindings/Metric';
import type { MetricValue } from '$lib/bindings/MetricValue';

/** What the formatting needs of a metric: its kind and unit. */
export type MetricShape = Pick<Metric, 'kind' | 'unit'>;

/** A value as shown: percentages with %, NPS signed, durations and counts with their unit. */
export function shownValue(metric: MetricShape, value: number): string {
	switch (metric.kind) {
		case 'csat':
		case 'percentage':
			return `${value.toFixed(0)} %`;
		case 'nps':
			return `${value > 0 ? '+' : ''}${value.toFixed(0)}`;
		case 'likertMean':
			return value.toFixed(2);
		default:
			return `${value.toFixed(1)}${metric.unit ? ` ${metric.unit}` : ''}`;
	}
}

export function shownInterval(metric: MetricShape, value: MetricValue): string {
	if (!value.interval) return value.source === 'measurement' ? 'entered, no interval' : 'too few to say';
	return `${shownValue(metric, value.interval.low)} to ${shownValue(metric, value.interval.high)}`;
}

export function shownChange(metric: MetricShape, change: Change | null): string {
	if (!change) return 'no earlier quarter';
	const points = metric.kind === 'csat' || metric.kind === 'percentage' ? ' points' : '';
	const moved = `${change.difference > 0 ? '+' : ''}${change.difference.toFixed(1)}${points}`;
	return change.withinNoise ? `${moved}, within noise` : moved;
}
