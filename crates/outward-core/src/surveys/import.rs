//! Importing survey responses from the files form tools export: CSV from Google Forms, Typeform
//! and the like (comma, semicolon or tab separated, with or without a byte-order mark, quoted
//! newlines), and XLSX from Microsoft Forms (read with `calamine`).
//!
//! An import goes: [`read`] the file into a [`Sheet`] (its header row and rows, each with the
//! line or row number it had in the file); [`preview`] it against a survey with a column
//! mapping — the one given, the one remembered for this header row, or one suggested from the
//! headers — which shows the first rows, the team labels no customer team matched, and the
//! first problem, if any; then [`import`] it, in the caller's one transaction. Every row is
//! checked before the first is written, so a bad file writes nothing; every problem names the
//! line (or row) and the column. The mapping is remembered for the next round's export.

use super::{
    Checked, QuestionKind, ResponseSource, Survey, Unmatched, customer_named, score_problem,
};
use crate::bundle::Progress;
use crate::error::{Error, Result};
use crate::id::Id;
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};
use ts_rs::TS;

/// The largest file read: a form export of a few hundred thousand answers fits with room.
pub const FILE_MAX_BYTES: u64 = 100 * 1024 * 1024;

/// How many rows a preview shows.
pub const PREVIEW_ROWS: usize = 8;

/// Rows written between two progress reports (and chances to cancel).
const REPORT_EVERY: u64 = 500;

/// A file's table: its header row and the rows under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    pub headers: Vec<String>,
    pub rows: Vec<SheetRow>,
    /// "Line" for a CSV file, "Row" for a spreadsheet: how a problem names where it is.
    pub place: &'static str,
    /// What the reader chose that the user should know (the sheet it read of several).
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetRow {
    /// The line (CSV) or row (spreadsheet) number in the file, from 1.
    pub number: u64,
    pub cells: Vec<String>,
}

/// Which column holds what. Columns are named by their header.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, rename = "SurveyImportMapping")]
pub struct ImportMapping {
    /// The column naming the respondent's team, matched to a customer team by name.
    #[serde(default)]
    pub team_column: Option<String>,
    /// The column identifying a respondent (an email, a response number): a respondent appears
    /// once per survey.
    #[serde(default)]
    pub respondent_column: Option<String>,
    /// The column with the day of the response.
    #[serde(default)]
    pub date_column: Option<String>,
    /// The columns answering the survey's questions, by the question's position.
    #[serde(default)]
    pub questions: Vec<QuestionColumn>,
    /// Team labels matched by hand to a customer team, remembered for the next round.
    #[serde(default)]
    pub teams: BTreeMap<String, Id>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct QuestionColumn {
    pub column: String,
    /// The question's position in the survey, from 0.
    pub position: u32,
}

/// What an import would do, shown before it does it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, rename = "SurveyImportPreview")]
pub struct Preview {
    pub headers: Vec<String>,
    /// The first rows, as read.
    pub rows: Vec<Vec<String>>,
    pub total_rows: u32,
    pub mapping: ImportMapping,
    /// True when the mapping is the one remembered for this header row.
    pub remembered: bool,
    pub note: Option<String>,
    /// The first problem found, naming the line or row and the column; `None` when the file
    /// can be imported as mapped.
    pub problem: Option<String>,
    /// Team labels that match no customer team, with how many responses carry each.
    pub unmatched: Vec<Unmatched>,
    /// Responses that would be written.
    pub responses: u32,
}

/// What an import wrote.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, rename = "SurveyImported")]
pub struct Imported {
    pub responses: u32,
    pub answers: u32,
    /// Rows that answered no mapped question, left out.
    pub skipped_rows: u32,
    pub unmatched: Vec<Unmatched>,
}

fn whole(what: impl std::fmt::Display) -> Error {
    Error::validation("file", what.to_string())
}

/// Reads a CSV or XLSX file's bytes; `name` tells which (by its extension) and names it in
/// problems.
pub fn read(bytes: &[u8], name: &str) -> Result<Sheet> {
    if bytes.len() as u64 > FILE_MAX_BYTES {
        return Err(whole(format!(
            "{name} is {} MB; the most an import reads is {} MB. Export only this round's \
             responses, or split the file.",
            bytes.len() / (1024 * 1024),
            FILE_MAX_BYTES / (1024 * 1024)
        )));
    }
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".xlsx") || bytes.starts_with(b"PK\x03\x04") {
        read_xlsx(bytes, name)
    } else if lower.ends_with(".xls") {
        Err(whole(format!(
            "{name} is an old Excel file; save it as .xlsx or .csv and import that."
        )))
    } else {
        read_csv(bytes, name)
    }
}

