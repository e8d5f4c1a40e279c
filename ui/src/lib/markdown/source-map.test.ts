// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './render';
import { domRange, mapSource, sourceRange } from './source-map';

/** The notes rendered into the document, as the preview shows them. */
function rendered(notes: string, passages: { start: number; end: number }[] = []) {
	const root = document.createElement('article');
	root.innerHTML = renderMarkdown(notes, passages);
	document.body.replaceChildren(root);
	return { root, map: mapSource(root, notes) };
}

/** A DOM range over the `nth` occurrence of `text` in the rendered text (it may cross elements). */
function select(root: HTMLElement, text: string, nth = 0): Range {
	const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
	const nodes: Text[] = [];
	while (walker.nextNode()) nodes.push(walker.currentNode as Text);
	const all = nodes.map((n) => n.data).join('');
	let at = -1;
	for (let i = 0; i <= nth; i++) at = all.indexOf(text, at + 1);
	if (at < 0) throw new Error(`"${text}" is not in the rendered text`);
	const point = (offset: number, end: boolean): [Text, number] => {
		let seen = 0;
		for (const node of nodes) {
			const inNode = end ? offset <= seen + node.data.length : offset < seen + node.data.length;
			if (inNode) return [node, offset - seen];
			seen += node.data.length;
		}
		throw new Error('outside');
	};
	const range = document.createRange();
	range.setStart(...point(at, false));
	range.setEnd(...point(at + text.length, true));
	return range;
}

function quoted(notes: string, text: string, nth = 0): string {
	const { root, map } = rendered(notes);
	const range = sourceRange(map, root, select(root, text, nth));
	return range ? notes.slice(range.start, range.end) : '(nothing)';
}

describe('a selection in the rendered notes', () => {
	it('names the characters of the notes under a heading and in a paragraph', () => {
		const notes = '# Payments check-in\n\nThe deploy took two hours.\n\n## Next\n\nThe deploy again.';
		expect(quoted(notes, 'Payments check')).toBe('Payments check');
		expect(quoted(notes, 'deploy took two')).toBe('deploy took two');
		expect(quoted(notes, 'The deploy', 1), 'the second occurrence, not the first').toBe('The deploy');
		const { root, map } = rendered(notes);
		const range = sourceRange(map, root, select(root, 'The deploy', 1))!;
		expect(range.start).toBe(notes.lastIndexOf('The deploy'));
	});

	it('keeps the emphasis markup it crosses and none it does not', () => {
		const notes = 'The **CI queue** is _always_ full at noon.';
		expect(quoted(notes, 'CI queue')).toBe('CI queue');
		expect(quoted(notes, 'queue is always full')).toBe('queue** is _always_ full');
		expect(quoted(notes, 'always')).toBe('always');
	});

	it('maps list items, ordered and not, and nested', () => {
		const notes = 'Pains:\n\n- builds are slow\n- flaky tests\n  - in payments\n\n10. first\n11. second';
		expect(quoted(notes, 'flaky tests')).toBe('flaky tests');
		expect(quoted(notes, 'in payments')).toBe('in payments');
		expect(quoted(notes, 'slow\nflaky'), 'across items: the markup between them is kept').toBe('slow\n- flaky');
		expect(quoted(notes, 'second')).toBe('second');
	});

	it('maps link text and skips the address', () => {
		const notes = 'See [the runbook](https://wiki.example/run/book) for the steps we take.';
		expect(quoted(notes, 'runbook')).toBe('runbook');
		expect(quoted(notes, 'for the steps')).toBe('for the steps');
		expect(quoted(notes, 'runbook for')).toBe('runbook](https://wiki.example/run/book) for');
	});

	it('maps inline code and code blocks', () => {
		const notes = 'Run `make deploy` then:\n\n```sh\nkubectl rollout status\n```\n\nAfter that, wait.';
		expect(quoted(notes, 'make deploy')).toBe('make deploy');
		expect(quoted(notes, 'rollout status')).toBe('rollout status');
		expect(quoted(notes, 'After that')).toBe('After that');
	});

	it('maps text with entities, escapes, quotes and line breaks', () => {
		const notes = 'R&amp;D says \\*always\\* 5 < 6.\nNext line "quoted".\n\n> A blockquote here.';
		expect(quoted(notes, 'says *always* 5 < 6')).toBe('says \\*always\\* 5 < 6');
		expect(quoted(notes, 'Next line')).toBe('Next line');
		expect(quoted(notes, 'blockquote here')).toBe('blockquote here');
		expect(quoted(notes, 'R&D says')).toBe('R&amp;D says');
	});

	it('maps text inside passages already marked', () => {
		const notes = 'One two three four five.';
		const { root, map } = rendered(notes, [{ start: 4, end: 13 }]);
		expect(root.querySelector('mark')?.textContent).toBe('two three');
		const range = sourceRange(map, root, select(root, 'three four'))!;
		expect(notes.slice(range.start, range.end)).toBe('three four');
	});

	it('trims white space and moves ends that fall between blocks to the nearest text', () => {
		const notes = '# Title\n\nFirst paragraph.\n\nSecond one.';
		const { root, map } = rendered(notes);
		const whole = document.createRange();
		whole.selectNodeContents(root);
		const range = sourceRange(map, root, whole)!;
		expect(notes.slice(range.start, range.end), "from the heading's text, without its markup").toBe(notes.slice(2));
		const paragraph = document.createRange();
		paragraph.selectNode(root.querySelectorAll('p')[1]!);
		const second = sourceRange(map, root, paragraph)!;
		expect(notes.slice(second.start, second.end)).toBe('Second one.');
	});

	it('clips a selection that runs beyond the notes, and ignores one outside them', () => {
		const notes = 'Only this.';
		const { root, map } = rendered(notes);
		const after = document.createElement('p');
		after.textContent = 'a hint below the notes';
		document.body.append(after);
		const range = document.createRange();
		range.setStart(root.querySelector('p')!.firstChild!, 5);
		range.setEnd(after.firstChild!, 3);
		expect(sourceRange(map, root, range)).toEqual({ start: 5, end: 10 });
		const outside = document.createRange();
		outside.selectNodeContents(after);
		expect(sourceRange(map, root, outside)).toBeNull();
	});

	it('finds a passage of the notes in the rendered view again', () => {
		const notes = '# Deploys\n\n- The **deploy** took two hours.\n- Then lunch.';
		const { root, map } = rendered(notes);
		const start = notes.indexOf('deploy**');
		const end = notes.indexOf(' two');
		expect(domRange(map, { start, end })?.toString()).toBe('deploy took');
	});
});
