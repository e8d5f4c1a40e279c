//! The command that searches everywhere: interviews' notes, pain points and themes.

use crate::store::{Reply, Store};
use chrono::Utc;
use outward_core::search::{self, SearchHit};
use tauri::State;

#[tauri::command(async)]
pub fn search(store: State<'_, Store>, query: String) -> Reply<Vec<SearchHit>> {
    let today = Utc::now().date_naive();
    store.read(|conn, _| search::search(conn, &query, today))
}
