//! Interviews: conversations with a customer team — interviews, shadowing, support
//! conversations, office hours — logged by the engineers who had them, with Markdown notes.
//! Passages of the notes become evidence for pain points (see [`highlights`]); editing the notes
//! re-anchors that evidence instead of losing it.

pub mod highlights;
pub mod import;
mod query;

use crate::entity::EntityKind;
use crate::error::{Error, Result};
use crate::id::Id;
use crate::store::{live, require_live};
use crate::text;
use crate::themes::{self, Tag};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension, Row, Transaction, named_params};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use ts_rs::TS;

pub use highlights::Highlight;
pub(crate) use query::OPENING_CHARS;
pub use query::{InterviewFilter, InterviewSummary, list};

/// The most notes one interview holds, counted in bytes as the app's window receives them (JSON:
/// a quote mark, backslash or line break counts two bytes, another control character six), so
/// the bound holds whatever the notes contain.
///
/// `get_interview` must stay within 256 KB of JSON (DESIGN.md §7). 160 KB of notes leave 96 KB
/// for the interview's other fields, tags and highlights, and hold about three hours of
/// conversation transcribed word for word (an hour is about 9,000 words, 55 KB).
pub const NOTES_MAX_BYTES: usize = 160 * 1024;

/// The longest list of who was spoken to, in characters: about twenty names with their roles.
pub const INTERVIEWEES_MAX: usize = 1_000;

