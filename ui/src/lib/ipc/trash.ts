// The Trash: moving any kind of record there, restoring it, emptying it.
import type { Emptied } from '$lib/bindings/Emptied';
import type { EntityKind } from '$lib/bindings/EntityKind';
import type { Id } from '$lib/bindings/Id';
import type { PageRequest } from '$lib/bindings/PageRequest';
import type { Trash } from '$lib/bindings/Trash';
import { call } from './call';

export const moveToTrash = (kind: EntityKind, id: Id) => call<null>('move_to_trash', { kind, id });
export const listTrash = (page: PageRequest) => call<Trash>('list_trash', { page });
export const restoreFromTrash = (kind: EntityKind, id: Id) =>
	call<null>('restore_from_trash', { kind, id });
export const emptyTrash = () => call<Emptied>('empty_trash');
