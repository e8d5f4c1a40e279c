// Commitments: a quarter's board and what each owner carries, a commitment's page with its
// check-ins, the team's decisions about it, and closing a quarter.
import type { CheckInInput } from '$lib/bindings/CheckInInput';
import type { CloseDecision } from '$lib/bindings/CloseDecision';
import type { Commitment } from '$lib/bindings/Commitment';
import type { CommitmentBoard } from '$lib/bindings/CommitmentBoard';
import type { CommitmentDecided } from '$lib/bindings/CommitmentDecided';
import type { CommitmentInput } from '$lib/bindings/CommitmentInput';
import type { CommitmentPage } from '$lib/bindings/CommitmentPage';
import type { CommitmentState } from '$lib/bindings/CommitmentState';
import type { Id } from '$lib/bindings/Id';
import type { OwnerLoad } from '$lib/bindings/OwnerLoad';
import type { QuarterClosed } from '$lib/bindings/QuarterClosed';
import type { Tag } from '$lib/bindings/Tag';
import { call } from './call';

export const commitmentBoard = (quarterCode: string | null) =>
	call<CommitmentBoard>('commitment_board', { quarterCode });
export const commitmentsByOwner = (quarterCode: string | null) =>
	call<OwnerLoad[]>('commitments_by_owner', { quarterCode });
export const getCommitment = (id: Id) => call<CommitmentPage>('get_commitment', { id });
export const commitmentsForGoal = (goalId: Id) =>
	call<Commitment[]>('commitments_for_goal', { goalId });
export const createCommitment = (input: CommitmentInput) =>
	call<Commitment>('create_commitment', { input });
export const updateCommitment = (id: Id, input: CommitmentInput) =>
	call<Commitment>('update_commitment', { id, input });
export const checkIn = (commitmentId: Id, input: CheckInInput) =>
	call<Commitment>('check_in', { commitmentId, input });
export const setCommitmentState = (id: Id, state: CommitmentState, note: string) =>
	call<CommitmentDecided>('set_commitment_state', { id, state, note });
export const addressPainPoints = (id: Id, painPointIds: Id[]) =>
	call<Tag[]>('address_pain_points', { id, painPointIds });
export const quarterToClose = (quarterCode: string) =>
	call<Commitment[]>('quarter_to_close', { quarterCode });
export const closeQuarter = (quarterCode: string, decisions: CloseDecision[]) =>
	call<QuarterClosed>('close_quarter', { quarterCode, decisions });
export const commitActionItem = (actionItemId: Id, quarterCode: string) =>
	call<Commitment>('commit_action_item', { actionItemId, quarterCode });
