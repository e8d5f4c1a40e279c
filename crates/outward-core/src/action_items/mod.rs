//! Action items: what a team agreed to do, with an owner on the team and a due date, open
//! until it is done or dropped. Every status change is recorded with who, when and a note,
//! so a workshop can open by reviewing the team's open items (the carry-over) and record
//! where each stands on the spot. Kept a plain record so it can later become a commitment.

use crate::entity::EntityKind;
use crate::error::Result;
use crate::id::Id;
use crate::page::{Page, PageRequest};
use crate::store::{Matching, live, require_live};
use crate::text;
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, Row, Transaction, named_params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

text::vocabulary! {
    /// Where an action item stands.
    ActionStatus, field = "status", label = "Status" {
        Open = "open", "Open";
        Done = "done", "Done";
        Dropped = "dropped", "Dropped";
    }
}

/// The most open items a carry-over shows: a team with more has a different problem.
pub const CARRY_OVER_MAX: u32 = 100;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ActionItem {
    pub id: Id,
    pub title: String,
    pub team_id: Option<Id>,
    pub owner_id: Option<Id>,
    /// The owner's name; `None` once the person was destroyed.
    pub owner_name: Option<String>,
    pub due_on: NaiveDate,
    pub status: ActionStatus,
    /// The workshop whose decision recorded it, if any.
    pub workshop_id: Option<Id>,
    /// The latest status change, if any: who recorded it, when, and the note.
    pub last_update: Option<ActionItemUpdate>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A status an action item was given, recorded with who and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ActionItemUpdate {
    pub from: ActionStatus,
    pub to: ActionStatus,
    pub note: String,
    pub changed_at: DateTime<Utc>,
    pub changed_by: Option<Id>,
    pub changed_by_name: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ActionItemInput {
    pub title: String,
    pub team_id: Id,
    pub owner_id: Id,
    pub due_on: NaiveDate,
}

/// Which action items to list; every filter is optional.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ActionItemFilter {
    #[serde(default)]
    pub team_id: Option<Id>,
    #[serde(default)]
    pub status: Option<ActionStatus>,
}

impl ActionItemInput {
    fn validated(&self, conn: &Connection) -> Result<ActionItemInput> {
        let title = text::required_name("title", "Title", &self.title)?;
        require_live(conn, EntityKind::Team, self.team_id, "teamId")?;
        require_live(conn, EntityKind::Person, self.owner_id, "ownerId")?;
        Ok(ActionItemInput {
            title,
            ..self.clone()
        })
    }
}

const SELECT: &str = "SELECT a.id, a.title, a.team_id, a.owner_id, o.name, a.due_on, a.status,
        a.created_at, a.updated_at, a.workshop_id
    FROM action_items a
    LEFT JOIN people o ON o.id = a.owner_id";

fn from_row(row: &Row<'_>) -> rusqlite::Result<ActionItem> {
    Ok(ActionItem {
        id: row.get(0)?,
        title: row.get(1)?,
        team_id: row.get(2)?,
        owner_id: row.get(3)?,
        owner_name: row.get(4)?,
        due_on: row.get(5)?,
        status: row.get(6)?,
        created_at: row.get(7)?,
        updated_at: row.get(8)?,
        workshop_id: row.get(9)?,
        last_update: None,
    })
}

/// Reads the latest status update of each item.
fn with_updates(conn: &Connection, mut items: Vec<ActionItem>) -> Result<Vec<ActionItem>> {
    let mut stmt = conn.prepare_cached(
        "SELECT u.from_status, u.to_status, u.note, u.changed_at, u.changed_by, p.name
         FROM action_item_updates u LEFT JOIN people p ON p.id = u.changed_by
         WHERE u.action_item_id = ?1 ORDER BY u.changed_at DESC, u.id DESC LIMIT 1",
    )?;
    for item in &mut items {
        let mut rows = stmt.query([item.id])?;
        if let Some(row) = rows.next()? {
            item.last_update = Some(ActionItemUpdate {
                from: row.get(0)?,
                to: row.get(1)?,
                note: row.get(2)?,
                changed_at: row.get(3)?,
                changed_by: row.get(4)?,
                changed_by_name: row.get(5)?,
            });
        }
    }
    Ok(items)
}

/// One action item that is not in the Trash.
pub fn get(conn: &Connection, id: Id) -> Result<ActionItem> {
    let mut stmt = conn.prepare_cached(&format!(
        "{SELECT} WHERE a.id = ?1 AND a.deleted_at IS NULL"
    ))?;
    let item = live(stmt.query_row([id], from_row), "action item", id)?;
    Ok(with_updates(conn, vec![item])?.remove(0))
}

/// Records a new, open action item.
pub fn create(
    tx: &Transaction<'_>,
    input: &ActionItemInput,
    now: DateTime<Utc>,
) -> Result<ActionItem> {
    let input = input.validated(tx)?;
    let id = Id::at(now);
    tx.prepare_cached(
        "INSERT INTO action_items (id, title, team_id, owner_id, due_on, status, created_at,
            updated_at)
         VALUES (:id, :title, :team, :owner, :due_on, 'open', :now, :now)",
    )?
    .execute(named_params! {
        ":id": id, ":title": input.title, ":team": input.team_id, ":owner": input.owner_id,
        ":due_on": input.due_on, ":now": now,
    })?;
    get(tx, id)
}

