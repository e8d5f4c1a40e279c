//! Check-ins: where an open commitment stood on a day — progress 0 to 100, confidence 1 to 10
//! and a note. The latest one feeds the derived status; all of them are the commitment's story.

use super::{Commitment, CommitmentState, get};
use crate::entity::EntityKind;
use crate::error::{Error, Result};
use crate::id::Id;
use crate::store::require_live;
use crate::text;
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, Transaction, named_params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The most check-ins a commitment's page shows: one a week for two years.
pub const CHECK_INS_MAX: u32 = 104;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CheckIn {
    pub id: Id,
    pub commitment_id: Id,
    pub checked_on: NaiveDate,
    pub progress: u8,
    pub confidence: u8,
    pub note: String,
    pub created_by: Option<Id>,
    pub created_by_name: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// A check-in as typed. Numbers arrive wide so that a wrong one is refused with its value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CheckInInput {
    pub checked_on: NaiveDate,
    #[ts(type = "number")]
    pub progress: i64,
    #[ts(type = "number")]
    pub confidence: i64,
    #[serde(default)]
    pub note: String,
}

fn in_range(field: &'static str, label: &str, value: i64, low: i64, high: i64) -> Result<u8> {
    if (low..=high).contains(&value) {
        Ok(value as u8)
    } else {
        Err(Error::validation(
            field,
            format!("{label} is {value}; it runs from {low} to {high}."),
        ))
    }
}

/// Records a check-in on an open commitment, as made by `by` when known.
pub fn check_in(
    tx: &Transaction<'_>,
    commitment: Id,
    input: &CheckInInput,
    by: Option<Id>,
    now: DateTime<Utc>,
) -> Result<Commitment> {
    let progress = in_range("progress", "Progress", input.progress, 0, 100)?;
    let confidence = in_range("confidence", "Confidence", input.confidence, 1, 10)?;
    let note = text::free_text("note", "Note", &input.note)?;
    if let Some(person) = by {
        require_live(tx, EntityKind::Person, person, "createdBy")?;
    }
    let current = get(tx, commitment, now.date_naive())?;
    if current.state != CommitmentState::Open {
        return Err(Error::validation(
            "commitmentId",
            format!(
                "“{}” is {}: check-ins are for open commitments.",
                current.title,
                current.state.label().to_lowercase()
            ),
        ));
    }
    if input.checked_on > now.date_naive() {
        return Err(Error::validation(
            "checkedOn",
            format!(
                "{} is in the future: a check-in says where things stand today or stood before.",
                input.checked_on
            ),
        ));
    }
    tx.prepare_cached(
        "INSERT INTO check_ins (id, commitment_id, checked_on, progress, confidence, note,
            created_at, created_by)
         VALUES (:id, :commitment, :on, :progress, :confidence, :note, :now, :by)",
    )?
    .execute(named_params! {
        ":id": Id::at(now), ":commitment": commitment, ":on": input.checked_on,
        ":progress": progress, ":confidence": confidence, ":note": note, ":now": now, ":by": by,
    })?;
    tx.prepare_cached("UPDATE commitments SET updated_at = ?2 WHERE id = ?1")?
        .execute((commitment, now))?;
    get(tx, commitment, now.date_naive())
}

/// A commitment's check-ins, latest first.
pub fn list(conn: &Connection, commitment: Id) -> Result<Vec<CheckIn>> {
    let check_ins = conn
        .prepare_cached(&format!(
            "SELECT k.id, k.commitment_id, k.checked_on, k.progress, k.confidence, k.note,
                k.created_by, p.name, k.created_at
             FROM check_ins k LEFT JOIN people p ON p.id = k.created_by
             WHERE k.commitment_id = ?1
             ORDER BY k.checked_on DESC, k.created_at DESC LIMIT {CHECK_INS_MAX}"
        ))?
        .query_map([commitment], |r| {
            Ok(CheckIn {
                id: r.get(0)?,
                commitment_id: r.get(1)?,
                checked_on: r.get(2)?,
                progress: r.get(3)?,
                confidence: r.get(4)?,
                note: r.get(5)?,
                created_by: r.get(6)?,
                created_by_name: r.get(7)?,
                created_at: r.get(8)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(check_ins)
}
