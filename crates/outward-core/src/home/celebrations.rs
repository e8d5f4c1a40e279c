//! Celebrations: Home names each goal that reached its target, or whose metric improved beyond
//! the noise, with the commitments that aimed at it, so the team can thank their owners. An
//! improvement is the metrics module's change between a quarter and the one before
//! ([`values::quarter`]): it counts only when it moves the better way and its interval leaves
//! out zero. The current quarter's change is used once it has a value, else the last quarter's
//! (a survey usually runs late in a quarter). A celebration put away stays away for the rest of
//! the quarter.

use crate::commitments::{self, CommitmentState};
use crate::entity::EntityKind;
use crate::error::Result;
use crate::goals;
use crate::id::Id;
use crate::metrics::Direction;
use crate::metrics::stats::Change;
use crate::metrics::values::{self, MetricInQuarter};
use crate::quarter::Quarter;
use crate::settings;
use crate::store::require_live;
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, Transaction};
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use ts_rs::TS;

/// What a celebration is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Achievement {
    /// The metric's latest value reached the goal's target.
    Reached,
    /// The metric moved the better way, beyond the noise, from one quarter to the next.
    Improved,
}

/// A commitment that aimed at a celebrated goal, and whom to thank for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AimedCommitment {
    pub id: Id,
    pub title: String,
    pub owner_id: Option<Id>,
    pub owner_name: Option<String>,
}

/// A goal worth celebrating this quarter.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Celebration {
    pub goal_id: Id,
    pub title: String,
    pub metric_name: String,
    pub achievement: Achievement,
    /// The quarter it is shown in and can be put away for: `2026-Q4`.
    pub quarter: String,
    /// In plain words: "CI satisfaction rose from 40 to 80 between 2026 Q2 and 2026 Q3, beyond
    /// the noise."
    pub words: String,
    /// The change it celebrates, when it is an improvement.
    pub change: Option<Change>,
    /// Live commitments aimed at the goal that were not dropped, newest quarter first.
    pub commitments: Vec<AimedCommitment>,
}

/// The celebrations Home shows as of `today`, in the goals' order, leaving out those put away
/// this quarter.
pub fn celebrations(conn: &Connection, today: NaiveDate) -> Result<Vec<Celebration>> {
    let quarter = Quarter::containing(today, settings::fiscal_year_start(conn)?);
    let key = quarter.key();
    let dismissed: HashSet<Id> = conn
        .prepare_cached("SELECT goal_id FROM celebration_dismissals WHERE quarter = ?1")?
        .query_map([&key], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let now_values = by_metric(values::quarter(conn, quarter)?);
    let last_values = by_metric(values::quarter(conn, quarter.previous())?);
    let mut shown = Vec::new();
    for goal in goals::list(conn)? {
        if dismissed.contains(&goal.id) {
            continue;
        }
        let page = goals::page(conn, goal.id, today)?;
        let direction = page.metric.direction;
        let moved = now_values
            .get(&goal.metric_id)
            .filter(|m| m.value.is_some())
            .or_else(|| last_values.get(&goal.metric_id))
            .and_then(|m| improvement(m, direction));
        let (achievement, words, change) = if page.reached {
            let latest = page.latest.as_ref().expect("a reached goal has a value");
            let words = format!(
                "{} reached {} in {} (target {}).",
                page.metric.name,
                shown_number(latest.value),
                Quarter::parse(&latest.quarter, quarter.fiscal_year_start(), "quarter")?,
                shown_number(goal.target)
            );
            (Achievement::Reached, words, moved.map(|(_, c)| c))
        } else if let Some((m, change)) = moved {
            let (Some(value), Some(previous)) = (&m.value, &m.previous) else {
                continue;
            };
            let start = quarter.fiscal_year_start();
            let words = format!(
                "{} {} from {} to {} between {} and {}, beyond the noise.",
                page.metric.name,
                match direction {
                    Direction::HigherIsBetter => "rose",
                    Direction::LowerIsBetter => "fell",
                },
                shown_number(previous.value),
                shown_number(value.value),
                Quarter::parse(&previous.quarter, start, "quarter")?,
                Quarter::parse(&value.quarter, start, "quarter")?,
            );
            (Achievement::Improved, words, Some(change))
        } else {
            continue;
        };
        let commitments = commitments::for_goal(conn, goal.id, today)?
            .into_iter()
            .filter(|c| c.state != CommitmentState::Dropped)
            .map(|c| AimedCommitment {
                id: c.id,
                title: c.title,
                owner_id: c.owner_id,
                owner_name: c.owner_name,
            })
            .collect();
        shown.push(Celebration {
            goal_id: goal.id,
            title: goal.title,
            metric_name: page.metric.name,
            achievement,
            quarter: key.clone(),
            words,
            change,
            commitments,
        });
    }
    Ok(shown)
}

fn by_metric(metrics: Vec<MetricInQuarter>) -> HashMap<Id, MetricInQuarter> {
    metrics.into_iter().map(|m| (m.metric.id, m)).collect()
}

/// The metric's change, when it moved the better way beyond the noise.
fn improvement(m: &MetricInQuarter, direction: Direction) -> Option<(&MetricInQuarter, Change)> {
    let change = m.change.as_ref()?;
    let better = match direction {
        Direction::HigherIsBetter => change.difference > 0.0,
        Direction::LowerIsBetter => change.difference < 0.0,
    };
    (better && !change.within_noise).then_some((m, *change))
}

/// A value as the banner says it: one decimal at most.
fn shown_number(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}")
    }
}

/// Puts a goal's celebration away for the quarter holding `today`.
pub fn dismiss(tx: &Transaction<'_>, goal: Id, today: NaiveDate, now: DateTime<Utc>) -> Result<()> {
    require_live(tx, EntityKind::Goal, goal, "goalId")?;
    let quarter = Quarter::containing(today, settings::fiscal_year_start(tx)?);
    tx.prepare_cached(
        "INSERT INTO celebration_dismissals (goal_id, quarter, dismissed_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (goal_id, quarter) DO NOTHING",
    )?
    .execute((goal, quarter.key(), now))?;
    Ok(())
}
