//! The commitments the team made over the example's four quarters, each aimed at a goal and the
//! pain points it answers, checked in on every few weeks by its owner and decided when its
//! quarter closed: some done, one dropped with its reason, one carried over twice. The quarter
//! under way holds three open ones whose check-ins (dated back from today) put one at risk, so
//! the board shows each status with its reasons on first run.

use super::Names;
use crate::commitments::check_ins::CheckInInput;
use crate::commitments::decisions::{self, CloseAction, CloseDecision};
use crate::commitments::{self, CommitmentInput, CommitmentState};
use crate::error::{Error, Result};
use crate::id::Id;
use crate::quarter::Quarter;
use chrono::{DateTime, Days, NaiveDate, Utc};
use rusqlite::Transaction;

const CSAT_GOAL: &str = "Most developers are happy with CI";
const REPLY_GOAL: &str = "A first reply within four hours";

/// A commitment of a past quarter: made on its third day, checked in on at the days given
/// (from the quarter's first day) with progress and confidence, and how the quarter left it.
struct Past {
    title: &'static str,
    owner: &'static str,
    goal: Option<&'static str>,
    pain_points: &'static [&'static str],
    check_ins: &'static [(u64, i64, i64, &'static str)],
    end: End,
}

/// How a past commitment's quarter left it.
enum End {
    /// Marked done by its owner on that day of the quarter.
    Done(u64),
    /// Carried into the next quarter when the quarter closed.
    CarryOver,
    /// Dropped when the quarter closed, with the reason.
    Drop(&'static str),
    /// Marked done when the quarter closed.
    DoneAtClose,
}

/// The commitments of the three closed quarters, oldest quarter first.
const CLOSED: [&[Past]; 3] = [
    &[
        Past {
            title: "Autoscale CI runners at peak hours",
            owner: "Tomás Ferreira",
            goal: Some(CSAT_GOAL),
            pain_points: &["CI queue is slow at peak times"],
            check_ins: &[
                (
                    14,
                    20,
                    7,
                    "Runner pool on the new cluster; scaling by queue length.",
                ),
                (35, 45, 7, "Scaling works; cold starts add four minutes."),
                (63, 70, 6, "Warm pool in place, Monday peak still queues."),
                (
                    84,
                    100,
                    9,
                    "Queue at peak under five minutes for two weeks.",
                ),
            ],
            end: End::Done(86),
        },
        Past {
            title: "Publish the VM image migration guide",
            owner: "Priya Raman",
            goal: None,
            pain_points: &["Migration guide for VM images is incomplete"],
            check_ins: &[
                (21, 10, 6, "Outline agreed with Data Platform."),
                (
                    49,
                    30,
                    4,
                    "Networking section blocked on the new VPC layout.",
                ),
                (77, 40, 3, "Still waiting on the VPC decision."),
            ],
            end: End::CarryOver,
        },
        Past {
            title: "Answer every support request within a working day",
            owner: "Aiko Tanaka",
            goal: Some(REPLY_GOAL),
            pain_points: &[],
            check_ins: &[
                (10, 30, 8, "Support channel has an owner each day."),
                (40, 60, 8, "Median first reply down to nine hours."),
                (80, 90, 8, "One late reply this month, over a holiday."),
            ],
            end: End::DoneAtClose,
        },
    ],
    &[Past {
        title: "One pipeline template for new services",
        owner: "Jonas Lindqvist",
        goal: Some(CSAT_GOAL),
        pain_points: &["No single current pipeline template"],
        check_ins: &[
            (
                20,
                15,
                6,
                "Three templates in use; picked the Payments one to start from.",
            ),
            (
                55,
                25,
                4,
                "Teams want a whole golden path, not just a template.",
            ),
        ],
        end: End::Drop("Folded into the golden path for new services, next quarter."),
    }],
    &[
        Past {
            title: "A golden path for new services",
            owner: "Jonas Lindqvist",
            goal: Some(CSAT_GOAL),
            pain_points: &["No single current pipeline template"],
            check_ins: &[
                (14, 20, 7, "Scaffold creates repo, pipeline and dashboards."),
                (42, 45, 6, "Two pilot teams on it; secrets setup is manual."),
                (70, 60, 5, "Secrets automation slipped; the rest is done."),
            ],
            end: End::CarryOver,
        },
        Past {
            title: "One-click rollback during canaries",
            owner: "Sam Whitfield",
            goal: Some(CSAT_GOAL),
            pain_points: &["Rollback safety is unclear during canaries"],
            check_ins: &[
                (20, 30, 7, "Runbook written and reviewed with Checkout."),
                (50, 70, 8, "Rollback button behind a flag for two teams."),
                (85, 100, 9, "Rolled out to every team using canaries."),
            ],
            end: End::Done(86),
        },
        Past {
            title: "A triage rota for support requests",
            owner: "Aiko Tanaka",
            goal: Some(REPLY_GOAL),
            pain_points: &[],
            check_ins: &[
                (
                    10,
                    40,
                    8,
                    "Rota published; everyone on it once a fortnight.",
                ),
                (60, 80, 8, "Median first reply at seven hours."),
            ],
            end: End::DoneAtClose,
        },
    ],
];

/// A commitment of the quarter under way: its check-ins are dated `days` before today (never
/// before the quarter began), with progress given as points ahead of (or behind) the share of
/// the quarter gone by then.
struct Current {
    title: &'static str,
    owner: &'static str,
    goal: Option<&'static str>,
    pain_points: &'static [&'static str],
    check_ins: &'static [(u64, i64, i64, &'static str)],
}

