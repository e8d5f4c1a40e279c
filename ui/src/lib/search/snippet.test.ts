import { describe, expect, it } from 'vitest';
import { locateFirstMatch, plainSnippet, snippetParts } from './snippet';

const S = '\uE000';
const E = '\uE001';

describe('snippetParts', () => {
	it('splits a snippet into plain and marked parts, without the markers', () => {
		expect(snippetParts(`…the ${S}deploy${E} took ${S}hours${E}.`)).toEqual([
			{ text: '…the ', marked: false },
			{ text: 'deploy', marked: true },
			{ text: ' took ', marked: false },
			{ text: 'hours', marked: true },
			{ text: '.', marked: false }
		]);
	});

	it('keeps markup-looking text as text, for rendering as text only', () => {
		const parts = snippetParts(`<img src=x onerror=alert(1)> ${S}<b>${E}`);
		expect(parts[0]).toEqual({ text: '<img src=x onerror=alert(1)> ', marked: false });
		expect(parts[1]).toEqual({ text: '<b>', marked: true });
	});

	it('marks the rest after an unclosed marker and ignores a stray end marker', () => {
		expect(snippetParts(`a${E}b ${S}c`)).toEqual([
			{ text: 'ab ', marked: false },
			{ text: 'c', marked: true }
		]);
		expect(snippetParts('')).toEqual([]);
	});

	it('keeps characters outside the basic plane whole', () => {
		expect(plainSnippet(`😀 ${S}ci${E}`)).toBe('😀 ci');
	});
});

describe('locateFirstMatch', () => {
	const notes = 'Deploys are slow. Lena said the deploy took hours on Friday, the deploy again.';

	it('finds the occurrence with the snippet’s context, not the first one', () => {
		const at = locateFirstMatch(notes, `…Lena said the ${S}deploy${E} took`);
		expect(at).toEqual({ start: notes.indexOf('deploy took'), end: notes.indexOf('deploy took') + 6 });
	});

	it('falls back to any occurrence, ignoring case, when the context changed', () => {
		const at = locateFirstMatch(notes, `Someone wrote: ${S}FRIDAY${E}`);
		expect(at && notes.slice(at.start, at.end)).toBe('Friday');
	});

	it('counts UTF-16 code units, as a textarea does', () => {
		const text = '😀😀 the pipeline fails';
		const at = locateFirstMatch(text, `the ${S}pipeline${E}`);
		expect(at).toEqual({ start: 9, end: 17 });
		expect(text.slice(at!.start, at!.end)).toBe('pipeline');
	});

	it('returns null when nothing is marked or the word is gone', () => {
		expect(locateFirstMatch(notes, 'no marks')).toBeNull();
		expect(locateFirstMatch(notes, `${S}kubernetes${E}`)).toBeNull();
	});
});
