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

/// The longest page timeline logged; a longer one is cut there, so a page cannot flood the log.
const TIMELINE_MAX_CHARS: usize = 2_000;

/// The UI has painted its first screen with data. Logging how long that took after the process
/// started makes a slow start visible in the log; the whole-app benchmark reads this line, and
/// `timeline`, where the page's part of that time went (ms since the page began to load).
#[tauri::command(async)]
pub fn first_screen_painted(started: State<'_, StartedAt>, timeline: String) {
    let elapsed = started.0.elapsed().as_millis();
    log::info!(
        "first screen painted {elapsed} ms after start (page: {})",
        bounded(&timeline)
    );
}

/// `text` up to [`TIMELINE_MAX_CHARS`], with " …" where it was cut.
fn bounded(text: &str) -> String {
    match text.char_indices().nth(TIMELINE_MAX_CHARS) {
        Some((end, _)) => format!("{} …", &text[..end]),
        None => text.to_owned(),
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_timeline_is_logged_whole_up_to_its_bound_and_cut_past_it() {
        let short = "router 152, get_home 300-340, now 402";
        assert_eq!(
            bounded(short),
            short,
            "a timeline within the bound is logged as sent"
        );
        let long = "é".repeat(TIMELINE_MAX_CHARS + 5);
        let logged = bounded(&long);
        assert_eq!(
            logged.chars().count(),
            TIMELINE_MAX_CHARS + 2,
            "a longer one is cut at the bound (in characters, not bytes) and marked"
        );
        assert!(logged.ends_with("é …"), "the cut is marked: {logged:.20}");
    }
}
