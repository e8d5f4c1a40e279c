import { describe, expect, it } from 'vitest';
import { interviewHref, parseAt, passage, titleFromQuote } from './selection';

describe('passage', () => {
	it('trims white space at both ends of a selection', () => {
		const text = 'First.  The deploy took two hours. \nNext';
		const range = passage(text, 6, 36);
		expect(range).toEqual({ start: 8, end: 34 });
		expect(text.slice(range!.start, range!.end)).toBe('The deploy took two hours.');
	});

	it('orders a backwards selection and clamps it to the text', () => {
		expect(passage('abc', 5, 1)).toEqual({ start: 1, end: 3 });
	});

	it('never splits a surrogate pair, so the quote is valid text', () => {
		const text = 'ok 😀 done';
		// 😀 is two UTF-16 code units at 3 and 4; a selection that cuts it in half grows to hold it.
		expect(passage(text, 4, 9)).toEqual({ start: 3, end: 9 });
		expect(passage(text, 0, 4)).toEqual({ start: 0, end: 5 });
		expect(text.slice(3, 5)).toBe('😀');
	});

	it('offsets are UTF-16 code units, the same as String.slice and the textarea', () => {
		const text = '🚀🚀 Build fails';
		const range = passage(text, 5, 16);
		expect(text.slice(range!.start, range!.end)).toBe('Build fails');
		expect(range).toEqual({ start: 5, end: 16 });
	});

	it('is null for an empty or white-space-only selection', () => {
		expect(passage('a   b', 1, 4)).toBeNull();
		expect(passage('abc', 2, 2)).toBeNull();
	});
});

describe('titleFromQuote', () => {
	it('makes one line without surrounding quotes', () => {
		expect(titleFromQuote('  “We wait\n  for builds.”  ')).toBe('We wait for builds.');
	});

	it('cuts a long quote at a word boundary to at most 80 characters, with an ellipsis', () => {
		const quote =
			'Every time we need a new database we open a ticket and then wait for about two weeks before anyone answers';
		const title = titleFromQuote(quote);
		expect(Array.from(title).length).toBeLessThanOrEqual(80);
		expect(title.endsWith('…')).toBe(true);
		expect(quote.startsWith(title.slice(0, -1))).toBe(true);
		expect(title.slice(0, -1).endsWith(' ')).toBe(false);
	});

	it('counts characters, not code units', () => {
		const title = titleFromQuote('😀'.repeat(100), 10);
		expect(Array.from(title)).toHaveLength(10);
		expect(title).not.toMatch(/[\uD800-\uDBFF]…$/);
	});
});

describe('parseAt and interviewHref', () => {
	it('round-trip a passage through the link', () => {
		const href = interviewHref('abc', { start: 12, end: 40 });
		expect(href).toBe('/interviews/abc?at=12-40');
		expect(parseAt(new URL(href, 'http://x').searchParams.get('at'))).toEqual({ start: 12, end: 40 });
	});

	it('ignore anything but two ordered numbers', () => {
		expect(parseAt(null)).toBeNull();
		expect(parseAt('40-12')).toBeNull();
		expect(parseAt('1-2-3')).toBeNull();
		expect(parseAt('x-2')).toBeNull();
	});
});
