//! What the team decides about a commitment, each decision recorded with who, when and a note:
//! marking it done (then offering to mark its pain points addressed, saying why in their
//! history), dropping it with a reason, reopening it, closing a quarter by walking every open
//! commitment (carry over into the next quarter, or drop with a reason), and turning a
//! workshop's action item into a commitment so the two never drift apart.

use super::{Commitment, CommitmentState, NewCommitment, get, insert};
use crate::action_items::{self, ActionStatus};
use crate::entity::EntityKind;
use crate::error::{Error, Result};
use crate::id::Id;
use crate::pain_points::{self, Because};
use crate::quarter::Quarter;
use crate::settings;
use crate::store::require_live;
use crate::text;
use crate::themes::Tag;
use chrono::{DateTime, Utc};
use rusqlite::{Connection, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A decision recorded about a commitment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, rename = "CommitmentDecision")]
pub struct Decision {
    pub from: CommitmentState,
    pub to: CommitmentState,
    pub note: String,
    pub decided_at: DateTime<Utc>,
    pub decided_by: Option<Id>,
    pub decided_by_name: Option<String>,
}

/// A commitment after a decision, with the pain points it links that are not yet addressed:
/// when it was marked done, the app offers to mark those addressed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, rename = "CommitmentDecided")]
pub struct Decided {
    pub commitment: Commitment,
    pub pain_points_to_address: Vec<Tag>,
}

