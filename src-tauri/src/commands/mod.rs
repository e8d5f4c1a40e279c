//! The Tauri commands: glue only. Each takes the [`Store`](crate::store::Store) and its
//! arguments, calls one core function, and after a successful write tells every view what
//! changed through the `changed` event. Rules belong in `outward-core`, not here.
//!
//! Every command runs on the async runtime's threads (`#[tauri::command(async)]`), so database
//! work never blocks the window's main thread.

pub mod coverage;
pub mod customers;
pub mod interviews;
pub mod pain_points;
pub mod people;
pub mod products;
pub mod search;
pub mod teams;
pub mod themes;
pub mod trash;
pub mod workspace;

use outward_core::entity::Changed;
use tauri::{AppHandle, Emitter, Runtime};

/// The name of the event sent after every successful write; its payload is a [`Changed`].
pub const CHANGED_EVENT: &str = "changed";

/// Tells every view what a write changed. A failure to notify is logged, not returned: the
/// write itself succeeded and must be reported as such.
fn notify<R: Runtime>(app: &AppHandle<R>, changed: Changed) {
    if let Err(error) = app.emit(CHANGED_EVENT, &changed) {
        log::warn!("could not send the {CHANGED_EVENT} event: {error}");
    }
}
