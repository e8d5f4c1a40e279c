//! Commands for the workspace's settings that belong to no one feature: who uses this copy of
//! Outward ("me"), and the month its fiscal year starts in.

use crate::store::{Reply, Store};
use outward_core::id::Id;
use outward_core::settings::{self, Settings};
use tauri::State;

#[tauri::command(async)]
pub fn get_settings(store: State<'_, Store>) -> Reply<Settings> {
    store.read(|conn, _| settings::settings(conn))
}

/// Says who uses this copy of Outward (`null` forgets it); returns the settings as they now are.
#[tauri::command(async)]
pub fn set_me(store: State<'_, Store>, person_id: Option<Id>) -> Reply<Settings> {
    store.write(|tx, _| settings::set_me(tx, person_id))?;
    get_settings(store)
}

/// Sets the month the fiscal year starts in (1 = January); quarters everywhere follow it.
/// Returns the settings as they now are.
#[tauri::command(async)]
pub fn set_fiscal_year_start(store: State<'_, Store>, month: u32) -> Reply<Settings> {
    store.write(|tx, _| settings::set_fiscal_year_start(tx, month).map(|_| ()))?;
    get_settings(store)
}
