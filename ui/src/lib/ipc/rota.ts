// The support rota: a team's weeks ahead, absences, shifts, conversations and coverage.
import type { Absence } from '$lib/bindings/Absence';
import type { AbsenceInput } from '$lib/bindings/AbsenceInput';
import type { ConversationInput } from '$lib/bindings/ConversationInput';
import type { Id } from '$lib/bindings/Id';
import type { QuarterCoverage } from '$lib/bindings/QuarterCoverage';
import type { Rota } from '$lib/bindings/Rota';
import type { RotaPlanInput } from '$lib/bindings/RotaPlanInput';
import type { ShiftInput } from '$lib/bindings/ShiftInput';
import type { SupportConversation } from '$lib/bindings/SupportConversation';
import type { SupportWeek } from '$lib/bindings/SupportWeek';
import { call } from './call';

/** The team's rota for `weeks` weeks from the week holding `from` (this week when `null`). */
export const supportRota = (teamId: Id, from: string | null, weeks: number) =>
	call<Rota>('support_rota', { teamId, from, weeks });
export const planSupportRota = (input: RotaPlanInput) => call<Rota>('plan_support_rota', { input });
export const recordSupportShift = (input: ShiftInput) => call<SupportWeek>('record_support_shift', { input });
export const addAbsence = (input: AbsenceInput) => call<Absence>('add_absence', { input });
export const addSupportConversation = (input: ConversationInput) =>
	call<SupportConversation>('add_support_conversation', { input });
export const listSupportConversations = (teamId: Id | null, limit: number) =>
	call<SupportConversation[]>('list_support_conversations', { teamId, limit });
/** Coverage by level of the `quarters` quarters up to `until` (`2026-Q3`) or this one; every team's when `teamId` is `null`. */
export const supportCoverage = (teamId: Id | null, quarters: number, until: string | null = null) =>
	call<QuarterCoverage[]>('support_coverage', { teamId, quarters, until });
