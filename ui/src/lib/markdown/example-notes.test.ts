// @vitest-environment jsdom
// The example workspace's interview notes, read from the very files the core embeds, rendered as
// the notes screen renders them: the first notes a new user reads must look like notes.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './render';

const EXAMPLE_NOTES = join(
	dirname(fileURLToPath(import.meta.url)),
	'../../../../crates/outward-core/src/workspace/example'
);

const notes = readdirSync(EXAMPLE_NOTES)
	.filter((name) => name.endsWith('.md'))
	.map((name) => ({ name, text: readFileSync(join(EXAMPLE_NOTES, name), 'utf8') }));

function dom(html: string): HTMLElement {
	const div = document.createElement('div');
	div.innerHTML = html;
	return div;
}

describe('the example workspace notes', () => {
	it('are there to read', () => {
		expect(notes.length, 'the example notes are found beside the core').toBeGreaterThan(0);
	});

	it.each(notes)('$name renders as paragraphs, never as code', ({ text }) => {
		const root = dom(renderMarkdown(text));
		expect(root.querySelector('pre, code'), 'no code block').toBeNull();
		expect(root.querySelectorAll('p').length, 'paragraphs').toBeGreaterThan(0);
		expect(root.querySelector('strong'), 'the key sentence in bold').not.toBeNull();
		expect(root.textContent, 'no literal Markdown markers').not.toContain('**');
	});

	it('show a list somewhere', () => {
		const lists = notes.filter(({ text }) => dom(renderMarkdown(text)).querySelector('ul > li, ol > li'));
		expect(lists.length).toBeGreaterThan(0);
	});
});
