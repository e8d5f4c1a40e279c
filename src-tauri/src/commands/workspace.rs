//! Commands about the workspace as a whole: start-up state and time, overview, example data,
//! backups.

use crate::store::{Reply, Store};
use outward_core::workspace::{self, Overview, StartupFailure};
use std::time::Instant;
use tauri::State;

/// When the process started (the top of [`run`](crate::run)), managed as state so the UI's
/// first paint can be reported as time since start.
pub struct StartedAt(pub Instant);

#[tauri::command(async)]
pub fn startup_failure(store: State<'_, Store>) -> Option<StartupFailure> {
    store.startup_failure()
}

#[tauri::command(async)]
pub fn workspace_overview(store: State<'_, Store>) -> Reply<Overview> {
    store.read(workspace::overview)
}

/// The UI has painted its first screen with data. Logging how long that took after the process
/// started makes a slow start visible in the log; the whole-app benchmark reads this line.
#[tauri::command(async)]
pub fn first_screen_painted(started: State<'_, StartedAt>) {
    log::info!(
        "first screen painted {} ms after start",
        started.0.elapsed().as_millis()
    );
}

#[tauri::command(async)]
pub fn load_example(store: State<'_, Store>) -> Reply<Overview> {
    store.write(workspace::load_example)?;
    store.read(workspace::overview)
}

/// Takes a verified backup now, beside the automatic ones; returns its path.
#[tauri::command(async)]
pub fn create_backup(store: State<'_, Store>) -> Reply<String> {
    let now = chrono::Utc::now();
    let path = store.backup(now)?;
    Ok(path.display().to_string())
}
