// Paged lists: what the pager says, and the first page of any list.
import type { PageRequest } from '$lib/bindings/PageRequest';

export const PAGE_SIZE = 50;

export const firstPage = (limit = PAGE_SIZE): PageRequest => ({ offset: 0, limit });

/** "Showing 1–50 of 230"; "Showing 7 of 7" for one page; "Nothing to show" when empty. */
export function pageSummary(total: number, offset: number, shown: number): string {
	if (total === 0 || shown === 0) return 'Nothing to show';
	const n = (value: number) => value.toLocaleString('en');
	if (offset === 0 && shown === total) return `Showing ${n(total)} of ${n(total)}`;
	return `Showing ${n(offset + 1)}–${n(offset + shown)} of ${n(total)}`;
}

const LIST = 'ul, ol, table, [role="list"], [role="table"], [role="grid"]';

/** The list a pager sits under: the nearest element before it that is or holds a list. */
export function pagedList(pager: Element): HTMLElement | null {
	for (let at = pager.previousElementSibling; at; at = at.previousElementSibling) {
		const list = at.matches(LIST) ? at : at.querySelector(LIST);
		if (list instanceof HTMLElement) return list;
	}
	return null;
}

/** What has focus for a list's first row: its first link or button. */
export function firstRow(list: Element): HTMLElement | null {
	return list.querySelector<HTMLElement>('a[href], button:not(:disabled), [tabindex="0"]');
}
