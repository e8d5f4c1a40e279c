//! The chain from evidence to outcome: for a goal, the commitments aimed at it, the pain points
//! those commitments address, the customer evidence behind those pain points (interview
//! quotes, workshop cards, survey comments, each with what is needed to link back to it), and
//! how the goal's metric moved over the same quarters: from the last value before the first
//! commitment's quarter to the latest one.

use crate::commitments::{self, CommitmentState, CommitmentStatus};
use crate::error::Result;
use crate::evidence::{self, Evidence};
use crate::goals;
use crate::id::Id;
use crate::metrics::stats::Change;
use crate::metrics::values::{self, MetricValue, TREND_QUARTERS};
use crate::metrics::{self, Direction, MetricKind};
use crate::page::PageRequest;
use crate::pain_points::Status;
use crate::quarter::Quarter;
use crate::settings;
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use ts_rs::TS;

/// How many pieces of evidence each pain point shows; the rest are counted.
pub const EVIDENCE_SHOWN: u32 = 3;

/// How many goals the chains of every goal show.
pub const GOALS_SHOWN: usize = 20;

/// A pain point in a chain, with the first of its evidence, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ChainPainPoint {
    pub id: Id,
    pub title: String,
    pub status: Status,
    pub evidence: Vec<Evidence>,
    pub all_evidence: u32,
}

/// A commitment aimed at the goal, and the pain points it addresses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ChainCommitment {
    pub commitment_id: Id,
    pub title: String,
    /// `2026-Q3`.
    pub quarter: String,
    pub owner_name: Option<String>,
    pub state: CommitmentState,
    pub status: CommitmentStatus,
    pub status_label: String,
    pub pain_points: Vec<ChainPainPoint>,
}

/// One goal's chain from evidence to outcome.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct GoalChain {
    pub goal_id: Id,
    pub title: String,
    pub metric_id: Id,
    pub metric_name: String,
    pub kind: MetricKind,
    pub direction: Direction,
    pub unit: String,
    pub target: f64,
    /// `2027-Q2`.
    pub due_quarter: String,
    /// Aimed at the goal, oldest quarter first.
    pub commitments: Vec<ChainCommitment>,
    /// The metric over the quarters of the commitments: from the quarter before the first one
    /// to the latest (today's, or the last commitment's if later).
    pub trend: Vec<MetricValue>,
    /// The value before the commitments began, the latest value, and the move between them.
    pub before: Option<MetricValue>,
    pub latest: Option<MetricValue>,
    pub change: Option<Change>,
    /// The move is beyond noise and in the metric's better direction.
    pub improved: bool,
}

/// The chain of the goal `goal`, as of `today`.
pub fn goal(conn: &Connection, goal: Id, today: NaiveDate) -> Result<GoalChain> {
    goal_until(conn, goal, today, None)
}

