// Passages of interview notes. Offsets are UTF-16 code units, exactly what a textarea's
// `selectionStart`/`selectionEnd` give and what the backend stores for highlights.

export type Range = { start: number; end: number };

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * The selection made safe to send: ordered, inside the text, never splitting a character outside
 * the basic plane (an emoji), and without the white space at either end. Null when nothing but
 * white space is selected.
 */
export function passage(text: string, start: number, end: number): Range | null {
	let from = Math.max(0, Math.min(start, end, text.length));
	let to = Math.min(text.length, Math.max(start, end, 0));
	if (from > 0 && isLow(text.charCodeAt(from)) && isHigh(text.charCodeAt(from - 1))) from -= 1;
	if (to < text.length && isLow(text.charCodeAt(to)) && isHigh(text.charCodeAt(to - 1))) to += 1;
	while (from < to && /\s/.test(text.charAt(from))) from += 1;
	while (to > from && /\s/.test(text.charAt(to - 1))) to -= 1;
	return from < to ? { start: from, end: to } : null;
}

/**
 * A pain point title from a quote: one line, at most `max` characters (not code units), cut at a
 * word boundary with an ellipsis when longer, and without surrounding quotation marks.
 */
export function titleFromQuote(quote: string, max = 80): string {
	const line = quote
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/^["“”'‘’«»]+|["“”'‘’«»]+$/g, '')
		.trim();
	const chars = Array.from(line);
	if (chars.length <= max) return line;
	const cut = chars.slice(0, max - 1).join('');
	const space = cut.lastIndexOf(' ');
	const base = space > max / 2 ? cut.slice(0, space) : cut;
	return `${base.replace(/[\s.,;:!?-]+$/, '')}…`;
}

/** `?at=12-40` as a range, or null when absent or not two ordered numbers. */
export function parseAt(value: string | null): Range | null {
	const match = /^(\d{1,9})-(\d{1,9})$/.exec(value ?? '');
	if (!match) return null;
	const start = Number(match[1]);
	const end = Number(match[2]);
	return end > start ? { start, end } : null;
}

/** The link that opens an interview with a passage selected. */
export function interviewHref(interviewId: string, range?: Range | null): string {
	return range ? `/interviews/${interviewId}?at=${range.start}-${range.end}` : `/interviews/${interviewId}`;
}