const UNDER_WAY: [Current; 2] = [
    Current {
        title: "Halve the CI queue at the Monday peak",
        owner: "Tomás Ferreira",
        goal: Some(CSAT_GOAL),
        pain_points: &["CI queue is slow at peak times"],
        check_ins: &[
            (30, -5, 6, "Measured the Monday peak: 22 minutes at worst."),
            (
                9,
                -10,
                4,
                "The bigger runners need a budget approval first.",
            ),
        ],
    },
    Current {
        title: "A first reply within four hours, every request",
        owner: "Aiko Tanaka",
        goal: Some(REPLY_GOAL),
        pain_points: &[],
        check_ins: &[
            (35, 5, 8, "Auto-acknowledge with the rota's name on it."),
            (6, 10, 8, "Median first reply at 5.5 hours."),
        ],
    },
];

/// The carried-over golden path's check-ins this quarter, as [`UNDER_WAY`]'s.
const GOLDEN_PATH_NOW: &[(u64, i64, i64, &str)] = &[
    (20, 0, 7, "Secrets automation merged; pilot teams moved."),
    (4, 5, 7, "Four more teams scaffolded this month."),
];

/// At `hour` o'clock UTC on `day`.
fn at(day: NaiveDate, hour: u32) -> DateTime<Utc> {
    day.and_hms_opt(hour, 0, 0).unwrap_or_default().and_utc()
}

fn day_of(quarter: Quarter, days: u64) -> NaiveDate {
    (quarter.first_day() + Days::new(days)).min(quarter.last_day())
}

/// The id of the record of `table` titled `title`, as the example created it.
pub(super) fn titled(tx: &Transaction<'_>, table: &str, title: &str) -> Result<Id> {
    tx.query_row(
        &format!("SELECT id FROM {table} WHERE title = ?1 AND deleted_at IS NULL"),
        [title],
        |r| r.get(0),
    )
    .map_err(|_| {
        Error::validation(
            "example",
            format!("the example names “{title}”, which it does not hold"),
        )
    })
}

struct Context<'a> {
    tx: &'a Transaction<'a>,
    people: &'a Names,
    now: DateTime<Utc>,
}

impl Context<'_> {
    /// At `hour` o'clock on `day`, or now if that is later than now.
    fn at(&self, day: NaiveDate, hour: u32) -> DateTime<Utc> {
        at(day, hour).min(self.now)
    }

    fn create(
        &self,
        title: &str,
        owner: &str,
        goal: Option<&str>,
        pain_points: &[&str],
        quarter: Quarter,
        on: NaiveDate,
    ) -> Result<Id> {
        let goal_id = goal.map(|g| titled(self.tx, "goals", g)).transpose()?;
        let pain_point_ids = pain_points
            .iter()
            .map(|p| titled(self.tx, "pain_points", p))
            .collect::<Result<_>>()?;
        let input = CommitmentInput {
            title: title.into(),
            owner_id: Some(self.people.id(owner)?),
            quarter: quarter.key(),
            goal_id,
            pain_point_ids,
        };
        Ok(commitments::create(self.tx, &input, self.at(on, 9))?.id)
    }

    fn check_in(
        &self,
        id: Id,
        owner: &str,
        on: NaiveDate,
        progress: i64,
        confidence: i64,
        note: &str,
    ) -> Result<()> {
        let input = CheckInInput {
            checked_on: on,
            progress: progress.clamp(0, 100),
            confidence,
            note: note.into(),
        };
        commitments::check_ins::check_in(
            self.tx,
            id,
            &input,
            Some(self.people.id(owner)?),
            self.at(on, 16),
        )?;
        Ok(())
    }

    /// Check-ins dated back from `today`, never before `since`, their progress relative to the
    /// share of `quarter` gone on each day. Early in a quarter several fall on `since`: the
    /// latest of them is kept.
    fn recent(
        &self,
        id: Id,
        owner: &str,
        quarter: Quarter,
        since: NaiveDate,
        today: NaiveDate,
        check_ins: &[(u64, i64, i64, &str)],
    ) -> Result<()> {
        let dated: Vec<(NaiveDate, i64, i64, &str)> = check_ins
            .iter()
            .map(|&(ago, ahead, confidence, note)| {
                ((today - Days::new(ago)).max(since), ahead, confidence, note)
            })
            .collect();
        for (k, &(on, ahead, confidence, note)) in dated.iter().enumerate() {
            if dated.get(k + 1).is_some_and(|later| later.0 <= on) {
                continue;
            }
            let gone =
                commitments::status::elapsed_percent(quarter.first_day(), quarter.last_day(), on);
            self.check_in(id, owner, on, gone + ahead, confidence, note)?;
        }
        Ok(())
    }
}

