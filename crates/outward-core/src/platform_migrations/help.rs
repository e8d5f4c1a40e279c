//! Help: what the platform team provides to make a migration cheaper for its consumers — automation,
//! a compatibility bridge, docs, or doing it for them — and the hours it spends on each.

use super::{HelpKind, check_hours, get, touch};
use crate::error::{Error, Result};
use crate::id::Id;
use crate::text;
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One thing the platform team provides for a migration.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MigrationHelp {
    pub id: Id,
    pub kind: HelpKind,
    pub description: String,
    pub hours: f64,
    pub created_at: DateTime<Utc>,
}

/// Help to record for a migration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MigrationHelpInput {
    pub kind: HelpKind,
    pub description: String,
    #[serde(default)]
    pub hours: f64,
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<MigrationHelp> {
    Ok(MigrationHelp {
        id: row.get(0)?,
        kind: row.get(1)?,
        description: row.get(2)?,
        hours: row.get(3)?,
        created_at: row.get(4)?,
    })
}

/// What the platform team provides for the migration, in the order it was recorded.
pub fn list(conn: &Connection, migration: Id) -> Result<Vec<MigrationHelp>> {
    Ok(conn
        .prepare_cached(
            "SELECT id, kind, description, hours, created_at FROM migration_help
             WHERE migration_id = ?1 ORDER BY created_at, id",
        )?
        .query_map([migration], from_row)?
        .collect::<rusqlite::Result<_>>()?)
}

/// Records help the platform team provides for the migration.
pub fn add(
    tx: &Transaction<'_>,
    migration: Id,
    input: &MigrationHelpInput,
    now: DateTime<Utc>,
) -> Result<MigrationHelp> {
    get(tx, migration)?;
    let description = text::free_text("description", "The description", input.description.trim())?;
    if description.is_empty() {
        return Err(Error::validation(
            "description",
            "Say what the platform team provides (a codemod, a shim, a guide, a pairing session).",
        ));
    }
    if description.chars().count() > 2000 {
        return Err(Error::validation(
            "description",
            "The description is longer than 2,000 characters; keep it to what was provided.",
        ));
    }
    check_hours(input.hours, "hours")?;
    let id = Id::at(now);
    tx.prepare_cached(
        "INSERT INTO migration_help (id, migration_id, kind, description, hours, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute((id, migration, input.kind, &description, input.hours, now))?;
    touch(tx, migration, now)?;
    Ok(MigrationHelp {
        id,
        kind: input.kind,
        description,
        hours: input.hours,
        created_at: now,
    })
}

/// Removes help recorded by mistake.
pub fn remove(tx: &Transaction<'_>, id: Id, now: DateTime<Utc>) -> Result<()> {
    let migration: Option<Id> = tx
        .prepare_cached("DELETE FROM migration_help WHERE id = ?1 RETURNING migration_id")?
        .query_row([id], |r| r.get(0))
        .optional()?;
    let Some(migration) = migration else {
        return Err(Error::NotFound {
            entity: "migration help",
            id: id.to_string(),
        });
    };
    touch(tx, migration, now)
}
