//! A quarter's review, in one read: every metric across the quarters up to it with its
//! intervals and the targets of the goals on it; the quarter's commitments with what came of
//! them; the pain points opened, addressed and still open, by product; the conversations with
//! customers by team member and level; the product-mindset self-assessment of the workshops'
//! rating steps over the quarters; the quarter's kudos; the practices (support by level, the
//! ticket black-hole meter, the migrations running, see [`practices`]); and the notes and
//! decisions the team wrote for it.
//!
//! Everything here is read from what the team already recorded; nothing is typed twice. The
//! types are plain data that can be stored and read back as JSON, so a closed quarter keeps
//! its review as it stood.

pub mod chain;
pub mod practices;

use crate::commitments::board;
use crate::commitments::decisions::{self, CloseDecision, Closed};
use crate::commitments::status::{CommitmentState, CommitmentStatus};
use crate::error::{Error, Result};
use crate::goals;
use crate::id::Id;
use crate::kudos::celebrated::{self, QuarterKinds};
use crate::metrics::stats::{self, Change, Estimate};
use crate::metrics::values::{self, MetricValue};
use crate::metrics::{Direction, MetricKind};
use crate::pain_points::Status;
use crate::people::Level;
use crate::quarter::{FiscalYearStart, Quarter};
use crate::settings;
use crate::text;
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use ts_rs::TS;

/// How many quarters the trends and the self-assessment reach back, this one included.
pub const QUARTERS: u32 = 8;

/// How many pain points each product names per column, and how many kudos are highlighted.
pub const SHOWN: usize = 10;

/// A metric across the review's quarters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, rename = "ReviewMetric")]
pub struct MetricReview {
    pub metric_id: Id,
    pub name: String,
    pub kind: MetricKind,
    pub direction: Direction,
    /// The unit of a duration or count ("hours"); empty otherwise.
    pub unit: String,
    /// The values of the quarters that have one, oldest first, ending at the reviewed quarter.
    pub trend: Vec<MetricValue>,
    /// The reviewed quarter's value and the one before it, and how it moved.
    pub value: Option<MetricValue>,
    pub previous: Option<MetricValue>,
    pub change: Option<Change>,
    /// The goals on this metric: each a target line.
    pub goals: Vec<GoalLine>,
}

/// A goal's target, drawn on its metric's trend.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct GoalLine {
    pub goal_id: Id,
    pub title: String,
    pub target: f64,
    /// `2026-Q4`.
    pub due_quarter: String,
}

/// One of the quarter's commitments and what came of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CommitmentOutcome {
    pub commitment_id: Id,
    pub title: String,
    pub owner_name: Option<String>,
    pub goal_id: Option<Id>,
    pub goal_title: Option<String>,
    /// What was decided: open, done, dropped or carried over.
    pub state: CommitmentState,
    /// Derived as of the day the review was read.
    pub status: CommitmentStatus,
    pub status_label: String,
    /// From the latest check-in.
    pub progress: Option<u8>,
    /// The note of the latest decision (the reason it was dropped, where it was carried).
    pub decision: Option<String>,
    pub decided_on: Option<NaiveDate>,
    /// The earlier commitment this one carries on, and the later one carrying this one.
    pub carried_from: Option<Id>,
    pub carried_into: Option<Id>,
    pub pain_point_ids: Vec<Id>,
}

/// A pain point named in the review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PainPointRef {
    pub id: Id,
    pub title: String,
}

/// One product's pain points in the quarter. A pain point on two products counts for each.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ProductPainPoints {
    /// `None` for the pain points tied to no product.
    pub product_id: Option<Id>,
    pub product_name: Option<String>,
    /// Recorded during the quarter.
    pub opened: u32,
    /// Marked addressed during the quarter.
    pub addressed: u32,
    /// New, accepted or planned when the quarter ended (or today, for the current quarter).
    pub still_open: u32,
    /// The first of those addressed, by title.
    pub addressed_shown: Vec<PainPointRef>,
}

/// One team member's conversations with customers in the quarter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MemberConversations {
    pub person_id: Id,
    pub name: String,
    pub level: Level,
    pub conversations: u32,
    /// How many different customer teams they spoke with.
    pub customers: u32,
}

/// The conversations of the team members at one level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct LevelConversations {
    pub level: Level,
    pub people: u32,
    pub conversations: u32,
}

