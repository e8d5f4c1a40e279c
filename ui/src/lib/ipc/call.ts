// The one place that calls `invoke`: every command rejects with an `ErrorReport`.
// `CommandName` is generated from the shell's command files, so a misspelt or removed command
// fails the type check.
import { invoke, type InvokeArgs } from '@tauri-apps/api/core';
import type { CommandName } from '$lib/bindings/CommandName';
import { toErrorReport } from './errors';

export async function call<T>(command: CommandName, args?: InvokeArgs): Promise<T> {
	try {
		return await invoke<T>(command, args);
	} catch (error) {
		throw toErrorReport(error, `command ${command} failed`);
	}
}
