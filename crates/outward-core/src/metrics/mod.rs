//! Metrics: what a team measures about how its customers feel and how its products are used —
//! CSAT, NPS, the mean of a Likert scale, a percentage, a duration, a count — each with the
//! direction that is better and what it is measured over (the team, a product, a customer
//! team). A metric's value for a quarter is computed from the survey answers tied to it (see
//! [`values`]) or, for numbers that come from elsewhere, entered as a **measurement** with a
//! note on where it came from.

pub mod stats;
pub mod values;

use crate::entity::EntityKind;
use crate::error::{Error, Result};
use crate::id::Id;
use crate::quarter::Quarter;
use crate::store::{live, require_live, unique_violation};
use crate::text;
use chrono::{DateTime, Utc};
use rusqlite::{Connection, Row, Transaction, named_params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

text::vocabulary! {
    /// How a metric's value is made from answers or entered.
    MetricKind, field = "kind", label = "Kind" {
        Csat = "csat", "CSAT";
        Nps = "nps", "NPS";
        LikertMean = "likertMean", "Mean of a scale";
        Percentage = "percentage", "Percentage";
        Duration = "duration", "Duration";
        Count = "count", "Count";
    }
}

text::vocabulary! {
    /// Which way a metric gets better.
    Direction, field = "direction", label = "Direction" {
        HigherIsBetter = "higherIsBetter", "Higher is better";
        LowerIsBetter = "lowerIsBetter", "Lower is better";
    }
}

text::vocabulary! {
    /// What a metric is measured over.
    MetricScope, field = "scope", label = "Scope" {
        Team = "team", "The team";
        Product = "product", "A product";
        Customer = "customer", "A customer team";
    }
}

impl MetricKind {
    /// Whether survey answers can feed it; durations and counts are entered as measurements.
    pub fn from_answers(self) -> bool {
        !matches!(self, MetricKind::Duration | MetricKind::Count)
    }

    /// The values a target or measurement may take: shares are 0–100, NPS −100–100, the
    /// rest any number from zero up.
    fn range(self) -> (f64, f64) {
        match self {
            MetricKind::Csat | MetricKind::Percentage => (0.0, 100.0),
            MetricKind::Nps => (-100.0, 100.0),
            MetricKind::LikertMean | MetricKind::Duration | MetricKind::Count => {
                (0.0, f64::INFINITY)
            }
        }
    }

    /// Checks that `value`, given in `field`, is one this kind can take.
    pub(crate) fn check_value(self, value: f64, field: &'static str) -> Result<()> {
        let (low, high) = self.range();
        if !value.is_finite() || value < low || value > high {
            let range = if high.is_finite() {
                format!("from {low} to {high}")
            } else {
                format!("{low} or more")
            };
            return Err(Error::validation(
                field,
                format!("{value} is not a possible {self} value: it runs {range}."),
            ));
        }
        Ok(())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Metric {
    pub id: Id,
    pub name: String,
    pub description: String,
    pub kind: MetricKind,
    pub direction: Direction,
    pub scope: MetricScope,
    pub team_id: Option<Id>,
    pub product_id: Option<Id>,
    pub customer_id: Option<Id>,
    /// What the scope names: the product's or customer team's name, or the team's.
    pub scope_name: Option<String>,
    /// The unit of a duration or count ("hours").
    pub unit: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A metric to define or redefine.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MetricInput {
    pub name: String,
    #[serde(default)]
    pub description: String,
    pub kind: MetricKind,
    pub direction: Direction,
    pub scope: MetricScope,
    #[serde(default)]
    pub team_id: Option<Id>,
    #[serde(default)]
    pub product_id: Option<Id>,
    #[serde(default)]
    pub customer_id: Option<Id>,
    #[serde(default)]
    pub unit: String,
}

impl MetricInput {
    fn validated(&self, conn: &Connection) -> Result<MetricInput> {
        let name = text::required_name("name", "The name", &self.name)?;
        let description = text::free_text("description", "The description", &self.description)?;
        let unit = text::optional_name("unit", "The unit", &self.unit)?;
        if let Some(team) = self.team_id {
            require_live(conn, EntityKind::Team, team, "teamId")?;
        }
        let (product_id, customer_id) = match self.scope {
            MetricScope::Team => (None, None),
            MetricScope::Product => {
                let Some(product) = self.product_id else {
                    return Err(Error::validation(
                        "productId",
                        "Choose the product this metric is measured over.",
                    ));
                };
                require_live(conn, EntityKind::Product, product, "productId")?;
                (Some(product), None)
            }
            MetricScope::Customer => {
                let Some(customer) = self.customer_id else {
                    return Err(Error::validation(
                        "customerId",
                        "Choose the customer team this metric is measured over.",
                    ));
                };
                require_live(conn, EntityKind::Customer, customer, "customerId")?;
                (None, Some(customer))
            }
        };
        Ok(MetricInput {
            name,
            description,
            unit,
            product_id,
            customer_id,
            ..self.clone()
        })
    }
}

const SELECT: &str = "SELECT m.id, m.name, m.description, m.kind, m.direction, m.scope,
        m.team_id, m.product_id, m.customer_id, coalesce(p.name, c.name, t.name), m.unit,
        m.created_at, m.updated_at
    FROM metrics m
    LEFT JOIN products p ON p.id = m.product_id
    LEFT JOIN customers c ON c.id = m.customer_id
    LEFT JOIN teams t ON t.id = m.team_id";

fn from_row(row: &Row<'_>) -> rusqlite::Result<Metric> {
    Ok(Metric {
        id: row.get(0)?,
        name: row.get(1)?,
        description: row.get(2)?,
        kind: row.get(3)?,
        direction: row.get(4)?,
        scope: row.get(5)?,
        team_id: row.get(6)?,
        product_id: row.get(7)?,
        customer_id: row.get(8)?,
        scope_name: row.get(9)?,
        unit: row.get(10)?,
        created_at: row.get(11)?,
        updated_at: row.get(12)?,
    })
}

/// One metric that is not in the Trash.
pub fn get(conn: &Connection, id: Id) -> Result<Metric> {
    let mut stmt = conn.prepare_cached(&format!(
        "{SELECT} WHERE m.id = ?1 AND m.deleted_at IS NULL"
    ))?;
    live(stmt.query_row([id], from_row), "metric", id)
}

/// Every metric not in the Trash, by name. A workspace defines tens, not thousands.
pub fn list(conn: &Connection) -> Result<Vec<Metric>> {
    Ok(conn
        .prepare_cached(&format!(
            "{SELECT} WHERE m.deleted_at IS NULL ORDER BY m.name COLLATE NOCASE, m.id"
        ))?
        .query_map([], from_row)?
        .collect::<rusqlite::Result<_>>()?)
}

fn name_taken(name: &str) -> String {
    format!("There is already a metric named “{name}”.")
}

pub fn create(tx: &Transaction<'_>, input: &MetricInput, now: DateTime<Utc>) -> Result<Metric> {
    let input = input.validated(tx)?;
    let id = Id::at(now);
    tx.prepare_cached(
        "INSERT INTO metrics (id, name, description, kind, direction, scope, team_id,
            product_id, customer_id, unit, created_at, updated_at)
         VALUES (:id, :name, :description, :kind, :direction, :scope, :team, :product,
            :customer, :unit, :now, :now)",
    )?
    .execute(named_params! {
        ":id": id, ":name": input.name, ":description": input.description,
        ":kind": input.kind, ":direction": input.direction, ":scope": input.scope,
        ":team": input.team_id, ":product": input.product_id, ":customer": input.customer_id,
        ":unit": input.unit, ":now": now,
    })
    .map_err(|e| unique_violation(e, "name", || name_taken(&input.name)))?;
    get(tx, id)
}

/// Redefines a metric. Its kind cannot change once survey questions or measurements feed it:
/// the numbers it already has would mean something else.
pub fn update(
    tx: &Transaction<'_>,
    id: Id,
    input: &MetricInput,
    now: DateTime<Utc>,
) -> Result<Metric> {
    let before = get(tx, id)?;
    let input = input.validated(tx)?;
    if input.kind != before.kind && has_values(tx, id)? {
        return Err(Error::validation(
            "kind",
            format!(
                "“{}” already has values as {}; define a new metric for {} instead.",
                before.name, before.kind, input.kind
            ),
        ));
    }
    tx.prepare_cached(
        "UPDATE metrics SET name = :name, description = :description, kind = :kind,
            direction = :direction, scope = :scope, team_id = :team, product_id = :product,
            customer_id = :customer, unit = :unit, updated_at = :now
         WHERE id = :id",
    )?
    .execute(named_params! {
        ":id": id, ":name": input.name, ":description": input.description,
        ":kind": input.kind, ":direction": input.direction, ":scope": input.scope,
        ":team": input.team_id, ":product": input.product_id, ":customer": input.customer_id,
        ":unit": input.unit, ":now": now,
    })
    .map_err(|e| unique_violation(e, "name", || name_taken(&input.name)))?;
    get(tx, id)
}

fn has_values(conn: &Connection, id: Id) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM survey_questions WHERE metric_id = ?1)
                 OR EXISTS (SELECT 1 FROM measurements WHERE metric_id = ?1)",
        )?
        .query_row([id], |r| r.get(0))?)
}

