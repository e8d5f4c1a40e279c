//! Commands for customer coverage: who has been heard from lately, and the setting that says
//! when a customer counts as unheard.

use crate::store::{Reply, Store};
use chrono::Utc;
use outward_core::coverage::{self, Coverage};
use outward_core::settings;
use tauri::State;

#[tauri::command(async)]
pub fn customer_coverage(store: State<'_, Store>) -> Reply<Coverage> {
    let today = Utc::now().date_naive();
    store.read(|conn, _| coverage::coverage(conn, today))
}

#[tauri::command(async)]
pub fn set_unheard_after_weeks(store: State<'_, Store>, weeks: u32) -> Reply<Coverage> {
    store.write(|tx, _| settings::set_unheard_after_weeks(tx, weeks))?;
    customer_coverage(store)
}
