//! The Trash: deleting a record only marks it (`deleted_at`), so it can be restored with all its
//! links. Records are destroyed only when the Trash is emptied, a separate, explicit step.
//!
//! Records that hang on another follow it (see [`EntityKind::parent`]): trashing a customer
//! takes its interviews along, and a pain point or theme takes what was merged into it. They are
//! stamped with the same time, listed under it, counted, and restored with it. A team stays out
//! of the Trash while people or products hang on it. Emptying is the only hard delete: it takes
//! a verified backup first and refuses to run if anything outside the Trash would go with it,
//! so it destroys exactly what the Trash lists.

use crate::db::Database;
use crate::entity::EntityKind;
use crate::error::{Error, Result};
use crate::evidence;
use crate::id::Id;
use crate::page::PageRequest;
use crate::pain_points::weight;
use crate::store::unique_violation;
use crate::text::in_words;
use chrono::{DateTime, Utc};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Transaction};
use serde::Serialize;
use std::collections::HashMap;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TrashItem {
    pub kind: EntityKind,
    pub id: Id,
    pub name: String,
    pub deleted_at: DateTime<Utc>,
    /// The record this one went to the Trash with, and comes back with; listed right after it.
    pub trashed_with: Option<Id>,
    /// That record's name, so a page that starts after it can still say what this comes back with.
    pub trashed_with_name: Option<String>,
}

/// A page of what is in the Trash, and what emptying it would destroy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Trash {
    /// Most recently deleted first; each record is followed by those trashed with it.
    pub items: Vec<TrashItem>,
    /// How many records the Trash lists, over all pages.
    pub total: u32,
    /// How many records come before `items`.
    pub offset: u32,
    /// Every record emptying destroys, in words: "1 customer, 1 interview and 2 quotes".
    pub destroys: String,
}

/// What emptying the Trash did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Emptied {
    /// Records destroyed, of every kind.
    pub destroyed: u32,
    /// The verified backup taken just before, which still holds them.
    pub backup: Option<String>,
}

/// Moves a record to the Trash, with the records that follow it. A record that others stop
/// (a team with people or products) stays, with a message saying what to do first.
pub fn move_to_trash(
    tx: &Transaction<'_>,
    kind: EntityKind,
    id: Id,
    now: DateTime<Utc>,
) -> Result<()> {
    refuse_while_held(tx, kind, id)?;
    let touched = pain_points_touching(tx, kind, id)?;
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
    trash_followers(tx, kind, id, now)?;
    refresh_weights(tx, &touched)
}

/// Refuses to trash a record while live records that stop it hang on it.
fn refuse_while_held(tx: &Transaction<'_>, kind: EntityKind, id: Id) -> Result<()> {
    let mut held = Vec::new();
    for (child, parent) in kind.children().filter(|(_, parent)| !parent.follows) {
        let sql = format!(
            "SELECT count(*) FROM {} WHERE {} = ?1 AND deleted_at IS NULL",
            child.table(),
            parent.column
        );
        held.push((
            child,
            tx.prepare_cached(&sql)?.query_row([id], |r| r.get(0))?,
        ));
    }
    if held.iter().all(|(_, n)| *n == 0) {
        return Ok(());
    }
    let counts: Vec<String> = held
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(child, n)| child.count(*n))
        .collect();
    Err(Error::conflict(
        None,
        format!(
            "This {kind} still has {}. Move or delete them first.",
            in_words(&counts)
        ),
    ))
}

