//! Surveys: a round in a quarter sent to an audience of a known size, its questions — a score
//! on a scale tied to the metric it measures, or a free-text comment — and its responses,
//! typed in or imported from a form tool's export (see [`import`]). Each response names the
//! customer team its respondent belongs to as the file gave it, and the customer team that
//! label was matched to; labels no team matched are reviewed and assigned afterwards. A comment
//! can be kept as evidence for a pain point, like a quote from an interview.

pub mod import;

use crate::entity::EntityKind;
use crate::error::{Error, Result};
use crate::id::Id;
use crate::metrics::{self, MetricKind};
use crate::quarter::Quarter;
use crate::settings;
use crate::store::{live, require_live};
use crate::text;
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension, Row, Transaction, named_params};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use ts_rs::TS;

/// The longest comment kept, in characters.
pub const COMMENT_MAX: usize = 10_000;

text::vocabulary! {
    /// What a question asks for.
    QuestionKind, field = "kind", label = "Question kind" {
        Score = "score", "Score";
        Comment = "comment", "Comment";
    }
}

text::vocabulary! {
    /// How a response reached the workspace.
    ResponseSource, field = "source", label = "Source" {
        Typed = "typed", "Typed in";
        Imported = "imported", "Imported";
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, rename = "SurveyQuestion")]
pub struct Question {
    pub id: Id,
    pub position: u32,
    pub prompt: String,
    pub kind: QuestionKind,
    pub metric_id: Option<Id>,
    pub scale_min: Option<i64>,
    pub scale_max: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Survey {
    pub id: Id,
    pub title: String,
    /// `2026-Q3`.
    pub quarter: String,
    pub opened_on: NaiveDate,
    pub audience_size: Option<u32>,
    pub team_id: Option<Id>,
    pub questions: Vec<Question>,
    pub responses: u32,
    /// Responses whose team label matched no customer team yet.
    pub unmatched: u32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct QuestionInput {
    pub prompt: String,
    pub kind: QuestionKind,
    #[serde(default)]
    pub metric_id: Option<Id>,
    /// The scale of a score; taken from the metric when not given (CSAT 1–5, NPS 0–10, a
    /// percentage 0–1, a Likert mean 1–5).
    #[serde(default)]
    pub scale_min: Option<i64>,
    #[serde(default)]
    pub scale_max: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SurveyInput {
    pub title: String,
    /// `2026-Q3`.
    pub quarter: String,
    /// The day it opened; today when not given.
    #[serde(default)]
    pub opened_on: Option<NaiveDate>,
    #[serde(default)]
    pub audience_size: Option<u32>,
    #[serde(default)]
    pub team_id: Option<Id>,
    pub questions: Vec<QuestionInput>,
}

/// The scale a metric's answers are given on, and whether `given` fits it.
fn scale_for(
    kind: MetricKind,
    given: (Option<i64>, Option<i64>),
    field: &'static str,
) -> Result<(i64, i64)> {
    let fixed = match kind {
        MetricKind::Csat => Some((1, 5)),
        MetricKind::Nps => Some((0, 10)),
        MetricKind::Percentage => Some((0, 1)),
        MetricKind::LikertMean => None,
        MetricKind::Duration | MetricKind::Count => {
            return Err(Error::validation(
                field,
                format!("A {kind} metric is entered as a measurement, not asked in a survey."),
            ));
        }
    };
    match (fixed, given) {
        (Some(scale), (None, None)) => Ok(scale),
        (Some(scale), (Some(a), Some(b))) if (a, b) == scale => Ok(scale),
        (Some((a, b)), _) => Err(Error::validation(
            field,
            format!("A {kind} question is answered from {a} to {b}."),
        )),
        (None, (None, None)) => Ok((1, 5)),
        (None, (Some(a), Some(b))) if a < b && a >= 0 && b <= 100 => Ok((a, b)),
        (None, _) => Err(Error::validation(
            field,
            "A scale runs from a lower to a higher whole number, between 0 and 100.",
        )),
    }
}

impl SurveyInput {
    fn validated(&self, conn: &Connection) -> Result<(SurveyInput, String)> {
        let title = text::required_name("title", "The title", &self.title)?;
        let quarter = Quarter::parse(&self.quarter, settings::fiscal_year_start(conn)?, "quarter")?;
        if self.audience_size == Some(0) {
            return Err(Error::validation(
                "audienceSize",
                "The audience is how many the survey was sent to: at least 1, or leave it empty.",
            ));
        }
        if let Some(team) = self.team_id {
            require_live(conn, EntityKind::Team, team, "teamId")?;
        }
        if self.questions.is_empty() {
            return Err(Error::validation(
                "questions",
                "A survey asks at least one question.",
            ));
        }
        let mut questions = Vec::with_capacity(self.questions.len());
        for q in &self.questions {
            let prompt = text::required_name("questions", "A question", &q.prompt)?;
            let (metric_id, scale) = match q.kind {
                QuestionKind::Comment => {
                    if q.metric_id.is_some() {
                        return Err(Error::validation(
                            "questions",
                            format!("“{prompt}” is a comment; only a score measures a metric."),
                        ));
                    }
                    (None, (None, None))
                }
                QuestionKind::Score => {
                    let (min, max) = match q.metric_id {
                        Some(metric) => {
                            let metric = metrics::get(conn, metric).map_err(|_| {
                                Error::validation(
                                    "questions",
                                    format!("There is no metric with id {metric}."),
                                )
                            })?;
                            scale_for(metric.kind, (q.scale_min, q.scale_max), "questions")?
                        }
                        None => scale_for(
                            MetricKind::LikertMean,
                            (q.scale_min, q.scale_max),
                            "questions",
                        )?,
                    };
                    (q.metric_id, (Some(min), Some(max)))
                }
            };
            questions.push(QuestionInput {
                prompt,
                kind: q.kind,
                metric_id,
                scale_min: scale.0,
                scale_max: scale.1,
            });
        }
        Ok((
            SurveyInput {
                title,
                questions,
                ..self.clone()
            },
            quarter.key(),
        ))
    }
}

const SELECT: &str = "SELECT s.id, s.title, s.quarter, s.opened_on, s.audience_size, s.team_id,
        s.created_at, s.updated_at,
        (SELECT count(*) FROM survey_responses r
         WHERE r.survey_id = s.id AND r.deleted_at IS NULL),
        (SELECT count(*) FROM survey_responses r
         WHERE r.survey_id = s.id AND r.deleted_at IS NULL AND r.customer_id IS NULL)
    FROM surveys s";

fn from_row(row: &Row<'_>) -> rusqlite::Result<Survey> {
    Ok(Survey {
        id: row.get(0)?,
        title: row.get(1)?,
        quarter: row.get(2)?,
        opened_on: row.get(3)?,
        audience_size: row.get(4)?,
        team_id: row.get(5)?,
        created_at: row.get(6)?,
        updated_at: row.get(7)?,
        responses: row.get(8)?,
        unmatched: row.get(9)?,
        questions: Vec::new(),
    })
}

/// A survey's questions, in order.
pub fn questions(conn: &Connection, survey: Id) -> Result<Vec<Question>> {
    Ok(conn
        .prepare_cached(
            "SELECT id, position, prompt, kind, metric_id, scale_min, scale_max
             FROM survey_questions WHERE survey_id = ?1 ORDER BY position",
        )?
        .query_map([survey], |r| {
            Ok(Question {
                id: r.get(0)?,
                position: r.get(1)?,
                prompt: r.get(2)?,
                kind: r.get(3)?,
                metric_id: r.get(4)?,
                scale_min: r.get(5)?,
                scale_max: r.get(6)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?)
}

pub fn get(conn: &Connection, id: Id) -> Result<Survey> {
    let mut stmt = conn.prepare_cached(&format!(
        "{SELECT} WHERE s.id = ?1 AND s.deleted_at IS NULL"
    ))?;
    let mut survey = live(stmt.query_row([id], from_row), "survey", id)?;
    survey.questions = questions(conn, id)?;
    Ok(survey)
}

/// Surveys not in the Trash, newest quarter first; of one quarter when `quarter` is given.
pub fn list(conn: &Connection, quarter: Option<&str>) -> Result<Vec<Survey>> {
    let mut surveys: Vec<Survey> = match quarter {
        Some(q) => conn
            .prepare_cached(&format!(
                "{SELECT} WHERE s.deleted_at IS NULL AND s.quarter = ?1
                 ORDER BY s.opened_on DESC, s.id DESC"
            ))?
            .query_map([q], from_row)?
            .collect::<rusqlite::Result<_>>()?,
        None => conn
            .prepare_cached(&format!(
                "{SELECT} WHERE s.deleted_at IS NULL
                 ORDER BY s.quarter DESC, s.opened_on DESC, s.id DESC LIMIT 500"
            ))?
            .query_map([], from_row)?
            .collect::<rusqlite::Result<_>>()?,
    };
    for survey in &mut surveys {
        survey.questions = questions(conn, survey.id)?;
    }
    Ok(surveys)
}

/// Creates a survey round with its questions.
pub fn create(tx: &Transaction<'_>, input: &SurveyInput, now: DateTime<Utc>) -> Result<Survey> {
    let (input, quarter) = input.validated(tx)?;
    let id = Id::at(now);
    tx.prepare_cached(
        "INSERT INTO surveys (id, title, quarter, opened_on, audience_size, team_id,
            created_at, updated_at)
         VALUES (:id, :title, :quarter, :opened_on, :audience, :team, :now, :now)",
    )?
    .execute(named_params! {
        ":id": id, ":title": input.title, ":quarter": quarter,
        ":opened_on": input.opened_on.unwrap_or(now.date_naive()),
        ":audience": input.audience_size, ":team": input.team_id, ":now": now,
    })?;
    let mut insert = tx.prepare_cached(
        "INSERT INTO survey_questions (id, survey_id, position, prompt, kind, metric_id,
            scale_min, scale_max)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for (position, q) in input.questions.iter().enumerate() {
        insert.execute((
            Id::at(now),
            id,
            position as u32,
            &q.prompt,
            q.kind,
            q.metric_id,
            q.scale_min,
            q.scale_max,
        ))?;
    }
    get(tx, id)
}

/// Changes a survey's title, quarter, opening day, audience or team; its questions stay once
/// it has responses.
pub fn update(
    tx: &Transaction<'_>,
    id: Id,
    input: &SurveyInput,
    now: DateTime<Utc>,
) -> Result<Survey> {
    let before = get(tx, id)?;
    let (input, quarter) = input.validated(tx)?;
    tx.prepare_cached(
        "UPDATE surveys SET title = ?2, quarter = ?3, opened_on = ?4, audience_size = ?5,
            team_id = ?6, updated_at = ?7 WHERE id = ?1",
    )?
    .execute((
        id,
        &input.title,
        &quarter,
        input.opened_on.unwrap_or(before.opened_on),
        input.audience_size,
        input.team_id,
        now,
    ))?;
    get(tx, id)
}

/// One answer to one question: a score or a comment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AnswerInput {
    pub question_id: Id,
    #[serde(default)]
    pub value: Option<i64>,
    #[serde(default)]
    pub text: Option<String>,
}

/// A response typed in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ResponseInput {
    pub survey_id: Id,
    /// The customer team the respondent belongs to, when known.
    #[serde(default)]
    pub customer_id: Option<Id>,
    #[serde(default)]
    pub team_label: String,
    #[serde(default)]
    pub respondent: String,
    #[serde(default)]
    pub responded_on: Option<NaiveDate>,
    pub answers: Vec<AnswerInput>,
}

/// A response ready to store: checked against its survey's questions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Checked {
    pub customer_id: Option<Id>,
    pub team_label: String,
    pub respondent: String,
    pub responded_on: Option<NaiveDate>,
    pub answers: Vec<CheckedAnswer>,
}

/// A checked answer: its question, and its score or its text.
pub(crate) type CheckedAnswer = (Id, Option<i64>, Option<String>);

/// Why `value` is not an answer to `question`, if it is not.
pub(crate) fn score_problem(question: &Question, value: i64) -> Option<String> {
    let (min, max) = (question.scale_min?, question.scale_max?);
    (!(min..=max).contains(&value)).then(|| {
        format!(
            "{value} is outside the scale of “{}” ({min} to {max})",
            question.prompt
        )
    })
}

fn check_answers(questions: &[Question], answers: &[AnswerInput]) -> Result<Vec<CheckedAnswer>> {
    let mut seen = HashSet::new();
    let mut checked = Vec::with_capacity(answers.len());
    for answer in answers {
        let Some(question) = questions.iter().find(|q| q.id == answer.question_id) else {
            return Err(Error::validation(
                "answers",
                format!(
                    "Question {} is not one of this survey's.",
                    answer.question_id
                ),
            ));
        };
        if !seen.insert(question.id) {
            return Err(Error::validation(
                "answers",
                format!("“{}” is answered twice.", question.prompt),
            ));
        }
        match (
            question.kind,
            answer.value,
            answer.text.as_deref().map(str::trim),
        ) {
            (QuestionKind::Score, Some(value), None) => {
                if let Some(problem) = score_problem(question, value) {
                    return Err(Error::validation("answers", format!("{problem}.")));
                }
                checked.push((question.id, Some(value), None));
            }
            (QuestionKind::Comment, None, Some(text)) => {
                if text.is_empty() {
                    continue;
                }
                if text.chars().count() > COMMENT_MAX {
                    return Err(Error::validation(
                        "answers",
                        format!("A comment is at most {COMMENT_MAX} characters long."),
                    ));
                }
                checked.push((question.id, None, Some(text.to_owned())));
            }
            (QuestionKind::Score, _, _) => {
                return Err(Error::validation(
                    "answers",
                    format!("“{}” is answered with a score.", question.prompt),
                ));
            }
            (QuestionKind::Comment, _, _) => {
                return Err(Error::validation(
                    "answers",
                    format!("“{}” is answered with text.", question.prompt),
                ));
            }
        }
    }
    if checked.is_empty() {
        return Err(Error::validation(
            "answers",
            "A response answers at least one question.",
        ));
    }
    Ok(checked)
}

/// The live customer team named `label` (any case), if one is.
pub fn customer_named(conn: &Connection, label: &str) -> Result<Option<Id>> {
    let label = label.trim();
    if label.is_empty() {
        return Ok(None);
    }
    Ok(conn
        .prepare_cached(
            "SELECT id FROM customers WHERE name = ?1 COLLATE NOCASE AND deleted_at IS NULL",
        )?
        .query_row([label], |r| r.get(0))
        .optional()?)
}

/// Stores one checked response; answers feed the tallies through the schema's triggers.
pub(crate) fn insert_response(
    tx: &Transaction<'_>,
    survey: Id,
    response: &Checked,
    source: ResponseSource,
    now: DateTime<Utc>,
) -> Result<Id> {
    let id = Id::at(now);
    tx.prepare_cached(
        "INSERT INTO survey_responses (id, survey_id, customer_id, team_label, respondent,
            responded_on, source, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
    )?
    .execute((
        id,
        survey,
        response.customer_id,
        &response.team_label,
        &response.respondent,
        response.responded_on,
        source,
        now,
    ))?;
    let mut answer = tx.prepare_cached(
        "INSERT INTO survey_answers (response_id, question_id, value, text)
         VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (question, value, text) in &response.answers {
        answer.execute((id, question, value, text))?;
    }
    Ok(id)
}

/// Stores a response typed in. A team label that names a customer team is matched to it.
pub fn add_response(tx: &Transaction<'_>, input: &ResponseInput, now: DateTime<Utc>) -> Result<Id> {
    let survey = get(tx, input.survey_id).map_err(|_| {
        Error::validation(
            "surveyId",
            format!("There is no survey with id {}.", input.survey_id),
        )
    })?;
    let answers = check_answers(&survey.questions, &input.answers)?;
    let team_label = text::optional_name("teamLabel", "The team", &input.team_label)?;
    let customer_id = match input.customer_id {
        Some(customer) => {
            require_live(tx, EntityKind::Customer, customer, "customerId")?;
            Some(customer)
        }
        None => customer_named(tx, &team_label)?,
    };
    let checked = Checked {
        customer_id,
        team_label,
        respondent: text::optional_name("respondent", "The respondent", &input.respondent)?,
        responded_on: input.responded_on,
        answers,
    };
    insert_response(tx, survey.id, &checked, ResponseSource::Typed, now)
}

/// A team label of a survey's responses that matched no customer team, and how many carry it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, rename = "UnmatchedTeam")]
pub struct Unmatched {
    pub team_label: String,
    pub responses: u32,
}

/// The labels of a survey's responses that matched no customer team, most common first.
pub fn unmatched(conn: &Connection, survey: Id) -> Result<Vec<Unmatched>> {
    Ok(conn
        .prepare_cached(
            "SELECT team_label, count(*) FROM survey_responses
             WHERE survey_id = ?1 AND customer_id IS NULL AND deleted_at IS NULL
             GROUP BY team_label ORDER BY count(*) DESC, team_label",
        )?
        .query_map([survey], |r| {
            Ok(Unmatched {
                team_label: r.get(0)?,
                responses: r.get(1)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?)
}

/// Matches every unmatched response of `survey` labelled `team_label` to `customer`. Returns
/// how many were matched.
pub fn assign_customer(
    tx: &Transaction<'_>,
    survey: Id,
    team_label: &str,
    customer: Id,
    now: DateTime<Utc>,
) -> Result<u32> {
    get(tx, survey)?;
    require_live(tx, EntityKind::Customer, customer, "customerId")?;
    let n = tx
        .prepare_cached(
            "UPDATE survey_responses SET customer_id = ?3, updated_at = ?4
             WHERE survey_id = ?1 AND team_label = ?2 AND customer_id IS NULL
               AND deleted_at IS NULL",
        )?
        .execute((survey, team_label, customer, now))?;
    Ok(n as u32)
}

/// A comment given in a survey, with what is needed to show and quote it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, rename = "SurveyComment")]
pub struct Comment {
    pub response_id: Id,
    pub question_id: Id,
    pub prompt: String,
    pub text: String,
    pub customer_id: Option<Id>,
    pub team_label: String,
}

/// A survey's comments, at most `limit` from `offset`, in response order.
pub fn comments(conn: &Connection, survey: Id, offset: u32, limit: u32) -> Result<Vec<Comment>> {
    Ok(conn
        .prepare_cached(
            "SELECT a.response_id, a.question_id, q.prompt, a.text, r.customer_id, r.team_label
             FROM survey_responses r
             JOIN survey_answers a ON a.response_id = r.id
             JOIN survey_questions q ON q.id = a.question_id
             WHERE r.survey_id = ?1 AND r.deleted_at IS NULL AND a.text IS NOT NULL
             ORDER BY r.id, q.position LIMIT ?2 OFFSET ?3",
        )?
        .query_map((survey, limit.min(200), offset), |r| {
            Ok(Comment {
                response_id: r.get(0)?,
                question_id: r.get(1)?,
                prompt: r.get(2)?,
                text: r.get(3)?,
                customer_id: r.get(4)?,
                team_label: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?)
}

/// Keeps a survey comment (or the part `quote` of it) as evidence for a pain point, and
/// reweighs the pain point.
pub fn quote_comment(
    tx: &Transaction<'_>,
    response: Id,
    question: Id,
    pain_point: Id,
    quote: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Id> {
    let text: Option<String> = tx
        .prepare_cached(
            "SELECT a.text FROM survey_answers a
             JOIN survey_responses r ON r.id = a.response_id
             JOIN surveys s ON s.id = r.survey_id
             WHERE a.response_id = ?1 AND a.question_id = ?2 AND a.text IS NOT NULL
               AND r.deleted_at IS NULL AND s.deleted_at IS NULL",
        )?
        .query_row((response, question), |r| r.get(0))
        .optional()?;
    let Some(text) = text else {
        return Err(Error::validation(
            "responseId",
            "There is no such comment, or its survey is in the Trash.",
        ));
    };
    require_live(tx, EntityKind::PainPoint, pain_point, "painPointId")?;
    let quote = match quote.map(str::trim) {
        Some(q) if !q.is_empty() => {
            if !text.contains(q) {
                return Err(Error::validation(
                    "quote",
                    "The quote is not part of the comment.",
                ));
            }
            q.to_owned()
        }
        _ => text,
    };
    let id = Id::at(now);
    tx.prepare_cached(
        "INSERT INTO survey_comment_evidence (id, response_id, question_id, pain_point_id,
            quote, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute((id, response, question, pain_point, quote, now))?;
    crate::pain_points::weight::refresh(tx, pain_point)?;
    Ok(id)
}

/// The survey comments that match `query` (FTS5 syntax as typed words), at most `limit`.
pub fn search_comments(conn: &Connection, query: &str, limit: u32) -> Result<Vec<Comment>> {
    let fts = crate::search::to_fts_query(query)?;
    Ok(conn
        .prepare_cached(
            "WITH hits AS (SELECT rowid FROM survey_comments_fts
                           WHERE survey_comments_fts MATCH ?1 ORDER BY rank LIMIT ?2)
             SELECT a.response_id, a.question_id, q.prompt, a.text, r.customer_id, r.team_label
             FROM hits
             JOIN survey_answers a ON a.rowid = hits.rowid
             JOIN survey_questions q ON q.id = a.question_id
             JOIN survey_responses r ON r.id = a.response_id
             JOIN surveys s ON s.id = r.survey_id
             WHERE r.deleted_at IS NULL AND s.deleted_at IS NULL",
        )?
        .query_map((fts, limit.min(200)), |r| {
            Ok(Comment {
                response_id: r.get(0)?,
                question_id: r.get(1)?,
                prompt: r.get(2)?,
                text: r.get(3)?,
                customer_id: r.get(4)?,
                team_label: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?)
}
