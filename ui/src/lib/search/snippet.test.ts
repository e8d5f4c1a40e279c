import { describe, expect, it } from 'vitest';
import { plainSnippet, snippetParts } from './snippet';

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
