//! Reply sizes: the largest JSON replies at heavy size, and at the limits a user can reach,
//! against the 256 KB cap on a reply.

use crate::harness::{Fallible, json_len};
use crate::report::Report;
use crate::search::Terms;
use chrono::{NaiveDate, Utc};
use outward_core::datasets;
use outward_core::db::Database;
use outward_core::id::Id;
use outward_core::interviews::{self, InterviewFilter, import};
use outward_core::page::PageRequest;
use outward_core::pain_points::{self, PainPointFilter};
use outward_core::search;
use rusqlite::Connection;
use std::path::Path;

/// The largest JSON replies the app sends at this size, against the 256 KB cap on a reply.
pub fn reply_sizes(
    db: &Database,
    today: NaiveDate,
    terms: &Terms,
    report: &mut Report,
) -> Fallible {
    let largest = db.read(|conn| {
        let longest: Id = conn.query_row(
            "SELECT id FROM interviews WHERE deleted_at IS NULL
             ORDER BY length(notes) DESC LIMIT 1",
            [],
            |r| r.get(0),
        )?;
        let most_evidence = most_evidence(conn)?;
        let widest = PageRequest {
            offset: 0,
            limit: outward_core::page::LIMIT_MAX,
        };
        let common = &terms.kinds[2].1[0];
        let sizes = [
            (
                "the longest interview",
                json_len(&interviews::get(conn, longest)?),
            ),
            (
                "the pain point with most evidence",
                json_len(&pain_points::get(conn, most_evidence, today)?),
            ),
            (
                "the widest page of pain points",
                json_len(&pain_points::list(
                    conn,
                    &PainPointFilter::default(),
                    widest,
                    today,
                )?),
            ),
            (
                "the widest page of interviews",
                json_len(&interviews::list(
                    conn,
                    &InterviewFilter::default(),
                    widest,
                )?),
            ),
            (
                "search for a common term",
                json_len(&search::search(conn, common, today)?),
            ),
        ];
        Ok(sizes
            .into_iter()
            .max_by_key(|(_, n)| *n)
            .expect("some replies"))
    })?;
    let (what, bytes) = largest;
    report.reply(&format!("largest IPC reply at heavy size ({what})"), bytes);
    Ok(())
}

/// The live pain point with the most evidence.
pub fn most_evidence(conn: &Connection) -> outward_core::error::Result<Id> {
    Ok(conn.query_row(
        "SELECT h.pain_point_id FROM highlights h
         JOIN pain_points p ON p.id = h.pain_point_id
         WHERE p.deleted_at IS NULL AND p.merged_into IS NULL
         GROUP BY 1 ORDER BY count(*) DESC LIMIT 1",
        [],
        |r| r.get(0),
    )?)
}

/// Replies at the limits a user can reach whatever the data set: the longest notes one
/// interview may hold, a pain point merged from many until it holds hundreds of quotes, and
/// the preview of the largest folder an import takes. Built on a copy of `heavy`, which later
/// runs must find unchanged.
pub fn worst_case_replies(
    heavy: &Path,
    folder: &Path,
    today: NaiveDate,
    report: &mut Report,
) -> Fallible {
    let work = tempfile::tempdir_in(folder)?;
    let copy = work.path().join("worst.db");
    std::fs::copy(heavy, &copy)?;
    let db = Database::open(&copy, Utc::now())?;

    let (id, bytes) = longest_notes_allowed(&db)?;
    let reply = db.read(|c| interviews::get(c, id))?;
    report.reply(
        &format!(
            "IPC reply: an interview with the longest notes allowed ({} KB of notes, {} highlights)",
            bytes / 1024,
            reply.highlights.len()
        ),
        json_len(&reply),
    );

    let (id, merged) = merged_until(&db, QUOTES_MERGED)?;
    let reply = db.read(|c| pain_points::get(c, id, today))?;
    report.reply(
        &format!(
            "IPC reply: a pain point with {} quotes (the first page of them), {merged} pain points merged into it",
            reply.evidence.total
        ),
        json_len(&reply),
    );

    let (files, bytes) = largest_import_preview(&db, work.path())?;
    report.reply(
        &format!("IPC reply: the import preview of the largest folder ({files} files)"),
        bytes,
    );
    Ok(())
}

/// Quotes gathered on one pain point by merging others into it.
pub const QUOTES_MERGED: usize = 600;

/// Fills the notes of the longest live interview up to exactly `NOTES_MAX_BYTES`, by repeating
/// its own text, and saves them as the editor does. Returns the interview and the size.
pub fn longest_notes_allowed(db: &Database) -> Fallible<(Id, usize)> {
    let (id, notes): (Id, String) = db.read(|c| {
        Ok(c.query_row(
            "SELECT id, notes FROM interviews WHERE deleted_at IS NULL
             ORDER BY length(notes) DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?)
    })?;
    let mut longest = notes.clone();
    while longest.len() < interviews::NOTES_MAX_BYTES {
        longest.push_str("\n\n");
        longest.push_str(&notes);
    }
    // The bound counts the notes as they travel in JSON, escapes included.
    while interviews::notes_size(&longest) > interviews::NOTES_MAX_BYTES {
        let over = interviews::notes_size(&longest) - interviews::NOTES_MAX_BYTES;
        let mut end = longest.len() - over;
        while !longest.is_char_boundary(end) {
            end -= 1;
        }
        longest.truncate(end);
    }
    db.write(|tx| interviews::save_notes(tx, id, &longest, Utc::now()))?;
    Ok((id, longest.len()))
}

/// Merges live pain points, in the order they were filed, into the one with the most evidence
/// until it shows at least `quotes` quotes. Returns it and how many were merged into it.
pub fn merged_until(db: &Database, quotes: usize) -> Fallible<(Id, usize)> {
    let today = datasets::last_day();
    let kept = db.read(most_evidence)?;
    let merged = db.write(|tx| {
        let others: Vec<Id> = tx
            .prepare(
                "SELECT id FROM pain_points
                 WHERE deleted_at IS NULL AND merged_into IS NULL AND id <> ?1 ORDER BY rowid",
            )?
            .query_map([kept], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut merged = 0;
        for source in others {
            if pain_points::get(tx, kept, today)?.evidence.total as usize >= quotes {
                break;
            }
            pain_points::merge(tx, source, kept, Utc::now())?;
            merged += 1;
        }
        Ok(merged)
    })?;
    Ok((kept, merged))
}

/// The JSON size of the import preview of the largest folder an import accepts
/// (`import::FILES_MAX` files). Returns the number of files and the size.
///
/// The preview names the first files only and carries no notes, so its size depends on the
/// number of files and the length of their names, not on the notes.
pub fn largest_import_preview(db: &Database, work: &Path) -> Fallible<(usize, usize)> {
    let files = work.join("largest-import");
    std::fs::create_dir(&files)?;
    let customers: Vec<String> = db.read(|c| {
        let mut stmt =
            c.prepare("SELECT name FROM customers WHERE deleted_at IS NULL ORDER BY rowid")?;
        let names = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(names)
    })?;
    let count = import::FILES_MAX;
    datasets::markdown_interviews(&files, count as u32, 20, &customers)?;
    let preview = db.read(|c| import::PendingImports::default().preview(c, &files))?;
    Ok((count, json_len(&preview)))
}
