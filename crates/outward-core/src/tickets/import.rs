//! Importing a tracker's export: CSV from Jira, ServiceNow or any tool (read by the survey
//! import's reader: any separator, a byte-order mark, quoted newlines), or GitHub issues as
//! JSON ([`super::github`]).
//!
//! An import goes like the survey import: [`read`] the file into a [`Sheet`]; [`preview`] it
//! with a column mapping — the one given, the one remembered for this header row, or one
//! suggested from the headers — which counts the tickets it would add and update, lists the
//! labels no product or customer team matched, and names the first problem; then [`import`]
//! it in the caller's one transaction. Every row is checked before the first is written, so a
//! bad file writes nothing, and each problem names the line (or issue) and the column. Tickets
//! are matched by tracker and key: a ticket already held is updated, never added twice.

use super::{LABEL_MAX, STATUS_MAX, TITLE_MAX, github, response, times::parse_moment};
use crate::bundle::Progress;
use crate::error::{Error, Result};
use crate::id::Id;
use crate::quarter::Quarter;
use crate::surveys::import::{Sheet, column_of, remember_in, remembered_in, simple};
use chrono::{DateTime, FixedOffset, Utc};
use rusqlite::{Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use ts_rs::TS;

/// The largest file read: half a million tickets of a few hundred bytes each fit.
pub const FILE_MAX_BYTES: u64 = crate::surveys::import::FILE_MAX_BYTES;
/// How many rows a preview shows.
pub const PREVIEW_ROWS: usize = 8;
/// Rows written between two progress reports (and chances to cancel).
const REPORT_EVERY: u64 = 1000;

/// Which column holds what, columns named by their header; and how to read the times.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, rename = "TicketImportMapping")]
pub struct ImportMapping {
    /// The tracker the tickets come from ("Jira", "ServiceNow", "GitHub"): with the key, what
    /// names a ticket across imports.
    #[serde(default)]
    pub source: String,
    #[serde(default)]
    pub key_column: Option<String>,
    #[serde(default)]
    pub title_column: Option<String>,
    #[serde(default)]
    pub status_column: Option<String>,
    #[serde(default)]
    pub created_column: Option<String>,
    #[serde(default)]
    pub first_response_column: Option<String>,
    #[serde(default)]
    pub resolved_column: Option<String>,
    /// The product or component, matched to a product by name.
    #[serde(default)]
    pub product_column: Option<String>,
    /// The requesting team, matched to a customer team by name.
    #[serde(default)]
    pub team_column: Option<String>,
    /// Read `03/04/2026` as the 3rd of April.
    #[serde(default)]
    pub day_first: bool,
    /// The zone of times written without one, in minutes east of UTC.
    #[serde(default)]
    pub utc_offset_minutes: i32,
    /// Labels matched by hand, remembered for the next export.
    #[serde(default)]
    pub products: BTreeMap<String, Id>,
    #[serde(default)]
    pub teams: BTreeMap<String, Id>,
}

/// A label no product or customer team matched, and how many tickets carry it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, rename = "TicketUnmatched")]
pub struct Unmatched {
    pub label: String,
    pub tickets: u32,
}

/// What an import would do, shown before it does it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, rename = "TicketImportPreview")]
pub struct Preview {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub total_rows: u32,
    pub mapping: ImportMapping,
    pub remembered: bool,
    /// The first problem, naming the line (or issue) and column; `None` when it can import.
    pub problem: Option<String>,
    /// Tickets the import would add, and tickets it would update (already held by key).
    pub new_tickets: u32,
    pub known_tickets: u32,
    pub unmatched_products: Vec<Unmatched>,
    pub unmatched_teams: Vec<Unmatched>,
}

/// What an import wrote.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, rename = "TicketsImported")]
pub struct Imported {
    pub added: u32,
    pub updated: u32,
    /// Tickets held already and unchanged by this export.
    pub unchanged: u32,
    /// The quarters whose time to first response was recorded in the metric.
    pub quarters: Vec<String>,
    pub metric_id: Id,
    pub unmatched_products: Vec<Unmatched>,
    pub unmatched_teams: Vec<Unmatched>,
}

/// Refuses a file of `len` bytes over [`FILE_MAX_BYTES`], before anyone reads it.
pub fn check_size(len: u64, name: &str) -> Result<()> {
    if len > FILE_MAX_BYTES {
        return Err(Error::validation(
            "file",
            format!(
                "{name} is {} MB; the most an import reads is {} MB. Export fewer months at a \
                 time (re-importing an overlapping export is safe), or split the file.",
                len / (1024 * 1024),
                FILE_MAX_BYTES / (1024 * 1024)
            ),
        ));
    }
    Ok(())
}

/// Reads an export's bytes: GitHub issues when it is JSON, else CSV (or XLSX). `name` tells
/// which by its extension and names it in problems.
pub fn read(bytes: &[u8], name: &str) -> Result<Sheet> {
    check_size(bytes.len() as u64, name)?;
    let first = bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(bytes)
        .iter()
        .find(|b| !b.is_ascii_whitespace());
    if name.to_ascii_lowercase().ends_with(".json") || matches!(first, Some(b'[' | b'{')) {
        github::read(bytes, name)
    } else {
        crate::surveys::import::read(bytes, name)
    }
}

/// A mapping guessed from the headers Jira, ServiceNow and GitHub exports carry.
pub fn suggest(sheet: &Sheet) -> ImportMapping {
    let simple_headers: Vec<String> = sheet.headers.iter().map(|h| simple(h)).collect();
    let find = |names: &[&str]| -> Option<String> {
        names.iter().find_map(|name| {
            simple_headers
                .iter()
                .position(|h| h == name)
                .map(|i| sheet.headers[i].clone())
        })
    };
    let has = |name: &str| simple_headers.iter().any(|h| h == name);
    let source = if sheet.place == "Issue" {
        "GitHub"
    } else if has("issuekey") {
        "Jira"
    } else if has("number") && (has("openedat") || has("sysidcreatedon") || has("shortdescription"))
    {
        "ServiceNow"
    } else {
        "CSV"
    };
    ImportMapping {
        source: source.to_owned(),
        key_column: find(&["issuekey", "key", "number", "ticket", "ticketid", "id"]),
        title_column: find(&["summary", "shortdescription", "title", "subject"]),
        status_column: find(&["status", "state"]),
        created_column: find(&["created", "openedat", "createdat", "syscreatedon", "opened"]),
        first_response_column: find(&[
            "firstresponseat",
            "firstresponse",
            "customfieldfirstresponse",
            "customfieldfirstresponsedate",
            "ufirstresponseat",
            "respondedat",
        ]),
        resolved_column: find(&[
            "resolved",
            "resolvedat",
            "closedat",
            "closed",
            "resolutiondate",
        ]),
        product_column: find(&[
            "components",
            "component",
            "product",
            "businessservice",
            "cmdbci",
            "labels",
        ]),
        team_column: find(&[
            "customfieldrequestingteam",
            "requestingteam",
            "team",
            "customerteam",
            "company",
            "callerdepartment",
            "department",
        ]),
        ..ImportMapping::default()
    }
}

fn remembered(conn: &Connection, sheet: &Sheet) -> Result<Option<ImportMapping>> {
    remembered_in(conn, "ticket_import_mappings", sheet)
}

/// One row, checked, ready to write.
struct Row {
    key: String,
    title: String,
    status: String,
    opened_at: DateTime<Utc>,
    first_response_at: Option<DateTime<Utc>>,
    resolved_at: Option<DateTime<Utc>>,
    product_label: String,
    product_id: Option<Id>,
    team_label: String,
    customer_id: Option<Id>,
}

struct Plan {
    source: String,
    rows: Vec<Row>,
}

/// Matches labels to live records of `table` by name (any case); a cell listing several
/// (Jira's "Component/s": `CI, Deploy`) takes the first part that names one.
struct Matcher<'a> {
    conn: &'a Connection,
    table: &'static str,
    found: HashMap<String, Option<Id>>,
}

