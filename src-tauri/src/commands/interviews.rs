//! Commands for interviews, the evidence marked in their notes, and importing them from a
//! folder of Markdown files.

use crate::picker::{Open, OpenPicker};
use crate::store::{Reply, Store};
use outward_core::id::Id;
use outward_core::interviews::import::{ImportHandle, ImportPreview, PendingImports};
use outward_core::interviews::{
    self, Highlight, Interview, InterviewFilter, InterviewInput, InterviewSummary, highlights,
};
use outward_core::page::{Page, PageRequest};
use outward_core::pain_points::PainPointInput;
use outward_core::plain_text;
use tauri::State;

#[tauri::command(async)]
pub fn list_interviews(
    store: State<'_, Store>,
    filter: InterviewFilter,
    page: PageRequest,
) -> Reply<Page<InterviewSummary>> {
    store.read(|conn, _| interviews::list(conn, &filter, page))
}

#[tauri::command(async)]
pub fn get_interview(store: State<'_, Store>, id: Id) -> Reply<Interview> {
    store.read(|conn, _| interviews::get(conn, id))
}

#[tauri::command(async)]
pub fn create_interview(store: State<'_, Store>, input: InterviewInput) -> Reply<Interview> {
    let interview = store.write(|tx, now| interviews::create(tx, &input, now))?;
    Ok(interview)
}

#[tauri::command(async)]
pub fn update_interview(
    store: State<'_, Store>,
    id: Id,
    input: InterviewInput,
) -> Reply<Interview> {
    let interview = store.write(|tx, now| interviews::update(tx, id, &input, now))?;
    Ok(interview)
}

/// The editor's autosave: only the notes, with highlights re-anchored.
#[tauri::command(async)]
/// Saves the notes and answers with their heading: the interview's title from now on.
pub fn save_interview_notes(
    store: State<'_, Store>,
    id: Id,
    notes: String,
) -> Reply<Option<String>> {
    store.write(|tx, now| interviews::save_notes(tx, id, &notes, now))?;
    Ok(plain_text::heading(&notes))
}

#[tauri::command(async)]
pub fn mark_evidence(
    store: State<'_, Store>,
    interview_id: Id,
    start: u32,
    end: u32,
    pain_point_id: Id,
) -> Reply<Highlight> {
    let highlight = store
        .write(|tx, now| highlights::mark(tx, interview_id, start, end, pain_point_id, now))?;
    Ok(highlight)
}

#[tauri::command(async)]
pub fn mark_evidence_as_new_pain_point(
    store: State<'_, Store>,
    interview_id: Id,
    start: u32,
    end: u32,
    input: PainPointInput,
) -> Reply<Highlight> {
    let highlight = store.write(|tx, now| {
        highlights::mark_as_new_pain_point(tx, interview_id, start, end, &input, None, now)
    })?;
    Ok(highlight)
}

#[tauri::command(async)]
pub fn remove_highlight(store: State<'_, Store>, id: Id) -> Reply<()> {
    store.write(|tx, _| highlights::remove(tx, id))?;
    Ok(())
}

/// Asks for a folder with the system's picker (opened from Rust: the UI gets no file access)
/// and previews importing it: the plan stays here, the UI gets its handle and a summary.
/// `None` when the person cancels.
#[tauri::command(async)]
pub fn choose_interview_folder(
    picker: State<'_, OpenPicker>,
    store: State<'_, Store>,
    pending: State<'_, PendingImports>,
) -> Reply<Option<ImportPreview>> {
    let Some(folder) = picker.pick(&Open::Folder)? else {
        return Ok(None);
    };
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
    store.write(|tx, now| pending.apply(tx, handle, now))
}
