//! A quarter's black-hole meter: how long the tickets opened in it waited for a first response
//! (median and 90th percentile, over all and per product and per customer team), how many
//! were still unanswered after N days, the aging of the tickets open at the quarter's end (or
//! now, for the quarter under way), and the requests that have waited longest without an
//! answer.
//!
//! Everything is read from indexes: the quarter's tickets from `tickets_by_opened`, which holds
//! every column the statistics use, and what was open at a moment from
//! `tickets_never_resolved` and `tickets_by_resolved`, which hold every column read of them.
//! Moments are compared as the text they are stored as (one format, which sorts as time does),
//! so the meter parses none but those of the tickets it lists.
//!
//! The median of an even count is the mean of the two middle values; the 90th percentile is
//! the nearest rank, the ⌈0.9·n⌉-th smallest value.

use super::Ticket;
use crate::error::{Error, Result};
use crate::id::Id;
use crate::quarter::Quarter;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use ts_rs::TS;

/// The days after which a ticket with no answer counts as lost, unless asked otherwise.
pub const DEFAULT_UNANSWERED_AFTER_DAYS: u32 = 3;
/// How many of the longest-waiting requests the meter lists.
pub const LONGEST_WAITING: usize = 10;
/// How many of its own longest-waiting requests a quarter's brief names.
pub const BRIEF_WAITING: usize = 5;

const HOUR: f64 = 3600.0;
const DAY: i64 = 86_400;

/// The time to first response of a set of tickets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ResponseTimes {
    /// Tickets in the set.
    pub tickets: u32,
    /// Of those, the answered ones the times are computed over.
    pub answered: u32,
    pub median_hours: Option<f64>,
    pub p90_hours: Option<f64>,
}

/// One product's or customer team's response times. `id` is `None` for the tickets matched to
/// none, named by `name` ("No product", "No customer team").
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct GroupResponse {
    pub id: Option<Id>,
    pub name: String,
    pub times: ResponseTimes,
}

/// How many tickets fall in a span: of response time, or of age.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Bucket {
    pub label: String,
    pub count: u32,
}

/// A request waiting without an answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Waiting {
    pub ticket: Ticket,
    /// Whole days waited by the report's moment.
    pub days: u32,
}

/// A quarter's black-hole meter.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BlackHole {
    /// `2026-Q3`.
    pub quarter: String,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    /// The moment open and unanswered are judged at: the quarter's end, or now while it runs.
    pub as_of: DateTime<Utc>,
    /// The tickets opened in the quarter.
    pub response: ResponseTimes,
    pub by_product: Vec<GroupResponse>,
    pub by_customer: Vec<GroupResponse>,
    /// Time to first response of the quarter's tickets, in spans, the unanswered last.
    pub distribution: Vec<Bucket>,
    pub unanswered_after_days: u32,
    /// The quarter's tickets at least that many days old at `as_of`.
    pub old_enough: u32,
    /// Of those, the ones with no answer within that many days.
    pub unanswered: u32,
    /// `unanswered` over `old_enough`, 0 to 100.
    pub unanswered_share: Option<f64>,
    /// Tickets open at `as_of`, whenever opened, by how long they had been open.
    pub open: u32,
    pub aging: Vec<Bucket>,
    /// The open tickets with no answer at `as_of`, longest waiting first.
    pub longest_waiting: Vec<Waiting>,
    /// How many open tickets have no answer at `as_of`.
    pub waiting: u32,
}

/// A quarter's meter in brief, as its review keeps it: the time to first response of the
/// tickets opened in the quarter, the share of them still unanswered after N days, and the few
/// of them still waiting at `as_of`. Read from the quarter's own range of `tickets_by_opened`
/// only, so it costs what the quarter holds, never the years of tickets before it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct QuarterBrief {
    /// The moment unanswered and waiting are judged at: the quarter's end, or now while it runs.
    pub as_of: DateTime<Utc>,
    pub response: ResponseTimes,
    pub unanswered_after_days: u32,
    /// The quarter's tickets at least that many days old at `as_of`.
    pub old_enough: u32,
    /// Of those, the ones with no answer within that many days.
    pub unanswered: u32,
    /// `unanswered` over `old_enough`, 0 to 100.
    pub unanswered_share: Option<f64>,
    /// The quarter's tickets still open with no answer at `as_of`, longest waiting first
    /// ([`BRIEF_WAITING`] at most).
    pub longest_waiting: Vec<Waiting>,
}

