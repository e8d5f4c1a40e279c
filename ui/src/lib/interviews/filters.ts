// The interview list's filters as the form holds them ('' for "any") and as the backend reads them.
import type { InterviewFilter } from '$lib/bindings/InterviewFilter';
import type { InterviewKind } from '$lib/bindings/InterviewKind';

export type InterviewFilterValues = {
	customerId: string;
	productId: string;
	kind: InterviewKind | '';
	interviewerId: string;
	themeId: string;
	from: string;
	to: string;
};

export const noInterviewFilter = (): InterviewFilterValues => ({
	customerId: '',
	productId: '',
	kind: '',
	interviewerId: '',
	themeId: '',
	from: '',
	to: ''
});

/** Every interview: the filter a list narrows with one field. */
export const NO_INTERVIEW_FILTER: InterviewFilter = {
	customerId: null,
	productId: null,
	kind: null,
	interviewerId: null,
	themeId: null,
	from: null,
	to: null,
	unmarked: false
};

export function interviewFilter(values: InterviewFilterValues): InterviewFilter {
	const or = (value: string) => (value === '' ? null : value);
	return {
		customerId: or(values.customerId),
		productId: or(values.productId),
		kind: values.kind === '' ? null : values.kind,
		interviewerId: or(values.interviewerId),
		themeId: or(values.themeId),
		from: or(values.from),
		to: or(values.to),
		unmarked: false
	};
}

export const isFiltered = (values: InterviewFilterValues): boolean =>
	Object.values(values).some((value) => value !== '');
