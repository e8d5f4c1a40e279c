//! Where imports and exports ask the person for a folder or a file. The app asks with the
//! system's dialogs, opened from Rust (the page is granted no dialogs and never sends a path);
//! a program driving the commands without a window (the screen tests' backend) gives its own
//! answer instead, and `OUTWARD_IMPORT_PATH` / `OUTWARD_EXPORT_DIR` answer without a dialog.

use crate::store::Reply;
use std::path::PathBuf;
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_dialog::{DialogExt, FileDialogBuilder};

/// A file dialog that opens in the person's documents folder, or their home folder where there is
/// none: never in the folder the app was started from, which for the AppImage is inside the image.
fn dialog<R: Runtime>(app: &AppHandle<R>) -> FileDialogBuilder<R> {
    let dialog = app.dialog().file();
    let paths = app.path();
    match first_folder([paths.document_dir().ok(), paths.home_dir().ok()]) {
        Some(folder) => dialog.set_directory(folder),
        None => dialog,
    }
}

/// The first of `candidates` that is a folder on this computer.
fn first_folder(candidates: impl IntoIterator<Item = Option<PathBuf>>) -> Option<PathBuf> {
    candidates
        .into_iter()
        .flatten()
        .find(|folder| folder.is_dir())
}

type Pick = Box<dyn Fn(&Open<'_>) -> Reply<Option<PathBuf>> + Send + Sync>;

/// What an import asks for: a folder (of interviews' Markdown files), or a file of a kind.
pub enum Open<'a> {
    Folder,
    File {
        kind: &'a str,
        extensions: &'a [&'a str],
    },
}

/// Asks for a folder or a file to import; `None` when the person cancels. Managed as Tauri
/// state.
pub struct OpenPicker(Pick);

impl OpenPicker {
    /// The system's dialogs, which block until the person answers.
    pub fn system<R: Runtime>(app: AppHandle<R>) -> OpenPicker {
        OpenPicker(Box::new(move |what| {
            let dialog = dialog(&app);
            let picked = match what {
                Open::Folder => dialog.blocking_pick_folder(),
                Open::File { kind, extensions } => {
                    dialog.add_filter(*kind, extensions).blocking_pick_file()
                }
            };
            let Some(picked) = picked else {
                return Ok(None);
            };
            picked
                .into_path()
                .map(Some)
                .map_err(|e| crate::store::internal(&e))
        }))
    }

    /// Answers with `pick` instead of a dialog.
    pub fn answering(
        pick: impl Fn(&Open<'_>) -> Reply<Option<PathBuf>> + Send + Sync + 'static,
    ) -> Self {
        OpenPicker(Box::new(pick))
    }

    /// Reads from `path` without asking (`OUTWARD_IMPORT_PATH`, for imports made where no one
    /// can answer a dialog).
    pub fn from_path(path: PathBuf) -> OpenPicker {
        OpenPicker(Box::new(move |_| Ok(Some(path.clone()))))
    }

    pub fn pick(&self, what: &Open<'_>) -> Reply<Option<PathBuf>> {
        (self.0)(what)
    }
}

type SaveAs = Box<dyn Fn(&SaveRequest<'_>) -> Reply<Option<PathBuf>> + Send + Sync>;

/// What a save dialog offers: the file name it suggests and the kind of file it saves.
pub struct SaveRequest<'a> {
    pub file_name: &'a str,
    pub kind: &'a str,
    pub extensions: &'a [&'a str],
}

/// Asks where to save a file (the workspace's export, a summary's Markdown); `None` when the
/// person cancels.
/// Managed as Tauri state, like the folder picker.
pub struct SavePicker(SaveAs);

impl SavePicker {
    /// The system's save dialog, which blocks until the person answers.
    pub fn system<R: Runtime>(app: AppHandle<R>) -> SavePicker {
        SavePicker(Box::new(move |request| {
            let Some(path) = dialog(&app)
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

#[cfg(test)]
mod tests {
    use super::first_folder;
    use std::path::PathBuf;

    #[test]
    fn dialogs_open_in_the_first_folder_that_exists() {
        let home = tempfile::tempdir().unwrap();
        let missing = home.path().join("Documents");
        assert_eq!(
            first_folder([Some(missing.clone()), Some(home.path().to_path_buf())]),
            Some(home.path().to_path_buf()),
            "a documents folder that does not exist is passed over"
        );
        std::fs::create_dir(&missing).unwrap();
        assert_eq!(
            first_folder([Some(missing.clone()), Some(home.path().to_path_buf())]),
            Some(missing)
        );
        let file = home.path().join("notes.txt");
        std::fs::write(&file, "").unwrap();
        assert_eq!(
            first_folder([None, Some(file), None::<PathBuf>]),
            None,
            "a file is not a folder"
        );
    }
}
