import { describe, expect, it } from 'vitest';
import { recipient } from './recipient';

describe('recipient', () => {
	it('reads a person, a team, or nothing from a choice', () => {
		expect(recipient('person:p1')).toEqual({ toPersonId: 'p1', toTeamId: null });
		expect(recipient('team:t1')).toEqual({ toPersonId: null, toTeamId: 't1' });
		expect(recipient('')).toEqual({ toPersonId: null, toTeamId: null });
	});
});
