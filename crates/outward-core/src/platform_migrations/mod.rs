//! Migrations as part of the customer's experience: a move the platform team asks its consumer
//! teams to make (from one version, service or way of working to another, for one product, by
//! a deadline), the teams it affects and where each stands, what it costs them and what the
//! platform team provides to make it cheaper. Named `platform_migrations` so it is never
//! mistaken for the schema's own migrations in `db`.
//!
//! [`teams`] records the consumer teams and every change of their state, [`help`] what the
//! platform team provides; [`progress`] derives the burn-up against the deadline, the hours on
//! both sides, the blocked teams and the pain points raised while the migration runs;
//! [`metric`] keeps the migration's percentage metric in step with every change, so a goal can
//! target it; [`quarter`] says where the migrations running in a quarter stood at its end, for
//! the quarter's review.

pub mod help;
pub mod metric;
pub mod progress;
pub mod quarter;
pub mod teams;

use crate::entity::EntityKind;
use crate::error::{Error, Result};
use crate::id::Id;
use crate::store::{live, require_live};
use crate::text;
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, Row, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

text::vocabulary! {
    /// Where a consumer team stands in a migration.
    MigrationState, field = "state", label = "State" {
        NotStarted = "notStarted", "Not started";
        InProgress = "inProgress", "In progress";
        Blocked = "blocked", "Blocked";
        Done = "done", "Done";
    }
}

text::vocabulary! {
    /// What the platform team provides to lower a migration's cost for its consumers.
    HelpKind, field = "kind", label = "Kind of help" {
        Automation = "automation", "Automation";
        Bridge = "bridge", "Compatibility bridge";
        Docs = "docs", "Docs";
        DoneForThem = "doneForThem", "Done for them";
    }
}

/// The longest a migration may run, start to deadline: long enough for any real one, short
/// enough that a mistyped year is caught and the burn-up stays a few hundred weeks at most.
pub const LONGEST_DAYS: i64 = 5 * 366;

/// A migration as the list shows it, with how far its consumer teams have come.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Migration {
    pub id: Id,
    pub title: String,
    pub from_what: String,
    pub to_what: String,
    pub product_id: Option<Id>,
    pub product_name: Option<String>,
    pub starts_on: NaiveDate,
    pub deadline: NaiveDate,
    pub commitment_id: Option<Id>,
    pub commitment_title: Option<String>,
    pub metric_id: Option<Id>,
    pub teams: u32,
    pub done: u32,
    pub blocked: u32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A migration to plan or replan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MigrationInput {
    pub title: String,
    #[serde(default)]
    pub from_what: String,
    #[serde(default)]
    pub to_what: String,
    #[serde(default)]
    pub product_id: Option<Id>,
    pub starts_on: NaiveDate,
    pub deadline: NaiveDate,
    #[serde(default)]
    pub commitment_id: Option<Id>,
}

impl MigrationInput {
    fn validated(&self, conn: &Connection) -> Result<MigrationInput> {
        let title = text::required_name("title", "The title", &self.title)?;
        let from_what = text::optional_name("fromWhat", "What it moves from", &self.from_what)?;
        let to_what = text::optional_name("toWhat", "What it moves to", &self.to_what)?;
        if self.deadline < self.starts_on {
            return Err(Error::validation(
                "deadline",
                format!(
                    "The deadline {} is before the start {}; a migration ends after it starts.",
                    self.deadline, self.starts_on
                ),
            ));
        }
        if (self.deadline - self.starts_on).num_days() > LONGEST_DAYS {
            return Err(Error::validation(
                "deadline",
                format!(
                    "The deadline {} is more than five years after the start {}. Check the year.",
                    self.deadline, self.starts_on
                ),
            ));
        }
        if let Some(product) = self.product_id {
            require_live(conn, EntityKind::Product, product, "productId")?;
        }
        if let Some(commitment) = self.commitment_id {
            require_live(conn, EntityKind::Commitment, commitment, "commitmentId")?;
        }
        Ok(MigrationInput {
            title,
            from_what,
            to_what,
            ..self.clone()
        })
    }
}

const SELECT: &str = "SELECT m.id, m.title, m.from_what, m.to_what, m.product_id, p.name,
        m.starts_on, m.deadline, m.commitment_id, c.title, m.metric_id,
        (SELECT count(*) FROM migration_teams t WHERE t.migration_id = m.id),
        (SELECT count(*) FROM migration_teams t WHERE t.migration_id = m.id AND t.state = 'done'),
        (SELECT count(*) FROM migration_teams t
            WHERE t.migration_id = m.id AND t.state = 'blocked'),
        m.created_at, m.updated_at
    FROM platform_migrations m
    LEFT JOIN products p ON p.id = m.product_id AND p.deleted_at IS NULL
    LEFT JOIN commitments c ON c.id = m.commitment_id AND c.deleted_at IS NULL";

