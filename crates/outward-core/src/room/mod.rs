//! Room mode: the room joins the running workshop from its own phones and laptops. The rules
//! of what a participant's device may do live here; the server that carries them over the local
//! network (`outward-room`) holds none.
//!
//! A workshop's room is open while a row of `workshop_rooms` holds its join token, a random
//! value of 160 bits drawn again each time the room opens ([`open`]), written as 32 characters
//! of Crockford's base32 so it can be typed from the projector: the join address shows it in
//! groups of four ([`grouped`]), and what a person types is read back whatever its case,
//! hyphens, or the letters I, L and O typed for the digits 1 and 0 ([`typed_token`]). Its devices do only what
//! the step the room is on allows: write, edit and delete their own cards during silent writing
//! ([`add_card`], [`edit_card`], [`delete_card`]), spend their votes within the step's budget
//! and cap ([`vote`]), rate each dimension ([`rate`]); and read what the projector shows
//! ([`view`]), nothing more.
//!
//! Anonymous means anonymous. A device keeps three unrelated random keys: its participant key
//! (to count who joined and how many cards each wrote in a step), its voter key (its ballot and
//! ratings, replaced when sent again), and one edit key per card. Only their SHA-256 hashes are
//! stored, and no row links a card to a participant or voter key; a card is stored exactly like
//! one typed on the laptop, with the name its writer typed only when they signed it.
//!
//! Each write carries an id its device drew; a write sent again with the same id (a retry after
//! a lost reply, a page reconnecting after a restart) gets the first answer and changes nothing.

use crate::entity::EntityKind;
use crate::error::{Error, Result};
use crate::exercises::StepKind;
use crate::id::Id;
use crate::workshops::board::{self, Audience, DimensionMean};
use crate::workshops::cards::{self, CardInput};
use crate::workshops::ratings::{self, Score};
use crate::workshops::votes::{self, VoteInput};
use crate::workshops::{WorkshopState, require_running, seen, step_kind, timer};
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Transaction, named_params};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

/// Most devices that can join one workshop's room.
pub const PARTICIPANTS_MAX: u32 = 150;
/// Most cards one device writes in one step.
pub const CARDS_PER_STEP: u32 = 25;
/// The longest name a card is signed with, in characters.
pub const NAME_MAX: usize = 80;
/// Shortest and longest key or submission id a device sends, in characters.
const KEY_MIN: usize = 16;
const KEY_MAX: usize = 128;

/// A workshop's open room: where it listens and the token every request carries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Room {
    pub workshop_id: Id,
    pub token: String,
    /// The address it listens on: 127.0.0.1 for this machine only, or a network interface's.
    pub address: String,
    pub port: u16,
    pub opened_at: DateTime<Utc>,
    /// How many devices have joined.
    pub joined: u32,
}

/// What the facilitator's join panel shows (filled by the app, which runs the server).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RoomPanel {
    pub room: Room,
    /// The address devices open, token included.
    pub join_address: String,
    /// The join address as an SVG QR code.
    pub qr_svg: String,
    /// Whether the server is listening now.
    pub listening: bool,
}