/// The chain of the goal `goal` as of `today`, with only the commitments of the quarters up to
/// `until` when given.
fn goal_until(
    conn: &Connection,
    goal: Id,
    today: NaiveDate,
    until: Option<Quarter>,
) -> Result<GoalChain> {
    let goal = goals::get(conn, goal)?;
    let metric = metrics::get(conn, goal.metric_id)?;
    let start = settings::fiscal_year_start(conn)?;
    let mut aimed = commitments::for_goal(conn, goal.id, today)?;
    if let Some(until) = until {
        let last = until.key();
        aimed.retain(|c| c.quarter_code.as_str() <= last.as_str());
    }
    aimed.sort_by(|a, b| {
        (a.quarter_code.as_str(), a.title.as_str(), a.id).cmp(&(
            b.quarter_code.as_str(),
            b.title.as_str(),
            b.id,
        ))
    });
    let mut status = conn.prepare_cached("SELECT status FROM pain_points WHERE id = ?1")?;
    let mut seen: HashMap<Id, ChainPainPoint> = HashMap::new();
    let mut chain_commitments = Vec::with_capacity(aimed.len());
    for c in &aimed {
        let mut pain_points = Vec::with_capacity(c.pain_points.len());
        for tag in &c.pain_points {
            if let Some(known) = seen.get(&tag.id) {
                pain_points.push(known.clone());
                continue;
            }
            let Some(state) = status
                .query_row([tag.id], |r| r.get::<_, Status>(0))
                .optional()?
            else {
                continue;
            };
            let page = evidence::page_of(
                conn,
                tag.id,
                PageRequest {
                    offset: 0,
                    limit: EVIDENCE_SHOWN,
                },
            )?;
            let point = ChainPainPoint {
                id: tag.id,
                title: tag.name.clone(),
                status: state,
                evidence: page.items,
                all_evidence: page.total,
            };
            seen.insert(tag.id, point.clone());
            pain_points.push(point);
        }
        chain_commitments.push(ChainCommitment {
            commitment_id: c.id,
            title: c.title.clone(),
            quarter: c.quarter_code.clone(),
            owner_name: c.owner_name.clone(),
            state: c.state,
            status: c.status.status,
            status_label: c.status.status.label().to_string(),
            pain_points,
        });
    }

    let current = Quarter::containing(today, start);
    let quarters: Vec<Quarter> = aimed
        .iter()
        .filter_map(|c| Quarter::parse(&c.quarter_code, start, "quarter").ok())
        .collect();
    let last = quarters
        .iter()
        .copied()
        .chain([current])
        .max_by_key(|q| q.key())
        .unwrap_or(current);
    let (trend, before) = match quarters.iter().min_by_key(|q| q.key()) {
        Some(first) => {
            let before_first = first.previous();
            let span = quarters_between(before_first, last).min(TREND_QUARTERS);
            let trend = values::trend(conn, metric.id, last, span)?;
            let before = values::latest(conn, metric.id, before_first)?;
            let trend = trend
                .into_iter()
                .filter(|v| v.quarter.as_str() > before_first.key().as_str())
                .collect::<Vec<_>>();
            let mut with_before: Vec<MetricValue> = before.iter().cloned().collect();
            with_before.extend(trend);
            (with_before, before)
        }
        None => (values::trend(conn, metric.id, last, 8)?, None),
    };
    let latest = trend.last().cloned();
    let change = match (&latest, &before) {
        (Some(l), Some(b)) if l.quarter != b.quarter => Some(super::change_between(l, b)),
        _ => None,
    };
    let improved = change.is_some_and(|c| {
        !c.within_noise
            && match metric.direction {
                Direction::HigherIsBetter => c.difference > 0.0,
                Direction::LowerIsBetter => c.difference < 0.0,
            }
    });
    Ok(GoalChain {
        goal_id: goal.id,
        title: goal.title,
        metric_id: metric.id,
        metric_name: metric.name,
        kind: metric.kind,
        direction: metric.direction,
        unit: metric.unit,
        target: goal.target,
        due_quarter: goal.due_quarter,
        commitments: chain_commitments,
        trend,
        before,
        latest,
        change,
        improved,
    })
}

/// The chains of the first goals, in the goals' order.
pub fn all(conn: &Connection, today: NaiveDate) -> Result<Vec<GoalChain>> {
    goals::list(conn)?
        .into_iter()
        .take(GOALS_SHOWN)
        .map(|g| goal(conn, g.id, today))
        .collect()
}

/// The chains of the first goals as they stood at the end of `quarter` (or `today`, while it
/// runs): the commitments of that quarter and the ones before it, and the metric up to it. What a
/// closed quarter keeps.
pub fn quarter(conn: &Connection, quarter: Quarter, today: NaiveDate) -> Result<Vec<GoalChain>> {
    let as_of = today.min(quarter.last_day());
    goals::list(conn)?
        .into_iter()
        .take(GOALS_SHOWN)
        .map(|g| goal_until(conn, g.id, as_of, Some(quarter)))
        .collect()
}

/// How many quarters from `first` to `last`, both included.
fn quarters_between(first: Quarter, last: Quarter) -> u32 {
    let mut n = 1;
    let mut q = first;
    while q.key() < last.key() && n < TREND_QUARTERS {
        q = q.next();
        n += 1;
    }
    n
}
