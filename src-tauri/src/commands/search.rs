//! The command that searches everywhere: interviews' notes, pain points and themes.

use crate::store::{Reply, Store};
use outward_core::search::{self, SearchHit};
use tauri::State;

#[tauri::command(async)]
pub fn search(store: State<'_, Store>, query: String) -> Reply<Vec<SearchHit>> {
    store.read(|conn, _| search::search(conn, &query))
}
