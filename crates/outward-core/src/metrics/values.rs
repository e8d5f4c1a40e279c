//! A metric's value for a quarter, with its `n`, response rate, 95 % interval and change from
//! the previous quarter; a metric's trend across quarters; and its breakdown by customer team.
//!
//! Values computed from answers are read from the score roll-up (`survey_score_tallies`: how
//! many live responses gave each score to each question, kept by the schema's triggers), so a
//! quarter's numbers cost a few index reads whatever the number of answers or customer teams;
//! the breakdown reads the per-customer tallies it is rolled up from. A quarter whose surveys asked no
//! question tied to the metric takes the measurement entered for it, if any.
//!
//! How answers make a value: CSAT is the share answering 4 or 5 on 1–5; NPS counts 9–10 as
//! promoters and 0–6 as detractors; a percentage question is answered 0 (no) or 1 (yes), and
//! its value is the share answering yes; a Likert mean is the mean of the answers. See
//! [`stats`](super::stats) for the intervals.

use super::stats::{self, Change, Estimate, Interval, MIN_GROUP_SIZE};
use super::{Metric, MetricKind};
use crate::error::Result;
use crate::id::Id;
use crate::quarter::Quarter;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use ts_rs::TS;

/// The longest trend shown: five years.
pub const TREND_QUARTERS: u32 = 20;

crate::text::vocabulary! {
    /// Where a value came from.
    ValueSource, field = "source", label = "Source" {
        Answers = "answers", "Survey answers";
        Measurement = "measurement", "Measurement";
    }
}

/// How many answered each score.
pub type Tally = BTreeMap<i64, u64>;

/// A metric's value in one quarter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MetricValue {
    /// `2026-Q3`.
    pub quarter: String,
    pub value: f64,
    pub source: ValueSource,
    /// How many answers (or, for a measurement, how many it was measured over, when known).
    pub n: Option<u32>,
    /// Answers over the surveys' audience, 0 to 100, when every survey named its audience.
    pub response_rate: Option<f64>,
    pub interval: Option<Interval>,
    /// Where an entered number came from.
    pub note: Option<String>,
    #[serde(skip)]
    #[ts(skip)]
    pub standard_error: Option<f64>,
}

/// A metric in a quarter: its value, the previous quarter's, and the change.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MetricInQuarter {
    pub metric: Metric,
    pub value: Option<MetricValue>,
    pub previous: Option<MetricValue>,
    pub change: Option<Change>,
}

/// One customer team's value, shown only when enough answered.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct GroupValue {
    pub customer_id: Option<Id>,
    /// The customer team's name; `None` for answers matched to no team.
    pub customer_name: Option<String>,
    pub value: f64,
    pub n: u32,
    pub interval: Option<Interval>,
}

/// A metric's value by customer team in a quarter. Groups with fewer than
/// [`MIN_GROUP_SIZE`] answers are not shown, only counted.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Breakdown {
    pub groups: Vec<GroupValue>,
    pub hidden_groups: u32,
    pub hidden_answers: u32,
    pub min_group_size: u32,
}

/// The value `kind` makes of `tally`; `None` when nobody answered or the kind is not made from
/// answers.
pub fn estimate(kind: MetricKind, tally: &Tally) -> Option<Estimate> {
    let n: u64 = tally.values().sum();
    let count = |wanted: &dyn Fn(i64) -> bool| -> u64 {
        tally
            .iter()
            .filter(|(score, _)| wanted(**score))
            .map(|(_, n)| n)
            .sum()
    };
    match kind {
        MetricKind::Csat => stats::proportion(count(&|s| s >= 4), n),
        MetricKind::Percentage => stats::proportion(count(&|s| s >= 1), n),
        MetricKind::Nps => stats::nps(
            count(&|s| s >= 9),
            count(&|s| (7..=8).contains(&s)),
            count(&|s| s <= 6),
        ),
        MetricKind::LikertMean => {
            let (sum, squares) = tally.iter().fold((0.0, 0.0), |(sum, sq), (score, k)| {
                let (x, k) = (*score as f64, *k as f64);
                (sum + x * k, sq + x * x * k)
            });
            stats::mean(n, sum, squares)
        }
        MetricKind::Duration | MetricKind::Count => None,
    }
}

fn from_estimate(quarter: &str, e: Estimate, audience: Option<u64>) -> MetricValue {
    MetricValue {
        quarter: quarter.to_owned(),
        value: e.value,
        source: ValueSource::Answers,
        n: Some(e.n as u32),
        response_rate: audience
            .filter(|a| *a > 0)
            .map(|a| 100.0 * e.n as f64 / a as f64),
        interval: e.interval,
        note: None,
        standard_error: e.standard_error,
    }
}

