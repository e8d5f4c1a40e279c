// Where a search hit opens: an interview at the first matched word, a pain point's page, or the
// theme's card on the Themes screen.
import type { SearchHit } from '$lib/bindings/SearchHit';
import type { HitKind } from '$lib/bindings/HitKind';
import { interviewHref } from '$lib/interviews/selection';
import { getInterview } from '$lib/ipc';
import { locateFirstMatch } from './snippet';

export const HIT_GROUPS: Record<HitKind, string> = {
	interview: 'Interviews',
	painPoint: 'Pain points',
	theme: 'Themes'
};

/** Hits grouped by kind, groups in the order of their best hit, hits keeping their order. */
export function groupHits(hits: readonly SearchHit[]): { kind: HitKind; label: string; hits: SearchHit[] }[] {
	const groups = new Map<HitKind, SearchHit[]>();
	for (const hit of hits) groups.set(hit.kind, [...(groups.get(hit.kind) ?? []), hit]);
	return [...groups].map(([kind, list]) => ({ kind, label: HIT_GROUPS[kind], hits: list }));
}

/** The address a hit opens. For an interview it reads the notes to find the matched word. */
export async function hitHref(hit: SearchHit): Promise<string> {
	switch (hit.kind) {
		case 'interview': {
			try {
				const interview = await getInterview(hit.id);
				return interviewHref(hit.id, locateFirstMatch(interview.notes, hit.snippet));
			} catch {
				return interviewHref(hit.id);
			}
		}
		case 'painPoint':
			return `/pain-points/${hit.id}`;
		case 'theme':
			return `/themes#theme-${hit.id}`;
	}
}
