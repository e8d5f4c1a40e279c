//! Cards: what people write in silence, one thought a card, anonymous unless signed by a
//! participant. A card written in a silent-writing step stays hidden from the room until the
//! room moves past that step (the reveal); before then the facilitator can remove it (to the
//! Trash, with undo there).

use super::{WorkshopState, position, require_running, seen, step_kind};
use crate::entity::EntityKind;
use crate::error::{Error, Result};
use crate::exercises::StepKind;
use crate::id::Id;
use crate::store::{live, require_live};
use chrono::{DateTime, Utc};
use rusqlite::{Connection, Row, Transaction, named_params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The longest card, in characters.
pub const CARD_MAX: usize = 2_000;
/// Most cards one workshop holds: a room of 100 writing 20 each. The board carries them a page
/// at a time (`board::CARDS_PAGE`).
pub const CARDS_MAX: u32 = 2_000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Card {
    pub id: Id,
    pub workshop_id: Id,
    /// The step it was written in.
    pub step_position: u32,
    pub text: String,
    /// The participant who signed it; `None` when anonymous.
    pub author_id: Option<Id>,
    /// The name its writer typed when signing a card sent from the room; `None` otherwise.
    pub signed_name: Option<String>,
    pub group_id: Option<Id>,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CardInput {
    pub text: String,
    /// A participant who signs the card; anonymous when absent.
    #[serde(default)]
    pub author_id: Option<Id>,
}

/// A card's text, trimmed: refused when empty or longer than [`CARD_MAX`] characters, with
/// its length.
pub fn card_text(text: &str) -> Result<String> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Error::validation(
            "text",
            "A card needs some text; an empty card was not added.",
        ));
    }
    let length = text.chars().count();
    if length > CARD_MAX {
        return Err(Error::validation(
            "text",
            format!("This card is {length} characters long; a card holds at most {CARD_MAX}."),
        ));
    }
    Ok(text.to_owned())
}

const COLUMNS: &str =
    "id, workshop_id, step_position, text, author_id, group_id, created_at, signed_name";

fn from_row(row: &Row<'_>) -> rusqlite::Result<Card> {
    Ok(Card {
        id: row.get(0)?,
        workshop_id: row.get(1)?,
        step_position: row.get(2)?,
        text: row.get(3)?,
        author_id: row.get(4)?,
        group_id: row.get(5)?,
        created_at: row.get(6)?,
        signed_name: row.get(7)?,
    })
}

/// One card not in the Trash (whose workshop is not either), with its whole text.
pub fn get(conn: &Connection, id: Id) -> Result<Card> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM workshop_cards c WHERE id = ?1 AND deleted_at IS NULL
           AND EXISTS (SELECT 1 FROM workshops w WHERE w.id = c.workshop_id
                       AND w.deleted_at IS NULL)"
    ))?;
    live(stmt.query_row([id], from_row), "card", id)
}

/// Adds a card to running workshop `workshop`, written in its current step.
pub fn add(
    tx: &Transaction<'_>,
    workshop: Id,
    input: &CardInput,
    now: DateTime<Utc>,
) -> Result<Card> {
    let position = require_running(tx, workshop)?;
    let text = card_text(&input.text)?;
    if let Some(author) = input.author_id {
        require_participant(tx, workshop, author, "authorId")?;
    }
    let count: u32 = tx
        .prepare_cached(
            "SELECT count(*) FROM workshop_cards WHERE workshop_id = ?1 AND deleted_at IS NULL",
        )?
        .query_row([workshop], |r| r.get(0))?;
    if count >= CARDS_MAX {
        return Err(Error::conflict(
            Some("text"),
            format!("This workshop already holds {CARDS_MAX} cards, the most one can hold."),
        ));
    }
    let id = Id::at(now);
    tx.prepare_cached(
        "INSERT INTO workshop_cards (id, workshop_id, step_position, text, author_id,
             created_at, updated_at)
         VALUES (:id, :workshop, :step, :text, :author, :now, :now)",
    )?
    .execute(named_params! {
        ":id": id, ":workshop": workshop, ":step": position.current_step.unwrap_or(0),
        ":text": text, ":author": input.author_id, ":now": now,
    })?;
    seen(tx, workshop, now)?;
    get(tx, id)
}

/// Removes a card that the room has not seen yet, to the Trash. Once revealed, a card stays:
/// the room has read it.
pub fn remove(tx: &Transaction<'_>, id: Id, now: DateTime<Utc>) -> Result<()> {
    let card = get(tx, id)?;
    require_running(tx, card.workshop_id)?;
    if revealed(tx, card.workshop_id, card.step_position)? {
        return Err(Error::conflict(
            None,
            "The room has already seen this card; cards can be removed only before the reveal.",
        ));
    }
    crate::trash::move_to_trash(tx, EntityKind::Card, id, now)?;
    seen(tx, card.workshop_id, now)
}

/// Whether the room may see the cards written in step `step` of workshop `workshop`: always
/// for cards written outside a silent-writing step; for those written in one, once the room
/// has moved past it, or the workshop is finished.
pub(crate) fn revealed(conn: &Connection, workshop: Id, step: u32) -> Result<bool> {
    let position = position(conn, workshop)?;
    Ok(position.state == WorkshopState::Finished
        || position
            .furthest_step
            .is_some_and(|furthest| furthest > step)
        || step_kind(conn, workshop, step)? != StepKind::SilentWriting)
}

/// Checks that `person` is a participant of `workshop` and not in the Trash.
pub(crate) fn require_participant(
    conn: &Connection,
    workshop: Id,
    person: Id,
    field: &'static str,
) -> Result<String> {
    let name = require_live(conn, EntityKind::Person, person, field)?;
    let taking_part = conn
        .prepare_cached(
            "SELECT 1 FROM workshop_participants WHERE workshop_id = ?1 AND person_id = ?2",
        )?
        .exists((workshop, person))?;
    if !taking_part {
        return Err(Error::validation(
            field,
            format!("{name} is not a participant of this workshop."),
        ));
    }
    Ok(name)
}
