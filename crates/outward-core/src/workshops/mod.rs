//! Workshops: one session of an exercise with a team, planned, run step by step and finished.
//!
//! Planning copies the exercise's steps into the workshop ([`plan`]), so editing the exercise
//! later changes no planned or past workshop. Running ([`run`]) moves the room through the
//! steps one at a time — only one workshop runs at a time — and records when each step was
//! entered and left, with a timer per step that survives the app stopping ([`timer`]). What the
//! room produces hangs on the workshop: [`cards`] written in silence and revealed together,
//! their [`groups`] (by hand or from a [`grouping`] suggestion), dot [`votes`] and [`ratings`].
//! [`board`] reads all of it at once, for the facilitator or, without what the room may not
//! see yet, for the room.
//!
//! A workshop is a record of the Trash: its cards follow it there and back; its groups, votes
//! and ratings are reached only through it.

pub mod board;
pub mod cards;
pub mod grouping;
pub mod groups;
pub mod plan;
pub mod ratings;
pub mod rota;
pub mod run;
pub mod timer;
pub mod votes;

pub use plan::{PlanInput, plan, update_plan};

use crate::error::{Error, Result};
use crate::exercises::StepKind;
use crate::id::Id;
use crate::page::{Page, PageRequest};
use crate::store::{Matching, live};
use crate::text;
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

text::vocabulary! {
    /// Where a workshop is in its life.
    WorkshopState, field = "state", label = "State" {
        Planned = "planned", "Planned";
        Running = "running", "Running";
        Finished = "finished", "Finished";
    }
}

/// A workshop as the facilitator sees it: the plan, where the room is, and every step with
/// its script, planned start, timer and time spent so far.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Workshop {
    pub id: Id,
    pub team_id: Id,
    /// The exercise it runs: a built-in's slug or a copy's id.
    pub exercise_id: String,
    /// The exercise's name when the workshop was planned.
    pub title: String,
    pub held_on: NaiveDate,
    /// The planned start time of day, "HH:MM".
    pub starts_at: String,
    /// `None` only if that person was destroyed when the Trash was emptied.
    pub facilitator_id: Option<Id>,
    pub participant_ids: Vec<Id>,
    pub state: WorkshopState,
    /// The step the room is on, while running (0-based).
    pub current_step: Option<u32>,
    pub started_at: Option<DateTime<Utc>>,
    pub finished_at: Option<DateTime<Utc>>,
    pub steps: Vec<WorkshopStep>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// One step of a workshop, copied from its exercise when it was planned.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct WorkshopStep {
    pub position: u32,
    pub title: String,
    pub kind: StepKind,
    pub timebox_seconds: u32,
    pub prompt: String,
    /// What the facilitator says; never in the room's reads.
    pub script: String,
    pub dimensions: Vec<String>,
    pub votes_per_person: u32,
    pub max_votes_per_item: u32,
    /// When the step is planned to start, from the workshop's start time ("HH:MM").
    pub planned_start: String,
    pub timer: timer::Timer,
    /// Time spent in the step so far, over every visit, in seconds.
    pub spent_seconds: u32,
}

/// A workshop in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct WorkshopListItem {
    pub id: Id,
    pub team_id: Id,
    pub exercise_id: String,
    pub title: String,
    pub held_on: NaiveDate,
    pub starts_at: String,
    pub state: WorkshopState,
    pub facilitator_id: Option<Id>,
    pub facilitator_name: Option<String>,
    pub participant_count: u32,
    pub card_count: u32,
}

/// Which workshops to list: every filter that is set must hold.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct WorkshopFilter {
    #[serde(default)]
    pub team_id: Option<Id>,
    #[serde(default)]
    pub facilitator_id: Option<Id>,
    #[serde(default)]
    pub state: Option<WorkshopState>,
}

const COLUMNS: &str = "id, team_id, exercise_key, title, held_on, starts_at, facilitator_id, \
     state, current_step, started_at, finished_at, created_at, updated_at";

/// One workshop not in the Trash, with its steps as of `now` (a running timer counts down).
pub fn get(conn: &Connection, id: Id, now: DateTime<Utc>) -> Result<Workshop> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM workshops WHERE id = ?1 AND deleted_at IS NULL"
    ))?;
    let mut workshop = live(stmt.query_row([id], from_row), "workshop", id)?;
    workshop.participant_ids = participant_ids(conn, id)?;
    workshop.steps = steps(conn, id, &workshop.starts_at, now)?;
    Ok(workshop)
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<Workshop> {
    Ok(Workshop {
        id: row.get(0)?,
        team_id: row.get(1)?,
        exercise_id: row.get(2)?,
        title: row.get(3)?,
        held_on: row.get(4)?,
        starts_at: row.get(5)?,
        facilitator_id: row.get(6)?,
        participant_ids: Vec::new(),
        state: row.get(7)?,
        current_step: row.get(8)?,
        started_at: row.get(9)?,
        finished_at: row.get(10)?,
        steps: Vec::new(),
        created_at: row.get(11)?,
        updated_at: row.get(12)?,
    })
}

