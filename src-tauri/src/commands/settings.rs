//! Commands for the workspace's settings that belong to no one feature: who uses this copy of
//! Outward ("me").

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
