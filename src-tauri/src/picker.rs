//! Where the import asks the person for a folder. The app asks with the system's dialog, opened
//! from Rust (the page is granted no dialogs and never sends a path); a program driving the
//! commands without a window (the screen tests' backend) gives its own answer instead.

use crate::store::Reply;
use std::path::PathBuf;
use tauri::{AppHandle, Runtime};
use tauri_plugin_dialog::DialogExt;

type Pick = Box<dyn Fn() -> Reply<Option<PathBuf>> + Send + Sync>;

/// Asks for a folder; `None` when the person cancels. Managed as Tauri state.
pub struct FolderPicker(Pick);

impl FolderPicker {
    /// The system's folder dialog, which blocks until the person answers.
    pub fn system<R: Runtime>(app: AppHandle<R>) -> FolderPicker {
        FolderPicker(Box::new(move || {
            let Some(folder) = app.dialog().file().blocking_pick_folder() else {
                return Ok(None);
            };
            folder
                .into_path()
                .map(Some)
                .map_err(|e| crate::store::internal(&e))
        }))
    }

    /// Answers with `pick` instead of a dialog.
    pub fn answering(pick: impl Fn() -> Reply<Option<PathBuf>> + Send + Sync + 'static) -> Self {
        FolderPicker(Box::new(pick))
    }

    pub fn pick(&self) -> Reply<Option<PathBuf>> {
        (self.0)()
    }
}
