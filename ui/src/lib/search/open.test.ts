import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import type { SearchHit } from '$lib/bindings/SearchHit';
import { groupHits, hitHref } from './open';

afterEach(() => clearMocks());

const hit = (kind: SearchHit['kind'], id: string, snippet = ''): SearchHit => ({
	kind,
	id,
	title: id,
	snippet,
	heldOn: null,
	rank: 0
});

describe('groupHits', () => {
	it('groups by kind in the order of each kind’s best hit', () => {
		const groups = groupHits([hit('painPoint', 'a'), hit('interview', 'b'), hit('painPoint', 'c')]);
		expect(groups.map((g) => g.label)).toEqual(['Pain points', 'Interviews']);
		expect(groups[0]?.hits.map((h) => h.id)).toEqual(['a', 'c']);
	});
});

describe('hitHref', () => {
	it('opens an interview with the first matched word selected', async () => {
		mockIPC((command) => (command === 'get_interview' ? { notes: 'We wait for builds every day.' } : null));
		await expect(hitHref(hit('interview', 'i1', 'wait for \uE000builds\uE001 every'))).resolves.toBe(
			'/interviews/i1?at=12-18'
		);
	});

	it('opens the interview without a selection when it cannot be read', async () => {
		mockIPC(() => Promise.reject({ kind: 'notFound', message: 'gone' }));
		await expect(hitHref(hit('interview', 'i1', '\uE000x\uE001'))).resolves.toBe('/interviews/i1');
	});

	it('opens pain points and themes on their screens', async () => {
		await expect(hitHref(hit('painPoint', 'p1'))).resolves.toBe('/pain-points/p1');
		await expect(hitHref(hit('theme', 't1'))).resolves.toBe('/themes#theme-t1');
	});
});
