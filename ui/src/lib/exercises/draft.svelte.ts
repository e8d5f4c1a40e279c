// An exercise being edited: its fields and its steps in order, each step with a key of its own
// so the list can move steps without losing which card is which. Moving, adding and removing
// are list operations only; whether the result is a valid exercise is the core's to say when
// it is saved.
import type { Exercise } from '$lib/bindings/Exercise';
import type { ExerciseInput } from '$lib/bindings/ExerciseInput';
import type { Step } from '$lib/bindings/Step';
import { DEFAULT_MAX_VOTES_PER_ITEM, DEFAULT_VOTES_PER_PERSON } from '$lib/bindings/vocabulary';

/** A new step: a discussion of five minutes, ready to be named. */
export function newStep(): Step {
	return {
		title: 'New step',
		kind: 'discussion',
		timeboxSeconds: 300,
		prompt: '',
		script: '',
		dimensions: [],
		votesPerPerson: DEFAULT_VOTES_PER_PERSON,
		maxVotesPerItem: DEFAULT_MAX_VOTES_PER_ITEM
	};
}

export class ExerciseDraft {
	name = $state('');
	purpose = $state('');
	idea = $state('');
	steps = $state<Step[]>([]);
	/** One key per step, moved with it. */
	keys = $state<number[]>([]);
	#nextKey = 0;

	constructor(exercise: Exercise) {
		this.name = exercise.name;
		this.purpose = exercise.purpose;
		this.idea = exercise.idea;
		this.steps = exercise.steps.map((step) => ({ ...step, dimensions: [...step.dimensions] }));
		this.keys = this.steps.map(() => this.#nextKey++);
	}

	/** What saving sends. */
	input(): ExerciseInput {
		return {
			name: this.name,
			purpose: this.purpose,
			idea: this.idea,
			steps: this.steps.map((step) => ({ ...step, dimensions: [...step.dimensions] }))
		};
	}

	/** Moves the step at `from` to `to`; false when either is outside the list or they are equal. */
	move(from: number, to: number): boolean {
		const count = this.steps.length;
		if (from === to || from < 0 || to < 0 || from >= count || to >= count) return false;
		const steps = [...this.steps];
		const keys = [...this.keys];
		const [step] = steps.splice(from, 1);
		const [key] = keys.splice(from, 1);
		if (step === undefined || key === undefined) return false;
		steps.splice(to, 0, step);
		keys.splice(to, 0, key);
		this.steps = steps;
		this.keys = keys;
		return true;
	}

	/** Adds a new step after `index` (at the end without one) and returns where it went. */
	add(index: number = this.steps.length - 1): number {
		const at = Math.min(index + 1, this.steps.length);
		this.steps = [...this.steps.slice(0, at), newStep(), ...this.steps.slice(at)];
		this.keys = [...this.keys.slice(0, at), this.#nextKey++, ...this.keys.slice(at)];
		return at;
	}

	remove(index: number): Step | undefined {
		const removed = this.steps[index];
		this.steps = this.steps.filter((_, i) => i !== index);
		this.keys = this.keys.filter((_, i) => i !== index);
		return removed;
	}
}

/**
 * Splits an error's field into the step it is about and the field within it:
 * `steps.2.timeboxSeconds` is step 2's `timeboxSeconds`; `name` is no step's.
 */
export function fieldOf(field: string | undefined): { step: number | null; name: string } | null {
	if (!field) return null;
	const match = /^steps\.(\d+)\.(\w+)$/.exec(field);
	return match ? { step: Number(match[1]), name: match[2] ?? '' } : { step: null, name: field };
}
