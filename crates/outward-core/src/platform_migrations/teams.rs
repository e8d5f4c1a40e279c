//! The consumer teams a migration affects: where each stands, since when, and what the
//! migration costs it. Every change of state is kept with its day, in order, so the burn-up
//! can say how many teams had moved by the end of any week.

use super::{MigrationState, check_hours, get, metric, touch};
use crate::entity::EntityKind;
use crate::error::{Error, Result};
use crate::id::Id;
use crate::store::require_live;
use crate::text;
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A consumer team in a migration.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ConsumerTeam {
    pub customer_id: Id,
    pub customer_name: String,
    pub state: MigrationState,
    /// Why it is blocked; empty in every other state.
    pub reason: String,
    /// The day it moved to its state.
    pub changed_on: NaiveDate,
    /// What the migration costs the team, in hours.
    pub hours: f64,
    /// Whether the team reported those hours, or they are the platform team's estimate.
    pub hours_reported: bool,
}

/// A consumer team to add to a migration, or its new state and hours.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ConsumerTeamInput {
    pub customer_id: Id,
    pub state: MigrationState,
    #[serde(default)]
    pub reason: String,
    /// The day it moved to `state`; today when not given.
    #[serde(default)]
    pub changed_on: Option<NaiveDate>,
    #[serde(default)]
    pub hours: f64,
    #[serde(default)]
    pub hours_reported: bool,
}

const SELECT: &str = "SELECT t.customer_id, c.name, t.state, t.reason, t.changed_on, t.hours,
        t.hours_reported
    FROM migration_teams t JOIN customers c ON c.id = t.customer_id";

fn from_row(row: &Row<'_>) -> rusqlite::Result<ConsumerTeam> {
    Ok(ConsumerTeam {
        customer_id: row.get(0)?,
        customer_name: row.get(1)?,
        state: row.get(2)?,
        reason: row.get(3)?,
        changed_on: row.get(4)?,
        hours: row.get(5)?,
        hours_reported: row.get(6)?,
    })
}

/// The migration's consumer teams, by name.
pub fn list(conn: &Connection, migration: Id) -> Result<Vec<ConsumerTeam>> {
    Ok(conn
        .prepare_cached(&format!(
            "{SELECT} WHERE t.migration_id = ?1 ORDER BY c.name COLLATE NOCASE, c.id"
        ))?
        .query_map([migration], from_row)?
        .collect::<rusqlite::Result<_>>()?)
}

fn one(conn: &Connection, migration: Id, customer: Id) -> Result<Option<ConsumerTeam>> {
    Ok(conn
        .prepare_cached(&format!(
            "{SELECT} WHERE t.migration_id = ?1 AND t.customer_id = ?2"
        ))?
        .query_row((migration, customer), from_row)
        .optional()?)
}

