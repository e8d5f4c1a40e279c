// A quarter's review: kept when the quarter closed or read live, its notes and decisions, and
// the chains from customer evidence to outcome.
import type { GoalChain } from '$lib/bindings/GoalChain';
import type { Id } from '$lib/bindings/Id';
import type { QuarterNotesInput } from '$lib/bindings/QuarterNotesInput';
import type { Review } from '$lib/bindings/Review';
import { call } from './call';

export const getReview = (quarterCode: string | null) => call<Review>('get_review', { quarterCode });
export const saveReviewNotes = (input: QuarterNotesInput) => call<Review>('save_review_notes', { input });
export const regenerateReview = (quarterCode: string) => call<Review>('regenerate_review', { quarterCode });
export const goalChains = () => call<GoalChain[]>('goal_chains');
export const goalChain = (id: Id) => call<GoalChain>('goal_chain', { id });
