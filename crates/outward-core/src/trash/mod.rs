//! The Trash: deleting a record only marks it (`deleted_at`), so it can be restored with all its
//! links. Records are destroyed only when the Trash is emptied, a separate, explicit step.

use crate::entity::EntityKind;
use crate::error::{Error, Result};
use crate::id::Id;
use crate::store::unique_violation;
use crate::text::count;
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Transaction};
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TrashItem {
    pub kind: EntityKind,
    pub id: Id,
    pub name: String,
    pub deleted_at: DateTime<Utc>,
}

/// Moves a record to the Trash. A team that still has people or products stays: it would
/// leave them without a team.
pub fn move_to_trash(
    tx: &Transaction<'_>,
    kind: EntityKind,
    id: Id,
    now: DateTime<Utc>,
) -> Result<()> {
    if kind == EntityKind::Team {
        let (people, products): (u32, u32) = tx
            .prepare_cached(
                "SELECT (SELECT count(*) FROM people WHERE team_id = ?1 AND deleted_at IS NULL),
                    (SELECT count(*) FROM products WHERE team_id = ?1 AND deleted_at IS NULL)",
            )?
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        if people + products > 0 {
            return Err(Error::conflict(
                None,
                format!(
                    "This team still has {} and {}. Move or delete them first.",
                    count(people, "person", "people"),
                    count(products, "product", "products")
                ),
            ));
        }
    }
    let sql = format!(
        "UPDATE {} SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL",
        kind.table()
    );
    if tx.prepare_cached(&sql)?.execute((id, now))? == 0 {
        return Err(Error::NotFound {
            entity: kind.as_str(),
            id: id.to_string(),
        });
    }
    Ok(())
}

/// How many records of every kind are in the Trash.
pub fn size(conn: &Connection) -> Result<u32> {
    let mut total = 0;
    for kind in EntityKind::ALL {
        let sql = format!(
            "SELECT count(*) FROM {} WHERE deleted_at IS NOT NULL",
            kind.table()
        );
        total += conn
            .prepare_cached(&sql)?
            .query_row([], |r| r.get::<_, u32>(0))?;
    }
    Ok(total)
}

