//! Groups of cards: named by the room, filled by moving cards in and out, and dissolved again
//! (ungrouping leaves the cards where they were, ungrouped). A card is in at most one group.

use super::{require_running, seen};
use crate::error::{Error, Result};
use crate::id::Id;
use crate::store::live;
use chrono::{DateTime, Utc};
use rusqlite::{Connection, Transaction};
use serde::Serialize;
use ts_rs::TS;

/// The longest group name, in characters.
pub const GROUP_NAME_MAX: usize = 80;
/// Most groups one workshop holds, so its whole board fits one reply.
pub const GROUPS_MAX: u32 = 100;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Group {
    pub id: Id,
    pub workshop_id: Id,
    pub name: String,
}

/// A group name, trimmed: required and at most [`GROUP_NAME_MAX`] characters.
pub fn group_name(name: &str) -> Result<String> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Error::validation("name", "A group needs a name."));
    }
    let length = name.chars().count();
    if length > GROUP_NAME_MAX {
        return Err(Error::validation(
            "name",
            format!("This group name is {length} characters long; the limit is {GROUP_NAME_MAX}."),
        ));
    }
    Ok(name.to_owned())
}

pub fn get(conn: &Connection, id: Id) -> Result<Group> {
    let mut stmt = conn.prepare_cached(
        "SELECT g.id, g.workshop_id, g.name FROM workshop_groups g
         JOIN workshops w ON w.id = g.workshop_id AND w.deleted_at IS NULL
         WHERE g.id = ?1",
    )?;
    live(
        stmt.query_row([id], |r| {
            Ok(Group {
                id: r.get(0)?,
                workshop_id: r.get(1)?,
                name: r.get(2)?,
            })
        }),
        "group",
        id,
    )
}

/// Creates a group named `name` in running workshop `workshop`, holding `card_ids` (moved out
/// of any group they were in).
pub fn create(
    tx: &Transaction<'_>,
    workshop: Id,
    name: &str,
    card_ids: &[Id],
    now: DateTime<Utc>,
) -> Result<Group> {
    require_running(tx, workshop)?;
    let name = group_name(name)?;
    let id = insert(tx, workshop, &name, None, now)?;
    for card in card_ids {
        place(tx, workshop, *card, Some(id), now)?;
    }
    seen(tx, workshop, now)?;
    get(tx, id)
}

pub(crate) fn insert(
    tx: &Transaction<'_>,
    workshop: Id,
    name: &str,
    batch: Option<Id>,
    now: DateTime<Utc>,
) -> Result<Id> {
    let count: u32 = tx
        .prepare_cached("SELECT count(*) FROM workshop_groups WHERE workshop_id = ?1")?
        .query_row([workshop], |r| r.get(0))?;
    if count >= GROUPS_MAX {
        return Err(Error::conflict(
            Some("name"),
            format!("This workshop already has {GROUPS_MAX} groups, the most one can hold."),
        ));
    }
    let id = Id::at(now);
    tx.prepare_cached(
        "INSERT INTO workshop_groups (id, workshop_id, name, accepted_batch, created_at,
             updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
    )?
    .execute((id, workshop, name, batch, now))?;
    Ok(id)
}

/// Renames a group.
pub fn rename(tx: &Transaction<'_>, id: Id, name: &str, now: DateTime<Utc>) -> Result<Group> {
    let group = get(tx, id)?;
    require_running(tx, group.workshop_id)?;
    let name = group_name(name)?;
    tx.prepare_cached("UPDATE workshop_groups SET name = ?2, updated_at = ?3 WHERE id = ?1")?
        .execute((id, name, now))?;
    seen(tx, group.workshop_id, now)?;
    get(tx, id)
}

/// Moves card `card` into group `group`, or out of any group when `group` is `None`.
pub fn move_card(
    tx: &Transaction<'_>,
    card: Id,
    group: Option<Id>,
    now: DateTime<Utc>,
) -> Result<()> {
    let workshop = super::cards::get(tx, card)?.workshop_id;
    require_running(tx, workshop)?;
    place(tx, workshop, card, group, now)?;
    seen(tx, workshop, now)
}

/// Puts `card` of `workshop` in `group` (or none), after checking both belong to it.
pub(crate) fn place(
    tx: &Transaction<'_>,
    workshop: Id,
    card: Id,
    group: Option<Id>,
    now: DateTime<Utc>,
) -> Result<()> {
    if let Some(group) = group {
        let found = get(tx, group).map_err(|_| {
            Error::validation("groupId", format!("There is no group with id {group}."))
        })?;
        if found.workshop_id != workshop {
            return Err(Error::validation(
                "groupId",
                "That group belongs to another workshop.",
            ));
        }
    }
    let changed = tx
        .prepare_cached(
            "UPDATE workshop_cards SET group_id = ?3, updated_at = ?4
             WHERE id = ?1 AND workshop_id = ?2 AND deleted_at IS NULL",
        )?
        .execute((card, workshop, group, now))?;
    if changed == 0 {
        return Err(Error::validation(
            "cardIds",
            format!("There is no card with id {card} in this workshop."),
        ));
    }
    Ok(())
}

/// Dissolves a group: its cards stay, ungrouped. Refused once the group has votes, which would
/// be lost.
pub fn ungroup(tx: &Transaction<'_>, id: Id, now: DateTime<Utc>) -> Result<()> {
    let group = get(tx, id)?;
    require_running(tx, group.workshop_id)?;
    let voted = tx
        .prepare_cached("SELECT 1 FROM all_workshop_votes WHERE group_id = ?1")?
        .exists([id])?;
    if voted {
        return Err(Error::conflict(
            None,
            format!(
                "“{}” has votes; it stays a group so they are kept.",
                group.name
            ),
        ));
    }
    tx.prepare_cached("DELETE FROM workshop_groups WHERE id = ?1")?
        .execute([id])?;
    seen(tx, group.workshop_id, now)
}
