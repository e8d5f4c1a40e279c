//! Planning a workshop: the exercise, team, date, start time, facilitator and participants. The
//! exercise's steps are copied in, so later edits to the exercise change no planned workshop.

use super::{WorkshopState, get, parse_start, position};
use crate::entity::EntityKind;
use crate::error::{Error, Result};
use crate::exercises::{self, Exercise};
use crate::id::Id;
use crate::store::require_live;
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, Transaction, named_params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Most participants in one workshop.
pub const PARTICIPANTS_MAX: usize = 50;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PlanInput {
    /// A built-in exercise's slug or a copy's id.
    pub exercise_id: String,
    pub team_id: Id,
    pub held_on: NaiveDate,
    /// The start time of day, "HH:MM", from which the agenda is laid out.
    pub starts_at: String,
    /// A person on the team.
    pub facilitator_id: Id,
    /// People in the room, of any team.
    #[serde(default)]
    pub participant_ids: Vec<Id>,
}

/// A plan that passed every check, with the exercise it copies.
struct Checked {
    input: PlanInput,
    exercise: Exercise,
}

fn checked(conn: &Connection, input: &PlanInput) -> Result<Checked> {
    let exercise = exercises::get(conn, input.exercise_id.trim()).map_err(|e| match e {
        Error::NotFound { .. } => Error::validation(
            "exerciseId",
            format!("There is no exercise “{}”.", input.exercise_id.trim()),
        ),
        other => other,
    })?;
    let starts_at = parse_start(&input.starts_at)?.format("%H:%M").to_string();
    let team = require_live(conn, EntityKind::Team, input.team_id, "teamId")?;
    let facilitator = require_live(
        conn,
        EntityKind::Person,
        input.facilitator_id,
        "facilitatorId",
    )?;
    let facilitator_team: Id = conn
        .prepare_cached("SELECT team_id FROM people WHERE id = ?1")?
        .query_row([input.facilitator_id], |r| r.get(0))?;
    if facilitator_team != input.team_id {
        return Err(Error::validation(
            "facilitatorId",
            format!(
                "{facilitator} is not on the team {team}; the facilitator is someone from the team."
            ),
        ));
    }
    let mut participants = Vec::with_capacity(input.participant_ids.len());
    for person in &input.participant_ids {
        require_live(conn, EntityKind::Person, *person, "participantIds")?;
        if !participants.contains(person) {
            participants.push(*person);
        }
    }
    if participants.len() > PARTICIPANTS_MAX {
        return Err(Error::validation(
            "participantIds",
            format!(
                "A workshop has at most {PARTICIPANTS_MAX} participants; this one has {}.",
                participants.len()
            ),
        ));
    }
    Ok(Checked {
        input: PlanInput {
            exercise_id: exercise.id.clone(),
            starts_at,
            participant_ids: participants,
            ..input.clone()
        },
        exercise,
    })
}

/// Plans a workshop: checks the plan, copies the exercise's steps and returns the workshop.
pub fn plan(
    tx: &Transaction<'_>,
    input: &PlanInput,
    now: DateTime<Utc>,
) -> Result<super::Workshop> {
    let Checked { input, exercise } = checked(tx, input)?;
    let id = Id::at(now);
    tx.prepare_cached(
        "INSERT INTO workshops (id, team_id, exercise_key, title, held_on, starts_at,
             facilitator_id, state, created_at, updated_at)
         VALUES (:id, :team, :exercise, :title, :held_on, :starts_at, :facilitator, 'planned',
             :now, :now)",
    )?
    .execute(named_params! {
        ":id": id, ":team": input.team_id, ":exercise": exercise.id, ":title": exercise.name,
        ":held_on": input.held_on, ":starts_at": input.starts_at,
        ":facilitator": input.facilitator_id, ":now": now,
    })?;
    write_participants_and_steps(tx, id, &input, &exercise)?;
    get(tx, id, now)
}

/// Changes a workshop that has not started: every field of the plan, and the steps copied
/// afresh from the exercise as it is now.
pub fn update_plan(
    tx: &Transaction<'_>,
    id: Id,
    input: &PlanInput,
    now: DateTime<Utc>,
) -> Result<super::Workshop> {
    match position(tx, id)?.state {
        WorkshopState::Planned => {}
        WorkshopState::Running => {
            return Err(Error::conflict(
                None,
                "This workshop is running; its plan can change only before it starts.",
            ));
        }
        WorkshopState::Finished => return Err(super::finished()),
    }
    let Checked { input, exercise } = checked(tx, input)?;
    tx.prepare_cached(
        "UPDATE workshops SET team_id = :team, exercise_key = :exercise, title = :title,
             held_on = :held_on, starts_at = :starts_at, facilitator_id = :facilitator,
             updated_at = :now
         WHERE id = :id",
    )?
    .execute(named_params! {
        ":id": id, ":team": input.team_id, ":exercise": exercise.id, ":title": exercise.name,
        ":held_on": input.held_on, ":starts_at": input.starts_at,
        ":facilitator": input.facilitator_id, ":now": now,
    })?;
    tx.prepare_cached("DELETE FROM workshop_participants WHERE workshop_id = ?1")?
        .execute([id])?;
    tx.prepare_cached("DELETE FROM workshop_steps WHERE workshop_id = ?1")?
        .execute([id])?;
    write_participants_and_steps(tx, id, &input, &exercise)?;
    get(tx, id, now)
}

fn write_participants_and_steps(
    tx: &Transaction<'_>,
    id: Id,
    input: &PlanInput,
    exercise: &Exercise,
) -> Result<()> {
    let mut participant = tx.prepare_cached(
        "INSERT INTO workshop_participants (workshop_id, person_id) VALUES (?1, ?2)",
    )?;
    for person in &input.participant_ids {
        participant.execute((id, person))?;
    }
    let mut step = tx.prepare_cached(
        "INSERT INTO workshop_steps (workshop_id, position, title, kind, timebox_seconds, prompt,
             script, dimensions, votes_per_person, max_votes_per_item, timer_remaining_ms)
         VALUES (:id, :position, :title, :kind, :timebox, :prompt, :script, :dimensions,
             :votes, :cap, :timebox * 1000)",
    )?;
    for (position, s) in exercise.steps.iter().enumerate() {
        let dimensions = serde_json::to_string(&s.dimensions).unwrap_or_else(|_| "[]".into());
        step.execute(named_params! {
            ":id": id, ":position": position as u32, ":title": s.title, ":kind": s.kind,
            ":timebox": s.timebox_seconds, ":prompt": s.prompt, ":script": s.script,
            ":dimensions": dimensions, ":votes": s.votes_per_person,
            ":cap": s.max_votes_per_item,
        })?;
    }
    Ok(())
}