/// What a device sees: the projector's view of the step the room is on.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RoomView {
    pub workshop_id: Id,
    pub title: String,
    pub state: WorkshopState,
    pub step_count: u32,
    pub step: Option<RoomStep>,
    /// Revealed cards, in the order they were written.
    pub cards: Vec<RoomCard>,
    /// Cards written but not revealed yet: only how many.
    pub hidden_cards: u32,
    pub groups: Vec<RoomGroup>,
    /// The voting step the room is on or last passed: how many voted, counts once revealed.
    pub voting: Option<RoomVoting>,
    pub ratings: Vec<DimensionMean>,
    pub joined: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RoomStep {
    pub position: u32,
    pub title: String,
    pub kind: StepKind,
    pub prompt: String,
    pub timer: timer::Timer,
    pub dimensions: Vec<String>,
    pub votes_per_person: u32,
    pub max_votes_per_item: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RoomCard {
    pub id: Id,
    pub text: String,
    pub truncated: bool,
    pub signed_name: Option<String>,
    pub group_id: Option<Id>,
    pub votes: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RoomGroup {
    pub id: Id,
    pub name: String,
    pub votes: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RoomVoting {
    pub step: u32,
    /// How many have voted, on the laptop and from the room.
    pub voted: u32,
    pub revealed: bool,
}

/// A new card from a device.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewCard {
    pub submission: String,
    pub participant: String,
    /// The card's edit key, drawn by the device for this card alone.
    pub key: String,
    pub text: String,
    /// The name to sign it with; anonymous when absent or blank.
    #[serde(default)]
    pub name: Option<String>,
}

/// A change to, or the removal of, a card the device wrote.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CardChange {
    pub submission: String,
    pub participant: String,
    pub key: String,
    /// The new text; absent to delete the card.
    #[serde(default)]
    pub text: Option<String>,
}

/// A device's whole ballot in the voting step the room is on, replacing any before.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Ballot {
    pub submission: String,
    pub voter: String,
    pub votes: Vec<VoteInput>,
}

/// A device's ratings in the rating step the room is on.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Rating {
    pub submission: String,
    pub voter: String,
    pub scores: Vec<Score>,
}

/// A device joining.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Join {
    pub participant: String,
}

/// The answer to a write: the card it made, if any, and whether this submission had been
/// answered before (nothing changed this time).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Ack {
    pub card_id: Option<Id>,
    #[serde(default)]
    pub replayed: bool,
}

/// The answer to joining.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Joined {
    pub joined: u32,
}

/// Opens the room of running workshop `workshop` on `address`:`port` (0: any free port, set
/// later with [`listening_on`]) with a new token; a room already open is closed first, so its
/// old token stops working. Only one workshop runs at a time, so only one room is open.
pub fn open(
    tx: &Transaction<'_>,
    workshop: Id,
    address: &str,
    port: u16,
    now: DateTime<Utc>,
) -> Result<Room> {
    require_running(tx, workshop)?;
    let address = address.trim();
    if address.parse::<std::net::IpAddr>().is_err() {
        return Err(Error::validation(
            "address",
            format!("“{address}” is not an address of this machine, such as 127.0.0.1."),
        ));
    }
    tx.prepare_cached("DELETE FROM workshop_rooms")?
        .execute([])?;
    let token = new_token();
    tx.prepare_cached(
        "INSERT INTO workshop_rooms (workshop_id, token, address, port, opened_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute((workshop, &token, address, port, now))?;
    require_open(tx, workshop)
}

/// Crockford's base32 alphabet, lower case: no I, L, O or U to misread.
const TOKEN_ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";
/// Random bytes in a token: 160 bits, 32 characters.
const TOKEN_BYTES: usize = 20;
/// Characters of the token shown together in the join address.
const TOKEN_GROUP: usize = 4;

/// A new join token: [`TOKEN_BYTES`] bytes from the system's random source, in Crockford's
/// base32.
fn new_token() -> String {
    let mut random = [0u8; TOKEN_BYTES];
    getrandom::fill(&mut random).expect("the system's random source answers");
    let mut token = String::with_capacity(TOKEN_BYTES * 8 / 5);
    let (mut bits, mut held) = (0u32, 0u32);
    for byte in &random {
        bits = (bits << 8) | u32::from(*byte);
        held += 8;
        while held >= 5 {
            held -= 5;
            token.push(char::from(TOKEN_ALPHABET[((bits >> held) & 31) as usize]));
        }
        bits &= (1 << held) - 1;
    }
    token
}

/// `token` as the join address shows it: groups of four characters joined by hyphens.
pub fn grouped(token: &str) -> String {
    token
        .as_bytes()
        .chunks(TOKEN_GROUP)
        .map(|group| String::from_utf8_lossy(group))
        .collect::<Vec<_>>()
        .join("-")
}

/// The token a person typed or a link carried, as stored: hyphens dropped, lower case, and the
/// letters Crockford's base32 leaves out read as the digits they look like (I and L as 1, O as
/// 0). Anything else is kept, so it fails to match.
pub fn typed_token(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| *c != '-')
        .map(|c| match c.to_ascii_lowercase() {
            'i' | 'l' => '1',
            'o' => '0',
            other => other,
        })
        .collect()
}

