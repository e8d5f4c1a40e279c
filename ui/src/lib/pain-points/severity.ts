// A severity's words for a number the core stored; the scale itself comes from the core.
import { SEVERITIES } from '$lib/bindings/vocabulary';

/** "Slows work" for 2; the number itself outside the scale. */
export const severityLabel = (severity: number): string =>
	SEVERITIES.find((entry) => entry.value === severity)?.label ?? String(severity);
