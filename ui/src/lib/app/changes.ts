// Which reads a `changed` event concerns. The core says what a write changed (kinds, ids,
// settings, whether counts can have changed); each read names what it shows, and refreshes only
// when a change touches it. A view that made a write itself can say what echo to expect, so its
// own autosave does not refetch what it already shows.
import type { Changed } from '$lib/bindings/Changed';
import type { EntityKind } from '$lib/bindings/EntityKind';

/**
 * What a read can show: records of a kind, the workspace's settings, or which records exist at
 * all (`counts`: one was created, trashed, restored or destroyed).
 */
export type Shown = EntityKind | 'settings' | 'counts';

/**
 * Whether `change` can alter a read of `shows`. With `own`, the read shows one record of the
 * first kind in `shows`: a change to other records of that kind does not concern it.
 */
export function concerns(change: Changed, shows: readonly Shown[], own: string | null = null): boolean {
	if (change.settings && shows.includes('settings')) return true;
	if (change.counts && shows.includes('counts')) return true;
	return change.kinds.some((kind) => {
		if (!shows.includes(kind)) return false;
		if (own === null || kind !== shows[0]) return true;
		return change.ids.length === 0 || change.ids.includes(own);
	});
}

/** A change a view expects from its own write: no more than these records of these kinds. */
export type Echo = { kinds: readonly EntityKind[]; ids: readonly string[] };

/** Whether `change` is no more than `echo`: then the view that wrote it already shows it. */
export function isEcho(change: Changed, echo: Echo): boolean {
	return (
		!change.settings &&
		!change.counts &&
		change.ids.length > 0 &&
		change.kinds.every((kind) => echo.kinds.includes(kind)) &&
		change.ids.every((id) => echo.ids.includes(id))
	);
}
