//! The year in review: what improved over a fiscal year (goals whose metric reached the target
//! in one of its quarters, and metrics that moved the better way beyond the noise from one
//! quarter to the next), the kudos of the year by kind and by month, and the customer teams the team heard
//! from most. Every number is read with the rules the rest of the app uses: the metrics
//! module's values and change, the kudos counts by kind, the conversations of live interviews.

use crate::error::Result;
use crate::goals;
use crate::id::Id;
use crate::kudos::KudosKind;
use crate::kudos::celebrated::{self, KindCount};
use crate::metrics::Direction;
use crate::metrics::stats::Change;
use crate::metrics::values;
use crate::quarter::Quarter;
use crate::settings;
use chrono::{Months, NaiveDate};
use rusqlite::Connection;
use serde::Serialize;
use std::collections::HashMap;
use ts_rs::TS;

/// How many customer teams the year names.
pub const MOST_HEARD: u32 = 5;

/// A goal whose metric reached its target in the year.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct GoalReached {
    pub goal_id: Id,
    pub title: String,
    pub metric_name: String,
    pub target: f64,
    /// The first quarter of the year whose value reached it, `2026-Q2`, and that value.
    pub quarter: String,
    pub value: f64,
}

/// A metric that moved the better way beyond the noise between two quarters of the year.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MetricImproved {
    pub metric_id: Id,
    pub name: String,
    /// The quarter it moved into, `2026-Q3`, and the one before.
    pub quarter: String,
    pub previous_quarter: String,
    pub from: f64,
    pub to: f64,
    pub change: Change,
}

/// A customer team and how often the team spoke with it in the year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct HeardCustomer {
    pub customer_id: Id,
    pub name: String,
    pub conversations: u32,
}

/// The kudos given in one month of the year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MonthCount {
    /// `2026-03`.
    pub month: String,
    /// As shown: "Mar 2026".
    pub label: String,
    pub count: u32,
}

/// A fiscal year in review.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct YearInReview {
    /// The fiscal year, named by the calendar year it ends in.
    pub year: i32,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    /// `2026-Q1` … `2026-Q4`.
    pub quarters: Vec<String>,
    pub goals_reached: Vec<GoalReached>,
    pub metrics_improved: Vec<MetricImproved>,
    /// Every kind, zero included, in the vocabulary's order.
    pub kudos: Vec<KindCount>,
    pub all_kudos: u32,
    /// The year's twelve months in order, each with its kudos (zero included).
    pub kudos_by_month: Vec<MonthCount>,
    /// Most conversations first, then by name.
    pub most_heard: Vec<HeardCustomer>,
}

/// The fiscal year `year`, or the one holding `today`.
pub fn year_in_review(
    conn: &Connection,
    year: Option<i32>,
    today: NaiveDate,
) -> Result<YearInReview> {
    let start = settings::fiscal_year_start(conn)?;
    let year = year.unwrap_or_else(|| Quarter::containing(today, start).fiscal_year());
    let quarters = (1..=4)
        .map(|n| Quarter::new(year, n, start))
        .collect::<Result<Vec<_>>>()?;
    let keys: Vec<String> = quarters.iter().map(|q| q.key()).collect();

    let mut goals_reached = Vec::new();
    for goal in goals::list(conn)? {
        let metric = crate::metrics::get(conn, goal.metric_id)?;
        let trend = values::trend(conn, goal.metric_id, quarters[3], 4)?;
        let reached = trend.into_iter().find(|v| match metric.direction {
            Direction::HigherIsBetter => v.value >= goal.target,
            Direction::LowerIsBetter => v.value <= goal.target,
        });
        if let Some(v) = reached {
            goals_reached.push(GoalReached {
                goal_id: goal.id,
                title: goal.title,
                metric_name: metric.name,
                target: goal.target,
                quarter: v.quarter,
                value: v.value,
            });
        }
    }

    let mut metrics_improved = Vec::new();
    for quarter in &quarters {
        for m in values::quarter(conn, *quarter)? {
            let (Some(change), Some(value), Some(previous)) = (m.change, &m.value, &m.previous)
            else {
                continue;
            };
            let better = match m.metric.direction {
                Direction::HigherIsBetter => change.difference > 0.0,
                Direction::LowerIsBetter => change.difference < 0.0,
            };
            if better && !change.within_noise {
                metrics_improved.push(MetricImproved {
                    metric_id: m.metric.id,
                    name: m.metric.name.clone(),
                    quarter: value.quarter.clone(),
                    previous_quarter: previous.quarter.clone(),
                    from: previous.value,
                    to: value.value,
                    change,
                });
            }
        }
    }

    let mut kudos: Vec<KindCount> = KudosKind::ALL
        .iter()
        .map(|&kind| KindCount {
            kind,
            label: kind.label().to_owned(),
            count: 0,
        })
        .collect();
    for quarter in &quarters {
        for (sum, counted) in kudos
            .iter_mut()
            .zip(celebrated::in_quarter(conn, *quarter)?.kinds)
        {
            sum.count += counted.count;
        }
    }

    let first_day = quarters[0].first_day();
    let last_day = quarters[3].last_day();
    let most_heard = conn
        .prepare_cached(
            "SELECT c.id, c.name, count(*) AS heard FROM interviews i
             JOIN customers c ON c.id = i.customer_id AND c.deleted_at IS NULL
             WHERE i.deleted_at IS NULL AND i.held_on BETWEEN ?1 AND ?2
             GROUP BY c.id ORDER BY heard DESC, c.name LIMIT ?3",
        )?
        .query_map((first_day, last_day, MOST_HEARD), |r| {
            Ok(HeardCustomer {
                customer_id: r.get(0)?,
                name: r.get(1)?,
                conversations: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;

    let kudos_by_month = kudos_by_month(conn, first_day, last_day)?;

    Ok(YearInReview {
        year,
        first_day,
        last_day,
        quarters: keys,
        goals_reached,
        metrics_improved,
        all_kudos: kudos.iter().map(|k| k.count).sum(),
        kudos,
        kudos_by_month,
        most_heard,
    })
}

/// Each month from `first_day` (the first of a month) to `last_day`, with the kudos given in it
/// and not in the Trash.
fn kudos_by_month(
    conn: &Connection,
    first_day: NaiveDate,
    last_day: NaiveDate,
) -> Result<Vec<MonthCount>> {
    let counted: HashMap<String, u32> = conn
        .prepare_cached(
            "SELECT substr(given_on, 1, 7), count(*) FROM kudos INDEXED BY kudos_by_date
             WHERE deleted_at IS NULL AND given_on BETWEEN ?1 AND ?2
             GROUP BY 1",
        )?
        .query_map((first_day, last_day), |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut months = Vec::with_capacity(12);
    let mut month = first_day;
    while month <= last_day {
        let key = month.format("%Y-%m").to_string();
        months.push(MonthCount {
            count: counted.get(&key).copied().unwrap_or(0),
            label: month.format("%b %Y").to_string(),
            month: key,
        });
        let Some(next) = month.checked_add_months(Months::new(1)) else {
            break;
        };
        month = next;
    }
    Ok(months)
}
