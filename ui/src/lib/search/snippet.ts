// Search snippets: the core marks matched words between MATCH_START and MATCH_END. These helpers turn
// a snippet into plain-text parts for <mark> elements (never HTML).

import { MATCH_END, MATCH_START } from '$lib/bindings/vocabulary';

export type SnippetPart = { text: string; marked: boolean };

/**
 * The snippet as alternating plain and marked parts, in order, with the markers removed. An
 * unclosed marker marks the rest; a stray end marker is dropped. Empty parts are left out.
 */
export function snippetParts(snippet: string): SnippetPart[] {
	const parts: SnippetPart[] = [];
	let marked = false;
	let text = '';
	const flush = () => {
		if (text !== '') parts.push({ text, marked });
		text = '';
	};
	for (const char of snippet) {
		if (char === MATCH_START || char === MATCH_END) {
			const next = char === MATCH_START;
			if (next !== marked) {
				flush();
				marked = next;
			}
		} else {
			text += char;
		}
	}
	flush();
	return parts;
}

/** The snippet without its markers, as plain text. */
export function plainSnippet(snippet: string): string {
	return snippetParts(snippet)
		.map((part) => part.text)
		.join('');
}
