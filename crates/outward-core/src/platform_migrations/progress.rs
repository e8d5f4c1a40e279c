//! How a migration is going, derived from what is recorded: the burn-up of teams done week by
//! week against the pace the deadline needs, the hours it costs the consumer teams against the
//! hours the platform team spends to lower them, the blocked teams with their reasons, and the
//! pain points raised while it runs.
//!
//! Pain points count as raised during the migration when they are live, not merged away,
//! recorded on or after its start, and linked to its product or to one of its consumer teams.
//! No explicit link is kept: a pain point about the migration is one its people raised.

use super::help::{self, MigrationHelp};
use super::teams::{self, ConsumerTeam, changes, done_by};
use super::{HelpKind, Migration, MigrationState, get, metric};
use crate::error::Result;
use crate::id::Id;
use crate::pain_points::Status;
use chrono::{DateTime, Days, NaiveDate, Utc};
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

/// How many weeks past the deadline the burn-up keeps going while teams are still moving.
pub const WEEKS_PAST_DEADLINE: u64 = 52;

/// How many of the pain points raised during the migration its page lists, newest first.
pub const PAIN_POINTS_SHOWN: u32 = 50;

/// One week of the burn-up.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BurnUpWeek {
    /// The last day of the week; weeks run from the migration's start.
    pub ends_on: NaiveDate,
    /// Teams done by the end of the week (by today, for this week); none for weeks to come.
    pub done: Option<u32>,
    /// Teams that should be done by then to finish on the deadline at an even pace.
    pub expected: f64,
}

/// The hours of one kind of help.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct HelpHours {
    pub kind: HelpKind,
    pub hours: f64,
}

/// What the migration costs on both sides.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MigrationHours {
    /// The consumer teams' hours the teams reported themselves.
    pub consumer_reported: f64,
    /// The consumer teams' hours the platform team estimated.
    pub consumer_estimated: f64,
    pub consumer: f64,
    pub platform: f64,
    /// The platform team's hours by kind of help, in the vocabulary's order, kinds with none
    /// left out.
    pub platform_by_kind: Vec<HelpHours>,
}

/// A pain point raised while the migration runs.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RaisedPainPoint {
    pub id: Id,
    pub title: String,
    pub status: Status,
    pub raised_at: DateTime<Utc>,
}

/// A migration's page: what it is, its teams and help, and everything derived from them.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MigrationProgress {
    pub migration: Migration,
    pub teams: Vec<ConsumerTeam>,
    pub help: Vec<MigrationHelp>,
    pub burn_up: Vec<BurnUpWeek>,
    pub hours: MigrationHours,
    /// The blocked teams, longest blocked first.
    pub blocked: Vec<ConsumerTeam>,
    pub pain_points: Vec<RaisedPainPoint>,
    /// How many pain points were raised during the migration in all.
    pub pain_points_total: u32,
    /// The share of teams done, 0–100; none while it has no teams.
    pub percent_done: Option<f64>,
    /// Days from today to the deadline; negative once it has passed.
    pub days_left: i32,
}

/// Everything the migration's page shows, as of `today`.
pub fn progress(conn: &Connection, id: Id, today: NaiveDate) -> Result<MigrationProgress> {
    let migration = get(conn, id)?;
    let teams = teams::list(conn, id)?;
    let help = help::list(conn, id)?;
    let burn_up = burn_up(conn, &migration, today)?;
    let hours = hours(&teams, &help);
    let mut blocked: Vec<ConsumerTeam> = teams
        .iter()
        .filter(|t| t.state == MigrationState::Blocked)
        .cloned()
        .collect();
    blocked.sort_by_key(|t| t.changed_on);
    let (pain_points, pain_points_total) = raised_pain_points(conn, &migration)?;
    let percent_done =
        (migration.teams > 0).then(|| metric::share_done(migration.done, migration.teams));
    Ok(MigrationProgress {
        days_left: i32::try_from((migration.deadline - today).num_days()).unwrap_or(i32::MAX),
        migration,
        teams,
        help,
        burn_up,
        hours,
        blocked,
        pain_points,
        pain_points_total,
        percent_done,
    })
}

