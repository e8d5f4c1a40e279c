// Labels people read for the closed vocabularies of the domain, in the order they are offered.
import type { EntityKind } from '$lib/bindings/EntityKind';
import type { Frequency } from '$lib/bindings/Frequency';
import type { InterviewKind } from '$lib/bindings/InterviewKind';
import type { Level } from '$lib/bindings/Level';
import type { Stage } from '$lib/bindings/Stage';
import type { Status } from '$lib/bindings/Status';

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

export const INTERVIEW_KINDS: readonly { value: InterviewKind; label: string }[] = [
	{ value: 'interview', label: 'Interview' },
	{ value: 'shadowing', label: 'Shadowing' },
	{ value: 'supportConversation', label: 'Support conversation' },
	{ value: 'officeHours', label: 'Office hours' }
];

/** Severity 1–4, in the words the contract gives them. */
export const SEVERITIES: readonly { value: number; label: string; hint: string }[] = [
	{ value: 1, label: 'Annoying', hint: 'People work around it' },
	{ value: 2, label: 'Slows work', hint: 'It costs time every time' },
	{ value: 3, label: 'Blocks work', hint: 'Work stops until someone helps' },
	{ value: 4, label: 'Critical', hint: 'Outages, data loss, missed deadlines' }
];

export const FREQUENCIES: readonly { value: Frequency; label: string }[] = [
	{ value: 'rarely', label: 'Rarely' },
	{ value: 'monthly', label: 'Monthly' },
	{ value: 'weekly', label: 'Weekly' },
	{ value: 'daily', label: 'Daily' }
];

export const STATUSES: readonly { value: Status; label: string }[] = [
	{ value: 'new', label: 'New' },
	{ value: 'accepted', label: 'Accepted' },
	{ value: 'planned', label: 'Planned' },
	{ value: 'addressed', label: 'Addressed' },
	{ value: 'wontFix', label: 'Won’t fix' }
];

const labelOf = <T extends string | number>(list: readonly { value: T; label: string }[], value: T) =>
	list.find((entry) => entry.value === value)?.label ?? String(value);

export const interviewKindLabel = (kind: InterviewKind): string => labelOf(INTERVIEW_KINDS, kind);
export const severityLabel = (severity: number): string => labelOf(SEVERITIES, severity);
export const frequencyLabel = (frequency: Frequency): string => labelOf(FREQUENCIES, frequency);
export const statusLabel = (status: Status): string => labelOf(STATUSES, status);

/** Shown wherever a weight is, so nobody has to guess what the number means. */
export const WEIGHT_EXPLANATION =
	'Weight = severity × customers affected × evidence. Each quote counts 1 on the day of its conversation and half as much every 90 days after, so fresh, widespread, severe pain rises to the top.';
