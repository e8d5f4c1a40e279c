// Where a search hit opens (the registry's address for its kind; an interview at the first
// matched passage of its notes, which the core finds; a workshop card, its workshop) and the headings hits are grouped under.
import type { SearchHit } from '$lib/bindings/SearchHit';
import type { HitKind } from '$lib/bindings/HitKind';
import { RECORD_KINDS, SCREENS } from '$lib/app/registry';

/** Hits grouped by kind, groups in the order of their best hit, hits keeping their order. */
export function groupHits(hits: readonly SearchHit[]): { kind: HitKind; label: string; hits: SearchHit[] }[] {
	const groups = new Map<HitKind, SearchHit[]>();
	for (const hit of hits) groups.set(hit.kind, [...(groups.get(hit.kind) ?? []), hit]);
	return [...groups].map(([kind, list]) => ({ kind, label: RECORD_KINDS[kind].searchGroup, hits: list }));
}

/**
 * The address a hit opens: an interview with the first matched passage of its notes selected; a
 * workshop card, its workshop, which the core names on the hit.
 */
export function hitHref(hit: SearchHit): string {
	if (hit.kind === 'card') return hit.workshopId ? RECORD_KINDS.workshop.href(hit.workshopId) : SCREENS.workshops.route;
	return RECORD_KINDS[hit.kind].href(hit.id, hit.notesMatch);
}