text::vocabulary! {
    /// What kind of conversation it was.
    InterviewKind, field = "kind", label = "Kind" {
        Interview = "interview", "Interview";
        Shadowing = "shadowing", "Shadowing";
        SupportConversation = "supportConversation", "Support conversation";
        OfficeHours = "officeHours", "Office hours";
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Interview {
    pub id: Id,
    pub customer_id: Id,
    pub held_on: NaiveDate,
    pub kind: InterviewKind,
    /// Who was spoken to: names and roles, as typed.
    pub interviewees: String,
    /// People on the team who held the conversation.
    pub interviewer_ids: Vec<Id>,
    pub duration_minutes: Option<u32>,
    /// Markdown.
    pub notes: String,
    /// The notes' first heading, as plain text: the interview's own title, as lists show it.
    /// None when its notes have no heading.
    pub heading: Option<String>,
    pub tags: Vec<Tag>,
    pub highlights: Vec<Highlight>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct InterviewInput {
    pub customer_id: Id,
    pub held_on: NaiveDate,
    pub kind: InterviewKind,
    #[serde(default)]
    pub interviewees: String,
    #[serde(default)]
    pub interviewer_ids: Vec<Id>,
    #[serde(default)]
    pub duration_minutes: Option<u32>,
    /// Theme names; new ones are created.
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub notes: String,
}

/// The longest conversation accepted, a guard against typos.
const DURATION_MAX_MINUTES: u32 = 24 * 60;

impl InterviewInput {
    /// The input checked and tidied. `stored` is the interview being updated: notes it already
    /// holds are kept even when an older version allowed them to be longer than the bound.
    fn validated(
        &self,
        conn: &Connection,
        stored: Option<Id>,
        today: NaiveDate,
    ) -> Result<InterviewInput> {
        require_live(conn, EntityKind::Customer, self.customer_id, "customerId")?;
        check_held_on(self.held_on, today)?;
        let interviewees = check_interviewees(&self.interviewees)?;
        check_changed_notes(conn, stored, &self.notes)?;
        check_duration(self.duration_minutes)?;
        let interviewers: BTreeSet<Id> = self.interviewer_ids.iter().copied().collect();
        for person in &interviewers {
            require_live(conn, EntityKind::Person, *person, "interviewerIds")?;
        }
        Ok(InterviewInput {
            interviewees,
            interviewer_ids: interviewers.into_iter().collect(),
            ..self.clone()
        })
    }
}

/// The size of `notes` as counted against [`NOTES_MAX_BYTES`]: their bytes inside a JSON string.
pub fn notes_size(notes: &str) -> usize {
    // Serialising a string cannot fail; the fallback only keeps this total.
    serde_json::to_string(notes).map_or(usize::MAX, |json| json.len() - 2)
}

/// Notes are bounded, never silently truncated.
pub fn check_notes(notes: &str) -> Result<()> {
    let size = notes_size(notes);
    if size > NOTES_MAX_BYTES {
        return Err(Error::validation(
            "notes",
            format!(
                "The notes are {:.1} KB; one interview holds at most {} KB (quote marks, \
                 backslashes and line breaks count twice). Split them over two interviews.",
                size as f64 / 1024.0,
                NOTES_MAX_BYTES / 1024
            ),
        ));
    }
    Ok(())
}

/// The earliest date a conversation can have been held on.
pub const HELD_ON_MIN: NaiveDate = match NaiveDate::from_ymd_opt(2000, 1, 1) {
    Some(date) => date,
    None => panic!("valid date"),
};

/// How far ahead of today a conversation can be dated: room for time zones and for notes
/// started before a call, but not for a mistyped year, which would weigh its evidence
/// thousands of times more than today's.
pub const HELD_ON_AHEAD_DAYS: i64 = 31;

/// A conversation's date must be a real one: from [`HELD_ON_MIN`] to a month after `today`.
pub fn check_held_on(held_on: NaiveDate, today: NaiveDate) -> Result<()> {
    let latest = today + chrono::Duration::days(HELD_ON_AHEAD_DAYS);
    if held_on < HELD_ON_MIN || held_on > latest {
        return Err(Error::validation(
            "heldOn",
            format!(
                "{held_on} is outside the dates a conversation can have: from {HELD_ON_MIN} to \
                 {latest}. Check the year."
            ),
        ));
    }
    Ok(())
}

/// [`check_notes`], except that notes `stored` already holds unchanged pass: notes saved under an
/// older, larger bound still open and keep the interview's details editable.
fn check_changed_notes(conn: &Connection, stored: Option<Id>, notes: &str) -> Result<()> {
    let refused = match check_notes(notes) {
        Ok(()) => return Ok(()),
        Err(refused) => refused,
    };
    let Some(id) = stored else {
        return Err(refused);
    };
    let unchanged: bool = conn
        .prepare_cached("SELECT notes = ?2 FROM interviews WHERE id = ?1")?
        .query_row((id, notes), |r| r.get(0))
        .optional()?
        .unwrap_or(false);
    if unchanged { Ok(()) } else { Err(refused) }
}

/// Who was spoken to: trimmed, at most [`INTERVIEWEES_MAX`] characters.
pub fn check_interviewees(interviewees: &str) -> Result<String> {
    let interviewees = interviewees.trim();
    let length = interviewees.chars().count();
    if length > INTERVIEWEES_MAX {
        return Err(Error::validation(
            "interviewees",
            format!(
                "Who was spoken to is {length} characters long; the limit is {INTERVIEWEES_MAX}. \
                 Name the people and roles, and put the rest in the notes."
            ),
        ));
    }
    Ok(interviewees.to_owned())
}

/// A duration longer than a day is a typo.
pub fn check_duration(minutes: Option<u32>) -> Result<()> {
    match minutes {
        Some(minutes) if minutes > DURATION_MAX_MINUTES => Err(Error::validation(
            "durationMinutes",
            format!("A conversation of {minutes} minutes is longer than a day; check the number."),
        )),
        _ => Ok(()),
    }
}

/// Parses a calendar date as people type it in files and terminals: `2026-03-14`.
pub fn parse_date(field: &'static str, value: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d").map_err(|_| {
        Error::validation(
            field,
            format!("“{}” is not a date in the form 2026-03-14.", value.trim()),
        )
    })
}

const COLUMNS: &str =
    "id, customer_id, held_on, kind, interviewees, duration_minutes, notes, created_at, updated_at";

fn from_row(row: &Row<'_>) -> rusqlite::Result<Interview> {
    let notes: String = row.get(6)?;
    Ok(Interview {
        heading: crate::plain_text::heading(&notes),
        id: row.get(0)?,
        customer_id: row.get(1)?,
        held_on: row.get(2)?,
        kind: row.get(3)?,
        interviewees: row.get(4)?,
        interviewer_ids: Vec::new(),
        duration_minutes: row.get(5)?,
        notes,
        tags: Vec::new(),
        highlights: Vec::new(),
        created_at: row.get(7)?,
        updated_at: row.get(8)?,
    })
}

/// One interview not in the Trash, with its interviewers, tags and highlights.
pub fn get(conn: &Connection, id: Id) -> Result<Interview> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM interviews WHERE id = ?1 AND deleted_at IS NULL"
    ))?;
    let mut interview = live(stmt.query_row([id], from_row), "interview", id)?;
    interview.interviewer_ids = conn
        .prepare_cached("SELECT person_id FROM interview_interviewers WHERE interview_id = ?1")?
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    interview.tags = themes::tags_of(conn, "interview_themes", "interview_id", id)?;
    interview.highlights = highlights::of_interview(conn, id)?;
    Ok(interview)
}