/// The separator a CSV file uses: whichever of comma, semicolon and tab its header line has
/// most of, outside quotes.
fn separator(bytes: &[u8]) -> u8 {
    let mut counts = [(b',', 0), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for &b in bytes.iter().take(64 * 1024) {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => break,
            _ if !quoted => {
                for (sep, n) in counts.iter_mut() {
                    if b == *sep {
                        *n += 1;
                    }
                }
            }
            _ => {}
        }
    }
    counts
        .iter()
        .max_by_key(|(_, n)| *n)
        .filter(|(_, n)| *n > 0)
        .map_or(b',', |(sep, _)| *sep)
}

fn read_csv(bytes: &[u8], name: &str) -> Result<Sheet> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(whole(format!(
            "{name} is UTF-16 text; export it as CSV UTF-8 and import that."
        )));
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator(bytes))
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut headers: Option<Vec<String>> = None;
    let mut rows = Vec::new();
    let mut record = csv::ByteRecord::new();
    loop {
        let line = reader.position().line();
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let at = e.position().map_or(line, |p| p.line());
                return Err(whole(format!("Line {at} of {name} cannot be read: {e}.")));
            }
        }
        let number = record.position().map_or(line, |p| p.line());
        let mut cells = Vec::with_capacity(record.len());
        for (column, field) in record.iter().enumerate() {
            let text = std::str::from_utf8(field).map_err(|_| {
                whole(format!(
                    "Line {number}, column {}: the text is not UTF-8; export the file as \
                     CSV UTF-8.",
                    column + 1
                ))
            })?;
            cells.push(text.trim().to_owned());
        }
        if cells.iter().all(String::is_empty) {
            continue;
        }
        match &headers {
            None => headers = Some(cells),
            Some(h) => {
                if cells.len() != h.len() {
                    return Err(whole(format!(
                        "Line {number} has {} columns, but the header row has {}: a separator \
                         too many or too few?",
                        cells.len(),
                        h.len()
                    )));
                }
                rows.push(SheetRow { number, cells });
            }
        }
    }
    let Some(headers) = headers else {
        return Err(whole(format!("{name} is empty: it has no header row.")));
    };
    Ok(Sheet {
        headers,
        rows,
        place: "Line",
        note: None,
    })
}

fn cell_text(cell: &calamine::Data) -> std::result::Result<String, String> {
    use calamine::Data;
    Ok(match cell {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.trim().to_owned(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => match d.as_datetime() {
            Some(at) => at.format("%Y-%m-%d %H:%M:%S").to_string(),
            None => return Err(format!("{d} is not a date Excel can give")),
        },
        Data::Error(e) => return Err(format!("the cell shows an error ({e})")),
    })
}

fn column_name(index: u32) -> String {
    let mut name = String::new();
    let mut n = index + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        name.insert(0, (b'A' + rem as u8) as char);
        n = (n - 1) / 26;
    }
    name
}

