// Goals: a metric, a target and the quarter it is due, and a goal's page with its trend.
import type { Goal } from '$lib/bindings/Goal';
import type { GoalInput } from '$lib/bindings/GoalInput';
import type { GoalPage } from '$lib/bindings/GoalPage';
import type { Id } from '$lib/bindings/Id';
import { call } from './call';

export const listGoals = () => call<Goal[]>('list_goals');
export const createGoal = (input: GoalInput) => call<Goal>('create_goal', { input });
export const updateGoal = (id: Id, input: GoalInput) => call<Goal>('update_goal', { id, input });
export const goalPage = (id: Id) => call<GoalPage>('goal_page', { id });
