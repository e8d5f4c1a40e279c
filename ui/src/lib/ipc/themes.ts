// Themes: the tags that group pain points, renamed and merged as a whole.
import type { Id } from '$lib/bindings/Id';
import type { Tag } from '$lib/bindings/Tag';
import type { Theme } from '$lib/bindings/Theme';
import type { ThemeCluster } from '$lib/bindings/ThemeCluster';
import type { ThemeHeaviest } from '$lib/bindings/ThemeHeaviest';
import { call } from './call';

export const listThemes = () => call<Theme[]>('list_themes');
/** Every theme's heaviest pain points, for the themes view. */
export const listHeaviestByTheme = () => call<ThemeHeaviest[]>('list_heaviest_by_theme');
export const createTheme = (name: string) => call<Tag>('create_theme', { name });
export const renameTheme = (id: Id, name: string) => call<Tag>('rename_theme', { id, name });
export const mergeThemes = (sourceId: Id, targetId: Id) =>
	call<Tag>('merge_themes', { sourceId, targetId });
/** A theme's page: its counts and the first page of its pain points and interviews. */
export const getThemeCluster = (id: Id) => call<ThemeCluster>('get_theme_cluster', { id });
