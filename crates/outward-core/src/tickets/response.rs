//! The duration metric every import keeps in step: the median hours to first response of each
//! quarter's tickets, recorded as that quarter's measurement, so the goal page can set a target
//! on it and the quarter's review shows it like any other metric.
//!
//! The metric is made on the first import (or adopted, if a live duration metric of that name
//! exists) and remembered by id, so renaming it keeps it fed.

use super::report::quarter_response;
use crate::error::Result;
use crate::id::Id;
use crate::metrics::{self, Direction, MeasurementInput, MetricInput, MetricKind, MetricScope};
use crate::quarter::Quarter;
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Transaction};

pub const METRIC_NAME: &str = "Time to first response";

/// The live metric imports feed, if one has been made.
pub fn metric_id(conn: &Connection) -> Result<Option<Id>> {
    Ok(conn
        .prepare_cached(
            "SELECT m.id FROM ticket_response_metric r
             JOIN metrics m ON m.id = r.metric_id AND m.deleted_at IS NULL",
        )?
        .query_row([], |r| r.get(0))
        .optional()?)
}

/// Makes `metric`, a duration metric, the one imports feed from now on.
pub fn feed(tx: &Transaction<'_>, metric: Id) -> Result<()> {
    let found = metrics::get(tx, metric)?;
    if found.kind != MetricKind::Duration {
        return Err(crate::error::Error::validation(
            "metricId",
            format!(
                "“{}” is not a duration metric; time to first response is one.",
                found.name
            ),
        ));
    }
    tx.prepare_cached(
        "INSERT INTO ticket_response_metric (one, metric_id) VALUES (1, ?1)
         ON CONFLICT (one) DO UPDATE SET metric_id = excluded.metric_id",
    )?
    .execute([metric])?;
    Ok(())
}

fn ensure_metric(tx: &Transaction<'_>, now: DateTime<Utc>) -> Result<Id> {
    if let Some(id) = metric_id(tx)? {
        return Ok(id);
    }
    let existing = metrics::list(tx)?.into_iter().find(|m| {
        m.name.eq_ignore_ascii_case(METRIC_NAME)
            && m.kind == MetricKind::Duration
            && m.scope == MetricScope::Team
    });
    let id = match existing {
        Some(metric) => metric.id,
        None => {
            let taken = metrics::list(tx)?
                .iter()
                .any(|m| m.name.eq_ignore_ascii_case(METRIC_NAME));
            let name = if taken {
                format!("{METRIC_NAME} (tickets)")
            } else {
                METRIC_NAME.to_owned()
            };
            let input = MetricInput {
                name,
                description: "The median hours from a ticket's creation to its first answer, \
                              over the tickets opened in the quarter. Kept up to date by every \
                              ticket import."
                    .to_owned(),
                kind: MetricKind::Duration,
                direction: Direction::LowerIsBetter,
                scope: MetricScope::Team,
                team_id: None,
                product_id: None,
                customer_id: None,
                unit: "hours".to_owned(),
            };
            metrics::create(tx, &input, now)?.id
        }
    };
    feed(tx, id)?;
    Ok(id)
}

/// Records each quarter's median time to first response as the metric's measurement, making
/// the metric first if needed. Quarters without an answered ticket record nothing. Returns the
/// metric.
pub fn record(tx: &Transaction<'_>, quarters: &[Quarter], now: DateTime<Utc>) -> Result<Id> {
    let metric = ensure_metric(tx, now)?;
    for quarter in quarters {
        let times = quarter_response(tx, *quarter)?;
        let Some(median) = times.median_hours else {
            continue;
        };
        let input = MeasurementInput {
            metric_id: metric,
            quarter: quarter.key(),
            value: (median * 100.0).round() / 100.0,
            n: Some(times.answered),
            source: format!(
                "Ticket imports: the median of {} answered tickets of {} opened in the quarter.",
                times.answered, times.tickets
            ),
        };
        metrics::record_measurement(tx, &input, now)?;
    }
    Ok(metric)
}
