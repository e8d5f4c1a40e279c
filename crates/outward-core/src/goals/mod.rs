//! Goals: where the team wants a metric to be by a quarter. A goal starts from a baseline — the
//! metric's latest value when the goal is set, and the quarter it is from — and aims at a
//! target in the metric's better direction: a target that moves the wrong way, or nowhere, is
//! refused. A goal's page shows the metric's trend with its intervals and the target line, and
//! the commitments aimed at it.

use crate::entity::EntityKind;
use crate::error::{Error, Result};
use crate::id::Id;
use crate::metrics::values::{self, MetricValue};
use crate::metrics::{self, Direction, Metric};
use crate::quarter::Quarter;
use crate::settings;
use crate::store::{live, require_live};
use crate::text;
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, Row, Transaction, named_params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Goal {
    pub id: Id,
    pub title: String,
    pub metric_id: Id,
    pub metric_name: String,
    pub baseline: Option<f64>,
    /// The quarter the baseline is from, `2026-Q1`.
    pub baseline_quarter: Option<String>,
    pub target: f64,
    /// `2026-Q4`.
    pub due_quarter: String,
    pub team_id: Option<Id>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct GoalInput {
    pub title: String,
    pub metric_id: Id,
    pub target: f64,
    /// `2026-Q4`.
    pub due_quarter: String,
    #[serde(default)]
    pub team_id: Option<Id>,
}

/// A goal with what its page shows: the metric, its trend up to the due quarter (or today's,
/// if later), and the latest value.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct GoalPage {
    pub goal: Goal,
    pub metric: Metric,
    pub trend: Vec<MetricValue>,
    pub latest: Option<MetricValue>,
    /// True when the latest value has reached the target in the metric's better direction.
    pub reached: bool,
}

const SELECT: &str = "SELECT g.id, g.title, g.metric_id, m.name, g.baseline, g.baseline_quarter,
        g.target, g.due_quarter, g.team_id, g.created_at, g.updated_at
    FROM goals g JOIN metrics m ON m.id = g.metric_id";

fn from_row(row: &Row<'_>) -> rusqlite::Result<Goal> {
    Ok(Goal {
        id: row.get(0)?,
        title: row.get(1)?,
        metric_id: row.get(2)?,
        metric_name: row.get(3)?,
        baseline: row.get(4)?,
        baseline_quarter: row.get(5)?,
        target: row.get(6)?,
        due_quarter: row.get(7)?,
        team_id: row.get(8)?,
        created_at: row.get(9)?,
        updated_at: row.get(10)?,
    })
}

pub fn get(conn: &Connection, id: Id) -> Result<Goal> {
    let mut stmt = conn.prepare_cached(&format!(
        "{SELECT} WHERE g.id = ?1 AND g.deleted_at IS NULL"
    ))?;
    live(stmt.query_row([id], from_row), "goal", id)
}

/// Every goal not in the Trash, soonest due first.
pub fn list(conn: &Connection) -> Result<Vec<Goal>> {
    Ok(conn
        .prepare_cached(&format!(
            "{SELECT} WHERE g.deleted_at IS NULL ORDER BY g.due_quarter, g.id"
        ))?
        .query_map([], from_row)?
        .collect::<rusqlite::Result<_>>()?)
}

/// Checks that `target` moves the metric the better way from `baseline`.
pub fn check_target(metric: &Metric, baseline: Option<f64>, target: f64) -> Result<()> {
    metric.kind.check_value(target, "target")?;
    let Some(baseline) = baseline else {
        return Ok(());
    };
    let better = match metric.direction {
        Direction::HigherIsBetter => target > baseline,
        Direction::LowerIsBetter => target < baseline,
    };
    if !better {
        let (way, word) = match metric.direction {
            Direction::HigherIsBetter => ("higher", "above"),
            Direction::LowerIsBetter => ("lower", "below"),
        };
        return Err(Error::validation(
            "target",
            format!(
                "For “{}” {way} is better, so the target must be {word} the baseline of {}; \
                 {} is not.",
                metric.name,
                round(baseline),
                round(target)
            ),
        ));
    }
    Ok(())
}

