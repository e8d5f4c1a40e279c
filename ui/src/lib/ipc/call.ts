// The one place that calls `invoke`: every command rejects with an `ErrorReport`.
// `CommandName` is generated from the shell's command files, so a misspelt or removed command
// fails the type check.
import { invoke, type InvokeArgs } from '@tauri-apps/api/core';
import type { CommandName } from '$lib/bindings/CommandName';
import { toErrorReport } from './errors';

/** The performance measure of each command's round trip; its `detail` names the command. */
export const CALL_MEASURE = 'outward:call';

export async function call<T>(command: CommandName, args?: InvokeArgs): Promise<T> {
	const started = performance.now();
	try {
		return await invoke<T>(command, args);
	} catch (error) {
		throw toErrorReport(error, `command ${command} failed`);
	} finally {
		// Each call's round trip, as a performance measure any profiler (and the screen
		// benchmark) can read beside the screen's own; the layout clears them on each navigation.
		performance.measure(CALL_MEASURE, { start: started, end: performance.now(), detail: command });
	}
}
