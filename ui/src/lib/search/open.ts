// Where a search hit opens (the registry's address for its kind; an interview at the first
// matched passage of its notes, which the core finds; a workshop card, its workshop; a survey
// comment, its round, which the hit names) and the headings hits are grouped under.
import type { SearchHit } from '$lib/bindings/SearchHit';
import type { HitKind } from '$lib/bindings/HitKind';
import { RECORD_KINDS, SCREENS } from '$lib/app/registry';
import { STATUS_LABELS } from '$lib/bindings/vocabulary';
import { day, plural, weight } from '$lib/format';

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

/**
 * What tells a hit apart from a similar one, beside its title: for a pain point its weight,
 * status and quotes; for an interview the customer and day when its own heading is the title.
 */
export function hitContext(hit: SearchHit): string | null {
	if (hit.kind === 'painPoint' && hit.weight !== null && hit.status !== null) {
		return `Weight ${weight(hit.weight)} · ${STATUS_LABELS[hit.status]} · ${plural(hit.evidenceCount ?? 0, 'quote', 'quotes')}`;
	}
	if (hit.kind === 'interview' && hit.heading !== null) {
		return hit.heldOn ? `${hit.title}, ${day(hit.heldOn)}` : hit.title;
	}
	return null;
}

/** A hit's own name: an interview's heading when its notes have one, else its title. */
export function hitTitle(hit: SearchHit): string {
	return hit.kind === 'interview' && hit.heading !== null ? hit.heading : hit.title;
}