/// The quarter's conversations with customers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Conversations {
    /// Every conversation held in the quarter.
    pub total: u32,
    /// How many different customer teams were heard.
    pub customers: u32,
    /// Most conversations first, then by name.
    pub by_member: Vec<MemberConversations>,
    /// From the most junior level up; levels nobody spoke at are left out.
    pub by_level: Vec<LevelConversations>,
}

/// One quarter of the self-assessment: the mean rating of each dimension, in the order of
/// [`SelfAssessment::dimensions`]; `None` where nobody rated it that quarter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AssessmentQuarter {
    /// `2026-Q3`.
    pub quarter: String,
    pub means: Vec<Option<f64>>,
    /// How many ratings each mean is of.
    pub ratings: Vec<u32>,
}

/// The product-mindset self-assessment over quarters: the 1–5 ratings of the workshops' rating
/// steps (typed on the laptop or sent from the room), per dimension and quarter of the workshop.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SelfAssessment {
    /// Every dimension rated in the span, alphabetically.
    pub dimensions: Vec<String>,
    /// The quarters with ratings, oldest first.
    pub quarters: Vec<AssessmentQuarter>,
}

/// Kudos given in the quarter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct KudosHighlight {
    pub id: Id,
    pub from_name: Option<String>,
    pub to_name: Option<String>,
    pub message: String,
    pub given_on: NaiveDate,
}

/// A quarter's review.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Review {
    /// `2026-Q3`.
    pub quarter: String,
    /// As shown: "2026 Q3".
    pub label: String,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    /// The quarter holds the day it was read.
    pub current: bool,
    /// The day it was read: what derived statuses and "still open" are as of.
    pub as_of: NaiveDate,
    /// The quarters of the trends, oldest first, ending at this one.
    pub quarters: Vec<String>,
    pub metrics: Vec<MetricReview>,
    pub commitments: Vec<CommitmentOutcome>,
    pub pain_points: Vec<ProductPainPoints>,
    pub conversations: Conversations,
    pub self_assessment: SelfAssessment,
    /// The quarter's kudos, newest first, and how many there were.
    pub kudos: Vec<KudosHighlight>,
    pub all_kudos: u32,
    /// What the team thanked people for, by kind, in each of `quarters` (oldest first); empty
    /// in a review kept before kudos were counted by kind.
    #[serde(default)]
    pub celebrated: Vec<QuarterKinds>,
    /// Support by level, the black-hole meter and the migrations running, where the quarter
    /// has them; empty in a review kept before they were.
    #[serde(default)]
    pub practices: practices::Practices,
    /// What the team wrote for the quarter.
    pub notes: String,
    pub decisions: String,
    /// Set when the quarter is closed: the review is then the one kept when it closed (or was
    /// last regenerated), not today's data.
    pub snapshot: Option<SnapshotNote>,
    /// The chains from evidence to outcome kept with a closed quarter's review, as they stood at
    /// its end (see [`chain::quarter`]); `None` while the review is read live, when the chains
    /// are read on their own, and in a review kept before the chains were.
    #[serde(default)]
    pub chains: Option<Vec<chain::GoalChain>>,
}

/// When a closed quarter's review was kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SnapshotNote {
    pub closed_at: DateTime<Utc>,
    /// When the kept review was taken: when the quarter closed, or when it was regenerated.
    pub taken_at: DateTime<Utc>,
    /// Set once the review was regenerated on purpose after the quarter closed.
    pub regenerated_at: Option<DateTime<Utc>>,
}

/// The quarter named `text` (`2026-Q3`), or a clear refusal naming `field`.
pub fn parse_quarter(conn: &Connection, text: &str, field: &'static str) -> Result<Quarter> {
    Quarter::parse(text, settings::fiscal_year_start(conn)?, field)
}

