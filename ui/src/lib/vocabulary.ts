// Labels people read for the closed vocabularies of the domain, in the order they are offered.
import type { EntityKind } from '$lib/bindings/EntityKind';
import type { Level } from '$lib/bindings/Level';
import type { Stage } from '$lib/bindings/Stage';

export const LEVELS: readonly { value: Level; label: string }[] = [
	{ value: 'junior', label: 'Junior' },
	{ value: 'mid', label: 'Mid-level' },
	{ value: 'senior', label: 'Senior' },
	{ value: 'staff', label: 'Staff' },
	{ value: 'principal', label: 'Principal' }
];

export const STAGES: readonly { value: Stage; label: string }[] = [
	{ value: 'incubating', label: 'Incubating' },
	{ value: 'generallyAvailable', label: 'Generally available' },
	{ value: 'deprecated', label: 'Deprecated' }
];

const LEVEL_LABELS: Record<Level, string> = {
	junior: 'Junior',
	mid: 'Mid-level',
	senior: 'Senior',
	staff: 'Staff',
	principal: 'Principal'
};

const STAGE_LABELS: Record<Stage, string> = {
	incubating: 'Incubating',
	generallyAvailable: 'Generally available',
	deprecated: 'Deprecated'
};

const KIND_LABELS: Record<EntityKind, string> = {
	team: 'Team',
	person: 'Person',
	product: 'Product',
	customer: 'Customer',
	interview: 'Interview',
	painPoint: 'Pain point',
	theme: 'Theme'
};

export const levelLabel = (level: Level): string => LEVEL_LABELS[level] ?? level;
export const stageLabel = (stage: Stage): string => STAGE_LABELS[stage] ?? stage;
export const kindLabel = (kind: EntityKind): string => KIND_LABELS[kind] ?? kind;
