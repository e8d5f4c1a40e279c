//! Tickets for the data sets: requests from the customer teams about the products, spread over
//! the twenty quarters, as a tracker's export would bring them in. Response times are spread
//! log-normally around a few hours (a long tail of days), one in twelve is never answered, and
//! most are resolved within weeks. Written after the rest, from a generator of its own, straight
//! into the table in large transactions (the import's own speed is a benchmark of its own).

use super::{Progress, SEED, Sizes, first_day, last_day};
use crate::db::Database;
use crate::error::Result;
use crate::id::Id;
use chrono::{DateTime, Duration, Utc};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// Tickets written per transaction.
const BATCH: u32 = 10_000;

const TOPICS: &[&str] = &[
    "Runner pool exhausted at peak",
    "Build cache misses after an upgrade",
    "Need a read replica",
    "Canary step times out",
    "Rollback greyed out",
    "Connection limits too low",
    "How do we pin the base image?",
    "Access to the deploy dashboard",
    "Point-in-time restore",
    "Flaky checkout on ARM runners",
];

/// Writes `sizes.tickets` tickets; returns how many.
pub(super) fn write(
    db: &Database,
    sizes: &Sizes,
    progress: &mut impl FnMut(Progress),
) -> Result<u64> {
    let (products, customers) = db.read(|conn| {
        let ids = |sql: &str| -> Result<Vec<(Id, String)>> {
            Ok(conn
                .prepare(sql)?
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?)
        };
        Ok((
            ids("SELECT id, name FROM products WHERE deleted_at IS NULL ORDER BY rowid")?,
            ids("SELECT id, name FROM customers WHERE deleted_at IS NULL ORDER BY rowid")?,
        ))
    })?;
    let mut rng = ChaCha8Rng::seed_from_u64(SEED ^ 0x7469_636b_6574);
    let start = first_day()
        .and_hms_opt(0, 0, 0)
        .unwrap_or_default()
        .and_utc();
    let end = (last_day() + Duration::days(1))
        .and_hms_opt(0, 0, 0)
        .unwrap_or_default()
        .and_utc();
    let span = (end - start).num_seconds();
    let total = u64::from(sizes.tickets);
    let mut written = 0u64;
    while written < total {
        let batch = (total - written).min(u64::from(BATCH));
        db.write(|tx| {
            let mut insert = tx.prepare_cached(
                "INSERT INTO tickets (id, source, key, title, status, opened_at, first_response_at,
                    resolved_at, response_seconds, product_label, product_id, team_label,
                    customer_id, created_at, updated_at)
                 VALUES (?1, 'Jira', ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13)",
            )?;
            for i in written..written + batch {
                // Evenly over the five years, jittered by up to an hour.
                let at = span * i as i64 / total.max(1) as i64 + rng.random_range(0..3600);
                let opened: DateTime<Utc> = start + Duration::seconds(at.min(span - 1));
                let answered = rng.random_range(0..12) != 0;
                // exp(N(ln 4 h, 1.4)): a median of four hours, a tail of days.
                let normal: f64 = (0..12).map(|_| rng.random::<f64>()).sum::<f64>() - 6.0;
                let seconds = (4.0 * 3600.0 * (1.4 * normal).exp()) as i64;
                let first = answered.then(|| opened + Duration::seconds(seconds.max(60)));
                let resolved = first
                    .filter(|_| rng.random_range(0..20) != 0)
                    .map(|f| f + Duration::hours(rng.random_range(1..24 * 30)))
                    .filter(|r| *r < end);
                let (product, product_name) = &products[rng.random_range(0..products.len())];
                let (customer, customer_name) = &customers[rng.random_range(0..customers.len())];
                let status = match (first, resolved) {
                    (_, Some(_)) => "Done",
                    (Some(_), None) => "In Progress",
                    (None, _) => "Open",
                };
                insert.execute(rusqlite::params![
                    Id::from_parts(opened, rng.random()),
                    format!("SUP-{}", i + 1),
                    TOPICS[(i % TOPICS.len() as u64) as usize],
                    status,
                    opened,
                    first,
                    resolved,
                    first.map(|f| (f - opened).num_seconds()),
                    product_name,
                    product,
                    customer_name,
                    customer,
                    opened,
                ])?;
            }
            Ok(())
        })?;
        written += batch;
        progress(Progress {
            stage: "tickets",
            done: written,
            total,
        });
    }
    Ok(written)
}
