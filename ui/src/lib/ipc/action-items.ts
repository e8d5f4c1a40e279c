// Action items: what a team agreed to do, the carry-over a workshop opens with, and a status
// recorded on the spot.
import type { ActionItem } from '$lib/bindings/ActionItem';
import type { ActionItemFilter } from '$lib/bindings/ActionItemFilter';
import type { ActionItemInput } from '$lib/bindings/ActionItemInput';
import type { ActionStatus } from '$lib/bindings/ActionStatus';
import type { Id } from '$lib/bindings/Id';
import type { Page } from '$lib/bindings/Page';
import type { PageRequest } from '$lib/bindings/PageRequest';
import { call } from './call';

export const createActionItem = (input: ActionItemInput) =>
	call<ActionItem>('create_action_item', { input });
export const listActionItems = (filter: ActionItemFilter, page: PageRequest) =>
	call<Page<ActionItem>>('list_action_items', { filter, page });
export const carryOverActionItems = (teamId: Id) =>
	call<ActionItem[]>('carry_over_action_items', { teamId });
export const setActionItemStatus = (id: Id, status: ActionStatus, note: string, changedBy: Id | null) =>
	call<ActionItem>('set_action_item_status', { id, status, note, changedBy });
