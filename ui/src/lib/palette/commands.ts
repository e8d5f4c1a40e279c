// What the command palette offers, and how typing narrows it. Pure, so it is tested directly.
// The screens to go to and the records to create come from the app's registry.
import { isListed, RECORD_KINDS, screens, type ListedKind } from '$lib/app/registry';
import type { EntityKind } from '$lib/bindings/EntityKind';
import { ENTITY_KINDS } from '$lib/bindings/vocabulary';
import type { ThemeChoice } from '$lib/theme/theme.svelte';

export type CommandGroup = 'Go to' | 'Create' | 'Workspace' | 'Theme' | 'Found';

export type PaletteCommand = {
	id: string;
	label: string;
	group: CommandGroup;
	keywords: string[];
	run: () => void;
};

export type PaletteActions = {
	navigate: (path: string) => void;
	create: (kind: ListedKind) => void;
	loadExample: () => void;
	backUp: () => void;
	setTheme: (choice: ThemeChoice) => void;
};

/**
 * The commands for the current workspace. An empty workspace offers only what the welcome
 * screen offers: creating the first team and loading the example.
 */
export function paletteCommands(empty: boolean, actions: PaletteActions): PaletteCommand[] {
	const themes: PaletteCommand[] = (['light', 'dark', 'system'] as const).map((choice) => ({
		id: `theme-${choice}`,
		label: choice === 'system' ? 'Use the system theme' : `Use the ${choice} theme`,
		group: 'Theme',
		keywords: ['theme', 'appearance', 'colour', 'color', 'mode'],
		run: () => actions.setTheme(choice)
	}));
	if (empty) {
		return [
			{
				id: 'create-team',
				label: RECORD_KINDS.team.create.label,
				group: 'Create',
				keywords: ['add', 'create', 'first'],
				run: () => actions.create('team')
			},
			{
				id: 'load-example',
				label: 'Load example workspace',
				group: 'Workspace',
				keywords: ['demo', 'sample', 'try'],
				run: actions.loadExample
			},
			...themes
		];
	}
	return [
		...screens().flatMap((screen) =>
			screen.palette
				? [
						{
							id: `go-${screen.name}`,
							label: screen.title,
							group: 'Go to' as const,
							keywords: ['go', 'open', 'show', ...screen.palette.keywords],
							run: () => actions.navigate(screen.route)
						}
					]
				: []
		),
		...ENTITY_KINDS.map(({ value }) => value).filter(isListed).map((kind) => ({
			id: `create-${kind}`,
			label: RECORD_KINDS[kind].create.label,
			group: 'Create' as const,
			keywords: RECORD_KINDS[kind].create.keywords,
			run: () => actions.create(kind)
		})),
		{
			id: 'back-up',
			label: 'Back up now',
			group: 'Workspace',
			keywords: ['backup', 'save', 'copy'],
			run: actions.backUp
		},
		...themes
	];
}

function score(command: PaletteCommand, token: string): number {
	const label = command.label.toLowerCase();
	if (label.startsWith(token)) return 4;
	if (label.split(/\s+/).some((word) => word.startsWith(token))) return 3;
	if (command.keywords.some((keyword) => keyword.toLowerCase().startsWith(token))) return 2;
	if (label.includes(token)) return 1;
	return 0;
}

/**
 * The commands matching every word of `query` (by label or keyword), best matches first;
 * ties keep their original order. An empty query returns every command.
 */
export function filterCommands(commands: PaletteCommand[], query: string): PaletteCommand[] {
	const tokens = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
	if (tokens.length === 0) return commands;
	return commands
		.map((command, index) => {
			const scores = tokens.map((token) => score(command, token));
			const total = scores.every((s) => s > 0) ? scores.reduce((a, b) => a + b, 0) : 0;
			return { command, index, total };
		})
		.filter((entry) => entry.total > 0)
		.sort((a, b) => b.total - a.total || a.index - b.index)
		.map((entry) => entry.command);
}

/** The commands grouped for display, groups in first-appearance order. */
export function groupCommands(
	commands: PaletteCommand[]
): { group: CommandGroup; commands: PaletteCommand[] }[] {
	const groups = new Map<CommandGroup, PaletteCommand[]>();
	for (const command of commands) {
		const list = groups.get(command.group) ?? [];
		list.push(command);
		groups.set(command.group, list);
	}
	return [...groups].map(([group, list]) => ({ group, commands: list }));
}
