//! The customer-empathy kit for hiring: a question bank that shows whether someone building a
//! platform cares about the engineers who use it, and interview guides assembled from it for a
//! hiring loop, exported as Markdown or a printable HTML page ([`export`]).
//!
//! The bank starts with the built-in questions ([`bank`]), compiled into the app and named by
//! slugs. A team edits a built-in by storing its own wording beside it (one row per slug in
//! `hiring_questions`), which [`restore_original`] deletes; it adds questions of its own
//! (named by ids), and retires any question it no longer asks, without losing it.
//!
//! Nothing here stores anything about a candidate: no names, no notes, no scores.

pub mod bank;
pub mod export;
pub mod guides;

use crate::error::{Error, Result};
use crate::id::Id;
use crate::text;
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row, Transaction, named_params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The longest question, in characters: something an interviewer can read out.
pub const QUESTION_MAX: usize = 600;
/// The longest description of a strong or a weak answer.
pub const ANSWER_MAX: usize = 2_000;

text::vocabulary! {
    /// What a hiring question probes.
    HiringTopic, field = "topic", label = "HiringTopic" {
        Users = "users", "Knowing the users";
        Support = "support", "Supporting what they build";
        Usability = "usability", "Usability";
        Migrations = "migrations", "Migrations";
        Listening = "listening", "Listening and feedback";
        Tradeoffs = "tradeoffs", "Judgement and trade-offs";
    }
}

/// One question of the bank, as the team currently asks it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct HiringQuestion {
    /// A built-in's slug, or the id of a question the team wrote.
    pub id: String,
    pub built_in: bool,
    /// A built-in whose words the team changed (or retired): it can be restored.
    pub edited: bool,
    pub topic: HiringTopic,
    pub text: String,
    /// What a strong answer sounds like.
    pub good_answer: String,
    /// What a weak answer sounds like.
    pub weak_answer: String,
    /// No longer offered for new guides; guides that use it keep it.
    pub retired: bool,
}

/// A question to write, or the new words of one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct HiringQuestionInput {
    pub topic: HiringTopic,
    pub text: String,
    #[serde(default)]
    pub good_answer: String,
    #[serde(default)]
    pub weak_answer: String,
}

/// Which questions to list: of one topic or all, with or without the retired ones.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct HiringQuestionFilter {
    #[serde(default)]
    pub topic: Option<HiringTopic>,
    #[serde(default)]
    pub include_retired: bool,
}

impl HiringQuestionInput {
    fn validated(&self) -> Result<HiringQuestionInput> {
        let question = self.text.trim();
        if question.is_empty() {
            return Err(Error::validation(
                "text",
                "Write the question: it is empty.",
            ));
        }
        let length = question.chars().count();
        if length > QUESTION_MAX {
            return Err(Error::validation(
                "text",
                format!("The question is {length} characters long; the limit is {QUESTION_MAX}."),
            ));
        }
        Ok(HiringQuestionInput {
            topic: self.topic,
            text: question.to_owned(),
            good_answer: answer("goodAnswer", "A strong answer", &self.good_answer)?,
            weak_answer: answer("weakAnswer", "A weak answer", &self.weak_answer)?,
        })
    }
}

fn answer(field: &'static str, label: &str, value: &str) -> Result<String> {
    let value = value.trim();
    let length = value.chars().count();
    if length > ANSWER_MAX {
        return Err(Error::validation(
            field,
            format!("{label} is {length} characters long; the limit is {ANSWER_MAX}."),
        ));
    }
    Ok(value.to_owned())
}

const COLUMNS: &str = "id, built_in, topic, text, good_answer, weak_answer, retired_at IS NOT NULL";

fn stored(row: &Row<'_>) -> rusqlite::Result<HiringQuestion> {
    let built_in: Option<String> = row.get(1)?;
    Ok(HiringQuestion {
        id: match &built_in {
            Some(slug) => slug.clone(),
            None => row.get::<_, Id>(0)?.to_string(),
        },
        built_in: built_in.is_some(),
        edited: built_in.is_some(),
        topic: row.get(2)?,
        text: row.get(3)?,
        good_answer: row.get(4)?,
        weak_answer: row.get(5)?,
        retired: row.get(6)?,
    })
}

fn original(built_in: &bank::BuiltIn) -> HiringQuestion {
    HiringQuestion {
        id: built_in.slug.to_owned(),
        built_in: true,
        edited: false,
        topic: built_in.topic,
        text: built_in.text.to_owned(),
        good_answer: built_in.good_answer.to_owned(),
        weak_answer: built_in.weak_answer.to_owned(),
        retired: false,
    }
}

/// The bank as the team asks it: the built-ins in the bank's order (in the team's words where
/// it changed them), then the team's own questions in the order they were written.
pub fn list(conn: &Connection, filter: HiringQuestionFilter) -> Result<Vec<HiringQuestion>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM hiring_questions WHERE deleted_at IS NULL ORDER BY id"
    ))?;
    let rows: Vec<HiringQuestion> = stmt
        .query_map([], stored)?
        .collect::<rusqlite::Result<_>>()?;
    let (edits, own): (Vec<HiringQuestion>, Vec<HiringQuestion>) =
        rows.into_iter().partition(|q| q.built_in);
    let mut all: Vec<HiringQuestion> = bank::BANK
        .iter()
        .map(|b| {
            edits
                .iter()
                .find(|e| e.id == b.slug)
                .cloned()
                .unwrap_or_else(|| original(b))
        })
        .collect();
    all.extend(own);
    all.retain(|q| {
        filter.topic.is_none_or(|topic| q.topic == topic) && (filter.include_retired || !q.retired)
    });
    Ok(all)
}

