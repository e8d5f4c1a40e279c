// Search everywhere.
import type { SearchHit } from '$lib/bindings/SearchHit';
import { call } from './call';

export const search = (query: string) => call<SearchHit[]>('search', { query });
