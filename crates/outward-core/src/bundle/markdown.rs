//! The interviews of a bundle as Markdown files with the front matter the folder import reads
//! (`interviews::import`): one file per interview out of the Trash, `<date>-<id>.md`. Values are
//! written as JSON strings and lists, which YAML reads as they are.

use super::export::{finish, json_string};
use crate::error::{Error, Result};
use rusqlite::Connection;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

const LIVE: &str = "FROM interviews i JOIN customers c ON c.id = i.customer_id \
                    WHERE i.deleted_at IS NULL";

/// How many interview files an export writes.
pub fn count(conn: &Connection) -> Result<u64> {
    let count: i64 = conn.query_row(&format!("SELECT count(*) {LIVE}"), [], |r| r.get(0))?;
    Ok(count as u64)
}

/// Writes every interview out of the Trash into `folder`; `written` hears each file's size and
/// stops the export by returning `false`.
pub fn write(conn: &Connection, folder: &Path, written: &mut dyn FnMut(u64) -> bool) -> Result<()> {
    let mut stmt = conn.prepare(&format!(
        "SELECT i.id, i.held_on, c.name, i.kind, i.interviewees, i.duration_minutes, i.notes \
         {LIVE} ORDER BY i.id"
    ))?;
    let mut themes = conn.prepare(
        "SELECT t.name FROM interview_themes it JOIN themes t ON t.id = it.theme_id \
         WHERE it.interview_id = ?1 ORDER BY t.name, t.id",
    )?;
    let mut interviewers = conn.prepare(
        "SELECT p.name FROM interview_interviewers ii JOIN people p ON p.id = ii.person_id \
         WHERE ii.interview_id = ?1 ORDER BY p.name, p.id",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let id: String = row.get(0)?;
        let held_on: String = row.get(1)?;
        let customer: String = row.get(2)?;
        let kind: String = row.get(3)?;
        let interviewees: String = row.get(4)?;
        let duration: Option<i64> = row.get(5)?;
        let notes: String = row.get(6)?;
        let list = |stmt: &mut rusqlite::Statement<'_>| -> Result<String> {
            let names: Vec<String> = stmt
                .query_map([&id], |r| r.get::<_, String>(0))?
                .map(|name| name.map(|n| json_string(&n)))
                .collect::<rusqlite::Result<_>>()?;
            Ok(format!("[{}]", names.join(", ")))
        };
        let mut text = String::with_capacity(notes.len() + 256);
        text.push_str("---\n");
        text.push_str(&format!("id: {}\n", json_string(&id)));
        text.push_str(&format!("date: {}\n", json_string(&held_on)));
        text.push_str(&format!("customer: {}\n", json_string(&customer)));
        text.push_str(&format!("kind: {}\n", json_string(&kind)));
        if !interviewees.is_empty() {
            text.push_str(&format!("interviewees: {}\n", json_string(&interviewees)));
        }
        if let Some(minutes) = duration {
            text.push_str(&format!("duration: {minutes}\n"));
        }
        text.push_str(&format!("tags: {}\n", list(&mut themes)?));
        text.push_str(&format!("interviewers: {}\n", list(&mut interviewers)?));
        text.push_str("---\n\n");
        text.push_str(&notes);
        let path = folder.join(format!("{held_on}-{id}.md"));
        let io = |e| Error::io(format!("cannot write {}", path.display()), e);
        let mut out = BufWriter::new(File::create(&path).map_err(io)?);
        out.write_all(text.as_bytes()).map_err(io)?;
        finish(out).map_err(io)?;
        if !written(text.len() as u64) {
            return Ok(());
        }
    }
    Ok(())
}