/// The room of running workshop `workshop` as it was left open when its server stopped without
/// closing it (the app or the CLI was stopped or crashed): same token, same address and port, so
/// the devices' pages reconnect by themselves. Opens a new room when none was left open, or
/// when it was left open on another address.
pub fn resume(
    tx: &Transaction<'_>,
    workshop: Id,
    address: &str,
    now: DateTime<Utc>,
) -> Result<Room> {
    require_running(tx, workshop)?;
    match get(tx, workshop)? {
        Some(room) if room.address == address.trim() => Ok(room),
        _ => open(tx, workshop, address, 0, now),
    }
}

/// Notes the port the room's server listens on once it is bound.
pub fn listening_on(tx: &Transaction<'_>, workshop: Id, port: u16) -> Result<Room> {
    require_open(tx, workshop)?;
    tx.prepare_cached("UPDATE workshop_rooms SET port = ?2 WHERE workshop_id = ?1")?
        .execute((workshop, port))?;
    require_open(tx, workshop)
}

/// Closes workshop `workshop`'s room: its token stops working. Whoever joined, and what they
/// sent, stays.
pub fn close(tx: &Transaction<'_>, workshop: Id) -> Result<()> {
    tx.prepare_cached("DELETE FROM workshop_rooms WHERE workshop_id = ?1")?
        .execute([workshop])?;
    Ok(())
}

/// The room of workshop `workshop`, if it is open.
pub fn get(conn: &Connection, workshop: Id) -> Result<Option<Room>> {
    Ok(conn
        .prepare_cached(
            "SELECT workshop_id, token, address, port, opened_at,
                    (SELECT count(*) FROM room_participants p
                     WHERE p.workshop_id = r.workshop_id)
             FROM workshop_rooms r WHERE workshop_id = ?1",
        )?
        .query_row([workshop], |r| {
            Ok(Room {
                workshop_id: r.get(0)?,
                token: r.get(1)?,
                address: r.get(2)?,
                port: r.get(3)?,
                opened_at: r.get(4)?,
                joined: r.get(5)?,
            })
        })
        .optional()?)
}

/// The open room, if any, of the workshop running now: what the app opens again after a
/// restart. A room left open by a workshop that is no longer running is not returned.
pub fn reopenable(conn: &Connection) -> Result<Option<Room>> {
    let Some(workshop) = crate::workshops::running(conn)? else {
        return Ok(None);
    };
    get(conn, workshop)
}

fn require_open(conn: &Connection, workshop: Id) -> Result<Room> {
    get(conn, workshop)?.ok_or_else(|| {
        Error::conflict(
            None,
            "The room is not open for this workshop; let the room join first.",
        )
    })
}

/// What devices see of workshop `workshop` as of `now`: the projector's board, without who
/// takes part or who wrote what.
pub fn view(conn: &Connection, workshop: Id, now: DateTime<Utc>) -> Result<RoomView> {
    let board = board::read_whole(conn, workshop, Audience::Room, now)?;
    let joined = joined(conn, workshop)?;
    let room_voted = board.voting.as_ref().map_or(0, |v| v.room_voted);
    Ok(RoomView {
        workshop_id: workshop,
        title: board.title,
        state: board.state,
        step_count: board.step_count,
        step: board.step.map(|s| RoomStep {
            position: s.position,
            title: s.title,
            kind: s.kind,
            prompt: s.prompt,
            timer: s.timer,
            dimensions: s.dimensions,
            votes_per_person: s.votes_per_person,
            max_votes_per_item: s.max_votes_per_item,
        }),
        cards: board
            .cards
            .into_iter()
            .map(|c| RoomCard {
                id: c.id,
                text: c.text,
                truncated: c.truncated,
                signed_name: c.signed_name,
                group_id: c.group_id,
                votes: c.votes,
            })
            .collect(),
        hidden_cards: board.hidden_cards,
        groups: board
            .groups
            .into_iter()
            .map(|g| RoomGroup {
                id: g.id,
                name: g.name,
                votes: g.votes,
            })
            .collect(),
        voting: board.voting.map(|v| RoomVoting {
            step: v.step,
            voted: v.voted.len() as u32 + room_voted,
            revealed: v.revealed,
        }),
        ratings: board.ratings,
        joined,
    })
}

