// The presenter window on the projector: open or close it, and read what the room may see.
import type { Board } from '$lib/bindings/Board';
import type { CardsPage } from '$lib/bindings/CardsPage';
import type { Id } from '$lib/bindings/Id';
import { call } from './call';
import { wholeBoard } from './workshops';

export const openPresenter = (workshopId: Id) => call<null>('open_presenter', { workshopId });
export const closePresenter = () => call<null>('close_presenter');
/** The workshop as the room may see it: no script, nothing hidden before its reveal. */
export const presenterBoard = async (workshopId: Id) =>
	wholeBoard(await call<Board>('presenter_board', { workshopId }), (after) =>
		presenterBoardCards(workshopId, after)
	);
export const presenterBoardCards = (workshopId: Id, after: Id) =>
	call<CardsPage>('presenter_board_cards', { workshopId, after });
