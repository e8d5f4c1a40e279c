//! The command for Home: this quarter at a glance, in one read.

use crate::store::{Reply, Store};
use chrono::Utc;
use outward_core::home::{self, Home};
use tauri::State;

#[tauri::command(async)]
pub fn get_home(store: State<'_, Store>) -> Reply<Home> {
    let today = Utc::now().date_naive();
    store.read(|conn, _| home::glance(conn, today))
}
