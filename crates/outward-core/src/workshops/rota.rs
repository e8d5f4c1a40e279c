//! The facilitator rota: so the same person does not always run the room, the app suggests the
//! team member who facilitated least recently. Someone who never facilitated comes first; ties
//! go by name. Every workshop out of the Trash counts on the day it is held, planned ones too:
//! whoever is already down to facilitate a coming workshop is not suggested again for the next.

use crate::entity::EntityKind;
use crate::error::Result;
use crate::id::Id;
use crate::store::require_live;
use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RotaEntry {
    pub person_id: Id,
    pub name: String,
    /// The day of the last workshop they facilitated; `None` if they never did.
    pub last_facilitated_on: Option<NaiveDate>,
}

/// The team's people in the order they are due to facilitate: never first, then least
/// recently; ties by name.
pub fn rota(conn: &Connection, team: Id) -> Result<Vec<RotaEntry>> {
    require_live(conn, EntityKind::Team, team, "teamId")?;
    let mut stmt = conn.prepare_cached(
        "SELECT p.id, p.name,
                (SELECT max(w.held_on) FROM workshops w
                 WHERE w.facilitator_id = p.id AND w.deleted_at IS NULL) AS last
         FROM people p
         WHERE p.team_id = ?1 AND p.deleted_at IS NULL
         ORDER BY last IS NOT NULL, last, p.name COLLATE NOCASE, p.id",
    )?;
    let rota = stmt
        .query_map([team], |r| {
            Ok(RotaEntry {
                person_id: r.get(0)?,
                name: r.get(1)?,
                last_facilitated_on: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rota)
}

/// The person the rota suggests for the team's next workshop; `None` for a team with nobody.
pub fn suggest_facilitator(conn: &Connection, team: Id) -> Result<Option<RotaEntry>> {
    Ok(rota(conn, team)?.into_iter().next())
}
