//! Teams: the platform and infrastructure teams that use Outward. Names are unique among the
//! teams not in the Trash, ignoring case.

use crate::error::{Error, Result};
use crate::id::Id;
use crate::store::{live, unique_violation};
use crate::text;
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row, Transaction, named_params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Team {
    pub id: Id,
    pub name: String,
    pub description: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// What a person fills in to create or edit a team.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TeamInput {
    pub name: String,
    #[serde(default)]
    pub description: String,
}

impl TeamInput {
    fn validated(&self) -> Result<TeamInput> {
        Ok(TeamInput {
            name: text::required_name("name", "Team name", &self.name)?,
            description: text::free_text("description", "Description", &self.description)?,
        })
    }
}

const COLUMNS: &str = "id, name, description, created_at, updated_at";

fn from_row(row: &Row<'_>) -> rusqlite::Result<Team> {
    Ok(Team {
        id: row.get(0)?,
        name: row.get(1)?,
        description: row.get(2)?,
        created_at: row.get(3)?,
        updated_at: row.get(4)?,
    })
}

/// Teams not in the Trash, by name.
pub fn list(conn: &Connection) -> Result<Vec<Team>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM teams WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE"
    ))?;
    let teams = stmt
        .query_map([], from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(teams)
}

/// A team not in the Trash.
pub fn get(conn: &Connection, id: Id) -> Result<Team> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM teams WHERE id = ?1 AND deleted_at IS NULL"
    ))?;
    live(stmt.query_row([id], from_row), "team", id)
}

/// The live team a person means by `reference`: its id, or its name ignoring case.
pub fn find(conn: &Connection, reference: &str) -> Result<Team> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM teams
         WHERE deleted_at IS NULL AND (id = ?1 OR name = ?1 COLLATE NOCASE)"
    ))?;
    stmt.query_row([reference.trim()], from_row)
        .optional()?
        .ok_or_else(|| {
            Error::validation(
                "teamId",
                format!("There is no team named or with id “{}”.", reference.trim()),
            )
        })
}

pub fn create(tx: &Transaction<'_>, input: &TeamInput, now: DateTime<Utc>) -> Result<Team> {
    let input = input.validated()?;
    let id = Id::at(now);
    tx.prepare_cached(
        "INSERT INTO teams (id, name, description, created_at, updated_at)
         VALUES (:id, :name, :description, :now, :now)",
    )?
    .execute(named_params! {
        ":id": id, ":name": input.name, ":description": input.description, ":now": now,
    })
    .map_err(|e| name_taken(e, &input.name))?;
    get(tx, id)
}

pub fn update(tx: &Transaction<'_>, id: Id, input: &TeamInput, now: DateTime<Utc>) -> Result<Team> {
    let input = input.validated()?;
    let changed = tx
        .prepare_cached(
            "UPDATE teams SET name = :name, description = :description, updated_at = :now
             WHERE id = :id AND deleted_at IS NULL",
        )?
        .execute(named_params! {
            ":id": id, ":name": input.name, ":description": input.description, ":now": now,
        })
        .map_err(|e| name_taken(e, &input.name))?;
    if changed == 0 {
        return Err(Error::NotFound {
            entity: "team",
            id: id.to_string(),
        });
    }
    get(tx, id)
}

pub(crate) fn name_taken(error: rusqlite::Error, name: &str) -> Error {
    unique_violation(error, "name", || {
        format!("A team named “{name}” already exists.")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::Database;
    use crate::testing::{now, team_input};

    #[test]
    fn create_trims_and_lists_by_name() {
        let db = Database::open_in_memory().unwrap();
        db.write(|tx| create(tx, &team_input("  Storage "), now()))
            .unwrap();
        db.write(|tx| create(tx, &team_input("compute"), now()))
            .unwrap();
        let names: Vec<String> = db.read(list).unwrap().into_iter().map(|t| t.name).collect();
        assert_eq!(
            names,
            ["compute", "Storage"],
            "trimmed, sorted ignoring case"
        );
    }

    #[test]
    fn duplicate_name_is_a_conflict_on_the_name_field_and_writes_nothing() {
        let db = Database::open_in_memory().unwrap();
        db.write(|tx| create(tx, &team_input("Platform"), now()))
            .unwrap();
        let err = db
            .write(|tx| create(tx, &team_input("PLATFORM"), now()))
            .unwrap_err();
        assert!(
            matches!(
                err,
                Error::Conflict {
                    field: Some("name"),
                    ..
                }
            ),
            "{err:?}"
        );
        assert_eq!(err.to_string(), "A team named “PLATFORM” already exists.");
        assert_eq!(
            db.read(list).unwrap().len(),
            1,
            "the duplicate was not stored"
        );
    }

    #[test]
    fn empty_and_overlong_names_are_refused() {
        let db = Database::open_in_memory().unwrap();
        for bad in ["", "   ", &"x".repeat(201)] {
            let err = db
                .write(|tx| create(tx, &team_input(bad), now()))
                .unwrap_err();
            assert!(
                matches!(err, Error::Validation { field: "name", .. }),
                "{bad:?}: {err:?}"
            );
        }
        let long = TeamInput {
            name: "Ok".into(),
            description: "d".repeat(20_001),
        };
        let err = db.write(|tx| create(tx, &long, now())).unwrap_err();
        assert!(matches!(
            err,
            Error::Validation {
                field: "description",
                ..
            }
        ));
        assert!(db.read(list).unwrap().is_empty());
    }

    #[test]
    fn update_changes_fields_and_keeps_created_at() {
        let db = Database::open_in_memory().unwrap();
        let team = db
            .write(|tx| create(tx, &team_input("Platform"), now()))
            .unwrap();
        let later = now() + chrono::Duration::hours(1);
        let edited = TeamInput {
            name: "Platform Eng".into(),
            description: "Paved roads".into(),
        };
        let updated = db.write(|tx| update(tx, team.id, &edited, later)).unwrap();
        assert_eq!(updated.name, "Platform Eng");
        assert_eq!(updated.created_at, team.created_at);
        assert_eq!(updated.updated_at, later);
        let missing = db
            .write(|tx| update(tx, crate::testing::unknown_id(), &edited, later))
            .unwrap_err();
        assert!(matches!(missing, Error::NotFound { .. }));
    }
}
