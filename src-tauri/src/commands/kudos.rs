//! Commands for kudos: recognition from a person to a person or the team.

use crate::store::{Reply, Store};
use chrono::Utc;
use outward_core::kudos::celebrated::{self, Celebrated};
use outward_core::kudos::{self, Kudos, KudosFilter, KudosInput};
use outward_core::page::{Page, PageRequest};
use tauri::State;

#[tauri::command(async)]
pub fn create_kudos(store: State<'_, Store>, input: KudosInput) -> Reply<Kudos> {
    store.write(|tx, now| kudos::create(tx, &input, now))
}

#[tauri::command(async)]
pub fn list_kudos(
    store: State<'_, Store>,
    filter: KudosFilter,
    page: PageRequest,
) -> Reply<Page<Kudos>> {
    store.read(|conn, _| kudos::list(conn, &filter, page))
}

#[tauri::command(async)]
pub fn get_celebrated(store: State<'_, Store>, quarter: Option<String>) -> Reply<Celebrated> {
    let today = Utc::now().date_naive();
    store.read(|conn, _| celebrated::celebrated(conn, quarter.as_deref(), today))
}
