// The one place that calls `invoke`: every command rejects with an `ErrorReport`.
import { invoke, type InvokeArgs } from '@tauri-apps/api/core';
import { toErrorReport } from './errors';

export async function call<T>(command: string, args?: InvokeArgs): Promise<T> {
	try {
		return await invoke<T>(command, args);
	} catch (error) {
		throw toErrorReport(error, `command ${command} failed`);
	}
}
