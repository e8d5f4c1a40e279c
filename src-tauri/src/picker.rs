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

type SaveAs = Box<dyn Fn(&SaveRequest<'_>) -> Reply<Option<PathBuf>> + Send + Sync>;

/// What a save dialog offers: the file name it suggests and the kind of file it saves.
pub struct SaveRequest<'a> {
    pub file_name: &'a str,
    pub kind: &'a str,
    pub extensions: &'a [&'a str],
}

/// Asks where to save a file (the summary's Markdown export); `None` when the person cancels.
/// Managed as Tauri state, like the folder picker.
pub struct SavePicker(SaveAs);

impl SavePicker {
    /// The system's save dialog, which blocks until the person answers.
    pub fn system<R: Runtime>(app: AppHandle<R>) -> SavePicker {
        SavePicker(Box::new(move |request| {
            let Some(path) = app
                .dialog()
                .file()
                .set_file_name(request.file_name)
                .add_filter(request.kind, request.extensions)
                .blocking_save_file()
            else {
                return Ok(None);
            };
            path.into_path()
                .map(Some)
                .map_err(|e| crate::store::internal(&e))
        }))
    }

    /// Saves into `folder` under the suggested name without asking (`OUTWARD_EXPORT_DIR`, for
    /// exports made where no one can answer a dialog).
    pub fn into_folder(folder: PathBuf) -> SavePicker {
        SavePicker(Box::new(move |request| {
            Ok(Some(folder.join(request.file_name)))
        }))
    }

    pub fn pick(&self, request: &SaveRequest<'_>) -> Reply<Option<PathBuf>> {
        (self.0)(request)
    }
}
