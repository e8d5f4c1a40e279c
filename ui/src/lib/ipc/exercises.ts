// Exercises: the built-in library (named by slugs) and a team's own copies (named by ids).
import type { Exercise } from '$lib/bindings/Exercise';
import type { ExerciseInput } from '$lib/bindings/ExerciseInput';
import type { ExerciseSummary } from '$lib/bindings/ExerciseSummary';
import { call } from './call';

export const listExercises = () => call<ExerciseSummary[]>('list_exercises');
export const getExercise = (id: string) => call<Exercise>('get_exercise', { id });
export const duplicateExercise = (id: string) => call<Exercise>('duplicate_exercise', { id });
export const saveExercise = (id: string, input: ExerciseInput) =>
	call<Exercise>('save_exercise', { id, input });
