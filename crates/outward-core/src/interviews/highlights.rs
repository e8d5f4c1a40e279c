//! Highlights: passages of an interview's notes marked as evidence for a pain point. Offsets
//! count UTF-16 code units, as the editor in the app does; the quoted text is taken from the
//! stored notes, never from the caller. When notes change, each highlight is re-anchored by its
//! quote, to the occurrence nearest where it was; a quote that is gone leaves the highlight
//! `detached` with its quote, never deleted.

use crate::entity::EntityKind;
use crate::error::{Error, Result};
use crate::id::Id;
use crate::pain_points;
use crate::store::require_live;
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row, Transaction};
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Highlight {
    pub id: Id,
    pub interview_id: Id,
    pub pain_point_id: Id,
    /// Start of the passage, in UTF-16 code units from the start of the notes.
    pub start: u32,
    /// End of the passage (exclusive), in UTF-16 code units.
    pub end: u32,
    pub quote: String,
    /// True when the quote is no longer in the notes.
    pub detached: bool,
}

const COLUMNS: &str = "id, interview_id, pain_point_id, start_offset, end_offset, quote, detached";

fn from_row(row: &Row<'_>) -> rusqlite::Result<Highlight> {
    Ok(Highlight {
        id: row.get(0)?,
        interview_id: row.get(1)?,
        pain_point_id: row.get(2)?,
        start: row.get(3)?,
        end: row.get(4)?,
        quote: row.get(5)?,
        detached: row.get(6)?,
    })
}

/// Marks the passage `start..end` of an interview's notes as evidence for a pain point.
pub fn mark(
    tx: &Transaction<'_>,
    interview: Id,
    start: u32,
    end: u32,
    pain_point: Id,
    now: DateTime<Utc>,
) -> Result<Highlight> {
    let notes: String = tx
        .prepare_cached("SELECT notes FROM interviews WHERE id = ?1 AND deleted_at IS NULL")?
        .query_row([interview], |r| r.get(0))
        .optional()?
        .ok_or_else(|| Error::NotFound {
            entity: "interview",
            id: interview.to_string(),
        })?;
    require_live(tx, EntityKind::PainPoint, pain_point, "painPointId")?;
    let length = notes.encode_utf16().count();
    let Some((from, to)) = byte_range(&notes, start, end) else {
        return Err(Error::validation(
            "start",
            format!(
                "The selection {start}–{end} is not a passage of the notes, which are {length} characters long."
            ),
        ));
    };
    let quote = &notes[from..to];
    if quote.trim().is_empty() {
        return Err(Error::validation(
            "start",
            "Select some words to mark as evidence.",
        ));
    }
    let id = Id::at(now);
    tx.prepare_cached(&format!(
        "INSERT INTO highlights ({COLUMNS}, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0, ?7)"
    ))?
    .execute((id, interview, pain_point, start, end, quote, now))?;
    pain_points::refresh_weight(tx, pain_point)?;
    get(tx, id)
}

/// Files a new pain point from a passage and marks the passage as its first evidence, in one
/// step, so a person never leaves the interview to do it.
pub fn mark_as_new_pain_point(
    tx: &Transaction<'_>,
    interview: Id,
    start: u32,
    end: u32,
    input: &pain_points::PainPointInput,
    by: Option<Id>,
    now: DateTime<Utc>,
) -> Result<Highlight> {
    let pain_point = pain_points::create(tx, input, by, now)?;
    mark(tx, interview, start, end, pain_point.id, now)
}

/// Removes a highlight: the passage is no longer evidence. The notes are untouched. Returns
/// what was removed.
pub fn remove(tx: &Transaction<'_>, id: Id) -> Result<Highlight> {
    let highlight = get(tx, id)?;
    tx.prepare_cached("DELETE FROM highlights WHERE id = ?1")?
        .execute([id])?;
    pain_points::refresh_weight(tx, highlight.pain_point_id)?;
    Ok(highlight)
}

pub fn get(conn: &Connection, id: Id) -> Result<Highlight> {
    conn.prepare_cached(&format!("SELECT {COLUMNS} FROM highlights WHERE id = ?1"))?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| Error::NotFound {
            entity: "highlight",
            id: id.to_string(),
        })
}

/// An interview's highlights in the order they appear in its notes.
pub(crate) fn of_interview(conn: &Connection, interview: Id) -> Result<Vec<Highlight>> {
    let highlights = conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM highlights WHERE interview_id = ?1 ORDER BY start_offset, id"
        ))?
        .query_map([interview], from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(highlights)
}

/// Moves every highlight of an interview onto `notes`, its new text.
pub(crate) fn reanchor(tx: &Transaction<'_>, interview: Id, notes: &str) -> Result<()> {
    let mut update = tx.prepare_cached(
        "UPDATE highlights SET start_offset = ?2, end_offset = ?3, detached = ?4 WHERE id = ?1",
    )?;
    let boundaries = Boundaries::of(notes);
    for highlight in of_interview(tx, interview)? {
        let anchor = find_anchor(notes, &boundaries, &highlight.quote, highlight.start);
        let (start, end, detached) = match anchor {
            Some((start, end)) => (start, end, false),
            None => (highlight.start, highlight.end, true),
        };
        if (start, end, detached) != (highlight.start, highlight.end, highlight.detached) {
            update.execute((highlight.id, start, end, detached))?;
        }
    }
    Ok(())
}

