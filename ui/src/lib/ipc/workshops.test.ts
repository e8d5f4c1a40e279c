import { describe, expect, it } from 'vitest';
import type { Board } from '$lib/bindings/Board';
import type { BoardCard } from '$lib/bindings/BoardCard';
import type { CardsPage } from '$lib/bindings/CardsPage';
import { wholeBoard } from './workshops';

const card = (n: number): BoardCard => ({
	id: `card-${n}`,
	text: `Card ${n}`,
	truncated: false,
	hidden: false,
	authorId: null,
	signedName: null,
	groupId: null,
	votes: null
});

const board = (cards: BoardCard[], moreCards: string | null) => ({ cards, moreCards }) as unknown as Board;

describe('wholeBoard', () => {
	it('reads the pages after the first, each after the last card read, into one board', async () => {
		const pages: Record<string, CardsPage> = {
			'card-2': { cards: [card(3), card(4)], moreCards: 'card-4' },
			'card-4': { cards: [card(5)], moreCards: null }
		};
		const asked: string[] = [];
		const whole = await wholeBoard(board([card(1), card(2)], 'card-2'), async (after) => {
			asked.push(after);
			const page = pages[after];
			if (!page) throw new Error(`no page after ${after}`);
			return page;
		});
		expect(asked).toEqual(['card-2', 'card-4']);
		expect(whole.cards.map((c) => c.id)).toEqual(['card-1', 'card-2', 'card-3', 'card-4', 'card-5']);
		expect(whole.moreCards).toBeNull();
	});

	it('asks for nothing more when the board holds every card', async () => {
		const whole = await wholeBoard(board([card(1)], null), () => Promise.reject(new Error('not asked')));
		expect(whole.cards).toHaveLength(1);
	});
});