impl<'a> Matcher<'a> {
    fn new(
        conn: &'a Connection,
        table: &'static str,
        by_hand: &BTreeMap<String, Id>,
    ) -> Result<Self> {
        let mut found = HashMap::new();
        let mut live = conn.prepare_cached(&format!(
            "SELECT count(*) FROM {table} WHERE id = ?1 AND deleted_at IS NULL"
        ))?;
        for (label, id) in by_hand {
            if live.query_row([id], |r| r.get::<_, bool>(0))? {
                found.insert(label.to_lowercase(), Some(*id));
            }
        }
        Ok(Matcher { conn, table, found })
    }

    fn named(&self, name: &str) -> Result<Option<Id>> {
        Ok(self
            .conn
            .prepare_cached(&format!(
                "SELECT id FROM {} WHERE name = ?1 COLLATE NOCASE AND deleted_at IS NULL",
                self.table
            ))?
            .query_row([name], |r| r.get(0))
            .optional()?)
    }

    fn matched(&mut self, label: &str) -> Result<Option<Id>> {
        if label.is_empty() {
            return Ok(None);
        }
        let key = label.to_lowercase();
        if let Some(found) = self.found.get(&key) {
            return Ok(*found);
        }
        let mut found = self.named(label)?;
        if found.is_none() {
            for part in label
                .split([',', ';'])
                .map(str::trim)
                .filter(|p| !p.is_empty())
            {
                if let Some(id) = self.named(part)? {
                    found = Some(id);
                    break;
                }
            }
        }
        self.found.insert(key, found);
        Ok(found)
    }
}

