// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { firstRow, pagedList, pageSummary } from './paging';

describe('pageSummary', () => {
	it('says which items of how many are shown', () => {
		expect(pageSummary(230, 0, 50)).toBe('Showing 1–50 of 230');
		expect(pageSummary(230, 200, 30)).toBe('Showing 201–230 of 230');
		expect(pageSummary(7, 0, 7)).toBe('Showing 7 of 7');
		expect(pageSummary(12345, 50, 50)).toBe('Showing 51–100 of 12,345');
		expect(pageSummary(0, 0, 0)).toBe('Nothing to show');
	});
});

describe('the list a pager pages', () => {
	it('is the nearest list before the pager, and its first row is its first link', () => {
		document.body.innerHTML = `
			<ul id="other"><li><a href="/x">x</a></li></ul>
			<section><ul id="rows"><li><span>12 Nov</span><a href="/interviews/1">Payments</a></li>
			<li><a href="/interviews/2">Checkout</a></li></ul></section>
			<nav id="pager"></nav>`;
		const list = pagedList(document.getElementById('pager')!);
		expect(list?.id).toBe('rows');
		expect(firstRow(list!)?.getAttribute('href')).toBe('/interviews/1');
	});

	it('is none when nothing before the pager is a list', () => {
		document.body.innerHTML = '<nav id="pager"></nav><ul><li><a href="/">after</a></li></ul>';
		expect(pagedList(document.getElementById('pager')!)).toBeNull();
	});
});