fn round(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

/// Sets a goal. Its baseline is the metric's latest value up to `today`'s quarter.
pub fn create(
    tx: &Transaction<'_>,
    input: &GoalInput,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<Goal> {
    let title = text::required_name("title", "The title", &input.title)?;
    let metric = metrics::get(tx, input.metric_id).map_err(|_| {
        Error::validation(
            "metricId",
            format!("There is no metric with id {}.", input.metric_id),
        )
    })?;
    let start = settings::fiscal_year_start(tx)?;
    let due = Quarter::parse(&input.due_quarter, start, "dueQuarter")?;
    let current = Quarter::containing(today, start);
    if due.key() < current.key() {
        return Err(Error::validation(
            "dueQuarter",
            format!(
                "{due} has already ended; a goal is due in this quarter ({current}) or a later one."
            ),
        ));
    }
    if let Some(team) = input.team_id {
        require_live(tx, EntityKind::Team, team, "teamId")?;
    }
    let baseline = values::latest(tx, metric.id, current)?;
    check_target(&metric, baseline.as_ref().map(|b| b.value), input.target)?;
    let id = Id::at(now);
    tx.prepare_cached(
        "INSERT INTO goals (id, title, metric_id, baseline, baseline_quarter, target,
            due_quarter, team_id, created_at, updated_at)
         VALUES (:id, :title, :metric, :baseline, :baseline_quarter, :target, :due, :team,
            :now, :now)",
    )?
    .execute(named_params! {
        ":id": id, ":title": title, ":metric": metric.id,
        ":baseline": baseline.as_ref().map(|b| b.value),
        ":baseline_quarter": baseline.as_ref().map(|b| b.quarter.clone()),
        ":target": input.target, ":due": due.key(), ":team": input.team_id, ":now": now,
    })?;
    get(tx, id)
}

/// Changes a goal's title, target, due quarter or team; its metric and baseline stay.
pub fn update(tx: &Transaction<'_>, id: Id, input: &GoalInput, now: DateTime<Utc>) -> Result<Goal> {
    let goal = get(tx, id)?;
    if input.metric_id != goal.metric_id {
        return Err(Error::validation(
            "metricId",
            "A goal keeps its metric; set a new goal for another metric.",
        ));
    }
    let title = text::required_name("title", "The title", &input.title)?;
    let metric = metrics::get(tx, goal.metric_id)?;
    let due = Quarter::parse(
        &input.due_quarter,
        settings::fiscal_year_start(tx)?,
        "dueQuarter",
    )?;
    if let Some(team) = input.team_id {
        require_live(tx, EntityKind::Team, team, "teamId")?;
    }
    check_target(&metric, goal.baseline, input.target)?;
    tx.prepare_cached(
        "UPDATE goals SET title = ?2, target = ?3, due_quarter = ?4, team_id = ?5,
            updated_at = ?6 WHERE id = ?1",
    )?
    .execute((id, title, input.target, due.key(), input.team_id, now))?;
    get(tx, id)
}

/// What a goal's page shows, as of `today`.
pub fn page(conn: &Connection, id: Id, today: NaiveDate) -> Result<GoalPage> {
    let goal = get(conn, id)?;
    let metric = metrics::get(conn, goal.metric_id)?;
    let start = settings::fiscal_year_start(conn)?;
    let due = Quarter::parse(&goal.due_quarter, start, "dueQuarter")?;
    let current = Quarter::containing(today, start);
    let last = if due.key() > current.key() {
        due
    } else {
        current
    };
    let trend = values::trend(conn, metric.id, last, 8)?;
    let latest = trend.last().cloned();
    let reached = latest.as_ref().is_some_and(|l| match metric.direction {
        Direction::HigherIsBetter => l.value >= goal.target,
        Direction::LowerIsBetter => l.value <= goal.target,
    });
    Ok(GoalPage {
        goal,
        metric,
        trend,
        latest,
        reached,
    })
}
