//! Each step's timer: start, pause, add a minute. A timer is stored as what remained when it was
//! last started or paused, and the instant it was started if it runs; what remains at any
//! moment is derived from those, so nothing has to tick in the store.
//!
//! **After the app stops.** The app notes the last moment it was running a workshop (every
//! write to it, and [`super::keep_alive`] from facilitation mode). When the app opens its
//! database again it calls [`pause_after_restart`]: a timer that was running comes back
//! *paused* at what remained at that last noted moment — never at what would remain had it
//! kept running while the app was closed, and never at its full timebox. The step the room was
//! on stays the current one; its visit is closed at that moment and a new one begins, so the
//! time the app was closed is not counted as time spent in the step.

use super::{require_running, seen};
use crate::error::{Error, Result};
use crate::id::Id;
use chrono::{DateTime, Utc};
use rusqlite::Transaction;
use serde::Serialize;
use ts_rs::TS;

/// A minute, as added by "add a minute".
pub const MINUTE_MS: u64 = 60_000;
/// The most a timer can hold: adding minutes stops here.
pub const REMAINING_MAX_MS: u64 = 24 * 60 * MINUTE_MS;

/// A step's timer as of the moment it was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Timer {
    /// What remains, in milliseconds, at the moment of the read (0 when time is up).
    #[ts(type = "number")]
    pub remaining_ms: u64,
    /// Whether it is counting down; a view counts down from `remainingMs` while it is.
    pub running: bool,
    /// The step's timebox, for the view's progress.
    #[ts(type = "number")]
    pub timebox_ms: u64,
    /// Time is up: nothing remains.
    pub up: bool,
}

impl Timer {
    /// The timer stored as `stored_ms` remaining, running since `since` if set, read at `now`.
    pub(crate) fn read(
        stored_ms: i64,
        since: Option<DateTime<Utc>>,
        timebox_seconds: u32,
        now: DateTime<Utc>,
    ) -> Timer {
        let remaining_ms = remaining_at(stored_ms, since, now);
        Timer {
            remaining_ms,
            running: since.is_some() && remaining_ms > 0,
            timebox_ms: u64::from(timebox_seconds) * 1000,
            up: remaining_ms == 0,
        }
    }
}

/// What remains at `now` of a timer stored as `stored_ms` remaining, running since `since`.
fn remaining_at(stored_ms: i64, since: Option<DateTime<Utc>>, now: DateTime<Utc>) -> u64 {
    let elapsed = since.map_or(0, |since| (now - since).num_milliseconds().max(0));
    u64::try_from(stored_ms.saturating_sub(elapsed)).unwrap_or(0)
}

/// The current step's stored timer of running workshop `id`.
fn current(tx: &Transaction<'_>, id: Id) -> Result<(u32, i64, Option<DateTime<Utc>>)> {
    let position = require_running(tx, id)?;
    let step = position.current_step.unwrap_or(0);
    let (stored, since) = tx
        .prepare_cached(
            "SELECT timer_remaining_ms, timer_running_since FROM workshop_steps
             WHERE workshop_id = ?1 AND position = ?2",
        )?
        .query_row((id, step), |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok((step, stored, since))
}

fn store(
    tx: &Transaction<'_>,
    id: Id,
    step: u32,
    remaining_ms: u64,
    since: Option<DateTime<Utc>>,
) -> Result<()> {
    tx.prepare_cached(
        "UPDATE workshop_steps SET timer_remaining_ms = ?3, timer_running_since = ?4
         WHERE workshop_id = ?1 AND position = ?2",
    )?
    .execute((id, step, remaining_ms as i64, since))?;
    Ok(())
}

/// Starts the current step's timer of running workshop `id`; a running timer keeps running.
pub fn start(tx: &Transaction<'_>, id: Id, now: DateTime<Utc>) -> Result<()> {
    let (step, stored, since) = current(tx, id)?;
    let remaining = remaining_at(stored, since, now);
    if remaining == 0 {
        return Err(Error::conflict(
            None,
            "Time is up for this step; add a minute to run the timer again.",
        ));
    }
    if since.is_none() {
        store(tx, id, step, remaining, Some(now))?;
    }
    seen(tx, id, now)
}

/// Pauses the current step's timer at what remains `now`.
pub fn pause(tx: &Transaction<'_>, id: Id, now: DateTime<Utc>) -> Result<()> {
    let (step, stored, since) = current(tx, id)?;
    store(tx, id, step, remaining_at(stored, since, now), None)?;
    seen(tx, id, now)
}

/// Adds a minute to the current step's timer, running or not (up to a day in all).
pub fn add_minute(tx: &Transaction<'_>, id: Id, now: DateTime<Utc>) -> Result<()> {
    let (step, stored, since) = current(tx, id)?;
    let remaining = (remaining_at(stored, since, now) + MINUTE_MS).min(REMAINING_MAX_MS);
    store(tx, id, step, remaining, since.map(|_| now))?;
    seen(tx, id, now)
}

/// Pauses the timer of a step left by the room, at what remains `now`.
pub(crate) fn pause_step(
    tx: &Transaction<'_>,
    id: Id,
    step: u32,
    now: DateTime<Utc>,
) -> Result<()> {
    let (stored, since): (i64, Option<DateTime<Utc>>) = tx
        .prepare_cached(
            "SELECT timer_remaining_ms, timer_running_since FROM workshop_steps
             WHERE workshop_id = ?1 AND position = ?2",
        )?
        .query_row((id, step), |r| Ok((r.get(0)?, r.get(1)?)))?;
    if since.is_some() {
        store(tx, id, step, remaining_at(stored, since, now), None)?;
    }
    Ok(())
}

/// Run once when the app opens its database, before anything else reads a workshop: the
/// running workshop, if any, was interrupted. Its running timer is paused at what remained at
/// the last moment the app was known to run it, and its current step's visit is closed then and
/// reopened `now` (see the module's notes). Returns the workshop it resumed.
pub fn pause_after_restart(tx: &Transaction<'_>, now: DateTime<Utc>) -> Result<Option<Id>> {
    let Some((id, seen_at, started_at)) = tx
        .prepare_cached(
            "SELECT id, seen_at, started_at FROM workshops
             WHERE state = 'running' AND deleted_at IS NULL",
        )?
        .query_row([], |r| {
            Ok((
                r.get::<_, Id>(0)?,
                r.get::<_, Option<DateTime<Utc>>>(1)?,
                r.get::<_, Option<DateTime<Utc>>>(2)?,
            ))
        })
        .map(Some)
        .or_else(|e| match e {
            rusqlite::Error::QueryReturnedNoRows => Ok(None),
            e => Err(e),
        })?
    else {
        return Ok(None);
    };
    let last_seen = seen_at.or(started_at).unwrap_or(now).min(now);
    let running: Vec<(u32, i64, DateTime<Utc>)> = tx
        .prepare_cached(
            "SELECT position, timer_remaining_ms, timer_running_since FROM workshop_steps
             WHERE workshop_id = ?1 AND timer_running_since IS NOT NULL",
        )?
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (step, stored, since) in running {
        store(
            tx,
            id,
            step,
            remaining_at(stored, Some(since), last_seen),
            None,
        )?;
    }
    super::run::interrupt_visit(tx, id, last_seen, now)?;
    seen(tx, id, now)?;
    Ok(Some(id))
}
