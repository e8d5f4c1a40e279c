//! Commands that look across the evidence: customer coverage, search everywhere, and importing
//! interviews from a folder of Markdown files.

use crate::store::{Reply, Store};
use chrono::Utc;
use outward_core::coverage::{self, Coverage};
use outward_core::interviews::import::{ImportHandle, ImportPreview, PendingImports};
use outward_core::search::{self, SearchHit};
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;

#[tauri::command(async)]
pub fn customer_coverage(store: State<'_, Store>) -> Reply<Coverage> {
    let today = Utc::now().date_naive();
    store.read(|conn, _| coverage::coverage(conn, today))
}

#[tauri::command(async)]
pub fn set_unheard_after_weeks(store: State<'_, Store>, weeks: u32) -> Reply<Coverage> {
    store.write(|tx, _| coverage::set_unheard_after_weeks(tx, weeks))?;
    customer_coverage(store)
}

#[tauri::command(async)]
pub fn search(store: State<'_, Store>, query: String) -> Reply<Vec<SearchHit>> {
    store.read(|conn, _| search::search(conn, &query))
}

/// Asks for a folder with the system's picker (opened from Rust: the UI gets no file access)
/// and previews importing it: the plan stays here, the UI gets its handle and a summary.
/// `None` when the person cancels.
#[tauri::command(async)]
pub fn choose_interview_folder<R: Runtime>(
    app: AppHandle<R>,
    store: State<'_, Store>,
    pending: State<'_, PendingImports>,
) -> Reply<Option<ImportPreview>> {
    let Some(folder) = app.dialog().file().blocking_pick_folder() else {
        return Ok(None);
    };
    let folder = folder.into_path().map_err(|e| crate::store::internal(&e))?;
    store
        .read(|conn, _| pending.preview(conn, &folder))
        .map(Some)
}

/// Imports exactly the plan previewed under `handle`, in one transaction, all or nothing.
#[tauri::command(async)]
pub fn import_interviews(
    store: State<'_, Store>,
    pending: State<'_, PendingImports>,
    handle: ImportHandle,
) -> Reply<u32> {
    let count = store.write(|tx, now| pending.apply(tx, handle, now))?;
    Ok(count)
}
