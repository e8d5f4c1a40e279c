// Surveys: rounds, typed-in responses, unmatched teams, comments, and importing an export.
import { Channel } from '@tauri-apps/api/core';
import type { Id } from '$lib/bindings/Id';
import type { Progress } from '$lib/bindings/Progress';
import type { ResponseInput } from '$lib/bindings/ResponseInput';
import type { Survey } from '$lib/bindings/Survey';
import type { SurveyComment } from '$lib/bindings/SurveyComment';
import type { SurveyFile } from '$lib/bindings/SurveyFile';
import type { SurveyImported } from '$lib/bindings/SurveyImported';
import type { SurveyImportMapping } from '$lib/bindings/SurveyImportMapping';
import type { SurveyImportPreview } from '$lib/bindings/SurveyImportPreview';
import type { SurveyInput } from '$lib/bindings/SurveyInput';
import type { UnmatchedTeam } from '$lib/bindings/UnmatchedTeam';
import { call } from './call';

export const listSurveys = (quarter: string | null) => call<Survey[]>('list_surveys', { quarter });
export const getSurvey = (id: Id) => call<Survey>('get_survey', { id });
export const createSurvey = (input: SurveyInput) => call<Survey>('create_survey', { input });
export const addSurveyResponse = (input: ResponseInput) => call<Id>('add_survey_response', { input });
export const listUnmatchedTeams = (surveyId: Id) =>
	call<UnmatchedTeam[]>('list_unmatched_teams', { surveyId });
export const assignSurveyCustomer = (surveyId: Id, teamLabel: string, customerId: Id) =>
	call<number>('assign_survey_customer', { surveyId, teamLabel, customerId });
export const listSurveyComments = (surveyId: Id, offset: number) =>
	call<SurveyComment[]>('list_survey_comments', { surveyId, offset });
export const quoteSurveyComment = (responseId: Id, questionId: Id, painPointId: Id, quote: string | null) =>
	call<Id>('quote_survey_comment', { responseId, questionId, painPointId, quote });
/** Opens the system's file dialog; `null` when the person cancels it. */
export const chooseSurveyFile = (surveyId: Id) => call<SurveyFile | null>('choose_survey_file', { surveyId });
export const previewSurveyImport = (handle: number, mapping: SurveyImportMapping) =>
	call<SurveyImportPreview>('preview_survey_import', { handle, mapping });
/** Imports the picked file; `onProgress` hears how many responses are written. */
export function importSurvey(
	handle: number,
	mapping: SurveyImportMapping,
	onProgress: (progress: Progress) => void
): Promise<SurveyImported> {
	const progress = new Channel<Progress>();
	progress.onmessage = onProgress;
	return call<SurveyImported>('import_survey', { handle, mapping, progress });
}
export const cancelSurveyImport = (handle: number) => call<void>('cancel_survey_import', { handle });
