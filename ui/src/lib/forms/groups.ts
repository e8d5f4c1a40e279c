// Choices grouped under the team they belong to, in the teams' order, for pickers.
import type { Team } from '$lib/bindings/Team';

export type PickerOption = { value: string; label: string; detail?: string };
export type PickerGroup = { label: string; options: PickerOption[] };

export function groupByTeam<T extends { teamId: string }>(
	teams: readonly Team[],
	items: readonly T[],
	option: (item: T) => PickerOption
): PickerGroup[] {
	return teams.map((team) => ({
		label: team.name,
		options: items.filter((item) => item.teamId === team.id).map(option)
	}));
}
