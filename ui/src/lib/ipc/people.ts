// People, optionally of one team.
import type { Id } from '$lib/bindings/Id';
import type { Person } from '$lib/bindings/Person';
import type { PersonInput } from '$lib/bindings/PersonInput';
import { call } from './call';

export const listPeople = (teamId: Id | null = null) => call<Person[]>('list_people', { teamId });
export const createPerson = (input: PersonInput) => call<Person>('create_person', { input });
export const updatePerson = (id: Id, input: PersonInput) =>
	call<Person>('update_person', { id, input });
