// Coverage: which customers the team has heard from lately, and when one counts as unheard.
import type { Coverage } from '$lib/bindings/Coverage';
import { call } from './call';

export const customerCoverage = () => call<Coverage>('customer_coverage');
export const setUnheardAfterWeeks = (weeks: number) =>
	call<Coverage>('set_unheard_after_weeks', { weeks });
