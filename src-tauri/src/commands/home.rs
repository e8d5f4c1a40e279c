//! The commands for Home: this quarter at a glance, in one read, and putting a celebration
//! away for the quarter.

use crate::store::{Reply, Store};
use chrono::Utc;
use outward_core::home::{self, Home, celebrations};
use outward_core::id::Id;
use tauri::State;

#[tauri::command(async)]
pub fn get_home(store: State<'_, Store>) -> Reply<Home> {
    let today = Utc::now().date_naive();
    store.read(|conn, _| home::glance(conn, today))
}

#[tauri::command(async)]
pub fn dismiss_celebration(store: State<'_, Store>, goal_id: Id) -> Reply<()> {
    store.write(|tx, now| celebrations::dismiss(tx, goal_id, now.date_naive(), now))
}
