//! The Outward desktop app: a Tauri shell over `outward-core`, and the only crate that knows
//! Tauri. It opens the database, registers the commands of [`commands`], and shows the UI
//! embedded from `ui/build` (no dev server, no remote content).
//!
//! What it guarantees:
//! - a database that cannot be opened never stops the app or blanks the window: the
//!   `startup_failure` command explains it and every other command answers with an error;
//! - every `#[tauri::command]` in `src/commands/<feature>.rs` is declared, registered and
//!   listed in [`COMMANDS`] by `build.rs`, so the three cannot drift; the UI reaches a command
//!   only through its feature's permission set in `permissions/`, which the capability lists
//!   (a test checks the sets, the capability and the UI's wrappers name the same commands);
//! - errors cross to the UI as `{ kind, message, field? }`; internal details go to the log.

pub mod commands;
pub mod picker;
pub mod software_gl;
pub mod store;

use commands::workspace::StartedAt;
use outward_core::interviews::import::PendingImports;
use picker::{OpenPicker, SavePicker};
use store::Store;
use tauri::{Manager, Runtime};

include!(concat!(env!("OUT_DIR"), "/commands.rs"));

/// The invoke handler with every app command of [`COMMANDS`]; `build.rs` writes the list.
pub fn handler<R: Runtime>() -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static {
    include!(concat!(env!("OUT_DIR"), "/handler.rs"))
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

/// The state the commands read, managed in one place for the app and for any program that drives
/// the commands without a window (the screen tests' backend): the store, announcing what each
/// write changed to `app` and tidying the search index when idle; previewed imports, which wait
/// for their confirmation while the UI holds only their handles; the flag that cancels the export
/// under way; and where the import asks for a folder.
pub fn manage_state<R: Runtime>(app: &tauri::AppHandle<R>, store: Store, picker: OpenPicker) {
    store.announce_to(app.clone());
    app.manage(store);
    store::tidy_when_idle(app.clone());
    app.manage(PendingImports::default());
    // Set by `cancel_export` to stop the export under way.
    app.manage(commands::backups::ExportCancel::default());
    // Survey exports picked for import, waiting for their column mapping.
    app.manage(commands::surveys::PendingSurveyFiles::default());
    // Ticket exports picked for import, waiting for their column mapping.
    app.manage(commands::tickets::PendingTicketFiles::default());
    app.manage(picker);
    app.manage(commands::room::RoomServer::default());
    // A room left open when the app stopped is served again, so its devices reconnect.
    commands::room::resume(app);
}

/// Starts the app and blocks until it quits.
pub fn run() {
    // First, so the start-up time the UI reports (`first_screen_painted`) counts everything.
    let started = StartedAt(std::time::Instant::now());
    let result = tauri::Builder::default()
        .manage(started)
        .plugin(logging())
        // Without a GPU, pages draw without compositing (see the module).
        .plugin(software_gl::init())
        // Only Rust opens dialogs (the import folder picker, the export's save location and the
        // bundle to import); the UI is granted none of its
        // commands, so a page cannot widen what the app may read.
        .plugin(tauri_plugin_dialog::init())
        // Plugins are set up first, so opening the database is logged. The window cannot load
        // the UI or send a command before this returns: both run on this (main) thread.
        .setup(|app| {
            let store = Store::open_default(chrono::Utc::now());
            // Imports read what the person picks, unless a path is named for them.
            let picker = match std::env::var_os("OUTWARD_IMPORT_PATH") {
                Some(path) if !path.is_empty() => OpenPicker::from_path(path.into()),
                _ => OpenPicker::system(app.handle().clone()),
            };
            manage_state(app.handle(), store, picker);
            // Exports go where the person picks, unless a folder is named for them.
            app.manage(match std::env::var_os("OUTWARD_EXPORT_DIR") {
                Some(folder) if !folder.is_empty() => SavePicker::into_folder(folder.into()),
                _ => SavePicker::system(app.handle().clone()),
            });
            Ok(())
        })
        .invoke_handler(handler())
        .run(context());
    if let Err(error) = result {
        eprintln!("Outward could not start: {error}");
        std::process::exit(1);
    }
}
