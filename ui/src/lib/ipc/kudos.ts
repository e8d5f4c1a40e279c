// Kudos: recognition from a person to a person or the team.
import type { Celebrated } from '$lib/bindings/Celebrated';
import type { Kudos } from '$lib/bindings/Kudos';
import type { KudosFilter } from '$lib/bindings/KudosFilter';
import type { KudosInput } from '$lib/bindings/KudosInput';
import type { Page } from '$lib/bindings/Page';
import type { PageRequest } from '$lib/bindings/PageRequest';
import { call } from './call';

export const createKudos = (input: KudosInput) => call<Kudos>('create_kudos', { input });
export const listKudos = (filter: KudosFilter, page: PageRequest) =>
	call<Page<Kudos>>('list_kudos', { filter, page });
export const getCelebrated = (quarter: string | null) => call<Celebrated>('get_celebrated', { quarter });
