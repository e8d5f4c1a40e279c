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
//! Reading checks every file first and names the file and line of any problem; [`plan`] shows
//! what would be created, including customers not known yet; [`apply`] writes it all in the
//! caller's one transaction, so an import is all or nothing.

use super::{InterviewInput, InterviewKind, NOTES_MAX_BYTES, check_notes, create, parse_date};
use crate::customers::{self, CustomerInput};
use crate::error::{Error, Result};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension, Transaction};
use serde::Serialize;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use ts_rs::TS;
use yaml_rust2::{Yaml, YamlLoader};

/// The most files one import reads.
pub const FILES_MAX: usize = 20_000;

/// The largest file one import reads: the most notes an interview holds, and room for the front
/// matter above them.
pub const FILE_MAX_BYTES: usize = NOTES_MAX_BYTES + 64 * 1024;

/// One file, read and checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportPlan {
    pub interviews: Vec<ImportedInterview>,
    /// Customer names no customer has yet; the import creates them.
    pub new_customers: Vec<String>,
}

/// A folder someone picked, and what importing it would do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportPreview {
    pub folder: String,
    pub plan: ImportPlan,
}

/// Reads and plans the import of `folder`.
pub fn preview(conn: &Connection, folder: &Path) -> Result<ImportPreview> {
    let plan = plan(conn, read_folder(folder)?)?;
    Ok(ImportPreview {
        folder: folder.display().to_string(),
        plan,
    })
}

fn problem(file: &Path, line: usize, what: impl std::fmt::Display) -> Error {
    Error::validation("file", format!("{}, line {line}: {what}", file.display()))
}

/// Reads every `.md` file directly in `dir`, in name order, and checks each one. The first bad
/// file stops the import with its name and line.
pub fn read_folder(dir: &Path) -> Result<Vec<ImportedInterview>> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| Error::io(format!("cannot read the folder {}", dir.display()), e))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x.eq_ignore_ascii_case("md")))
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
    files.iter().map(|f| read_file(f)).collect()
}

fn read_file(path: &Path) -> Result<ImportedInterview> {
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    if size > FILE_MAX_BYTES as u64 {
        return Err(problem(
            path,
            1,
            format!(
                "the file is {} KB; one interview's file holds at most {} KB",
                size / 1024,
                FILE_MAX_BYTES / 1024
            ),
        ));
    }
    let text = std::fs::read_to_string(path)
        .map_err(|e| problem(path, 1, format!("cannot be read as UTF-8 text ({e})")))?;
    parse(path, &text)
}

/// Parses one file's text; `path` only names it in messages.
pub fn parse(path: &Path, text: &str) -> Result<ImportedInterview> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.split_inclusive('\n');
    if lines.next().map(str::trim_end) != Some("---") {
        return Err(problem(
            path,
            1,
            "the file does not start with front matter (a line `---`)",
        ));
    }
    let mut front = String::new();
    let mut closed_at = None;
    for (index, line) in lines.by_ref().enumerate() {
        if line.trim_end() == "---" {
            closed_at = Some(index + 2);
            break;
        }
        front.push_str(line);
    }
    let Some(closing_line) = closed_at else {
        return Err(problem(
            path,
            1,
            "the front matter is never closed with a line `---`",
        ));
    };
    let notes: String = lines
        .collect::<String>()
        .trim_start_matches(['\n', '\r'])
        .to_owned();
    let docs = YamlLoader::load_from_str(&front).map_err(|e| {
        problem(
            path,
            e.marker().line() + 1,
            format!("the front matter is not valid YAML ({})", e.info()),
        )
    })?;
    let meta = docs.into_iter().next().unwrap_or(Yaml::Null);
    if !matches!(meta, Yaml::Hash(_)) {
        return Err(problem(
            path,
            2,
            "the front matter must be `key: value` lines",
        ));
    }
    let line_of = |key: &str| {
        front
            .lines()
            .position(|l| l.trim_start().starts_with(&format!("{key}:")))
            .map_or(2, |i| i + 2)
    };
    let field = |key: &str| -> Option<String> { scalar(&meta[key]) };

    let date = field("date").ok_or_else(|| problem(path, 2, "`date:` is missing"))?;
    let held_on = parse_date("date", &date).map_err(|_| {
        problem(
            path,
            line_of("date"),
            format!("the date “{date}” is not in the form 2026-03-14"),
        )
    })?;
    let customer = field("customer")
        .filter(|c| !c.trim().is_empty())
        .ok_or_else(|| problem(path, 2, "`customer:` is missing"))?;
    let kind = match field("kind") {
        Some(kind) => kind
            .parse::<InterviewKind>()
            .map_err(|e| problem(path, line_of("kind"), e))?,
        None => InterviewKind::Interview,
    };
    let duration_minutes = match field("duration") {
        Some(d) => Some(d.trim().parse::<u32>().map_err(|_| {
            problem(
                path,
                line_of("duration"),
                format!("the duration “{d}” is not a number of minutes"),
            )
        })?),
        None => None,
    };
    check_notes(&notes).map_err(|e| problem(path, closing_line + 1, e))?;
    Ok(ImportedInterview {
        file: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        held_on,
        customer: customer.trim().to_owned(),
        kind,
        interviewees: list(&meta["interviewees"]).join(", "),
        tags: list(&meta["tags"]),
        duration_minutes,
        notes,
    })
}

