//! The example's support history: four quarters of requests to the platform team, exported from
//! Jira and imported as a user would, so the black-hole meter has a story to tell on first run:
//! answers get faster quarter by quarter, but a few requests still wait with no answer at all.
//!
//! The team's hand-measured "Hours to first response" is the metric the imports feed, so its
//! past quarters now come from the tickets (the same medians the team had measured).

use crate::error::Result;
use crate::quarter::Quarter;
use crate::tickets::{import, response};
use chrono::{DateTime, Duration, Utc};
use rusqlite::Transaction;

/// The metric of `surveys.rs` the tickets feed.
const METRIC: &str = "Hours to first response";
/// The median hours to first response of each past quarter, oldest first, as in `surveys.rs`.
const MEDIAN_HOURS: [f64; 3] = [9.5, 8.0, 7.2];
/// Tickets a quarter.
const PER_QUARTER: i64 = 41;

const TITLES: [&str; 12] = [
    "Runner pool exhausted at peak, builds queue for half an hour",
    "Build cache misses after the Gradle upgrade",
    "Need a replica for reporting queries",
    "Canary step times out on services with slow health checks",
    "Rollback greyed out after a failed migration step",
    "Connection pool limits too low for the batch jobs",
    "How do we pin the base image version?",
    "Deploy window blocks an urgent fix on Friday",
    "Access to the deploy dashboard for the new on-call rotation",
    "Point-in-time restore of the orders database",
    "VM image still ships an old OpenSSL",
    "Flaky checkout of submodules on the ARM runners",
];
const PRODUCTS: [&str; 4] = [
    "Build & CI",
    "Managed Postgres",
    "Deploy pipeline",
    "Legacy VM images",
];
const TEAMS: [&str; 7] = [
    "Payments",
    "Checkout",
    "Search & Discovery",
    "Data Platform",
    "Mobile Apps",
    "Risk & Fraud",
    // A requesting team that is no customer team yet: the import lists it to match.
    "Growth Marketing",
];

fn jira(at: DateTime<Utc>) -> String {
    at.format("%d/%b/%y %I:%M %p").to_string()
}

/// One quarter's tickets, `k` quarters after the first, as Jira exports them; opened between
/// `from` and `until`, answered no later than `now` (later answers are not given yet).
fn export(
    csv: &mut String,
    k: usize,
    from: DateTime<Utc>,
    until: DateTime<Utc>,
    now: DateTime<Utc>,
) {
    let span = (until - from).num_minutes();
    // The answered tickets' response times spread around the median on a log scale, the middle
    // one exactly the median; 4 of the 41 are never answered.
    let median = MEDIAN_HOURS.get(k).copied().unwrap_or(6.1) * 60.0;
    let answered_count = 37;
    let mut answered = 0;
    for i in 0..PER_QUARTER {
        let opened = from + Duration::minutes(span * i / PER_QUARTER + 9 * 60 + (i % 5) * 47);
        if opened >= until {
            break;
        }
        let key = format!("PLAT-{}", 1000 + k as i64 * 100 + i);
        let (first, resolved) = if i % 10 == 7 {
            (None, None)
        } else {
            let j = (answered * 11) % answered_count;
            answered += 1;
            let ratio = 2f64.powf((j as f64 - 18.0) / 4.0);
            let first = opened + Duration::minutes((median * ratio).round() as i64);
            if first > now {
                (None, None)
            } else {
                let resolved = first + Duration::days(i % 6 + 1);
                (
                    Some(first),
                    ((k < 2 || i % 9 != 4) && resolved <= now).then_some(resolved),
                )
            }
        };
        let status = match (first, resolved) {
            (_, Some(_)) => "Done",
            (Some(_), None) => "In Progress",
            (None, _) => "Open",
        };
        csv.push_str(&format!(
            "\"{}\",{key},Support,{status},{},{},{},{},\"{}\"\n",
            TITLES[(i as usize * 5 + k) % TITLES.len()],
            jira(opened),
            resolved.map(jira).unwrap_or_default(),
            first.map(jira).unwrap_or_default(),
            PRODUCTS[(i as usize + k) % PRODUCTS.len()],
            TEAMS[(i as usize * 3 + k) % TEAMS.len()],
        ));
    }
}

pub(super) fn load(tx: &Transaction<'_>, now: DateTime<Utc>) -> Result<()> {
    let start = crate::settings::fiscal_year_start(tx)?;
    let current = Quarter::containing(now.date_naive(), start);
    let first = current.previous().previous().previous();
    let mut csv = String::from(
        "Summary,Issue key,Issue Type,Status,Created,Resolved,Custom field (First response),\
         Component/s,Custom field (Requesting team)\n",
    );
    let mut quarter = first;
    for k in 0..4 {
        let from = crate::tickets::report::start_of(quarter.first_day());
        let until = crate::tickets::report::start_of(quarter.next().first_day()).min(now);
        export(&mut csv, k, from, until, now);
        quarter = quarter.next();
    }
    let metric = crate::metrics::find(tx, METRIC)?;
    response::feed(tx, metric.id)?;
    let sheet = import::read(csv.as_bytes(), "jira-support.csv")?;
    let mapping = import::preview(tx, &sheet, None)?.mapping;
    import::import(tx, &sheet, &mapping, now, &mut |_| true)?;
    Ok(())
}
