// How the meter writes a wait: hours up to two days, days after.
export function waited(hours: number | null): string {
	if (hours === null) return '—';
	if (hours < 1) return `${Math.round(hours * 60)} min`;
	if (hours < 48) return `${hours.toFixed(1)} h`;
	return `${(hours / 24).toFixed(1)} days`;
}

export function share(percent: number | null): string {
	return percent === null ? '—' : `${Math.round(percent)} %`;
}
