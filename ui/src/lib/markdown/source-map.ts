// Where each piece of rendered notes came from in their Markdown, so a selection made in the
// rendered view names the same characters of the notes that the backend stores for highlights.
//
// Rendering Markdown only removes syntax (`#`, `**`, `- `, a link's address, backticks) and keeps
// the words in their order, so every text of the rendered HTML is found in the Markdown, in
// document order, at or after where the previous one ended. Texts that are not verbatim (an
// entity like `&amp;`, an escape like `\*`) are matched character by character, each within a
// short distance. White space between blocks (newlines marked emits) is not mapped: a selection
// that starts or ends there moves to the nearest text that is.
import { passage, type Range } from '$lib/interviews/selection';

/** One rendered text node and the offsets (UTF-16 code units) of its characters in the source. */
type Piece = {
	node: Text;
	start: number;
	end: number;
	/** The source offset of each character boundary (length + 1), when the text is not verbatim. */
	offsets: number[] | null;
};

export type SourceMap = { source: string; pieces: Piece[] };

/** How far a single character of a non-verbatim text may be from the previous one's source. */
const NEARBY = 12;

/** Maps every text under `root` to its place in `source`, the Markdown `root` was rendered from. */
export function mapSource(root: Node, source: string): SourceMap {
	const document = root.ownerDocument ?? (root as Document);
	const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
	const pieces: Piece[] = [];
	let cursor = 0;
	while (walker.nextNode()) {
		const node = walker.currentNode as Text;
		const text = node.data;
		if (text.trim() === '') continue;
		const at = source.indexOf(text, cursor);
		if (at >= 0 && verbatimIsNear(source, cursor, at)) {
			pieces.push({ node, start: at, end: at + text.length, offsets: null });
			cursor = at + text.length;
			continue;
		}
		const offsets: number[] = [];
		let position = cursor;
		for (let i = 0; i < text.length; i++) {
			const found = source.indexOf(text[i]!, position);
			const near = found >= 0 && found - position <= NEARBY;
			offsets.push(near ? found : position);
			if (near) position = found + 1;
		}
		offsets.push(position);
		pieces.push({ node, start: offsets[0]!, end: position, offsets });
		cursor = position;
	}
	return { source, pieces };
}

/**
 * A verbatim match far ahead is trusted only when what it skips is Markdown syntax, a link's
 * address, a picture or a fence's language: prose skipped means a short text was found in some
 * later sentence instead of where it came from.
 */
function verbatimIsNear(source: string, from: number, at: number): boolean {
	if (at - from <= NEARBY) return true;
	const syntax = source
		.slice(from, at)
		.replace(/!\[[^\]\n]*\]\([^)\n]*\)/g, '')
		.replace(/\]\([^)\n]*\)/g, '')
		.replace(/^(```|~~~).*$/gm, '');
	return !/\p{L}{2}/u.test(syntax);
}

/** -1, 0 or 1 as the point (b, bo) is before, at or after the point (a, ao). */
function order(a: Node, ao: number, b: Node, bo: number): number {
	const range = (a.ownerDocument ?? (a as Document)).createRange();
	range.setStart(a, ao);
	return range.comparePoint(b, bo);
}

function offsetIn(piece: Piece, offset: number): number {
	const at = Math.max(0, Math.min(offset, piece.node.data.length));
	return piece.offsets ? piece.offsets[at]! : piece.start + at;
}

/**
 * The source offset of a boundary point of a DOM range. A start inside unmapped white space or
 * between elements moves forward to the next mapped text, an end moves back to the previous.
 */
export function sourceOffset(map: SourceMap, node: Node, offset: number, edge: 'start' | 'end'): number | null {
	const inside = map.pieces.find((p) => p.node === node);
	if (inside) return offsetIn(inside, offset);
	if (edge === 'start') {
		// The first text that ends after the boundary.
		const next = map.pieces.find((p) => order(node, offset, p.node, p.node.data.length) > 0);
		return next ? next.start : null;
	}
	const previous = map.pieces.findLast((p) => order(node, offset, p.node, 0) < 0);
	return previous ? previous.end : null;
}

/**
 * The passage of the notes a DOM selection in the rendered view covers, clipped to `root` and
 * trimmed of white space as in the raw notes; null when it covers no text of the notes.
 */
export function sourceRange(map: SourceMap, root: Node, range: AbstractRange): Range | null {
	let { startContainer, startOffset, endContainer, endOffset } = range;
	if (order(root, 0, startContainer, startOffset) < 0) [startContainer, startOffset] = [root, 0];
	if (order(root, root.childNodes.length, endContainer, endOffset) > 0)
		[endContainer, endOffset] = [root, root.childNodes.length];
	const start = sourceOffset(map, startContainer, startOffset, 'start');
	const end = sourceOffset(map, endContainer, endOffset, 'end');
	if (start === null || end === null || end <= start) return null;
	return passage(map.source, start, end);
}

/** The DOM range showing `range` of the source, or null when none of it is rendered as text. */
export function domRange(map: SourceMap, range: Range): globalThis.Range | null {
	const first = map.pieces.find((p) => p.end > range.start);
	const last = map.pieces.findLast((p) => p.start < range.end);
	if (!first || !last) return null;
	const dom = (first.node.ownerDocument ?? document).createRange();
	dom.setStart(first.node, domOffset(first, range.start));
	dom.setEnd(last.node, domOffset(last, range.end));
	return dom;
}

function domOffset(piece: Piece, source: number): number {
	const length = piece.node.data.length;
	if (!piece.offsets) return Math.max(0, Math.min(length, source - piece.start));
	const index = piece.offsets.findIndex((o) => o >= source);
	return index < 0 ? length : index;
}
