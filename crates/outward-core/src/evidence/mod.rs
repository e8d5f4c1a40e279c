//! Evidence: what a pain point rests on, and the customers it reaches. Both are defined once,
//! by the `evidence` and `pain_point_reach` views of the schema, and everything that counts,
//! weighs or lists evidence reads them, so a pain point shows the same numbers everywhere.
//!
//! Evidence comes from two sources. A quote marked in an interview's notes counts while the
//! interview is out of the Trash, on the day of the conversation, and reaches its customer. A
//! workshop card decided into a pain point counts while its card and workshop are out of the
//! Trash, on the day of the workshop, with the card's text as its quote; it reaches no customer,
//! because a workshop is the team talking among itself: what the room says adds to a pain
//! point's evidence and freshness, never to how many customers it reaches. (`pain_point_reach`
//! reads `interview_evidence`, the half of `evidence` that names customers.)

use crate::error::Result;
use crate::id::Id;
use crate::page::{Page, PageRequest};
use chrono::NaiveDate;
use rusqlite::{Connection, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

crate::text::vocabulary! {
    /// Where a piece of evidence comes from.
    EvidenceSource, field = "source", label = "Source" {
        Interview = "interview", "Interview";
        Card = "card", "Workshop card";
        Survey = "survey", "Survey comment";
    }
}

/// One quote that supports a pain point, with what is needed to jump back to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Evidence {
    /// The highlight's id, or the card evidence's.
    pub id: Id,
    pub source: EvidenceSource,
    /// The interview the quote was marked in, for interview evidence.
    pub interview_id: Option<Id>,
    /// The customer heard from, for interview evidence.
    pub customer_id: Option<Id>,
    pub customer_name: Option<String>,
    /// The card and its workshop, for card evidence.
    pub card_id: Option<Id>,
    pub workshop_id: Option<Id>,
    pub workshop_title: Option<String>,
    /// The survey response the comment was given in, and its survey, for survey evidence.
    pub response_id: Option<Id>,
    pub survey_id: Option<Id>,
    /// The day of the conversation, the workshop, or the survey answer.
    pub heard_on: NaiveDate,
    pub quote: String,
    /// UTF-16 offsets of the quote in the interview's notes; `None` for a card.
    pub start: Option<u32>,
    pub end: Option<u32>,
    /// True when the quote is no longer in the notes.
    pub detached: bool,
}

/// One page of a pain point's evidence, newest first.
pub fn page_of(conn: &Connection, pain_point: Id, page: PageRequest) -> Result<Page<Evidence>> {
    let limit = page.limit();
    let items: Vec<Evidence> = conn
        .prepare_cached(
            "SELECT e.id, e.source, e.source_id, e.customer_id, c.name, e.heard_on, e.quote,
                    e.start_offset, e.end_offset, e.detached, w.id, w.title, response.survey_id
             FROM evidence e
             LEFT JOIN customers c ON c.id = e.customer_id
             LEFT JOIN workshop_cards card ON e.source = 'card' AND card.id = e.source_id
             LEFT JOIN workshops w ON w.id = card.workshop_id
             LEFT JOIN survey_responses response
                 ON e.source = 'survey' AND response.id = e.source_id
             WHERE e.pain_point_id = ?1
             ORDER BY e.heard_on DESC, e.source_id, e.start_offset
             LIMIT ?2 OFFSET ?3",
        )?
        .query_map((pain_point, limit, page.offset), |r| {
            let source: EvidenceSource = r.get(1)?;
            let source_id: Id = r.get(2)?;
            let from = |wanted: EvidenceSource| (source == wanted).then_some(source_id);
            Ok(Evidence {
                id: r.get(0)?,
                source,
                interview_id: from(EvidenceSource::Interview),
                card_id: from(EvidenceSource::Card),
                response_id: from(EvidenceSource::Survey),
                survey_id: r.get(12)?,
                customer_id: r.get(3)?,
                customer_name: r.get(4)?,
                heard_on: r.get(5)?,
                quote: r.get(6)?,
                start: r.get(7)?,
                end: r.get(8)?,
                detached: r.get(9)?,
                workshop_id: r.get(10)?,
                workshop_title: r.get(11)?,
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

/// Keeps a card's text as evidence for a pain point; the caller reweighs the pain point.
pub(crate) fn quote_card(
    tx: &Transaction<'_>,
    card: Id,
    pain_point: Id,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO card_evidence (id, card_id, pain_point_id, quote, created_at)
         SELECT ?1, id, ?3, text, ?4 FROM workshop_cards WHERE id = ?2",
    )?
    .execute((Id::at(now), card, pain_point, now))?;
    Ok(())
}

/// Moves every piece of evidence of `source` to `target`, as merging does.
pub(crate) fn move_all(tx: &Transaction<'_>, source: Id, target: Id) -> Result<()> {
    for table in ["highlights", "card_evidence"] {
        tx.prepare_cached(&format!(
            "UPDATE {table} SET pain_point_id = ?2 WHERE pain_point_id = ?1"
        ))?
        .execute((source, target))?;
    }
    Ok(())
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
    // Only interview evidence names a customer (see the module's note).
    const FROM: &str = "FROM interview_evidence e
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

/// The pain points whose evidence or reach depends on these customers, interviews, workshops or
/// cards: the ones
/// whose weight must be recomputed when they go to the Trash, come back, or change.
pub(crate) fn pain_points_touching(
    conn: &Connection,
    customers: &[Id],
    interviews: &[Id],
    workshops: &[Id],
    cards: &[Id],
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
    let mut carded = conn.prepare_cached(
        "SELECT e.pain_point_id FROM workshop_cards c JOIN card_evidence e ON e.card_id = c.id
         WHERE c.workshop_id = ?1",
    )?;
    for workshop in workshops {
        for row in carded.query_map([workshop], |r| r.get(0))? {
            found.insert(row?);
        }
    }
    let mut quoted_card =
        conn.prepare_cached("SELECT pain_point_id FROM card_evidence WHERE card_id = ?1")?;
    for card in cards {
        for row in quoted_card.query_map([card], |r| r.get(0))? {
            found.insert(row?);
        }
    }
    Ok(found.into_iter().collect())
}