/// Adds a consumer team to the migration, or records its new state and hours. A change of
/// state is kept with its day for the burn-up; the migration's metric follows.
pub fn set(
    tx: &Transaction<'_>,
    migration: Id,
    input: &ConsumerTeamInput,
    now: DateTime<Utc>,
) -> Result<ConsumerTeam> {
    get(tx, migration)?;
    require_live(tx, EntityKind::Customer, input.customer_id, "customerId")?;
    let today = now.date_naive();
    let changed_on = input.changed_on.unwrap_or(today);
    let reason = text::free_text("reason", "The reason", input.reason.trim())?;
    let reason = match input.state {
        MigrationState::Blocked if reason.is_empty() => {
            return Err(Error::validation(
                "reason",
                "Say what blocks the team, so the platform team knows what to clear.",
            ));
        }
        MigrationState::Blocked => reason,
        _ => String::new(),
    };
    check_hours(input.hours, "hours")?;
    if changed_on > today {
        return Err(Error::validation(
            "changedOn",
            format!("{changed_on} is after today; record a change once it has happened."),
        ));
    }
    let current = one(tx, migration, input.customer_id)?;
    let moved = current.as_ref().is_none_or(|c| c.state != input.state);
    if let Some(current) = current.as_ref().filter(|_| moved)
        && changed_on < current.changed_on
    {
        return Err(Error::validation(
            "changedOn",
            format!(
                "{changed_on} is before the team's last change, on {}; changes are \
                 recorded in the order they happened.",
                current.changed_on
            ),
        ));
    }
    let changed_on = match &current {
        Some(c) if !moved => c.changed_on,
        _ => changed_on,
    };
    tx.prepare_cached(
        "INSERT INTO migration_teams (migration_id, customer_id, state, reason, changed_on, hours,
            hours_reported)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (migration_id, customer_id) DO UPDATE SET state = excluded.state,
            reason = excluded.reason, changed_on = excluded.changed_on, hours = excluded.hours,
            hours_reported = excluded.hours_reported",
    )?
    .execute((
        migration,
        input.customer_id,
        input.state,
        &reason,
        changed_on,
        input.hours,
        input.hours_reported,
    ))?;
    if moved {
        tx.prepare_cached(
            "INSERT INTO migration_team_changes (migration_id, customer_id, changed_on, seq, state)
             VALUES (?1, ?2, ?3,
                (SELECT coalesce(max(seq), 0) + 1 FROM migration_team_changes
                 WHERE migration_id = ?1 AND changed_on = ?3), ?4)",
        )?
        .execute((migration, input.customer_id, changed_on, input.state))?;
    }
    touch(tx, migration, now)?;
    metric::record(tx, migration, now)?;
    Ok(one(tx, migration, input.customer_id)?.expect("just written"))
}

/// Takes a consumer team out of the migration, with its history: it was added by mistake or
/// is not affected after all.
pub fn remove(tx: &Transaction<'_>, migration: Id, customer: Id, now: DateTime<Utc>) -> Result<()> {
    get(tx, migration)?;
    let removed = tx
        .prepare_cached("DELETE FROM migration_teams WHERE migration_id = ?1 AND customer_id = ?2")?
        .execute((migration, customer))?;
    if removed == 0 {
        return Err(Error::validation(
            "customerId",
            "That customer team is not part of this migration.",
        ));
    }
    tx.prepare_cached(
        "DELETE FROM migration_team_changes WHERE migration_id = ?1 AND customer_id = ?2",
    )?
    .execute((migration, customer))?;
    touch(tx, migration, now)?;
    metric::record(tx, migration, now)?;
    Ok(())
}

/// One recorded change: the team, the day, the state it moved to.
pub(crate) struct Change {
    pub customer: Id,
    pub on: NaiveDate,
    pub state: MigrationState,
}

/// Every recorded change of the migration's teams, in the order they happened.
pub(crate) fn changes(conn: &Connection, migration: Id) -> Result<Vec<Change>> {
    Ok(conn
        .prepare_cached(
            "SELECT customer_id, changed_on, state FROM migration_team_changes
             WHERE migration_id = ?1 ORDER BY changed_on, seq",
        )?
        .query_map([migration], |r| {
            Ok(Change {
                customer: r.get(0)?,
                on: r.get(1)?,
                state: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?)
}

/// How many teams were done at the end of each of `days` (ascending), from `changes` in order.
pub(crate) fn done_by(changes: &[Change], days: &[NaiveDate]) -> Vec<u32> {
    let mut state = std::collections::HashMap::new();
    let mut done = 0u32;
    let mut next = changes.iter().peekable();
    days.iter()
        .map(|day| {
            while let Some(change) = next.next_if(|c| c.on <= *day) {
                let was = state.insert(change.customer, change.state);
                if was == Some(MigrationState::Done) {
                    done -= 1;
                }
                if change.state == MigrationState::Done {
                    done += 1;
                }
            }
            done
        })
        .collect()
}

/// Where each team stood at the end of `day`, and since when, from `changes` in order.
pub(crate) fn states_at(
    changes: &[Change],
    day: NaiveDate,
) -> std::collections::HashMap<Id, (MigrationState, NaiveDate)> {
    changes
        .iter()
        .take_while(|c| c.on <= day)
        .map(|c| (c.customer, (c.state, c.on)))
        .collect()
}
