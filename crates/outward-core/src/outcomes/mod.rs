//! What a workshop keeps: the room's decisions, each turning a card or a group of cards into a
//! record the rest of the app tracks, in one step — a pain point with the cards' text kept as
//! its evidence, an action item with an owner and a due date, or kudos. The workshop records
//! each outcome: what was decided, from which card or group (and its text at the time), and the
//! record it made. The summary of a finished workshop and its Markdown are in [`summary`] and
//! [`markdown`].

pub mod markdown;
pub mod summary;

use crate::action_items::{self, ActionItemInput};
use crate::entity::EntityKind;
use crate::error::{Error, Result};
use crate::evidence;
use crate::id::Id;
use crate::kudos::{self, KudosInput};
use crate::pain_points::{self, PainPointInput};
use crate::store::require_live;
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row, Transaction, named_params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

crate::text::vocabulary! {
    /// What a decision made of a card or group.
    OutcomeKind, field = "kind", label = "Outcome" {
        PainPoint = "painPoint", "Pain point";
        ActionItem = "actionItem", "Action item";
        Kudos = "kudos", "Kudos";
    }
}

/// What a decision starts from: one card, or one group of cards, of the workshop.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "from", content = "id")]
#[ts(export)]
pub enum DecisionSource {
    Card(Id),
    Group(Id),
}

/// One decision a workshop recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Outcome {
    pub id: Id,
    pub workshop_id: Id,
    pub kind: OutcomeKind,
    /// The card or group it was decided from; `None` once that was destroyed.
    pub card_id: Option<Id>,
    pub group_id: Option<Id>,
    /// The card's text or the group's name when it was decided.
    pub source_text: String,
    /// What was decided, in words: the title or message of the record made.
    pub decided: String,
    /// The record made; `None` once it was destroyed. Its kind is `kind`.
    pub record_id: Option<Id>,
    /// Whether the record made is out of the Trash.
    pub record_live: bool,
    pub decided_at: DateTime<Utc>,
}

