//! The whole workspace as an open bundle of files, and back: a folder with one JSON Lines file
//! per table (`<table>.jsonl`), the interviews again as Markdown files with front matter that
//! the folder import reads (`interviews/`), and `manifest.json` with the format, schema and app
//! versions and the rows in each file. `docs/EXPORT.md` describes the format.
//!
//! Both directions are driven by the schema, not by a list: every table of the database is
//! exported and imported, except those the core derives from others and rebuilds itself
//! ([`DERIVED`]: the full-text indexes) and those that hold a secret of one opening of a room
//! ([`NOT_CARRIED`]: its join token), so a table a new migration adds joins the bundle by
//! itself. A test fails if a table is neither exported nor listed as left out.
//!
//! [`export()`] writes into a hidden sibling of the target and renames it into place at the
//! end, so a cancelled or interrupted export leaves no folder that looks complete; the next
//! export into the same folder removes what an interrupted one left ([`clean_up_interrupted`]).
//! [`import()`] reads a bundle into an empty database in the caller's one transaction, all or
//! nothing; a bundle of an older schema is read into a database of that schema first and
//! migrated. A damaged bundle is refused as a whole, naming the file and line. Either direction
//! also takes the bundle packed into one `.zip` archive ([`archive`]).

mod archive;
mod export;
mod import;
mod markdown;

pub use archive::is_archive;
pub use export::{Exported, clean_up_interrupted, export, export_from};
pub use import::{Imported, import};

use crate::error::Result;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What `manifest.json` names the format.
pub const FORMAT: &str = "outward-bundle";

/// The version of the bundle format this code writes and reads.
pub const FORMAT_VERSION: u32 = 1;

/// The manifest's file name.
pub const MANIFEST: &str = "manifest.json";

/// The folder of the interviews as Markdown files.
pub const INTERVIEWS_FOLDER: &str = "interviews";

/// Derived tables of older schemas, left out of a bundle written by an older version: the notes'
/// whole-interview index before schema 26.
const RETIRED: &[&str] = &["interviews_fts"];

/// The tables the core derives from others and rebuilds on its own, so a bundle leaves them
/// out: each full-text index is refilled by its triggers as its table's rows are imported, and
/// Coverage's counts of open pain points are rebuilt once every row is in
/// ([`crate::coverage::rebuild_counts`]), and so are the survey answers' tallies. A table of
/// the schema that is neither exported nor listed here fails a test.
pub const DERIVED: &[&str] = &[
    "customer_open_pain_points",
    "customer_pain_points",
    "interview_passages",
    "pain_points_fts",
    "themes_fts",
    "workshop_cards_fts",
    "survey_comments_fts",
    "survey_answer_tallies",
    "survey_score_tallies",
];

/// The tables a bundle never carries, though they hold records of their own: an open room's
/// join token is a secret of that one opening, and an imported workspace has no room open. A
/// bundle that lists them (written before they were left out) is read without them.
pub const NOT_CARRIED: &[&str] = &["workshop_rooms"];

/// `manifest.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Manifest {
    pub format: String,
    pub format_version: u32,
    /// The database's schema version (`PRAGMA user_version`) the rows were read from.
    pub schema_version: u32,
    /// The version of Outward that wrote the bundle.
    pub app_version: String,
    pub exported_at: String,
    /// One entry per table, in table name order.
    pub files: Vec<FileEntry>,
    /// The interviews as Markdown, for other tools; importing a bundle reads the tables only.
    pub markdown: MarkdownEntry,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FileEntry {
    pub file: String,
    pub table: String,
    pub rows: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MarkdownEntry {
    pub folder: String,
    pub files: u64,
}

/// How far an export or import has got, for a progress bar: records done of all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Progress {
    #[ts(type = "number")]
    pub done: u64,
    #[ts(type = "number")]
    pub total: u64,
}

/// What an export wrote or an import read, for a person to read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BundleSummary {
    /// The bundle's folder.
    pub path: String,
    /// Rows of every table.
    #[ts(type = "number")]
    pub records: u64,
    pub tables: u32,
    /// The interviews written as Markdown.
    #[ts(type = "number")]
    pub markdown_files: u64,
}

