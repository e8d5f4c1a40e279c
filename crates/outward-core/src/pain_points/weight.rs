//! A pain point's weight: how much it deserves attention, derived and never typed.
//!
//! weight = severity × customers affected × evidence, where every piece of evidence (and the
//! pain point itself, from the day it was filed) counts 1 on the day it happened and half as
//! much every [`HALF_LIFE_DAYS`] days after. Customers affected are those named on the pain
//! point plus those whose interviews hold its evidence.
//!
//! Stored weights use an absolute time scale: each piece of evidence counts 2^(days since
//! [`EPOCH`] / half-life). Dividing every stored weight by the same 2^(today / half-life) gives
//! today's weights, so the stored order is the order on any day and an index can serve it
//! without recomputing anything as time passes.

use crate::error::Result;
use crate::evidence;
use crate::id::Id;
use chrono::{NaiveDate, Utc};
use rusqlite::Transaction;

/// Evidence counts half as much after this many days.
pub const HALF_LIFE_DAYS: f64 = 90.0;

/// Shown wherever a weight is, so nobody has to guess what the number means.
pub const EXPLANATION: &str = "Weight = severity × customers affected × evidence. Each quote counts 1 \
on the day of its conversation and half as much every 90 days after, so fresh, widespread, severe \
pain rises to the top.";

/// The origin of the stored time scale.
const EPOCH: NaiveDate = match NaiveDate::from_ymd_opt(2020, 1, 1) {
    Some(date) => date,
    None => panic!("valid epoch"),
};

fn scale(day: NaiveDate) -> f64 {
    let days = (day - EPOCH).num_days() as f64;
    (days / HALF_LIFE_DAYS).exp2()
}

/// The stored weight for a pain point of `severity` reaching `customers`, filed on `filed`, with
/// evidence from conversations on `evidence` days.
pub fn stored(severity: u8, customers: u32, filed: NaiveDate, evidence: &[NaiveDate]) -> f64 {
    let freshness: f64 = scale(filed) + evidence.iter().map(|day| scale(*day)).sum::<f64>();
    f64::from(severity) * f64::from(customers.max(1)) * freshness
}

/// A stored weight as it stands on `today`.
pub fn on(stored: f64, today: NaiveDate) -> f64 {
    stored / scale(today)
}

/// Recomputes and stores the weight of one pain point from its current evidence and reach.
pub fn refresh(tx: &Transaction<'_>, pain_point: Id) -> Result<()> {
    let (severity, created): (u8, chrono::DateTime<Utc>) = tx
        .prepare_cached("SELECT severity, created_at FROM pain_points WHERE id = ?1")?
        .query_row([pain_point], |r| Ok((r.get(0)?, r.get(1)?)))?;
    let customers = evidence::reach(tx, pain_point)?;
    let days = evidence::days(tx, pain_point)?;
    let weight = stored(severity, customers, created.date_naive(), &days);
    tx.prepare_cached("UPDATE pain_points SET weight = ?2 WHERE id = ?1")?
        .execute((pain_point, weight))?;
    Ok(())
}

/// Recomputes the weight of every pain point, merged and trashed ones included: after a
/// migration changes what counts as evidence.
pub fn refresh_all(tx: &Transaction<'_>) -> Result<()> {
    let all: Vec<Id> = tx
        .prepare("SELECT id FROM pain_points")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for pain_point in all {
        refresh(tx, pain_point)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    #[test]
    fn the_explanation_names_the_half_life_in_use() {
        let half_life = format!("every {HALF_LIFE_DAYS} days");
        assert!(
            EXPLANATION.contains(&half_life),
            "people read the explanation, not the code: it must say {half_life:?}"
        );
    }

    #[test]
    fn fresh_evidence_counts_one_and_halves_every_ninety_days() {
        let today = day(2026, 6, 1);
        let filed = today;
        let w = on(stored(1, 1, filed, &[]), today);
        assert!(
            (w - 1.0).abs() < 1e-9,
            "a new pain point alone weighs 1, got {w}"
        );
        let old = today - chrono::Duration::days(90);
        let w = on(stored(1, 1, filed, &[today, old]), today);
        assert!(
            (w - 2.5).abs() < 1e-9,
            "itself 1 + today 1 + 90 days ago 0.5, got {w}"
        );
    }

    #[test]
    fn weight_grows_with_severity_reach_and_evidence() {
        let today = day(2026, 6, 1);
        let base = stored(2, 1, today, &[today]);
        assert!(stored(3, 1, today, &[today]) > base, "more severe");
        assert!(stored(2, 3, today, &[today]) > base, "more customers");
        assert!(stored(2, 1, today, &[today, today]) > base, "more evidence");
        let stale = day(2025, 1, 1);
        assert!(
            stored(2, 1, today, &[stale]) < base,
            "older evidence counts less"
        );
    }

    #[test]
    fn the_stored_order_does_not_change_as_days_pass() {
        let a = stored(4, 1, day(2025, 1, 1), &[day(2025, 1, 1)]);
        let b = stored(1, 2, day(2026, 5, 1), &[day(2026, 5, 1)]);
        for today in [day(2026, 5, 1), day(2027, 1, 1), day(2030, 1, 1)] {
            assert_eq!(on(a, today) < on(b, today), a < b, "same order on {today}");
        }
    }
}
