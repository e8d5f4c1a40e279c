//! One customer team as a page: who they are, what they use, when and by whom they were last
//! heard from, and what they said — their interviews, the quotes they gave and the pain points
//! that reach them, heaviest first. The first page of each list is read in one snapshot and
//! kept small ([`PROFILE_PAGE`] rows), so the reply stays far inside the 256 KB budget; later
//! pages come from the interview and pain point lists filtered by the customer and from
//! [`evidence::page_from_customer`].

use super::{Customer, get};
use crate::coverage;
use crate::error::Result;
use crate::evidence::{self, CustomerQuote};
use crate::id::Id;
use crate::interviews::{self, InterviewFilter, InterviewKind, InterviewSummary};
use crate::page::{Page, PageRequest};
use crate::pain_points::{self, PainPointFilter, PainPointSummary};
use crate::settings;
use crate::themes::Tag;
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

/// How many interviews, quotes and pain points the first read of a customer holds.
pub const PROFILE_PAGE: u32 = 10;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CustomerProfile {
    pub customer: Customer,
    /// The live products it uses, by name.
    pub products: Vec<Tag>,
    /// Its latest conversation up to today; none if it was never heard from.
    pub last_heard: Option<LastHeard>,
    /// Whole weeks since that conversation.
    pub weeks_since: Option<u32>,
    /// Never heard from, or not for the workspace's number of weeks (see coverage).
    pub unheard: bool,
    /// Its interviews, newest first.
    pub interviews: Page<InterviewSummary>,
    /// The quotes it gave that support a pain point, newest first.
    pub quotes: Page<CustomerQuote>,
    /// The pain points it is affected by (named on them, or quoted in their evidence),
    /// heaviest first.
    pub pain_points: Page<PainPointSummary>,
}

/// A customer's latest conversation: when, what kind, and who on the team held it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct LastHeard {
    pub interview_id: Id,
    pub held_on: NaiveDate,
    pub kind: InterviewKind,
    /// The interviewers not in the Trash, by name.
    pub by: Vec<Tag>,
}

/// The customer `id` as its page shows it, as of `today`.
pub fn profile(conn: &Connection, id: Id, today: NaiveDate) -> Result<CustomerProfile> {
    let customer = get(conn, id)?;
    let products = crate::themes::named(
        conn,
        "SELECT p.id, p.name FROM customer_products cp
         JOIN products p ON p.id = cp.product_id AND p.deleted_at IS NULL
         WHERE cp.customer_id = ?1 ORDER BY p.name COLLATE NOCASE",
        id,
    )?;
    let last_heard = last_heard(conn, id, today)?;
    let weeks_since = coverage::weeks_since(last_heard.as_ref().map(|l| l.held_on), today);
    let first = PageRequest {
        offset: 0,
        limit: PROFILE_PAGE,
    };
    let interview_filter = InterviewFilter {
        customer_id: Some(id),
        ..Default::default()
    };
    let pain_point_filter = PainPointFilter {
        customer_id: Some(id),
        ..Default::default()
    };
    Ok(CustomerProfile {
        customer,
        products,
        last_heard,
        weeks_since,
        unheard: coverage::is_unheard(weeks_since, settings::unheard_after_weeks(conn)?),
        interviews: interviews::list(conn, &interview_filter, first)?,
        quotes: evidence::page_from_customer(conn, id, first)?,
        pain_points: pain_points::list(conn, &pain_point_filter, first, today)?,
    })
}

/// The customer's newest conversation held on or before `today`, with its interviewers.
fn last_heard(conn: &Connection, customer: Id, today: NaiveDate) -> Result<Option<LastHeard>> {
    let latest: Option<(Id, NaiveDate, InterviewKind)> = conn
        .prepare_cached(
            "SELECT id, held_on, kind FROM interviews
             WHERE customer_id = ?1 AND deleted_at IS NULL AND held_on <= ?2
             ORDER BY held_on DESC, id DESC LIMIT 1",
        )?
        .query_row((customer, today), |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?;
    let Some((interview_id, held_on, kind)) = latest else {
        return Ok(None);
    };
    let by = crate::themes::named(
        conn,
        "SELECT p.id, p.name FROM interview_interviewers x
         JOIN people p ON p.id = x.person_id AND p.deleted_at IS NULL
         WHERE x.interview_id = ?1 ORDER BY p.name COLLATE NOCASE",
        interview_id,
    )?;
    Ok(Some(LastHeard {
        interview_id,
        held_on,
        kind,
        by,
    }))
}
