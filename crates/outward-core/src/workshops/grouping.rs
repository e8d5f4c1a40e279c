//! The grouping suggestion: cards that share a word (after stemming, so "deploys" and
//! "deploying" meet, with common English words ignored) are proposed as a group named after
//! that word. The facilitator sees the proposal first; accepting writes it in one transaction,
//! and undoing an accepted proposal removes exactly the groups it made, leaving their cards
//! ungrouped as they were before.
//!
//! Only cards in no group are considered, so groups the room made by hand are never touched.
//! Words are taken most shared first (ties alphabetically): each word groups the cards, not
//! yet placed, that contain it, when there are at least two. A word found in more than half of
//! the cards (of at least four) says nothing to tell them apart and is skipped.

use super::groups::{self, GROUP_NAME_MAX};
use super::{require_running, seen};
use crate::error::{Error, Result};
use crate::id::Id;
use chrono::{DateTime, Utc};
use rusqlite::{Connection, Transaction};
use rust_stemmers::{Algorithm, Stemmer};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};
use ts_rs::TS;

/// Groups proposed for a workshop's ungrouped cards; nothing is written until accepted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct GroupingProposal {
    pub groups: Vec<ProposedGroup>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ProposedGroup {
    /// The shared word, as the cards most often spell it.
    pub name: String,
    pub card_ids: Vec<Id>,
}

/// What accepting a proposal made, to undo it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AcceptedGrouping {
    /// Names this acceptance for [`undo`].
    pub batch: Id,
    pub group_ids: Vec<Id>,
}

/// English words too common to group by.
const STOP_WORDS: &[&str] = &[
    "a", "about", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as", "at",
    "be", "because", "been", "before", "being", "but", "by", "can", "cannot", "could", "did", "do",
    "does", "doing", "don", "down", "each", "even", "every", "few", "for", "from", "get", "gets",
    "got", "had", "has", "have", "having", "he", "her", "here", "him", "his", "how", "i", "if",
    "in", "into", "is", "it", "its", "just", "like", "lot", "make", "makes", "many", "me", "more",
    "most", "much", "my", "need", "needs", "no", "not", "now", "of", "off", "on", "once", "one",
    "only", "or", "other", "our", "ours", "out", "over", "own", "really", "same", "she", "should",
    "so", "some", "still", "such", "than", "that", "the", "their", "them", "then", "there",
    "these", "they", "thing", "things", "this", "those", "through", "to", "too", "under", "until",
    "up", "us", "very", "want", "was", "way", "we", "were", "what", "when", "where", "which",
    "while", "who", "why", "will", "with", "would", "you", "your",
];

/// The stems of `text`'s words worth grouping by, each with the word as written.
fn stems(stemmer: &Stemmer, stop: &HashSet<&str>, text: &str) -> Vec<(String, String)> {
    let mut seen = HashSet::new();
    text.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .map(|w| w.trim_matches('\'').to_lowercase())
        .filter(|w| w.chars().count() >= 3 && !stop.contains(w.as_str()))
        .filter(|w| !w.chars().all(|c| c.is_ascii_digit()))
        .filter_map(|word| {
            let stem = stemmer.stem(&word).into_owned();
            seen.insert(stem.clone()).then_some((stem, word))
        })
        .collect()
}

/// Proposes groups for `cards` (id and text): see the module's notes for how.
pub fn propose(cards: &[(Id, String)]) -> GroupingProposal {
    let stemmer = Stemmer::create(Algorithm::English);
    let stop: HashSet<&str> = STOP_WORDS.iter().copied().collect();
    // For each stem: the cards holding it, in order, and how often each spelling occurs.
    let mut holders: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut spellings: HashMap<String, BTreeMap<String, u32>> = HashMap::new();
    for (index, (_, text)) in cards.iter().enumerate() {
        for (stem, word) in stems(&stemmer, &stop, text) {
            *spellings
                .entry(stem.clone())
                .or_default()
                .entry(word)
                .or_default() += 1;
            holders.entry(stem).or_default().push(index);
        }
    }
    let too_common = if cards.len() >= 4 {
        cards.len() / 2
    } else {
        usize::MAX
    };
    let mut words: Vec<(&String, &Vec<usize>)> = holders
        .iter()
        .filter(|(_, held)| held.len() >= 2 && held.len() <= too_common)
        .collect();
    words.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then_with(|| a.0.cmp(b.0)));
    let mut placed = vec![false; cards.len()];
    let mut groups = Vec::new();
    for (stem, held) in words {
        let free: Vec<usize> = held.iter().copied().filter(|i| !placed[*i]).collect();
        if free.len() < 2 {
            continue;
        }
        for i in &free {
            placed[*i] = true;
        }
        groups.push(ProposedGroup {
            name: group_label(&spellings[stem]),
            card_ids: free.iter().map(|i| cards[*i].0).collect(),
        });
    }
    GroupingProposal { groups }
}

