//! Commands for tickets: importing a tracker's export (picked with the system's dialog from
//! Rust and kept here under a handle while the person maps its columns; the page never sends a
//! path), and a quarter's black-hole meter.

use crate::picker::{Open, OpenPicker};
use crate::store::{Reply, Store};
use outward_core::bundle::Progress;
use outward_core::error::{Error, Result};
use outward_core::id::Id;
use outward_core::quarter::Quarter;
use outward_core::tickets::import::{self, ImportMapping, Imported, PickedFile, Preview};
use outward_core::tickets::report::{self, BlackHole};
use outward_core::tickets::response;
use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use tauri::State;
use tauri::ipc::Channel;

type Sheet = outward_core::surveys::import::Sheet;

/// Exports picked for import, by handle, until imported or replaced.
#[derive(Default)]
pub struct PendingTicketFiles {
    next: AtomicU32,
    files: Mutex<HashMap<u32, Sheet>>,
    /// Set by `cancel_ticket_import` to stop the import under way.
    cancel: AtomicBool,
}

impl PendingTicketFiles {
    fn sheet(&self, handle: u32) -> Result<Sheet> {
        self.files
            .lock()
            .ok()
            .and_then(|files| files.get(&handle).cloned())
            .ok_or_else(|| {
                Error::validation(
                    "handle",
                    "That file is no longer open for import; choose it again.",
                )
            })
    }
}

/// Asks for a tracker's export and previews it; `None` when the person cancels.
#[tauri::command(async)]
pub fn choose_ticket_file(
    picker: State<'_, OpenPicker>,
    store: State<'_, Store>,
    pending: State<'_, PendingTicketFiles>,
) -> Reply<Option<PickedFile>> {
    let export = Open::File {
        kind: "Ticket export",
        extensions: &["csv", "json", "xlsx", "txt"],
    };
    let Some(path) = picker.pick(&export)? else {
        return Ok(None);
    };
    let (name, sheet, preview) = store.read(|conn, _| {
        let (name, sheet) = import::read_path(&path)?;
        let preview = import::preview(conn, &sheet, None)?;
        Ok((name, sheet, preview))
    })?;
    let handle = pending.next.fetch_add(1, Ordering::SeqCst) + 1;
    if let Ok(mut files) = pending.files.lock() {
        files.clear();
        files.insert(handle, sheet);
    }
    Ok(Some(PickedFile {
        handle,
        name,
        preview,
    }))
}

/// The preview of the picked export under `mapping`.
#[tauri::command(async)]
pub fn preview_ticket_import(
    store: State<'_, Store>,
    pending: State<'_, PendingTicketFiles>,
    handle: u32,
    mapping: ImportMapping,
) -> Reply<Preview> {
    store.read(|conn, _| import::preview(conn, &pending.sheet(handle)?, Some(&mapping)))
}

/// Imports the picked export as mapped, all or nothing, reporting progress on `progress`.
#[tauri::command(async)]
pub fn import_tickets(
    store: State<'_, Store>,
    pending: State<'_, PendingTicketFiles>,
    handle: u32,
    mapping: ImportMapping,
    progress: Channel<Progress>,
) -> Reply<Imported> {
    pending.cancel.store(false, Ordering::SeqCst);
    let done = store.write(|tx, now| {
        import::import(tx, &pending.sheet(handle)?, &mapping, now, &mut |p| {
            let _ = progress.send(p);
            !pending.cancel.load(Ordering::SeqCst)
        })
    })?;
    if let Ok(mut files) = pending.files.lock() {
        files.remove(&handle);
    }
    Ok(done)
}

#[tauri::command(async)]
pub fn cancel_ticket_import(pending: State<'_, PendingTicketFiles>) {
    pending.cancel.store(true, Ordering::SeqCst);
}

/// The black-hole meter of `quarter` (`2026-Q3`), or of the current quarter.
#[tauri::command(async)]
pub fn ticket_meter(
    store: State<'_, Store>,
    quarter: Option<String>,
    unanswered_after_days: u32,
) -> Reply<BlackHole> {
    let now = chrono::Utc::now();
    store.read(|conn, _| report::meter(conn, quarter.as_deref(), unanswered_after_days, now))
}

/// The quarters holding tickets, newest first.
#[tauri::command(async)]
pub fn ticket_quarters(store: State<'_, Store>) -> Reply<Vec<Quarter>> {
    store.read(|conn, _| report::quarters(conn))
}

/// The duration metric the imports feed, once one import has made it.
#[tauri::command(async)]
pub fn ticket_response_metric(store: State<'_, Store>) -> Reply<Option<Id>> {
    store.read(|conn, _| response::metric_id(conn))
}