fn read_xlsx(bytes: &[u8], name: &str) -> Result<Sheet> {
    use calamine::Reader;
    let mut book = calamine::Xlsx::new(std::io::Cursor::new(bytes))
        .map_err(|e| whole(format!("{name} is not a readable XLSX file: {e}.")))?;
    let names = book.sheet_names();
    // The first sheet with anything in it: form tools put responses first.
    let mut chosen = None;
    for sheet in &names {
        let range = book
            .worksheet_range(sheet)
            .map_err(|e| whole(format!("Sheet “{sheet}” of {name} cannot be read: {e}.")))?;
        if !range.is_empty() {
            chosen = Some((sheet.clone(), range));
            break;
        }
    }
    let Some((sheet, range)) = chosen else {
        return Err(whole(format!("{name} has no sheet with anything in it.")));
    };
    let merged = book
        .merge_cells_by_sheet_name(&sheet)
        .map_err(|e| whole(format!("Sheet “{sheet}” of {name} cannot be read: {e}.")))?;
    if let Some(region) = merged.first() {
        return Err(whole(format!(
            "Row {}, column {}: sheet “{sheet}” has merged cells ({}{}:{}{}), which hide which \
             answer belongs to which row. Unmerge them, or export the responses again.",
            region.start.0 + 1,
            column_name(region.start.1),
            column_name(region.start.1),
            region.start.0 + 1,
            column_name(region.end.1),
            region.end.0 + 1
        )));
    }
    let (first_row, first_column) = range.start().unwrap_or((0, 0));
    let mut headers: Option<Vec<String>> = None;
    let mut rows = Vec::new();
    for (i, row) in range.rows().enumerate() {
        let number = u64::from(first_row) + i as u64 + 1;
        let mut cells = Vec::with_capacity(row.len() + first_column as usize);
        cells.extend(std::iter::repeat_n(String::new(), first_column as usize));
        for (j, cell) in row.iter().enumerate() {
            let text = cell_text(cell).map_err(|why| {
                whole(format!(
                    "Row {number}, column {}: {why}.",
                    column_name(first_column + j as u32)
                ))
            })?;
            cells.push(text);
        }
        if cells.iter().all(String::is_empty) {
            continue;
        }
        match &headers {
            None => headers = Some(cells),
            Some(_) => rows.push(SheetRow { number, cells }),
        }
    }
    let headers = headers.unwrap_or_default();
    let note = (names.len() > 1).then(|| {
        format!(
            "Read sheet “{sheet}”; the file has {} sheets ({}).",
            names.len(),
            names.join(", ")
        )
    });
    Ok(Sheet {
        headers,
        rows,
        place: "Row",
        note,
    })
}

/// The key a mapping is remembered by: the header row.
fn headers_key(sheet: &Sheet) -> String {
    sheet.headers.join("\n")
}