fn joined(conn: &Connection, workshop: Id) -> Result<u32> {
    Ok(conn
        .prepare_cached("SELECT count(*) FROM room_participants WHERE workshop_id = ?1")?
        .query_row([workshop], |r| r.get(0))?)
}

/// Lets a device join the open room of `workshop`; joining again is harmless. Refused once
/// [`PARTICIPANTS_MAX`] devices have joined.
pub fn join(tx: &Transaction<'_>, workshop: Id, input: &Join) -> Result<Joined> {
    require_open(tx, workshop)?;
    let key = hash("participant", &input.participant)?;
    let known = tx
        .prepare_cached("SELECT 1 FROM room_participants WHERE workshop_id = ?1 AND key_hash = ?2")?
        .exists((workshop, &key))?;
    if !known {
        let joined = joined(tx, workshop)?;
        if joined >= PARTICIPANTS_MAX {
            return Err(Error::conflict(
                None,
                format!("The room is full: {PARTICIPANTS_MAX} devices have joined already."),
            ));
        }
        tx.prepare_cached("INSERT INTO room_participants (workshop_id, key_hash) VALUES (?1, ?2)")?
            .execute((workshop, &key))?;
    }
    Ok(Joined {
        joined: joined(tx, workshop)?,
    })
}

/// A device's key or submission id, checked, as stored: its SHA-256 in hex.
fn hash(field: &'static str, key: &str) -> Result<String> {
    let fits = (KEY_MIN..=KEY_MAX).contains(&key.len())
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if !fits {
        return Err(Error::validation(
            field,
            format!(
                "The {field} key must be {KEY_MIN} to {KEY_MAX} letters, digits, - or _; the \
                 page sends one by itself, so reload it."
            ),
        ));
    }
    Ok(format!("{:x}", Sha256::digest(key.as_bytes())))
}

/// The answer given before to submission `submission`, if it was answered.
fn answered(tx: &Transaction<'_>, workshop: Id, submission: &str) -> Result<Option<Ack>> {
    hash("submission", submission)?;
    let reply: Option<String> = tx
        .prepare_cached(
            "SELECT reply FROM room_submissions WHERE workshop_id = ?1 AND submission_id = ?2",
        )?
        .query_row((workshop, submission), |r| r.get(0))
        .optional()?;
    Ok(reply
        .and_then(|json| serde_json::from_str::<Ack>(&json).ok())
        .map(|ack| Ack {
            replayed: true,
            ..ack
        }))
}

fn remember(tx: &Transaction<'_>, workshop: Id, submission: &str, ack: Ack) -> Result<Ack> {
    let reply = serde_json::to_string(&ack).map_err(|e| Error::conflict(None, e.to_string()))?;
    tx.prepare_cached(
        "INSERT INTO room_submissions (workshop_id, submission_id, reply) VALUES (?1, ?2, ?3)",
    )?
    .execute((workshop, submission, reply))?;
    Ok(ack)
}

/// The key hash of a device that has joined the open room of `workshop`.
fn participant(tx: &Transaction<'_>, workshop: Id, key: &str) -> Result<String> {
    require_open(tx, workshop)?;
    let key = hash("participant", key)?;
    let known = tx
        .prepare_cached("SELECT 1 FROM room_participants WHERE workshop_id = ?1 AND key_hash = ?2")?
        .exists((workshop, &key))?;
    if !known {
        return Err(Error::validation(
            "participant",
            "This device has not joined the room; reload the page to join.",
        ));
    }
    Ok(key)
}