/// A metric's value for a quarter entered by hand, with where the number came from.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Measurement {
    pub id: Id,
    pub metric_id: Id,
    /// `2026-Q3`.
    pub quarter: String,
    pub value: f64,
    /// How many it was measured over, when known.
    pub n: Option<u32>,
    pub source: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MeasurementInput {
    pub metric_id: Id,
    /// `2026-Q3`.
    pub quarter: String,
    pub value: f64,
    #[serde(default)]
    pub n: Option<u32>,
    /// Where the number came from: a dashboard, an export, a query.
    pub source: String,
}

fn measurement_from_row(row: &Row<'_>) -> rusqlite::Result<Measurement> {
    Ok(Measurement {
        id: row.get(0)?,
        metric_id: row.get(1)?,
        quarter: row.get(2)?,
        value: row.get(3)?,
        n: row.get(4)?,
        source: row.get(5)?,
        created_at: row.get(6)?,
        updated_at: row.get(7)?,
    })
}

const SELECT_MEASUREMENT: &str = "SELECT id, metric_id, quarter, value, n, source, created_at,
        updated_at FROM measurements";

pub fn get_measurement(conn: &Connection, id: Id) -> Result<Measurement> {
    let mut stmt = conn.prepare_cached(&format!(
        "{SELECT_MEASUREMENT} WHERE id = ?1 AND deleted_at IS NULL"
    ))?;
    live(
        stmt.query_row([id], measurement_from_row),
        "measurement",
        id,
    )
}

