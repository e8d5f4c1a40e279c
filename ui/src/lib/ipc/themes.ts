// Themes: the tags that group pain points, renamed and merged as a whole.
import type { Id } from '$lib/bindings/Id';
import type { Tag } from '$lib/bindings/Tag';
import type { Theme } from '$lib/bindings/Theme';
import { call } from './call';

export const listThemes = () => call<Theme[]>('list_themes');
export const createTheme = (name: string) => call<Tag>('create_theme', { name });
export const renameTheme = (id: Id, name: string) => call<Tag>('rename_theme', { id, name });
export const mergeThemes = (sourceId: Id, targetId: Id) =>
	call<Tag>('merge_themes', { sourceId, targetId });
