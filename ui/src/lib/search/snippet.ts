// Search snippets: the core marks matched words between MATCH_START and MATCH_END. These helpers turn
// a snippet into plain-text parts for <mark> elements (never HTML), and find the first match in
// an interview's notes so the app can jump to it.

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

/**
 * Where the snippet's first marked word is in `notes`, as UTF-16 offsets, or null if it is not
 * there (the notes changed since they were indexed). Prefers the occurrence that has the
 * snippet's words around it, then any occurrence, matching case-insensitively.
 */
export function locateFirstMatch(
	notes: string,
	snippet: string
): { start: number; end: number } | null {
	const parts = snippetParts(snippet);
	const index = parts.findIndex((part) => part.marked);
	if (index < 0) return null;
	const term = parts[index]?.text ?? '';
	if (term.trim() === '') return null;
	const before = parts
		.slice(0, index)
		.map((part) => part.text)
		.join('')
		.replace(/^…/, '');
	const lowerNotes = notes.toLowerCase();
	const lowerTerm = term.toLowerCase();
	// The closest context first: up to 40 characters that precede the word in the snippet.
	for (const size of [40, 20, 8, 0]) {
		const context = size === 0 ? '' : before.slice(-size).toLowerCase();
		if (size > 0 && context.trim() === '') continue;
		const at = lowerNotes.indexOf(context + lowerTerm);
		if (at >= 0) {
			const start = at + context.length;
			return { start, end: start + term.length };
		}
	}
	return null;
}
