//! Listing interviews: filters, newest first, one page at a time, with a short excerpt instead
//! of the full notes so a page stays small.

use super::InterviewKind;
use crate::error::Result;
use crate::id::Id;
use crate::page::{Page, PageRequest};
use crate::themes::{self, Tag};
use chrono::NaiveDate;
use rusqlite::{Connection, named_params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How much of the notes a list shows, in characters.
const EXCERPT_CHARS: usize = 240;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct InterviewFilter {
    #[serde(default)]
    pub customer_id: Option<Id>,
    /// Interviews with customers that use this product.
    #[serde(default)]
    pub product_id: Option<Id>,
    #[serde(default)]
    pub kind: Option<InterviewKind>,
    #[serde(default)]
    pub interviewer_id: Option<Id>,
    #[serde(default)]
    pub theme_id: Option<Id>,
    #[serde(default)]
    pub from: Option<NaiveDate>,
    #[serde(default)]
    pub to: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct InterviewSummary {
    pub id: Id,
    pub customer_id: Id,
    pub customer_name: String,
    pub held_on: NaiveDate,
    pub kind: InterviewKind,
    pub interviewees: String,
    pub excerpt: String,
    pub highlight_count: u32,
    pub tags: Vec<Tag>,
}

const MATCHING: &str = "
    FROM interviews i JOIN customers c ON c.id = i.customer_id AND c.deleted_at IS NULL
    WHERE i.deleted_at IS NULL
      AND (:customer IS NULL OR i.customer_id = :customer)
      AND (:kind IS NULL OR i.kind = :kind)
      AND (:from IS NULL OR i.held_on >= :from)
      AND (:to IS NULL OR i.held_on <= :to)
      AND (:interviewer IS NULL OR EXISTS (SELECT 1 FROM interview_interviewers x
            WHERE x.interview_id = i.id AND x.person_id = :interviewer))
      AND (:theme IS NULL OR EXISTS (SELECT 1 FROM interview_themes t
            WHERE t.interview_id = i.id AND t.theme_id = :theme))
      AND (:product IS NULL OR EXISTS (SELECT 1 FROM customer_products cp
            WHERE cp.customer_id = i.customer_id AND cp.product_id = :product))";

/// One page of the interviews that match `filter`, newest first.
pub fn list(
    conn: &Connection,
    filter: &InterviewFilter,
    page: PageRequest,
) -> Result<Page<InterviewSummary>> {
    let limit = page.limit();
    let params = named_params! {
        ":customer": filter.customer_id, ":kind": filter.kind, ":from": filter.from,
        ":to": filter.to, ":interviewer": filter.interviewer_id, ":theme": filter.theme_id,
        ":product": filter.product_id,
    };
    let total: u32 = conn
        .prepare_cached(&format!("SELECT count(*) {MATCHING}"))?
        .query_row(params, |r| r.get(0))?;
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT i.id, i.customer_id, c.name, i.held_on, i.kind, i.interviewees,
                substr(i.notes, 1, {EXCERPT_CHARS}),
                (SELECT count(*) FROM highlights h WHERE h.interview_id = i.id)
         {MATCHING}
         ORDER BY i.held_on DESC, i.id DESC LIMIT {limit} OFFSET {offset}",
        offset = page.offset
    ))?;
    let mut items: Vec<InterviewSummary> = stmt
        .query_map(params, |r| {
            Ok(InterviewSummary {
                id: r.get(0)?,
                customer_id: r.get(1)?,
                customer_name: r.get(2)?,
                held_on: r.get(3)?,
                kind: r.get(4)?,
                interviewees: r.get(5)?,
                excerpt: r.get(6)?,
                highlight_count: r.get(7)?,
                tags: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    for item in &mut items {
        item.tags = themes::tags_of(conn, "interview_themes", "interview_id", item.id)?;
    }
    Ok(Page {
        items,
        total,
        offset: page.offset,
        limit,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unfiltered_page_walks_the_index_in_order() {
        let sql = format!("SELECT i.id {MATCHING} ORDER BY i.held_on DESC, i.id DESC LIMIT 50");
        crate::store::assert_walks_index(
            &sql,
            named_params! { ":customer": None::<String>, ":kind": None::<String>, ":from": None::<String>, ":to": None::<String>, ":interviewer": None::<String>, ":theme": None::<String>, ":product": None::<String> },
            "interviews_by_date",
        );
    }
}