fn plan(conn: &Connection, sheet: &Sheet, mapping: &ImportMapping) -> Result<Plan> {
    let source = crate::text::required_name("source", "The tracker's name", &mapping.source)?;
    if source.chars().count() > 100 {
        return Err(Error::validation(
            "source",
            "The tracker's name is longer than 100 characters.",
        ));
    }
    let optional = |name: &Option<String>, role: &str| -> Result<Option<usize>> {
        name.as_deref()
            .filter(|n| !n.is_empty())
            .map(|n| column_of(sheet, n, role))
            .transpose()
    };
    let required = |name: &Option<String>, role: &str| -> Result<usize> {
        optional(name, role)?.ok_or_else(|| {
            Error::validation("mapping", format!("Choose the column holding {role}."))
        })
    };
    let key = required(&mapping.key_column, "the ticket's key")?;
    let created = required(&mapping.created_column, "when the ticket was created")?;
    let title = optional(&mapping.title_column, "the title")?;
    let status = optional(&mapping.status_column, "the status")?;
    let first = optional(&mapping.first_response_column, "the first response")?;
    let resolved = optional(&mapping.resolved_column, "when it was resolved")?;
    let product = optional(&mapping.product_column, "the product or component")?;
    let team = optional(&mapping.team_column, "the requesting team")?;
    if !(-14 * 60..=14 * 60).contains(&mapping.utc_offset_minutes) {
        return Err(Error::validation(
            "utcOffsetMinutes",
            "A time zone is at most 14 hours from UTC.",
        ));
    }
    let offset = FixedOffset::east_opt(mapping.utc_offset_minutes * 60)
        .ok_or_else(|| Error::validation("utcOffsetMinutes", "Not a time zone offset."))?;
    let place = sheet.place;
    let problem = |number: u64, column: usize, what: String| {
        Error::validation(
            "file",
            format!(
                "{place} {number}, column “{}”: {what}",
                sheet.headers.get(column).map_or("", String::as_str)
            ),
        )
    };
    let mut products = Matcher::new(conn, "products", &mapping.products)?;
    let mut teams = Matcher::new(conn, "customers", &mapping.teams)?;
    let mut seen: HashMap<String, u64> = HashMap::with_capacity(sheet.rows.len());
    let mut rows = Vec::with_capacity(sheet.rows.len());
    for row in &sheet.rows {
        let cell = |i: usize| row.cells.get(i).map_or("", String::as_str);
        let optional_cell = |i: Option<usize>| i.map_or("", cell);
        let bounded = |i: Option<usize>, max: usize, what: &str| -> Result<String> {
            let text = optional_cell(i);
            match i {
                Some(i) if text.chars().count() > max => Err(problem(
                    row.number,
                    i,
                    format!("the {what} is longer than {max} characters."),
                )),
                _ => Ok(text.to_owned()),
            }
        };
        let key_text = bounded(Some(key), LABEL_MAX, "key")?;
        if key_text.is_empty() {
            return Err(problem(
                row.number,
                key,
                "the ticket has no key.".to_owned(),
            ));
        }
        if let Some(first_line) = seen.insert(key_text.clone(), row.number) {
            return Err(problem(
                row.number,
                key,
                format!(
                    "“{key_text}” appears twice in the file, also on {} {first_line}; a ticket \
                     is listed once.",
                    place.to_lowercase()
                ),
            ));
        }
        let moment = |i: usize, what: &str| -> Result<Option<DateTime<Utc>>> {
            let text = cell(i);
            if text.is_empty() {
                return Ok(None);
            }
            parse_moment(text, mapping.day_first, offset)
                .map(Some)
                .ok_or_else(|| {
                    problem(
                        row.number,
                        i,
                        format!(
                            "“{text}” is not a {what} this import reads (2026-07-14 10:32, \
                             2026-07-14T10:32:00Z, 14/Jul/26 10:32 AM, 7/14/2026 10:32 AM, \
                             14.07.2026 10:32)."
                        ),
                    )
                })
        };
        let Some(opened_at) = moment(created, "date and time")? else {
            return Err(problem(
                row.number,
                created,
                "the ticket has no creation time; every ticket needs one.".to_owned(),
            ));
        };
        let first_response_at = first
            .map(|i| moment(i, "date and time"))
            .transpose()?
            .flatten();
        let resolved_at = resolved
            .map(|i| moment(i, "date and time"))
            .transpose()?
            .flatten();
        for (at, column, what) in [
            (first_response_at, first, "first response"),
            (resolved_at, resolved, "resolution"),
        ] {
            if let (Some(at), Some(column)) = (at, column)
                && at < opened_at
            {
                return Err(problem(
                    row.number,
                    column,
                    format!(
                        "the {what} ({}) is before the ticket was created ({}).",
                        at.format("%Y-%m-%d %H:%M UTC"),
                        opened_at.format("%Y-%m-%d %H:%M UTC")
                    ),
                ));
            }
        }
        let product_label = bounded(product, LABEL_MAX, "product")?;
        let team_label = bounded(team, LABEL_MAX, "team")?;
        rows.push(Row {
            title: bounded(title, TITLE_MAX, "title")?,
            status: bounded(status, STATUS_MAX, "status")?,
            product_id: products.matched(&product_label)?,
            customer_id: teams.matched(&team_label)?,
            key: key_text,
            opened_at,
            first_response_at,
            resolved_at,
            product_label,
            team_label,
        });
    }
    if rows.is_empty() {
        return Err(Error::validation("file", "The file lists no tickets."));
    }
    Ok(Plan { source, rows })
}

