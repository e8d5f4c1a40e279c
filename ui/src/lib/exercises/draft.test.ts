import { describe, expect, it } from 'vitest';
import type { Exercise } from '$lib/bindings/Exercise';
import { ExerciseDraft, fieldOf, newStep } from './draft.svelte';

function exercise(titles: string[]): Exercise {
	return {
		id: '019a1000-0000-7000-8000-000000000001',
		builtIn: false,
		name: 'Ours',
		purpose: '',
		idea: '',
		steps: titles.map((title) => ({ ...newStep(), title })),
		totalSeconds: titles.length * 300,
		basedOn: 'wins-and-kudos',
		updatedAt: null
	};
}

const titles = (draft: ExerciseDraft) => draft.input().steps.map((s) => s.title);

describe('an exercise being edited', () => {
	it('moves a step with its key', () => {
		const draft = new ExerciseDraft(exercise(['a', 'b', 'c']));
		const key = draft.keys[0];
		expect(draft.move(0, 2)).toBe(true);
		expect(titles(draft)).toEqual(['b', 'c', 'a']);
		expect(draft.keys[2], 'the key travels with its step').toBe(key);
		expect(draft.move(0, 3), 'nothing moves past the end').toBe(false);
		expect(draft.move(-1, 0)).toBe(false);
		expect(titles(draft)).toEqual(['b', 'c', 'a']);
	});

	it('adds after a step and removes one', () => {
		const draft = new ExerciseDraft(exercise(['a', 'b']));
		expect(draft.add(0)).toBe(1);
		expect(titles(draft)).toEqual(['a', 'New step', 'b']);
		expect(new Set(draft.keys).size, 'every step has its own key').toBe(3);
		expect(draft.add()).toBe(3);
		draft.remove(1);
		expect(titles(draft)).toEqual(['a', 'b', 'New step']);
	});

	it('sends a copy of its steps, not the ones it edits', () => {
		const draft = new ExerciseDraft(exercise(['a']));
		const sent = draft.input();
		draft.steps[0]!.title = 'changed';
		expect(sent.steps[0]?.title).toBe('a');
	});

	it('reads which step an error is about', () => {
		expect(fieldOf('steps.2.timeboxSeconds')).toEqual({ step: 2, name: 'timeboxSeconds' });
		expect(fieldOf('name')).toEqual({ step: null, name: 'name' });
		expect(fieldOf(undefined)).toBeNull();
	});
});