/// The median and 90th percentile of `seconds`, sorted in place, in hours.
pub fn median_and_p90(seconds: &mut [i64]) -> (Option<f64>, Option<f64>) {
    if seconds.is_empty() {
        return (None, None);
    }
    seconds.sort_unstable();
    let n = seconds.len();
    let median = if n % 2 == 1 {
        seconds[n / 2] as f64
    } else {
        (seconds[n / 2 - 1] as f64 + seconds[n / 2] as f64) / 2.0
    };
    let rank = (n * 9).div_ceil(10).max(1);
    (Some(median / HOUR), Some(seconds[rank - 1] as f64 / HOUR))
}

fn times(tickets: u32, mut seconds: Vec<i64>) -> ResponseTimes {
    let (median_hours, p90_hours) = median_and_p90(&mut seconds);
    ResponseTimes {
        tickets,
        answered: seconds.len() as u32,
        median_hours,
        p90_hours,
    }
}

/// The first moment of `day`, UTC.
pub fn start_of(day: NaiveDate) -> DateTime<Utc> {
    day.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc()
}

/// One ticket opened in the quarter, as the covering index holds it.
struct Opened {
    /// Opened at least the wait before the moment judged at: old enough to count as lost.
    old_enough: bool,
    response_seconds: Option<i64>,
    product: Option<Id>,
    customer: Option<Id>,
}