/// A YAML scalar as text.
fn scalar(value: &Yaml) -> Option<String> {
    match value {
        Yaml::String(s) | Yaml::Real(s) => Some(s.clone()),
        Yaml::Integer(i) => Some(i.to_string()),
        Yaml::Boolean(b) => Some(b.to_string()),
        _ => None,
    }
}

/// A YAML list, or a comma-separated scalar, as trimmed non-empty strings.
fn list(value: &Yaml) -> Vec<String> {
    let items: Vec<String> = match value {
        Yaml::Array(items) => items.iter().filter_map(scalar).collect(),
        other => scalar(other)
            .map(|s| s.split(',').map(str::to_owned).collect())
            .unwrap_or_default(),
    };
    items
        .into_iter()
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect()
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
                    "{}: no customer named “{}”.",
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

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(text: &str) -> Result<ImportedInterview> {
        parse(Path::new("call.md"), text)
    }

    #[test]
    fn front_matter_and_notes_are_read() {
        let text = "---\ndate: 2026-03-14\ncustomer: Payments\ninterviewees: [Lena (TL), Ravi]\ntags: ci, onboarding\nkind: support conversation\nduration: 45\n---\n\n# Notes\nSlow CI.\n";
        let got = parse_str(text).unwrap();
        assert_eq!(got.held_on, NaiveDate::from_ymd_opt(2026, 3, 14).unwrap());
        assert_eq!(got.customer, "Payments");
        assert_eq!(got.interviewees, "Lena (TL), Ravi");
        assert_eq!(got.tags, ["ci", "onboarding"]);
        assert_eq!(got.kind, InterviewKind::SupportConversation);
        assert_eq!(got.duration_minutes, Some(45));
        assert_eq!(got.notes, "# Notes\nSlow CI.\n");
    }

    #[test]
    fn problems_name_the_file_and_line() {
        let cases = [
            (
                "no front matter",
                "Just notes",
                "call.md, line 1: the file does not start",
            ),
            (
                "unclosed",
                "---\ndate: 2026-03-14\n",
                "line 1: the front matter is never closed",
            ),
            (
                "bad date",
                "---\ncustomer: P\ndate: 14/03/2026\n---\n",
                "call.md, line 3: the date “14/03/2026”",
            ),
            (
                "bad yaml",
                "---\ndate: [2026\ncustomer: P\n---\n",
                "call.md, line",
            ),
            (
                "no customer",
                "---\ndate: 2026-03-14\n---\n",
                "`customer:` is missing",
            ),
            (
                "bad kind",
                "---\ndate: 2026-03-14\ncustomer: P\nkind: chat\n---\n",
                "line 4: Kind “chat”",
            ),
        ];
        for (name, text, expected) in cases {
            let err = parse_str(text).unwrap_err().to_string();
            assert!(err.contains(expected), "{name}: {err}");
        }
    }
}