/// The silent-writing step the room of `workshop` is on; refused at any other step.
fn writing_now(conn: &Connection, workshop: Id) -> Result<u32> {
    let position = require_running(conn, workshop)?;
    let step = position.current_step.unwrap_or(0);
    if step_kind(conn, workshop, step)? != StepKind::SilentWriting {
        return Err(Error::conflict(
            None,
            "The writing step has ended; cards are written during a silent-writing step.",
        ));
    }
    Ok(step)
}

/// Adds a card from a device during the silent-writing step the room is on: at most
/// [`CARDS_PER_STEP`] per device and step, anonymous unless signed with a name.
pub fn add_card(
    tx: &Transaction<'_>,
    workshop: Id,
    input: &NewCard,
    now: DateTime<Utc>,
) -> Result<Ack> {
    if let Some(ack) = answered(tx, workshop, &input.submission)? {
        return Ok(ack);
    }
    let participant = participant(tx, workshop, &input.participant)?;
    let edit_key = hash("card", &input.key)?;
    let step = writing_now(tx, workshop)?;
    let name = signature(input.name.as_deref())?;
    let written: u32 = tx
        .prepare_cached(
            "SELECT cards FROM room_card_counts
             WHERE workshop_id = ?1 AND key_hash = ?2 AND step_position = ?3",
        )?
        .query_row((workshop, &participant, step), |r| r.get(0))
        .optional()?
        .unwrap_or(0);
    if written >= CARDS_PER_STEP {
        return Err(Error::conflict(
            Some("text"),
            format!(
                "You have written {CARDS_PER_STEP} cards in this step, the most one device can."
            ),
        ));
    }
    let card = cards::add(
        tx,
        workshop,
        &CardInput {
            text: input.text.clone(),
            author_id: None,
        },
        now,
    )?;
    tx.prepare_cached("UPDATE workshop_cards SET signed_name = ?2 WHERE id = ?1")?
        .execute((card.id, name))?;
    tx.prepare_cached("INSERT INTO room_cards (card_id, edit_key_hash) VALUES (?1, ?2)")?
        .execute((card.id, edit_key))?;
    tx.prepare_cached(
        "INSERT INTO room_card_counts (workshop_id, key_hash, step_position, cards)
         VALUES (:workshop, :key, :step, 1)
         ON CONFLICT DO UPDATE SET cards = cards + 1",
    )?
    .execute(named_params! { ":workshop": workshop, ":key": participant, ":step": step })?;
    remember(
        tx,
        workshop,
        &input.submission,
        Ack {
            card_id: Some(card.id),
            replayed: false,
        },
    )
}

/// A signature, trimmed: `None` when absent or blank; refused when longer than [`NAME_MAX`].
fn signature(name: Option<&str>) -> Result<Option<String>> {
    let Some(name) = name.map(str::trim).filter(|n| !n.is_empty()) else {
        return Ok(None);
    };
    let length = name.chars().count();
    if length > NAME_MAX {
        return Err(Error::validation(
            "name",
            format!(
                "This name is {length} characters long; a card is signed with at most {NAME_MAX}."
            ),
        ));
    }
    Ok(Some(name.to_owned()))
}