/// The burn-up week by week from the start: through the deadline, and on through today while
/// the deadline has passed (a year at most).
pub fn burn_up(
    conn: &Connection,
    migration: &Migration,
    today: NaiveDate,
) -> Result<Vec<BurnUpWeek>> {
    let start = migration.starts_on;
    let last = migration.deadline.max(
        today.min(
            migration
                .deadline
                .checked_add_days(Days::new(7 * WEEKS_PAST_DEADLINE))
                .unwrap_or(migration.deadline),
        ),
    );
    let weeks = (last - start).num_days() / 7 + 1;
    let ends: Vec<NaiveDate> = (0..weeks)
        .map(|k| start + Days::new(7 * k as u64 + 6))
        .collect();
    let counted: Vec<NaiveDate> = ends
        .iter()
        .map(|end| (*end).min(today))
        .take_while(|day| *day >= start)
        .collect();
    let done = done_by(&changes(conn, migration.id)?, &counted);
    let span = (migration.deadline - start).num_days() as f64 + 1.0;
    let total = f64::from(migration.teams);
    Ok(ends
        .iter()
        .enumerate()
        .map(|(k, ends_on)| {
            let elapsed = (*ends_on - start).num_days() as f64 + 1.0;
            let expected = (total * (elapsed / span).min(1.0) * 100.0).round() / 100.0;
            BurnUpWeek {
                ends_on: *ends_on,
                done: done
                    .get(k)
                    .copied()
                    .filter(|_| start + Days::new(7 * k as u64) <= today),
                expected,
            }
        })
        .collect())
}

/// What the migration costs both sides, from its teams' hours and the help given.
pub(super) fn hours(teams: &[ConsumerTeam], help: &[MigrationHelp]) -> MigrationHours {
    let sum = |reported: bool| -> f64 {
        teams
            .iter()
            .filter(|t| t.hours_reported == reported)
            .map(|t| t.hours)
            .sum()
    };
    let platform_by_kind: Vec<HelpHours> = HelpKind::ALL
        .iter()
        .filter_map(|kind| {
            let mut of_kind = help.iter().filter(|s| s.kind == *kind).peekable();
            of_kind.peek()?;
            Some(HelpHours {
                kind: *kind,
                hours: of_kind.map(|s| s.hours).sum(),
            })
        })
        .collect();
    let (consumer_reported, consumer_estimated) = (sum(true), sum(false));
    MigrationHours {
        consumer_reported,
        consumer_estimated,
        consumer: consumer_reported + consumer_estimated,
        platform: help.iter().map(|s| s.hours).sum(),
        platform_by_kind,
    }
}

/// The pain points raised during a migration: its product's and its teams' (one id set, so each
/// is looked up once), live and recorded since the start; read from the index of live pain
/// points by id, which holds the day each was recorded (migration 23).
const RAISED: &str = "FROM pain_points p
    WHERE p.id IN (SELECT pain_point_id FROM pain_point_products WHERE product_id = ?3
                   UNION SELECT pc.pain_point_id FROM migration_teams t
                   JOIN pain_point_customers pc ON pc.customer_id = t.customer_id
                   WHERE t.migration_id = ?1)
      AND p.deleted_at IS NULL AND p.merged_into IS NULL AND p.created_at >= ?2";

fn raised_pain_points(
    conn: &Connection,
    migration: &Migration,
) -> Result<(Vec<RaisedPainPoint>, u32)> {
    let params = (migration.id, migration.starts_on, migration.product_id);
    let total: u32 = conn
        .prepare_cached(&format!("SELECT count(*) {RAISED}"))?
        .query_row(params, |r| r.get(0))?;
    // The newest are chosen from the index; only their rows are read, for their titles.
    let shown = conn
        .prepare_cached(&format!(
            "SELECT p.id, p.title, p.status, p.created_at FROM pain_points p
             WHERE p.id IN (SELECT p.id {RAISED}
                            ORDER BY p.created_at DESC, p.id LIMIT {PAIN_POINTS_SHOWN})
             ORDER BY p.created_at DESC, p.id"
        ))?
        .query_map(params, |r| {
            Ok(RaisedPainPoint {
                id: r.get(0)?,
                title: r.get(1)?,
                status: r.get(2)?,
                raised_at: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok((shown, total))
}
