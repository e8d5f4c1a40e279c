// How durations read in the workshop screens.

/** "45 min", "1 h 30 min". */
export function minutes(seconds: number): string {
	const total = Math.round(seconds / 60);
	if (total < 60) return `${total} min`;
	const hours = Math.floor(total / 60);
	const rest = total % 60;
	return rest ? `${hours} h ${rest} min` : `${hours} h`;
}
