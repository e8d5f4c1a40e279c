//! Interview guides: a named, ordered selection of the bank's questions for one hiring loop,
//! each with the minutes planned for it and a note for the interviewer. Saving replaces the
//! guide and all its questions in the caller's transaction, so a reader sees the old guide or
//! the new one, never a mix. Guides go to the Trash like any record.

use super::{HiringQuestion, find};
use crate::error::{Error, Result};
use crate::id::Id;
use crate::store::live;
use crate::text;
use chrono::{DateTime, Utc};
use rusqlite::{Connection, Transaction, named_params};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use ts_rs::TS;

/// The most questions one guide holds: more than a loop can ask.
pub const ITEMS_MAX: usize = 40;
/// The most minutes planned for one question.
pub const MINUTES_MAX: u32 = 120;
/// The longest note for the interviewer on one question.
pub const NOTE_MAX: usize = 1_000;

/// One question of a guide, as the guide is written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct GuideItemInput {
    /// A built-in's slug or a team question's id.
    pub question: String,
    #[serde(default)]
    pub minutes: Option<u32>,
    #[serde(default)]
    pub note: String,
}

/// A guide to write: its name, what the loop is for, and its questions in order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct GuideInput {
    pub name: String,
    #[serde(default)]
    pub purpose: String,
    #[serde(default)]
    pub items: Vec<GuideItemInput>,
}

/// One question of a guide with the question as the bank words it now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct GuideItem {
    pub question_id: String,
    /// `None` when the team's question was put in the Trash since.
    pub question: Option<HiringQuestion>,
    pub minutes: Option<u32>,
    pub note: String,
}

/// A guide with its questions in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Guide {
    pub id: Id,
    pub name: String,
    pub purpose: String,
    pub items: Vec<GuideItem>,
    /// The minutes planned over all its questions.
    pub total_minutes: u32,
    pub updated_at: DateTime<Utc>,
}

/// A guide in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct GuideSummary {
    pub id: Id,
    pub name: String,
    pub question_count: u32,
    pub total_minutes: u32,
    pub updated_at: DateTime<Utc>,
}