fn as_estimate(value: &MetricValue) -> Estimate {
    Estimate {
        value: value.value,
        n: value.n.unwrap_or(0).into(),
        interval: value.interval,
        standard_error: value.standard_error,
    }
}

/// What the answers and measurements of some quarters hold for some metrics.
#[derive(Default)]
struct Gathered {
    tallies: HashMap<(Id, String), Tally>,
    /// The surveys' audience, `None` once one survey did not name it.
    audiences: HashMap<(Id, String), Option<u64>>,
    measurements: HashMap<(Id, String), (f64, Option<u32>, String)>,
}

impl Gathered {
    fn value(&self, metric: &Metric, quarter: &str) -> Option<MetricValue> {
        let key = (metric.id, quarter.to_owned());
        let answered = self
            .tallies
            .get(&key)
            .and_then(|tally| estimate(metric.kind, tally))
            .map(|e| from_estimate(quarter, e, self.audiences.get(&key).copied().flatten()));
        answered.or_else(|| {
            self.measurements
                .get(&key)
                .map(|(value, n, note)| MetricValue {
                    quarter: quarter.to_owned(),
                    value: *value,
                    source: ValueSource::Measurement,
                    n: *n,
                    response_rate: None,
                    interval: None,
                    note: Some(note.clone()),
                    standard_error: None,
                })
        })
    }

    fn read_answers(&mut self, rows: Vec<(Id, String, i64, i64)>) {
        for (metric, quarter, score, n) in rows {
            let n = n.max(0) as u64;
            *self
                .tallies
                .entry((metric, quarter))
                .or_default()
                .entry(score)
                .or_default() += n;
        }
    }
}