/// One question by a built-in's slug or a team question's id; `None` when there is none or it
/// is in the Trash.
pub fn find(conn: &Connection, id: &str) -> Result<Option<HiringQuestion>> {
    let id = id.trim();
    if let Some(built_in) = bank::find(id) {
        let edit = conn
            .prepare_cached(&format!(
                "SELECT {COLUMNS} FROM hiring_questions WHERE built_in = ?1 AND deleted_at IS NULL"
            ))?
            .query_row([id], stored)
            .optional()?;
        return Ok(Some(edit.unwrap_or_else(|| original(built_in))));
    }
    let Ok(id) = id.parse::<Id>() else {
        return Ok(None);
    };
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM hiring_questions
             WHERE id = ?1 AND built_in IS NULL AND deleted_at IS NULL"
        ))?
        .query_row([id], stored)
        .optional()?)
}

/// One question, or not found.
pub fn get(conn: &Connection, id: &str) -> Result<HiringQuestion> {
    find(conn, id)?.ok_or_else(|| Error::NotFound {
        entity: "hiring question",
        id: id.to_owned(),
    })
}

/// Adds a question of the team's own to the bank.
pub fn create(
    tx: &Transaction<'_>,
    input: &HiringQuestionInput,
    now: DateTime<Utc>,
) -> Result<HiringQuestion> {
    let input = input.validated()?;
    let id = Id::at(now);
    tx.prepare_cached(
        "INSERT INTO hiring_questions
             (id, topic, text, good_answer, weak_answer, created_at, updated_at)
         VALUES (:id, :topic, :text, :good, :weak, :now, :now)",
    )?
    .execute(named_params! {
        ":id": id, ":topic": input.topic, ":text": input.text,
        ":good": input.good_answer, ":weak": input.weak_answer, ":now": now,
    })?;
    get(tx, &id.to_string())
}

/// Rewords a question. A built-in keeps its slug; its new words are stored beside it.
pub fn update(
    tx: &Transaction<'_>,
    id: &str,
    input: &HiringQuestionInput,
    now: DateTime<Utc>,
) -> Result<HiringQuestion> {
    let input = input.validated()?;
    let current = get(tx, id)?;
    if current.built_in {
        edit_built_in(tx, &current, &input, now)?;
    } else {
        tx.prepare_cached(
            "UPDATE hiring_questions SET topic = :topic, text = :text, good_answer = :good,
                 weak_answer = :weak, updated_at = :now WHERE id = :id",
        )?
        .execute(named_params! {
            ":id": current.id, ":topic": input.topic, ":text": input.text,
            ":good": input.good_answer, ":weak": input.weak_answer, ":now": now,
        })?;
    }
    get(tx, &current.id)
}

/// Stores a built-in's new words (and whether it is retired) beside it.
fn edit_built_in(
    tx: &Transaction<'_>,
    current: &HiringQuestion,
    input: &HiringQuestionInput,
    now: DateTime<Utc>,
) -> Result<()> {
    let retired_at = current.retired.then_some(now);
    tx.prepare_cached(
        "INSERT INTO hiring_questions
             (id, built_in, topic, text, good_answer, weak_answer, retired_at, created_at,
              updated_at)
         VALUES (:id, :slug, :topic, :text, :good, :weak, :retired_at, :now, :now)
         ON CONFLICT (built_in) DO UPDATE SET topic = excluded.topic, text = excluded.text,
             good_answer = excluded.good_answer, weak_answer = excluded.weak_answer,
             updated_at = excluded.updated_at",
    )?
    .execute(named_params! {
        ":id": Id::at(now), ":slug": current.id, ":topic": input.topic, ":text": input.text,
        ":good": input.good_answer, ":weak": input.weak_answer, ":retired_at": retired_at,
        ":now": now,
    })?;
    Ok(())
}

/// Retires a question (no longer offered for new guides) or brings it back.
pub fn set_retired(
    tx: &Transaction<'_>,
    id: &str,
    retired: bool,
    now: DateTime<Utc>,
) -> Result<HiringQuestion> {
    let current = get(tx, id)?;
    if current.built_in && !current.edited {
        let input = HiringQuestionInput {
            topic: current.topic,
            text: current.text.clone(),
            good_answer: current.good_answer.clone(),
            weak_answer: current.weak_answer.clone(),
        };
        edit_built_in(tx, &current, &input, now)?;
    }
    let column = if current.built_in { "built_in" } else { "id" };
    tx.prepare_cached(&format!(
        "UPDATE hiring_questions SET retired_at = ?2, updated_at = ?3 WHERE {column} = ?1"
    ))?
    .execute((&current.id, retired.then_some(now), now))?;
    get(tx, &current.id)
}

/// Puts a built-in back to its original words, topic and answers, and offers it again.
pub fn restore_original(tx: &Transaction<'_>, slug: &str) -> Result<HiringQuestion> {
    let Some(built_in) = bank::find(slug.trim()) else {
        return Err(Error::validation(
            "id",
            format!("Only a built-in question has an original to restore; “{slug}” is not one."),
        ));
    };
    tx.prepare_cached("DELETE FROM hiring_questions WHERE built_in = ?1")?
        .execute([built_in.slug])?;
    Ok(original(built_in))
}