fn unmatched(rows: &[Row], label: impl Fn(&Row) -> Option<&str>) -> Vec<Unmatched> {
    let mut counts: BTreeMap<&str, u32> = BTreeMap::new();
    for row in rows {
        if let Some(l) = label(row).filter(|l| !l.is_empty()) {
            *counts.entry(l).or_default() += 1;
        }
    }
    let mut list: Vec<Unmatched> = counts
        .into_iter()
        .map(|(label, tickets)| Unmatched {
            label: label.to_owned(),
            tickets,
        })
        .collect();
    list.sort_by(|a, b| b.tickets.cmp(&a.tickets).then(a.label.cmp(&b.label)));
    list
}

fn unmatched_products(rows: &[Row]) -> Vec<Unmatched> {
    unmatched(rows, |r| {
        r.product_id.is_none().then_some(r.product_label.as_str())
    })
}

fn unmatched_teams(rows: &[Row]) -> Vec<Unmatched> {
    unmatched(rows, |r| {
        r.customer_id.is_none().then_some(r.team_label.as_str())
    })
}

fn known(conn: &Connection, source: &str, key: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM tickets WHERE source = ?1 AND key = ?2)")?
        .query_row((source, key), |r| r.get(0))?)
}

/// Shows what importing `sheet` would do with `mapping`, or with the remembered or suggested
/// one when none is given. Writes nothing: this is the dry run.
pub fn preview(
    conn: &Connection,
    sheet: &Sheet,
    mapping: Option<&ImportMapping>,
) -> Result<Preview> {
    let (mapping, remembered) = match mapping {
        Some(m) => (m.clone(), false),
        None => match remembered(conn, sheet)? {
            Some(m) => (m, true),
            None => (suggest(sheet), false),
        },
    };
    let mut preview = Preview {
        headers: sheet.headers.clone(),
        rows: sheet
            .rows
            .iter()
            .take(PREVIEW_ROWS)
            .map(|r| r.cells.clone())
            .collect(),
        total_rows: sheet.rows.len() as u32,
        mapping,
        remembered,
        problem: None,
        new_tickets: 0,
        known_tickets: 0,
        unmatched_products: Vec::new(),
        unmatched_teams: Vec::new(),
    };
    match plan(conn, sheet, &preview.mapping) {
        Ok(plan) => {
            for row in &plan.rows {
                if known(conn, &plan.source, &row.key)? {
                    preview.known_tickets += 1;
                } else {
                    preview.new_tickets += 1;
                }
            }
            preview.unmatched_products = unmatched_products(&plan.rows);
            preview.unmatched_teams = unmatched_teams(&plan.rows);
        }
        Err(Error::Validation { message, .. }) => preview.problem = Some(message),
        Err(other) => return Err(other),
    }
    Ok(preview)
}