/// A metric's measurements not in the Trash, oldest quarter first.
pub fn measurements(conn: &Connection, metric: Id) -> Result<Vec<Measurement>> {
    Ok(conn
        .prepare_cached(&format!(
            "{SELECT_MEASUREMENT} WHERE metric_id = ?1 AND deleted_at IS NULL ORDER BY quarter"
        ))?
        .query_map([metric], measurement_from_row)?
        .collect::<rusqlite::Result<_>>()?)
}

/// Enters a metric's value for a quarter, or corrects the one entered before: one measurement
/// per metric and quarter.
pub fn record_measurement(
    tx: &Transaction<'_>,
    input: &MeasurementInput,
    now: DateTime<Utc>,
) -> Result<Measurement> {
    let metric = get(tx, input.metric_id).map_err(|_| {
        Error::validation(
            "metricId",
            format!("There is no metric with id {}.", input.metric_id),
        )
    })?;
    let quarter = Quarter::parse(
        &input.quarter,
        crate::settings::fiscal_year_start(tx)?,
        "quarter",
    )?
    .key();
    metric.kind.check_value(input.value, "value")?;
    let source = text::free_text("source", "Where the number came from", &input.source)?;
    if source.is_empty() {
        return Err(Error::validation(
            "source",
            "Say where the number came from (a dashboard, an export, a query), so the next \
             quarter's can be taken the same way.",
        ));
    }
    let existing: Option<Id> = tx
        .prepare_cached(
            "SELECT id FROM measurements
             WHERE metric_id = ?1 AND quarter = ?2 AND deleted_at IS NULL",
        )?
        .query_row((metric.id, &quarter), |r| r.get(0))
        .ok();
    let id = match existing {
        Some(id) => {
            tx.prepare_cached(
                "UPDATE measurements SET value = ?2, n = ?3, source = ?4, updated_at = ?5
                 WHERE id = ?1",
            )?
            .execute((id, input.value, input.n, &source, now))?;
            id
        }
        None => {
            let id = Id::at(now);
            tx.prepare_cached(
                "INSERT INTO measurements (id, metric_id, quarter, value, n, source, created_at,
                    updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
            )?
            .execute((id, metric.id, &quarter, input.value, input.n, &source, now))?;
            id
        }
    };
    get_measurement(tx, id)
}

/// The live metric named `text` (any case) or with that id.
pub fn find(conn: &Connection, text: &str) -> Result<Metric> {
    let wanted = text.trim();
    if let Ok(id) = wanted.parse::<Id>() {
        return get(conn, id);
    }
    list(conn)?
        .into_iter()
        .find(|m| m.name.eq_ignore_ascii_case(wanted))
        .ok_or_else(|| Error::validation("metric", format!("There is no metric named “{wanted}”.")))
}
