//! The Outward desktop app: a Tauri shell over `outward-core`, and the only crate that knows
//! Tauri. It opens the database, registers the commands of [`commands`], and shows the UI
//! embedded from `ui/build` (no dev server, no remote content).
//!
//! What it guarantees:
//! - a database that cannot be opened never stops the app or blanks the window: the
//!   `startup_failure` command explains it and every other command answers with an error;
//! - the UI reaches only the commands declared in `build.rs` and granted one by one in
//!   `capabilities/default.json` (a test checks the three lists agree);
//! - errors cross to the UI as `{ kind, message, field? }`; internal details go to the log.

pub mod commands;
pub mod store;

use commands::workspace::StartedAt;
use outward_core::interviews::import::PendingImports;
use store::Store;
use tauri::{Manager, Runtime};

/// The invoke handler with every app command. Keep in step with `build.rs` and the capability.
pub fn handler<R: Runtime>() -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static {
    use commands::{
        customers, insight, interviews, pain_points, people, products, teams, themes, trash,
        workspace,
    };
    tauri::generate_handler![
        workspace::startup_failure,
        workspace::workspace_overview,
        workspace::first_screen_painted,
        workspace::load_example,
        workspace::create_backup,
        teams::list_teams,
        teams::create_team,
        teams::update_team,
        people::list_people,
        people::create_person,
        people::update_person,
        products::list_products,
        products::create_product,
        products::update_product,
        customers::list_customers,
        customers::create_customer,
        customers::update_customer,
        trash::move_to_trash,
        trash::list_trash,
        trash::restore_from_trash,
        trash::empty_trash,
        interviews::list_interviews,
        interviews::get_interview,
        interviews::create_interview,
        interviews::update_interview,
        interviews::save_interview_notes,
        interviews::mark_evidence,
        interviews::mark_evidence_as_new_pain_point,
        interviews::remove_highlight,
        pain_points::list_pain_points,
        pain_points::get_pain_point,
        pain_points::list_evidence,
        pain_points::create_pain_point,
        pain_points::update_pain_point,
        pain_points::set_pain_point_status,
        pain_points::merge_pain_points,
        themes::list_themes,
        themes::create_theme,
        themes::rename_theme,
        themes::merge_themes,
        insight::customer_coverage,
        insight::set_unheard_after_weeks,
        insight::search,
        insight::choose_interview_folder,
        insight::import_interviews,
    ]
}

/// The app's configuration, capabilities and UI assets, embedded at build time.
pub fn context<R: Runtime>() -> tauri::Context<R> {
    tauri::generate_context!()
}

/// Logs to stdout and to a file in the app's log folder (`~/.local/share/io.outward.desktop/logs`
/// on Linux). The UI is not granted the plugin's logging command: only Rust writes the log.
fn logging<R: Runtime>() -> tauri::plugin::TauriPlugin<R> {
    use tauri_plugin_log::{Target, TargetKind};
    tauri_plugin_log::Builder::new()
        .clear_targets()
        .targets([
            Target::new(TargetKind::Stdout),
            Target::new(TargetKind::LogDir { file_name: None }),
        ])
        .level(log::LevelFilter::Info)
        .build()
}

/// Starts the app and blocks until it quits.
pub fn run() {
    // First, so the start-up time the UI reports (`first_screen_painted`) counts everything.
    let started = StartedAt(std::time::Instant::now());
    let result = tauri::Builder::default()
        .manage(started)
        // Previewed imports wait here for their confirmation; the UI holds only their handles.
        .manage(PendingImports::default())
        .plugin(logging())
        // Only Rust opens dialogs (the import folder picker); the UI is granted none of its
        // commands, so a page cannot widen what the app may read.
        .plugin(tauri_plugin_dialog::init())
        // Plugins are set up first, so opening the database is logged. The window cannot load
        // the UI or send a command before this returns: both run on this (main) thread.
        .setup(|app| {
            let store = Store::open_default(chrono::Utc::now());
            store.announce_to(app.handle().clone());
            app.manage(store);
            Ok(())
        })
        .invoke_handler(handler())
        .run(context());
    if let Err(error) = result {
        eprintln!("Outward could not start: {error}");
        std::process::exit(1);
    }
}
