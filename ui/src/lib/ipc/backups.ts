// Backups and bundles: list and restore backups, export everything, import a bundle. Paths are
// chosen in the app's own dialogs, in Rust; a backup is named only by its file name.
import type { BackupInfo } from '$lib/bindings/BackupInfo';
import type { BundleSummary } from '$lib/bindings/BundleSummary';
import type { Progress } from '$lib/bindings/Progress';
import { EXPORT_PROGRESS_EVENT } from '$lib/bindings/ExportProgressEvent';
import { call } from './call';
import { subscribe } from './events';

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
export const onExportProgress = (callback: (progress: Progress) => void) =>
	subscribe<Progress>(EXPORT_PROGRESS_EVENT, callback);
