//! Listing pain points: filtered, heaviest first, one page at a time. The order is served by
//! the `pain_points_by_weight` index, so a page costs the same however many there are.

use super::{Frequency, Status, weight};
use crate::error::Result;
use crate::id::Id;
use crate::page::{Page, PageRequest};
use crate::store::Matching;
use crate::themes::{self, Tag};
use chrono::NaiveDate;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PainPointFilter {
    #[serde(default)]
    pub status: Option<Status>,
    #[serde(default)]
    pub product_id: Option<Id>,
    #[serde(default)]
    pub customer_id: Option<Id>,
    #[serde(default)]
    pub theme_id: Option<Id>,
    #[serde(default)]
    pub severity: Option<u8>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PainPointSummary {
    pub id: Id,
    pub title: String,
    pub severity: u8,
    pub frequency: Frequency,
    pub status: Status,
    pub weight: f64,
    pub evidence_count: u32,
    pub tags: Vec<Tag>,
}

fn matching(filter: &PainPointFilter) -> Matching<'_> {
    let mut m =
        Matching::new("FROM pain_points p WHERE p.deleted_at IS NULL AND p.merged_into IS NULL");
    m.and(&filter.status, ":status", "p.status = :status");
    m.and(&filter.severity, ":severity", "p.severity = :severity");
    m.and(
        &filter.product_id,
        ":product",
        "p.id IN (SELECT pain_point_id FROM pain_point_products WHERE product_id = :product)",
    );
    m.and(
        &filter.theme_id,
        ":theme",
        "p.id IN (SELECT pain_point_id FROM pain_point_themes WHERE theme_id = :theme)",
    );
    m.and(
        &filter.customer_id,
        ":customer",
        "p.id IN (SELECT pain_point_id FROM pain_point_reach WHERE customer_id = :customer)",
    );
    m
}

/// One page of the pain points matching `filter`, heaviest first, weights as of `today`.
pub fn list(
    conn: &Connection,
    filter: &PainPointFilter,
    page: PageRequest,
    today: NaiveDate,
) -> Result<Page<PainPointSummary>> {
    let limit = page.limit();
    let Matching {
        sql: matching,
        params,
    } = matching(filter);
    let params = params.as_slice();
    let total: u32 = conn
        .prepare_cached(&format!("SELECT count(*) {matching}"))?
        .query_row(params, |r| r.get(0))?;
    // The page is chosen from the index first; only its rows are read and their evidence
    // counted (a sort would otherwise carry every column of every match).
    let mut stmt = conn.prepare_cached(&format!(
        "WITH page AS (
           SELECT p.id {matching}
           ORDER BY p.weight DESC, p.id LIMIT {limit} OFFSET {offset})
         SELECT p.id, p.title, p.severity, p.frequency, p.status, p.weight
         FROM page JOIN pain_points p ON p.id = page.id
         ORDER BY p.weight DESC, p.id",
        offset = page.offset
    ))?;
    let mut items: Vec<PainPointSummary> = stmt
        .query_map(params, |r| {
            Ok(PainPointSummary {
                id: r.get(0)?,
                title: r.get(1)?,
                severity: r.get(2)?,
                frequency: r.get(3)?,
                status: r.get(4)?,
                weight: weight::on(r.get(5)?, today),
                evidence_count: 0,
                tags: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    // Counted one pain point at a time: SQLite pushes a bound id into both halves of the
    // `evidence` view, but not an id from an outer row, and would build the whole view per row.
    for item in &mut items {
        item.evidence_count = crate::evidence::count(conn, item.id)?;
    }
    let ids: Vec<Id> = items.iter().map(|item| item.id).collect();
    let tags = themes::tags_of_each(conn, "pain_point_themes", "pain_point_id", &ids)?;
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
    use crate::store::{assert_walks_index, query_plan};

    fn page_walks(filter: &PainPointFilter, index: &str) {
        let Matching { sql, params } = matching(filter);
        let sql = format!("SELECT p.id {sql} ORDER BY p.weight DESC, p.id LIMIT 50");
        assert_walks_index(&sql, params.as_slice(), index);
    }

    #[test]
    fn an_unfiltered_page_walks_the_index_in_order() {
        page_walks(&PainPointFilter::default(), "pain_points_by_weight");
    }

    #[test]
    fn a_page_of_one_status_walks_its_index_in_order() {
        let filter = PainPointFilter {
            status: Some(Status::Accepted),
            ..Default::default()
        };
        page_walks(&filter, "pain_points_by_status");
    }

    #[test]
    fn a_page_of_one_customer_seeks_its_reach_instead_of_scanning_every_interview() {
        let filter = PainPointFilter {
            customer_id: Some(crate::testing::unknown_id()),
            ..Default::default()
        };
        let Matching { sql, params } = matching(&filter);
        let sql = format!("SELECT p.id {sql} ORDER BY p.weight DESC, p.id LIMIT 50");
        let db = crate::db::Database::open_in_memory().unwrap();
        let plan = db
            .read(|conn| Ok(query_plan(conn, &sql, params.as_slice())))
            .unwrap();
        for index in [
            "pain_point_customers_by_customer",
            "interviews_live_by_customer",
        ] {
            assert!(plan.contains(index), "reads through {index}:\n{plan}");
        }
        assert!(!plan.contains("SCAN"), "scans nothing whole:\n{plan}");
    }
}