/// Gives an action item a new status, recording who (when known), when and a note. Setting the
/// status it already has records nothing and is not an error: a quick review may confirm it.
pub fn set_status(
    tx: &Transaction<'_>,
    id: Id,
    status: ActionStatus,
    note: &str,
    by: Option<Id>,
    now: DateTime<Utc>,
) -> Result<ActionItem> {
    let note = text::free_text("note", "Note", note)?;
    if let Some(person) = by {
        require_live(tx, EntityKind::Person, person, "changedBy")?;
    }
    let current = get(tx, id)?;
    if current.status == status && note.is_empty() {
        return Ok(current);
    }
    tx.prepare_cached("UPDATE action_items SET status = ?2, updated_at = ?3 WHERE id = ?1")?
        .execute((id, status, now))?;
    tx.prepare_cached(
        "INSERT INTO action_item_updates (id, action_item_id, from_status, to_status, note,
            changed_at, changed_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute((Id::at(now), id, current.status, status, note, now, by))?;
    get(tx, id)
}

/// The team's open action items, soonest due first: what a workshop reviews as it opens.
pub fn carry_over(conn: &Connection, team: Id) -> Result<Vec<ActionItem>> {
    require_live(conn, EntityKind::Team, team, "teamId")?;
    let items = conn
        .prepare_cached(&format!(
            "{SELECT} WHERE a.team_id = ?1 AND a.deleted_at IS NULL AND a.status = 'open'
             ORDER BY a.due_on, a.id LIMIT {CARRY_OVER_MAX}"
        ))?
        .query_map([team], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    with_updates(conn, items)
}

/// Action items not in the Trash, soonest due first, one page at a time.
pub fn list(
    conn: &Connection,
    filter: &ActionItemFilter,
    page: PageRequest,
) -> Result<Page<ActionItem>> {
    let limit = page.limit();
    let mut matching = Matching::new("FROM action_items a WHERE a.deleted_at IS NULL");
    matching.and(&filter.team_id, ":team", "a.team_id = :team");
    matching.and(&filter.status, ":status", "a.status = :status");
    let Matching { sql, params } = matching;
    let params = params.as_slice();
    let total = conn
        .prepare_cached(&format!("SELECT count(*) {sql}"))?
        .query_row(params, |r| r.get(0))?;
    let items = conn
        .prepare_cached(&format!(
            "WITH page AS (SELECT a.id {sql} ORDER BY a.due_on, a.id LIMIT {limit} OFFSET {})
             {SELECT} JOIN page ON page.id = a.id ORDER BY a.due_on, a.id",
            page.offset
        ))?
        .query_map(params, from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Page {
        items: with_updates(conn, items)?,
        total,
        offset: page.offset,
        limit,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::assert_walks_index;

    #[test]
    fn the_carry_over_reads_a_teams_open_items_through_its_index() {
        assert_walks_index(
            &format!(
                "{SELECT} WHERE a.team_id = ?1 AND a.deleted_at IS NULL AND a.status = 'open'
                 ORDER BY a.due_on, a.id LIMIT {CARRY_OVER_MAX}"
            ),
            ["x"],
            "action_items_open_by_team",
        );
    }
}
