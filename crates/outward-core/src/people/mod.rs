//! People: members of a team, with the seniority level that customer coverage is broken out by.

use crate::entity::EntityKind;
use crate::error::{Error, Result};
use crate::id::Id;
use crate::store::{live, require_live};
use crate::text;
use chrono::{DateTime, Utc};
use rusqlite::{Connection, Row, Transaction, named_params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

text::vocabulary! {
    /// Seniority, from the most junior up.
    Level, field = "level", label = "Level" {
        Junior = "junior", "Junior";
        Mid = "mid", "Mid-level";
        Senior = "senior", "Senior";
        Staff = "staff", "Staff";
        Principal = "principal", "Principal";
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Person {
    pub id: Id,
    pub team_id: Id,
    pub name: String,
    pub role: String,
    pub level: Level,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PersonInput {
    pub team_id: Id,
    pub name: String,
    #[serde(default)]
    pub role: String,
    pub level: Level,
}

impl PersonInput {
    fn validated(&self, conn: &Connection) -> Result<PersonInput> {
        let name = text::required_name("name", "Name", &self.name)?;
        let role = text::optional_name("role", "Role", &self.role)?;
        require_live(conn, EntityKind::Team, self.team_id, "teamId")?;
        Ok(PersonInput {
            team_id: self.team_id,
            name,
            role,
            level: self.level,
        })
    }
}

const COLUMNS: &str = "id, team_id, name, role, level, created_at, updated_at";

fn from_row(row: &Row<'_>) -> rusqlite::Result<Person> {
    Ok(Person {
        id: row.get(0)?,
        team_id: row.get(1)?,
        name: row.get(2)?,
        role: row.get(3)?,
        level: row.get(4)?,
        created_at: row.get(5)?,
        updated_at: row.get(6)?,
    })
}

/// People not in the Trash, by name; only those of `team` when given.
pub fn list(conn: &Connection, team: Option<Id>) -> Result<Vec<Person>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM people
         WHERE deleted_at IS NULL AND (?1 IS NULL OR team_id = ?1)
         ORDER BY name COLLATE NOCASE"
    ))?;
    let people = stmt
        .query_map([team], from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(people)
}

pub fn get(conn: &Connection, id: Id) -> Result<Person> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM people WHERE id = ?1 AND deleted_at IS NULL"
    ))?;
    live(stmt.query_row([id], from_row), "person", id)
}

pub fn create(tx: &Transaction<'_>, input: &PersonInput, now: DateTime<Utc>) -> Result<Person> {
    let input = input.validated(tx)?;
    let id = Id::at(now);
    tx.prepare_cached(
        "INSERT INTO people (id, team_id, name, role, level, created_at, updated_at)
         VALUES (:id, :team, :name, :role, :level, :now, :now)",
    )?
    .execute(named_params! {
        ":id": id, ":team": input.team_id, ":name": input.name, ":role": input.role,
        ":level": input.level, ":now": now,
    })?;
    get(tx, id)
}

pub fn update(
    tx: &Transaction<'_>,
    id: Id,
    input: &PersonInput,
    now: DateTime<Utc>,
) -> Result<Person> {
    let input = input.validated(tx)?;
    let changed = tx
        .prepare_cached(
            "UPDATE people SET team_id = :team, name = :name, role = :role, level = :level,
                updated_at = :now
             WHERE id = :id AND deleted_at IS NULL",
        )?
        .execute(named_params! {
            ":id": id, ":team": input.team_id, ":name": input.name, ":role": input.role,
            ":level": input.level, ":now": now,
        })?;
    if changed == 0 {
        return Err(Error::NotFound {
            entity: "person",
            id: id.to_string(),
        });
    }
    get(tx, id)
}

/// The live person named `reference` (by id, or by a name only one person has), for the CLI.
pub fn find(conn: &Connection, reference: &str, field: &'static str) -> Result<Id> {
    let reference = reference.trim();
    let found: Vec<Id> = conn
        .prepare_cached(
            "SELECT id FROM people
             WHERE deleted_at IS NULL AND (id = ?1 OR name = ?1 COLLATE NOCASE) LIMIT 2",
        )?
        .query_map([reference], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    match found.as_slice() {
        [one] => Ok(*one),
        [] => Err(Error::validation(
            field,
            format!("There is no person named or with id “{reference}”."),
        )),
        _ => Err(Error::validation(
            field,
            format!("More than one person is named “{reference}”: give their id."),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::Database;
    use crate::testing::{now, seeded_team};

    fn input(team_id: Id, name: &str, level: Level) -> PersonInput {
        PersonInput {
            team_id,
            name: name.into(),
            role: "Engineer".into(),
            level,
        }
    }

    #[test]
    fn people_are_listed_per_team() {
        let db = Database::open_in_memory().unwrap();
        let a = seeded_team(&db, "A");
        let b = seeded_team(&db, "B");
        db.write(|tx| create(tx, &input(a, "Zoe", Level::Staff), now()))
            .unwrap();
        db.write(|tx| create(tx, &input(a, "amir", Level::Junior), now()))
            .unwrap();
        db.write(|tx| create(tx, &input(b, "Bo", Level::Mid), now()))
            .unwrap();
        let in_a: Vec<String> = db
            .read(|c| list(c, Some(a)))
            .unwrap()
            .into_iter()
            .map(|p| p.name)
            .collect();
        assert_eq!(in_a, ["amir", "Zoe"]);
        assert_eq!(db.read(|c| list(c, None)).unwrap().len(), 3);
    }

    #[test]
    fn a_level_outside_the_list_names_the_field_and_the_choices() {
        let err = "wizard".parse::<Level>().unwrap_err();
        assert!(matches!(err, Error::Validation { field: "level", .. }));
        assert_eq!(
            err.to_string(),
            "Level “wizard” is not one of: junior, mid, senior, staff, principal."
        );
        assert_eq!(
            "Staff".parse::<Level>().unwrap(),
            Level::Staff,
            "labels parse too"
        );
    }

    #[test]
    fn a_person_needs_an_existing_team() {
        let db = Database::open_in_memory().unwrap();
        let err = db
            .write(|tx| {
                create(
                    tx,
                    &input(crate::testing::unknown_id(), "Ann", Level::Mid),
                    now(),
                )
            })
            .unwrap_err();
        assert!(
            matches!(
                err,
                Error::Validation {
                    field: "teamId",
                    ..
                }
            ),
            "{err:?}"
        );
    }

    #[test]
    fn level_is_stored_and_read_back() {
        let db = Database::open_in_memory().unwrap();
        let team = seeded_team(&db, "A");
        let p = db
            .write(|tx| create(tx, &input(team, "Ann", Level::Principal), now()))
            .unwrap();
        assert_eq!(db.read(|c| get(c, p.id)).unwrap().level, Level::Principal);
    }
}
