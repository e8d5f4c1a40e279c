//! Products: what a team offers its customers — the team's portfolio. Names are unique within a
//! team among products not in the Trash.

use crate::entity::EntityKind;
use crate::error::{Error, Result};
use crate::id::Id;
use crate::store::{live, require_live, unique_violation};
use crate::text;
use chrono::{DateTime, Utc};
use rusqlite::{Connection, Row, Transaction, named_params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

text::vocabulary! {
    /// Where a product is in its life.
    Stage, field = "stage", label = "Lifecycle stage" {
        Incubating = "incubating", "Incubating";
        GenerallyAvailable = "generallyAvailable", "Generally available";
        Deprecated = "deprecated", "Deprecated";
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Product {
    pub id: Id,
    pub team_id: Id,
    pub name: String,
    pub stage: Stage,
    pub description: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ProductInput {
    pub team_id: Id,
    pub name: String,
    pub stage: Stage,
    #[serde(default)]
    pub description: String,
}

impl ProductInput {
    fn validated(&self, conn: &Connection) -> Result<ProductInput> {
        let name = text::required_name("name", "Product name", &self.name)?;
        let description = text::free_text("description", "Description", &self.description)?;
        require_live(conn, EntityKind::Team, self.team_id, "teamId")?;
        Ok(ProductInput {
            team_id: self.team_id,
            name,
            stage: self.stage,
            description,
        })
    }
}

const COLUMNS: &str = "id, team_id, name, stage, description, created_at, updated_at";

fn from_row(row: &Row<'_>) -> rusqlite::Result<Product> {
    Ok(Product {
        id: row.get(0)?,
        team_id: row.get(1)?,
        name: row.get(2)?,
        stage: row.get(3)?,
        description: row.get(4)?,
        created_at: row.get(5)?,
        updated_at: row.get(6)?,
    })
}

/// Products not in the Trash, by name; only those of `team` when given.
pub fn list(conn: &Connection, team: Option<Id>) -> Result<Vec<Product>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM products
         WHERE deleted_at IS NULL AND (?1 IS NULL OR team_id = ?1)
         ORDER BY name COLLATE NOCASE"
    ))?;
    let products = stmt
        .query_map([team], from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(products)
}

pub fn get(conn: &Connection, id: Id) -> Result<Product> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM products WHERE id = ?1 AND deleted_at IS NULL"
    ))?;
    live(stmt.query_row([id], from_row), "product", id)
}

/// The live product a person means by `reference`: its id, or its name ignoring case. A name
/// several teams use is ambiguous and refused with the choices.
pub fn find(conn: &Connection, reference: &str) -> Result<Product> {
    let reference = reference.trim();
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM products
         WHERE deleted_at IS NULL AND (id = ?1 OR name = ?1 COLLATE NOCASE)"
    ))?;
    let mut found: Vec<Product> = stmt
        .query_map([reference], from_row)?
        .collect::<rusqlite::Result<_>>()?;
    match found.len() {
        1 => Ok(found.remove(0)),
        0 => Err(Error::validation(
            "productIds",
            format!("There is no product named or with id “{reference}”."),
        )),
        n => Err(Error::validation(
            "productIds",
            format!("{n} teams have a product named “{reference}”; use its id instead."),
        )),
    }
}

pub fn create(tx: &Transaction<'_>, input: &ProductInput, now: DateTime<Utc>) -> Result<Product> {
    let input = input.validated(tx)?;
    let id = Id::at(now);
    tx.prepare_cached(
        "INSERT INTO products (id, team_id, name, stage, description, created_at, updated_at)
         VALUES (:id, :team, :name, :stage, :description, :now, :now)",
    )?
    .execute(named_params! {
        ":id": id, ":team": input.team_id, ":name": input.name, ":stage": input.stage,
        ":description": input.description, ":now": now,
    })
    .map_err(|e| name_taken(e, &input.name))?;
    get(tx, id)
}

pub fn update(
    tx: &Transaction<'_>,
    id: Id,
    input: &ProductInput,
    now: DateTime<Utc>,
) -> Result<Product> {
    let input = input.validated(tx)?;
    let changed = tx
        .prepare_cached(
            "UPDATE products SET team_id = :team, name = :name, stage = :stage,
                description = :description, updated_at = :now
             WHERE id = :id AND deleted_at IS NULL",
        )?
        .execute(named_params! {
            ":id": id, ":team": input.team_id, ":name": input.name, ":stage": input.stage,
            ":description": input.description, ":now": now,
        })
        .map_err(|e| name_taken(e, &input.name))?;
    if changed == 0 {
        return Err(Error::NotFound {
            entity: "product",
            id: id.to_string(),
        });
    }
    get(tx, id)
}

pub(crate) fn name_taken(error: rusqlite::Error, name: &str) -> Error {
    unique_violation(error, "name", || {
        format!("This team already has a product named “{name}”.")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::Database;
    use crate::testing::{now, seeded_team};

    fn input(team_id: Id, name: &str) -> ProductInput {
        ProductInput {
            team_id,
            name: name.into(),
            stage: Stage::Incubating,
            description: "".into(),
        }
    }

    #[test]
    fn product_names_are_unique_per_team_only() {
        let db = Database::open_in_memory().unwrap();
        let a = seeded_team(&db, "A");
        let b = seeded_team(&db, "B");
        db.write(|tx| create(tx, &input(a, "CI"), now())).unwrap();
        db.write(|tx| create(tx, &input(b, "CI"), now()))
            .expect("another team may reuse a name");
        let err = db
            .write(|tx| create(tx, &input(a, "ci"), now()))
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
    }

    #[test]
    fn stage_round_trips_and_unknown_stage_is_refused() {
        let db = Database::open_in_memory().unwrap();
        let team = seeded_team(&db, "A");
        let ga = ProductInput {
            stage: Stage::GenerallyAvailable,
            ..input(team, "Postgres")
        };
        let p = db.write(|tx| create(tx, &ga, now())).unwrap();
        assert_eq!(
            db.read(|c| get(c, p.id)).unwrap().stage,
            Stage::GenerallyAvailable
        );
        assert!(matches!(
            "beta".parse::<Stage>().unwrap_err(),
            Error::Validation { field: "stage", .. }
        ));
    }
}
