import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveSearch } from './search.svelte';

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
	vi.useRealTimers();
	clearMocks();
});

describe('LiveSearch', () => {
	it('waits for a pause, needs two characters, and asks once for the last query', async () => {
		const asked: string[] = [];
		mockIPC((command, args) => {
			asked.push((args as { query: string }).query);
			return [{ kind: 'theme', id: 't', title: 'ci', snippet: '\uE000ci\uE001', heldOn: null, rank: 0, notesMatch: null, workshopId: null }];
		});
		const found = new LiveSearch();
		found.set('c');
		await vi.advanceTimersByTimeAsync(500);
		expect(asked, 'one character does not search').toEqual([]);
		found.set('ci');
		found.set('ci ');
		found.set('ci b');
		expect(found.pending).toBe(true);
		await vi.advanceTimersByTimeAsync(200);
		expect(asked).toEqual(['ci b']);
		expect(found.hits).toHaveLength(1);
		expect(found.pending).toBe(false);
	});

	it('keeps a refused query’s message, and clears it when the query is cleared', async () => {
		mockIPC(() =>
			Promise.reject({ kind: 'validation', field: 'query', message: 'Type a word to search for: punctuation alone matches nothing.' })
		);
		const found = new LiveSearch();
		found.set('?!');
		await vi.advanceTimersByTimeAsync(200);
		expect(found.error).toBe('Type a word to search for: punctuation alone matches nothing.');
		found.set('');
		expect(found.error).toBeNull();
	});

	it('drops an answer to an older query that arrives late', async () => {
		let release!: (value: unknown) => void;
		mockIPC((command, args) =>
			(args as { query: string }).query === 'slow'
				? new Promise((resolve) => (release = resolve))
				: [{ kind: 'painPoint', id: 'new', title: 'new', snippet: '', heldOn: null, rank: 0, notesMatch: null, workshopId: null }]
		);
		const found = new LiveSearch();
		found.set('slow');
		await vi.advanceTimersByTimeAsync(200);
		found.set('fast');
		await vi.advanceTimersByTimeAsync(200);
		release([{ kind: 'painPoint', id: 'old', title: 'old', snippet: '', heldOn: null, rank: 0, notesMatch: null, workshopId: null }]);
		await vi.advanceTimersByTimeAsync(10);
		expect(found.hits.map((h) => h.id)).toEqual(['new']);
	});
});
