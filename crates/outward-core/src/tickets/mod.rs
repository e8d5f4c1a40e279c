//! Tickets: the requests customer teams filed in a tracker, imported from its exports (CSV from
//! Jira, ServiceNow or anything else, GitHub issues as JSON), so the team sees how long
//! requests wait for a first answer — the ticket black hole — quarter by quarter.
//!
//! A ticket is named by its tracker (`source`) and its key there: importing an overlapping
//! export updates the tickets already held instead of adding them twice. [`import`] reads and
//! checks a file before writing any of it; [`report`] computes a quarter's black-hole meter from
//! the indexes; [`response`] keeps the duration metric a goal can target in step with every
//! import.

pub mod github;
pub mod import;
pub mod report;
pub mod response;
pub mod times;

use crate::error::Result;
use crate::id::Id;
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The longest a key, a label or a status may be; a title may be five times this.
pub const LABEL_MAX: usize = 200;
pub const TITLE_MAX: usize = 1000;
pub const STATUS_MAX: usize = 100;

/// One ticket as the meter lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Ticket {
    pub id: Id,
    pub source: String,
    pub key: String,
    pub title: String,
    pub status: String,
    pub opened_at: DateTime<Utc>,
    pub first_response_at: Option<DateTime<Utc>>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub product_label: String,
    pub product_id: Option<Id>,
    pub product_name: Option<String>,
    pub team_label: String,
    pub customer_id: Option<Id>,
    pub customer_name: Option<String>,
}

const SELECT_TICKET: &str = "SELECT t.id, t.source, t.key, t.title, t.status, t.opened_at,
        t.first_response_at, t.resolved_at, t.product_label, t.product_id, p.name,
        t.team_label, t.customer_id, c.name
    FROM tickets t
    LEFT JOIN products p ON p.id = t.product_id AND p.deleted_at IS NULL
    LEFT JOIN customers c ON c.id = t.customer_id AND c.deleted_at IS NULL";

fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Ticket> {
    Ok(Ticket {
        id: row.get(0)?,
        source: row.get(1)?,
        key: row.get(2)?,
        title: row.get(3)?,
        status: row.get(4)?,
        opened_at: row.get(5)?,
        first_response_at: row.get(6)?,
        resolved_at: row.get(7)?,
        product_label: row.get(8)?,
        product_id: row.get(9)?,
        product_name: row.get(10)?,
        team_label: row.get(11)?,
        customer_id: row.get(12)?,
        customer_name: row.get(13)?,
    })
}

/// The live ticket with `key` from `source`, if one is held.
pub fn by_key(conn: &Connection, source: &str, key: &str) -> Result<Option<Ticket>> {
    Ok(conn
        .prepare_cached(&format!(
            "{SELECT_TICKET} WHERE t.source = ?1 AND t.key = ?2 AND t.deleted_at IS NULL"
        ))?
        .query_row((source, key), from_row)
        .optional()?)
}

/// The live tickets with these ids, in the order given.
pub(crate) fn by_ids(conn: &Connection, ids: &[Id]) -> Result<Vec<Ticket>> {
    let mut stmt = conn.prepare_cached(&format!("{SELECT_TICKET} WHERE t.id = ?1"))?;
    let mut tickets = Vec::with_capacity(ids.len());
    for id in ids {
        if let Some(ticket) = stmt.query_row([id], from_row).optional()? {
            tickets.push(ticket);
        }
    }
    Ok(tickets)
}

/// How many live tickets are held.
pub fn count(conn: &Connection) -> Result<u32> {
    Ok(conn
        .prepare_cached("SELECT count(*) FROM tickets WHERE deleted_at IS NULL")?
        .query_row([], |r| r.get(0))?)
}
