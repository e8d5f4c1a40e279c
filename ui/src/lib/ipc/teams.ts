// Teams.
import type { Id } from '$lib/bindings/Id';
import type { Team } from '$lib/bindings/Team';
import type { TeamInput } from '$lib/bindings/TeamInput';
import { call } from './call';

export const listTeams = () => call<Team[]>('list_teams');
export const createTeam = (input: TeamInput) => call<Team>('create_team', { input });
export const updateTeam = (id: Id, input: TeamInput) => call<Team>('update_team', { id, input });
