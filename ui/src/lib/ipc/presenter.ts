// The presenter window on the projector: open or close it, and read what the room may see.
import type { Id } from '$lib/bindings/Id';
import { call } from './call';

export const openPresenter = (workshopId: Id) => call<null>('open_presenter', { workshopId });
export const closePresenter = () => call<null>('close_presenter');
