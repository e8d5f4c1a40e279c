//! Customer coverage: which customer teams the team has listened to lately, and who on the team
//! does the listening. Customers not heard from in the longest time come first; those past a
//! configurable number of weeks are flagged. Both settings it reads, that number and the month
//! the fiscal year starts in, live in [`crate::settings`].

use crate::error::Result;
use crate::id::Id;
use crate::people::Level;
use crate::quarter::Quarter;
use crate::settings;
use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Coverage {
    /// The current quarter of the fiscal year, as "2026 Q4" (see [`Quarter`]).
    pub quarter: String,
    pub quarter_start: NaiveDate,
    pub unheard_after_weeks: u32,
    pub customers: Vec<CustomerCoverage>,
    pub people: Vec<PersonCoverage>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CustomerCoverage {
    pub customer_id: Id,
    pub name: String,
    pub department: String,
    pub last_heard_on: Option<NaiveDate>,
    /// Whole weeks since the last conversation; none if there never was one.
    pub weeks_since: Option<u32>,
    pub conversations_this_quarter: u32,
    /// Pain points not yet addressed or declined that name this customer or quote it.
    pub open_pain_points: u32,
    pub product_ids: Vec<Id>,
    /// Never heard from, or not for `unheard_after_weeks` or more.
    pub unheard: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PersonCoverage {
    pub person_id: Id,
    pub name: String,
    pub level: Level,
    pub conversations_this_quarter: u32,
}

/// Counts every customer's open pain points afresh: the pain points that name it or quote its
/// live interviews, not in the Trash or merged, new, accepted or planned. The database's
/// triggers keep these counts in step on every write; this rebuilds them where rows came in
/// an order the triggers cannot follow (a bundle's tables, imported one after another).
pub fn rebuild_counts(conn: &Connection) -> Result<()> {
    conn.execute_batch(
        "DELETE FROM customer_open_pain_points;
         DELETE FROM customer_pain_points;
         INSERT INTO customer_pain_points (customer_id, pain_point_id, links)
         SELECT customer_id, pain_point_id, count(*) FROM (
             SELECT customer_id, pain_point_id FROM pain_point_customers
             UNION ALL
             SELECT i.customer_id, h.pain_point_id
             FROM highlights h JOIN interviews i INDEXED BY interviews_live ON i.id = h.interview_id
             WHERE i.deleted_at IS NULL
         ) GROUP BY customer_id, pain_point_id;
         -- The pairs' triggers counted as they went in; counted again from the whole.
         DELETE FROM customer_open_pain_points;
         INSERT INTO customer_open_pain_points (customer_id, open_pain_points)
         SELECT x.customer_id, count(*)
         FROM customer_pain_points x JOIN pain_points p ON p.id = x.pain_point_id
         WHERE p.deleted_at IS NULL AND p.merged_into IS NULL
           AND p.status IN ('new', 'accepted', 'planned')
         GROUP BY x.customer_id;",
    )?;
    Ok(())
}

/// Whole weeks from the last conversation, `last`, to `today`; none if there never was one.
pub fn weeks_since(last: Option<NaiveDate>, today: NaiveDate) -> Option<u32> {
    last.map(|day| ((today - day).num_days() / 7) as u32)
}

/// The order customers are listed in by when they were last heard from: never heard from
/// first, then the longest silence, then by name.
pub fn longest_silence_first(
    a: (Option<NaiveDate>, &str),
    b: (Option<NaiveDate>, &str),
) -> std::cmp::Ordering {
    a.0.cmp(&b.0)
        .then_with(|| a.1.to_lowercase().cmp(&b.1.to_lowercase()))
}

/// A customer is unheard when never heard from, or not for `unheard_after_weeks` or more.
pub fn is_unheard(weeks_since: Option<u32>, unheard_after_weeks: u32) -> bool {
    weeks_since.is_none_or(|weeks| weeks >= unheard_after_weeks)
}

/// Coverage as of `today`, counting conversations in the fiscal quarter that holds it. The
/// queries name the indexes that hold every column they read (migration 8): reading an
/// interview's row to see whether it is in the Trash walks its notes. Open pain points are read
/// from the counts the database keeps in step on every write (migration 10).
pub fn coverage(conn: &Connection, today: NaiveDate) -> Result<Coverage> {
    let quarter = Quarter::containing(today, settings::fiscal_year_start(conn)?);
    let quarter_start = quarter.first_day();
    let weeks = settings::unheard_after_weeks(conn)?;
    let mut customers: Vec<CustomerCoverage> = conn
        .prepare_cached(
            "SELECT c.id, c.name, c.department,
               (SELECT max(held_on) FROM interviews i INDEXED BY interviews_live_by_customer
                 WHERE i.customer_id = c.id AND i.deleted_at IS NULL AND i.held_on <= ?1),
               (SELECT count(*) FROM interviews i INDEXED BY interviews_live_by_customer
                 WHERE i.customer_id = c.id
                 AND i.deleted_at IS NULL AND i.held_on BETWEEN ?2 AND ?1),
               ifnull((SELECT open_pain_points FROM customer_open_pain_points o
                       WHERE o.customer_id = c.id), 0)
             FROM customers c WHERE c.deleted_at IS NULL",
        )?
        .query_map((today, quarter_start), |r| {
            let last: Option<NaiveDate> = r.get(3)?;
            let weeks_since = weeks_since(last, today);
            Ok(CustomerCoverage {
                customer_id: r.get(0)?,
                name: r.get(1)?,
                department: r.get(2)?,
                last_heard_on: last,
                weeks_since,
                conversations_this_quarter: r.get(4)?,
                open_pain_points: r.get(5)?,
                product_ids: Vec::new(),
                unheard: is_unheard(weeks_since, weeks),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut products = conn.prepare_cached(
        "SELECT cp.product_id FROM customer_products cp
         JOIN products p ON p.id = cp.product_id AND p.deleted_at IS NULL
         WHERE cp.customer_id = ?1 ORDER BY p.name",
    )?;
    for customer in &mut customers {
        customer.product_ids = products
            .query_map([customer.customer_id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
    }
    customers.sort_by(|a, b| {
        longest_silence_first((a.last_heard_on, &a.name), (b.last_heard_on, &b.name))
    });
    let people = conn
        .prepare_cached(
            "SELECT p.id, p.name, p.level,
               (SELECT count(*) FROM interview_interviewers x
                JOIN interviews i INDEXED BY interviews_live
                  ON i.id = x.interview_id AND i.deleted_at IS NULL
                WHERE x.person_id = p.id AND i.held_on BETWEEN ?2 AND ?1)
             FROM people p WHERE p.deleted_at IS NULL
             ORDER BY 4 DESC, p.name COLLATE NOCASE",
        )?
        .query_map((today, quarter_start), |r| {
            Ok(PersonCoverage {
                person_id: r.get(0)?,
                name: r.get(1)?,
                level: r.get(2)?,
                conversations_this_quarter: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Coverage {
        quarter: quarter.to_string(),
        quarter_start,
        unheard_after_weeks: weeks,
        customers,
        people,
    })
}
