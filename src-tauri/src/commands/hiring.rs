//! Commands for the customer-empathy kit for hiring: the question bank, interview guides, and a
//! guide's export through the save dialog opened from Rust.

use crate::picker::{SavePicker, SaveRequest};
use crate::store::{Reply, Store};
use outward_core::hiring::export::{self, GuideFormat};
use outward_core::hiring::guides::{self, Guide, GuideInput, GuideSummary};
use outward_core::hiring::{self, HiringQuestion, HiringQuestionFilter, HiringQuestionInput};
use outward_core::id::Id;
use tauri::State;

#[tauri::command(async)]
pub fn list_hiring_questions(
    store: State<'_, Store>,
    filter: HiringQuestionFilter,
) -> Reply<Vec<HiringQuestion>> {
    store.read(|conn, _| hiring::list(conn, filter))
}

#[tauri::command(async)]
pub fn create_hiring_question(
    store: State<'_, Store>,
    input: HiringQuestionInput,
) -> Reply<HiringQuestion> {
    store.write(|tx, now| hiring::create(tx, &input, now))
}

/// Rewords a question; a built-in keeps its slug.
#[tauri::command(async)]
pub fn update_hiring_question(
    store: State<'_, Store>,
    id: String,
    input: HiringQuestionInput,
) -> Reply<HiringQuestion> {
    store.write(|tx, now| hiring::update(tx, &id, &input, now))
}

#[tauri::command(async)]
pub fn retire_hiring_question(
    store: State<'_, Store>,
    id: String,
    retired: bool,
) -> Reply<HiringQuestion> {
    store.write(|tx, now| hiring::set_retired(tx, &id, retired, now))
}

/// Puts a built-in back to its original words.
#[tauri::command(async)]
pub fn restore_hiring_question(store: State<'_, Store>, id: String) -> Reply<HiringQuestion> {
    store.write(|tx, _| hiring::restore_original(tx, &id))
}

#[tauri::command(async)]
pub fn list_interview_guides(store: State<'_, Store>) -> Reply<Vec<GuideSummary>> {
    store.read(|conn, _| guides::list(conn))
}

#[tauri::command(async)]
pub fn get_interview_guide(store: State<'_, Store>, id: Id) -> Reply<Guide> {
    store.read(|conn, _| guides::get(conn, id))
}

#[tauri::command(async)]
pub fn create_interview_guide(store: State<'_, Store>, input: GuideInput) -> Reply<Guide> {
    store.write(|tx, now| guides::create(tx, &input, now))
}

/// Saves a guide whole: its name, purpose and every question, in one transaction.
#[tauri::command(async)]
pub fn save_interview_guide(store: State<'_, Store>, id: Id, input: GuideInput) -> Reply<Guide> {
    store.write(|tx, now| guides::save(tx, id, &input, now))
}

/// Asks where to save the guide in `format` and writes it there; the saved path, or `None`
/// when the person cancels the dialog.
#[tauri::command(async)]
pub fn export_interview_guide(
    store: State<'_, Store>,
    saver: State<'_, SavePicker>,
    id: Id,
    format: GuideFormat,
) -> Reply<Option<String>> {
    let (guide, text) = store.read(|conn, _| export::export(conn, &id.to_string(), format))?;
    let name = export::file_name(&guide, format);
    let request = SaveRequest {
        file_name: &name,
        kind: format.label(),
        extensions: &[format.as_str()],
    };
    let Some(path) = saver.pick(&request)? else {
        return Ok(None);
    };
    store.read(|_, _| export::save(&path, &text))?;
    Ok(Some(path.display().to_string()))
}
