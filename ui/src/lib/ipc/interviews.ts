// Interviews: their details and notes, the evidence marked in the notes, and importing a folder
// of notes.
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
import type { PainPointInput } from '$lib/bindings/PainPointInput';
import { call } from './call';

export const listInterviews = (filter: InterviewFilter, page: PageRequest) =>
	call<Page<InterviewSummary>>('list_interviews', { filter, page });
export const getInterview = (id: Id) => call<Interview>('get_interview', { id });
export const createInterview = (input: InterviewInput) =>
	call<Interview>('create_interview', { input });
export const updateInterview = (id: Id, input: InterviewInput) =>
	call<Interview>('update_interview', { id, input });
export const saveInterviewNotes = (id: Id, notes: string) =>
	call<string | null>('save_interview_notes', { id, notes });

export const markEvidence = (interviewId: Id, start: number, end: number, painPointId: Id) =>
	call<Highlight>('mark_evidence', { interviewId, start, end, painPointId });
export const markEvidenceAsNewPainPoint = (
	interviewId: Id,
	start: number,
	end: number,
	input: PainPointInput
) => call<Highlight>('mark_evidence_as_new_pain_point', { interviewId, start, end, input });
export const removeHighlight = (id: Id) => call<null>('remove_highlight', { id });

/**
 * Opens the native folder picker (from Rust) and previews importing the folder; null when the
 * person cancelled. Rust keeps what it read; the preview holds a handle to it and a summary.
 */
export const chooseInterviewFolder = () => call<ImportPreview | null>('choose_interview_folder');
/** Imports exactly what the preview with this handle showed; a handle imports once. */
export const importInterviews = (handle: ImportHandle) => call<number>('import_interviews', { handle });
