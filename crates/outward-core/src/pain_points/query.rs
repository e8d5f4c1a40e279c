//! Listing pain points: filtered, heaviest first, one page at a time. The order is served by
//! the `pain_points_by_weight` index, so a page costs the same however many there are.

use super::{Frequency, Status, weight};
use crate::error::Result;
use crate::id::Id;
use crate::page::{Page, PageRequest};
use crate::themes::{self, Tag};
use chrono::NaiveDate;
use rusqlite::{Connection, named_params};
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

const MATCHING: &str = "
    FROM pain_points p
    WHERE p.deleted_at IS NULL AND p.merged_into IS NULL
      AND (:status IS NULL OR p.status = :status)
      AND (:severity IS NULL OR p.severity = :severity)
      AND (:product IS NULL OR EXISTS (SELECT 1 FROM pain_point_products x
            WHERE x.pain_point_id = p.id AND x.product_id = :product))
      AND (:theme IS NULL OR EXISTS (SELECT 1 FROM pain_point_themes x
            WHERE x.pain_point_id = p.id AND x.theme_id = :theme))
      AND (:customer IS NULL
           OR EXISTS (SELECT 1 FROM pain_point_customers x
                      WHERE x.pain_point_id = p.id AND x.customer_id = :customer)
           OR EXISTS (SELECT 1 FROM highlights h JOIN interviews i ON i.id = h.interview_id
                      WHERE h.pain_point_id = p.id AND i.customer_id = :customer
                        AND i.deleted_at IS NULL))";

/// One page of the pain points matching `filter`, heaviest first, weights as of `today`.
pub fn list(
    conn: &Connection,
    filter: &PainPointFilter,
    page: PageRequest,
    today: NaiveDate,
) -> Result<Page<PainPointSummary>> {
    let limit = page.limit();
    let params = named_params! {
        ":status": filter.status, ":severity": filter.severity, ":product": filter.product_id,
        ":theme": filter.theme_id, ":customer": filter.customer_id,
    };
    let total: u32 = conn
        .prepare_cached(&format!("SELECT count(*) {MATCHING}"))?
        .query_row(params, |r| r.get(0))?;
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT p.id, p.title, p.severity, p.frequency, p.status, p.weight,
                (SELECT count(*) FROM highlights h WHERE h.pain_point_id = p.id)
         {MATCHING}
         ORDER BY p.weight DESC, p.id LIMIT {limit} OFFSET {offset}",
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
                evidence_count: r.get(6)?,
                tags: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    for item in &mut items {
        item.tags = themes::tags_of(conn, "pain_point_themes", "pain_point_id", item.id)?;
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
        let sql = format!("SELECT p.id {MATCHING} ORDER BY p.weight DESC, p.id LIMIT 50");
        crate::store::assert_walks_index(
            &sql,
            named_params! { ":status": None::<String>, ":severity": None::<String>, ":product": None::<String>, ":theme": None::<String>, ":customer": None::<String> },
            "pain_points_by_weight",
        );
    }
}
