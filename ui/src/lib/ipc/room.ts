// Room mode: let the room join the running workshop from their own devices.
import type { Id } from '$lib/bindings/Id';
import type { RoomPanel } from '$lib/bindings/RoomPanel';
import { call } from './call';

/** Where the room can listen: this machine only first, then its network address, if any. */
export const roomAddresses = () => call<string[]>('room_addresses');
/** Opens the room with a new token and starts listening on `address`. */
export const openRoom = (workshopId: Id, address: string) => call<RoomPanel>('open_room', { workshopId, address });
/** Stops listening and closes the room: its token stops working. */
export const closeRoom = (workshopId: Id) => call<null>('close_room', { workshopId });
/** The join panel, or null while the room is closed. */
export const roomPanel = (workshopId: Id) => call<RoomPanel | null>('room_panel', { workshopId });
