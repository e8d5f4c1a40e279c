import { describe, expect, it } from 'vitest';
import { pageSummary } from './paging';

describe('pageSummary', () => {
	it('says which items of how many are shown', () => {
		expect(pageSummary(230, 0, 50)).toBe('Showing 1–50 of 230');
		expect(pageSummary(230, 200, 30)).toBe('Showing 201–230 of 230');
		expect(pageSummary(7, 0, 7)).toBe('Showing 7 of 7');
		expect(pageSummary(12345, 50, 50)).toBe('Showing 51–100 of 12,345');
		expect(pageSummary(0, 0, 0)).toBe('Nothing to show');
	});
});
