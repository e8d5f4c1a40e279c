//! Commands for pain points: the customer problems the evidence supports.

use crate::store::{Reply, Store};
use chrono::Utc;
use outward_core::evidence::{self, Evidence};
use outward_core::id::Id;
use outward_core::page::{Page, PageRequest};
use outward_core::pain_points::{
    self, PainPoint, PainPointFilter, PainPointInput, PainPointSummary, Status,
};
use tauri::State;

#[tauri::command(async)]
pub fn list_pain_points(
    store: State<'_, Store>,
    filter: PainPointFilter,
    page: PageRequest,
) -> Reply<Page<PainPointSummary>> {
    let today = Utc::now().date_naive();
    store.read(|conn, _| pain_points::list(conn, &filter, page, today))
}

#[tauri::command(async)]
pub fn get_pain_point(store: State<'_, Store>, id: Id) -> Reply<PainPoint> {
    let today = Utc::now().date_naive();
    store.read(|conn, _| pain_points::get(conn, id, today))
}

/// One page of a pain point's evidence, newest first.
#[tauri::command(async)]
pub fn list_evidence(store: State<'_, Store>, id: Id, page: PageRequest) -> Reply<Page<Evidence>> {
    store.read(|conn, _| evidence::page_of(conn, id, page))
}

#[tauri::command(async)]
pub fn create_pain_point(store: State<'_, Store>, input: PainPointInput) -> Reply<PainPoint> {
    let pain_point = store.write(|tx, now| pain_points::create(tx, &input, None, now))?;
    Ok(pain_point)
}

#[tauri::command(async)]
pub fn update_pain_point(
    store: State<'_, Store>,
    id: Id,
    input: PainPointInput,
) -> Reply<PainPoint> {
    let pain_point = store.write(|tx, now| pain_points::update(tx, id, &input, now))?;
    Ok(pain_point)
}

#[tauri::command(async)]
pub fn set_pain_point_status(
    store: State<'_, Store>,
    id: Id,
    status: Status,
    changed_by: Option<Id>,
) -> Reply<PainPoint> {
    let pain_point =
        store.write(|tx, now| pain_points::set_status(tx, id, status, changed_by, now))?;
    Ok(pain_point)
}

#[tauri::command(async)]
pub fn merge_pain_points(
    store: State<'_, Store>,
    source_id: Id,
    target_id: Id,
) -> Reply<PainPoint> {
    let kept = store.write(|tx, now| pain_points::merge(tx, source_id, target_id, now))?;
    Ok(kept)
}
