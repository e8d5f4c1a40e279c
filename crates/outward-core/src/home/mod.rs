//! Home: this quarter at a glance, in one read. The goals with their latest value, the quarter's
//! commitments by status, the heaviest open pain points, the customer teams not heard from
//! lately, the latest kudos and the workshop coming next, each with how many there are in all,
//! so every tile can say what it leaves out and link to the whole list; and the goals worth
//! celebrating ([`celebrations`]).

pub mod celebrations;

use crate::commitments::board;
use crate::commitments::status::CommitmentStatus;
use crate::coverage::{is_unheard, longest_silence_first, weeks_since};
use crate::error::Result;
use crate::goals;
use crate::id::Id;
use crate::kudos::{self, Kudos, KudosFilter};
use crate::metrics::stats::Change;
use crate::metrics::values::MetricValue;
use crate::metrics::{Direction, Metric};
use crate::page::PageRequest;
use crate::pain_points::{self, PainPointFilter, PainPointSummary, Status};
use crate::quarter::Quarter;
use crate::review;
use crate::settings;
use crate::workshops::{self, WorkshopListItem};
use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

/// How many records each tile shows.
pub const SHOWN: u32 = 5;

/// The statuses of a pain point the team still has to act on.
pub const OPEN: [Status; 3] = [Status::New, Status::Accepted, Status::Planned];

/// A customer team not heard from lately.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Unheard {
    pub customer_id: Id,
    pub name: String,
    /// The last conversation, if there ever was one.
    pub last_heard_on: Option<NaiveDate>,
    pub weeks_since: Option<u32>,
}

/// A goal as Home shows it: the latest value of its metric against its target.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct GoalGlance {
    pub goal_id: Id,
    pub title: String,
    pub metric: Metric,
    pub latest: Option<MetricValue>,
    pub target: f64,
    /// `2026-Q4`.
    pub due_quarter: String,
    /// The latest value has reached the target, in the metric's better direction.
    pub reached: bool,
    /// The value of the quarter before the latest one, and the move from it (with whether it
    /// is within noise); `None` when that quarter has no value.
    pub previous: Option<MetricValue>,
    pub change: Option<Change>,
    /// How far the latest value still is from the target, in the metric's unit: 0 once
    /// reached; `None` without a value.
    pub to_target: Option<f64>,
}

/// How many of the quarter's commitments have one status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StatusCount {
    pub status: CommitmentStatus,
    pub label: String,
    pub count: u32,
}

/// What Home shows.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Home {
    /// The quarter holding today, as "2026 Q4".
    pub quarter: String,
    /// The first goals, each with its metric's latest value.
    pub goals: Vec<GoalGlance>,
    pub all_goals: u32,
    /// The quarter's commitments by status, in the board's order; statuses with none left out.
    pub commitments: Vec<StatusCount>,
    pub all_commitments: u32,
    /// The heaviest open pain points, heaviest first.
    pub heaviest: Vec<PainPointSummary>,
    pub open_pain_points: u32,
    /// Never heard from first, then the longest silence.
    pub unheard: Vec<Unheard>,
    pub unheard_customers: u32,
    pub unheard_after_weeks: u32,
    /// The latest kudos, newest first.
    pub kudos: Vec<Kudos>,
    pub all_kudos: u32,
    /// The workshop running now, or else the next one planned.
    pub next_workshop: Option<WorkshopListItem>,
    /// Goals that reached their target or whose metric improved beyond the noise, unless put
    /// away this quarter.
    pub celebrations: Vec<celebrations::Celebration>,
}

