//! Evidence: what a pain point rests on, and the customers it reaches. Both are defined once,
//! by the `evidence` and `pain_point_reach` views of the schema, and everything that counts,
//! weighs or lists evidence reads them, so a pain point shows the same numbers everywhere.
//!
//! Evidence today is a quote marked in an interview's notes; a quote from an interview in the
//! Trash is not evidence until the interview is restored.

use crate::error::Result;
use crate::id::Id;
use crate::page::{Page, PageRequest};
use chrono::NaiveDate;
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

/// One page of a pain point's evidence, newest conversation first.
pub fn page_of(conn: &Connection, pain_point: Id, page: PageRequest) -> Result<Page<Evidence>> {
    let limit = page.limit();
    let items: Vec<Evidence> = conn
        .prepare_cached(
            "SELECT e.id, e.source_id, c.id, c.name, e.heard_on, e.quote, e.start_offset,
                    e.end_offset, e.detached
             FROM evidence e
             JOIN customers c ON c.id = e.customer_id
             WHERE e.pain_point_id = ?1
             ORDER BY e.heard_on DESC, e.source_id, e.start_offset
             LIMIT ?2 OFFSET ?3",
        )?
        .query_map((pain_point, limit, page.offset), |r| {
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
    // A page that starts at the top and is not full holds everything: no need to count.
    let total = if page.offset == 0 && (items.len() as u32) < limit {
        items.len() as u32
    } else {
        count(conn, pain_point)?
    };
    Ok(Page {
        items,
        total,
        offset: page.offset,
        limit,
    })
}

/// One quote a customer gave, with the pain point it supports: what the customer's page lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CustomerQuote {
    pub highlight_id: Id,
    pub interview_id: Id,
    pub held_on: NaiveDate,
    /// The quote as plain text, cut to [`QUOTE_SHOWN_CHARS`] with "…"; the interview holds it
    /// whole, at `start`..`end`.
    pub quote: String,
    /// UTF-16 offsets of the quote in the interview's notes.
    pub start: u32,
    pub end: u32,
    /// True when the quote is no longer in the notes.
    pub detached: bool,
    pub pain_point_id: Id,
    pub pain_point_title: String,
}

/// How much of a quote a customer's page shows, in characters: a quote can be as long as the
/// notes it was marked in, and a page of them must stay small.
pub const QUOTE_SHOWN_CHARS: usize = 400;

/// One page of the quotes heard from `customer` that support a live pain point, newest
/// conversation first.
pub fn page_from_customer(
    conn: &Connection,
    customer: Id,
    page: PageRequest,
) -> Result<Page<CustomerQuote>> {
    const FROM: &str = "FROM evidence e
         JOIN pain_points p ON p.id = e.pain_point_id
           AND p.deleted_at IS NULL AND p.merged_into IS NULL
         WHERE e.customer_id = ?1";
    let limit = page.limit();
    let items: Vec<CustomerQuote> = conn
        .prepare_cached(&format!(
            "SELECT e.id, e.source_id, e.heard_on, e.quote, e.start_offset, e.end_offset,
                    e.detached, p.id, p.title
             {FROM}
             ORDER BY e.heard_on DESC, e.source_id, e.start_offset
             LIMIT ?2 OFFSET ?3"
        ))?
        .query_map((customer, limit, page.offset), |r| {
            let quote: String = r.get(3)?;
            Ok(CustomerQuote {
                highlight_id: r.get(0)?,
                interview_id: r.get(1)?,
                held_on: r.get(2)?,
                quote: crate::plain_text::cut(&crate::plain_text::plain(&quote), QUOTE_SHOWN_CHARS),
                start: r.get(4)?,
                end: r.get(5)?,
                detached: r.get(6)?,
                pain_point_id: r.get(7)?,
                pain_point_title: r.get(8)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let total = if page.offset == 0 && (items.len() as u32) < limit {
        items.len() as u32
    } else {
        conn.prepare_cached(&format!("SELECT count(*) {FROM}"))?
            .query_row([customer], |r| r.get(0))?
    };
    Ok(Page {
        items,
        total,
        offset: page.offset,
        limit,
    })
}

/// How many pieces of evidence a pain point has.
pub fn count(conn: &Connection, pain_point: Id) -> Result<u32> {
    Ok(conn
        .prepare_cached("SELECT count(*) FROM evidence WHERE pain_point_id = ?1")?
        .query_row([pain_point], |r| r.get(0))?)
}

/// The days its evidence was heard on, one entry per piece: what its weight's freshness sums.
pub fn days(conn: &Connection, pain_point: Id) -> Result<Vec<NaiveDate>> {
    let days = conn
        .prepare_cached("SELECT heard_on FROM evidence WHERE pain_point_id = ?1")?
        .query_map([pain_point], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(days)
}

/// Distinct customers a pain point reaches, none of them in the Trash: named on it, or heard
/// from in its evidence.
pub fn reach(conn: &Connection, pain_point: Id) -> Result<u32> {
    Ok(conn
        .prepare_cached(
            "SELECT count(DISTINCT customer_id) FROM pain_point_reach WHERE pain_point_id = ?1",
        )?
        .query_row([pain_point], |r| r.get(0))?)
}

/// The pain points whose evidence or reach depends on these customers or interviews: the ones
/// whose weight must be recomputed when they go to the Trash, come back, or change.
pub(crate) fn pain_points_touching(
    conn: &Connection,
    customers: &[Id],
    interviews: &[Id],
) -> Result<Vec<Id>> {
    let mut found = std::collections::BTreeSet::new();
    let mut named = conn
        .prepare_cached("SELECT pain_point_id FROM pain_point_customers WHERE customer_id = ?1")?;
    let mut heard = conn.prepare_cached(
        "SELECT h.pain_point_id FROM interviews i JOIN highlights h ON h.interview_id = i.id
         WHERE i.customer_id = ?1",
    )?;
    for customer in customers {
        for row in named.query_map([customer], |r| r.get(0))? {
            found.insert(row?);
        }
        for row in heard.query_map([customer], |r| r.get(0))? {
            found.insert(row?);
        }
    }
    let mut quoted =
        conn.prepare_cached("SELECT pain_point_id FROM highlights WHERE interview_id = ?1")?;
    for interview in interviews {
        for row in quoted.query_map([interview], |r| r.get(0))? {
            found.insert(row?);
        }
    }
    Ok(found.into_iter().collect())
}
