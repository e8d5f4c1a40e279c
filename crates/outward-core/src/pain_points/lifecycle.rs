//! Changing where a pain point stands: status changes, recorded with when and who, and merging
//! one pain point into another without losing evidence or links.

use super::{PainPoint, Status, get, weight};
use crate::entity::EntityKind;
use crate::error::{Error, Result};
use crate::id::Id;
use crate::settings;
use crate::store::require_live;
use chrono::{DateTime, Utc};
use rusqlite::Transaction;

/// Moves a pain point to `status`, recording the change as made `by` that person, or else by
/// whoever uses this copy of Outward ([`settings::me`]), if they have said. Setting the status it
/// already has records nothing.
pub fn set_status(
    tx: &Transaction<'_>,
    id: Id,
    status: Status,
    by: Option<Id>,
    now: DateTime<Utc>,
) -> Result<PainPoint> {
    set_status_because(tx, id, status, by, &Because::default(), now)
}

/// Why a status changed, kept in the pain point's history: a note, and the commitment whose
/// completion made the change, if one did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Because {
    pub note: String,
    pub commitment: Option<Id>,
}

/// [`set_status`], recording why.
pub fn set_status_because(
    tx: &Transaction<'_>,
    id: Id,
    status: Status,
    by: Option<Id>,
    because: &Because,
    now: DateTime<Utc>,
) -> Result<PainPoint> {
    let current = get(tx, id, now.date_naive())?;
    if current.status == status {
        return Ok(current);
    }
    let by = changed_by(tx, by)?;
    tx.prepare_cached("UPDATE pain_points SET status = ?2, updated_at = ?3 WHERE id = ?1")?
        .execute((id, status, now))?;
    record_status(tx, id, Some(current.status), status, by, because, now)?;
    get(tx, id, now.date_naive())
}

/// Who a change is recorded as made by: the person named, who must be live, or else "me".
pub(super) fn changed_by(tx: &Transaction<'_>, named: Option<Id>) -> Result<Option<Id>> {
    match named {
        Some(person) => {
            require_live(tx, EntityKind::Person, person, "changedBy")?;
            Ok(Some(person))
        }
        None => settings::me(tx),
    }
}

pub(super) fn record_status(
    tx: &Transaction<'_>,
    id: Id,
    from: Option<Status>,
    to: Status,
    by: Option<Id>,
    because: &Because,
    now: DateTime<Utc>,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO pain_point_status_changes
            (id, pain_point_id, from_status, to_status, changed_at, changed_by, note,
             commitment_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute((
        Id::at(now),
        id,
        from,
        to,
        now,
        by,
        &because.note,
        because.commitment,
    ))?;
    Ok(())
}

/// Merges `source` into `target`: its evidence, products, customers and themes move to
/// `target`, and `source` leaves every list, remembered as merged into `target`.
pub fn merge(
    tx: &Transaction<'_>,
    source: Id,
    target: Id,
    now: DateTime<Utc>,
) -> Result<PainPoint> {
    if source == target {
        return Err(Error::validation(
            "targetId",
            "A pain point cannot be merged into itself.",
        ));
    }
    get(tx, source, now.date_naive())?;
    get(tx, target, now.date_naive())?;
    crate::evidence::move_all(tx, source, target)?;
    for (table, column) in [
        ("pain_point_products", "product_id"),
        ("pain_point_customers", "customer_id"),
        ("pain_point_themes", "theme_id"),
    ] {
        tx.prepare_cached(&format!(
            "INSERT OR IGNORE INTO {table} (pain_point_id, {column})
             SELECT ?2, {column} FROM {table} WHERE pain_point_id = ?1"
        ))?
        .execute((source, target))?;
    }
    tx.prepare_cached("UPDATE pain_points SET merged_into = ?2, updated_at = ?3 WHERE id = ?1")?
        .execute((source, target, now))?;
    tx.prepare_cached("UPDATE pain_points SET updated_at = ?2 WHERE id = ?1")?
        .execute((target, now))?;
    weight::refresh(tx, target)?;
    get(tx, target, now.date_naive())
}
