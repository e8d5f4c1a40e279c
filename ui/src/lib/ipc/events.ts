// The `changed` event the shell emits after every successful write, as a plain subscription.
import { listen } from '@tauri-apps/api/event';
import type { Changed } from '$lib/bindings/Changed';
import { CHANGED_EVENT } from '$lib/bindings/ChangedEvent';

export { CHANGED_EVENT };

/**
 * Calls `callback` with each `changed` payload until the returned function is called.
 * Unsubscribing before the listener is registered is safe: it is removed as soon as it is.
 */
export function onChanged(callback: (change: Changed) => void): () => void {
	let stopped = false;
	let unlisten: (() => void) | null = null;
	listen<Changed>(CHANGED_EVENT, (event) => {
		if (!stopped) callback(event.payload);
	}).then(
		(stop) => {
			if (stopped) stop();
			else unlisten = stop;
		},
		(error: unknown) => {
			console.error('Outward: cannot listen for changes', error);
		}
	);
	return () => {
		stopped = true;
		unlisten?.();
		unlisten = null;
	};
}