impl Exported {
    pub fn summary(&self) -> BundleSummary {
        summary(&self.path, &self.manifest)
    }
}

impl Imported {
    pub fn summary(&self, dir: &std::path::Path) -> BundleSummary {
        summary(dir, &self.manifest)
    }
}

fn summary(dir: &std::path::Path, manifest: &Manifest) -> BundleSummary {
    BundleSummary {
        path: dir.display().to_string(),
        records: manifest.files.iter().map(|f| f.rows).sum(),
        tables: manifest.files.len() as u32,
        markdown_files: manifest.markdown.files,
    }
}

/// One table of the schema as a bundle holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Table {
    pub name: String,
    /// Its columns in the order the schema declares them: the key order of each line.
    pub columns: Vec<String>,
    /// The columns of its primary key, in key order: the order of its lines.
    pub key: Vec<String>,
}

impl Table {
    pub fn file(&self) -> String {
        format!("{}.jsonl", self.name)
    }
}

/// Every table of `conn`'s schema a bundle holds, in name order: every ordinary table except
/// SQLite's own and [`DERIVED`] ones. A virtual table not listed as derived is an error, since
/// its rows could be neither exported nor rebuilt.
pub(crate) fn tables(conn: &Connection) -> Result<Vec<Table>> {
    let mut listed = conn.prepare(
        "SELECT name, type FROM pragma_table_list WHERE schema = 'main' \
         AND type IN ('table', 'virtual') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
    )?;
    let all: Vec<(String, String)> = listed
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut tables = Vec::new();
    for (name, kind) in all {
        if [DERIVED, NOT_CARRIED, RETIRED]
            .iter()
            .any(|names| names.contains(&name.as_str()))
        {
            continue;
        }
        if kind == "virtual" {
            return Err(crate::error::Error::conflict(
                None,
                format!(
                    "The table {name} is virtual and not listed as derived, so it cannot be \
                     exported."
                ),
            ));
        }
        tables.push(table(conn, &name)?);
    }
    Ok(tables)
}

fn table(conn: &Connection, name: &str) -> Result<Table> {
    let mut info = conn.prepare("SELECT name, pk FROM pragma_table_info(?1) ORDER BY cid")?;
    let columns: Vec<(String, u32)> = info
        .query_map([name], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut key: Vec<(u32, String)> = columns
        .iter()
        .filter(|(_, pk)| *pk > 0)
        .map(|(c, pk)| (*pk, c.clone()))
        .collect();
    key.sort();
    let columns: Vec<String> = columns.into_iter().map(|(c, _)| c).collect();
    let key = if key.is_empty() {
        columns.clone()
    } else {
        key.into_iter().map(|(_, c)| c).collect()
    };
    Ok(Table {
        name: name.to_owned(),
        columns,
        key,
    })
}

/// `name` quoted as an SQL identifier.
pub(crate) fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::Database;

    #[test]
    fn every_table_is_exported_or_listed_as_left_out() {
        let db = Database::open_in_memory().unwrap();
        db.read(|conn| {
            let exported: Vec<String> = tables(conn)?.into_iter().map(|t| t.name).collect();
            let mut stmt = conn.prepare(
                "SELECT name FROM pragma_table_list WHERE schema = 'main' \
                 AND type IN ('table', 'virtual') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
            )?;
            let all: Vec<String> = stmt
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            for name in &all {
                let left_out =
                    DERIVED.contains(&name.as_str()) || NOT_CARRIED.contains(&name.as_str());
                assert!(
                    exported.contains(name) != left_out,
                    "{name} is either exported or left out, not both or neither"
                );
            }
            for derived in DERIVED.iter().chain(NOT_CARRIED) {
                assert!(all.iter().any(|n| n == derived), "{derived} exists");
            }
            assert!(exported.iter().any(|n| n == "teams"));
            assert!(exported.iter().any(|n| n == "settings"));
            Ok(())
        })
        .unwrap();
    }
}
