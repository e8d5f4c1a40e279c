// Backups and bundles: list and restore backups, export everything, import a bundle. Paths are
// chosen in the app's own dialogs, in Rust; a backup is named only by its file name.
import { listen } from '@tauri-apps/api/event';
import type { BackupInfo } from '$lib/bindings/BackupInfo';
import type { BundleSummary } from '$lib/bindings/BundleSummary';
import type { Progress } from '$lib/bindings/Progress';
import { EXPORT_PROGRESS_EVENT } from '$lib/bindings/ExportProgressEvent';
import { call } from './call';

export const listBackups = () => call<BackupInfo[]>('list_backups');
/** Resolves to the backup that keeps the replaced state. */
export const restoreBackup = (fileName: string) =>
	call<string | null>('restore_backup', { fileName });
/** Resolves to null when the person cancels the dialog or the export. */
export const exportWorkspace = () => call<BundleSummary | null>('export_workspace');
export const cancelExport = () => call<null>('cancel_export');
/** Resolves to null when the person cancels the dialog. */
export const importBundle = () => call<BundleSummary | null>('import_bundle');

/** Calls `callback` with an export's progress until the returned function is called. */
export function onExportProgress(callback: (progress: Progress) => void): () => void {
	let stopped = false;
	let unlisten: (() => void) | null = null;
	listen<Progress>(EXPORT_PROGRESS_EVENT, (event) => {
		if (!stopped) callback(event.payload);
	}).then(
		(stop) => {
			if (stopped) stop();
			else unlisten = stop;
		},
		(error: unknown) => console.error('Outward: cannot follow the export', error)
	);
	return () => {
		stopped = true;
		unlisten?.();
	};
}
