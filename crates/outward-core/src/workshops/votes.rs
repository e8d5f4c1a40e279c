//! Dot voting: in a dot-voting step each participant spreads a budget of votes over cards and
//! groups, at most a cap on any one item (both set by the step). A participant's ballot is
//! entered whole and replaces the one before. The room sees who has voted but no counts until
//! the room moves past the voting step; then the results, most votes first.

use super::{Position, WorkshopState, board, position, require_running, seen, step_kind};
use crate::error::{Error, Result};
use crate::exercises::StepKind;
use crate::id::Id;
use chrono::{DateTime, Utc};
use rusqlite::{Connection, Transaction, named_params};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

/// Votes for one card or one group: exactly one of the two ids is set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct VoteInput {
    #[serde(default)]
    pub card_id: Option<Id>,
    #[serde(default)]
    pub group_id: Option<Id>,
    pub count: u32,
}

/// One item's votes, in a voting step's results.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct VoteResult {
    pub card_id: Option<Id>,
    pub group_id: Option<Id>,
    /// The group's name or the card's text (cut to fit, as on the board).
    pub label: String,
    pub votes: u32,
}

/// Enters `person`'s ballot in the dot-voting step the room of workshop `workshop` is on,
/// replacing any ballot they entered before. Refused whole, with what is wrong, when it gives
/// more votes than the budget or more to one item than the cap.
pub fn cast(
    tx: &Transaction<'_>,
    workshop: Id,
    person: Id,
    ballot: &[VoteInput],
    now: DateTime<Utc>,
) -> Result<()> {
    let step = voting_now(tx, workshop)?;
    let name = super::cards::require_participant(tx, workshop, person, "personId")?;
    let per_item = checked(tx, workshop, step, &format!("{name} gave"), ballot)?;
    tx.prepare_cached(
        "DELETE FROM workshop_ballots WHERE workshop_id = ?1 AND step_position = ?2
         AND person_id = ?3",
    )?
    .execute((workshop, step, person))?;
    tx.prepare_cached(
        "INSERT INTO workshop_ballots (workshop_id, step_position, person_id, entered_at)
         VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute((workshop, step, person, now))?;
    let mut insert = tx.prepare_cached(
        "INSERT INTO workshop_votes (workshop_id, step_position, person_id, card_id, group_id,
             count)
         VALUES (:workshop, :step, :person, :card, :group, :count)",
    )?;
    for ((card, group), count) in per_item {
        insert.execute(named_params! {
            ":workshop": workshop, ":step": step, ":person": person, ":card": card,
            ":group": group, ":count": count,
        })?;
    }
    seen(tx, workshop, now)
}

/// The dot-voting step the room of running workshop `workshop` is on; refused at any other step.
pub(crate) fn voting_now(conn: &Connection, workshop: Id) -> Result<u32> {
    let position = require_running(conn, workshop)?;
    let step = position.current_step.unwrap_or(0);
    if step_kind(conn, workshop, step)? != StepKind::DotVoting {
        return Err(Error::conflict(
            None,
            "The room is not on a dot-voting step; votes are entered during one.",
        ));
    }
    Ok(step)
}

/// Votes per item: (card, group), one of the two set.
pub(crate) type PerItem = BTreeMap<(Option<Id>, Option<Id>), u32>;

/// Votes per item (card, group) of a ballot for voting step `step`: refused whole, with what
/// is wrong, when it gives more votes than the step's budget or more to one item than its cap.
/// `gave` starts each message ("Bo gave", "You gave").
pub(crate) fn checked(
    conn: &Connection,
    workshop: Id,
    step: u32,
    gave: &str,
    ballot: &[VoteInput],
) -> Result<PerItem> {
    let (budget, cap): (u32, u32) = conn
        .prepare_cached(
            "SELECT votes_per_person, max_votes_per_item FROM workshop_steps
             WHERE workshop_id = ?1 AND position = ?2",
        )?
        .query_row((workshop, step), |r| Ok((r.get(0)?, r.get(1)?)))?;
    let mut per_item = PerItem::new();
    for vote in ballot.iter().filter(|v| v.count > 0) {
        let label = item_label(conn, workshop, vote)?;
        let total = per_item.entry((vote.card_id, vote.group_id)).or_default();
        *total = total.saturating_add(vote.count);
        if *total > cap {
            return Err(Error::validation(
                "count",
                format!(
                    "{gave} {total} votes to “{label}”; one item takes at most {cap} votes \
                     from one person."
                ),
            ));
        }
    }
    let given: u32 = per_item.values().sum();
    if given > budget {
        return Err(Error::validation(
            "count",
            format!("{gave} {given} votes; each person has {budget} to give."),
        ));
    }
    Ok(per_item)
}