/// The most frequent spelling, capitalised (ties: the first alphabetically).
fn group_label(spellings: &BTreeMap<String, u32>) -> String {
    let mut best: Option<(&String, u32)> = None;
    for (word, n) in spellings {
        if best.is_none_or(|(_, most)| *n > most) {
            best = Some((word, *n));
        }
    }
    let word = best.map(|(w, _)| w.as_str()).unwrap_or("Group");
    let mut chars = word.chars();
    let label: String = chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default();
    label.chars().take(GROUP_NAME_MAX).collect()
}

/// The ungrouped cards of workshop `id`, in the order they were written.
fn ungrouped(conn: &Connection, id: Id) -> Result<Vec<(Id, String)>> {
    let cards = conn
        .prepare_cached(
            "SELECT id, text FROM workshop_cards
             WHERE workshop_id = ?1 AND deleted_at IS NULL AND group_id IS NULL ORDER BY id",
        )?
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(cards)
}

/// Proposes groups for running workshop `id`'s ungrouped cards. Writes nothing.
pub fn suggest(conn: &Connection, id: Id) -> Result<GroupingProposal> {
    require_running(conn, id)?;
    Ok(propose(&ungrouped(conn, id)?))
}

/// Writes `proposal` (as suggested, or as the facilitator trimmed it) in one transaction. Every
/// card must be an ungrouped card of the workshop; if one is not (grouped or removed since the
/// proposal), nothing is written.
pub fn accept(
    tx: &Transaction<'_>,
    id: Id,
    proposal: &GroupingProposal,
    now: DateTime<Utc>,
) -> Result<AcceptedGrouping> {
    require_running(tx, id)?;
    let free: HashSet<Id> = ungrouped(tx, id)?
        .into_iter()
        .map(|(card, _)| card)
        .collect();
    let batch = Id::at(now);
    let mut group_ids = Vec::with_capacity(proposal.groups.len());
    let mut used = HashSet::new();
    for group in &proposal.groups {
        let name = groups::group_name(&group.name)?;
        for card in &group.card_ids {
            if !free.contains(card) || !used.insert(*card) {
                return Err(Error::conflict(
                    Some("cardIds"),
                    "The cards changed since this suggestion was made; ask for a new one.",
                ));
            }
        }
        let group_id = groups::insert(tx, id, &name, Some(batch), now)?;
        for card in &group.card_ids {
            groups::place(tx, id, *card, Some(group_id), now)?;
        }
        group_ids.push(group_id);
    }
    seen(tx, id, now)?;
    Ok(AcceptedGrouping { batch, group_ids })
}

/// Undoes an accepted suggestion: removes the groups it made, so their cards are ungrouped as
/// before. Refused once one of those groups has votes.
pub fn undo(tx: &Transaction<'_>, id: Id, batch: Id, now: DateTime<Utc>) -> Result<()> {
    require_running(tx, id)?;
    let voted = tx
        .prepare_cached(
            "SELECT 1 FROM all_workshop_votes v JOIN workshop_groups g ON g.id = v.group_id
             WHERE g.workshop_id = ?1 AND g.accepted_batch = ?2",
        )?
        .exists((id, batch))?;
    if voted {
        return Err(Error::conflict(
            None,
            "Some of these groups have votes now; the suggestion can no longer be undone.",
        ));
    }
    let removed = tx
        .prepare_cached(
            "DELETE FROM workshop_groups WHERE workshop_id = ?1 AND accepted_batch = ?2",
        )?
        .execute((id, batch))?;
    if removed == 0 {
        return Err(Error::NotFound {
            entity: "accepted grouping suggestion",
            id: batch.to_string(),
        });
    }
    seen(tx, id, now)
}
