//! Commands about the workspace as a whole: start-up state, overview, example data, backups.

use super::notify;
use crate::store::{Reply, Store};
use outward_core::db::backup;
use outward_core::entity::Changed;
use outward_core::workspace::{self, Overview, StartupFailure};
use tauri::{AppHandle, Runtime, State};

#[tauri::command(async)]
pub fn startup_failure(store: State<'_, Store>) -> Option<StartupFailure> {
    store.startup_failure()
}

#[tauri::command(async)]
pub fn workspace_overview(store: State<'_, Store>) -> Reply<Overview> {
    store.read(workspace::overview)
}

#[tauri::command(async)]
pub fn load_example<R: Runtime>(app: AppHandle<R>, store: State<'_, Store>) -> Reply<Overview> {
    store.write(workspace::load_example)?;
    notify(&app, Changed::everything());
    store.read(workspace::overview)
}

/// Takes a verified backup now, beside the automatic ones; returns its path.
#[tauri::command(async)]
pub fn create_backup(store: State<'_, Store>) -> Reply<String> {
    let now = chrono::Utc::now();
    let path = store.read(|conn, db| backup::create(conn, &backup::folder_for(db), now))?;
    Ok(path.display().to_string())
}
