//! Pain points: customer problems the team has heard about, with the evidence for them. A pain
//! point's weight is derived from its severity, how many customers it reaches and how fresh its
//! evidence is (see [`weight`]); it is never typed in. Status changes are recorded with when and
//! who; merging keeps the evidence and links and records where the merged one went.

mod history;
mod lifecycle;
mod query;
pub mod weight;

use crate::entity::EntityKind;
use crate::error::{Error, Result};
use crate::evidence::{self, Evidence};
use crate::id::Id;
use crate::page::{Page, PageRequest};
use crate::store::{live, require_live};
use crate::text;
use crate::themes::{self, Tag};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, Row, Transaction, named_params};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use ts_rs::TS;

pub use history::StatusChange;
pub use lifecycle::{Because, merge, set_status, set_status_because};
pub use query::{PainPointFilter, PainPointSummary, list};

text::vocabulary! {
    /// How often customers meet the problem.
    Frequency, field = "frequency", label = "Frequency" {
        Rarely = "rarely", "Rarely";
        Monthly = "monthly", "Monthly";
        Weekly = "weekly", "Weekly";
        Daily = "daily", "Daily";
    }
}

text::vocabulary! {
    /// Where the team is with a pain point.
    Status, field = "status", label = "Status" {
        New = "new", "New";
        Accepted = "accepted", "Accepted";
        Planned = "planned", "Planned";
        Addressed = "addressed", "Addressed";
        WontFix = "wontFix", "Won't fix";
    }
}

/// Severity runs from 1 to 4; these are its words.
pub const SEVERITY_WORDS: [&str; 4] = ["Annoying", "Slows work", "Blocks work", "Critical"];

/// What each severity means, in the order of [`SEVERITY_WORDS`], so people pick one the same way.
pub const SEVERITY_HINTS: [&str; 4] = [
    "People work around it",
    "It costs time every time",
    "Work stops until someone helps",
    "Outages, data loss, missed deadlines",
];

/// The words for a severity, or "" outside 1–4.
pub fn severity_word(severity: u8) -> &'static str {
    SEVERITY_WORDS
        .get(usize::from(severity).wrapping_sub(1))
        .copied()
        .unwrap_or("")
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PainPoint {
    pub id: Id,
    pub title: String,
    pub description: String,
    /// 1 (annoying) to 4 (critical).
    pub severity: u8,
    pub frequency: Frequency,
    pub status: Status,
    pub product_ids: Vec<Id>,
    /// Customers named as affected; evidence adds its own.
    pub customer_ids: Vec<Id>,
    pub tags: Vec<Tag>,
    /// Today's weight (see `weight::EXPLANATION`).
    pub weight: f64,
    /// Distinct customers affected: named, or heard from in the evidence.
    pub reach: u32,
    /// The first page of its evidence, newest first; `evidence::page_of` reads the others.
    pub evidence: Page<Evidence>,
    pub history: Vec<StatusChange>,
    /// Pain points merged into this one.
    pub merged: Vec<Tag>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PainPointInput {
    pub title: String,
    #[serde(default)]
    pub description: String,
    pub severity: u8,
    pub frequency: Frequency,
    #[serde(default)]
    pub product_ids: Vec<Id>,
    #[serde(default)]
    pub customer_ids: Vec<Id>,
    /// Theme names; new ones are created.
    #[serde(default)]
    pub tags: Vec<String>,
}

impl PainPointInput {
    fn validated(&self, conn: &Connection) -> Result<PainPointInput> {
        let title = text::required_name("title", "Title", &self.title)?;
        let description = text::free_text("description", "Description", &self.description)?;
        if !(1..=4).contains(&self.severity) {
            return Err(Error::validation(
                "severity",
                format!(
                    "Severity {} is outside 1 (annoying) to 4 (critical).",
                    self.severity
                ),
            ));
        }
        let products: BTreeSet<Id> = self.product_ids.iter().copied().collect();
        for product in &products {
            require_live(conn, EntityKind::Product, *product, "productIds")?;
        }
        let customers: BTreeSet<Id> = self.customer_ids.iter().copied().collect();
        for customer in &customers {
            require_live(conn, EntityKind::Customer, *customer, "customerIds")?;
        }
        Ok(PainPointInput {
            title,
            description,
            product_ids: products.into_iter().collect(),
            customer_ids: customers.into_iter().collect(),
            ..self.clone()
        })
    }
}

fn from_row(row: &Row<'_>, today: NaiveDate) -> rusqlite::Result<PainPoint> {
    Ok(PainPoint {
        id: row.get(0)?,
        title: row.get(1)?,
        description: row.get(2)?,
        severity: row.get(3)?,
        frequency: row.get(4)?,
        status: row.get(5)?,
        weight: weight::on(row.get(6)?, today),
        created_at: row.get(7)?,
        updated_at: row.get(8)?,
        product_ids: Vec::new(),
        customer_ids: Vec::new(),
        tags: Vec::new(),
        reach: 0,
        evidence: Page::default(),
        history: Vec::new(),
        merged: Vec::new(),
    })
}

/// One live pain point with its links, evidence and history; its weight as of `today`.
pub fn get(conn: &Connection, id: Id, today: NaiveDate) -> Result<PainPoint> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, title, description, severity, frequency, status, weight, created_at, updated_at
         FROM pain_points WHERE id = ?1 AND deleted_at IS NULL AND merged_into IS NULL",
    )?;
    let mut pain_point = live(
        stmt.query_row([id], |r| from_row(r, today)),
        "pain point",
        id,
    )?;
    pain_point.product_ids = ids(conn, "pain_point_products", "product_id", "products", id)?;
    pain_point.customer_ids = ids(conn, "pain_point_customers", "customer_id", "customers", id)?;
    pain_point.tags = themes::tags_of(conn, "pain_point_themes", "pain_point_id", id)?;
    pain_point.evidence = evidence::page_of(conn, id, PageRequest::default())?;
    pain_point.reach = evidence::reach(conn, id)?;
    pain_point.history = history::history(conn, id)?;
    pain_point.merged = history::merged_into(conn, id)?;
    Ok(pain_point)
}

