//! A pain point's past: the record of its status changes, and the pain points merged into it.

use super::Status;
use crate::error::Result;
use crate::id::Id;
use crate::themes::Tag;
use chrono::{DateTime, Utc};
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StatusChange {
    pub from: Option<Status>,
    pub to: Status,
    pub changed_at: DateTime<Utc>,
    /// The person who changed it, when known.
    pub changed_by: Option<Id>,
    /// Why, when it was said.
    pub note: String,
    /// The commitment whose completion made the change, if one did.
    pub commitment_id: Option<Id>,
}

pub(super) fn history(conn: &Connection, pain_point: Id) -> Result<Vec<StatusChange>> {
    let changes = conn
        .prepare_cached(
            "SELECT from_status, to_status, changed_at, changed_by, note, commitment_id
             FROM pain_point_status_changes
             WHERE pain_point_id = ?1 ORDER BY changed_at, rowid",
        )?
        .query_map([pain_point], |r| {
            Ok(StatusChange {
                from: r.get(0)?,
                to: r.get(1)?,
                changed_at: r.get(2)?,
                changed_by: r.get(3)?,
                note: r.get(4)?,
                commitment_id: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(changes)
}

/// The pain points that were merged into this one, as id and title.
pub(super) fn merged_into(conn: &Connection, pain_point: Id) -> Result<Vec<Tag>> {
    let merged = conn
        .prepare_cached("SELECT id, title FROM pain_points WHERE merged_into = ?1 ORDER BY title")?
        .query_map([pain_point], |r| {
            Ok(Tag {
                id: r.get(0)?,
                name: r.get(1)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(merged)
}
