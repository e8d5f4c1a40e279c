// Events the shell emits, as plain subscriptions: `changed` after every successful write, and
// whatever else a feature announces (an export's progress).
import { listen } from '@tauri-apps/api/event';
import type { Changed } from '$lib/bindings/Changed';
import { CHANGED_EVENT } from '$lib/bindings/ChangedEvent';

export { CHANGED_EVENT };

/**
 * Calls `callback` with each `changed` payload until the returned function is called.
 * Unsubscribing before the listener is registered is safe: it is removed as soon as it is.
 */
export function onChanged(callback: (change: Changed) => void): () => void {
	return subscribe<Changed>(CHANGED_EVENT, callback);
}

/**
 * Calls `callback` with each payload of the shell's `event` until the returned function is
 * called. Unsubscribing before the listener is registered is safe.
 */
export function subscribe<T>(event: string, callback: (payload: T) => void): () => void {
	let stopped = false;
	let unlisten: (() => void) | null = null;
	listen<T>(event, (message) => {
		if (!stopped) callback(message.payload);
	}).then(
		(stop) => {
			if (stopped) stop();
			else unlisten = stop;
		},
		(error: unknown) => {
			console.error(`Outward: cannot listen for ${event}`, error);
		}
	);
	return () => {
		stopped = true;
		unlisten?.();
		unlisten = null;
	};
}