fn from_row(row: &Row<'_>) -> rusqlite::Result<Migration> {
    Ok(Migration {
        id: row.get(0)?,
        title: row.get(1)?,
        from_what: row.get(2)?,
        to_what: row.get(3)?,
        product_id: row.get(4)?,
        product_name: row.get(5)?,
        starts_on: row.get(6)?,
        deadline: row.get(7)?,
        commitment_id: row.get(8)?,
        commitment_title: row.get(9)?,
        metric_id: row.get(10)?,
        teams: row.get(11)?,
        done: row.get(12)?,
        blocked: row.get(13)?,
        created_at: row.get(14)?,
        updated_at: row.get(15)?,
    })
}

/// One migration that is not in the Trash.
pub fn get(conn: &Connection, id: Id) -> Result<Migration> {
    let mut stmt = conn.prepare_cached(&format!(
        "{SELECT} WHERE m.id = ?1 AND m.deleted_at IS NULL"
    ))?;
    live(stmt.query_row([id], from_row), "migration", id)
}

/// Every migration not in the Trash, the nearest deadline first.
pub fn list(conn: &Connection) -> Result<Vec<Migration>> {
    Ok(conn
        .prepare_cached(&format!(
            "{SELECT} WHERE m.deleted_at IS NULL ORDER BY m.deadline, m.id"
        ))?
        .query_map([], from_row)?
        .collect::<rusqlite::Result<_>>()?)
}

/// Plans a migration, with the percentage metric its completion will feed.
pub fn create(
    tx: &Transaction<'_>,
    input: &MigrationInput,
    now: DateTime<Utc>,
) -> Result<Migration> {
    let valid = input.validated(tx)?;
    let id = Id::at(now);
    tx.prepare_cached(
        "INSERT INTO platform_migrations (id, title, from_what, to_what, product_id, starts_on,
            deadline, commitment_id, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
    )?
    .execute((
        id,
        &valid.title,
        &valid.from_what,
        &valid.to_what,
        valid.product_id,
        valid.starts_on,
        valid.deadline,
        valid.commitment_id,
        now,
    ))?;
    metric::ensure(tx, id, &valid.title, now)?;
    get(tx, id)
}

/// Replans a migration: its title, what it moves between, its product, dates and commitment.
/// Its teams' recorded changes stay as they are.
pub fn update(
    tx: &Transaction<'_>,
    id: Id,
    input: &MigrationInput,
    now: DateTime<Utc>,
) -> Result<Migration> {
    get(tx, id)?;
    let valid = input.validated(tx)?;
    tx.prepare_cached(
        "UPDATE platform_migrations SET title = ?2, from_what = ?3, to_what = ?4,
            product_id = ?5, starts_on = ?6, deadline = ?7, commitment_id = ?8, updated_at = ?9
         WHERE id = ?1",
    )?
    .execute((
        id,
        &valid.title,
        &valid.from_what,
        &valid.to_what,
        valid.product_id,
        valid.starts_on,
        valid.deadline,
        valid.commitment_id,
        now,
    ))?;
    metric::record(tx, id, now)?;
    get(tx, id)
}

/// The live migration with this id, or the one titled `text` (any case).
pub fn find(conn: &Connection, text: &str) -> Result<Migration> {
    let wanted = text.trim();
    if let Ok(id) = wanted.parse::<Id>() {
        return get(conn, id);
    }
    list(conn)?
        .into_iter()
        .find(|m| m.title.eq_ignore_ascii_case(wanted))
        .ok_or_else(|| {
            Error::validation(
                "migration",
                format!("There is no migration titled “{wanted}”."),
            )
        })
}

/// Marks the migration changed, for its page and the list.
fn touch(tx: &Transaction<'_>, id: Id, now: DateTime<Utc>) -> Result<()> {
    tx.prepare_cached("UPDATE platform_migrations SET updated_at = ?2 WHERE id = ?1")?
        .execute((id, now))?;
    Ok(())
}

/// MigrationHours must be a real number of zero or more.
fn check_hours(hours: f64, field: &'static str) -> Result<()> {
    if !hours.is_finite() || hours < 0.0 {
        return Err(Error::validation(
            field,
            format!("{hours} hours is not possible: hours are zero or more."),
        ));
    }
    if hours > 1_000_000.0 {
        return Err(Error::validation(
            field,
            format!("{hours} hours is more than a team can spend on one migration."),
        ));
    }
    Ok(())
}
