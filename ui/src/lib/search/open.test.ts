import { describe, expect, it } from 'vitest';
import type { SearchHit } from '$lib/bindings/SearchHit';
import { groupHits, hitContext, hitHref, hitTitle } from './open';

const hit = (kind: SearchHit['kind'], id: string, notesMatch: SearchHit['notesMatch'] = null): SearchHit => ({
	kind,
	id,
	title: id,
	snippet: '',
	heldOn: null,
	heading: null,
	status: null,
	weight: null,
	evidenceCount: null,
	rank: 0,
	notesMatch,
	workshopId: null
});

describe('groupHits', () => {
	it('groups by kind in the order of each kind’s best hit', () => {
		const groups = groupHits([hit('painPoint', 'a'), hit('interview', 'b'), hit('painPoint', 'c')]);
		expect(groups.map((g) => g.label)).toEqual(['Pain points', 'Interviews']);
		expect(groups[0]?.hits.map((h) => h.id)).toEqual(['a', 'c']);
	});
});

describe('hitHref', () => {
	it('opens an interview with the passage the core found selected', () => {
		expect(hitHref(hit('interview', 'i1', { start: 12, end: 18 }))).toBe('/interviews/i1?at=12-18');
	});

	it('opens the interview without a selection when only its interviewees matched', () => {
		expect(hitHref(hit('interview', 'i1'))).toBe('/interviews/i1');
	});

	it('opens a workshop card on its workshop', () => {
		expect(hitHref({ ...hit('card', 'c1'), workshopId: 'w1' })).toBe('/workshops/w1');
	});

	it('opens pain points and themes on their pages', () => {
		expect(hitHref(hit('painPoint', 'p1'))).toBe('/pain-points/p1');
		expect(hitHref(hit('theme', 't1'))).toBe('/themes/t1');
	});
});

describe('hitContext and hitTitle', () => {
	it('tell two pain points apart by weight, status and quotes', () => {
		const point = { ...hit('painPoint', 'Slow CI'), weight: 12.34, status: 'planned' as const, evidenceCount: 3 };
		expect(hitContext(point)).toMatch(/^Weight .* · Planned · 3 quotes$/);
		expect(hitTitle(point)).toBe('Slow CI');
	});

	it('name an interview by its heading, with the customer and day beside it', () => {
		const talk = { ...hit('interview', 'Payments'), heading: 'Quarterly check-in', heldOn: '2026-11-10' };
		expect(hitTitle(talk)).toBe('Quarterly check-in');
		expect(hitContext(talk)).toMatch(/^Payments, .*2026/);
		expect(hitContext(hit('interview', 'Payments'))).toBeNull();
		expect(hitContext(hit('theme', 'ci'))).toBeNull();
	});
});
