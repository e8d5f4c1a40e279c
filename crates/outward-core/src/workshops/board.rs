//! A workshop's board in one read: the step the room is on, the cards, the groups, who has
//! voted and (once revealed) the votes, and the ratings so far. Read for the facilitator, or
//! for the room (the presenter window), which never receives a facilitator script, the text of
//! a card not yet revealed, or a vote count before the reveal.
//!
//! Sized for replies of at most 256 KB: the board carries each card's text up to
//! [`PREVIEW_MAX_BYTES`] bytes of JSON (a card read on its own carries all of it) and at most
//! [`CARDS_PAGE`] cards; a workshop holds up to [`CARDS_MAX`](super::cards::CARDS_MAX), so the
//! rest come a page at a time ([`cards_after`]), each page as small as the board. The room's own
//! server, which is no window's reply, reads them all at once ([`read_whole`]).

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
/// The most of a participant's name (or a card's signature) the board carries, in bytes of JSON.
const NAME_PREVIEW_MAX_BYTES: usize = 120;
/// The most cards one board or one page of cards carries.
pub const CARDS_PAGE: usize = 250;

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
    /// Cards, in the order they were written, up to [`CARDS_PAGE`]. For the room, only revealed
    /// ones.
    pub cards: Vec<BoardCard>,
    /// The last card of `cards` when more follow: read them with [`cards_after`].
    pub more_cards: Option<Id>,
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

/// The board's cards that follow a card, up to [`CARDS_PAGE`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CardsPage {
    pub cards: Vec<BoardCard>,
    /// The last card of `cards` when more follow.
    pub more_cards: Option<Id>,
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
    let voting = votes::voting_step(conn, id, &at)?
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
    let page = cards(conn, id, &at, audience, &count, None, CARDS_PAGE)?;
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
        cards: page.cards,
        more_cards: page.more_cards,
        hidden_cards: page.hidden_cards,
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

/// The cards of workshop `id`'s board for `audience` that follow card `after`, as of `now`.
pub fn cards_after(
    conn: &Connection,
    id: Id,
    audience: Audience,
    after: Id,
    _now: DateTime<Utc>,
) -> Result<CardsPage> {
    let at = position(conn, id)?;
    let tallies = revealed_tallies(conn, id, &at)?;
    let count = |item: Id| tallies.as_ref().map(|t| t.get(&item).copied().unwrap_or(0));
    let page = cards(conn, id, &at, audience, &count, Some(after), CARDS_PAGE)?;
    Ok(CardsPage {
        cards: page.cards,
        more_cards: page.more_cards,
    })
}

/// Workshop `id`'s board with every card at once, for readers that are not a window's reply
/// (the room's server, the command line).
pub fn read_whole(
    conn: &Connection,
    id: Id,
    audience: Audience,
    now: DateTime<Utc>,
) -> Result<Board> {
    let mut board = read(conn, id, audience, now)?;
    while let Some(after) = board.more_cards {
        let page = cards_after(conn, id, audience, after, now)?;
        board.cards.extend(page.cards);
        board.more_cards = page.more_cards;
    }
    Ok(board)
}

/// The vote counts of the voting step the room is on or last passed, once revealed.
fn revealed_tallies(
    conn: &Connection,
    id: Id,
    at: &super::Position,
) -> Result<Option<std::collections::BTreeMap<Id, u32>>> {
    match votes::voting_step(conn, id, at)? {
        Some(step) if votes::counts_revealed(at, step) => Ok(Some(votes::tallies(conn, id, step)?)),
        _ => Ok(None),
    }
}

/// One page of the board's cards.
struct Cards {
    cards: Vec<BoardCard>,
    more_cards: Option<Id>,
    /// Cards hidden from the room, in the whole workshop (counted on the first page only).
    hidden_cards: u32,
}

/// Up to `limit` of the board's cards for `audience` after card `after` (from the first when
/// `None`), and, from the first, how many are hidden from the room.
fn cards(
    conn: &Connection,
    id: Id,
    at: &super::Position,
    audience: Audience,
    count: &dyn Fn(Id) -> Option<u32>,
    after: Option<Id>,
    limit: usize,
) -> Result<Cards> {
    let finished = at.state == WorkshopState::Finished;
    let furthest = at.furthest_step;
    let mut stmt = conn.prepare_cached(
        "SELECT c.id, c.text, c.author_id, c.group_id, c.step_position, s.kind, c.signed_name
         FROM workshop_cards c
         JOIN workshop_steps s ON s.workshop_id = c.workshop_id AND s.position = c.step_position
         WHERE c.workshop_id = ?1 AND c.deleted_at IS NULL AND (?2 IS NULL OR c.id > ?2)
         ORDER BY c.id",
    )?;
    let mut rows = stmt.query((id, after))?;
    let mut page = Cards {
        cards: Vec::with_capacity(limit),
        more_cards: None,
        hidden_cards: 0,
    };
    while let Some(row) = rows.next()? {
        let step: u32 = row.get(4)?;
        let kind: StepKind = row.get(5)?;
        let hidden =
            !(finished || furthest.is_some_and(|f| f > step) || kind != StepKind::SilentWriting);
        if hidden {
            page.hidden_cards += 1;
            if audience == Audience::Room {
                continue;
            }
        }
        if page.cards.len() == limit {
            page.more_cards = page.cards.last().map(|c| c.id);
            if after.is_some() {
                break;
            }
            // The first page goes on counting the hidden cards.
            continue;
        }
        let card: Id = row.get(0)?;
        let text: String = row.get(1)?;
        let (text, truncated) = preview(&text);
        let signed_name: Option<String> = row.get(6)?;
        page.cards.push(BoardCard {
            id: card,
            text,
            truncated,
            hidden,
            author_id: row.get(2)?,
            signed_name: signed_name.map(|n| cut(&n, NAME_PREVIEW_MAX_BYTES).0),
            group_id: row.get(3)?,
            votes: count(card),
        });
    }
    Ok(page)
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
pub(crate) fn preview(text: &str) -> (String, bool) {
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
