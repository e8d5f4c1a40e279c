//! A workshop's board in one read: the step the room is on, the cards, the groups, who has
//! voted and (once revealed) the votes, and the ratings so far. Read for the facilitator, or
//! for the room (the presenter window), which never receives a facilitator script, the text of
//! a card not yet revealed, or a vote count before the reveal.
//!
//! Sized for one reply: a workshop holds at most [`CARDS_MAX`] cards and
//! [`GROUPS_MAX`](super::groups::GROUPS_MAX) groups, and the board carries each card's text up to [`PREVIEW_MAX_BYTES`] bytes of JSON
//! (a card read on its own carries all of it), so the largest board stays within 256 KB.

use super::cards::CARDS_MAX;
use super::{WorkshopState, position, ratings, timer, votes};
use crate::error::Result;
use crate::exercises::StepKind;
use crate::id::Id;
use chrono::{DateTime, Utc};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The most of a card's text the board carries, counted in bytes of JSON as the window receives
/// them (a quote mark or line break counts two, another control character six).
pub const PREVIEW_MAX_BYTES: usize = 240;
/// The most of a participant's name the board carries, in bytes of JSON.
const NAME_PREVIEW_MAX_BYTES: usize = 120;

/// Who the board is read for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Audience {
    /// The laptop: scripts and every card's text.
    Facilitator,
    /// The projector: only what the room may see.
    Room,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Board {
    pub workshop_id: Id,
    pub title: String,
    pub state: WorkshopState,
    pub step_count: u32,
    /// The step the room is on (the last one once finished); `None` before the start.
    pub step: Option<BoardStep>,
    /// Cards, in the order they were written. For the room, only revealed ones.
    pub cards: Vec<BoardCard>,
    /// Cards written but not yet revealed (the room sees only how many).
    pub hidden_cards: u32,
    pub groups: Vec<BoardGroup>,
    /// The dot-voting step the room is on or last passed.
    pub voting: Option<Voting>,
    /// Each dimension rated so far: its mean and how many rated it.
    pub ratings: Vec<DimensionMean>,
    /// Who takes part, by name (cut to fit the board when very long).
    pub participants: Vec<Participant>,
    /// Every step in order, for "next up" and the agenda.
    pub steps: Vec<StepOutline>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Participant {
    pub id: Id,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StepOutline {
    pub position: u32,
    pub title: String,
    pub kind: StepKind,
    pub timebox_seconds: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BoardStep {
    pub position: u32,
    pub title: String,
    pub kind: StepKind,
    pub prompt: String,
    /// Only for the facilitator.
    pub script: Option<String>,
    pub timer: timer::Timer,
    pub dimensions: Vec<String>,
    pub votes_per_person: u32,
    pub max_votes_per_item: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BoardCard {
    pub id: Id,
    /// The text, cut to fit the board when long (`truncated`).
    pub text: String,
    pub truncated: bool,
    /// Not yet revealed to the room (only the facilitator's board holds such cards).
    pub hidden: bool,
    pub author_id: Option<Id>,
    /// The name typed by whoever signed it from the room.
    pub signed_name: Option<String>,
    pub group_id: Option<Id>,
    /// Votes in the board's voting step, once revealed.
    pub votes: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BoardGroup {
    pub id: Id,
    pub name: String,
    /// Set when the group came from an accepted grouping suggestion (to undo it).
    pub accepted_batch: Option<Id>,
    pub votes: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Voting {
    pub step: u32,
    /// Participants who have entered their votes, in the order they did.
    pub voted: Vec<Id>,
    /// How many in the room have voted from their own devices.
    pub room_voted: u32,
    /// Whether the counts are shown (the room has moved past the step).
    pub revealed: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DimensionMean {
    pub dimension: String,
    pub mean: f64,
    pub n: u32,
}

/// Workshop `id`'s board as of `now`, for `audience`.
pub fn read(conn: &Connection, id: Id, audience: Audience, now: DateTime<Utc>) -> Result<Board> {
    let at = position(conn, id)?;
    let title: String = conn
        .prepare_cached("SELECT title FROM workshops WHERE id = ?1")?
        .query_row([id], |r| r.get(0))?;
    let shown_step = match at.state {
        WorkshopState::Planned => None,
        _ => at.current_step.or(at.furthest_step),
    };
    let step = shown_step
        .map(|position| board_step(conn, id, position, audience, now))
        .transpose()?;
    let voting_step = votes::voting_step(conn, id, &at)?;
    let voting = voting_step
        .map(|step| -> Result<Voting> {
            Ok(Voting {
                step,
                voted: votes::voters(conn, id, step)?,
                room_voted: votes::room_voters(conn, id, step)?,
                revealed: votes::counts_revealed(&at, step),
            })
        })
        .transpose()?;
    let tallies = match &voting {
        Some(v) if v.revealed => Some(votes::tallies(conn, id, v.step)?),
        _ => None,
    };
    let count = |item: Id| tallies.as_ref().map(|t| t.get(&item).copied().unwrap_or(0));
    let (cards, hidden_cards) = cards(conn, id, &at, audience, &count)?;
    let groups = conn
        .prepare_cached(
            "SELECT id, name, accepted_batch FROM workshop_groups WHERE workshop_id = ?1
             ORDER BY id",
        )?
        .query_map([id], |r| {
            let id: Id = r.get(0)?;
            Ok(BoardGroup {
                id,
                name: r.get(1)?,
                accepted_batch: r.get(2)?,
                votes: count(id),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let ratings = ratings::workshop_means(conn, id)?
        .into_iter()
        .map(|(dimension, mean, n)| DimensionMean { dimension, mean, n })
        .collect();
    Ok(Board {
        workshop_id: id,
        title,
        state: at.state,
        step_count: at.step_count,
        step,
        cards,
        hidden_cards,
        groups,
        voting,
        ratings,
        participants: participants(conn, id)?,
        steps: outline(conn, id)?,
    })
}

fn board_step(
    conn: &Connection,
    id: Id,
    position: u32,
    audience: Audience,
    now: DateTime<Utc>,
) -> Result<BoardStep> {
    let mut stmt = conn.prepare_cached(
        "SELECT title, kind, prompt, script, timer_remaining_ms, timer_running_since,
                timebox_seconds, dimensions, votes_per_person, max_votes_per_item
         FROM workshop_steps WHERE workshop_id = ?1 AND position = ?2",
    )?;
    Ok(stmt.query_row((id, position), |r| {
        let dimensions: String = r.get(7)?;
        Ok(BoardStep {
            position,
            title: r.get(0)?,
            kind: r.get(1)?,
            prompt: r.get(2)?,
            script: (audience == Audience::Facilitator)
                .then(|| r.get(3))
                .transpose()?,
            timer: timer::Timer::read(r.get(4)?, r.get(5)?, r.get(6)?, now),
            dimensions: serde_json::from_str(&dimensions).unwrap_or_default(),
            votes_per_person: r.get::<_, Option<u32>>(8)?.unwrap_or(0),
            max_votes_per_item: r.get::<_, Option<u32>>(9)?.unwrap_or(0),
        })
    })?)
}

/// The board's cards for `audience`, and how many are hidden from the room.
fn cards(
    conn: &Connection,
    id: Id,
    at: &super::Position,
    audience: Audience,
    count: &dyn Fn(Id) -> Option<u32>,
) -> Result<(Vec<BoardCard>, u32)> {
    let finished = at.state == WorkshopState::Finished;
    let furthest = at.furthest_step;
    let mut stmt = conn.prepare_cached(
        "SELECT c.id, c.text, c.author_id, c.group_id, c.step_position, s.kind, c.signed_name
         FROM workshop_cards c
         JOIN workshop_steps s ON s.workshop_id = c.workshop_id AND s.position = c.step_position
         WHERE c.workshop_id = ?1 AND c.deleted_at IS NULL ORDER BY c.id",
    )?;
    let mut rows = stmt.query([id])?;
    let mut cards = Vec::with_capacity(CARDS_MAX as usize);
    let mut hidden_cards = 0;
    while let Some(row) = rows.next()? {
        let step: u32 = row.get(4)?;
        let kind: StepKind = row.get(5)?;
        let hidden =
            !(finished || furthest.is_some_and(|f| f > step) || kind != StepKind::SilentWriting);
        if hidden {
            hidden_cards += 1;
            if audience == Audience::Room {
                continue;
            }
        }
        let card: Id = row.get(0)?;
        let text: String = row.get(1)?;
        let (text, truncated) = preview(&text);
        cards.push(BoardCard {
            id: card,
            text,
            truncated,
            hidden,
            author_id: row.get(2)?,
            signed_name: row.get(6)?,
            group_id: row.get(3)?,
            votes: count(card),
        });
    }
    Ok((cards, hidden_cards))
}

fn participants(conn: &Connection, id: Id) -> Result<Vec<Participant>> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.id, p.name FROM workshop_participants wp JOIN people p ON p.id = wp.person_id
         WHERE wp.workshop_id = ?1 ORDER BY p.name COLLATE NOCASE, p.id",
    )?;
    let participants = stmt
        .query_map([id], |r| {
            let name: String = r.get(1)?;
            Ok(Participant {
                id: r.get(0)?,
                name: cut(&name, NAME_PREVIEW_MAX_BYTES).0,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(participants)
}

fn outline(conn: &Connection, id: Id) -> Result<Vec<StepOutline>> {
    let mut stmt = conn.prepare_cached(
        "SELECT position, title, kind, timebox_seconds FROM workshop_steps
         WHERE workshop_id = ?1 ORDER BY position",
    )?;
    let steps = stmt
        .query_map([id], |r| {
            Ok(StepOutline {
                position: r.get(0)?,
                title: r.get(1)?,
                kind: r.get(2)?,
                timebox_seconds: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(steps)
}

/// `text` cut at a character boundary so it takes at most [`PREVIEW_MAX_BYTES`] bytes of JSON.
fn preview(text: &str) -> (String, bool) {
    cut(text, PREVIEW_MAX_BYTES)
}

/// `text` cut at a character boundary so it takes at most `max` bytes of JSON, and whether it
/// was cut.
fn cut(text: &str, max: usize) -> (String, bool) {
    let mut bytes = 0;
    for (index, c) in text.char_indices() {
        bytes += match c {
            '"' | '\\' | '\n' | '\r' | '\t' | '\u{8}' | '\u{c}' => 2,
            c if (c as u32) < 0x20 => 6,
            c => c.len_utf8(),
        };
        if bytes > max {
            return (text[..index].to_owned(), true);
        }
    }
    (text.to_owned(), false)
}
