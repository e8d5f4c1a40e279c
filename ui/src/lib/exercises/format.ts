// How exercise times read: "45 min", "1 h 15 min", "90 s".

/** A duration in seconds, as people say it. */
export function duration(seconds: number): string {
	if (seconds < 60) return `${seconds} s`;
	const hours = Math.floor(seconds / 3600);
	const minutes = Math.floor((seconds % 3600) / 60);
	const rest = seconds % 60;
	const parts: string[] = [];
	if (hours > 0) parts.push(`${hours} h`);
	if (minutes > 0) parts.push(`${minutes} min`);
	if (rest > 0) parts.push(`${rest} s`);
	return parts.join(' ');
}

/** "7 steps · 1 h 5 min". */
export function shape(steps: number, seconds: number): string {
	return `${steps} ${steps === 1 ? 'step' : 'steps'} · ${duration(seconds)}`;
}