/// The tickets opened from `from` until `until`; `old_before` marks those opened by then.
/// Moments are compared as the text they are stored as, which sorts as they do in time.
fn opened_in(
    conn: &Connection,
    from: DateTime<Utc>,
    until: DateTime<Utc>,
    old_before: DateTime<Utc>,
) -> Result<Vec<Opened>> {
    let mut stmt = conn.prepare_cached(
        "SELECT opened_at <= ?3, response_seconds, product_id, customer_id
         FROM tickets INDEXED BY tickets_by_opened
         WHERE opened_at >= ?1 AND opened_at < ?2 AND deleted_at IS NULL",
    )?;
    let rows = stmt
        .query_map((from, until, old_before), |r| {
            Ok(Opened {
                old_enough: r.get(0)?,
                response_seconds: r.get(1)?,
                product: r.get(2)?,
                customer: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// The time to first response of the tickets opened in `quarter`: what the duration metric
/// records, and the meter's headline.
pub fn quarter_response(conn: &Connection, quarter: Quarter) -> Result<ResponseTimes> {
    let (from, until) = (
        start_of(quarter.first_day()),
        start_of(quarter.next().first_day()),
    );
    let rows = opened_in(conn, from, until, from)?;
    let seconds = rows.iter().filter_map(|r| r.response_seconds).collect();
    Ok(times(rows.len() as u32, seconds))
}

fn grouped(
    conn: &Connection,
    rows: &[Opened],
    key: impl Fn(&Opened) -> Option<Id>,
    table: &str,
    none: &str,
) -> Result<Vec<GroupResponse>> {
    let mut groups: HashMap<Option<Id>, (u32, Vec<i64>)> = HashMap::new();
    for row in rows {
        let group = groups.entry(key(row)).or_default();
        group.0 += 1;
        group.1.extend(row.response_seconds);
    }
    let mut name_of = conn.prepare_cached(&format!("SELECT name FROM {table} WHERE id = ?1"))?;
    let mut list = Vec::with_capacity(groups.len());
    for (id, (tickets, seconds)) in groups {
        let name = match id {
            Some(id) => name_of.query_row([id], |r| r.get(0))?,
            None => none.to_owned(),
        };
        list.push(GroupResponse {
            id,
            name,
            times: times(tickets, seconds),
        });
    }
    // The slowest first: where the black hole is deepest. Unanswered-only groups lead.
    list.sort_by(|a, b| {
        let key = |g: &GroupResponse| g.times.median_hours.unwrap_or(f64::INFINITY);
        key(b).total_cmp(&key(a)).then_with(|| a.name.cmp(&b.name))
    });
    Ok(list)
}

fn distribution(rows: &[Opened]) -> Vec<Bucket> {
    const SPANS: [(&str, i64); 6] = [
        ("Within an hour", 3600),
        ("1 to 4 hours", 4 * 3600),
        ("4 to 24 hours", DAY),
        ("1 to 3 days", 3 * DAY),
        ("3 to 7 days", 7 * DAY),
        ("Over a week", i64::MAX),
    ];
    let mut buckets: Vec<Bucket> = SPANS
        .iter()
        .map(|(label, _)| Bucket {
            label: (*label).to_owned(),
            count: 0,
        })
        .chain([Bucket {
            label: "Not answered".to_owned(),
            count: 0,
        }])
        .collect();
    for row in rows {
        let index = match row.response_seconds {
            Some(s) => SPANS.iter().position(|(_, below)| s < *below).unwrap_or(5),
            None => SPANS.len(),
        };
        buckets[index].count += 1;
    }
    buckets
}

const AGES: [(&str, i64); 4] = [
    ("Under a week", 7),
    ("1 to 4 weeks", 28),
    ("1 to 3 months", 90),
    ("3 months or more", i64::MAX),
];

/// The tickets open at a moment, whenever opened: how many, by how long they had been open,
/// how many had no answer by then, and the longest waiting of those.
struct OpenAt {
    open: u32,
    aging: Vec<Bucket>,
    waiting: u32,
    longest_waiting: Vec<Id>,
}

/// The tickets open at `at` (opened by then and not resolved by then), counted and ranked in
/// SQL from the two covering indexes of what is never resolved and what was resolved later.
/// Moments are compared as the text they are stored as, which sorts as they do in time, so no
/// moment is parsed; a ticket's age in whole days is under `d` exactly when it was opened after
/// `at` less `d` days.
fn open_at(conn: &Connection, at: DateTime<Utc>) -> Result<OpenAt> {
    const OPEN: &str = "SELECT id, opened_at, first_response_at
         FROM tickets INDEXED BY tickets_never_resolved
         WHERE resolved_at IS NULL AND deleted_at IS NULL AND opened_at <= ?1
         UNION ALL
         SELECT id, opened_at, first_response_at FROM tickets INDEXED BY tickets_by_resolved
         WHERE resolved_at IS NOT NULL AND deleted_at IS NULL AND resolved_at > ?1
           AND opened_at <= ?1";
    let after = |days: i64| at - Duration::days(days);
    let (open, under_week, under_month, under_quarter, waiting): (u32, u32, u32, u32, u32) = conn
        .prepare_cached(&format!(
            "SELECT count(*), coalesce(sum(opened_at > ?2), 0), coalesce(sum(opened_at > ?3), 0),
               coalesce(sum(opened_at > ?4), 0),
               coalesce(sum(first_response_at IS NULL OR first_response_at > ?1), 0)
             FROM ({OPEN})"
        ))?
        .query_row(
            (at, after(AGES[0].1), after(AGES[1].1), after(AGES[2].1)),
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )?;
    let counts = [
        under_week,
        under_month - under_week,
        under_quarter - under_month,
        open - under_quarter,
    ];
    let aging = AGES
        .iter()
        .zip(counts)
        .map(|((label, _), count)| Bucket {
            label: (*label).to_owned(),
            count,
        })
        .collect();
    // The oldest still waiting in each index, the never resolved in its own order, then the
    // few of both: sorting all that is open to keep ten took most of the meter's time.
    let mut oldest: Vec<(String, Id)> = Vec::with_capacity(2 * LONGEST_WAITING);
    for (index, resolved) in [
        ("tickets_never_resolved", "resolved_at IS NULL"),
        (
            "tickets_by_resolved",
            "resolved_at IS NOT NULL AND resolved_at > ?1",
        ),
    ] {
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT opened_at, id FROM tickets INDEXED BY {index}
             WHERE {resolved} AND deleted_at IS NULL AND opened_at <= ?1
               AND (first_response_at IS NULL OR first_response_at > ?1)
             ORDER BY opened_at, id LIMIT {LONGEST_WAITING}"
        ))?;
        let rows = stmt.query_map([at], |r| Ok((r.get(0)?, r.get(1)?)))?;
        for row in rows {
            oldest.push(row?);
        }
    }
    oldest.sort();
    let longest_waiting = oldest
        .into_iter()
        .take(LONGEST_WAITING)
        .map(|(_, id)| id)
        .collect();
    Ok(OpenAt {
        open,
        aging,
        waiting,
        longest_waiting,
    })
}

/// The quarter's tickets judged at `as_of` with a wait of `unanswered_after_days`: all of
/// them, their time to first response, how many are old enough to count as lost, and how many
/// of those are.
struct Judged {
    rows: Vec<Opened>,
    response: ResponseTimes,
    old_enough: u32,
    unanswered: u32,
    unanswered_share: Option<f64>,
}

/// The quarter's span, the moment it is judged at (its end, or `now` while it runs), and its
/// tickets judged then; a wait outside 1 to 365 days is refused.
fn judged(
    conn: &Connection,
    quarter: Quarter,
    unanswered_after_days: u32,
    now: DateTime<Utc>,
) -> Result<(DateTime<Utc>, Judged)> {
    if !(1..=365).contains(&unanswered_after_days) {
        return Err(Error::validation(
            "unansweredAfterDays",
            format!("{unanswered_after_days} days is not a wait to judge by: choose 1 to 365."),
        ));
    }
    let from = start_of(quarter.first_day());
    let until = start_of(quarter.next().first_day());
    let as_of = now.min(until);
    let wait = i64::from(unanswered_after_days) * DAY;
    let rows = opened_in(conn, from, until, as_of - Duration::seconds(wait))?;
    let old = rows.iter().filter(|r| r.old_enough);
    let old_enough = old.clone().count() as u32;
    let unanswered = old
        .filter(|r| r.response_seconds.is_none_or(|s| s > wait))
        .count() as u32;
    let seconds = rows.iter().filter_map(|r| r.response_seconds).collect();
    let judged = Judged {
        response: times(rows.len() as u32, seconds),
        rows,
        old_enough,
        unanswered,
        unanswered_share: (old_enough > 0)
            .then(|| 100.0 * f64::from(unanswered) / f64::from(old_enough)),
    };
    Ok((as_of, judged))
}

/// The tickets with these ids, each with the whole days it has waited by `as_of`.
fn waiting(conn: &Connection, ids: &[Id], as_of: DateTime<Utc>) -> Result<Vec<Waiting>> {
    Ok(super::by_ids(conn, ids)?
        .into_iter()
        .map(|ticket| Waiting {
            days: (as_of - ticket.opened_at).num_days().max(0) as u32,
            ticket,
        })
        .collect())
}

/// The black-hole meter of `quarter`, judged at its end or at `now` while it runs; a ticket
/// not answered within `unanswered_after_days` counts as lost in the hole.
pub fn black_hole(
    conn: &Connection,
    quarter: Quarter,
    unanswered_after_days: u32,
    now: DateTime<Utc>,
) -> Result<BlackHole> {
    let (as_of, judged) = judged(conn, quarter, unanswered_after_days, now)?;
    let rows = &judged.rows;
    let by_product = grouped(conn, rows, |r| r.product, "products", "No product")?;
    let by_customer = grouped(conn, rows, |r| r.customer, "customers", "No customer team")?;
    let distribution = distribution(rows);
    let open = open_at(conn, as_of)?;
    Ok(BlackHole {
        quarter: quarter.key(),
        first_day: quarter.first_day(),
        last_day: quarter.last_day(),
        as_of,
        response: judged.response,
        by_product,
        by_customer,
        distribution,
        unanswered_after_days,
        old_enough: judged.old_enough,
        unanswered: judged.unanswered,
        unanswered_share: judged.unanswered_share,
        open: open.open,
        aging: open.aging,
        waiting: open.waiting,
        longest_waiting: waiting(conn, &open.longest_waiting, as_of)?,
    })
}

/// The brief of `quarter`'s meter (see [`QuarterBrief`]), judged at its end or at `now` while
/// it runs; `None` when no ticket was opened in it.
pub fn brief(
    conn: &Connection,
    quarter: Quarter,
    unanswered_after_days: u32,
    now: DateTime<Utc>,
) -> Result<Option<QuarterBrief>> {
    let (as_of, judged) = judged(conn, quarter, unanswered_after_days, now)?;
    if judged.rows.is_empty() {
        return Ok(None);
    }
    // The quarter's range of the index, oldest first: the walk stops at the first few still
    // waiting. Whether a ticket was answered by `as_of` is read from the index (opened plus
    // the seconds to its answer), so only the row of one still unanswered is looked up, to
    // see whether it was resolved.
    let ids: Vec<Id> = conn
        .prepare_cached(&format!(
            "SELECT id FROM tickets INDEXED BY tickets_by_opened
             WHERE opened_at >= ?1 AND opened_at < ?2 AND opened_at <= ?3 AND deleted_at IS NULL
               AND (response_seconds IS NULL
                 OR unixepoch(opened_at) + response_seconds > unixepoch(?3))
               AND (resolved_at IS NULL OR resolved_at > ?3)
             ORDER BY opened_at, id LIMIT {BRIEF_WAITING}"
        ))?
        .query_map(
            (
                start_of(quarter.first_day()),
                start_of(quarter.next().first_day()),
                as_of,
            ),
            |r| r.get(0),
        )?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Some(QuarterBrief {
        as_of,
        response: judged.response,
        unanswered_after_days,
        old_enough: judged.old_enough,
        unanswered: judged.unanswered,
        unanswered_share: judged.unanswered_share,
        longest_waiting: waiting(conn, &ids, as_of)?,
    }))
}

/// The meter of the quarter named `quarter` (`2026-Q3`), or of the quarter holding `now`.
pub fn meter(
    conn: &Connection,
    quarter: Option<&str>,
    unanswered_after_days: u32,
    now: DateTime<Utc>,
) -> Result<BlackHole> {
    let start = crate::settings::fiscal_year_start(conn)?;
    let quarter = match quarter.map(str::trim).filter(|q| !q.is_empty()) {
        Some(text) => Quarter::parse(text, start, "quarter")?,
        None => Quarter::containing(now.date_naive(), start),
    };
    black_hole(conn, quarter, unanswered_after_days, now)
}

/// The quarters holding tickets, newest first, by the day each was opened.
pub fn quarters(conn: &Connection) -> Result<Vec<Quarter>> {
    let start = crate::settings::fiscal_year_start(conn)?;
    let end = |order: &str| -> Result<Option<DateTime<Utc>>> {
        Ok(conn
            .prepare_cached(&format!(
                "SELECT opened_at FROM tickets INDEXED BY tickets_by_opened
                 WHERE deleted_at IS NULL ORDER BY opened_at {order} LIMIT 1"
            ))?
            .query_row([], |r| r.get(0))
            .optional()?)
    };
    let (Some(first), Some(last)) = (end("ASC")?, end("DESC")?) else {
        return Ok(Vec::new());
    };
    let mut quarter = Quarter::containing(last.date_naive(), start);
    let oldest = Quarter::containing(first.date_naive(), start);
    let mut list = vec![quarter];
    while quarter != oldest && list.len() < 400 {
        quarter = quarter.previous();
        list.push(quarter);
    }
    Ok(list)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_median_of_an_even_count_is_the_mean_of_the_middle_two() {
        // 1, 2, 3, 10 hours: median (2 + 3) / 2 = 2.5; 90th percentile rank ⌈3.6⌉ = 4 → 10.
        let mut s = vec![10 * 3600, 3600, 3 * 3600, 2 * 3600];
        assert_eq!(median_and_p90(&mut s), (Some(2.5), Some(10.0)));
    }

    #[test]
    fn one_value_is_its_own_median_and_percentile() {
        assert_eq!(median_and_p90(&mut [7200]), (Some(2.0), Some(2.0)));
        assert_eq!(median_and_p90(&mut []), (None, None));
    }
}