/// Files a new pain point, status New, recorded in its history as filed `by` that person, or
/// else by "me" (see [`set_status`]).
pub fn create(
    tx: &Transaction<'_>,
    input: &PainPointInput,
    by: Option<Id>,
    now: DateTime<Utc>,
) -> Result<PainPoint> {
    let input = input.validated(tx)?;
    let by = lifecycle::changed_by(tx, by)?;
    let id = Id::at(now);
    tx.prepare_cached(
        "INSERT INTO pain_points (id, title, description, severity, frequency, status,
            created_at, updated_at)
         VALUES (:id, :title, :description, :severity, :frequency, 'new', :now, :now)",
    )?
    .execute(named_params! {
        ":id": id, ":title": input.title, ":description": input.description,
        ":severity": input.severity, ":frequency": input.frequency, ":now": now,
    })?;
    lifecycle::record_status(
        tx,
        id,
        None,
        Status::New,
        by,
        &lifecycle::Because::default(),
        now,
    )?;
    link(tx, id, &input, now)?;
    get(tx, id, now.date_naive())
}

pub fn update(
    tx: &Transaction<'_>,
    id: Id,
    input: &PainPointInput,
    now: DateTime<Utc>,
) -> Result<PainPoint> {
    let input = input.validated(tx)?;
    let changed = tx
        .prepare_cached(
            "UPDATE pain_points SET title = :title, description = :description,
                severity = :severity, frequency = :frequency, updated_at = :now
             WHERE id = :id AND deleted_at IS NULL AND merged_into IS NULL",
        )?
        .execute(named_params! {
            ":id": id, ":title": input.title, ":description": input.description,
            ":severity": input.severity, ":frequency": input.frequency, ":now": now,
        })?;
    if changed == 0 {
        return Err(Error::NotFound {
            entity: "pain point",
            id: id.to_string(),
        });
    }
    link(tx, id, &input, now)?;
    get(tx, id, now.date_naive())
}

/// Recomputes the stored weight of one pain point.
pub fn refresh_weight(tx: &Transaction<'_>, id: Id) -> Result<()> {
    weight::refresh(tx, id)
}

fn link(tx: &Transaction<'_>, id: Id, input: &PainPointInput, now: DateTime<Utc>) -> Result<()> {
    for (table, column, values) in [
        ("pain_point_products", "product_id", &input.product_ids),
        ("pain_point_customers", "customer_id", &input.customer_ids),
    ] {
        tx.prepare_cached(&format!("DELETE FROM {table} WHERE pain_point_id = ?1"))?
            .execute([id])?;
        let mut insert = tx.prepare_cached(&format!(
            "INSERT INTO {table} (pain_point_id, {column}) VALUES (?1, ?2)"
        ))?;
        for value in values {
            insert.execute((id, value))?;
        }
    }
    let tags = themes::resolve(tx, &input.tags, now)?;
    themes::set_tags(tx, "pain_point_themes", "pain_point_id", id, &tags)?;
    weight::refresh(tx, id)
}

/// The ids in a link table that point at live rows of `target`.
fn ids(conn: &Connection, table: &str, column: &str, target: &str, id: Id) -> Result<Vec<Id>> {
    let sql = format!(
        "SELECT l.{column} FROM {table} l JOIN {target} t ON t.id = l.{column}
         WHERE l.pain_point_id = ?1 AND t.deleted_at IS NULL ORDER BY t.name COLLATE NOCASE"
    );
    let ids = conn
        .prepare_cached(&sql)?
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ids)
}