pub(super) fn load(tx: &Transaction<'_>, people: &Names, now: DateTime<Utc>) -> Result<()> {
    let context = Context { tx, people, now };
    let start = crate::settings::fiscal_year_start(tx)?;
    let current = Quarter::containing(now.date_naive(), start);
    let today = now.date_naive();
    let lead = Some(people.id("Maya Okafor")?);
    let mut quarter = current.previous().previous().previous();
    let mut carried: Vec<(Id, &str)> = Vec::new();
    for closed in CLOSED {
        // Those carried into this quarter go on, checked in on like the rest.
        let carried_here: Vec<(Id, &str)> = std::mem::take(&mut carried);
        let mut choices = Vec::new();
        for &(id, owner) in &carried_here {
            context.check_in(
                id,
                owner,
                day_of(quarter, 14),
                60,
                7,
                "Picked up where last quarter left it.",
            )?;
            context.check_in(
                id,
                owner,
                day_of(quarter, 42),
                100,
                9,
                "Done and announced.",
            )?;
            decisions::set_state(
                tx,
                id,
                CommitmentState::Done,
                "Shipped.",
                Some(people.id(owner)?),
                at(day_of(quarter, 44), 11),
            )?;
        }
        for past in closed {
            let id = context.create(
                past.title,
                past.owner,
                past.goal,
                past.pain_points,
                quarter,
                day_of(quarter, 2),
            )?;
            for &(day, progress, confidence, note) in past.check_ins {
                context.check_in(
                    id,
                    past.owner,
                    day_of(quarter, day),
                    progress,
                    confidence,
                    note,
                )?;
            }
            let owner = Some(people.id(past.owner)?);
            match past.end {
                End::Done(day) => {
                    decisions::set_state(
                        tx,
                        id,
                        CommitmentState::Done,
                        "Done.",
                        owner,
                        at(day_of(quarter, day), 11),
                    )?;
                }
                End::CarryOver => choices.push((id, past.owner, CloseAction::CarryOver)),
                End::Drop(reason) => choices.push((
                    id,
                    past.owner,
                    CloseAction::Drop {
                        reason: reason.into(),
                    },
                )),
                End::DoneAtClose => choices.push((id, past.owner, CloseAction::Done)),
            }
        }
        let closing: Vec<CloseDecision> = choices
            .iter()
            .map(|(id, _, action)| CloseDecision {
                commitment_id: *id,
                action: action.clone(),
            })
            .collect();
        let closed_at = at(quarter.last_day(), 17);
        let closed = decisions::close_quarter(tx, quarter, &closing, lead, closed_at)?;
        for successor in closed.carried_into {
            let owner = choices
                .iter()
                .find(|(id, _, _)| Some(*id) == successor.carried_from)
                .map_or("Maya Okafor", |(_, owner, _)| *owner);
            carried.push((successor.id, owner));
        }
        quarter = quarter.next();
    }
    // The quarter under way: the golden path carried on, and two made this quarter.
    let began = current.first_day();
    for &(id, owner) in &carried {
        context.recent(id, owner, current, began, today, GOLDEN_PATH_NOW)?;
    }
    for made in UNDER_WAY {
        let on = (began + Days::new(2)).min(today);
        let id = context.create(
            made.title,
            made.owner,
            made.goal,
            made.pain_points,
            current,
            on,
        )?;
        context.recent(id, made.owner, current, on, today, made.check_ins)?;
    }
    Ok(())
}
