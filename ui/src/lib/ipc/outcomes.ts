// What a workshop keeps: decisions from a card or group, the summary, and its Markdown export
// (the save dialog opens in Rust; the page only learns where it was saved).
import type { ActionItemInput } from '$lib/bindings/ActionItemInput';
import type { DecisionSource } from '$lib/bindings/DecisionSource';
import type { Id } from '$lib/bindings/Id';
import type { KudosInput } from '$lib/bindings/KudosInput';
import type { Outcome } from '$lib/bindings/Outcome';
import type { PainPointInput } from '$lib/bindings/PainPointInput';
import type { WorkshopSummary } from '$lib/bindings/WorkshopSummary';
import { call } from './call';

export const decidePainPoint = (workshopId: Id, source: DecisionSource, input: PainPointInput) =>
	call<Outcome>('decide_pain_point', { workshopId, source, input });
export const decideActionItem = (workshopId: Id, source: DecisionSource, input: ActionItemInput) =>
	call<Outcome>('decide_action_item', { workshopId, source, input });
export const decideKudos = (workshopId: Id, source: DecisionSource, input: KudosInput) =>
	call<Outcome>('decide_kudos', { workshopId, source, input });
export const listOutcomes = (workshopId: Id) => call<Outcome[]>('list_outcomes', { workshopId });
export const workshopSummary = (workshopId: Id) =>
	call<WorkshopSummary>('workshop_summary', { workshopId });
/** Opens the save dialog; resolves to the saved path, or null when cancelled. */
export const exportWorkshopMarkdown = (workshopId: Id) =>
	call<string | null>('export_workshop_markdown', { workshopId });