pub fn create(
    tx: &Transaction<'_>,
    input: &InterviewInput,
    now: DateTime<Utc>,
) -> Result<Interview> {
    let input = input.validated(tx, None, now.date_naive())?;
    let id = Id::at(now);
    tx.prepare_cached(
        "INSERT INTO interviews (id, customer_id, held_on, kind, interviewees, duration_minutes,
            notes, created_at, updated_at)
         VALUES (:id, :customer, :held_on, :kind, :interviewees, :duration, :notes, :now, :now)",
    )?
    .execute(named_params! {
        ":id": id, ":customer": input.customer_id, ":held_on": input.held_on, ":kind": input.kind,
        ":interviewees": input.interviewees, ":duration": input.duration_minutes,
        ":notes": input.notes, ":now": now,
    })?;
    link(tx, id, &input, now)?;
    get(tx, id)
}

pub fn update(
    tx: &Transaction<'_>,
    id: Id,
    input: &InterviewInput,
    now: DateTime<Utc>,
) -> Result<Interview> {
    let input = input.validated(tx, Some(id), now.date_naive())?;
    let changed = tx
        .prepare_cached(
            "UPDATE interviews SET customer_id = :customer, held_on = :held_on, kind = :kind,
                interviewees = :interviewees, duration_minutes = :duration, notes = :notes,
                updated_at = :now
             WHERE id = :id AND deleted_at IS NULL",
        )?
        .execute(named_params! {
            ":id": id, ":customer": input.customer_id, ":held_on": input.held_on,
            ":kind": input.kind, ":interviewees": input.interviewees,
            ":duration": input.duration_minutes, ":notes": input.notes, ":now": now,
        })?;
    if changed == 0 {
        return Err(Error::NotFound {
            entity: "interview",
            id: id.to_string(),
        });
    }
    link(tx, id, &input, now)?;
    highlights::reanchor(tx, id, &input.notes)?;
    get(tx, id)
}

/// Saves only the notes: what the editor's autosave calls on every pause in typing. Highlights
/// are re-anchored to the new text in the same transaction.
pub fn save_notes(tx: &Transaction<'_>, id: Id, notes: &str, now: DateTime<Utc>) -> Result<()> {
    check_changed_notes(tx, Some(id), notes)?;
    let changed = tx
        .prepare_cached(
            "UPDATE interviews SET notes = ?2, updated_at = ?3 WHERE id = ?1 AND deleted_at IS NULL",
        )?
        .execute((id, notes, now))?;
    if changed == 0 {
        return Err(Error::NotFound {
            entity: "interview",
            id: id.to_string(),
        });
    }
    highlights::reanchor(tx, id, notes)
}

fn link(tx: &Transaction<'_>, id: Id, input: &InterviewInput, now: DateTime<Utc>) -> Result<()> {
    tx.prepare_cached("DELETE FROM interview_interviewers WHERE interview_id = ?1")?
        .execute([id])?;
    let mut insert = tx.prepare_cached(
        "INSERT INTO interview_interviewers (interview_id, person_id) VALUES (?1, ?2)",
    )?;
    for person in &input.interviewer_ids {
        insert.execute((id, person))?;
    }
    let tags = themes::resolve(tx, &input.tags, now)?;
    themes::set_tags(tx, "interview_themes", "interview_id", id, &tags)?;
    // Evidence dates and customers feed pain point weights.
    highlights::refresh_pain_points_of(tx, id, now)
}
