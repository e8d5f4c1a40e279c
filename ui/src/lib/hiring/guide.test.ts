import { describe, expect, it } from 'vitest';
import { moved, withQuestion, without } from './guide';

const items = ['a', 'b', 'c'].map((question) => ({ question, minutes: null, note: '' }));
const order = (list: { question: string }[]) => list.map((item) => item.question).join('');

describe('the guide builder', () => {
	it('moves a question up or down one place and never past either end', () => {
		expect(order(moved(items, 1, -1))).toBe('bac');
		expect(order(moved(items, 1, 1))).toBe('acb');
		expect(order(moved(items, 0, -1))).toBe('abc');
		expect(order(moved(items, 2, 1))).toBe('abc');
	});
	it('removes a question and adds one only once', () => {
		expect(order(without(items, 1))).toBe('ac');
		expect(order(withQuestion(items, 'd'))).toBe('abcd');
		expect(order(withQuestion(items, 'b'))).toBe('abc');
	});
});
