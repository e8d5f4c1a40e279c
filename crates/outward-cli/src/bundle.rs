//! `outward export --out PATH` and `outward import-bundle PATH`: the whole workspace as an open
//! bundle of files (docs/EXPORT.md), in a folder or one `.zip`, and back into an empty database.

use chrono::Utc;
use indicatif::{ProgressBar, ProgressStyle};
use outward_core::bundle;
use outward_core::db::Database;
use outward_core::error::Result;
use std::path::Path;
use std::time::Instant;

pub fn export(database: &Database, out: &Path) -> Result<()> {
    let started = Instant::now();
    let bar = ProgressBar::new(0).with_style(
        ProgressStyle::with_template("Exporting {wide_bar} {pos}/{len} records")
            .expect("a valid progress template"),
    );
    let exported = database.read(|conn| {
        bundle::export(conn, out, Utc::now(), &mut |progress| {
            bar.set_length(progress.total);
            bar.set_position(progress.done);
            true
        })
    })?;
    bar.finish_and_clear();
    if let Some(exported) = exported {
        let summary = exported.summary();
        println!(
            "Exported {} records of {} tables and {} interviews as Markdown to {} \
             ({:.1} MB) in {:.1} s.",
            summary.records,
            summary.tables,
            summary.markdown_files,
            summary.path,
            exported.bytes as f64 / 1_048_576.0,
            started.elapsed().as_secs_f64()
        );
    }
    Ok(())
}

pub fn import(database: &Database, path: &Path) -> Result<()> {
    let started = Instant::now();
    let imported = database.write(|tx| bundle::import(tx, path))?;
    println!(
        "Imported {} records of {} tables (written by Outward {}, schema {}) into {} in {:.1} s.",
        imported.rows,
        imported.manifest.files.len(),
        imported.manifest.app_version,
        imported.manifest.schema_version,
        database.path().display(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
