//! `outward report`: a quarter's review as Markdown, one self-contained HTML file or CSV of its
//! tables, written whole to a file (or printed), by the same code as the app's export.

use chrono::Utc;
use outward_core::db::Database;
use outward_core::error::Result;
use outward_core::report::{self, ReportFormat};
use std::path::PathBuf;

pub fn run(
    db: &Database,
    quarter: Option<String>,
    format: &str,
    out: Option<PathBuf>,
) -> Result<()> {
    let format: ReportFormat = format.parse()?;
    let today = Utc::now().date_naive();
    let (_, text) =
        db.read(|conn| report::report(conn, quarter.as_deref(), format, today, &mut |_| {}))?;
    match out {
        Some(path) => {
            report::save(&path, &text, &mut |_| {})?;
            println!("Wrote {}.", path.display());
        }
        None => print!("{text}"),
    }
    Ok(())
}
