//! The command that exports a quarter's review: the save dialog opened from Rust, then the
//! core's report written whole, with its steps sent as [`REPORT_PROGRESS_EVENT`].

use crate::picker::{SavePicker, SaveRequest};
use crate::store::{Reply, Store};
use outward_core::report::{self, ReportFormat, ReportStep};
use tauri::{AppHandle, Emitter, Runtime, State};

/// The event an export of the review sends as each step begins; its payload is a `ReportStep`.
pub const REPORT_PROGRESS_EVENT: &str = "report-progress";

/// Asks where to save the review of `quarter` (today's when `None`) in `format` and writes it
/// there; the saved path, or `None` when the person cancels the dialog.
#[tauri::command(async)]
pub fn export_review<R: Runtime>(
    app: AppHandle<R>,
    store: State<'_, Store>,
    saver: State<'_, SavePicker>,
    quarter: Option<String>,
    format: ReportFormat,
) -> Reply<Option<String>> {
    let today = chrono::Utc::now().date_naive();
    let mut progress = |step: ReportStep| {
        let _ = app.emit(REPORT_PROGRESS_EVENT, step);
    };
    let (review, text) = store
        .read(|conn, _| report::report(conn, quarter.as_deref(), format, today, &mut progress))?;
    let name = report::file_name(&review, format);
    let request = SaveRequest {
        file_name: &name,
        kind: format.label(),
        extensions: &[format.extension()],
    };
    let Some(path) = saver.pick(&request)? else {
        return Ok(None);
    };
    store.read(|_, _| report::save(&path, &text, &mut progress))?;
    Ok(Some(path.display().to_string()))
}
