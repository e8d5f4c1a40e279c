//! The summary of a workshop: who attended, what the room decided, the items it voted highest,
//! its ratings, and the time each step took against its timebox. Read in one go for the summary
//! page and the Markdown export, so both say the same.

use super::Outcome;
use crate::error::{Error, Result};
use crate::exercises::StepKind;
use crate::id::Id;
use crate::workshops;
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

/// How many of the most-voted items a summary lists.
pub const TOP_VOTED: u32 = 10;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct WorkshopSummary {
    pub workshop_id: Id,
    pub title: String,
    pub team_name: Option<String>,
    pub held_on: NaiveDate,
    pub facilitator_name: Option<String>,
    /// True once the workshop was finished; a running workshop's summary is what it has so far.
    pub finished: bool,
    /// The participants, by name.
    pub attendees: Vec<String>,
    /// Cards on the board, removed ones not counted.
    pub card_count: u32,
    pub outcomes: Vec<Outcome>,
    /// The items with votes, most votes first (at most [`TOP_VOTED`]).
    pub top_voted: Vec<VotedItem>,
    pub ratings: Vec<RatingResult>,
    pub steps: Vec<StepTime>,
}

/// A card or a group, with the votes it got.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct VotedItem {
    /// The card's text or the group's name.
    pub text: String,
    pub is_group: bool,
    pub votes: u32,
}

/// One rated dimension: its mean over everyone who rated it (or the room's consensus).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RatingResult {
    pub dimension: String,
    /// Mean score, 1–5, rounded to one decimal.
    pub mean: f64,
    /// How many ratings it is the mean of.
    pub ratings: u32,
}

/// A step of the workshop with its timebox and the time the room spent in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StepTime {
    pub position: u32,
    pub title: String,
    pub kind: StepKind,
    pub planned_seconds: u32,
    /// Every visit to the step summed, as the workshop counts it.
    pub spent_seconds: u32,
}

/// The summary of a workshop that has started (running or finished), as of `now`.
pub fn summary(conn: &Connection, workshop: Id, now: DateTime<Utc>) -> Result<WorkshopSummary> {
    type Head = (String, Option<String>, NaiveDate, Option<String>, String);
    let head: Option<Head> = conn
        .prepare_cached(
            "SELECT w.title, t.name, w.held_on, f.name, w.state
             FROM workshops w
             LEFT JOIN teams t ON t.id = w.team_id
             LEFT JOIN people f ON f.id = w.facilitator_id
             WHERE w.id = ?1 AND w.deleted_at IS NULL",
        )?
        .query_row([workshop], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .optional()?;
    let Some((title, team_name, held_on, facilitator_name, state)) = head else {
        return Err(Error::NotFound {
            entity: "workshop",
            id: workshop.to_string(),
        });
    };
    if state == "planned" {
        return Err(Error::validation(
            "workshopId",
            "This workshop has not started yet: its summary is written as it runs.",
        ));
    }
    Ok(WorkshopSummary {
        workshop_id: workshop,
        title,
        team_name,
        held_on,
        facilitator_name,
        finished: state == "finished",
        attendees: attendees(conn, workshop)?,
        card_count: conn
            .prepare_cached(
                "SELECT count(*) FROM workshop_cards WHERE workshop_id = ?1 AND deleted_at IS NULL",
            )?
            .query_row([workshop], |r| r.get(0))?,
        outcomes: super::list(conn, workshop)?,
        top_voted: top_voted(conn, workshop)?,
        ratings: ratings(conn, workshop)?,
        steps: steps(conn, workshop, now)?,
    })
}

fn attendees(conn: &Connection, workshop: Id) -> Result<Vec<String>> {
    let names = conn
        .prepare_cached(
            "SELECT p.name FROM workshop_participants wp JOIN people p ON p.id = wp.person_id
             WHERE wp.workshop_id = ?1 ORDER BY p.name COLLATE NOCASE",
        )?
        .query_map([workshop], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(names)
}

fn top_voted(conn: &Connection, workshop: Id) -> Result<Vec<VotedItem>> {
    let items = conn
        .prepare_cached(&format!(
            "SELECT coalesce(c.text, g.name), v.group_id IS NOT NULL, sum(v.count) AS votes
             FROM all_workshop_votes v
             LEFT JOIN workshop_cards c ON c.id = v.card_id AND c.deleted_at IS NULL
             LEFT JOIN workshop_groups g ON g.id = v.group_id
             WHERE v.workshop_id = ?1 AND coalesce(c.text, g.name) IS NOT NULL
             GROUP BY v.card_id, v.group_id
             HAVING votes > 0
             ORDER BY votes DESC, coalesce(c.created_at, g.created_at), 1
             LIMIT {TOP_VOTED}"
        ))?
        .query_map([workshop], |r| {
            Ok(VotedItem {
                text: r.get(0)?,
                is_group: r.get(1)?,
                votes: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(items)
}

fn ratings(conn: &Connection, workshop: Id) -> Result<Vec<RatingResult>> {
    Ok(workshops::ratings::workshop_means(conn, workshop)?
        .into_iter()
        .map(|(dimension, mean, ratings)| RatingResult {
            dimension,
            mean: (mean * 10.0).round() / 10.0,
            ratings,
        })
        .collect())
}

/// Each step's timebox and the time spent in it, as the workshop itself counts it.
fn steps(conn: &Connection, workshop: Id, now: DateTime<Utc>) -> Result<Vec<StepTime>> {
    Ok(workshops::get(conn, workshop, now)?
        .steps
        .into_iter()
        .map(|step| StepTime {
            position: step.position,
            title: step.title,
            kind: step.kind,
            planned_seconds: step.timebox_seconds,
            spent_seconds: step.spent_seconds,
        })
        .collect())
}
