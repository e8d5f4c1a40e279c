//! Saving notes: the index kept in step and highlights re-anchored, against a plain update.

use crate::harness::{Fallible, paired};
use crate::report::Report;
use chrono::Utc;
use outward_core::db::Database;
use outward_core::id::Id;
use outward_core::interviews;
use std::path::Path;

/// Saving edited notes (index kept in step by triggers, highlights re-anchored) against the
/// same update of a table with the same rows and no index.
pub fn note_saves(heavy: &Path, folder: &Path, report: &mut Report) -> Fallible {
    // On a copy: the saves churn the index, and later runs must measure the same file.
    let work = tempfile::tempdir_in(folder)?;
    let copy = work.path().join("notes.db");
    std::fs::copy(heavy, &copy)?;
    let db = &Database::open(&copy, Utc::now())?;
    let chosen: Vec<(Id, String)> = db.read(|conn| {
        let mut stmt = conn.prepare(
            "SELECT id, notes FROM interviews
             WHERE deleted_at IS NULL AND id IN (SELECT interview_id FROM highlights)
             ORDER BY rowid LIMIT 100",
        )?;
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    })?;
    db.write(|tx| {
        tx.execute_batch(
            "DROP TABLE IF EXISTS bench_plain_notes;
             CREATE TABLE bench_plain_notes (id TEXT PRIMARY KEY, notes TEXT, updated_at TEXT);
             INSERT INTO bench_plain_notes SELECT id, notes, updated_at FROM interviews
             WHERE deleted_at IS NULL AND id IN (SELECT interview_id FROM highlights)
             ORDER BY rowid LIMIT 100;",
        )?;
        Ok(())
    })?;
    let edited = |i: usize| {
        let (id, notes) = &chosen[i % chosen.len()];
        // Every other save adds a sentence at the end; the next takes it away again.
        let text = if (i / chosen.len()).is_multiple_of(2) {
            format!("{notes}\n\nAdded after the call: they will send the runbook.\n")
        } else {
            notes.clone()
        };
        (*id, text)
    };
    let timings = paired(
        400,
        edited,
        |(id, notes)| Ok(db.write(|tx| interviews::save_notes(tx, *id, notes, Utc::now()))?),
        |(id, notes)| {
            Ok(db.write(|tx| {
                tx.prepare_cached(
                    "UPDATE bench_plain_notes SET notes = ?2, updated_at = ?3 WHERE id = ?1",
                )?
                .execute((id, notes, Utc::now()))?;
                Ok(())
            })?)
        },
    )?;
    report.compared(
        "save edited notes, index in step and highlights re-anchored",
        timings,
        3.0,
    );
    Ok(())
}
