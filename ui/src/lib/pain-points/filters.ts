// The pain point list's filters as the form holds them ('' for "any") and as the backend reads them.
import type { PainPointFilter } from '$lib/bindings/PainPointFilter';
import type { Status } from '$lib/bindings/Status';
import type { Shown } from '$lib/app/changes';

/**
 * What a list of pain points shows: their weights (stored on the pain point, so announced with
 * it), tags, products and customers.
 */
export const PAIN_POINT_LIST: readonly Shown[] = ['painPoint', 'theme', 'product', 'customer'];

export const NO_PAIN_POINT_FILTER: PainPointFilter = {
	status: null,
	productId: null,
	customerId: null,
	themeId: null,
	severity: null
};

export type PainPointFilterValues = {
	status: Status | '';
	productId: string;
	customerId: string;
	themeId: string;
	severity: string;
};

export const noPainPointFilter = (): PainPointFilterValues => ({
	status: '',
	productId: '',
	customerId: '',
	themeId: '',
	severity: ''
});

export function painPointFilter(values: PainPointFilterValues): PainPointFilter {
	const or = (value: string) => (value === '' ? null : value);
	return {
		status: values.status === '' ? null : values.status,
		productId: or(values.productId),
		customerId: or(values.customerId),
		themeId: or(values.themeId),
		severity: values.severity === '' ? null : Number(values.severity)
	};
}

export const isFiltered = (values: PainPointFilterValues): boolean =>
	Object.values(values).some((value) => value !== '');