/// Changes the text of, or deletes (to the Trash), a card this device wrote, while the room is
/// still on the silent-writing step it was written in. Refused without the card's edit key.
pub fn change_card(
    tx: &Transaction<'_>,
    workshop: Id,
    card: Id,
    input: &CardChange,
    now: DateTime<Utc>,
) -> Result<Ack> {
    if let Some(ack) = answered(tx, workshop, &input.submission)? {
        return Ok(ack);
    }
    let participant = participant(tx, workshop, &input.participant)?;
    let edit_key = hash("card", &input.key)?;
    let step = writing_now(tx, workshop)?;
    let owned: Option<u32> = tx
        .prepare_cached(
            "SELECT c.step_position FROM workshop_cards c JOIN room_cards r ON r.card_id = c.id
             WHERE c.id = ?1 AND c.workshop_id = ?2 AND c.deleted_at IS NULL
               AND r.edit_key_hash = ?3",
        )?
        .query_row((card, workshop, &edit_key), |r| r.get(0))
        .optional()?;
    match owned {
        None => {
            return Err(Error::NotFound {
                entity: "card",
                id: card.to_string(),
            });
        }
        Some(written) if written != step => {
            return Err(Error::conflict(
                None,
                "This card was written in an earlier step; it can no longer change.",
            ));
        }
        Some(_) => {}
    }
    match &input.text {
        Some(text) => {
            let text = cards::card_text(text)?;
            tx.prepare_cached(
                "UPDATE workshop_cards SET text = ?2, updated_at = ?3 WHERE id = ?1",
            )?
            .execute((card, text, now))?;
        }
        None => {
            crate::trash::move_to_trash(tx, EntityKind::Card, card, now)?;
            tx.prepare_cached(
                "UPDATE room_card_counts SET cards = cards - 1
                 WHERE workshop_id = ?1 AND key_hash = ?2 AND step_position = ?3 AND cards > 0",
            )?
            .execute((workshop, &participant, step))?;
        }
    }
    seen(tx, workshop, now)?;
    remember(
        tx,
        workshop,
        &input.submission,
        Ack {
            card_id: Some(card),
            replayed: false,
        },
    )
}

/// Enters a device's whole ballot in the dot-voting step the room is on, replacing the one it
/// entered before; refused whole when over the step's budget or an item's cap.
pub fn vote(tx: &Transaction<'_>, workshop: Id, input: &Ballot, now: DateTime<Utc>) -> Result<Ack> {
    if let Some(ack) = answered(tx, workshop, &input.submission)? {
        return Ok(ack);
    }
    require_open(tx, workshop)?;
    let voter = hash("voter", &input.voter)?;
    let step = votes::voting_now(tx, workshop)?;
    let per_item = votes::checked(tx, workshop, step, "You gave", &input.votes)?;
    tx.prepare_cached(
        "DELETE FROM room_ballots WHERE workshop_id = ?1 AND step_position = ?2
         AND voter_hash = ?3",
    )?
    .execute((workshop, step, &voter))?;
    tx.prepare_cached(
        "INSERT INTO room_ballots (workshop_id, step_position, voter_hash) VALUES (?1, ?2, ?3)",
    )?
    .execute((workshop, step, &voter))?;
    let mut insert = tx.prepare_cached(
        "INSERT INTO room_votes (workshop_id, step_position, voter_hash, card_id, group_id, count)
         VALUES (:workshop, :step, :voter, :card, :group, :count)",
    )?;
    for ((card, group), count) in per_item {
        insert.execute(named_params! {
            ":workshop": workshop, ":step": step, ":voter": voter, ":card": card,
            ":group": group, ":count": count,
        })?;
    }
    seen(tx, workshop, now)?;
    remember(tx, workshop, &input.submission, Ack::default())
}

/// Records a device's ratings in the rating step the room is on; a dimension rated again by
/// the same device replaces its earlier rating.
pub fn rate(tx: &Transaction<'_>, workshop: Id, input: &Rating, now: DateTime<Utc>) -> Result<Ack> {
    if let Some(ack) = answered(tx, workshop, &input.submission)? {
        return Ok(ack);
    }
    require_open(tx, workshop)?;
    let voter = hash("voter", &input.voter)?;
    let step = ratings::rating_now(tx, workshop)?;
    ratings::check(tx, workshop, step, &input.scores)?;
    let mut upsert = tx.prepare_cached(
        "INSERT INTO room_ratings (workshop_id, step_position, dimension, voter_hash, score)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT DO UPDATE SET score = excluded.score",
    )?;
    for score in &input.scores {
        upsert.execute((workshop, step, &score.dimension, &voter, score.score))?;
    }
    seen(tx, workshop, now)?;
    remember(tx, workshop, &input.submission, Ack::default())
}