/// A header as compared with the names exports give their columns: letters and digits only, in
/// lower case.
pub(crate) fn simple(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A mapping guessed from the headers: the usual names form tools give their columns, and
/// columns named like a question.
pub fn suggest(survey: &Survey, sheet: &Sheet) -> ImportMapping {
    let mut mapping = ImportMapping::default();
    for header in &sheet.headers {
        let h = simple(header);
        if let Some(question) = survey
            .questions
            .iter()
            .find(|q| !h.is_empty() && (simple(&q.prompt) == h || h.contains(&simple(&q.prompt))))
        {
            if !mapping
                .questions
                .iter()
                .any(|c| c.position == question.position)
            {
                mapping.questions.push(QuestionColumn {
                    column: header.clone(),
                    position: question.position,
                });
            }
            continue;
        }
        let is = |words: &[&str]| words.iter().any(|w| h.contains(w));
        if mapping.date_column.is_none()
            && (is(&["timestamp", "submitdate", "completiontime", "submittedat"]) || h == "date")
        {
            mapping.date_column = Some(header.clone());
        } else if mapping.respondent_column.is_none()
            && (is(&["email", "networkid", "respondent", "responseid"])
                || h == "id"
                || header == "#")
        {
            mapping.respondent_column = Some(header.clone());
        } else if mapping.team_column.is_none() && is(&["team", "customer", "department"]) {
            mapping.team_column = Some(header.clone());
        }
    }
    mapping
}

fn remembered(conn: &Connection, sheet: &Sheet) -> Result<Option<ImportMapping>> {
    remembered_in(conn, "survey_import_mappings", sheet)
}

/// The mapping remembered in `table` (a table of mappings by header row) for `sheet`'s headers.
pub(crate) fn remembered_in<M: serde::de::DeserializeOwned>(
    conn: &Connection,
    table: &'static str,
    sheet: &Sheet,
) -> Result<Option<M>> {
    let json: Option<String> = conn
        .prepare_cached(&format!("SELECT mapping FROM {table} WHERE headers = ?1"))?
        .query_row([headers_key(sheet)], |r| r.get(0))
        .optional()?;
    Ok(json.and_then(|j| serde_json::from_str(&j).ok()))
}

/// Remembers `mapping` in `table` for `sheet`'s headers, replacing what was remembered before.
pub(crate) fn remember_in(
    tx: &Transaction<'_>,
    table: &'static str,
    sheet: &Sheet,
    mapping: &impl Serialize,
    now: DateTime<Utc>,
) -> Result<()> {
    let json = serde_json::to_string(mapping).map_err(|e| whole(e.to_string()))?;
    tx.prepare_cached(&format!(
        "INSERT INTO {table} (id, headers, mapping, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?4)
         ON CONFLICT (headers) DO UPDATE SET mapping = excluded.mapping,
             updated_at = excluded.updated_at"
    ))?
    .execute((Id::at(now), headers_key(sheet), json, now))?;
    Ok(())
}

/// Reads a day from the formats form tools write: `2026-07-14`, `2026-07-14 10:32:11`,
/// `2026/07/14 10:32:11 AM GMT+1` (Google Forms), `7/14/2026 10:32:11` (month first, as US
/// exports are), `14.07.2026`, an ISO time with `T`.
pub fn parse_day(text: &str) -> Option<NaiveDate> {
    let t = text.trim();
    // The date part: up to the first space or `T` after the digits.
    let date = t.split([' ', 'T']).next().unwrap_or(t);
    for format in ["%Y-%m-%d", "%Y/%m/%d", "%m/%d/%Y", "%d.%m.%Y", "%m/%d/%y"] {
        if let Ok(day) = NaiveDate::parse_from_str(date, format) {
            if format == "%m/%d/%y" && date.split('/').nth(2).is_some_and(|y| y.len() != 2) {
                continue;
            }
            return Some(day);
        }
    }
    NaiveDateTime::parse_from_str(t, "%Y-%m-%d %H:%M:%S")
        .ok()
        .map(|at| at.date())
}

/// Reads a score: a whole number, also written `4.0` or `4 - Satisfied`.
fn parse_score(text: &str) -> Option<i64> {
    let t = text.trim();
    let number = t
        .split(|c: char| c.is_whitespace() || c == '-' && !t.starts_with('-'))
        .next()
        .unwrap_or(t);
    if let Ok(n) = number.parse::<i64>() {
        return Some(n);
    }
    let f: f64 = number.parse().ok()?;
    (f.fract() == 0.0 && f.abs() < 1e12).then_some(f as i64)
}

/// Every response the sheet makes, checked; or the first problem, naming line and column.
struct Plan {
    responses: Vec<(u64, Checked)>,
    skipped_rows: u32,
}

pub(crate) fn column_of(sheet: &Sheet, name: &str, role: &str) -> Result<usize> {
    let found: Vec<usize> = sheet
        .headers
        .iter()
        .enumerate()
        .filter(|(_, h)| *h == name)
        .map(|(i, _)| i)
        .collect();
    match found.as_slice() {
        [one] => Ok(*one),
        [] => Err(Error::validation(
            "mapping",
            format!("The file has no column “{name}” for {role}."),
        )),
        _ => Err(Error::validation(
            "mapping",
            format!(
                "The file has {} columns named “{name}”; rename one so it is clear which holds \
                 {role}.",
                found.len()
            ),
        )),
    }
}

fn plan(
    conn: &Connection,
    survey: &Survey,
    sheet: &Sheet,
    mapping: &ImportMapping,
) -> Result<Plan> {
    let optional = |name: &Option<String>, role: &str| -> Result<Option<usize>> {
        name.as_deref()
            .filter(|n| !n.is_empty())
            .map(|n| column_of(sheet, n, role))
            .transpose()
    };
    let team = optional(&mapping.team_column, "the team")?;
    let respondent = optional(&mapping.respondent_column, "the respondent")?;
    let date = optional(&mapping.date_column, "the date")?;
    if mapping.questions.is_empty() {
        return Err(Error::validation(
            "mapping",
            "Map at least one column to a question of the survey.",
        ));
    }
    let mut columns = Vec::new();
    let mut positions = HashSet::new();
    for q in &mapping.questions {
        let Some(question) = survey.questions.iter().find(|x| x.position == q.position) else {
            return Err(Error::validation(
                "mapping",
                format!("The survey has no question {}.", q.position + 1),
            ));
        };
        if !positions.insert(q.position) {
            return Err(Error::validation(
                "mapping",
                format!("Two columns are mapped to “{}”.", question.prompt),
            ));
        }
        columns.push((column_of(sheet, &q.column, &question.prompt)?, question));
    }
    let mut seen: HashMap<String, u64> = HashMap::new();
    let mut existing: HashSet<String> = HashSet::new();
    if respondent.is_some() {
        let mut stmt = conn.prepare_cached(
            "SELECT respondent FROM survey_responses
             WHERE survey_id = ?1 AND respondent <> '' AND deleted_at IS NULL",
        )?;
        for r in stmt.query_map([survey.id], |r| r.get::<_, String>(0))? {
            existing.insert(r?.to_lowercase());
        }
    }
    let mut customers: HashMap<String, Option<Id>> = HashMap::new();
    for (label, customer) in &mapping.teams {
        if crate::store::require_live(
            conn,
            crate::entity::EntityKind::Customer,
            *customer,
            "mapping",
        )
        .is_ok()
        {
            customers.insert(label.to_lowercase(), Some(*customer));
        }
    }
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
    let mut plan = Plan {
        responses: Vec::with_capacity(sheet.rows.len()),
        skipped_rows: 0,
    };
    for row in &sheet.rows {
        let cell = |i: usize| row.cells.get(i).map_or("", String::as_str);
        let mut answers = Vec::with_capacity(columns.len());
        for (index, question) in &columns {
            let text = cell(*index);
            if text.is_empty() {
                continue;
            }
            match question.kind {
                QuestionKind::Score => {
                    let Some(value) = parse_score(text) else {
                        return Err(problem(
                            row.number,
                            *index,
                            format!("“{text}” is not a score (a whole number)."),
                        ));
                    };
                    if let Some(why) = score_problem(question, value) {
                        return Err(problem(row.number, *index, format!("{why}.")));
                    }
                    answers.push((question.id, Some(value), None));
                }
                QuestionKind::Comment => {
                    if text.chars().count() > super::COMMENT_MAX {
                        return Err(problem(
                            row.number,
                            *index,
                            format!(
                                "the comment is longer than {} characters.",
                                super::COMMENT_MAX
                            ),
                        ));
                    }
                    answers.push((question.id, None, Some(text.to_owned())));
                }
            }
        }
        if answers.is_empty() {
            plan.skipped_rows += 1;
            continue;
        }
        let who = respondent.map(|i| cell(i).to_owned()).unwrap_or_default();
        if let Some(i) = respondent.filter(|_| !who.is_empty()) {
            let key = who.to_lowercase();
            if let Some(first) = seen.get(&key) {
                return Err(problem(
                    row.number,
                    i,
                    format!(
                        "“{who}” answered already, on {} {first}; a respondent answers once.",
                        place.to_lowercase()
                    ),
                ));
            }
            if existing.contains(&key) {
                return Err(problem(
                    row.number,
                    i,
                    format!(
                        "“{who}” already has a response in this survey; was this file imported before?"
                    ),
                ));
            }
            seen.insert(key, row.number);
        }
        let responded_on = match date {
            Some(i) if !cell(i).is_empty() => Some(parse_day(cell(i)).ok_or_else(|| {
                problem(
                    row.number,
                    i,
                    format!(
                        "“{}” is not a date this import reads (2026-07-14, 7/14/2026, \
                         14.07.2026, or with a time after it).",
                        cell(i)
                    ),
                )
            })?),
            _ => None,
        };
        let team_label = team.map(|i| cell(i).to_owned()).unwrap_or_default();
        let key = team_label.to_lowercase();
        let customer_id = match customers.get(&key) {
            Some(found) => *found,
            None => {
                let found = customer_named(conn, &team_label)?;
                customers.insert(key, found);
                found
            }
        };
        plan.responses.push((
            row.number,
            Checked {
                customer_id,
                team_label,
                respondent: who,
                responded_on,
                answers,
            },
        ));
    }
    if plan.responses.is_empty() {
        return Err(Error::validation(
            "file",
            "No row answers a mapped question: nothing to import.",
        ));
    }
    Ok(plan)
}

fn unmatched_of(plan: &Plan) -> Vec<Unmatched> {
    let mut counts: BTreeMap<&str, u32> = BTreeMap::new();
    for (_, r) in &plan.responses {
        if r.customer_id.is_none() {
            *counts.entry(r.team_label.as_str()).or_default() += 1;
        }
    }
    let mut list: Vec<Unmatched> = counts
        .into_iter()
        .map(|(label, responses)| Unmatched {
            team_label: label.to_owned(),
            responses,
        })
        .collect();
    list.sort_by(|a, b| {
        b.responses
            .cmp(&a.responses)
            .then(a.team_label.cmp(&b.team_label))
    });
    list
}

/// Shows what importing `sheet` into `survey` would do, with `mapping`, or the remembered or
/// suggested one when none is given.
pub fn preview(
    conn: &Connection,
    survey: Id,
    sheet: &Sheet,
    mapping: Option<&ImportMapping>,
) -> Result<Preview> {
    let survey = super::get(conn, survey)?;
    let (mapping, remembered) = match mapping {
        Some(m) => (m.clone(), false),
        None => match remembered(conn, sheet)? {
            Some(m) => (m, true),
            None => (suggest(&survey, sheet), false),
        },
    };
    let (problem, unmatched, responses) = match plan(conn, &survey, sheet, &mapping) {
        Ok(plan) => (None, unmatched_of(&plan), plan.responses.len() as u32),
        Err(Error::Validation { message, .. }) => (Some(message), Vec::new(), 0),
        Err(other) => return Err(other),
    };
    Ok(Preview {
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
        note: sheet.note.clone(),
        problem,
        unmatched,
        responses,
    })
}

/// Imports every row of `sheet` into `survey` as mapped, in `tx`: all rows or none. `progress`
/// hears how many responses are written, and cancels the import (and so the transaction, whose
/// caller then rolls back) by returning false. The mapping is remembered for this header row.
pub fn import(
    tx: &Transaction<'_>,
    survey: Id,
    sheet: &Sheet,
    mapping: &ImportMapping,
    now: DateTime<Utc>,
    progress: &mut dyn FnMut(Progress) -> bool,
) -> Result<Imported> {
    let survey = super::get(tx, survey)?;
    let plan = plan(tx, &survey, sheet, mapping)?;
    let total = plan.responses.len() as u64;
    let cancelled = || Error::conflict(None, "The import was cancelled; nothing was written.");
    if !progress(Progress { done: 0, total }) {
        return Err(cancelled());
    }
    let mut answers = 0;
    for (done, (_, response)) in plan.responses.iter().enumerate() {
        super::insert_response(tx, survey.id, response, ResponseSource::Imported, now)?;
        answers += response.answers.len() as u32;
        let done = done as u64 + 1;
        if done.is_multiple_of(REPORT_EVERY) && !progress(Progress { done, total }) {
            return Err(cancelled());
        }
    }
    if !progress(Progress { done: total, total }) {
        return Err(cancelled());
    }
    remember_in(tx, "survey_import_mappings", sheet, mapping, now)?;
    Ok(Imported {
        responses: total as u32,
        answers,
        skipped_rows: plan.skipped_rows,
        unmatched: unmatched_of(&plan),
    })
}

/// A file picked for import: the handle the interface holds for it, its name, and its preview
/// with the remembered or suggested mapping.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, rename = "SurveyFile")]
pub struct PickedFile {
    pub handle: u32,
    pub name: String,
    pub preview: Preview,
}
