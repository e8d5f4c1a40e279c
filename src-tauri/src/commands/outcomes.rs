//! Commands for what a workshop keeps: decisions that turn a card or group into a pain point,
//! an action item or kudos; the workshop's summary; and its Markdown export, saved where the
//! person picks in a dialog opened here (the page gets no file access).

use crate::store::{Reply, Store};
use outward_core::action_items::ActionItemInput;
use outward_core::id::Id;
use outward_core::kudos::KudosInput;
use outward_core::outcomes::summary::{self, WorkshopSummary};
use outward_core::outcomes::{self, DecisionSource, Outcome, markdown};
use outward_core::pain_points::PainPointInput;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;

#[tauri::command(async)]
pub fn decide_pain_point(
    store: State<'_, Store>,
    workshop_id: Id,
    source: DecisionSource,
    input: PainPointInput,
) -> Reply<Outcome> {
    store.write(|tx, now| outcomes::decide_pain_point(tx, workshop_id, source, &input, None, now))
}

#[tauri::command(async)]
pub fn decide_action_item(
    store: State<'_, Store>,
    workshop_id: Id,
    source: DecisionSource,
    input: ActionItemInput,
) -> Reply<Outcome> {
    store.write(|tx, now| outcomes::decide_action_item(tx, workshop_id, source, &input, now))
}

#[tauri::command(async)]
pub fn decide_kudos(
    store: State<'_, Store>,
    workshop_id: Id,
    source: DecisionSource,
    input: KudosInput,
) -> Reply<Outcome> {
    store.write(|tx, now| outcomes::decide_kudos(tx, workshop_id, source, &input, now))
}

#[tauri::command(async)]
pub fn list_outcomes(store: State<'_, Store>, workshop_id: Id) -> Reply<Vec<Outcome>> {
    store.read(|conn, _| outcomes::list(conn, workshop_id))
}

#[tauri::command(async)]
pub fn workshop_summary(store: State<'_, Store>, workshop_id: Id) -> Reply<WorkshopSummary> {
    let now = chrono::Utc::now();
    store.read(|conn, _| summary::summary(conn, workshop_id, now))
}

/// Asks where to save the summary with the system's dialog and writes it there; the saved
/// path, or `None` when the person cancels.
#[tauri::command(async)]
pub fn export_workshop_markdown<R: Runtime>(
    app: AppHandle<R>,
    store: State<'_, Store>,
    workshop_id: Id,
) -> Reply<Option<String>> {
    let now = chrono::Utc::now();
    let (name, text) = store.read(|conn, _| {
        Ok((
            markdown::file_name(conn, workshop_id, now)?,
            markdown::export(conn, workshop_id, now)?,
        ))
    })?;
    let dialog = app.dialog().file().set_file_name(&name);
    let Some(path) = dialog.add_filter("Markdown", &["md"]).blocking_save_file() else {
        return Ok(None);
    };
    let path = path.into_path().map_err(|e| crate::store::internal(&e))?;
    store.read(|_, _| markdown::save(&path, &text))?;
    Ok(Some(path.display().to_string()))
}
