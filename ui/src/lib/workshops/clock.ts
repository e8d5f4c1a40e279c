// How a step's time reads on screen. The time left comes from the core (both windows read the
// same timer); between reads the screen counts down from it on its own clock.

/** Time left as the room reads it: "4:05", "0:09", and "0:00" once it is up. */
export function formatClock(ms: number): string {
	const seconds = Math.max(0, Math.ceil(ms / 1000));
	const minutes = Math.floor(seconds / 60);
	return `${minutes}:${String(seconds % 60).padStart(2, '0')}`;
}

/** The same, in words for a screen reader: "4 minutes 5 seconds left". */
export function spokenClock(ms: number): string {
	const seconds = Math.max(0, Math.ceil(ms / 1000));
	if (seconds === 0) return 'Time is up';
	const minutes = Math.floor(seconds / 60);
	const rest = seconds % 60;
	const parts = [];
	if (minutes) parts.push(`${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`);
	if (rest) parts.push(`${rest} ${rest === 1 ? 'second' : 'seconds'}`);
	return `${parts.join(' ')} left`;
}

/**
 * The time left now, given what the core said (`remainingMs` at the moment of its answer,
 * `running`) and how long ago that answer came.
 */
export function remainingNow(timer: { remainingMs: number; running: boolean }, elapsedSinceRead: number): number {
	return timer.running ? timer.remainingMs - elapsedSinceRead : timer.remainingMs;
}
