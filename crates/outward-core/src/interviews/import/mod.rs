//! Importing interviews from a folder of Markdown files with YAML front matter, the shape note
//! apps export:
//!
//! ```text
//! ---
//! date: 2026-03-14
//! customer: Payments
//! interviewees: Lena Brandt (tech lead), Ravi Shah
//! tags: [ci, onboarding]
//! kind: interview          # optional: interview, shadowing, support conversation, office hours
//! duration: 45             # optional, minutes
//! ---
//! The notes, in Markdown.
//! ```
//!
//! [`read_folder`] checks every file first and names the file and line of any problem; it reads
//! at most [`FILES_MAX`] files of [`FILE_MAX_BYTES`] each and [`FOLDER_MAX_BYTES`] in all.
//! [`plan`] says what would be created, including customers not known yet; [`apply`] writes it
//! all in the caller's one transaction, so an import is all or nothing. The app and the CLI go
//! through [`PendingImports`]: a preview keeps the checked plan in Rust under a handle, and the
//! import writes exactly that plan.

mod front_matter;
mod pending;

pub use front_matter::parse;
pub use pending::{
    ImportHandle, ImportPreview, ImportRow, NEW_CUSTOMERS_SHOWN, PENDING_MAX, PendingImports,
    ROWS_SHOWN,
};

use super::{InterviewInput, InterviewKind, NOTES_MAX_BYTES, create};
use crate::customers::{self, CustomerInput};
use crate::error::{Error, Result};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension, Transaction};
use std::collections::BTreeSet;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The most files one import reads.
pub const FILES_MAX: usize = 20_000;

/// The largest file one import reads: the most notes an interview holds, and room for the front
/// matter above them.
pub const FILE_MAX_BYTES: usize = NOTES_MAX_BYTES + 64 * 1024;

/// The most one import reads in all. A previewed import waits in memory until it is confirmed,
/// so this bounds that memory too. 64 MB is about 3,000 interviews of 3,000 words, more than a
/// ten-team organisation records in two years; a longer history imports folder by folder.
pub const FOLDER_MAX_BYTES: u64 = 64 << 20;

/// One file, read and checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedInterview {
    pub file: String,
    pub held_on: NaiveDate,
    pub customer: String,
    pub kind: InterviewKind,
    pub interviewees: String,
    pub tags: Vec<String>,
    pub duration_minutes: Option<u32>,
    pub notes: String,
}

/// What an import would do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportPlan {
    pub interviews: Vec<ImportedInterview>,
    /// Customer names no customer has yet; the import creates them.
    pub new_customers: Vec<String>,
}

fn problem(file: &Path, line: usize, what: impl std::fmt::Display) -> Error {
    Error::validation("file", format!("{}, line {line}: {what}", file.display()))
}

/// Reads every `.md` file directly in `dir`, in name order, and checks each one. The first bad
/// file stops the import with its name and line; a folder over [`FOLDER_MAX_BYTES`] is refused
/// before any file is read.
pub fn read_folder(dir: &Path) -> Result<Vec<ImportedInterview>> {
    let files = markdown_files(dir)?;
    check_folder_size(dir, files.iter().map(|(_, size)| size).sum())?;
    let mut read = 0;
    files
        .iter()
        .map(|(path, _)| {
            let text = read_text(path)?;
            // A file can grow between the listing and the reading.
            read += text.len() as u64;
            check_folder_size(dir, read)?;
            parse(path, &text)
        })
        .collect()
}

/// The `.md` files directly in `dir` with their sizes, in name order.
fn markdown_files(dir: &Path) -> Result<Vec<(PathBuf, u64)>> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| Error::io(format!("cannot read the folder {}", dir.display()), e))?;
    let mut files: Vec<(PathBuf, u64)> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x.eq_ignore_ascii_case("md")))
        .filter_map(|p| {
            let meta = std::fs::metadata(&p).ok()?;
            meta.is_file().then_some((p, meta.len()))
        })
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(Error::validation(
            "folder",
            format!("{} holds no .md files.", dir.display()),
        ));
    }
    if files.len() > FILES_MAX {
        return Err(Error::validation(
            "folder",
            format!(
                "{} holds {} files; one import takes at most {FILES_MAX}.",
                dir.display(),
                files.len()
            ),
        ));
    }
    Ok(files)
}