/// Trashes the live records that follow `id`, and theirs, stamped `now` like it.
fn trash_followers(
    tx: &Transaction<'_>,
    kind: EntityKind,
    id: Id,
    now: DateTime<Utc>,
) -> Result<()> {
    for (child, parent) in kind.children().filter(|(_, parent)| parent.follows) {
        let followers: Vec<Id> = tx
            .prepare_cached(&format!(
                "UPDATE {} SET deleted_at = ?2 WHERE {} = ?1 AND deleted_at IS NULL RETURNING id",
                child.table(),
                parent.column
            ))?
            .query_map((id, now), |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for follower in followers {
            trash_followers(tx, child, follower, now)?;
        }
    }
    Ok(())
}

/// How many records of every kind are in the Trash.
pub fn size(conn: &Connection) -> Result<u32> {
    Ok(in_trash(conn)?.iter().map(|(_, n)| n).sum())
}

/// How many records of each kind are in the Trash, in the order of [`EntityKind::ALL`].
fn in_trash(conn: &Connection) -> Result<Vec<(EntityKind, u32)>> {
    EntityKind::ALL
        .iter()
        .map(|kind| {
            let sql = format!(
                "SELECT count(*) FROM {} WHERE deleted_at IS NOT NULL",
                kind.table()
            );
            Ok((
                *kind,
                conn.prepare_cached(&sql)?.query_row([], |r| r.get(0))?,
            ))
        })
        .collect()
}

/// Everything in the Trash, each record followed by those trashed with it, and what emptying it
/// would destroy.
pub fn list(conn: &Connection) -> Result<Trash> {
    listed(conn, 0, usize::MAX)
}

/// One page of the Trash, in the order of [`list`]: at a heavy user's size it lists thousands
/// of records, more than one reply should carry or one screen should draw.
pub fn page(conn: &Connection, page: PageRequest) -> Result<Trash> {
    listed(conn, page.offset, page.limit() as usize)
}

fn listed(conn: &Connection, offset: u32, limit: usize) -> Result<Trash> {
    let sql = EntityKind::ALL
        .iter()
        .map(|kind| {
            let table = kind.table();
            let trashed_with = match kind.parent().filter(|parent| parent.follows) {
                Some(parent) => format!(
                    "(SELECT p.id FROM {} p WHERE p.id = {table}.{} AND p.deleted_at = {table}.deleted_at)",
                    parent.kind.table(),
                    parent.column
                ),
                None => "NULL".to_owned(),
            };
            format!(
                "SELECT '{}', id, {}, deleted_at, {trashed_with} FROM {table} WHERE deleted_at IS NOT NULL",
                kind.as_str(),
                kind.name_sql(),
            )
        })
        .collect::<Vec<_>>()
        .join(" UNION ALL ");
    let mut stmt = conn.prepare_cached(&format!("{sql} ORDER BY 4 DESC, 3"))?;
    let all: Vec<TrashItem> = stmt
        .query_map([], |r| {
            Ok(TrashItem {
                kind: r.get(0)?,
                id: r.get(1)?,
                name: r.get(2)?,
                deleted_at: r.get(3)?,
                trashed_with: r.get(4)?,
                trashed_with_name: None,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let total = all.len() as u32;
    let names: HashMap<Id, String> = all.iter().map(|i| (i.id, i.name.clone())).collect();
    let items = under_their_parents(all)
        .into_iter()
        .skip(offset as usize)
        .take(limit)
        .map(|mut item| {
            item.trashed_with_name = item.trashed_with.and_then(|id| names.get(&id).cloned());
            item
        })
        .collect();
    Ok(Trash {
        destroys: destroys(conn)?,
        items,
        total,
        offset,
    })
}

/// Orders items so that each is followed by those trashed with it.
fn under_their_parents(all: Vec<TrashItem>) -> Vec<TrashItem> {
    let mut children: HashMap<Id, Vec<usize>> = HashMap::new();
    for (index, item) in all.iter().enumerate() {
        if let Some(parent) = item.trashed_with {
            children.entry(parent).or_default().push(index);
        }
    }
    fn place(
        index: usize,
        all: &[TrashItem],
        children: &HashMap<Id, Vec<usize>>,
        ordered: &mut Vec<usize>,
    ) {
        ordered.push(index);
        for child in children.get(&all[index].id).into_iter().flatten() {
            place(*child, all, children, ordered);
        }
    }
    let mut ordered = Vec::with_capacity(all.len());
    for (index, _) in all
        .iter()
        .enumerate()
        .filter(|(_, i)| i.trashed_with.is_none())
    {
        place(index, &all, &children, &mut ordered);
    }
    let mut slots: Vec<Option<TrashItem>> = all.into_iter().map(Some).collect();
    ordered
        .into_iter()
        .filter_map(|index| slots[index].take())
        .collect()
}

/// Every record emptying the Trash destroys, in words, quotes included.
fn destroys(conn: &Connection) -> Result<String> {
    let mut parts: Vec<String> = in_trash(conn)?
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .map(|(kind, n)| kind.count(n))
        .collect();
    let quotes: u32 = conn
        .prepare_cached(
            "SELECT (SELECT count(*) FROM highlights
                WHERE interview_id IN (SELECT id FROM interviews WHERE deleted_at IS NOT NULL)
                   OR pain_point_id IN (SELECT id FROM pain_points WHERE deleted_at IS NOT NULL))
              + (SELECT count(*) FROM card_evidence
                WHERE card_id IN (SELECT id FROM workshop_cards WHERE deleted_at IS NOT NULL
                    UNION ALL SELECT id FROM workshop_cards
                    WHERE workshop_id IN (SELECT id FROM workshops WHERE deleted_at IS NOT NULL))
                   OR pain_point_id IN (SELECT id FROM pain_points WHERE deleted_at IS NOT NULL))",
        )?
        .query_row([], |r| r.get(0))?;
    if quotes > 0 {
        parts.push(crate::text::count(quotes, "quote", "quotes"));
    }
    Ok(in_words(&parts))
}

/// Takes a record out of the Trash, with its links and the records trashed with it. A record
/// whose team, customer or merge target is still in the Trash, or whose name has since been
/// reused, stays there with a message saying what to do first.
pub fn restore(tx: &Transaction<'_>, kind: EntityKind, id: Id, now: DateTime<Utc>) -> Result<()> {
    let table = kind.table();
    let (name, deleted_at): (String, Value) = tx
        .prepare_cached(&format!(
            "SELECT {}, deleted_at FROM {table} WHERE id = ?1 AND deleted_at IS NOT NULL",
            kind.name_sql()
        ))?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?
        .ok_or_else(|| Error::NotFound {
            entity: "item in the Trash",
            id: id.to_string(),
        })?;
    if let Some(parent) = kind.parent() {
        let parent_name: Option<String> = tx
            .prepare_cached(&format!(
                "SELECT {} FROM {} WHERE deleted_at IS NOT NULL
                 AND id = (SELECT {} FROM {table} WHERE id = ?1)",
                parent.kind.name_sql(),
                parent.kind.table(),
                parent.column
            ))?
            .query_row([id], |r| r.get(0))
            .optional()?;
        if let Some(parent_name) = parent_name {
            let parent = parent.kind;
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
    restore_followers(tx, kind, id, &deleted_at, now)?;
    refresh_weights(tx, &pain_points_touching(tx, kind, id)?)
}

/// Restores the records that went to the Trash with `id` (stamped `deleted_at` like it).
fn restore_followers(
    tx: &Transaction<'_>,
    kind: EntityKind,
    id: Id,
    deleted_at: &Value,
    now: DateTime<Utc>,
) -> Result<()> {
    for (child, parent) in kind.children().filter(|(_, parent)| parent.follows) {
        let followers: Vec<Id> = tx
            .prepare_cached(&format!(
                "UPDATE {} SET deleted_at = NULL, updated_at = ?3
                 WHERE {} = ?1 AND deleted_at = ?2 RETURNING id",
                child.table(),
                parent.column
            ))?
            .query_map((id, deleted_at, now), |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for follower in followers {
            restore_followers(tx, child, follower, deleted_at, now)?;
        }
    }
    Ok(())
}

/// Destroys everything in the Trash for good, after taking a verified backup that still holds
/// it. Refuses, destroying nothing, if a record outside the Trash would go with it.
pub fn empty(db: &Database, now: DateTime<Utc>) -> Result<Emptied> {
    if db.read(size)? == 0 {
        return Ok(Emptied {
            destroyed: 0,
            backup: None,
        });
    }
    let backup = db.backup_because(now, crate::db::backup::Reason::EmptyTrash)?;
    let destroyed = db.write(destroy_all)?;
    Ok(Emptied {
        destroyed,
        backup: Some(backup.display().to_string()),
    })
}

fn destroy_all(tx: &Transaction<'_>) -> Result<u32> {
    refuse_to_take_live_records(tx)?;
    let trashed = |table: &str| -> Result<Vec<Id>> {
        Ok(tx
            .prepare_cached(&format!(
                "SELECT id FROM {table} WHERE deleted_at IS NOT NULL"
            ))?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?)
    };
    let touched = evidence::pain_points_touching(
        tx,
        &trashed(EntityKind::Customer.table())?,
        &trashed(EntityKind::Interview.table())?,
        &trashed(EntityKind::Workshop.table())?,
        &trashed(EntityKind::Card.table())?,
    )?;
    let mut destroyed = 0;
    // Children before parents, so the count does not miss rows removed by cascade.
    for kind in children_first() {
        let sql = format!("DELETE FROM {} WHERE deleted_at IS NOT NULL", kind.table());
        destroyed += tx.prepare_cached(&sql)?.execute([])? as u32;
    }
    refresh_weights(tx, &touched)?;
    Ok(destroyed)
}

/// Every kind, each before the kind it hangs on (see [`EntityKind::parent`]), so a new kind
/// takes its place without being listed here.
fn children_first() -> Vec<EntityKind> {
    fn depth(kind: EntityKind) -> usize {
        match kind.parent() {
            // Merged into a record of its own kind: one table, one statement.
            Some(parent) if parent.kind != kind => 1 + depth(parent.kind),
            _ => 0,
        }
    }
    let mut kinds = EntityKind::ALL.to_vec();
    kinds.sort_by_key(|kind| std::cmp::Reverse(depth(*kind)));
    kinds
}

/// Fails if a record outside the Trash hangs on one in it: deleting that one would take it
/// along through the schema's cascades.
fn refuse_to_take_live_records(tx: &Transaction<'_>) -> Result<()> {
    for kind in EntityKind::ALL.iter().copied() {
        let Some(parent) = kind.parent() else {
            continue;
        };
        let sql = format!(
            "SELECT count(*) FROM {} c JOIN {} p ON p.id = c.{}
             WHERE c.deleted_at IS NULL AND p.deleted_at IS NOT NULL",
            kind.table(),
            parent.kind.table(),
            parent.column
        );
        let live: u32 = tx.prepare_cached(&sql)?.query_row([], |r| r.get(0))?;
        if live > 0 {
            return Err(Error::conflict(
                None,
                format!(
                    "{} outside the Trash belong to a {} in it, so nothing was destroyed. \
                     Restore that {} or move them to the Trash first.",
                    kind.count(live),
                    parent.kind,
                    parent.kind
                ),
            ));
        }
    }
    Ok(())
}

/// The pain points whose weight depends on this record being live.
fn pain_points_touching(tx: &Transaction<'_>, kind: EntityKind, id: Id) -> Result<Vec<Id>> {
    match kind {
        EntityKind::Customer => evidence::pain_points_touching(tx, &[id], &[], &[], &[]),
        EntityKind::Interview => evidence::pain_points_touching(tx, &[], &[id], &[], &[]),
        EntityKind::Workshop => evidence::pain_points_touching(tx, &[], &[], &[id], &[]),
        EntityKind::Card => evidence::pain_points_touching(tx, &[], &[], &[], &[id]),
        _ => Ok(Vec::new()),
    }
}

/// Recomputes the weights of the pain points that still exist among `pain_points`.
fn refresh_weights(tx: &Transaction<'_>, pain_points: &[Id]) -> Result<()> {
    let mut exists = tx.prepare_cached("SELECT 1 FROM pain_points WHERE id = ?1")?;
    for pain_point in pain_points {
        if exists.exists([pain_point])? {
            weight::refresh(tx, *pain_point)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emptying_destroys_every_kind_before_the_kind_it_hangs_on() {
        let order = children_first();
        assert_eq!(
            order.len(),
            EntityKind::ALL.len(),
            "every kind is destroyed"
        );
        for (index, kind) in order.iter().enumerate() {
            if let Some(parent) = kind.parent().filter(|p| p.kind != *kind) {
                let parent_at = order.iter().position(|k| *k == parent.kind).unwrap();
                assert!(
                    index < parent_at,
                    "{kind} is destroyed before the {} it hangs on: {order:?}",
                    parent.kind
                );
            }
        }
    }
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
        let trash = db.read(list).unwrap().items;
        assert_eq!(trash.len(), 1);
        assert_eq!(
            (trash[0].kind, trash[0].name.as_str()),
            (EntityKind::Customer, "Payments")
        );

        db.write(|tx| restore(tx, EntityKind::Customer, c.id, now()))
            .unwrap();
        let back = db.read(|conn| customers::get(conn, c.id)).unwrap();
        assert_eq!(back.product_ids, vec![ci], "links survive the round trip");
        assert!(db.read(list).unwrap().items.is_empty());
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
            "This team still has 1 person. Move or delete them first.",
            "only what holds it is named"
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
        assert_eq!(
            db.read(list).unwrap().items.len(),
            1,
            "it stays in the Trash"
        );
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
        assert_eq!(db.write(destroy_all).unwrap(), 2);
        assert!(db.read(list).unwrap().items.is_empty());
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