/// Every metric with its value in `quarter`, the previous quarter's, and the change.
pub fn quarter(conn: &Connection, quarter: Quarter) -> Result<Vec<MetricInQuarter>> {
    let metrics = super::list(conn)?;
    let keys = [quarter.key(), quarter.previous().key()];
    let mut gathered = Gathered::default();
    for key in &keys {
        let rows = conn
            .prepare_cached(
                "SELECT q.metric_id, s.quarter, t.value, sum(t.n)
                 FROM surveys s
                 JOIN survey_questions q ON q.survey_id = s.id
                 JOIN survey_score_tallies t ON t.question_id = q.id
                 WHERE s.quarter = ?1 AND s.deleted_at IS NULL AND q.metric_id IS NOT NULL
                 GROUP BY q.metric_id, t.value",
            )?
            .query_map([key], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        gathered.read_answers(rows);
        let mut audiences = conn.prepare_cached(
            "SELECT q.metric_id, sum(s.audience_size), count(s.audience_size) = count(*)
             FROM surveys s JOIN survey_questions q ON q.survey_id = s.id
             WHERE s.quarter = ?1 AND s.deleted_at IS NULL AND q.metric_id IS NOT NULL
             GROUP BY q.metric_id",
        )?;
        for row in audiences.query_map([key], |r| {
            Ok((
                r.get::<_, Id>(0)?,
                r.get::<_, Option<i64>>(1)?,
                r.get::<_, bool>(2)?,
            ))
        })? {
            let (metric, sum, all_named) = row?;
            gathered.audiences.insert(
                (metric, key.clone()),
                sum.filter(|_| all_named).map(|s| s as u64),
            );
        }
        let mut measured = conn.prepare_cached(
            "SELECT metric_id, value, n, source FROM measurements
             WHERE quarter = ?1 AND deleted_at IS NULL",
        )?;
        for row in measured.query_map([key], |r| {
            Ok((r.get::<_, Id>(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })? {
            let (metric, value, n, note) = row?;
            gathered
                .measurements
                .insert((metric, key.clone()), (value, n, note));
        }
    }
    Ok(metrics
        .into_iter()
        .map(|metric| {
            let value = gathered.value(&metric, &keys[0]);
            let previous = gathered.value(&metric, &keys[1]);
            let change = match (&value, &previous) {
                (Some(now), Some(before)) => {
                    Some(stats::change(&as_estimate(now), &as_estimate(before)))
                }
                _ => None,
            };
            MetricInQuarter {
                metric,
                value,
                previous,
                change,
            }
        })
        .collect())
}

/// One metric's values for the `quarters` quarters up to and including `last`, oldest first;
/// a quarter without a value is left out.
pub fn trend(
    conn: &Connection,
    metric: Id,
    last: Quarter,
    quarters: u32,
) -> Result<Vec<MetricValue>> {
    let metric = super::get(conn, metric)?;
    let mut span = vec![last];
    for _ in 1..quarters.clamp(1, TREND_QUARTERS) {
        let earlier = span[span.len() - 1].previous();
        span.push(earlier);
    }
    span.reverse();
    let (first_key, last_key) = (span[0].key(), last.key());
    let mut gathered = Gathered::default();
    let rows = conn
        .prepare_cached(
            "SELECT q.metric_id, s.quarter, t.value, sum(t.n)
             FROM survey_questions q
             JOIN surveys s ON s.id = q.survey_id
             JOIN survey_score_tallies t ON t.question_id = q.id
             WHERE q.metric_id = ?1 AND s.deleted_at IS NULL
               AND s.quarter BETWEEN ?2 AND ?3
             GROUP BY s.quarter, t.value",
        )?
        .query_map((metric.id, &first_key, &last_key), |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    gathered.read_answers(rows);
    let mut audiences = conn.prepare_cached(
        "SELECT s.quarter, sum(s.audience_size), count(s.audience_size) = count(*)
         FROM survey_questions q JOIN surveys s ON s.id = q.survey_id
         WHERE q.metric_id = ?1 AND s.deleted_at IS NULL AND s.quarter BETWEEN ?2 AND ?3
         GROUP BY s.quarter",
    )?;
    for row in audiences.query_map((metric.id, &first_key, &last_key), |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, Option<i64>>(1)?,
            r.get::<_, bool>(2)?,
        ))
    })? {
        let (quarter, sum, all_named) = row?;
        gathered.audiences.insert(
            (metric.id, quarter),
            sum.filter(|_| all_named).map(|s| s as u64),
        );
    }
    for m in super::measurements(conn, metric.id)? {
        gathered
            .measurements
            .insert((metric.id, m.quarter), (m.value, m.n, m.source));
    }
    Ok(span
        .iter()
        .filter_map(|q| gathered.value(&metric, &q.key()))
        .collect())
}

/// The latest value `metric` has in a quarter up to and including `last`: a goal's baseline.
pub fn latest(conn: &Connection, metric: Id, last: Quarter) -> Result<Option<MetricValue>> {
    Ok(trend(conn, metric, last, TREND_QUARTERS)?.pop())
}

/// `metric`'s value in `quarter` by the customer team its respondents were matched to.
pub fn breakdown(conn: &Connection, metric: Id, quarter: Quarter) -> Result<Breakdown> {
    let metric = super::get(conn, metric)?;
    let rows = conn
        .prepare_cached(
            "SELECT t.customer_key, t.value, sum(t.n)
             FROM survey_questions q
             JOIN surveys s ON s.id = q.survey_id
             JOIN survey_answer_tallies t ON t.question_id = q.id
             WHERE q.metric_id = ?1 AND s.quarter = ?2 AND s.deleted_at IS NULL
             GROUP BY t.customer_key, t.value",
        )?
        .query_map((metric.id, quarter.key()), |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, i64>(2)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut groups: BTreeMap<String, Tally> = BTreeMap::new();
    for (customer, score, n) in rows {
        let n = n.max(0) as u64;
        *groups
            .entry(customer)
            .or_default()
            .entry(score)
            .or_default() += n;
    }
    let mut breakdown = Breakdown {
        groups: Vec::new(),
        hidden_groups: 0,
        hidden_answers: 0,
        min_group_size: MIN_GROUP_SIZE as u32,
    };
    let mut name = conn.prepare_cached("SELECT name FROM customers WHERE id = ?1")?;
    for (customer, tally) in groups {
        let Some(e) = estimate(metric.kind, &tally) else {
            continue;
        };
        if e.n < MIN_GROUP_SIZE {
            breakdown.hidden_groups += 1;
            breakdown.hidden_answers += e.n as u32;
            continue;
        }
        let customer_id: Option<Id> = (!customer.is_empty())
            .then(|| customer.parse().ok())
            .flatten();
        let customer_name = match customer_id {
            Some(id) => name.query_row([id], |r| r.get(0)).ok(),
            None => None,
        };
        breakdown.groups.push(GroupValue {
            customer_id,
            customer_name,
            value: e.value,
            n: e.n as u32,
            interval: e.interval,
        });
    }
    breakdown
        .groups
        .sort_by(|a, b| a.customer_name.cmp(&b.customer_name));
    Ok(breakdown)
}

/// Every metric in a quarter, with the quarter itself for the interface to name.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct QuarterMetrics {
    pub quarter: Quarter,
    pub metrics: Vec<MetricInQuarter>,
}

/// Every metric in the quarter named `quarter` (`2026-Q3`), or in `today`'s.
pub fn quarter_named(
    conn: &Connection,
    quarter: Option<&str>,
    today: chrono::NaiveDate,
) -> Result<QuarterMetrics> {
    let start = crate::settings::fiscal_year_start(conn)?;
    let q = match quarter.map(str::trim).filter(|q| !q.is_empty()) {
        Some(text) => Quarter::parse(text, start, "quarter")?,
        None => Quarter::containing(today, start),
    };
    Ok(QuarterMetrics {
        quarter: q,
        metrics: self::quarter(conn, q)?,
    })
}