fn check_folder_size(dir: &Path, bytes: u64) -> Result<()> {
    if bytes > FOLDER_MAX_BYTES {
        return Err(Error::validation(
            "folder",
            format!(
                "{} holds {:.1} MB of .md files; one import reads at most {} MB. Split the files \
                 over several folders and import each.",
                dir.display(),
                bytes as f64 / f64::from(1 << 20),
                FOLDER_MAX_BYTES >> 20
            ),
        ));
    }
    Ok(())
}

/// A file's text, read no further than [`FILE_MAX_BYTES`] whatever its size.
fn read_text(path: &Path) -> Result<String> {
    let cannot_read = |e: std::io::Error| problem(path, 1, format!("cannot be read ({e})"));
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|file| file.take(FILE_MAX_BYTES as u64 + 1).read_to_end(&mut bytes))
        .map_err(cannot_read)?;
    if bytes.len() > FILE_MAX_BYTES {
        return Err(problem(
            path,
            1,
            format!(
                "the file is larger than {} KB, the most one interview's file holds",
                FILE_MAX_BYTES / 1024
            ),
        ));
    }
    String::from_utf8(bytes)
        .map_err(|e| problem(path, 1, format!("is not UTF-8 text ({})", e.utf8_error())))
}

fn customer_id(conn: &Connection, name: &str) -> Result<Option<crate::id::Id>> {
    Ok(conn
        .prepare_cached(
            "SELECT id FROM customers WHERE name = ?1 COLLATE NOCASE AND deleted_at IS NULL",
        )?
        .query_row([name], |r| r.get(0))
        .optional()?)
}

/// What importing `interviews` would create.
pub fn plan(conn: &Connection, interviews: Vec<ImportedInterview>) -> Result<ImportPlan> {
    let mut new_customers: BTreeSet<String> = BTreeSet::new();
    for interview in &interviews {
        if customer_id(conn, &interview.customer)?.is_none()
            && !new_customers
                .iter()
                .any(|c| c.eq_ignore_ascii_case(&interview.customer))
        {
            new_customers.insert(interview.customer.clone());
        }
    }
    Ok(ImportPlan {
        interviews,
        new_customers: new_customers.into_iter().collect(),
    })
}

/// Interviews imported between refreshes of the query planner's statistics, which an import
/// into a new database would otherwise leave describing empty tables.
const STATISTICS_EVERY: usize = 100;

/// Creates the planned interviews, and the customers they name that do not exist yet, in the
/// caller's transaction. Returns how many interviews were created.
pub fn apply(tx: &Transaction<'_>, plan: &ImportPlan, now: DateTime<Utc>) -> Result<u32> {
    for name in &plan.new_customers {
        if customer_id(tx, name)?.is_none() {
            customers::create(
                tx,
                &CustomerInput {
                    name: name.clone(),
                    ..Default::default()
                },
                now,
            )?;
        }
    }
    for (n, interview) in plan.interviews.iter().enumerate() {
        if n % STATISTICS_EVERY == 0 {
            crate::db::refresh_statistics(tx);
        }
        let customer_id = customer_id(tx, &interview.customer)?.ok_or_else(|| {
            Error::validation(
                "file",
                format!(
                    "{}: no customer named “{}” any more. Choose the folder again to see what \
                     importing it would do now.",
                    interview.file, interview.customer
                ),
            )
        })?;
        let input = InterviewInput {
            customer_id,
            held_on: interview.held_on,
            kind: interview.kind,
            interviewees: interview.interviewees.clone(),
            interviewer_ids: Vec::new(),
            duration_minutes: interview.duration_minutes,
            tags: interview.tags.clone(),
            notes: interview.notes.clone(),
        };
        create(tx, &input, now).map_err(|e| match e {
            Error::Validation { message, .. } => {
                Error::validation("file", format!("{}: {message}", interview.file))
            }
            other => other,
        })?;
    }
    Ok(plan.interviews.len() as u32)
}
