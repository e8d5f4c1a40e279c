//! Listing interviews: filters, newest first, one page at a time, each with its own heading and
//! a short plain-text excerpt instead of the full notes, so a page stays small and two
//! conversations with one customer can be told apart.

use super::InterviewKind;
use crate::error::Result;
use crate::id::Id;
use crate::page::{Page, PageRequest};
use crate::plain_text;
use crate::store::Matching;
use crate::themes::{self, Tag};
use chrono::NaiveDate;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How much of the notes a list shows, in characters.
const EXCERPT_CHARS: usize = 240;

/// How much of the notes is read to find an interview's heading and excerpt, in characters: a
/// heading further in than this is a section of the notes, not their title.
pub(crate) const OPENING_CHARS: usize = 2_000;

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
    /// Only interviews with no evidence marked in them yet: the inbox.
    #[serde(default)]
    pub unmarked: bool,
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
    /// The notes' first heading, as plain text: the interview's own title. None when its notes
    /// open without one; the interface then names it by its kind and date.
    pub heading: Option<String>,
    /// The start of the notes as plain text, without the heading.
    pub excerpt: String,
    pub highlight_count: u32,
    pub tags: Vec<Tag>,
}

fn matching(filter: &InterviewFilter) -> Matching<'_> {
    let mut m = Matching::new(
        "FROM interviews i JOIN customers c ON c.id = i.customer_id AND c.deleted_at IS NULL
         WHERE i.deleted_at IS NULL",
    );
    m.and(
        &filter.customer_id,
        ":customer",
        "i.customer_id = :customer",
    );
    m.and(&filter.kind, ":kind", "i.kind = :kind");
    m.and(&filter.from, ":from", "i.held_on >= :from");
    m.and(&filter.to, ":to", "i.held_on <= :to");
    m.and(
        &filter.interviewer_id,
        ":interviewer",
        "i.id IN (SELECT interview_id FROM interview_interviewers WHERE person_id = :interviewer)",
    );
    m.and(
        &filter.theme_id,
        ":theme",
        "i.id IN (SELECT interview_id FROM interview_themes WHERE theme_id = :theme)",
    );
    m.and_when(
        filter.unmarked,
        "NOT EXISTS (SELECT 1 FROM highlights h WHERE h.interview_id = i.id)",
    );
    m.and(
        &filter.product_id,
        ":product",
        "i.customer_id IN (SELECT customer_id FROM customer_products WHERE product_id = :product)",
    );
    m
}

/// One page of the interviews that match `filter`, newest first.
pub fn list(
    conn: &Connection,
    filter: &InterviewFilter,
    page: PageRequest,
) -> Result<Page<InterviewSummary>> {
    let limit = page.limit();
    let Matching {
        sql: matching,
        params,
    } = matching(filter);
    let params = params.as_slice();
    let total: u32 = conn
        .prepare_cached(&format!("SELECT count(*) {matching}"))?
        .query_row(params, |r| r.get(0))?;
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT i.id, i.customer_id, c.name, i.held_on, i.kind, i.interviewees,
                substr(i.notes, 1, {OPENING_CHARS}),
                (SELECT count(*) FROM highlights h WHERE h.interview_id = i.id)
         {matching}
         ORDER BY i.held_on DESC, i.id DESC LIMIT {limit} OFFSET {offset}",
        offset = page.offset
    ))?;
    let mut items: Vec<InterviewSummary> = stmt
        .query_map(params, |r| {
            let opening: String = r.get(6)?;
            Ok(InterviewSummary {
                id: r.get(0)?,
                customer_id: r.get(1)?,
                customer_name: r.get(2)?,
                held_on: r.get(3)?,
                kind: r.get(4)?,
                interviewees: r.get(5)?,
                heading: plain_text::heading(&opening),
                excerpt: plain_text::excerpt(&opening, EXCERPT_CHARS),
                highlight_count: r.get(7)?,
                tags: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let ids: Vec<Id> = items.iter().map(|item| item.id).collect();
    let tags = themes::tags_of_each(conn, "interview_themes", "interview_id", &ids)?;
    for (item, tags) in items.iter_mut().zip(tags) {
        item.tags = tags;
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
    use crate::store::assert_walks_index;

    fn plan_of(filter: &InterviewFilter) -> (String, Vec<(&'static str, &dyn rusqlite::ToSql)>) {
        let Matching { sql, params } = matching(filter);
        let sql = format!("SELECT i.id {sql} ORDER BY i.held_on DESC, i.id DESC LIMIT 50");
        (sql, params)
    }

    #[test]
    fn an_unfiltered_page_walks_the_index_in_order() {
        let filter = InterviewFilter::default();
        let (sql, params) = plan_of(&filter);
        assert_walks_index(&sql, params.as_slice(), "interviews_by_date");
    }

    #[test]
    fn a_page_of_one_customer_walks_its_index_in_order() {
        let filter = InterviewFilter {
            customer_id: Some(crate::testing::unknown_id()),
            ..Default::default()
        };
        let (sql, params) = plan_of(&filter);
        assert_walks_index(&sql, params.as_slice(), "interviews_live_by_customer");
    }
}