fn record(
    tx: &Transaction<'_>,
    id: Id,
    from: CommitmentState,
    to: CommitmentState,
    note: &str,
    by: Option<Id>,
    now: DateTime<Utc>,
) -> Result<()> {
    tx.prepare_cached("UPDATE commitments SET state = ?2, updated_at = ?3 WHERE id = ?1")?
        .execute((id, to, now))?;
    tx.prepare_cached(
        "INSERT INTO commitment_decisions (id, commitment_id, from_state, to_state, note,
            decided_at, decided_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute((Id::at(now), id, from, to, note, now, by))?;
    Ok(())
}

fn decider(tx: &Transaction<'_>, by: Option<Id>) -> Result<Option<Id>> {
    match by {
        Some(person) => {
            require_live(tx, EntityKind::Person, person, "decidedBy")?;
            Ok(Some(person))
        }
        None => settings::me(tx),
    }
}

/// Marks a commitment done, dropped (a reason is required) or open again. Carrying over is a
/// decision of closing a quarter ([`close_quarter`]), not made here.
pub fn set_state(
    tx: &Transaction<'_>,
    id: Id,
    state: CommitmentState,
    note: &str,
    by: Option<Id>,
    now: DateTime<Utc>,
) -> Result<Decided> {
    let note = text::free_text("note", "Note", note)?;
    let by = decider(tx, by)?;
    let current = get(tx, id, now.date_naive())?;
    match state {
        CommitmentState::CarriedOver => {
            return Err(Error::validation(
                "state",
                "A commitment is carried over when its quarter is closed.",
            ));
        }
        CommitmentState::Dropped if note.is_empty() => {
            return Err(Error::validation(
                "note",
                "Say why it is dropped: the reason stays with the commitment.",
            ));
        }
        CommitmentState::Open if current.state == CommitmentState::CarriedOver => {
            return Err(Error::validation(
                "state",
                "This commitment was carried over; its successor in the next quarter is the open one.",
            ));
        }
        _ => {}
    }
    if current.state != state {
        record(tx, id, current.state, state, &note, by, now)?;
    }
    let commitment = get(tx, id, now.date_naive())?;
    let pain_points_to_address = if commitment.state == CommitmentState::Done {
        unaddressed(tx, id)?
    } else {
        Vec::new()
    };
    Ok(Decided {
        commitment,
        pain_points_to_address,
    })
}

/// The live pain points a commitment links that are neither addressed nor declined.
fn unaddressed(conn: &Connection, id: Id) -> Result<Vec<Tag>> {
    let tags = conn
        .prepare_cached(
            "SELECT p.id, p.title FROM commitment_pain_points l
             JOIN pain_points p ON p.id = l.pain_point_id
             WHERE l.commitment_id = ?1 AND p.deleted_at IS NULL
               AND p.status NOT IN ('addressed', 'wontFix')
             ORDER BY p.title, p.id",
        )?
        .query_map([id], |r| {
            Ok(Tag {
                id: r.get(0)?,
                name: r.get(1)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(tags)
}

/// Marks the named pain points of a done commitment addressed, once the user confirmed; each
/// pain point's history records that this commitment addressed it. Only pain points the
/// commitment links can be named.
pub fn address_pain_points(
    tx: &Transaction<'_>,
    id: Id,
    pain_points: &[Id],
    by: Option<Id>,
    now: DateTime<Utc>,
) -> Result<Vec<Tag>> {
    let commitment = get(tx, id, now.date_naive())?;
    if commitment.state != CommitmentState::Done {
        return Err(Error::validation(
            "commitmentId",
            format!(
                "“{}” is not done: its pain points are addressed once it is.",
                commitment.title
            ),
        ));
    }
    let because = Because {
        note: format!(
            "Addressed by the commitment “{}” ({}), marked done.",
            commitment.title, commitment.quarter.label
        ),
        commitment: Some(id),
    };
    for &pain_point in pain_points {
        if !commitment.pain_points.iter().any(|p| p.id == pain_point) {
            return Err(Error::validation(
                "painPointIds",
                format!("That pain point is not linked to “{}”.", commitment.title),
            ));
        }
        pain_points::set_status_because(
            tx,
            pain_point,
            pain_points::Status::Addressed,
            by,
            &because,
            now,
        )?;
    }
    unaddressed(tx, id)
}

/// A commitment's decisions, oldest first.
pub fn history(conn: &Connection, id: Id) -> Result<Vec<Decision>> {
    let decisions = conn
        .prepare_cached(
            "SELECT d.from_state, d.to_state, d.note, d.decided_at, d.decided_by, p.name
             FROM commitment_decisions d LEFT JOIN people p ON p.id = d.decided_by
             WHERE d.commitment_id = ?1 ORDER BY d.decided_at, d.rowid",
        )?
        .query_map([id], |r| {
            Ok(Decision {
                from: r.get(0)?,
                to: r.get(1)?,
                note: r.get(2)?,
                decided_at: r.get(3)?,
                decided_by: r.get(4)?,
                decided_by_name: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(decisions)
}

/// What closing a quarter does with one open commitment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "action")]
#[ts(export)]
pub enum CloseAction {
    /// Into the next quarter: a new open commitment carries it on; this one stays, carried over.
    CarryOver,
    /// Dropped, with the reason.
    Drop { reason: String },
    /// It turned out done after all.
    Done,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CloseDecision {
    pub commitment_id: Id,
    #[serde(flatten)]
    pub action: CloseAction,
}

/// What closing a quarter did: each commitment as decided, and those carried into the next.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, rename = "QuarterClosed")]
pub struct Closed {
    pub decided: Vec<Commitment>,
    pub carried_into: Vec<Commitment>,
}

/// The open commitments of a quarter: what closing it walks through.
pub fn open_in_quarter(
    conn: &Connection,
    quarter: Quarter,
    today: chrono::NaiveDate,
) -> Result<Vec<Commitment>> {
    super::read(
        conn,
        "WHERE c.quarter_starts_on BETWEEN ?1 AND ?2 AND c.deleted_at IS NULL
            AND c.state = 'open'
         ORDER BY c.title, c.id",
        (quarter.first_day(), quarter.last_day()),
        today,
    )
}

/// Closes a quarter: every open commitment of it must have a decision, and all of them are
/// applied in one transaction. A commitment carried over stays in its quarter, marked carried
/// over; a new open commitment in the next quarter carries its title, owner, goal and pain
/// points and names it. Nothing disappears.
pub fn close_quarter(
    tx: &Transaction<'_>,
    quarter: Quarter,
    decisions: &[CloseDecision],
    by: Option<Id>,
    now: DateTime<Utc>,
) -> Result<Closed> {
    let by = decider(tx, by)?;
    let open = open_in_quarter(tx, quarter, now.date_naive())?;
    for decision in decisions {
        if !open.iter().any(|c| c.id == decision.commitment_id) {
            return Err(Error::validation(
                "decisions",
                format!(
                    "Commitment {} is not open in {quarter}: only open commitments are decided \
                     when a quarter closes.",
                    decision.commitment_id
                ),
            ));
        }
    }
    if let Some(undecided) = open
        .iter()
        .find(|c| !decisions.iter().any(|d| d.commitment_id == c.id))
    {
        return Err(Error::validation(
            "decisions",
            format!(
                "“{}” has no decision: carry it over or drop it, with a reason.",
                undecided.title
            ),
        ));
    }
    let next = quarter.next();
    let mut closed = Closed {
        decided: Vec::new(),
        carried_into: Vec::new(),
    };
    for decision in decisions {
        let c = open
            .iter()
            .find(|c| c.id == decision.commitment_id)
            .expect("checked above");
        match &decision.action {
            CloseAction::CarryOver => {
                let pain_points: Vec<Id> = c.pain_points.iter().map(|p| p.id).collect();
                let successor = insert(
                    tx,
                    &NewCommitment {
                        title: &c.title,
                        team: c.team_id,
                        owner: c.owner_id,
                        goal: c.goal_id,
                        quarter: next,
                        pain_points: &pain_points,
                        carried_from: Some(c.id),
                        action_item: c.action_item_id,
                    },
                    now,
                )?;
                let note = format!("Carried over into {next} when {quarter} closed.");
                record(
                    tx,
                    c.id,
                    CommitmentState::Open,
                    CommitmentState::CarriedOver,
                    &note,
                    by,
                    now,
                )?;
                closed
                    .carried_into
                    .push(get(tx, successor, now.date_naive())?);
            }
            CloseAction::Drop { reason } => {
                let reason = text::free_text("reason", "Reason", reason)?;
                if reason.is_empty() {
                    return Err(Error::validation(
                        "reason",
                        format!(
                            "Say why “{}” is dropped: the reason stays with it.",
                            c.title
                        ),
                    ));
                }
                let note = format!("Dropped when {quarter} closed: {reason}");
                record(
                    tx,
                    c.id,
                    CommitmentState::Open,
                    CommitmentState::Dropped,
                    &note,
                    by,
                    now,
                )?;
            }
            CloseAction::Done => {
                let note = format!("Marked done when {quarter} closed.");
                record(
                    tx,
                    c.id,
                    CommitmentState::Open,
                    CommitmentState::Done,
                    &note,
                    by,
                    now,
                )?;
            }
        }
        closed.decided.push(get(tx, c.id, now.date_naive())?);
    }
    Ok(closed)
}

/// Turns an open action item into a commitment for `quarter`, so what a workshop agreed on is
/// tracked in one place from then on: the commitment takes its title, owner and team and names
/// it; the action item is marked done with a note that says where it went.
pub fn from_action_item(
    tx: &Transaction<'_>,
    action_item: Id,
    quarter: &str,
    by: Option<Id>,
    now: DateTime<Utc>,
) -> Result<Commitment> {
    let item = action_items::get(tx, action_item)?;
    if item.status != ActionStatus::Open {
        return Err(Error::validation(
            "actionItemId",
            format!(
                "“{}” is {}: only an open action item becomes a commitment.",
                item.title,
                item.status.label().to_lowercase()
            ),
        ));
    }
    let owner = item.owner_id.ok_or_else(|| {
        Error::validation(
            "actionItemId",
            format!(
                "“{}” has no owner any more; give the commitment one.",
                item.title
            ),
        )
    })?;
    let input = super::CommitmentInput {
        title: item.title.clone(),
        owner_id: Some(owner),
        quarter: quarter.to_owned(),
        goal_id: None,
        pain_point_ids: Vec::new(),
    };
    let valid = input.validated(tx)?;
    let id = insert(
        tx,
        &NewCommitment {
            title: &valid.title,
            team: item.team_id.or(Some(valid.team)),
            owner: Some(owner),
            goal: None,
            quarter: valid.quarter,
            pain_points: &[],
            carried_from: None,
            action_item: Some(action_item),
        },
        now,
    )?;
    let note = format!("Now tracked as a commitment for {}.", valid.quarter);
    action_items::set_status(tx, action_item, ActionStatus::Done, &note, by, now)?;
    get(tx, id, now.date_naive())
}
