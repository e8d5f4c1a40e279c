// What the rota's Home tile says of a quarter's coverage.
import type { QuarterCoverage } from '$lib/bindings/QuarterCoverage';

/** Weeks carried by senior, staff and principal engineers. */
export function seniorWeeks(quarter: QuarterCoverage): number {
	return quarter.byLevel.filter((l) => l.level !== 'junior' && l.level !== 'mid').reduce((n, l) => n + l.weeks, 0);
}
