// Metrics: their values by quarter with n, interval and change, and measurements entered by hand.
import type { Breakdown } from '$lib/bindings/Breakdown';
import type { Id } from '$lib/bindings/Id';
import type { Measurement } from '$lib/bindings/Measurement';
import type { MeasurementInput } from '$lib/bindings/MeasurementInput';
import type { Metric } from '$lib/bindings/Metric';
import type { MetricInput } from '$lib/bindings/MetricInput';
import type { QuarterMetrics } from '$lib/bindings/QuarterMetrics';
import { call } from './call';

export const listMetrics = () => call<Metric[]>('list_metrics');
export const createMetric = (input: MetricInput) => call<Metric>('create_metric', { input });
export const updateMetric = (id: Id, input: MetricInput) => call<Metric>('update_metric', { id, input });
export const metricsInQuarter = (quarter: string | null) =>
	call<QuarterMetrics>('metrics_in_quarter', { quarter });
export const metricBreakdown = (metricId: Id, quarter: string) =>
	call<Breakdown>('metric_breakdown', { metricId, quarter });
export const recordMeasurement = (input: MeasurementInput) =>
	call<Measurement>('record_measurement', { input });
export const listMeasurements = (metricId: Id) => call<Measurement[]>('list_measurements', { metricId });