/// Recomputes the weight of every pain point with evidence in this interview (its date or
/// customer may have changed).
pub(crate) fn refresh_pain_points_of(
    tx: &Transaction<'_>,
    interview: Id,
    _now: DateTime<Utc>,
) -> Result<()> {
    let pain_points: Vec<Id> = tx
        .prepare_cached("SELECT DISTINCT pain_point_id FROM highlights WHERE interview_id = ?1")?
        .query_map([interview], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for pain_point in pain_points {
        pain_points::refresh_weight(tx, pain_point)?;
    }
    Ok(())
}

/// Where `quote` now stands in `notes`, in UTF-16 units: the occurrence nearest `was`. Most
/// saves leave most quotes where they were, which is checked first without a search.
fn find_anchor(notes: &str, boundaries: &Boundaries, quote: &str, was: u32) -> Option<(u32, u32)> {
    let quote_length = quote.encode_utf16().count() as u32;
    if let Some(byte) = boundaries.byte_at(was)
        && notes[byte..].starts_with(quote)
    {
        return Some((was, was + quote_length));
    }
    notes
        .match_indices(quote)
        .map(|(byte, _)| boundaries.units_at(byte))
        .min_by_key(|start| start.abs_diff(was))
        .map(|start| (start, start + quote_length))
}

/// Every character boundary of a text as (UTF-16 offset, byte offset), the end included, to
/// move between the editor's offsets and Rust's without rescanning the text each time.
struct Boundaries(Vec<(u32, u32)>);

impl Boundaries {
    fn of(text: &str) -> Self {
        let mut units = 0;
        let mut all = Vec::with_capacity(text.len() + 1);
        for (byte, ch) in text.char_indices() {
            all.push((units, byte as u32));
            units += ch.len_utf16() as u32;
        }
        all.push((units, text.len() as u32));
        Boundaries(all)
    }

    /// The byte offset of UTF-16 offset `units`, if a character starts there (or the text ends).
    fn byte_at(&self, units: u32) -> Option<usize> {
        let i = self.0.binary_search_by_key(&units, |&(u, _)| u).ok()?;
        Some(self.0[i].1 as usize)
    }

    /// The UTF-16 offset of `byte`, a character boundary.
    fn units_at(&self, byte: usize) -> u32 {
        let i = self.0.partition_point(|&(_, b)| (b as usize) < byte);
        self.0[i].0
    }
}

/// The byte range of the UTF-16 range `start..end` of `text`, if both ends fall on character
/// boundaries inside it and the range is not empty.
fn byte_range(text: &str, start: u32, end: u32) -> Option<(usize, usize)> {
    if start >= end {
        return None;
    }
    let (mut units, mut from, mut to) = (0u32, None, None);
    for (byte, ch) in text.char_indices() {
        if units == start {
            from = Some(byte);
        }
        if units == end {
            to = Some(byte);
            break;
        }
        units += ch.len_utf16() as u32;
    }
    if to.is_none() && units == end {
        to = Some(text.len());
    }
    Some((from?, to?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_ranges_map_to_bytes_on_character_boundaries() {
        let text = "Déploy 🚀 fails";
        assert_eq!(
            byte_range(text, 0, 6),
            Some((0, 7)),
            "é is one unit, two bytes"
        );
        let rocket = "Déploy ".encode_utf16().count() as u32;
        assert_eq!(
            byte_range(text, rocket, rocket + 2),
            Some((8, 12)),
            "🚀 is two units"
        );
        assert_eq!(
            byte_range(text, rocket, rocket + 1),
            None,
            "half a surrogate pair"
        );
        let length = text.encode_utf16().count() as u32;
        assert_eq!(
            byte_range(text, length - 5, length),
            Some((text.len() - 5, text.len()))
        );
        assert_eq!(byte_range(text, 3, 3), None, "empty");
        assert_eq!(byte_range(text, 0, length + 1), None, "past the end");
    }

    #[test]
    fn the_nearest_occurrence_wins() {
        let notes = "slow builds. then more. slow builds again";
        let at = |quote, was| find_anchor(notes, &Boundaries::of(notes), quote, was);
        assert_eq!(at("slow builds", 20), Some((24, 35)));
        assert_eq!(at("slow builds", 2), Some((0, 11)));
        assert_eq!(at("slow builds", 24), Some((24, 35)), "still where it was");
        assert_eq!(at("flaky tests", 2), None);
    }

    #[test]
    fn anchors_count_utf16_units_after_wide_characters() {
        let notes = "🚀 Déploy: slow builds, then 🚀 slow builds";
        let boundaries = Boundaries::of(notes);
        let first = "🚀 Déploy: ".encode_utf16().count() as u32;
        let second = "🚀 Déploy: slow builds, then 🚀 ".encode_utf16().count() as u32;
        assert_eq!(
            find_anchor(notes, &boundaries, "slow builds", first),
            Some((first, first + 11))
        );
        assert_eq!(
            find_anchor(notes, &boundaries, "slow builds", second - 3),
            Some((second, second + 11)),
            "moved: the nearest occurrence, counted in UTF-16 units"
        );
        assert_eq!(
            find_anchor(notes, &boundaries, "Déploy", 1),
            Some((3, 9)),
            "offset 1 is inside the surrogate pair of 🚀, so the text is searched"
        );
    }
}
