// Where a search hit opens (the registry's address for its kind; an interview at the first
// matched word) and the headings hits are grouped under.
import type { SearchHit } from '$lib/bindings/SearchHit';
import type { HitKind } from '$lib/bindings/HitKind';
import { RECORD_KINDS } from '$lib/app/registry';
import type { Range } from '$lib/interviews/selection';
import { getInterview } from '$lib/ipc';
import { locateFirstMatch } from './snippet';

/** Hits grouped by kind, groups in the order of their best hit, hits keeping their order. */
export function groupHits(hits: readonly SearchHit[]): { kind: HitKind; label: string; hits: SearchHit[] }[] {
	const groups = new Map<HitKind, SearchHit[]>();
	for (const hit of hits) groups.set(hit.kind, [...(groups.get(hit.kind) ?? []), hit]);
	return [...groups].map(([kind, list]) => ({ kind, label: RECORD_KINDS[kind].searchGroup, hits: list }));
}

/** The address a hit opens. For an interview it reads the notes to find the matched word. */
export async function hitHref(hit: SearchHit): Promise<string> {
	return RECORD_KINDS[hit.kind].href(hit.id, hit.kind === 'interview' ? await matchIn(hit) : null);
}

/** Where the hit's first matched word is in the interview's notes, or null if it cannot be read. */
async function matchIn(hit: SearchHit): Promise<Range | null> {
	try {
		const interview = await getInterview(hit.id);
		return locateFirstMatch(interview.notes, hit.snippet);
	} catch {
		return null;
	}
}
