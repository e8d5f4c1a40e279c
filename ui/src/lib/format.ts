// Showing stored values to people: times in local time, counts with their noun.

/** "1 person", "3 people". */
export function plural(count: number, one: string, many: string): string {
	return `${count.toLocaleString()} ${count === 1 ? one : many}`;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
	['year', 365 * 24 * 3600],
	['month', 30 * 24 * 3600],
	['week', 7 * 24 * 3600],
	['day', 24 * 3600],
	['hour', 3600],
	['minute', 60]
];

// Formatters are made once: making one costs far more than using it, and a long list formats
// a value or two on every row.
let relative: Intl.RelativeTimeFormat | undefined;
let dateTime: Intl.DateTimeFormat | undefined;
let calendarDay: Intl.DateTimeFormat | undefined;
let oneDecimal: Intl.NumberFormat | undefined;

/** "just now", "5 minutes ago", "yesterday" — for times within the last few weeks. */
export function relativeTime(iso: string, now: Date = new Date()): string {
	const then = new Date(iso);
	if (Number.isNaN(then.getTime())) return iso;
	const seconds = Math.round((then.getTime() - now.getTime()) / 1000);
	if (Math.abs(seconds) < 60) return 'just now';
	const format = (relative ??= new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' }));
	for (const [unit, size] of UNITS) {
		if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
	}
	return 'just now';
}

/** A full local date and time, e.g. for a tooltip or a settings value. */
export function localDateTime(iso: string): string {
	const date = new Date(iso);
	if (Number.isNaN(date.getTime())) return iso;
	dateTime ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
	return dateTime.format(date);
}

/** A calendar day stored as "2026-11-01", shown as "1 Nov 2026" (no time zone shift). */
export function day(value: string): string {
	const date = new Date(`${value}T00:00:00Z`);
	if (Number.isNaN(date.getTime())) return value;
	calendarDay ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
	return calendarDay.format(date);
}

/** Today on this computer, as "2026-11-01". */
export function today(now: Date = new Date()): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A pain point's weight with one decimal, e.g. "12.4". */
export function weight(value: number): string {
	oneDecimal ??= new Intl.NumberFormat(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
	return oneDecimal.format(value);
}

/** "Pain point" for "pain point": a label from the middle of a sentence, starting a table cell. */
export function capitalised(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

// A quarter's code (`2027-Q2`) as the screens write it: "2027 Q2".
export function quarterLabel(code: string): string {
	return code.replace('-', ' ');
}
