//! Search everywhere: full-text search over interview notes, pain points and themes, through the
//! FTS5 tables that triggers keep in step with the rows (see migration 0002).
//!
//! What people type is turned into a safe FTS5 query: words are quoted (so `-`, `:` or `OR`
//! cannot become operators), `"quoted phrases"` stay phrases, a word ending in `*` is a prefix,
//! and so is the last word, so results follow typing. Each table is searched alone, ranked by
//! bm25 and capped, and only then joined to its rows: FTS5 stays fast only when nothing else
//! shares the `MATCH` query. A term found in more than [`RANKED_MAX`] records of a kind is
//! ranked among the most recently added of them only, so a search costs about the same at any
//! size.

mod query;

use crate::error::Result;
use crate::id::Id;
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

pub use query::to_fts_query;

/// Marks the start of a matched term in a snippet (a private-use character, never in text).
pub const MATCH_START: char = '\u{E000}';
/// Marks the end of a matched term in a snippet.
pub const MATCH_END: char = '\u{E001}';

/// The most hits one search returns for each kind of record.
pub const LIMIT_PER_KIND: u32 = 10;

crate::text::vocabulary! {
    /// What a search hit is.
    HitKind, field = "kind", label = "Kind" {
        Interview = "interview", "Interview";
        PainPoint = "painPoint", "Pain point";
        Theme = "theme", "Theme";
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SearchHit {
    pub kind: HitKind,
    pub id: Id,
    /// A pain point's or theme's name; for an interview, the customer's name.
    pub title: String,
    /// The best passage, with matches between `MATCH_START` and `MATCH_END` (U+E000, U+E001).
    pub snippet: String,
    /// For interviews, the day of the conversation.
    pub held_on: Option<NaiveDate>,
    /// bm25 rank: lower is a better match.
    pub rank: f64,
}

/// Searches everything for `text`, best matches first.
pub fn search(conn: &Connection, text: &str) -> Result<Vec<SearchHit>> {
    let query = to_fts_query(text)?;
    let mut hits = Vec::new();
    hits.extend(interviews(conn, &query)?);
    hits.extend(pain_points(conn, &query)?);
    hits.extend(themes(conn, &query)?);
    hits.sort_by(|a, b| a.rank.total_cmp(&b.rank));
    Ok(hits)
}

/// The most matches of one kind that are ranked: for a term found nearly everywhere, the most
/// recently added this many. Ranking costs a little for every match, so without a cap a very
/// common term would cost more the more a team has written.
pub const RANKED_MAX: u32 = 2_000;

/// Runs `MATCH` on one FTS table alone and offers its matches to `take` as (rowid, snippet,
/// rank), best first, until `take` has accepted [`LIMIT_PER_KIND`] of them. `take` reads the
/// match's row and refuses it when the row is gone (the index still holds rows in the Trash
/// or merged away), so only the rows shown are read. FTS5 ranks in its own sorter, keeping
/// each match's positions, so a snippet (which reads and tokenises the whole document) is
/// made only for the rows offered, without running the query again.
fn matches(
    conn: &Connection,
    table: &str,
    query: &str,
    mut take: impl FnMut(i64, String, f64) -> Result<bool>,
) -> Result<()> {
    // The oldest match ranked: everything newer than the RANKED_MAX-th most recent one.
    let oldest: i64 = conn
        .prepare_cached(&format!(
            "SELECT rowid FROM {table} WHERE {table} MATCH ?1
             ORDER BY rowid DESC LIMIT 1 OFFSET {}",
            RANKED_MAX - 1
        ))?
        .query_row([query], |r| r.get(0))
        .optional()?
        .unwrap_or(i64::MIN);
    let mut ranked = conn.prepare_cached(&format!(
        "SELECT rowid, snippet({table}, -1, '{MATCH_START}', '{MATCH_END}', '…', 16), rank
         FROM {table} WHERE {table} MATCH ?1 AND rowid >= ?2 ORDER BY rank"
    ))?;
    let mut rows = ranked.query((query, oldest))?;
    let mut taken = 0;
    while taken < LIMIT_PER_KIND {
        let Some(row) = rows.next()? else { break };
        if take(row.get(0)?, row.get(1)?, row.get(2)?)? {
            taken += 1;
        }
    }
    Ok(())
}

fn interviews(conn: &Connection, query: &str) -> Result<Vec<SearchHit>> {
    let mut row = conn.prepare_cached(
        "SELECT i.id, c.name, i.held_on FROM interviews i
         JOIN customers c ON c.id = i.customer_id AND c.deleted_at IS NULL
         WHERE i.rowid = ?1 AND i.deleted_at IS NULL",
    )?;
    let mut hits = Vec::new();
    matches(conn, "interviews_fts", query, |rowid, snippet, rank| {
        let found: Option<(Id, String, NaiveDate)> = row
            .query_row([rowid], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?;
        let Some((id, title, held_on)) = found else {
            return Ok(false);
        };
        hits.push(SearchHit {
            kind: HitKind::Interview,
            id,
            title,
            snippet,
            held_on: Some(held_on),
            rank,
        });
        Ok(true)
    })?;
    Ok(hits)
}

fn pain_points(conn: &Connection, query: &str) -> Result<Vec<SearchHit>> {
    named_hits(conn, HitKind::PainPoint, "pain_points", "title", query)
}

fn themes(conn: &Connection, query: &str) -> Result<Vec<SearchHit>> {
    named_hits(conn, HitKind::Theme, "themes", "name", query)
}

/// Hits on a kind of record that can be in the Trash or merged away, titled by its `name`
/// column and indexed in `{table}_fts`.
fn named_hits(
    conn: &Connection,
    kind: HitKind,
    table: &str,
    name: &str,
    query: &str,
) -> Result<Vec<SearchHit>> {
    let mut row = conn.prepare_cached(&format!(
        "SELECT id, {name} FROM {table}
         WHERE rowid = ?1 AND deleted_at IS NULL AND merged_into IS NULL"
    ))?;
    let mut hits = Vec::new();
    matches(
        conn,
        &format!("{table}_fts"),
        query,
        |rowid, snippet, rank| {
            let found: Option<(Id, String)> = row
                .query_row([rowid], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?;
            let Some((id, title)) = found else {
                return Ok(false);
            };
            hits.push(SearchHit {
                kind,
                id,
                title,
                snippet,
                held_on: None,
                rank,
            });
            Ok(true)
        },
    )?;
    Ok(hits)
}
