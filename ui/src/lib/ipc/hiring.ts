// The hiring kit: the question bank (built-ins named by slugs, the team's own by ids) and
// interview guides, exported to a file picked in the app's own save dialog, in Rust.
import type { Guide } from '$lib/bindings/Guide';
import type { GuideFormat } from '$lib/bindings/GuideFormat';
import type { GuideInput } from '$lib/bindings/GuideInput';
import type { GuideSummary } from '$lib/bindings/GuideSummary';
import type { HiringQuestion } from '$lib/bindings/HiringQuestion';
import type { HiringQuestionFilter } from '$lib/bindings/HiringQuestionFilter';
import type { HiringQuestionInput } from '$lib/bindings/HiringQuestionInput';
import { call } from './call';

export const listHiringQuestions = (filter: HiringQuestionFilter) =>
	call<HiringQuestion[]>('list_hiring_questions', { filter });
export const createHiringQuestion = (input: HiringQuestionInput) =>
	call<HiringQuestion>('create_hiring_question', { input });
export const updateHiringQuestion = (id: string, input: HiringQuestionInput) =>
	call<HiringQuestion>('update_hiring_question', { id, input });
export const retireHiringQuestion = (id: string, retired: boolean) =>
	call<HiringQuestion>('retire_hiring_question', { id, retired });
export const restoreHiringQuestion = (id: string) =>
	call<HiringQuestion>('restore_hiring_question', { id });
export const listInterviewGuides = () => call<GuideSummary[]>('list_interview_guides');
export const getInterviewGuide = (id: string) => call<Guide>('get_interview_guide', { id });
export const createInterviewGuide = (input: GuideInput) =>
	call<Guide>('create_interview_guide', { input });
export const saveInterviewGuide = (id: string, input: GuideInput) =>
	call<Guide>('save_interview_guide', { id, input });
/** Resolves to the saved path, or null when the person cancels the dialog. */
export const exportInterviewGuide = (id: string, format: GuideFormat) =>
	call<string | null>('export_interview_guide', { id, format });