/// The review of `quarter`, read live as of `today`.
pub fn quarter(conn: &Connection, quarter: Quarter, today: NaiveDate) -> Result<Review> {
    let start = quarter.fiscal_year_start();
    let mut span = vec![quarter];
    for _ in 1..QUARTERS {
        let earlier = span[span.len() - 1].previous();
        span.push(earlier);
    }
    span.reverse();
    // What is "still open" is as of the quarter's end, or today while it runs.
    let as_of = today.min(quarter.last_day());
    let (notes, decisions) = notes(conn, quarter)?;
    let (kudos, all_kudos) = kudos(conn, quarter)?;
    Ok(Review {
        quarter: quarter.key(),
        label: quarter.to_string(),
        first_day: quarter.first_day(),
        last_day: quarter.last_day(),
        current: quarter.contains(today),
        as_of: today,
        quarters: span.iter().map(|q| q.key()).collect(),
        metrics: metric_reviews(conn, quarter)?,
        commitments: commitments(conn, quarter, today)?,
        pain_points: pain_points(conn, quarter, as_of)?,
        conversations: conversations(conn, quarter)?,
        self_assessment: self_assessment(conn, &span, start)?,
        kudos,
        all_kudos,
        celebrated: span
            .iter()
            .map(|&q| celebrated::in_quarter(conn, q))
            .collect::<Result<_>>()?,
        practices: practices::of_quarter(conn, quarter, today)?,
        notes,
        decisions,
        snapshot: None,
        chains: None,
    })
}

fn metric_reviews(conn: &Connection, quarter: Quarter) -> Result<Vec<MetricReview>> {
    let mut lines: HashMap<Id, Vec<GoalLine>> = HashMap::new();
    for goal in goals::list(conn)? {
        lines.entry(goal.metric_id).or_default().push(GoalLine {
            goal_id: goal.id,
            title: goal.title,
            target: goal.target,
            due_quarter: goal.due_quarter,
        });
    }
    values::quarter(conn, quarter)?
        .into_iter()
        .map(|m| {
            Ok(MetricReview {
                trend: values::trend(conn, m.metric.id, quarter, QUARTERS)?,
                goals: lines.remove(&m.metric.id).unwrap_or_default(),
                metric_id: m.metric.id,
                name: m.metric.name,
                kind: m.metric.kind,
                direction: m.metric.direction,
                unit: m.metric.unit,
                value: m.value,
                previous: m.previous,
                change: m.change,
            })
        })
        .collect()
}