pub(crate) fn participant_ids(conn: &Connection, id: Id) -> Result<Vec<Id>> {
    let ids = conn
        .prepare_cached(
            "SELECT wp.person_id FROM workshop_participants wp
             JOIN people p ON p.id = wp.person_id
             WHERE wp.workshop_id = ?1 ORDER BY p.name COLLATE NOCASE, p.id",
        )?
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ids)
}

fn steps(
    conn: &Connection,
    id: Id,
    starts_at: &str,
    now: DateTime<Utc>,
) -> Result<Vec<WorkshopStep>> {
    let spent = run::spent_seconds(conn, id, now)?;
    let mut start = parse_start(starts_at)?;
    let mut stmt = conn.prepare_cached(
        "SELECT position, title, kind, timebox_seconds, prompt, script, dimensions,
                votes_per_person, max_votes_per_item, timer_remaining_ms, timer_running_since
         FROM workshop_steps WHERE workshop_id = ?1 ORDER BY position",
    )?;
    let rows = stmt.query_map([id], |r| {
        let dimensions: String = r.get(6)?;
        Ok(WorkshopStep {
            position: r.get(0)?,
            title: r.get(1)?,
            kind: r.get(2)?,
            timebox_seconds: r.get(3)?,
            prompt: r.get(4)?,
            script: r.get(5)?,
            dimensions: serde_json::from_str(&dimensions).unwrap_or_default(),
            votes_per_person: r.get::<_, Option<u32>>(7)?.unwrap_or(0),
            max_votes_per_item: r.get::<_, Option<u32>>(8)?.unwrap_or(0),
            planned_start: String::new(),
            timer: timer::Timer::read(r.get(9)?, r.get(10)?, r.get(3)?, now),
            spent_seconds: 0,
        })
    })?;
    let mut steps = Vec::new();
    for step in rows {
        let mut step = step?;
        step.planned_start = start.format("%H:%M").to_string();
        start += chrono::Duration::seconds(i64::from(step.timebox_seconds));
        step.spent_seconds = spent.get(step.position as usize).copied().unwrap_or(0);
        steps.push(step);
    }
    Ok(steps)
}

/// A start time of day, "HH:MM" (24-hour clock).
pub(crate) fn parse_start(value: &str) -> Result<NaiveTime> {
    let value = value.trim();
    NaiveTime::parse_from_str(value, "%H:%M")
        .ok()
        .filter(|_| value.len() == 5)
        .ok_or_else(|| {
            Error::validation(
                "startsAt",
                format!("“{value}” is not a time of day; write it as HH:MM, such as 09:30."),
            )
        })
}

/// Workshops not in the Trash, most recent first, one page at a time.
pub fn list(
    conn: &Connection,
    filter: &WorkshopFilter,
    page: PageRequest,
) -> Result<Page<WorkshopListItem>> {
    let mut matching = Matching::new("FROM workshops w WHERE w.deleted_at IS NULL");
    matching.and(&filter.team_id, ":team", "w.team_id = :team");
    matching.and(
        &filter.facilitator_id,
        ":facilitator",
        "w.facilitator_id = :facilitator",
    );
    matching.and(&filter.state, ":state", "w.state = :state");
    let total: u32 = conn
        .prepare_cached(&format!("SELECT count(*) {}", matching.sql))?
        .query_row(matching.params.as_slice(), |r| r.get(0))?;
    let limit = page.limit();
    let mut params = matching.params.clone();
    params.push((":limit", &limit));
    params.push((":offset", &page.offset));
    let items = items(
        conn,
        &format!(
            "{} ORDER BY w.held_on DESC, w.id DESC LIMIT :limit OFFSET :offset",
            matching.sql
        ),
        &params,
    )?;
    Ok(Page {
        items,
        total,
        offset: page.offset,
        limit,
    })
}

