//! Commands for action items: what a team agreed to do, and the carry-over a workshop opens
//! with.

use crate::store::{Reply, Store};
use outward_core::action_items::{
    self, ActionItem, ActionItemFilter, ActionItemInput, ActionStatus,
};
use outward_core::id::Id;
use outward_core::page::{Page, PageRequest};
use tauri::State;

#[tauri::command(async)]
pub fn create_action_item(store: State<'_, Store>, input: ActionItemInput) -> Reply<ActionItem> {
    store.write(|tx, now| action_items::create(tx, &input, now))
}

#[tauri::command(async)]
pub fn list_action_items(
    store: State<'_, Store>,
    filter: ActionItemFilter,
    page: PageRequest,
) -> Reply<Page<ActionItem>> {
    store.read(|conn, _| action_items::list(conn, &filter, page))
}

/// The team's open action items, soonest due first: what a workshop reviews as it opens.
#[tauri::command(async)]
pub fn carry_over_action_items(store: State<'_, Store>, team_id: Id) -> Reply<Vec<ActionItem>> {
    store.read(|conn, _| action_items::carry_over(conn, team_id))
}

#[tauri::command(async)]
pub fn set_action_item_status(
    store: State<'_, Store>,
    id: Id,
    status: ActionStatus,
    note: String,
    changed_by: Option<Id>,
) -> Reply<ActionItem> {
    store.write(|tx, now| action_items::set_status(tx, id, status, &note, changed_by, now))
}