/// Everything in the Trash, most recently deleted first.
pub fn list(conn: &Connection) -> Result<Vec<TrashItem>> {
    let sql = EntityKind::ALL
        .iter()
        .map(|kind| {
            format!(
                "SELECT '{}', id, {}, deleted_at FROM {} WHERE deleted_at IS NOT NULL",
                kind.as_str(),
                kind.name_sql(),
                kind.table()
            )
        })
        .collect::<Vec<_>>()
        .join(" UNION ALL ");
    let mut stmt = conn.prepare_cached(&format!("{sql} ORDER BY 4 DESC"))?;
    let items = stmt
        .query_map([], |r| {
            Ok(TrashItem {
                kind: r.get(0)?,
                id: r.get(1)?,
                name: r.get(2)?,
                deleted_at: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(items)
}

/// Takes a record out of the Trash, with its links. A record whose team or customer is still in
/// the Trash, or whose name has since been reused, stays there with a message saying what to
/// do first.
pub fn restore(tx: &Transaction<'_>, kind: EntityKind, id: Id, now: DateTime<Utc>) -> Result<()> {
    let table = kind.table();
    let name: String = tx
        .prepare_cached(&format!(
            "SELECT {} FROM {table} WHERE id = ?1 AND deleted_at IS NOT NULL",
            kind.name_sql()
        ))?
        .query_row([id], |r| r.get(0))
        .optional()?
        .ok_or_else(|| Error::NotFound {
            entity: "item in the Trash",
            id: id.to_string(),
        })?;
    if let Some((column, parent)) = kind.parent() {
        let parent_name: Option<String> = tx
            .prepare_cached(&format!(
                "SELECT p.name FROM {table} x JOIN {} p ON p.id = x.{column}
                 WHERE x.id = ?1 AND p.deleted_at IS NOT NULL",
                parent.table()
            ))?
            .query_row([id], |r| r.get(0))
            .optional()?;
        if let Some(parent_name) = parent_name {
            return Err(Error::conflict(
                None,
                format!(
                    "“{name}” belongs to the {parent} “{parent_name}”, which is in the Trash. \
                     Restore the {parent} first."
                ),
            ));
        }
    }
    tx.prepare_cached(&format!(
        "UPDATE {table} SET deleted_at = NULL, updated_at = ?2 WHERE id = ?1"
    ))?
    .execute((id, now))
    .map_err(|e| {
        unique_violation(e, "name", || {
            format!("Another {kind} is now named “{name}”. Rename it, then restore this one.")
        })
    })?;
    Ok(())
}

/// Destroys everything in the Trash for good and returns how many records went.
pub fn empty(tx: &Transaction<'_>) -> Result<u32> {
    let mut destroyed = 0;
    // Children before parents, so the count does not miss rows removed by cascade.
    for kind in [
        EntityKind::Interview,
        EntityKind::PainPoint,
        EntityKind::Theme,
        EntityKind::Person,
        EntityKind::Product,
        EntityKind::Customer,
        EntityKind::Team,
    ] {
        let sql = format!("DELETE FROM {} WHERE deleted_at IS NOT NULL", kind.table());
        destroyed += tx.prepare_cached(&sql)?.execute([])? as u32;
    }
    Ok(destroyed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::customers::{self, CustomerInput};
    use crate::db::Database;
    use crate::teams;
    use crate::testing::{now, seeded_person, seeded_product, seeded_team, team_input};

    #[test]
    fn a_trashed_customer_disappears_and_restores_with_its_products() {
        let db = Database::open_in_memory().unwrap();
        let team = seeded_team(&db, "Platform");
        let ci = seeded_product(&db, team, "CI");
        let input = CustomerInput {
            name: "Payments".into(),
            product_ids: vec![ci],
            ..Default::default()
        };
        let c = db.write(|tx| customers::create(tx, &input, now())).unwrap();

        db.write(|tx| move_to_trash(tx, EntityKind::Customer, c.id, now()))
            .unwrap();
        assert!(
            db.read(customers::list).unwrap().is_empty(),
            "hidden from the list"
        );
        let trash = db.read(list).unwrap();
        assert_eq!(trash.len(), 1);
        assert_eq!(
            (trash[0].kind, trash[0].name.as_str()),
            (EntityKind::Customer, "Payments")
        );

        db.write(|tx| restore(tx, EntityKind::Customer, c.id, now()))
            .unwrap();
        let back = db.read(|conn| customers::get(conn, c.id)).unwrap();
        assert_eq!(back.product_ids, vec![ci], "links survive the round trip");
        assert!(db.read(list).unwrap().is_empty());
    }

    #[test]
    fn trashing_a_product_hides_it_from_customers_until_restored() {
        let db = Database::open_in_memory().unwrap();
        let team = seeded_team(&db, "Platform");
        let ci = seeded_product(&db, team, "CI");
        let input = CustomerInput {
            name: "Payments".into(),
            product_ids: vec![ci],
            ..Default::default()
        };
        let c = db.write(|tx| customers::create(tx, &input, now())).unwrap();
        db.write(|tx| move_to_trash(tx, EntityKind::Product, ci, now()))
            .unwrap();
        assert!(
            db.read(|conn| customers::get(conn, c.id))
                .unwrap()
                .product_ids
                .is_empty()
        );
        let relink = CustomerInput {
            product_ids: vec![ci],
            ..input.clone()
        };
        let err = db
            .write(|tx| customers::update(tx, c.id, &relink, now()))
            .unwrap_err();
        assert!(
            matches!(
                err,
                Error::Validation {
                    field: "productIds",
                    ..
                }
            ),
            "a customer cannot be linked to a product in the Trash: {err:?}"
        );
        db.write(|tx| restore(tx, EntityKind::Product, ci, now()))
            .unwrap();
        assert_eq!(
            db.read(|conn| customers::get(conn, c.id))
                .unwrap()
                .product_ids,
            vec![ci]
        );
    }

    #[test]
    fn a_team_with_people_cannot_be_trashed() {
        let db = Database::open_in_memory().unwrap();
        let team = seeded_team(&db, "Platform");
        seeded_person(&db, team, "Ann");
        let err = db
            .write(|tx| move_to_trash(tx, EntityKind::Team, team, now()))
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "This team still has 1 person and 0 products. Move or delete them first."
        );
        assert_eq!(db.read(teams::list).unwrap().len(), 1);
    }

    #[test]
    fn a_person_waits_for_their_team_to_be_restored() {
        let db = Database::open_in_memory().unwrap();
        let team = seeded_team(&db, "Platform");
        let ann = seeded_person(&db, team, "Ann");
        db.write(|tx| move_to_trash(tx, EntityKind::Person, ann, now()))
            .unwrap();
        db.write(|tx| move_to_trash(tx, EntityKind::Team, team, now()))
            .unwrap();
        let err = db
            .write(|tx| restore(tx, EntityKind::Person, ann, now()))
            .unwrap_err();
        assert!(matches!(err, Error::Conflict { .. }), "{err:?}");
        db.write(|tx| restore(tx, EntityKind::Team, team, now()))
            .unwrap();
        db.write(|tx| restore(tx, EntityKind::Person, ann, now()))
            .unwrap();
    }

    #[test]
    fn restoring_into_a_reused_name_is_a_conflict() {
        let db = Database::open_in_memory().unwrap();
        let old = seeded_team(&db, "Platform");
        db.write(|tx| move_to_trash(tx, EntityKind::Team, old, now()))
            .unwrap();
        db.write(|tx| teams::create(tx, &team_input("Platform"), now()))
            .unwrap();
        let err = db
            .write(|tx| restore(tx, EntityKind::Team, old, now()))
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
        assert_eq!(db.read(list).unwrap().len(), 1, "it stays in the Trash");
    }

    #[test]
    fn emptying_destroys_only_what_is_in_the_trash() {
        let db = Database::open_in_memory().unwrap();
        let team = seeded_team(&db, "Platform");
        let gone = seeded_team(&db, "Old");
        let ann = seeded_person(&db, team, "Ann");
        seeded_person(&db, team, "Bo");
        db.write(|tx| move_to_trash(tx, EntityKind::Person, ann, now()))
            .unwrap();
        db.write(|tx| move_to_trash(tx, EntityKind::Team, gone, now()))
            .unwrap();
        assert_eq!(db.write(empty).unwrap(), 2);
        assert!(db.read(list).unwrap().is_empty());
        assert_eq!(db.read(teams::list).unwrap().len(), 1);
        assert_eq!(db.read(|c| crate::people::list(c, None)).unwrap().len(), 1);
        let err = db
            .write(|tx| restore(tx, EntityKind::Person, ann, now()))
            .unwrap_err();
        assert!(matches!(err, Error::NotFound { .. }), "destroyed for good");
    }

    #[test]
    fn trashing_twice_or_a_missing_id_is_not_found() {
        let db = Database::open_in_memory().unwrap();
        let team = seeded_team(&db, "Platform");
        db.write(|tx| move_to_trash(tx, EntityKind::Team, team, now()))
            .unwrap();
        let err = db
            .write(|tx| move_to_trash(tx, EntityKind::Team, team, now()))
            .unwrap_err();
        assert!(matches!(err, Error::NotFound { .. }));
    }
}