/// What a vote is for, named for messages; refused unless it is one live card in no group, or
/// one group, of `workshop`.
fn item_label(conn: &Connection, workshop: Id, vote: &VoteInput) -> Result<String> {
    let found: Option<(String, Option<Id>)> = match (vote.card_id, vote.group_id) {
        (Some(card), None) => conn
            .prepare_cached(
                "SELECT text, group_id FROM workshop_cards
                 WHERE id = ?1 AND workshop_id = ?2 AND deleted_at IS NULL",
            )?
            .query_row((card, workshop), |r| Ok((r.get(0)?, r.get(1)?)))
            .ok(),
        (None, Some(group)) => conn
            .prepare_cached("SELECT name FROM workshop_groups WHERE id = ?1 AND workshop_id = ?2")?
            .query_row((group, workshop), |r| Ok((r.get(0)?, None)))
            .ok(),
        _ => {
            return Err(Error::validation(
                "cardId",
                "Each vote is for one card or one group.",
            ));
        }
    };
    match found {
        None => Err(Error::validation(
            if vote.card_id.is_some() {
                "cardId"
            } else {
                "groupId"
            },
            "That card or group is not on this workshop's board.",
        )),
        Some((_, Some(_))) => Err(Error::validation(
            "cardId",
            "That card is in a group; vote for the group instead.",
        )),
        Some((label, None)) => Ok(label.chars().take(60).collect()),
    }
}

/// The ballot `person` entered in the voting step the board shows (empty before they vote),
/// so the facilitator can change it. One person's own votes, not the room's counts.
pub fn ballot(conn: &Connection, workshop: Id, person: Id) -> Result<Vec<VoteInput>> {
    let at = position(conn, workshop)?;
    let Some(step) = voting_step(conn, workshop, &at)? else {
        return Ok(Vec::new());
    };
    let mut stmt = conn.prepare_cached(
        "SELECT card_id, group_id, count FROM workshop_votes
         WHERE workshop_id = ?1 AND step_position = ?2 AND person_id = ?3
         ORDER BY ifnull(card_id, group_id)",
    )?;
    let ballot = stmt
        .query_map((workshop, step, person), |r| {
            Ok(VoteInput {
                card_id: r.get(0)?,
                group_id: r.get(1)?,
                count: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ballot)
}

/// The dot-voting step the board shows: the one the room is on, else the last one it passed.
pub(crate) fn voting_step(conn: &Connection, workshop: Id, at: &Position) -> Result<Option<u32>> {
    let Some(furthest) = at.furthest_step else {
        return Ok(None);
    };
    let current = at.current_step.unwrap_or(furthest);
    Ok(conn
        .prepare_cached(
            "SELECT max(position) FROM workshop_steps
             WHERE workshop_id = ?1 AND kind = 'dotVoting' AND position <= ?2",
        )?
        .query_row((workshop, current), |r| r.get(0))?)
}

/// Whether the counts of voting step `step` may be shown: the room has moved past it, or the
/// workshop is finished.
pub(crate) fn counts_revealed(at: &Position, step: u32) -> bool {
    at.state == WorkshopState::Finished || at.furthest_step.is_some_and(|f| f > step)
}

/// Who has entered a ballot in voting step `step`.
pub(crate) fn voters(conn: &Connection, workshop: Id, step: u32) -> Result<Vec<Id>> {
    Ok(conn
        .prepare_cached(
            "SELECT person_id FROM workshop_ballots WHERE workshop_id = ?1 AND step_position = ?2
             ORDER BY entered_at, person_id",
        )?
        .query_map((workshop, step), |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?)
}

/// How many in the room have entered a ballot from their own devices in voting step `step`.
pub(crate) fn room_voters(conn: &Connection, workshop: Id, step: u32) -> Result<u32> {
    Ok(conn
        .prepare_cached(
            "SELECT count(*) FROM room_ballots WHERE workshop_id = ?1 AND step_position = ?2",
        )?
        .query_row((workshop, step), |r| r.get(0))?)
}

/// The votes of step `step` per card and per group (keyed by the item's id).
pub(crate) fn tallies(conn: &Connection, workshop: Id, step: u32) -> Result<BTreeMap<Id, u32>> {
    let mut stmt = conn.prepare_cached(
        "SELECT ifnull(card_id, group_id), sum(count) FROM all_workshop_votes
         WHERE workshop_id = ?1 AND step_position = ?2 GROUP BY 1",
    )?;
    let tallies = stmt
        .query_map((workshop, step), |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(tallies)
}

/// The results of the last voting step the room has moved past, most votes first (ties: the
/// earlier item first), up to [`board::CARDS_PAGE`] items so they fit one reply. Refused while
/// the counts are still hidden.
pub fn results(conn: &Connection, workshop: Id) -> Result<Vec<VoteResult>> {
    let at = position(conn, workshop)?;
    let Some(step) = voting_step(conn, workshop, &at)? else {
        return Ok(Vec::new());
    };
    if !counts_revealed(&at, step) {
        return Err(Error::conflict(
            None,
            "The votes are still hidden; they show once the room moves past the voting step.",
        ));
    }
    let mut stmt = conn.prepare_cached(
        "SELECT v.card_id, v.group_id,
                coalesce(g.name, substr(c.text, 1, 400)), sum(v.count) AS votes
         FROM all_workshop_votes v
         LEFT JOIN workshop_cards c ON c.id = v.card_id
         LEFT JOIN workshop_groups g ON g.id = v.group_id
         WHERE v.workshop_id = ?1 AND v.step_position = ?2
           AND (c.id IS NULL OR c.deleted_at IS NULL)
         GROUP BY ifnull(v.card_id, v.group_id)
         ORDER BY votes DESC, ifnull(v.card_id, v.group_id) LIMIT ?3",
    )?;
    let results = stmt
        .query_map((workshop, step, board::CARDS_PAGE as i64), |r| {
            let label: String = r.get(2)?;
            Ok(VoteResult {
                card_id: r.get(0)?,
                group_id: r.get(1)?,
                label: board::preview(&label).0,
                votes: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(results)
}