/// Home as of `today`.
pub fn glance(conn: &Connection, today: NaiveDate) -> Result<Home> {
    let start = settings::fiscal_year_start(conn)?;
    let quarter = Quarter::containing(today, start);
    let all_goals = goals::list(conn)?;
    let shown_goals = all_goals
        .iter()
        .take(SHOWN as usize)
        .map(|goal| {
            let page = goals::page(conn, goal.id, today)?;
            let (previous, change) = match page.trend.as_slice() {
                [.., before, latest]
                    if Quarter::parse(&latest.quarter, start, "quarter")?
                        .previous()
                        .key()
                        == before.quarter =>
                {
                    (
                        Some(before.clone()),
                        Some(review::change_between(latest, before)),
                    )
                }
                _ => (None, None),
            };
            let to_target = page.latest.as_ref().map(|l| {
                let gap = match page.metric.direction {
                    Direction::HigherIsBetter => goal.target - l.value,
                    Direction::LowerIsBetter => l.value - goal.target,
                };
                gap.max(0.0)
            });
            Ok(GoalGlance {
                previous,
                change,
                to_target,
                goal_id: goal.id,
                title: goal.title.clone(),
                metric: page.metric,
                latest: page.latest,
                target: goal.target,
                due_quarter: goal.due_quarter.clone(),
                reached: page.reached,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let board = board::board(conn, quarter, today)?;
    let commitments = board
        .columns
        .into_iter()
        .filter(|column| !column.commitments.is_empty())
        .map(|column| StatusCount {
            status: column.status,
            label: column.label,
            count: column.commitments.len() as u32,
        })
        .collect();
    let (heaviest, open_pain_points) = heaviest_open(conn, today)?;
    let unheard_after_weeks = settings::unheard_after_weeks(conn)?;
    let unheard = unheard(conn, today, unheard_after_weeks)?;
    let kudos = kudos::list(
        conn,
        &KudosFilter::default(),
        PageRequest {
            offset: 0,
            limit: SHOWN,
        },
    )?;
    Ok(Home {
        quarter: quarter.to_string(),
        goals: shown_goals,
        all_goals: all_goals.len() as u32,
        commitments,
        all_commitments: board.total,
        heaviest,
        open_pain_points,
        unheard_customers: unheard.len() as u32,
        unheard: unheard.into_iter().take(SHOWN as usize).collect(),
        unheard_after_weeks,
        kudos: kudos.items,
        all_kudos: kudos.total,
        next_workshop: workshops::next(conn, today)?,
        celebrations: celebrations::celebrations(conn, today)?,
    })
}

/// The heaviest open pain points and how many are open: the heaviest page of each open status,
/// read from the index of statuses by weight, merged.
fn heaviest_open(conn: &Connection, today: NaiveDate) -> Result<(Vec<PainPointSummary>, u32)> {
    let mut heaviest = Vec::new();
    let mut open = 0;
    for status in OPEN {
        let filter = PainPointFilter {
            status: Some(status),
            ..PainPointFilter::default()
        };
        let page = pain_points::list(
            conn,
            &filter,
            PageRequest {
                offset: 0,
                limit: SHOWN,
            },
            today,
        )?;
        open += page.total;
        heaviest.extend(page.items);
    }
    heaviest.sort_by(|a, b| b.weight.total_cmp(&a.weight).then(a.id.cmp(&b.id)));
    heaviest.truncate(SHOWN as usize);
    Ok((heaviest, open))
}

/// Every customer team not heard from for `after_weeks` weeks or more, or never: never heard
/// from first, then the longest silence, then by name.
fn unheard(conn: &Connection, today: NaiveDate, after_weeks: u32) -> Result<Vec<Unheard>> {
    let mut customers: Vec<Unheard> = conn
        .prepare_cached(
            "SELECT c.id, c.name,
               (SELECT max(held_on) FROM interviews i INDEXED BY interviews_live_by_customer
                 WHERE i.customer_id = c.id AND i.deleted_at IS NULL AND i.held_on <= ?1)
             FROM customers c WHERE c.deleted_at IS NULL",
        )?
        .query_map([today], |r| {
            let last: Option<NaiveDate> = r.get(2)?;
            Ok(Unheard {
                customer_id: r.get(0)?,
                name: r.get(1)?,
                last_heard_on: last,
                weeks_since: weeks_since(last, today),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    customers.retain(|c| is_unheard(c.weeks_since, after_weeks));
    customers.sort_by(|a, b| {
        longest_silence_first((a.last_heard_on, &a.name), (b.last_heard_on, &b.name))
    });
    Ok(customers)
}
