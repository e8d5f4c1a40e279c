// Pain points: the list by weight, one with its evidence, status changes and merges.
import type { Evidence } from '$lib/bindings/Evidence';
import type { Id } from '$lib/bindings/Id';
import type { Page } from '$lib/bindings/Page';
import type { PageRequest } from '$lib/bindings/PageRequest';
import type { PainPoint } from '$lib/bindings/PainPoint';
import type { PainPointFilter } from '$lib/bindings/PainPointFilter';
import type { PainPointInput } from '$lib/bindings/PainPointInput';
import type { PainPointSummary } from '$lib/bindings/PainPointSummary';
import type { Status } from '$lib/bindings/Status';
import { call } from './call';

export const listPainPoints = (filter: PainPointFilter, page: PageRequest) =>
	call<Page<PainPointSummary>>('list_pain_points', { filter, page });
export const getPainPoint = (id: Id) => call<PainPoint>('get_pain_point', { id });
export const listEvidence = (id: Id, page: PageRequest) =>
	call<Page<Evidence>>('list_evidence', { id, page });
export const createPainPoint = (input: PainPointInput) =>
	call<PainPoint>('create_pain_point', { input });
export const updatePainPoint = (id: Id, input: PainPointInput) =>
	call<PainPoint>('update_pain_point', { id, input });
export const setPainPointStatus = (id: Id, status: Status, changedBy: Id | null) =>
	call<PainPoint>('set_pain_point_status', { id, status, changedBy });
export const mergePainPoints = (sourceId: Id, targetId: Id) =>
	call<PainPoint>('merge_pain_points', { sourceId, targetId });
