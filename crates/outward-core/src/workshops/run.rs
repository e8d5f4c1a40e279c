//! Running a workshop: planned → running → finished, one step at a time. Only one workshop
//! runs at a time. Each time the room enters a step and leaves it is recorded, so a summary can
//! set the time spent per step against the plan.

use super::{WorkshopState, position, require_running, seen, timer};
use crate::entity::EntityKind;
use crate::error::{Error, Result};
use crate::id::Id;
use crate::store::require_live;
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension, Transaction};

/// Starts planned workshop `id` at its first step. Refused while another workshop runs (naming
/// it), for a workshop already started, and while its facilitator or a participant is in the
/// Trash.
pub fn start(tx: &Transaction<'_>, id: Id, now: DateTime<Utc>) -> Result<()> {
    let position = position(tx, id)?;
    match position.state {
        WorkshopState::Planned => {}
        WorkshopState::Running => {
            return Err(Error::conflict(None, "This workshop is already running."));
        }
        WorkshopState::Finished => return Err(super::finished()),
    }
    if let Some((title, team, held_on)) = other_running(tx, id)? {
        return Err(Error::conflict(
            None,
            format!(
                "“{title}” with {team} (planned for {held_on}) is running; finish it before \
                 starting another workshop."
            ),
        ));
    }
    if let Some(facilitator) = tx
        .prepare_cached("SELECT facilitator_id FROM workshops WHERE id = ?1")?
        .query_row([id], |r| r.get::<_, Option<Id>>(0))?
    {
        require_live(tx, EntityKind::Person, facilitator, "facilitatorId")?;
    }
    for person in super::participant_ids(tx, id)? {
        require_live(tx, EntityKind::Person, person, "participantIds")?;
    }
    tx.prepare_cached(
        "UPDATE workshops SET state = 'running', current_step = 0, furthest_step = 0,
             started_at = ?2, updated_at = ?2
         WHERE id = ?1",
    )?
    .execute((id, now))?;
    enter(tx, id, 0, now)?;
    seen(tx, id, now)
}

/// The running workshop other than `id`: its title, team and date.
fn other_running(tx: &Transaction<'_>, id: Id) -> Result<Option<(String, String, NaiveDate)>> {
    Ok(tx
        .prepare_cached(
            "SELECT w.title, t.name, w.held_on FROM workshops w JOIN teams t ON t.id = w.team_id
             WHERE w.state = 'running' AND w.deleted_at IS NULL AND w.id <> ?1",
        )?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?)
}

/// Moves the room of running workshop `id` to step `step`. The step left keeps its timer,
/// paused at what remained.
pub fn go_to(tx: &Transaction<'_>, id: Id, step: u32, now: DateTime<Utc>) -> Result<()> {
    let position = require_running(tx, id)?;
    if step >= position.step_count {
        return Err(Error::validation(
            "step",
            format!(
                "This workshop has {} steps; there is no step {}.",
                position.step_count,
                step + 1
            ),
        ));
    }
    let current = position.current_step.unwrap_or(0);
    if step == current {
        return Ok(());
    }
    leave(tx, id, current, now)?;
    timer::pause_step(tx, id, current, now)?;
    let furthest = position.furthest_step.unwrap_or(0).max(step);
    tx.prepare_cached(
        "UPDATE workshops SET current_step = ?2, furthest_step = ?3, updated_at = ?4
         WHERE id = ?1",
    )?
    .execute((id, step, furthest, now))?;
    enter(tx, id, step, now)?;
    seen(tx, id, now)
}

/// Moves to the next step; refused on the last one (finish the workshop instead).
pub fn next(tx: &Transaction<'_>, id: Id, now: DateTime<Utc>) -> Result<()> {
    let position = require_running(tx, id)?;
    let current = position.current_step.unwrap_or(0);
    if current + 1 >= position.step_count {
        return Err(Error::conflict(
            None,
            "This is the last step; finish the workshop to close it.",
        ));
    }
    go_to(tx, id, current + 1, now)
}

/// Moves back to the previous step; refused on the first one.
pub fn previous(tx: &Transaction<'_>, id: Id, now: DateTime<Utc>) -> Result<()> {
    let position = require_running(tx, id)?;
    let current = position.current_step.unwrap_or(0);
    if current == 0 {
        return Err(Error::conflict(
            None,
            "This is the first step; there is none before it.",
        ));
    }
    go_to(tx, id, current - 1, now)
}

/// Finishes running workshop `id`: its step is left, its timer paused, its room closed (its
/// token stops working), and everything it produced is kept as it is.
pub fn finish(tx: &Transaction<'_>, id: Id, now: DateTime<Utc>) -> Result<()> {
    let position = require_running(tx, id)?;
    let current = position.current_step.unwrap_or(0);
    leave(tx, id, current, now)?;
    timer::pause_step(tx, id, current, now)?;
    tx.prepare_cached(
        "UPDATE workshops SET state = 'finished', finished_at = ?2, updated_at = ?2,
             furthest_step = ?3
         WHERE id = ?1",
    )?
    .execute((id, now, position.step_count.saturating_sub(1)))?;
    crate::room::close(tx, id)?;
    seen(tx, id, now)
}

fn enter(tx: &Transaction<'_>, id: Id, step: u32, now: DateTime<Utc>) -> Result<()> {
    tx.prepare_cached(
        "INSERT OR IGNORE INTO workshop_step_visits (workshop_id, position, entered_at)
         VALUES (?1, ?2, ?3)",
    )?
    .execute((id, step, now))?;
    Ok(())
}

fn leave(tx: &Transaction<'_>, id: Id, step: u32, now: DateTime<Utc>) -> Result<()> {
    tx.prepare_cached(
        "UPDATE workshop_step_visits SET left_at = max(entered_at, ?3)
         WHERE workshop_id = ?1 AND position = ?2 AND left_at IS NULL",
    )?
    .execute((id, step, now))?;
    Ok(())
}

/// After the app stopped: the open visit ends at `last_seen` and the room re-enters its step
/// `now`.
pub(crate) fn interrupt_visit(
    tx: &Transaction<'_>,
    id: Id,
    last_seen: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<()> {
    let Some(step) = tx
        .prepare_cached("SELECT current_step FROM workshops WHERE id = ?1")?
        .query_row([id], |r| r.get::<_, Option<u32>>(0))?
    else {
        return Ok(());
    };
    leave(tx, id, step, last_seen)?;
    enter(tx, id, step, now)
}

/// Seconds spent in each step (indexed by position) over every visit; an open visit counts up
/// to `now`.
pub(crate) fn spent_seconds(conn: &Connection, id: Id, now: DateTime<Utc>) -> Result<Vec<u32>> {
    let mut spent: Vec<u32> = Vec::new();
    let mut stmt = conn.prepare_cached(
        "SELECT position, entered_at, left_at FROM workshop_step_visits WHERE workshop_id = ?1",
    )?;
    let visits = stmt.query_map([id], |r| {
        Ok((
            r.get::<_, u32>(0)?,
            r.get::<_, DateTime<Utc>>(1)?,
            r.get::<_, Option<DateTime<Utc>>>(2)?,
        ))
    })?;
    for visit in visits {
        let (position, entered, left) = visit?;
        let seconds = (left.unwrap_or(now) - entered).num_seconds().max(0);
        let index = position as usize;
        if spent.len() <= index {
            spent.resize(index + 1, 0);
        }
        spent[index] = spent[index].saturating_add(u32::try_from(seconds).unwrap_or(u32::MAX));
    }
    Ok(spent)
}