/// Imports every row of `sheet` as mapped, in `tx`: all rows or none. A ticket already held
/// (same tracker and key) is updated. Afterwards each quarter the tickets were opened in has
/// its median time to first response recorded in the duration metric ([`response`]), and the
/// mapping is remembered for this header row. `progress` hears how many rows are written and
/// cancels by returning false.
pub fn import(
    tx: &Transaction<'_>,
    sheet: &Sheet,
    mapping: &ImportMapping,
    now: DateTime<Utc>,
    progress: &mut dyn FnMut(Progress) -> bool,
) -> Result<Imported> {
    let plan = plan(tx, sheet, mapping)?;
    let total = plan.rows.len() as u64;
    let cancelled = || Error::conflict(None, "The import was cancelled; nothing was written.");
    if !progress(Progress { done: 0, total }) {
        return Err(cancelled());
    }
    let mut insert = tx.prepare_cached(
        "INSERT INTO tickets (id, source, key, title, status, opened_at, first_response_at,
            resolved_at, response_seconds, product_label, product_id, team_label, customer_id,
            created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14)
         ON CONFLICT (source, key) DO UPDATE SET title = excluded.title,
             status = excluded.status, opened_at = excluded.opened_at,
             first_response_at = excluded.first_response_at,
             resolved_at = excluded.resolved_at, response_seconds = excluded.response_seconds,
             product_label = excluded.product_label, product_id = excluded.product_id,
             team_label = excluded.team_label, customer_id = excluded.customer_id,
             updated_at = excluded.updated_at
         WHERE (title, status, opened_at, first_response_at, resolved_at, product_label,
                product_id, team_label, customer_id)
            IS NOT (excluded.title, excluded.status, excluded.opened_at,
                excluded.first_response_at, excluded.resolved_at, excluded.product_label,
                excluded.product_id, excluded.team_label, excluded.customer_id)",
    )?;
    let start = crate::settings::fiscal_year_start(tx)?;
    let mut quarters = BTreeSet::new();
    let (mut added, mut updated, mut unchanged) = (0, 0, 0);
    for (done, row) in plan.rows.iter().enumerate() {
        let was_known = known(tx, &plan.source, &row.key)?;
        let seconds = row
            .first_response_at
            .map(|at| (at - row.opened_at).num_seconds());
        let changed = insert.execute((
            Id::at(now),
            &plan.source,
            &row.key,
            &row.title,
            &row.status,
            row.opened_at,
            row.first_response_at,
            row.resolved_at,
            seconds,
            &row.product_label,
            row.product_id,
            &row.team_label,
            row.customer_id,
            now,
        ))?;
        match (was_known, changed) {
            (false, _) => added += 1,
            (true, 0) => unchanged += 1,
            (true, _) => updated += 1,
        }
        quarters.insert(Quarter::containing(row.opened_at.date_naive(), start).key());
        let done = done as u64 + 1;
        if done.is_multiple_of(REPORT_EVERY) && !progress(Progress { done, total }) {
            return Err(cancelled());
        }
    }
    let quarters: Vec<String> = quarters.into_iter().collect();
    let parsed = quarters
        .iter()
        .map(|q| Quarter::parse(q, start, "quarter"))
        .collect::<Result<Vec<_>>>()?;
    let metric_id = response::record(tx, &parsed, now)?;
    remember_in(tx, "ticket_import_mappings", sheet, mapping, now)?;
    if !progress(Progress { done: total, total }) {
        return Err(cancelled());
    }
    Ok(Imported {
        added,
        updated,
        unchanged,
        quarters,
        metric_id,
        unmatched_products: unmatched_products(&plan.rows),
        unmatched_teams: unmatched_teams(&plan.rows),
    })
}

/// A file picked for import: the handle the interface holds for it, its name, and its preview
/// with the remembered or suggested mapping.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, rename = "TicketFile")]
pub struct PickedFile {
    pub handle: u32,
    pub name: String,
    pub preview: Preview,
}

/// Reads the export at `path`: its name and its table. A file over the limit is refused from
/// its size, before it is read.
pub fn read_path(path: &std::path::Path) -> Result<(String, Sheet)> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let size = std::fs::metadata(path)
        .map_err(|e| Error::io(format!("reading {name}"), e))?
        .len();
    check_size(size, &name)?;
    let bytes = std::fs::read(path).map_err(|e| Error::io(format!("reading {name}"), e))?;
    let sheet = read(&bytes, &name)?;
    Ok((name, sheet))
}
