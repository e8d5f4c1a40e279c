// Kudos go to a person or a whole team: one choice in a select, "person:<id>" or "team:<id>".
import type { Id } from '$lib/bindings/Id';

export type Recipient = { toPersonId: Id | null; toTeamId: Id | null };

/** The recipient a choice names; neither when nothing is chosen. */
export function recipient(choice: string): Recipient {
	const [kind, id = null] = choice.split(':');
	return { toPersonId: kind === 'person' ? id : null, toTeamId: kind === 'team' ? id : null };
}
