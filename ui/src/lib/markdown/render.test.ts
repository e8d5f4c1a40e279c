// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { firstPaintCut, renderMarkdown, renderPart } from './render';

function dom(html: string): HTMLElement {
	const div = document.createElement('div');
	div.innerHTML = html;
	return div;
}

describe('renderMarkdown', () => {
	it('renders Markdown', () => {
		const root = dom(renderMarkdown('# Notes\n\n- **slow** builds\n- [runbook](https://wiki.example/run)'));
		expect(root.querySelector('h1')?.textContent).toBe('Notes');
		expect(root.querySelector('li strong')?.textContent).toBe('slow');
		expect(root.querySelector('a')?.getAttribute('href')).toBe('https://wiki.example/run');
	});

	it('shows HTML that a note holds as text, so scripts and handlers never run', () => {
		const root = dom(
			renderMarkdown('Hi <script>window.hacked = 1</script>\n\n<img src=x onerror="window.hacked=1">\n\n<p onclick="alert(1)">x</p>')
		);
		expect(root.querySelector('script, img, [onclick], [onerror]')).toBeNull();
		expect(root.textContent).toContain('<script>window.hacked = 1</script>');
		expect(root.textContent).toContain('onerror=');
	});

	it('makes javascript: and data: links inert, in Markdown and in HTML', () => {
		const root = dom(
			renderMarkdown('[click](javascript:alert(1)) <a href="JaVaScRiPt:alert(2)">two</a> <a href="data:text/html,<script>alert(3)</script>">three</a>')
		);
		const hrefs = Array.from(root.querySelectorAll('a')).map((a) => a.getAttribute('href') ?? '');
		for (const href of hrefs) expect(href.toLowerCase()).not.toMatch(/^\s*(javascript|data):/);
		expect(root.querySelector('a')?.textContent, 'the link text stays, without its address').toBe('click');
		expect(root.textContent).toContain('two');
	});

	it('never renders styles, forms or frames', () => {
		const root = dom(renderMarkdown('<style>body{display:none}</style><form><input></form><iframe src="x"></iframe><b style="color:red">b</b>'));
		expect(root.querySelector('style, form, input, iframe, [style], b')).toBeNull();
	});

	it('marks highlighted passages by their offsets in the Markdown text', () => {
		const notes = 'Intro.\n\nThe **deploy** took two hours. Then lunch.';
		const start = notes.indexOf('The');
		const end = notes.indexOf(' Then');
		const root = dom(renderMarkdown(notes, [{ start, end }]));
		const marks = Array.from(root.querySelectorAll('mark')).map((m) => m.textContent);
		expect(marks.join('')).toBe('The deploy took two hours.');
		expect(root.textContent).not.toMatch(/[\uE002\uE003]/);
		expect(root.querySelector('strong mark')?.textContent, 'marks stay inside the structure').toBe('deploy');
	});

	it('marks a passage across paragraphs piece by piece, and overlapping ones once', () => {
		const notes = 'one two\n\nthree four';
		const root = dom(renderMarkdown(notes, [{ start: 4, end: 14 }, { start: 0, end: 7 }]));
		const paragraphs = root.querySelectorAll('p');
		expect(paragraphs).toHaveLength(2);
		expect(paragraphs[0]?.querySelector('mark')?.textContent).toBe('one two');
		expect(paragraphs[1]?.querySelector('mark')?.textContent).toBe('three');
	});

	it('never turns text that looks like a marker into markup', () => {
		const root = dom(renderMarkdown('a \uE002b\uE003 c'));
		expect(root.querySelector('mark')).toBeNull();
		expect(root.textContent?.trim()).toBe('a b c');
	});
});

describe('long notes rendered in two parts', () => {
	const paragraph = (n: number) => `Paragraph ${n} says the deploy queue was slow again and again.`;

	it('are rendered whole when short', () => {
		expect(firstPaintCut('# Short\n\nnotes')).toBe('# Short\n\nnotes'.length);
	});

	it('are cut at a blank line after the budget, and the parts render as the whole does', () => {
		const notes = Array.from({ length: 40 }, (_, n) => paragraph(n)).join('\n\n');
		const cut = firstPaintCut(notes, 600);
		expect(cut).toBeGreaterThanOrEqual(600);
		expect(cut).toBeLessThan(notes.length);
		expect(notes.slice(cut - 2, cut)).toBe('\n\n');
		const passages = [{ start: cut - 30, end: cut + 20 }];
		const parts = renderPart(notes, passages, 0, cut) + renderPart(notes, passages, cut, notes.length);
		const whole = dom(renderMarkdown(notes, passages));
		const split = dom(parts);
		expect(split.textContent?.replace(/\s+/g, ' ')).toBe(whole.textContent?.replace(/\s+/g, ' '));
		expect(Array.from(split.querySelectorAll('mark')).map((m) => m.textContent).join('')).toBe(
			Array.from(whole.querySelectorAll('mark')).map((m) => m.textContent).join('')
		);
	});

	it('are never cut inside a code block, a list or a table', () => {
		const fence = ['```', ...Array.from({ length: 30 }, (_, n) => `line ${n}`), '', 'more', '```'].join('\n');
		const list = Array.from({ length: 30 }, (_, n) => `- item ${n} of a loose list\n`).join('\n');
		for (const block of [fence, list]) {
			const notes = `${'Intro words here. '.repeat(5)}\n\n${block}`;
			const cut = firstPaintCut(notes, 100);
			expect(cut === notes.length || cut <= notes.indexOf(block), `not inside:\n${block.slice(0, 40)}`).toBe(true);
		}
	});
});