/// The workshop a team has next: the one running now, or else the earliest planned for
/// `today` or later.
pub fn next(conn: &Connection, today: NaiveDate) -> Result<Option<WorkshopListItem>> {
    let found = items(
        conn,
        "FROM workshops w WHERE w.deleted_at IS NULL
           AND (w.state = 'running' OR (w.state = 'planned' AND w.held_on >= :today))
         ORDER BY w.state = 'running' DESC, w.held_on, w.starts_at, w.id LIMIT 1",
        &[(":today", &today)],
    )?;
    Ok(found.into_iter().next())
}

/// The list items of the workshops `from` selects (a FROM clause over `workshops w`, with its
/// order and limit).
fn items(
    conn: &Connection,
    from: &str,
    params: &[(&str, &dyn rusqlite::ToSql)],
) -> Result<Vec<WorkshopListItem>> {
    let sql = format!(
        "SELECT w.id, w.team_id, w.exercise_key, w.title, w.held_on, w.starts_at, w.state,
                w.facilitator_id,
                (SELECT name FROM people p WHERE p.id = w.facilitator_id),
                (SELECT count(*) FROM workshop_participants wp WHERE wp.workshop_id = w.id),
                (SELECT count(*) FROM workshop_cards c
                 WHERE c.workshop_id = w.id AND c.deleted_at IS NULL)
         {from}"
    );
    let items = conn
        .prepare_cached(&sql)?
        .query_map(params, |r| {
            Ok(WorkshopListItem {
                id: r.get(0)?,
                team_id: r.get(1)?,
                exercise_id: r.get(2)?,
                title: r.get(3)?,
                held_on: r.get(4)?,
                starts_at: r.get(5)?,
                state: r.get(6)?,
                facilitator_id: r.get(7)?,
                facilitator_name: r.get(8)?,
                participant_count: r.get(9)?,
                card_count: r.get(10)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(items)
}

/// The workshop that is running now, if any.
pub fn running(conn: &Connection) -> Result<Option<Id>> {
    Ok(conn
        .prepare_cached("SELECT id FROM workshops WHERE state = 'running' AND deleted_at IS NULL")?
        .query_row([], |r| r.get(0))
        .optional()?)
}

/// The state of a live workshop, and where the room is; not found if it is in the Trash.
pub(crate) struct Position {
    pub state: WorkshopState,
    pub current_step: Option<u32>,
    pub furthest_step: Option<u32>,
    pub step_count: u32,
}

pub(crate) fn position(conn: &Connection, id: Id) -> Result<Position> {
    let mut stmt = conn.prepare_cached(
        "SELECT state, current_step, furthest_step,
                (SELECT count(*) FROM workshop_steps s WHERE s.workshop_id = w.id)
         FROM workshops w WHERE id = ?1 AND deleted_at IS NULL",
    )?;
    live(
        stmt.query_row([id], |r| {
            Ok(Position {
                state: r.get(0)?,
                current_step: r.get(1)?,
                furthest_step: r.get(2)?,
                step_count: r.get(3)?,
            })
        }),
        "workshop",
        id,
    )
}

/// The workshop's position, refused with a clear message unless it is running: every action
/// of the room needs a running workshop.
pub(crate) fn require_running(conn: &Connection, id: Id) -> Result<Position> {
    let position = position(conn, id)?;
    match position.state {
        WorkshopState::Running => Ok(position),
        WorkshopState::Planned => Err(Error::conflict(
            None,
            "This workshop has not started yet; start it first.",
        )),
        WorkshopState::Finished => Err(finished()),
    }
}

pub(crate) fn finished() -> Error {
    Error::conflict(
        None,
        "This workshop is finished; what it produced is kept as it was and can no longer change.",
    )
}

/// The kind of the step at `position` of workshop `id`.
pub(crate) fn step_kind(conn: &Connection, id: Id, position: u32) -> Result<StepKind> {
    Ok(conn
        .prepare_cached("SELECT kind FROM workshop_steps WHERE workshop_id = ?1 AND position = ?2")?
        .query_row((id, position), |r| r.get(0))?)
}

/// Notes that the app was running workshop `id` at `now`.
pub(crate) fn seen(tx: &rusqlite::Transaction<'_>, id: Id, now: DateTime<Utc>) -> Result<()> {
    tx.prepare_cached("UPDATE workshops SET seen_at = ?2 WHERE id = ?1")?
        .execute((id, now))?;
    Ok(())
}

/// Notes that `now` the app is still running workshop `id`: facilitation mode calls this
/// regularly, so a timer left running when the app stops comes back paused at what remained
/// then (see [`timer::pause_after_restart`]). Announces nothing.
pub fn keep_alive(tx: &rusqlite::Transaction<'_>, id: Id, now: DateTime<Utc>) -> Result<()> {
    require_running(tx, id)?;
    seen(tx, id, now)
}
