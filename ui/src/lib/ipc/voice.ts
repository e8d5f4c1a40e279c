// Typed wrappers for what customers said: interviews and their evidence, pain points, themes,
// coverage, search and import (IPC contract, issue 3). Every wrapper rejects with an `ErrorReport`.
import type { Coverage } from '$lib/bindings/Coverage';
import type { Evidence } from '$lib/bindings/Evidence';
import type { Highlight } from '$lib/bindings/Highlight';
import type { Id } from '$lib/bindings/Id';
import type { ImportHandle } from '$lib/bindings/ImportHandle';
import type { ImportPreview } from '$lib/bindings/ImportPreview';
import type { Interview } from '$lib/bindings/Interview';
import type { InterviewFilter } from '$lib/bindings/InterviewFilter';
import type { InterviewInput } from '$lib/bindings/InterviewInput';
import type { InterviewSummary } from '$lib/bindings/InterviewSummary';
import type { Page } from '$lib/bindings/Page';
import type { PageRequest } from '$lib/bindings/PageRequest';
import type { PainPoint } from '$lib/bindings/PainPoint';
import type { PainPointFilter } from '$lib/bindings/PainPointFilter';
import type { PainPointInput } from '$lib/bindings/PainPointInput';
import type { PainPointSummary } from '$lib/bindings/PainPointSummary';
import type { SearchHit } from '$lib/bindings/SearchHit';
import type { Status } from '$lib/bindings/Status';
import type { Tag } from '$lib/bindings/Tag';
import type { Theme } from '$lib/bindings/Theme';
import { call } from './call';

export const listInterviews = (filter: InterviewFilter, page: PageRequest) =>
	call<Page<InterviewSummary>>('list_interviews', { filter, page });
export const getInterview = (id: Id) => call<Interview>('get_interview', { id });
export const createInterview = (input: InterviewInput) =>
	call<Interview>('create_interview', { input });
export const updateInterview = (id: Id, input: InterviewInput) =>
	call<Interview>('update_interview', { id, input });
export const saveInterviewNotes = (id: Id, notes: string) =>
	call<null>('save_interview_notes', { id, notes });

export const markEvidence = (interviewId: Id, start: number, end: number, painPointId: Id) =>
	call<Highlight>('mark_evidence', { interviewId, start, end, painPointId });
export const markEvidenceAsNewPainPoint = (
	interviewId: Id,
	start: number,
	end: number,
	input: PainPointInput
) => call<Highlight>('mark_evidence_as_new_pain_point', { interviewId, start, end, input });
export const removeHighlight = (id: Id) => call<null>('remove_highlight', { id });

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

export const listThemes = () => call<Theme[]>('list_themes');
export const createTheme = (name: string) => call<Tag>('create_theme', { name });
export const renameTheme = (id: Id, name: string) => call<Tag>('rename_theme', { id, name });
export const mergeThemes = (sourceId: Id, targetId: Id) =>
	call<Tag>('merge_themes', { sourceId, targetId });

export const customerCoverage = () => call<Coverage>('customer_coverage');
export const setUnheardAfterWeeks = (weeks: number) =>
	call<Coverage>('set_unheard_after_weeks', { weeks });

export const search = (query: string) => call<SearchHit[]>('search', { query });

/**
 * Opens the native folder picker (from Rust) and previews importing the folder; null when the
 * person cancelled. Rust keeps what it read; the preview holds a handle to it and a summary.
 */
export const chooseInterviewFolder = () => call<ImportPreview | null>('choose_interview_folder');
/** Imports exactly what the preview with this handle showed; a handle imports once. */
export const importInterviews = (handle: ImportHandle) => call<number>('import_interviews', { handle });