/// The workshop a decision is taken in: it must exist, be out of the Trash, and have started.
fn require_decidable(conn: &Connection, workshop: Id) -> Result<()> {
    let state: Option<(String, bool)> = conn
        .prepare_cached("SELECT state, deleted_at IS NOT NULL FROM workshops WHERE id = ?1")?
        .query_row([workshop], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    match state {
        None => Err(Error::NotFound {
            entity: "workshop",
            id: workshop.to_string(),
        }),
        Some((_, true)) => Err(Error::validation(
            "workshopId",
            "This workshop is in the Trash; restore it to record decisions in it.",
        )),
        Some((state, false)) if state == "planned" => Err(Error::validation(
            "workshopId",
            "This workshop has not started yet: decisions are taken while it runs or after.",
        )),
        Some(_) => Ok(()),
    }
}

/// The cards a decision rests on and the text it started from: the card itself, or every
/// live card of the group, in the order they were written.
fn resolve(conn: &Connection, workshop: Id, source: DecisionSource) -> Result<(Vec<Id>, String)> {
    match source {
        DecisionSource::Card(card) => {
            let text: Option<String> = conn
                .prepare_cached(
                    "SELECT text FROM workshop_cards
                     WHERE id = ?1 AND workshop_id = ?2 AND deleted_at IS NULL",
                )?
                .query_row((card, workshop), |r| r.get(0))
                .optional()?;
            let text = text.ok_or_else(|| {
                Error::validation(
                    "source",
                    "That card is not on this workshop's board (it may have been removed).",
                )
            })?;
            Ok((vec![card], text))
        }
        DecisionSource::Group(group) => {
            let name: Option<String> = conn
                .prepare_cached(
                    "SELECT name FROM workshop_groups WHERE id = ?1 AND workshop_id = ?2",
                )?
                .query_row((group, workshop), |r| r.get(0))
                .optional()?;
            let name = name.ok_or_else(|| {
                Error::validation("source", "That group is not on this workshop's board.")
            })?;
            let cards: Vec<Id> = conn
                .prepare_cached(
                    "SELECT id FROM workshop_cards
                     WHERE group_id = ?1 AND deleted_at IS NULL ORDER BY created_at, id",
                )?
                .query_map([group], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            if cards.is_empty() {
                return Err(Error::validation(
                    "source",
                    format!("The group “{name}” holds no cards: there is nothing to decide from."),
                ));
            }
            Ok((cards, name))
        }
    }
}

/// What the outcome row links: the record made, under its kind.
struct Made {
    kind: OutcomeKind,
    id: Id,
    decided: String,
}

fn record(
    tx: &Transaction<'_>,
    workshop: Id,
    source: DecisionSource,
    source_text: &str,
    made: Made,
    now: DateTime<Utc>,
) -> Result<Outcome> {
    let (card, group) = match source {
        DecisionSource::Card(card) => (Some(card), None),
        DecisionSource::Group(group) => (None, Some(group)),
    };
    let link = |kind| (made.kind == kind).then_some(made.id);
    let id = Id::at(now);
    tx.prepare_cached(
        "INSERT INTO workshop_outcomes (id, workshop_id, card_id, group_id, source_text, kind,
            pain_point_id, action_item_id, kudos_id, decided, decided_at)
         VALUES (:id, :workshop, :card, :group, :text, :kind, :pain_point, :action_item, :kudos,
            :decided, :now)",
    )?
    .execute(named_params! {
        ":id": id, ":workshop": workshop, ":card": card, ":group": group, ":text": source_text,
        ":kind": made.kind, ":pain_point": link(OutcomeKind::PainPoint),
        ":action_item": link(OutcomeKind::ActionItem), ":kudos": link(OutcomeKind::Kudos),
        ":decided": made.decided, ":now": now,
    })?;
    get(tx, id)
}

/// Files a pain point from a card or group; every card's text becomes its evidence, dated the
/// day of the workshop.
pub fn decide_pain_point(
    tx: &Transaction<'_>,
    workshop: Id,
    source: DecisionSource,
    input: &PainPointInput,
    by: Option<Id>,
    now: DateTime<Utc>,
) -> Result<Outcome> {
    require_decidable(tx, workshop)?;
    let (cards, text) = resolve(tx, workshop, source)?;
    let pain_point = pain_points::create(tx, input, by, now)?;
    for card in cards {
        evidence::quote_card(tx, card, pain_point.id, now)?;
    }
    pain_points::refresh_weight(tx, pain_point.id)?;
    let made = Made {
        kind: OutcomeKind::PainPoint,
        id: pain_point.id,
        decided: pain_point.title,
    };
    record(tx, workshop, source, &text, made, now)
}

/// Records an action item decided from a card or group, as coming from this workshop.
pub fn decide_action_item(
    tx: &Transaction<'_>,
    workshop: Id,
    source: DecisionSource,
    input: &ActionItemInput,
    now: DateTime<Utc>,
) -> Result<Outcome> {
    require_decidable(tx, workshop)?;
    let (_, text) = resolve(tx, workshop, source)?;
    let item = action_items::create(tx, input, now)?;
    tx.prepare_cached("UPDATE action_items SET workshop_id = ?2 WHERE id = ?1")?
        .execute((item.id, workshop))?;
    let made = Made {
        kind: OutcomeKind::ActionItem,
        id: item.id,
        decided: item.title,
    };
    record(tx, workshop, source, &text, made, now)
}

/// Gives kudos decided from a card or group, as coming from this workshop.
pub fn decide_kudos(
    tx: &Transaction<'_>,
    workshop: Id,
    source: DecisionSource,
    input: &KudosInput,
    now: DateTime<Utc>,
) -> Result<Outcome> {
    require_decidable(tx, workshop)?;
    let (_, text) = resolve(tx, workshop, source)?;
    let given = kudos::create(tx, input, now)?;
    tx.prepare_cached("UPDATE kudos SET workshop_id = ?2 WHERE id = ?1")?
        .execute((given.id, workshop))?;
    let decided = match &given.to_name {
        Some(name) => format!("To {name}: {}", given.message),
        None => given.message.clone(),
    };
    let made = Made {
        kind: OutcomeKind::Kudos,
        id: given.id,
        decided,
    };
    record(tx, workshop, source, &text, made, now)
}

const SELECT: &str = "SELECT o.id, o.workshop_id, o.kind, o.card_id, o.group_id, o.source_text,
        o.decided, coalesce(o.pain_point_id, o.action_item_id, o.kudos_id),
        coalesce(
            (SELECT deleted_at IS NULL AND merged_into IS NULL FROM pain_points
             WHERE id = o.pain_point_id),
            (SELECT deleted_at IS NULL FROM action_items WHERE id = o.action_item_id),
            (SELECT deleted_at IS NULL FROM kudos WHERE id = o.kudos_id), 0),
        o.decided_at
    FROM workshop_outcomes o";

fn from_row(row: &Row<'_>) -> rusqlite::Result<Outcome> {
    Ok(Outcome {
        id: row.get(0)?,
        workshop_id: row.get(1)?,
        kind: row.get(2)?,
        card_id: row.get(3)?,
        group_id: row.get(4)?,
        source_text: row.get(5)?,
        decided: row.get(6)?,
        record_id: row.get(7)?,
        record_live: row.get(8)?,
        decided_at: row.get(9)?,
    })
}

fn get(conn: &Connection, id: Id) -> Result<Outcome> {
    Ok(conn
        .prepare_cached(&format!("{SELECT} WHERE o.id = ?1"))?
        .query_row([id], from_row)?)
}

/// Everything a workshop decided, in the order it was decided.
pub fn list(conn: &Connection, workshop: Id) -> Result<Vec<Outcome>> {
    require_live(conn, EntityKind::Workshop, workshop, "workshopId")?;
    let outcomes = conn
        .prepare_cached(&format!(
            "{SELECT} WHERE o.workshop_id = ?1 ORDER BY o.decided_at, o.id"
        ))?
        .query_map([workshop], from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(outcomes)
}
