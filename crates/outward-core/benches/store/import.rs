//! Importing Markdown interviews, against raw batched inserts of the same rows.

use crate::harness::{Fallible, Timings, paired};
use crate::report::{Report, Row};
use chrono::Utc;
use outward_core::datasets::{self, Sizes};
use outward_core::db::Database;
use outward_core::id::Id;
use outward_core::interviews::import;
use std::path::{Path, PathBuf};

/// Importing 1,000 Markdown interviews (read, parse, plan, write) against raw batched inserts
/// of the same rows, each into a fresh copy of the same small workspace. The baseline does the
/// same work the import must: each file's tags found or created as themes and linked, and the
/// planner's statistics refreshed as often, so the ratio is the price of the import's code,
/// not of work the baseline skips.
pub fn imports(folder: &Path, report: &mut Report) -> Fallible {
    let work = tempfile::tempdir_in(folder)?;
    let base = work.path().join("base.db");
    let customers: Vec<String> = {
        let db = Database::open(&base, Utc::now())?;
        datasets::generate(&db, &Sizes::TINY, |_| {})?;
        db.read(|c| {
            let mut stmt =
                c.prepare("SELECT name FROM customers WHERE deleted_at IS NULL ORDER BY rowid")?;
            let names = stmt
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            Ok(names)
        })?
    };
    let files = work.path().join("files");
    std::fs::create_dir(&files)?;
    datasets::markdown_interviews(&files, 1_000, 1_000, &customers)?;
    let parsed = import::read_folder(&files)?;
    let fresh = |i: usize| -> Fallible<PathBuf> {
        let copy = work.path().join(format!("copy-{i}.db"));
        std::fs::copy(&base, &copy)?;
        Ok(copy)
    };
    let (s, b) = paired(
        6,
        |i| fresh(i).expect("a copy of the base database"),
        |path| {
            let db = Database::open(path, Utc::now())?;
            let plan = db.read(|c| import::plan(c, import::read_folder(&files)?))?;
            db.write(|tx| import::apply(tx, &plan, Utc::now()))?;
            Ok(())
        },
        |path| {
            let db = Database::open(path, Utc::now())?;
            db.write(|tx| {
                let customer_id = |name: &str| -> rusqlite::Result<Id> {
                    tx.prepare_cached(
                        "SELECT id FROM customers WHERE name = ?1 AND deleted_at IS NULL",
                    )?
                    .query_row([name], |r| r.get(0))
                };
                let now = Utc::now();
                for (n, file) in parsed.iter().enumerate() {
                    if n % STATISTICS_EVERY == 0 {
                        outward_core::db::refresh_statistics(tx);
                    }
                    let interview = Id::at(now);
                    tx.prepare_cached(
                        "INSERT INTO interviews (id, customer_id, held_on, kind, interviewees,
                            duration_minutes, notes, created_at, updated_at)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
                    )?
                    .execute((
                        interview,
                        customer_id(&file.customer)?,
                        file.held_on,
                        file.kind,
                        &file.interviewees,
                        file.duration_minutes,
                        &file.notes,
                        now,
                    ))?;
                    for tag in &file.tags {
                        let theme = theme_by_hand(tx, tag, now)?;
                        tx.prepare_cached(
                            "INSERT OR IGNORE INTO interview_themes (interview_id, theme_id)
                             VALUES (?1, ?2)",
                        )?
                        .execute((interview, theme))?;
                    }
                }
                Ok(())
            })?;
            Ok(())
        },
    )?;
    let speed = |t: &Timings| 1_000.0 / t.p50().as_secs_f64();
    let tagged: usize = parsed.iter().map(|f| f.tags.len()).sum();
    eprintln!("  (the 1,000 files carry {tagged} tags)");
    let relative = speed(&s) / speed(&b);
    report.add(Row {
        operation: "import 1,000 Markdown interviews (median of 6)".into(),
        subject: format!("{:.0} interviews/s", speed(&s)),
        baseline: format!("{:.0} interviews/s (raw inserts)", speed(&b)),
        ratio: relative,
        goal: "≥ 0.5× raw speed".into(),
        met: Some(relative >= 0.5),
        budget: None,
    });
    Ok(())
}

/// How often the import refreshes the planner's statistics (every this many interviews), which
/// the baseline does as often.
pub const STATISTICS_EVERY: usize = 100;

/// The live theme named `name`, created if there is none: what the import does with a tag.
pub fn theme_by_hand(
    tx: &rusqlite::Transaction<'_>,
    name: &str,
    now: chrono::DateTime<Utc>,
) -> rusqlite::Result<Id> {
    let found = tx
        .prepare_cached(
            "SELECT id FROM themes WHERE name = ?1 COLLATE NOCASE
               AND deleted_at IS NULL AND merged_into IS NULL",
        )?
        .query_row([name], |r| r.get(0));
    match found {
        Err(rusqlite::Error::QueryReturnedNoRows) => {
            let id = Id::at(now);
            tx.prepare_cached(
                "INSERT INTO themes (id, name, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)",
            )?
            .execute((id, name, now))?;
            Ok(id)
        }
        other => other,
    }
}
