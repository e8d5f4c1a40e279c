//! The percentage metric a migration's completion feeds: the share of its consumer teams done
//! at the end of each quarter it has run (today, for the quarter under way), recorded as that
//! quarter's measurement after every change, so a goal can target it and the review shows it
//! like any other metric. The metric is made with the migration and remembered by id, so
//! renaming either keeps it fed; a metric in the Trash is fed no more.

use super::teams::{changes, done_by};
use crate::error::Result;
use crate::id::Id;
use crate::metrics::{self, Direction, MeasurementInput, MetricInput, MetricKind, MetricScope};
use crate::quarter::Quarter;
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{OptionalExtension, Transaction};

/// The metric's name for a migration titled `title`.
pub fn name_for(title: &str) -> String {
    format!("Teams migrated: {title}")
}

/// What the metric measures, as its description says.
pub const DESCRIPTION: &str = "The share of the migration's consumer teams that are done, at the \
    end of each quarter. Kept up to date by every change of a team's state.";

/// Where a quarter's value came from: `done` of `teams` done by the quarter's end.
pub fn source(done: u32, teams: u32) -> String {
    format!(
        "The migration's team states: {done} of {teams} consumer teams done by the quarter's end."
    )
}

/// The share of `teams` that `done` is, in percent to one decimal: the metric's value.
pub fn share_done(done: u32, teams: u32) -> f64 {
    (f64::from(done) * 1000.0 / f64::from(teams)).round() / 10.0
}

/// Makes the migration's metric, under a name no live metric has.
pub(super) fn ensure(
    tx: &Transaction<'_>,
    migration: Id,
    title: &str,
    now: DateTime<Utc>,
) -> Result<Id> {
    let taken: Vec<String> = metrics::list(tx)?
        .into_iter()
        .map(|m| m.name.to_lowercase())
        .collect();
    let base = name_for(title);
    let name = std::iter::once(base.clone())
        .chain((2..).map(|n| format!("{base} ({n})")))
        .find(|name| !taken.contains(&name.to_lowercase()))
        .expect("an unused name");
    let input = MetricInput {
        name,
        description: DESCRIPTION.to_owned(),
        kind: MetricKind::Percentage,
        direction: Direction::HigherIsBetter,
        scope: MetricScope::Team,
        team_id: None,
        product_id: None,
        customer_id: None,
        unit: String::new(),
    };
    let metric = metrics::create(tx, &input, now)?.id;
    tx.prepare_cached("UPDATE platform_migrations SET metric_id = ?2 WHERE id = ?1")?
        .execute((migration, metric))?;
    Ok(metric)
}

/// The live metric the migration feeds, if it has one.
pub fn metric_of(tx: &Transaction<'_>, migration: Id) -> Result<Option<Id>> {
    Ok(tx
        .prepare_cached(
            "SELECT m.id FROM platform_migrations p
             JOIN metrics m ON m.id = p.metric_id AND m.deleted_at IS NULL
             WHERE p.id = ?1",
        )?
        .query_row([migration], |r| r.get(0))
        .optional()?)
}

/// Records the share of teams done for every quarter from the migration's start to today.
/// Nothing is recorded while it has no teams or has not started.
pub(super) fn record(tx: &Transaction<'_>, migration: Id, now: DateTime<Utc>) -> Result<()> {
    let Some(metric) = metric_of(tx, migration)? else {
        return Ok(());
    };
    let (starts_on, teams): (NaiveDate, u32) = tx
        .prepare_cached(
            "SELECT starts_on, (SELECT count(*) FROM migration_teams WHERE migration_id = ?1)
             FROM platform_migrations WHERE id = ?1",
        )?
        .query_row([migration], |r| Ok((r.get(0)?, r.get(1)?)))?;
    let today = now.date_naive();
    if teams == 0 || starts_on > today {
        return Ok(());
    }
    let fiscal = crate::settings::fiscal_year_start(tx)?;
    let mut quarters = vec![Quarter::containing(starts_on, fiscal)];
    while let Some(last) = quarters.last().copied().filter(|q| !q.contains(today)) {
        quarters.push(last.next());
    }
    let ends: Vec<NaiveDate> = quarters.iter().map(|q| q.last_day().min(today)).collect();
    let done = done_by(&changes(tx, migration)?, &ends);
    for (quarter, done) in quarters.iter().zip(done) {
        let input = MeasurementInput {
            metric_id: metric,
            quarter: quarter.key(),
            value: share_done(done, teams),
            n: Some(teams),
            source: source(done, teams),
        };
        metrics::record_measurement(tx, &input, now)?;
    }
    Ok(())
}
