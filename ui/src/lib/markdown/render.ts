// Interview notes as HTML: Markdown through `marked`, then `DOMPurify`, so nothing a note holds
// (a pasted <script>, an onerror handler, a javascript: link) can run. Raw HTML in the notes is
// shown as the text it is rather than rendered: notes are prose, and markup a person pasted should
// be seen, not obeyed. DOMPurify still checks everything Markdown itself produces (links above all).
// Highlighted passages are wrapped in <mark> after sanitising, inside text only, so a passage that
// crosses paragraphs or list items is marked piece by piece and never breaks the structure.
import DOMPurify from 'dompurify';
import { Marked } from 'marked';
import type { Range } from '$lib/interviews/selection';

// Private-use characters that stand for the start and end of a passage while Markdown renders.
const OPEN = '\uE002';
const CLOSE = '\uE003';
const SENTINELS = /[\uE002\uE003]/g;
const HAS_SENTINEL = /[\uE002\uE003]/;

const FORBID_TAGS = ['style', 'img', 'form', 'input', 'button', 'textarea', 'select', 'iframe'];

const escapeHtml = (text: string) =>
	text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const markdown = new Marked({
	gfm: true,
	breaks: true,
	renderer: { html: ({ text, block }) => (block ? `<p>${escapeHtml(text)}</p>` : escapeHtml(text)) }
});

/** Inserts a start and end marker around each range (offsets into the original text). */
function withMarkers(text: string, ranges: readonly Range[]): string {
	const clean = text.replace(SENTINELS, '');
	const points: { at: number; marker: string }[] = [];
	for (const range of ranges) {
		const start = Math.max(0, Math.min(range.start, clean.length));
		const end = Math.max(start, Math.min(range.end, clean.length));
		if (end > start) points.push({ at: start, marker: OPEN }, { at: end, marker: CLOSE });
	}
	// From the end backwards, so earlier offsets stay valid; at one spot, close before opening.
	points.sort((a, b) => b.at - a.at || (a.marker === OPEN ? -1 : 1));
	let result = clean;
	for (const point of points) result = result.slice(0, point.at) + point.marker + result.slice(point.at);
	return result;
}

/** Wraps the text between markers in <mark> elements and removes every marker. */
function markPassages(root: DocumentFragment | HTMLElement): void {
	const document = root.ownerDocument ?? window.document;
	const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
	const texts: Text[] = [];
	while (walker.nextNode()) texts.push(walker.currentNode as Text);
	let depth = 0;
	for (const node of texts) {
		const value = node.data;
		if (depth === 0 && !HAS_SENTINEL.test(value)) continue;
		const pieces = document.createDocumentFragment();
		let text = '';
		const flush = () => {
			if (text === '') return;
			if (depth > 0) {
				const mark = document.createElement('mark');
				mark.textContent = text;
				pieces.append(mark);
			} else {
				pieces.append(text);
			}
			text = '';
		};
		for (const char of value) {
			if (char === OPEN || char === CLOSE) {
				const next = Math.max(0, depth + (char === OPEN ? 1 : -1));
				// Overlapping passages make one mark: only entering or leaving all of them splits.
				if (next > 0 !== depth > 0) flush();
				depth = next;
			} else {
				text += char;
			}
		}
		flush();
		node.replaceWith(pieces);
	}
	// A marker that landed in an attribute (inside a link's address) is simply dropped.
	for (const element of root.querySelectorAll('*')) {
		for (const attribute of Array.from(element.attributes)) {
			if (HAS_SENTINEL.test(attribute.value))
				element.setAttribute(attribute.name, attribute.value.replace(SENTINELS, ''));
		}
	}
}

/**
 * Safe HTML for `markdown`, with each of `passages` wrapped in <mark>. Links keep their text and
 * address but never run script; pictures, forms and styles are left out.
 */
export function renderMarkdown(text: string, passages: readonly Range[] = []): string {
	const html = markdown.parse(withMarkers(text, passages), { async: false });
	const fragment = DOMPurify.sanitize(html, {
		USE_PROFILES: { html: true },
		FORBID_TAGS,
		FORBID_ATTR: ['style'],
		RETURN_DOM_FRAGMENT: true
	});
	markPassages(fragment);
	const container = (fragment.ownerDocument ?? document).createElement('div');
	container.append(fragment);
	return container.innerHTML;
}

/** Characters of notes rendered before the first paint; the rest follows right after. */
export const FIRST_PAINT_CHARS = 6000;

/**
 * Where long notes can be cut in two without changing how either half renders: the first blank
 * line after `budget` characters that is outside a fenced code block and not followed by an
 * indented line, a list item or a table row (a list or a table would be split in two). The
 * length of the text when there is no such place or the text is short.
 */
export function firstPaintCut(text: string, budget = FIRST_PAINT_CHARS): number {
	if (text.length <= budget * 1.5) return text.length;
	let fenced = false;
	let at = 0;
	for (const line of text.split('\n')) {
		const next = at + line.length + 1;
		if (/^\s{0,3}(```|~~~)/.test(line)) fenced = !fenced;
		const following = text.slice(next, text.indexOf('\n', next) === -1 ? text.length : text.indexOf('\n', next));
		if (!fenced && at >= budget && line.trim() === '' && following.trim() !== '' && !/^(\s|[-*+] |\d+[.)] |\|)/.test(following))
			return next;
		at = next;
	}
	return text.length;
}

/** `renderMarkdown` of `text.slice(from, to)`, with the passages that fall in it. */
export function renderPart(text: string, passages: readonly Range[], from: number, to: number): string {
	const inside = passages
		.map((p) => ({ start: Math.max(p.start, from) - from, end: Math.min(p.end, to) - from }))
		.filter((p) => p.end > p.start);
	return renderMarkdown(text.slice(from, to), inside);
}
