//! The migrations a quarter's review names: those running in it, each with how many of its
//! consumer teams were done and which were blocked at the quarter's end (today, for the quarter
//! under way), and the hours it costs both sides.
//!
//! A migration runs in a quarter when it started by the quarter's end and its teams were not
//! all done before the quarter began (one with no teams yet: when its deadline is not past
//! before the quarter begins). Teams are counted as the migration's metric counts them: those
//! recorded today, so the review's share done and the metric's value agree. Hours carry no
//! date: they are the totals recorded.

use super::progress::hours;
use super::teams::{self, changes, states_at};
use super::{MigrationState, help, list};
use crate::error::Result;
use crate::id::Id;
use crate::quarter::Quarter;
use chrono::{Days, NaiveDate};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A consumer team blocked at the quarter's end.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BlockedTeam {
    pub customer_id: Id,
    pub customer_name: String,
    /// The day it became blocked.
    pub since: NaiveDate,
    /// Why, while the team is still blocked by that same change; empty once it has moved on,
    /// since a reason is kept only while the team stays blocked.
    pub reason: String,
}

/// Where a migration stood at the end of a quarter it ran in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MigrationQuarter {
    pub migration_id: Id,
    pub title: String,
    pub product_name: Option<String>,
    pub starts_on: NaiveDate,
    pub deadline: NaiveDate,
    /// Its consumer teams.
    pub teams: u32,
    /// Of those, done at the quarter's end.
    pub done: u32,
    /// `done` over `teams`, 0–100, one decimal; none while it has no teams.
    pub percent_done: Option<f64>,
    /// The teams blocked at the quarter's end, longest blocked first.
    pub blocked: Vec<BlockedTeam>,
    /// The consumer teams' hours, reported and estimated.
    pub consumer_hours: f64,
    /// The hours the platform team spent to lower them.
    pub platform_hours: f64,
}

/// The migrations running in `quarter`, nearest deadline first, as they stood at its end (or
/// `today`, while it runs).
pub fn running_in(
    conn: &Connection,
    quarter: Quarter,
    today: NaiveDate,
) -> Result<Vec<MigrationQuarter>> {
    let end = today.min(quarter.last_day());
    let before = quarter
        .first_day()
        .checked_sub_days(Days::new(1))
        .unwrap_or(NaiveDate::MIN);
    let mut running = Vec::new();
    for m in list(conn)?
        .into_iter()
        .filter(|m| m.starts_on <= quarter.last_day())
    {
        let changes = changes(conn, m.id)?;
        let done_before = states_at(&changes, before)
            .values()
            .filter(|(state, _)| *state == MigrationState::Done)
            .count() as u32;
        let runs = if m.teams > 0 {
            done_before < m.teams
        } else {
            m.deadline >= quarter.first_day()
        };
        if !runs {
            continue;
        }
        let at_end = states_at(&changes, end);
        let teams = teams::list(conn, m.id)?;
        let mut blocked: Vec<BlockedTeam> = teams
            .iter()
            .filter_map(|t| {
                let &(state, since) = at_end.get(&t.customer_id)?;
                (state == MigrationState::Blocked).then(|| BlockedTeam {
                    customer_id: t.customer_id,
                    customer_name: t.customer_name.clone(),
                    since,
                    reason: if t.state == MigrationState::Blocked && t.changed_on == since {
                        t.reason.clone()
                    } else {
                        String::new()
                    },
                })
            })
            .collect();
        blocked.sort_by(|a, b| (a.since, &a.customer_name).cmp(&(b.since, &b.customer_name)));
        let done = at_end
            .values()
            .filter(|(state, _)| *state == MigrationState::Done)
            .count() as u32;
        let hours = hours(&teams, &help::list(conn, m.id)?);
        running.push(MigrationQuarter {
            percent_done: (m.teams > 0).then(|| super::metric::share_done(done, m.teams)),
            migration_id: m.id,
            title: m.title,
            product_name: m.product_name,
            starts_on: m.starts_on,
            deadline: m.deadline,
            teams: m.teams,
            done,
            blocked,
            consumer_hours: hours.consumer,
            platform_hours: hours.platform,
        });
    }
    Ok(running)
}
