//! What a pain point rests on: the quotes marked in interviews, how many customers they reach,
//! and the record of its status changes and merges.

use super::Status;
use crate::error::Result;
use crate::id::Id;
use crate::themes::Tag;
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

/// One quote that supports a pain point, with what is needed to jump back to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Evidence {
    pub highlight_id: Id,
    pub interview_id: Id,
    pub customer_id: Id,
    pub customer_name: String,
    pub held_on: NaiveDate,
    pub quote: String,
    /// UTF-16 offsets of the quote in the interview's notes.
    pub start: u32,
    pub end: u32,
    /// True when the quote is no longer in the notes.
    pub detached: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StatusChange {
    pub from: Option<Status>,
    pub to: Status,
    pub changed_at: DateTime<Utc>,
    /// The person who changed it, when known.
    pub changed_by: Option<Id>,
}

/// The evidence for a pain point, newest conversation first.
pub(super) fn of(conn: &Connection, pain_point: Id) -> Result<Vec<Evidence>> {
    let evidence = conn
        .prepare_cached(
            "SELECT h.id, i.id, c.id, c.name, i.held_on, h.quote, h.start_offset, h.end_offset,
                    h.detached
             FROM highlights h
             JOIN interviews i ON i.id = h.interview_id AND i.deleted_at IS NULL
             JOIN customers c ON c.id = i.customer_id
             WHERE h.pain_point_id = ?1
             ORDER BY i.held_on DESC, h.start_offset",
        )?
        .query_map([pain_point], |r| {
            Ok(Evidence {
                highlight_id: r.get(0)?,
                interview_id: r.get(1)?,
                customer_id: r.get(2)?,
                customer_name: r.get(3)?,
                held_on: r.get(4)?,
                quote: r.get(5)?,
                start: r.get(6)?,
                end: r.get(7)?,
                detached: r.get(8)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(evidence)
}

/// Distinct live customers a pain point reaches: named on it, or heard from in its evidence.
pub(super) fn reach(conn: &Connection, pain_point: Id) -> Result<u32> {
    Ok(conn
        .prepare_cached(
            "SELECT count(*) FROM customers c WHERE c.deleted_at IS NULL AND c.id IN (
               SELECT customer_id FROM pain_point_customers WHERE pain_point_id = ?1
               UNION
               SELECT i.customer_id FROM highlights h JOIN interviews i ON i.id = h.interview_id
               WHERE h.pain_point_id = ?1 AND i.deleted_at IS NULL)",
        )?
        .query_row([pain_point], |r| r.get(0))?)
}

pub(super) fn history(conn: &Connection, pain_point: Id) -> Result<Vec<StatusChange>> {
    let changes = conn
        .prepare_cached(
            "SELECT from_status, to_status, changed_at, changed_by FROM pain_point_status_changes
             WHERE pain_point_id = ?1 ORDER BY changed_at, rowid",
        )?
        .query_map([pain_point], |r| {
            Ok(StatusChange {
                from: r.get(0)?,
                to: r.get(1)?,
                changed_at: r.get(2)?,
                changed_by: r.get(3)?,
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
