//! Commands for the workspace's safety: listing and restoring backups, exporting everything to
//! an open bundle and importing one into an empty workspace. Paths are chosen in the system's
//! dialogs, opened from Rust; the page names a backup only by its file name, which must be one
//! of this database's backups.

use crate::picker::{Open, OpenPicker, SavePicker, SaveRequest};
use crate::store::{Reply, Store};
use outward_core::bundle::{self, BundleSummary, Progress};
use outward_core::db::backup::{self, BackupInfo};
use outward_core::error::{ErrorKind, ErrorReport};
use std::sync::atomic::{AtomicBool, Ordering};
use tauri::{AppHandle, Emitter, Runtime, State};

/// The event an export sends as it goes; its payload is a `Progress`.
pub const EXPORT_PROGRESS_EVENT: &str = "export-progress";

/// Set to stop the export under way, managed as state.
#[derive(Default)]
pub struct ExportCancel(pub AtomicBool);

#[tauri::command(async)]
pub fn list_backups(store: State<'_, Store>) -> Reply<Vec<BackupInfo>> {
    store.on_file(|path| Ok(backup::describe(path)))
}

/// Restores the backup named `file_name`, one of [`list_backups`]; returns the backup that
/// keeps the replaced state.
#[tauri::command(async)]
pub fn restore_backup(store: State<'_, Store>, file_name: String) -> Reply<Option<String>> {
    let path = store.path()?;
    let chosen = backup::named(path, &file_name).ok_or_else(|| ErrorReport {
        kind: ErrorKind::NotFound,
        message: format!("There is no backup named {file_name} any more."),
        field: Some("backup".to_owned()),
    })?;
    let kept = store.restore(&chosen, chrono::Utc::now())?;
    Ok(kept.map(|p| p.display().to_string()))
}

/// Asks where to save the export and writes the whole workspace there: one zip archive under
/// the suggested name, or a new folder when the person drops the `.zip`. Sends an
/// [`EXPORT_PROGRESS_EVENT`] as it goes. `None` when the person cancels the dialog or the export
/// ([`cancel_export`]); then nothing is left behind.
#[tauri::command(async)]
pub fn export_workspace<R: Runtime>(
    app: AppHandle<R>,
    save: State<'_, SavePicker>,
    store: State<'_, Store>,
    cancel: State<'_, ExportCancel>,
) -> Reply<Option<BundleSummary>> {
    let name = format!(
        "Outward export {}.zip",
        chrono::Utc::now().format("%Y-%m-%d %H%M")
    );
    let request = SaveRequest {
        file_name: &name,
        kind: "Zip archive",
        extensions: &["zip"],
    };
    let Some(out) = save.pick(&request)? else {
        return Ok(None);
    };
    cancel.0.store(false, Ordering::SeqCst);
    let now = chrono::Utc::now();
    let exported = store.on_file(|db_path| {
        bundle::export_from(db_path, &out, now, &mut |progress: Progress| {
            let _ = app.emit(EXPORT_PROGRESS_EVENT, progress);
            !cancel.0.load(Ordering::SeqCst)
        })
    })?;
    Ok(exported.map(|e| e.summary()))
}

/// Stops the export under way; it removes what it wrote.
#[tauri::command(async)]
pub fn cancel_export(cancel: State<'_, ExportCancel>) {
    cancel.0.store(true, Ordering::SeqCst);
}

/// Asks for an export (its `.zip`, or the `manifest.json` in its folder) and imports it into
/// this workspace, which must be empty, in one transaction. `None` when the person cancels the
/// dialog.
#[tauri::command(async)]
pub fn import_bundle(
    picker: State<'_, OpenPicker>,
    store: State<'_, Store>,
) -> Reply<Option<BundleSummary>> {
    let export = Open::File {
        kind: "Outward export",
        extensions: &["zip", "json"],
    };
    let Some(path) = picker.pick(&export)? else {
        return Ok(None);
    };
    let imported = store.write(|tx, _| bundle::import(tx, &path))?;
    Ok(Some(imported.summary(&path)))
}