fn commitments(
    conn: &Connection,
    quarter: Quarter,
    today: NaiveDate,
) -> Result<Vec<CommitmentOutcome>> {
    let mut latest_decision = conn.prepare_cached(
        "SELECT note, decided_at FROM commitment_decisions WHERE commitment_id = ?1
         ORDER BY decided_at DESC, id DESC LIMIT 1",
    )?;
    let mut carried_into = conn.prepare_cached(
        "SELECT id FROM commitments WHERE carried_from = ?1 AND deleted_at IS NULL
         ORDER BY quarter_starts_on, id LIMIT 1",
    )?;
    let mut goal_title =
        conn.prepare_cached("SELECT title FROM goals WHERE id = ?1 AND deleted_at IS NULL")?;
    board::in_quarter(conn, quarter, today)?
        .into_iter()
        .map(|c| {
            let decided: Option<(String, String)> = latest_decision
                .query_row([c.id], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?;
            let goal_title = match c.goal_id {
                Some(goal) => goal_title.query_row([goal], |r| r.get(0)).optional()?,
                None => None,
            };
            Ok(CommitmentOutcome {
                commitment_id: c.id,
                title: c.title,
                owner_name: c.owner_name,
                goal_id: c.goal_id,
                goal_title,
                state: c.state,
                status: c.status.status,
                status_label: c.status.status.label().to_string(),
                progress: c.progress,
                decided_on: decided
                    .as_ref()
                    .and_then(|(_, at)| NaiveDate::parse_from_str(at.get(..10)?, "%F").ok()),
                decision: decided.map(|(note, _)| note).filter(|n| !n.is_empty()),
                carried_from: c.carried_from,
                carried_into: carried_into.query_row([c.id], |r| r.get(0)).optional()?,
                pain_point_ids: c.pain_points.into_iter().map(|t| t.id).collect(),
            })
        })
        .collect()
}

const OPEN: [Status; 3] = crate::home::OPEN;

/// A pain point's history as far as the review needs it: its status when the quarter ended, if
/// a change says (the last change before then; before any change, what the first one changed
/// from), and whether it was marked addressed during the quarter.
#[derive(Default)]
struct History {
    before_end: Option<Status>,
    first_after_end_from: Option<Option<Status>>,
    addressed: bool,
}

/// One product's pain points as they are counted, before the first addressed are named.
struct Counted {
    counts: ProductPainPoints,
    /// The addressed pain points, each with the product it is tied to (which may be in the
    /// Trash, for the group of those tied to none).
    addressed: Vec<(Option<Id>, Id)>,
}

/// Each live pain point recorded before the quarter ended, tied to each of its products, with
/// its status when the quarter ended (or today, for the current quarter), whether it was
/// recorded and whether it was addressed during the quarter; counted by product, ordered by
/// product name, the pain points tied to no product (or to one in the Trash) last.
///
/// Two passes, no statement per pain point: every status change in one ordered read of the
/// covering index of changes by pain point, folded into each pain point's history, then the
/// live pain points with their products. Only the titles of the addressed are read.
fn pain_points(
    conn: &Connection,
    quarter: Quarter,
    as_of: NaiveDate,
) -> Result<Vec<ProductPainPoints>> {
    let first = quarter.first_day();
    let after = quarter.next().first_day();
    let end = as_of.succ_opt().unwrap_or(as_of).min(after);
    let mut histories: HashMap<Id, History> = HashMap::new();
    let mut changes = conn.prepare_cached(
        "SELECT pain_point_id, changed_at < ?3, from_status, to_status,
           to_status = 'addressed' AND changed_at >= ?1 AND changed_at < ?2
         FROM pain_point_status_changes INDEXED BY pain_point_status_changes_by_pain_point
         ORDER BY pain_point_id, changed_at, id",
    )?;
    let mut rows = changes.query((first, after, end))?;
    while let Some(row) = rows.next()? {
        let history = histories.entry(row.get(0)?).or_default();
        if row.get::<_, bool>(1)? {
            history.before_end = Some(row.get(3)?);
        } else if history.first_after_end_from.is_none() {
            history.first_after_end_from = Some(row.get(2)?);
        }
        history.addressed |= row.get::<_, bool>(4)?;
    }
    let mut groups: HashMap<Option<Id>, Counted> = HashMap::new();
    let mut links = conn.prepare_cached(
        "SELECT p.id, pp.product_id, pr.name, p.status, p.created_at >= ?1
         FROM pain_points p
         LEFT JOIN pain_point_products pp ON pp.pain_point_id = p.id
         LEFT JOIN products pr ON pr.id = pp.product_id AND pr.deleted_at IS NULL
         WHERE p.deleted_at IS NULL AND p.merged_into IS NULL AND p.created_at < ?2",
    )?;
    let mut rows = links.query((first, end))?;
    while let Some(row) = rows.next()? {
        let id: Id = row.get(0)?;
        let linked: Option<Id> = row.get(1)?;
        // A product in the Trash counts with the pain points tied to none.
        // The name is TEXT NOT NULL in a STRICT table: NULL only when the product is trashed.
        let named = row.get_ref(2)?.as_str_or_null().ok().flatten();
        let product_id = linked.filter(|_| named.is_some());
        let history = histories.get(&id);
        let status = match history {
            Some(h) => h.before_end.or(h.first_after_end_from.flatten()),
            None => None,
        };
        let status = match status {
            Some(s) => Some(s),
            None => row.get::<_, Option<Status>>(3)?,
        };
        let group = groups.entry(product_id).or_insert_with(|| Counted {
            counts: ProductPainPoints {
                product_id,
                product_name: named.map(str::to_owned),
                opened: 0,
                addressed: 0,
                still_open: 0,
                addressed_shown: Vec::new(),
            },
            addressed: Vec::new(),
        });
        group.counts.opened += u32::from(row.get::<_, bool>(4)?);
        group.counts.still_open += u32::from(status.is_some_and(|s| OPEN.contains(&s)));
        if history.is_some_and(|h| h.addressed) {
            group.counts.addressed += 1;
            group.addressed.push((linked, id));
        }
    }
    drop(rows);
    let mut title = conn.prepare_cached("SELECT title FROM pain_points WHERE id = ?1")?;
    let mut titles: HashMap<Id, String> = HashMap::new();
    let mut products = Vec::with_capacity(groups.len());
    for (_, mut group) in groups {
        for &(_, id) in &group.addressed {
            if let std::collections::hash_map::Entry::Vacant(vacant) = titles.entry(id) {
                vacant.insert(title.query_row([id], |r| r.get(0))?);
            }
        }
        // By title, and for the pain points tied to none, by the product in the Trash first.
        group
            .addressed
            .sort_by(|a, b| (a.0, &titles[&a.1], a.1).cmp(&(b.0, &titles[&b.1], b.1)));
        group.counts.addressed_shown = group
            .addressed
            .iter()
            .take(SHOWN)
            .map(|&(_, id)| PainPointRef {
                id,
                title: titles[&id].clone(),
            })
            .collect();
        if group.counts.opened + group.counts.addressed + group.counts.still_open > 0 {
            products.push(group.counts);
        }
    }
    // By name as SQLite's NOCASE orders it (ASCII letters folded), then by id; none last.
    products.sort_by(|a, b| {
        let name = |p: &ProductPainPoints| {
            p.product_name.as_ref().map(|n| {
                n.bytes()
                    .map(|c| c.to_ascii_lowercase())
                    .collect::<Vec<u8>>()
            })
        };
        (a.product_id.is_none(), name(a), a.product_id).cmp(&(
            b.product_id.is_none(),
            name(b),
            b.product_id,
        ))
    });
    Ok(products)
}

fn conversations(conn: &Connection, quarter: Quarter) -> Result<Conversations> {
    let (first, last) = (quarter.first_day(), quarter.last_day());
    let (total, customers): (u32, u32) = conn
        .prepare_cached(
            "SELECT count(*), count(DISTINCT customer_id) FROM interviews
             WHERE deleted_at IS NULL AND held_on BETWEEN ?1 AND ?2",
        )?
        .query_row((first, last), |r| Ok((r.get(0)?, r.get(1)?)))?;
    let by_member = conn
        .prepare_cached(
            "SELECT p.id, p.name, p.level, count(*), count(DISTINCT i.customer_id)
             FROM interviews i
             JOIN interview_interviewers ii ON ii.interview_id = i.id
             JOIN people p ON p.id = ii.person_id
             WHERE i.deleted_at IS NULL AND i.held_on BETWEEN ?1 AND ?2
               AND p.deleted_at IS NULL
             GROUP BY p.id
             ORDER BY count(*) DESC, p.name COLLATE NOCASE, p.id",
        )?
        .query_map((first, last), |r| {
            Ok(MemberConversations {
                person_id: r.get(0)?,
                name: r.get(1)?,
                level: r.get(2)?,
                conversations: r.get(3)?,
                customers: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut levels: BTreeMap<Level, LevelConversations> = BTreeMap::new();
    for member in &by_member {
        let entry = levels.entry(member.level).or_insert(LevelConversations {
            level: member.level,
            people: 0,
            conversations: 0,
        });
        entry.people += 1;
        entry.conversations += member.conversations;
    }
    Ok(Conversations {
        total,
        customers,
        by_member,
        by_level: levels.into_values().collect(),
    })
}

/// The ratings typed on the laptop and those sent from the room's devices count alike.
fn self_assessment(
    conn: &Connection,
    span: &[Quarter],
    start: FiscalYearStart,
) -> Result<SelfAssessment> {
    let (first, last) = (span[0].first_day(), span[span.len() - 1].last_day());
    let rows = conn
        .prepare_cached(
            "SELECT w.held_on, r.dimension, sum(r.score), count(*)
             FROM workshops w INDEXED BY workshops_by_date
             JOIN all_workshop_ratings r ON r.workshop_id = w.id
             WHERE w.deleted_at IS NULL AND w.held_on BETWEEN ?1 AND ?2
             GROUP BY w.held_on, r.dimension",
        )?
        .query_map((first, last), |r| {
            Ok((
                r.get::<_, NaiveDate>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, i64>(2)?,
                r.get::<_, u32>(3)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    // (quarter, dimension) -> (sum, n)
    let mut sums: BTreeMap<(String, String), (i64, u32)> = BTreeMap::new();
    for (held_on, dimension, sum, n) in rows {
        let entry = sums
            .entry((Quarter::containing(held_on, start).key(), dimension))
            .or_default();
        entry.0 += sum;
        entry.1 += n;
    }
    let mut dimensions: Vec<String> = sums.keys().map(|(_, d)| d.clone()).collect();
    dimensions.sort_by_key(|d| d.to_lowercase());
    dimensions.dedup();
    let quarters = span
        .iter()
        .map(|q| q.key())
        .filter(|q| sums.keys().any(|(k, _)| k == q))
        .map(|q| {
            let cells: Vec<Option<(i64, u32)>> = dimensions
                .iter()
                .map(|d| sums.get(&(q.clone(), d.clone())).copied())
                .collect();
            AssessmentQuarter {
                means: cells
                    .iter()
                    .map(|c| c.map(|(sum, n)| round2(sum as f64 / f64::from(n))))
                    .collect(),
                ratings: cells.iter().map(|c| c.map_or(0, |(_, n)| n)).collect(),
                quarter: q,
            }
        })
        .collect();
    Ok(SelfAssessment {
        dimensions,
        quarters,
    })
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn kudos(conn: &Connection, quarter: Quarter) -> Result<(Vec<KudosHighlight>, u32)> {
    let (first, last) = (quarter.first_day(), quarter.last_day());
    let total: u32 = conn
        .prepare_cached(
            "SELECT count(*) FROM kudos
             WHERE deleted_at IS NULL AND given_on BETWEEN ?1 AND ?2",
        )?
        .query_row((first, last), |r| r.get(0))?;
    let shown = conn
        .prepare_cached(&format!(
            "SELECT k.id, f.name, coalesce(tp.name, tt.name), k.message, k.given_on
             FROM kudos k INDEXED BY kudos_by_date
             LEFT JOIN people f ON f.id = k.from_person_id
             LEFT JOIN people tp ON tp.id = k.to_person_id
             LEFT JOIN teams tt ON tt.id = k.to_team_id
             WHERE k.deleted_at IS NULL AND k.given_on BETWEEN ?1 AND ?2
             ORDER BY k.given_on DESC, k.id DESC LIMIT {SHOWN}"
        ))?
        .query_map((first, last), |r| {
            Ok(KudosHighlight {
                id: r.get(0)?,
                from_name: r.get(1)?,
                to_name: r.get(2)?,
                message: r.get(3)?,
                given_on: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok((shown, total))
}

fn notes(conn: &Connection, quarter: Quarter) -> Result<(String, String)> {
    Ok(conn
        .prepare_cached("SELECT notes, decisions FROM quarter_reviews WHERE quarter = ?1")?
        .query_row([quarter.key()], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?
        .unwrap_or_default())
}

/// What the team writes for a quarter: its notes and its decisions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, rename = "QuarterNotesInput")]
pub struct NotesInput {
    /// `2026-Q3`.
    pub quarter: String,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub decisions: String,
}

/// Stores the notes and decisions of a quarter, replacing what was written before.
pub fn save_notes(tx: &Transaction<'_>, input: &NotesInput, now: DateTime<Utc>) -> Result<()> {
    let quarter = parse_quarter(tx, &input.quarter, "quarter")?;
    let notes = text::free_text("notes", "The notes", &input.notes)?;
    let decisions = text::free_text("decisions", "The decisions", &input.decisions)?;
    tx.prepare_cached(
        "INSERT INTO quarter_reviews (quarter, notes, decisions, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?4)
         ON CONFLICT (quarter) DO UPDATE SET notes = excluded.notes,
            decisions = excluded.decisions, updated_at = excluded.updated_at",
    )?
    .execute((quarter.key(), notes, decisions, now))?;
    Ok(())
}

/// The review of the quarter named `text` (`2026-Q3`), or of `today`'s when `None` or empty.
pub fn named(conn: &Connection, text: Option<&str>, today: NaiveDate) -> Result<Review> {
    let quarter = match text.map(str::trim).filter(|t| !t.is_empty()) {
        Some(text) => parse_quarter(conn, text, "quarter")?,
        None => Quarter::containing(today, settings::fiscal_year_start(conn)?),
    };
    read(conn, quarter, today)
}

/// The review of `quarter`: the one kept when it closed, if it is closed (with today's notes
/// and decisions, which stay editable), or else read live as of `today`.
pub fn read(conn: &Connection, quarter: Quarter, today: NaiveDate) -> Result<Review> {
    let kept: Option<(String, SnapshotNote)> = conn
        .prepare_cached(
            "SELECT snapshot, closed_at, snapshot_taken_at, regenerated_at FROM quarter_reviews
             WHERE quarter = ?1 AND snapshot IS NOT NULL",
        )?
        .query_row([quarter.key()], |r| {
            Ok((
                r.get(0)?,
                SnapshotNote {
                    closed_at: r.get(1)?,
                    taken_at: r.get(2)?,
                    regenerated_at: r.get(3)?,
                },
            ))
        })
        .optional()?;
    let Some((json, note)) = kept else {
        return self::quarter(conn, quarter, today);
    };
    let mut review: Review = serde_json::from_str(&json).map_err(|e| {
        Error::conflict(
            Some("quarter"),
            format!(
                "The review kept when {quarter} closed cannot be read ({e}). Regenerate it to \
                 keep today's instead."
            ),
        )
    })?;
    (review.notes, review.decisions) = notes(conn, quarter)?;
    review.snapshot = Some(note);
    Ok(review)
}

/// When `quarter` was closed, if it was.
pub fn closed_at(conn: &Connection, quarter: Quarter) -> Result<Option<DateTime<Utc>>> {
    Ok(conn
        .prepare_cached("SELECT closed_at FROM quarter_reviews WHERE quarter = ?1")?
        .query_row([quarter.key()], |r| r.get(0))
        .optional()?
        .flatten())
}

/// Closes `quarter`: the decisions on its open commitments are applied (carried over, done or
/// dropped, see [`decisions::close_quarter`]), then its review is kept as it stands, all in the
/// caller's transaction. A quarter closes once; one not yet begun cannot close.
pub fn close(
    tx: &Transaction<'_>,
    quarter: Quarter,
    choices: &[CloseDecision],
    by: Option<Id>,
    now: DateTime<Utc>,
) -> Result<Closed> {
    if let Some(at) = closed_at(tx, quarter)? {
        return Err(Error::validation(
            "quarter",
            format!(
                "{quarter} was already closed on {}: its review was kept then. To keep \
                 today's data instead, regenerate its review.",
                at.date_naive().format("%-d %B %Y")
            ),
        ));
    }
    if quarter.first_day() > now.date_naive() {
        return Err(Error::validation(
            "quarter",
            format!("{quarter} has not begun: a quarter closes once it is under way or over."),
        ));
    }
    let closed = decisions::close_quarter(tx, quarter, choices, by, now)?;
    keep(tx, quarter, now, false)?;
    Ok(closed)
}

/// Replaces the kept review of a closed quarter with one read from today's data, on purpose,
/// and records when, so the review says it was regenerated.
pub fn regenerate(tx: &Transaction<'_>, quarter: Quarter, now: DateTime<Utc>) -> Result<Review> {
    if closed_at(tx, quarter)?.is_none() {
        return Err(Error::validation(
            "quarter",
            format!(
                "{quarter} is not closed: its review is read from today's data until it closes."
            ),
        ));
    }
    keep(tx, quarter, now, true)?;
    read(tx, quarter, now.date_naive())
}

fn keep(
    tx: &Transaction<'_>,
    quarter: Quarter,
    now: DateTime<Utc>,
    regenerated: bool,
) -> Result<()> {
    let mut review = self::quarter(tx, quarter, now.date_naive())?;
    review.chains = Some(chain::quarter(tx, quarter, now.date_naive())?);
    // Notes and decisions stay editable after closing: they are read live, not kept.
    review.notes.clear();
    review.decisions.clear();
    let json = serde_json::to_string(&review)
        .map_err(|e| Error::conflict(Some("quarter"), format!("The review cannot be kept: {e}")))?;
    tx.prepare_cached(
        "INSERT INTO quarter_reviews (quarter, snapshot, closed_at, snapshot_taken_at,
            regenerated_at, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?3, NULL, ?3, ?3)
         ON CONFLICT (quarter) DO UPDATE SET snapshot = excluded.snapshot,
            closed_at = coalesce(closed_at, excluded.closed_at),
            snapshot_taken_at = excluded.snapshot_taken_at,
            regenerated_at = CASE WHEN ?4 THEN excluded.snapshot_taken_at ELSE NULL END,
            updated_at = excluded.updated_at",
    )?
    .execute((quarter.key(), json, now, regenerated))?;
    Ok(())
}

/// How `current` moved from `previous`, with its interval and whether it is within noise.
pub fn change_between(current: &MetricValue, previous: &MetricValue) -> Change {
    let estimate = |v: &MetricValue| Estimate {
        value: v.value,
        n: v.n.map_or(0, u64::from),
        interval: v.interval,
        standard_error: v.standard_error,
    };
    stats::change(&estimate(current), &estimate(previous))
}
