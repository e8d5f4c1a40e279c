//! Commands for surveys: rounds and their questions, typed-in responses, reviewing team labels
//! no customer team matched, comments as evidence, and importing a form tool's export. The file
//! is picked from Rust (the system's dialog, or the picker's own answer) and kept here under a handle while the person
//! maps its columns; the page never sends a path.

use crate::picker::{Open, OpenPicker};
use crate::store::{Reply, Store};
use outward_core::bundle::Progress;
use outward_core::error::{Error, Result};
use outward_core::id::Id;
use outward_core::surveys::import::{self, ImportMapping, Imported, PickedFile, Preview, Sheet};
use outward_core::surveys::{self, Comment, ResponseInput, Survey, SurveyInput, Unmatched};
use std::collections::{HashMap, HashSet};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU32, Ordering};
use tauri::State;
use tauri::ipc::Channel;

/// Files picked for import, by handle, until imported or replaced.
#[derive(Default)]
pub struct PendingSurveyFiles {
    next: AtomicU32,
    files: Mutex<HashMap<u32, (Id, Sheet)>>,
    /// The handles whose import `cancel_survey_import` stops, even one not started yet.
    cancelled: Mutex<HashSet<u32>>,
}

impl PendingSurveyFiles {
    fn is_cancelled(&self, handle: u32) -> bool {
        self.cancelled
            .lock()
            .is_ok_and(|cancelled| cancelled.contains(&handle))
    }

    /// The survey and sheet picked under `handle`.
    fn sheet(&self, handle: u32) -> Result<(Id, Sheet)> {
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

#[tauri::command(async)]
pub fn list_surveys(store: State<'_, Store>, quarter: Option<String>) -> Reply<Vec<Survey>> {
    store.read(|conn, _| surveys::list(conn, quarter.as_deref()))
}

#[tauri::command(async)]
pub fn get_survey(store: State<'_, Store>, id: Id) -> Reply<Survey> {
    store.read(|conn, _| surveys::get(conn, id))
}

#[tauri::command(async)]
pub fn create_survey(store: State<'_, Store>, input: SurveyInput) -> Reply<Survey> {
    store.write(|tx, now| surveys::create(tx, &input, now))
}

#[tauri::command(async)]
pub fn add_survey_response(store: State<'_, Store>, input: ResponseInput) -> Reply<Id> {
    store.write(|tx, now| surveys::add_response(tx, &input, now))
}

#[tauri::command(async)]
pub fn list_unmatched_teams(store: State<'_, Store>, survey_id: Id) -> Reply<Vec<Unmatched>> {
    store.read(|conn, _| surveys::unmatched(conn, survey_id))
}

#[tauri::command(async)]
pub fn assign_survey_customer(
    store: State<'_, Store>,
    survey_id: Id,
    team_label: String,
    customer_id: Id,
) -> Reply<u32> {
    store.write(|tx, now| surveys::assign_customer(tx, survey_id, &team_label, customer_id, now))
}

#[tauri::command(async)]
pub fn list_survey_comments(
    store: State<'_, Store>,
    survey_id: Id,
    offset: u32,
) -> Reply<Vec<Comment>> {
    store.read(|conn, _| surveys::comments(conn, survey_id, offset, 100))
}

#[tauri::command(async)]
pub fn quote_survey_comment(
    store: State<'_, Store>,
    response_id: Id,
    question_id: Id,
    pain_point_id: Id,
    quote: Option<String>,
) -> Reply<Id> {
    store.write(|tx, now| {
        surveys::quote_comment(
            tx,
            response_id,
            question_id,
            pain_point_id,
            quote.as_deref(),
            now,
        )
    })
}

/// Asks for a CSV or XLSX export and reads it for `survey_id`; `None` when the person cancels.
#[tauri::command(async)]
pub fn choose_survey_file(
    picker: State<'_, OpenPicker>,
    store: State<'_, Store>,
    pending: State<'_, PendingSurveyFiles>,
    survey_id: Id,
) -> Reply<Option<PickedFile>> {
    let export = Open::File {
        kind: "Survey export",
        extensions: &["csv", "xlsx", "txt"],
    };
    let Some(path) = picker.pick(&export)? else {
        return Ok(None);
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (sheet, preview) = store.read(|conn, _| {
        let bytes = std::fs::read(&path).map_err(|e| Error::io(format!("reading {name}"), e))?;
        let sheet = import::read(&bytes, &name)?;
        let preview = import::preview(conn, survey_id, &sheet, None)?;
        Ok((sheet, preview))
    })?;
    let handle = pending.next.fetch_add(1, Ordering::SeqCst) + 1;
    pending
        .files
        .lock()
        .map_err(|e| crate::store::internal(&e))?
        .insert(handle, (survey_id, sheet));
    Ok(Some(PickedFile {
        handle,
        name,
        preview,
    }))
}

/// The preview of the picked file under `mapping`.
#[tauri::command(async)]
pub fn preview_survey_import(
    store: State<'_, Store>,
    pending: State<'_, PendingSurveyFiles>,
    handle: u32,
    mapping: ImportMapping,
) -> Reply<Preview> {
    store.read(|conn, _| {
        let (survey, sheet) = pending.sheet(handle)?;
        import::preview(conn, survey, &sheet, Some(&mapping))
    })
}

/// Imports the picked file as mapped, all or nothing, reporting progress on `progress`.
#[tauri::command(async)]
pub fn import_survey(
    store: State<'_, Store>,
    pending: State<'_, PendingSurveyFiles>,
    handle: u32,
    mapping: ImportMapping,
    progress: Channel<Progress>,
) -> Reply<Imported> {
    let done = store.write(|tx, now| {
        let (survey, sheet) = pending.sheet(handle)?;
        import::import(tx, survey, &sheet, &mapping, now, &mut |p| {
            let _ = progress.send(p);
            !pending.is_cancelled(handle)
        })
    });
    // A cancelled import can be started again; a finished one's file is let go.
    if let Ok(mut cancelled) = pending.cancelled.lock() {
        cancelled.remove(&handle);
    }
    let done = done?;
    if let Ok(mut files) = pending.files.lock() {
        files.remove(&handle);
    }
    Ok(done)
}

/// Stops the import of the file under `handle`, whether it is under way or about to start.
#[tauri::command(async)]
pub fn cancel_survey_import(pending: State<'_, PendingSurveyFiles>, handle: u32) {
    if let Ok(mut cancelled) = pending.cancelled.lock() {
        cancelled.insert(handle);
    }
}