/// Live guides by name.
pub fn list(conn: &Connection) -> Result<Vec<GuideSummary>> {
    let mut stmt = conn.prepare_cached(
        "SELECT g.id, g.name, count(q.position), coalesce(sum(q.minutes), 0), g.updated_at
         FROM interview_guides g LEFT JOIN interview_guide_questions q ON q.guide_id = g.id
         WHERE g.deleted_at IS NULL
         GROUP BY g.id ORDER BY g.name COLLATE NOCASE, g.id",
    )?;
    let guides = stmt
        .query_map([], |r| {
            Ok(GuideSummary {
                id: r.get(0)?,
                name: r.get(1)?,
                question_count: r.get(2)?,
                total_minutes: r.get(3)?,
                updated_at: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(guides)
}

/// A live guide with its questions in order.
pub fn get(conn: &Connection, id: Id) -> Result<Guide> {
    let (name, purpose, updated_at) = live(
        conn.prepare_cached(
            "SELECT name, purpose, updated_at FROM interview_guides
             WHERE id = ?1 AND deleted_at IS NULL",
        )?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))),
        "interview guide",
        id,
    )?;
    let mut stmt = conn.prepare_cached(
        "SELECT question, minutes, note FROM interview_guide_questions
         WHERE guide_id = ?1 ORDER BY position",
    )?;
    let rows: Vec<(String, Option<u32>, String)> = stmt
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut items = Vec::with_capacity(rows.len());
    for (question_id, minutes, note) in rows {
        items.push(GuideItem {
            question: find(conn, &question_id)?,
            question_id,
            minutes,
            note,
        });
    }
    Ok(Guide {
        id,
        name,
        purpose,
        total_minutes: items.iter().filter_map(|i| i.minutes).sum(),
        items,
        updated_at,
    })
}

/// The guide a person means by `reference`: its id, or its name ignoring case.
pub fn find_guide(conn: &Connection, reference: &str) -> Result<Guide> {
    let reference = reference.trim();
    if let Ok(id) = reference.parse::<Id>() {
        return get(conn, id);
    }
    let named: Vec<GuideSummary> = list(conn)?
        .into_iter()
        .filter(|g| g.name.to_lowercase() == reference.to_lowercase())
        .collect();
    match named.as_slice() {
        [one] => get(conn, one.id),
        [] => Err(Error::validation(
            "guide",
            format!("There is no interview guide named or with id “{reference}”."),
        )),
        many => Err(Error::validation(
            "guide",
            format!(
                "{} interview guides are named “{reference}”; use its id instead.",
                many.len()
            ),
        )),
    }
}

/// Starts a guide.
pub fn create(tx: &Transaction<'_>, input: &GuideInput, now: DateTime<Utc>) -> Result<Guide> {
    let input = validated(tx, input)?;
    let id = Id::at(now);
    tx.prepare_cached(
        "INSERT INTO interview_guides (id, name, purpose, created_at, updated_at)
         VALUES (:id, :name, :purpose, :now, :now)",
    )?
    .execute(named_params! {
        ":id": id, ":name": input.name, ":purpose": input.purpose, ":now": now,
    })?;
    write_items(tx, id, &input.items)?;
    get(tx, id)
}

/// Replaces a live guide's name, purpose and questions.
pub fn save(tx: &Transaction<'_>, id: Id, input: &GuideInput, now: DateTime<Utc>) -> Result<Guide> {
    let input = validated(tx, input)?;
    let changed = tx
        .prepare_cached(
            "UPDATE interview_guides SET name = :name, purpose = :purpose, updated_at = :now
             WHERE id = :id AND deleted_at IS NULL",
        )?
        .execute(named_params! {
            ":id": id, ":name": input.name, ":purpose": input.purpose, ":now": now,
        })?;
    if changed == 0 {
        return Err(Error::NotFound {
            entity: "interview guide",
            id: id.to_string(),
        });
    }
    tx.prepare_cached("DELETE FROM interview_guide_questions WHERE guide_id = ?1")?
        .execute([id])?;
    write_items(tx, id, &input.items)?;
    get(tx, id)
}

fn write_items(tx: &Transaction<'_>, id: Id, items: &[GuideItemInput]) -> Result<()> {
    let mut insert = tx.prepare_cached(
        "INSERT INTO interview_guide_questions (guide_id, position, question, minutes, note)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (position, item) in items.iter().enumerate() {
        insert.execute((
            id,
            position as u32,
            &item.question,
            item.minutes,
            &item.note,
        ))?;
    }
    Ok(())
}

/// The input trimmed, every question known and asked once, every time and note in bounds. A
/// question is named by its place in the guide ("question 3").
fn validated(conn: &Connection, input: &GuideInput) -> Result<GuideInput> {
    let name = text::required_name("name", "The guide's name", &input.name)?;
    let purpose = text::free_text("purpose", "The purpose", &input.purpose)?;
    if input.items.len() > ITEMS_MAX {
        return Err(Error::validation(
            "items",
            format!(
                "The guide has {} questions; the limit is {ITEMS_MAX}.",
                input.items.len()
            ),
        ));
    }
    let mut seen = HashSet::new();
    let mut items = Vec::with_capacity(input.items.len());
    for (index, item) in input.items.iter().enumerate() {
        let place = index + 1;
        let Some(question) = find(conn, &item.question)? else {
            return Err(Error::validation(
                "items",
                format!(
                    "Question {place} of the guide is not in the bank: there is no question “{}”.",
                    item.question.trim()
                ),
            ));
        };
        if !seen.insert(question.id.clone()) {
            return Err(Error::validation(
                "items",
                format!("Question {place} of the guide is already in it; ask each question once."),
            ));
        }
        if let Some(minutes) = item.minutes
            && !(1..=MINUTES_MAX).contains(&minutes)
        {
            return Err(Error::validation(
                "minutes",
                format!(
                    "Question {place} of the guide plans {minutes} minutes; give 1 to {MINUTES_MAX}, or none."
                ),
            ));
        }
        let note = item.note.trim();
        let length = note.chars().count();
        if length > NOTE_MAX {
            return Err(Error::validation(
                "note",
                format!(
                    "The note on question {place} is {length} characters long; the limit is {NOTE_MAX}."
                ),
            ));
        }
        items.push(GuideItemInput {
            question: question.id,
            minutes: item.minutes,
            note: note.to_owned(),
        });
    }
    Ok(GuideInput {
        name,
        purpose,
        items,
    })
}
