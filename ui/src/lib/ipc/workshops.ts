// Workshops: planning with the facilitator rota, running step by step with a timer, and the
// room's cards, groups, votes and ratings. Actions resolve to nothing: the `changed` event they
// announce (kind `workshop`, with the workshop's id) refreshes the board.
import type { AcceptedGrouping } from '$lib/bindings/AcceptedGrouping';
import type { Board } from '$lib/bindings/Board';
import type { Card } from '$lib/bindings/Card';
import type { CardsPage } from '$lib/bindings/CardsPage';
import type { CardInput } from '$lib/bindings/CardInput';
import type { DimensionTrend } from '$lib/bindings/DimensionTrend';
import type { Group } from '$lib/bindings/Group';
import type { GroupingProposal } from '$lib/bindings/GroupingProposal';
import type { Id } from '$lib/bindings/Id';
import type { Page } from '$lib/bindings/Page';
import type { PageRequest } from '$lib/bindings/PageRequest';
import type { PlanInput } from '$lib/bindings/PlanInput';
import type { RatingInput } from '$lib/bindings/RatingInput';
import type { RotaEntry } from '$lib/bindings/RotaEntry';
import type { VoteInput } from '$lib/bindings/VoteInput';
import type { VoteResult } from '$lib/bindings/VoteResult';
import type { Workshop } from '$lib/bindings/Workshop';
import type { WorkshopFilter } from '$lib/bindings/WorkshopFilter';
import type { WorkshopListItem } from '$lib/bindings/WorkshopListItem';
import { call } from './call';

export const listWorkshops = (filter: WorkshopFilter, page: PageRequest) =>
	call<Page<WorkshopListItem>>('list_workshops', { filter, page });
export const runningWorkshop = () => call<Id | null>('running_workshop');
export const getWorkshop = (id: Id) => call<Workshop>('get_workshop', { id });
export const planWorkshop = (input: PlanInput) => call<Workshop>('plan_workshop', { input });
export const updateWorkshopPlan = (id: Id, input: PlanInput) =>
	call<Workshop>('update_workshop_plan', { id, input });
export const facilitatorRota = (teamId: Id) => call<RotaEntry[]>('facilitator_rota', { teamId });
export const suggestFacilitator = (teamId: Id) =>
	call<RotaEntry | null>('suggest_facilitator', { teamId });

export const startWorkshop = (id: Id) => call<null>('start_workshop', { id });
export const nextStep = (id: Id) => call<null>('next_step', { id });
export const previousStep = (id: Id) => call<null>('previous_step', { id });
export const goToStep = (id: Id, step: number) => call<null>('go_to_step', { id, step });
export const finishWorkshop = (id: Id) => call<null>('finish_workshop', { id });
export const startTimer = (id: Id) => call<null>('start_timer', { id });
export const pauseTimer = (id: Id) => call<null>('pause_timer', { id });
export const addTimerMinute = (id: Id) => call<null>('add_timer_minute', { id });
export const keepWorkshopAlive = (id: Id) => call<null>('keep_workshop_alive', { id });

/** The facilitator's board with every card: it carries the first page, the rest follow. */
export const getWorkshopBoard = async (id: Id) =>
	wholeBoard(await call<Board>('get_workshop_board', { id }), (after) =>
		workshopBoardCards(id, after)
	);
export const workshopBoardCards = (id: Id, after: Id) =>
	call<CardsPage>('workshop_board_cards', { id, after });

/** `board` with the cards that follow its first page, read a page at a time by `page`. */
export async function wholeBoard(
	board: Board,
	page: (after: Id) => Promise<CardsPage>
): Promise<Board> {
	const cards = [...board.cards];
	let after = board.moreCards;
	while (after !== null) {
		const next = await page(after);
		cards.push(...next.cards);
		after = next.moreCards;
	}
	return { ...board, cards, moreCards: null };
}
export const addWorkshopCard = (workshopId: Id, input: CardInput) =>
	call<Card>('add_workshop_card', { workshopId, input });
export const getWorkshopCard = (id: Id) => call<Card>('get_workshop_card', { id });
export const removeWorkshopCard = (id: Id) => call<null>('remove_workshop_card', { id });
export const createCardGroup = (workshopId: Id, name: string, cardIds: Id[] = []) =>
	call<Group>('create_card_group', { workshopId, name, cardIds });
export const renameCardGroup = (id: Id, name: string) =>
	call<Group>('rename_card_group', { id, name });
export const moveWorkshopCard = (cardId: Id, groupId: Id | null) =>
	call<null>('move_workshop_card', { cardId, groupId });
export const ungroupCards = (id: Id) => call<null>('ungroup_cards', { id });
export const suggestCardGroups = (workshopId: Id) =>
	call<GroupingProposal>('suggest_card_groups', { workshopId });
export const acceptCardGroups = (workshopId: Id, proposal: GroupingProposal) =>
	call<AcceptedGrouping>('accept_card_groups', { workshopId, proposal });
export const undoCardGroups = (workshopId: Id, batch: Id) =>
	call<null>('undo_card_groups', { workshopId, batch });

export const castVotes = (workshopId: Id, personId: Id, ballot: VoteInput[]) =>
	call<null>('cast_votes', { workshopId, personId, ballot });
export const getBallot = (workshopId: Id, personId: Id) =>
	call<VoteInput[]>('get_ballot', { workshopId, personId });
export const workshopVoteResults = (workshopId: Id) =>
	call<VoteResult[]>('workshop_vote_results', { workshopId });
export const rateDimensions = (workshopId: Id, input: RatingInput) =>
	call<null>('rate_dimensions', { workshopId, input });
export const ratingTrend = (teamId: Id, exerciseId: string) =>
	call<DimensionTrend[]>('rating_trend', { teamId, exerciseId });
