//! Search everywhere: full-text search over interview notes, pain points, themes, workshop cards
//! and survey comments, through the FTS5 tables that triggers keep in step with the rows (see
//! migrations 0002, 0007 and 0012). A card is found only once the room has seen it, and opens its
//! workshop; a survey comment opens its round, one hit per round.
//!
//! What people type is turned into a safe FTS5 query: words are quoted (so `-`, `:` or `OR`
//! cannot become operators), `"quoted phrases"` stay phrases, a word ending in `*` is a prefix,
//! and so is the last word, so results follow typing. Each table is searched alone, ranked by
//! bm25 and capped, and only then joined to its rows: FTS5 stays fast only when nothing else
//! shares the `MATCH` query. A term found in more than [`RANKED_MAX`] records of a kind is
//! ranked among the most recently added of them only, so a search costs about the same at any
//! size.
//!
//! Interview notes are indexed by passage (see [`passages`]), so a save re-indexes only what
//! changed. An interview matches when it holds every word, in one passage or spread over
//! several (its interviewees count as one more passage). Those with a passage holding every
//! word come first, ranked by that passage's bm25; when they are fewer than
//! [`LIMIT_PER_KIND`], those whose words are spread fill the rest, newest first, each shown
//! and ranked by its best passage for the first word typed whole.
//!
//! An interview hit also says where a match is in the notes, so the app opens the interview at
//! it without reading the notes first: the first match in the passage the snippet comes from.
//! FTS5 finds it: `highlight()` marks every matched term or phrase in the passage with the
//! tokenizer's own rules (case and diacritics folded, prefixes, phrases), and the marked place
//! is counted in UTF-16 code units from the start of the notes, as the editor counts. A hit
//! matched only by its interviewees has no such place.

pub mod passages;
mod query;

use crate::error::Result;
use crate::id::Id;
use crate::interviews::OPENING_CHARS;
use crate::pain_points::{Status, weight};
use crate::plain_text;
use chrono::NaiveDate;
use passages::{interview_of, rows_of};
use rusqlite::{Connection, OptionalExtension, Rows, Transaction};
use serde::Serialize;
use std::cell::RefCell;
use std::collections::HashSet;
use ts_rs::TS;

pub use query::{to_fts_query, to_fts_terms};

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
        Card = "card", "Workshop card";
        Survey = "survey", "Survey comment";
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
    /// The best passage as plain text, with matches between `MATCH_START` and `MATCH_END`
    /// (U+E000, U+E001). Never the title again: a pain point's comes from its description (empty
    /// when it has none), a theme has none.
    pub snippet: String,
    /// For interviews, the day of the conversation.
    pub held_on: Option<NaiveDate>,
    /// For interviews, the notes' first heading (see `InterviewSummary::heading`).
    pub heading: Option<String>,
    /// For pain points, where the team is with it.
    pub status: Option<Status>,
    /// For pain points, today's weight.
    pub weight: Option<f64>,
    /// For pain points, how many quotes support it.
    pub evidence_count: Option<u32>,
    /// bm25 rank: lower is a better match.
    pub rank: f64,
    /// For interviews, the first matched passage of the notes; `None` when only the
    /// interviewees matched, and for other kinds.
    pub notes_match: Option<NotesRange>,
    /// For workshop cards, the workshop a hit opens.
    pub workshop_id: Option<Id>,
}

/// A passage of an interview's notes, in UTF-16 code units as the editor and highlights count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct NotesRange {
    /// Start of the passage, in UTF-16 code units from the start of the notes.
    pub start: u32,
    /// End of the passage (exclusive).
    pub end: u32,
}

impl NotesRange {
    /// The first match FTS5's `highlight()` marked in `marked`, a passage of `notes` with its
    /// matches between [`MATCH_START`] and [`MATCH_END`], counted from the start of `notes`;
    /// `None` when nothing in it matched.
    fn in_notes(notes: &str, marked: &str) -> Option<Self> {
        let (before, rest) = marked.split_once(MATCH_START)?;
        let (matched, _) = rest.split_once(MATCH_END)?;
        let passage: String = marked
            .chars()
            .filter(|&c| c != MATCH_START && c != MATCH_END)
            .collect();
        let at = notes.find(&passage)?;
        let start = utf16_len(&notes[..at]) + utf16_len(before);
        Some(Self {
            start,
            end: start + utf16_len(matched),
        })
    }
}

fn utf16_len(text: &str) -> u32 {
    u32::try_from(text.encode_utf16().count()).unwrap_or(u32::MAX)
}

/// The index column of `interview_passages` that holds the notes (0 is the interviewees).
const NOTES_COLUMN: u32 = 1;

/// The index column of `pain_points_fts` that holds the description (0 is the title).
const DESCRIPTION_COLUMN: i32 = 1;

/// Which column of a table a hit's snippet is cut from.
#[derive(Clone, Copy)]
enum Snippet {
    /// The column that matched best.
    BestColumn,
    /// Always this column: the one that is not already the hit's title.
    Column(i32),
    /// None: the record is all title.
    None,
}

/// Pages of the notes' index one [`tidy_index`] step merges: a few milliseconds of work, so a
/// step never keeps a person's read or save waiting for long.
pub const TIDY_PAGES: u32 = 64;

/// Merges part of the notes' full-text index, for when nobody is writing. Each save of notes
/// writes the interview's terms as a new segment of the index and leaves merging them to this
/// (migration 0009), so saving stays quick; searches read every segment, so the app runs
/// this when it is idle. Returns whether more is left to merge. Only how the index is laid
/// out changes: every search finds the same rows before and after.
pub fn tidy_index(tx: &Transaction<'_>) -> Result<bool> {
    let before = tx.total_changes();
    tx.prepare_cached(
        "INSERT INTO interview_passages (interview_passages, rank) VALUES ('merge', ?1)",
    )?
    .execute([TIDY_PAGES])?;
    // FTS5 counts the pages it wrote as changes: fewer than two means it found nothing to merge.
    Ok(tx.total_changes() - before >= 2)
}

/// One match offered by [`matches`].
struct FtsMatch {
    rowid: i64,
    snippet: String,
    rank: f64,
    /// The located column with every match marked, when one was asked for.
    marked: Option<String>,
}

/// Searches everything for `text`, best matches first; pain points' weights as of `today`.
pub fn search(conn: &Connection, text: &str, today: NaiveDate) -> Result<Vec<SearchHit>> {
    let terms = to_fts_terms(text)?;
    let query = terms.join(" ");
    let mut hits = Vec::new();
    hits.extend(interviews(conn, &terms)?);
    hits.extend(pain_points(conn, &query, today)?);
    hits.extend(themes(conn, &query)?);
    hits.extend(cards(conn, &query)?);
    hits.extend(survey_comments(conn, &query)?);
    hits.sort_by(|a, b| a.rank.total_cmp(&b.rank));
    Ok(hits)
}

/// The most matches of one kind that are ranked: for a term found nearly everywhere, the most
/// recently added this many. Ranking costs a little for every match, so without a cap a very
/// common term would cost more the more a team has written.
pub const RANKED_MAX: u32 = 2_000;

/// Runs `MATCH` on one FTS table alone and offers its matches to `take`, best first, until
/// `take` has accepted [`LIMIT_PER_KIND`] of them. `take` reads the match's row and refuses it
/// when the row is gone (the index still holds rows in the Trash or merged away), so only the
/// rows shown are read. FTS5 ranks in its own sorter, keeping each match's positions, so a
/// snippet (which reads and tokenises the whole document) is made only for the rows offered,
/// without running the query again; so is the marked text of `located`, the column whose
/// matches a hit locates, if any.
fn matches(
    conn: &Connection,
    table: &str,
    snippet: Snippet,
    located: Option<u32>,
    query: &str,
    mut take: impl FnMut(FtsMatch) -> Result<bool>,
) -> Result<u32> {
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
        "SELECT {} FROM {table} WHERE {table} MATCH ?1 AND rowid >= ?2 ORDER BY rank",
        match_columns(table, snippet, located)
    ))?;
    let mut rows = ranked.query((query, oldest))?;
    let mut taken = 0;
    while taken < LIMIT_PER_KIND {
        let Some(offered) = next_match(&mut rows)? else {
            break;
        };
        if take(offered)? {
            taken += 1;
        }
    }
    Ok(taken)
}

/// What a query of `table` selects to make an [`FtsMatch`] of each row: its row id, snippet,
/// rank, and the `located` column marked.
fn match_columns(table: &str, snippet: Snippet, located: Option<u32>) -> String {
    let marked = match located {
        Some(column) => format!("highlight({table}, {column}, '{MATCH_START}', '{MATCH_END}')"),
        None => "NULL".to_owned(),
    };
    let snippet = match snippet {
        Snippet::BestColumn => Some(-1),
        Snippet::Column(column) => Some(column),
        Snippet::None => None,
    }
    .map_or("''".to_owned(), |column| {
        format!("snippet({table}, {column}, '{MATCH_START}', '{MATCH_END}', '…', 16)")
    });
    format!("rowid, {snippet}, rank, {marked}")
}

fn next_match(rows: &mut Rows<'_>) -> Result<Option<FtsMatch>> {
    let Some(row) = rows.next()? else {
        return Ok(None);
    };
    Ok(Some(FtsMatch {
        rowid: row.get(0)?,
        snippet: plain_text::plain(&row.get::<_, String>(1)?),
        rank: row.get(2)?,
        marked: row.get(3)?,
    }))
}

fn interviews(conn: &Connection, terms: &[String]) -> Result<Vec<SearchHit>> {
    let mut row = conn.prepare_cached(
        "SELECT i.id, c.name, i.held_on, i.notes FROM interviews i
         JOIN customers c ON c.id = i.customer_id AND c.deleted_at IS NULL
         WHERE i.rowid = ?1 AND i.deleted_at IS NULL",
    )?;
    // The interviews offered so far, each once, however many of its passages match.
    let seen = RefCell::new(HashSet::new());
    let mut hits = Vec::new();
    let mut hit = |offered: FtsMatch| -> Result<bool> {
        let interview = interview_of(offered.rowid);
        if !seen.borrow_mut().insert(interview) {
            return Ok(false);
        }
        let found: Option<(Id, String, NaiveDate, String)> = row
            .query_row([interview], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })
            .optional()?;
        let Some((id, title, held_on, notes)) = found else {
            return Ok(false);
        };
        let opening: String = notes.chars().take(OPENING_CHARS).collect();
        hits.push(SearchHit {
            kind: HitKind::Interview,
            id,
            title,
            snippet: offered.snippet,
            held_on: Some(held_on),
            heading: plain_text::heading(&opening),
            status: None,
            weight: None,
            evidence_count: None,
            rank: offered.rank,
            notes_match: offered
                .marked
                .as_deref()
                .and_then(|m| NotesRange::in_notes(&notes, m)),
            workshop_id: None,
        });
        Ok(true)
    };
    let all = terms.join(" ");
    let together = matches(
        conn,
        passages::TABLE,
        Snippet::BestColumn,
        Some(NOTES_COLUMN),
        &all,
        &mut hit,
    )?;
    if terms.len() > 1 {
        let already = |interview: i64| seen.borrow().contains(&interview);
        spread(conn, terms, LIMIT_PER_KIND - together, already, &mut hit)?;
    }
    Ok(hits)
}

/// Offers `take`, newest first, the interviews holding every one of `terms` that were not
/// offered `already` (those with a passage holding them all), until it has accepted `wanted`
/// of them or looked at [`RANKED_MAX`]; each with its best notes passage for one of the terms.
/// Each term's passages are read in row id order, which is interview order, and intersected as
/// they come, without ranking them.
fn spread(
    conn: &Connection,
    terms: &[String],
    wanted: u32,
    already: impl Fn(i64) -> bool,
    mut take: impl FnMut(FtsMatch) -> Result<bool>,
) -> Result<()> {
    if wanted == 0 {
        return Ok(());
    }
    let table = passages::TABLE;
    let mut statements = Vec::with_capacity(terms.len());
    for _ in terms {
        statements.push(conn.prepare(&format!(
            "SELECT rowid FROM {table} WHERE {table} MATCH ?1 ORDER BY rowid DESC"
        ))?);
    }
    let mut streams = Vec::with_capacity(terms.len());
    for (statement, term) in statements.iter_mut().zip(terms) {
        streams.push(statement.query([term])?);
    }
    let next = |rows: &mut Rows<'_>| -> Result<Option<i64>> {
        Ok(match rows.next()? {
            Some(row) => Some(interview_of(row.get(0)?)),
            None => None,
        })
    };
    let mut heads = Vec::with_capacity(streams.len());
    for rows in &mut streams {
        heads.push(next(rows)?);
    }
    // A hit's passage is its best for one word: the first typed whole that is in the notes
    // (one may be only among the interviewees), a prefix last. A query with a prefix merges the
    // lists of every word the prefix begins, across the whole index, each time it runs, and
    // this one runs for each hit.
    let (whole, prefixes): (Vec<&String>, Vec<&String>) =
        terms.iter().partition(|t| !t.ends_with('*'));
    let shown: Vec<&String> = whole.into_iter().chain(prefixes).collect();
    let mut best = conn.prepare_cached(&format!(
        "SELECT {} FROM {table} WHERE {table} MATCH ?1
         AND rowid > ?2 AND rowid < ?3 ORDER BY rank LIMIT 1",
        match_columns(table, Snippet::BestColumn, Some(NOTES_COLUMN))
    ))?;
    let (mut taken, mut looked_at) = (0, 0);
    while taken < wanted && looked_at < RANKED_MAX {
        // Every stream is at or past the newest interview they could all hold.
        let Some(candidate) = heads.iter().copied().min().flatten() else {
            break;
        };
        for (rows, head) in streams.iter_mut().zip(heads.iter_mut()) {
            while head.is_some_and(|h| h > candidate) {
                *head = next(rows)?;
            }
        }
        if !heads.iter().all(|h| *h == Some(candidate)) {
            continue;
        }
        if !already(candidate) {
            looked_at += 1;
            let (after, before) = rows_of(candidate);
            for term in &shown {
                let mut rows = best.query((term, after, before))?;
                if let Some(offered) = next_match(&mut rows)? {
                    if take(offered)? {
                        taken += 1;
                    }
                    break;
                }
            }
        }
        for (rows, head) in streams.iter_mut().zip(heads.iter_mut()) {
            while *head == Some(candidate) {
                *head = next(rows)?;
            }
        }
    }
    Ok(())
}

fn pain_points(conn: &Connection, query: &str, today: NaiveDate) -> Result<Vec<SearchHit>> {
    let mut row = conn.prepare_cached(
        "SELECT id, title, status, weight FROM pain_points
         WHERE rowid = ?1 AND deleted_at IS NULL AND merged_into IS NULL",
    )?;
    let mut hits = Vec::new();
    let snippet = Snippet::Column(DESCRIPTION_COLUMN);
    matches(conn, "pain_points_fts", snippet, None, query, |offered| {
        let found: Option<(Id, String, Status, f64)> = row
            .query_row([offered.rowid], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })
            .optional()?;
        let Some((id, title, status, stored_weight)) = found else {
            return Ok(false);
        };
        hits.push(SearchHit {
            status: Some(status),
            weight: Some(weight::on(stored_weight, today)),
            evidence_count: Some(crate::evidence::count(conn, id)?),
            ..named_hit(HitKind::PainPoint, id, title, &offered)
        });
        Ok(true)
    })?;
    Ok(hits)
}

fn themes(conn: &Connection, query: &str) -> Result<Vec<SearchHit>> {
    let mut row = conn.prepare_cached(
        "SELECT id, name FROM themes
         WHERE rowid = ?1 AND deleted_at IS NULL AND merged_into IS NULL",
    )?;
    let mut hits = Vec::new();
    matches(conn, "themes_fts", Snippet::None, None, query, |offered| {
        let found: Option<(Id, String)> = row
            .query_row([offered.rowid], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        let Some((id, title)) = found else {
            return Ok(false);
        };
        hits.push(named_hit(HitKind::Theme, id, title, &offered));
        Ok(true)
    })?;
    Ok(hits)
}

/// Hits on workshop cards the room has seen (the workshop's own rule: a card written in silence
/// shows once the room moved past that step), titled by their workshop, which they open.
fn cards(conn: &Connection, query: &str) -> Result<Vec<SearchHit>> {
    let mut row = conn.prepare_cached(
        "SELECT c.id, w.id, w.title, w.held_on, c.step_position FROM workshop_cards c
         JOIN workshops w ON w.id = c.workshop_id AND w.deleted_at IS NULL
         WHERE c.rowid = ?1 AND c.deleted_at IS NULL",
    )?;
    let mut hits = Vec::new();
    matches(
        conn,
        "workshop_cards_fts",
        Snippet::BestColumn,
        None,
        query,
        |offered| {
            type Found = (Id, Id, String, NaiveDate, u32);
            let found: Option<Found> = row
                .query_row([offered.rowid], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
                })
                .optional()?;
            let Some((id, workshop, title, held_on, step)) = found else {
                return Ok(false);
            };
            if !crate::workshops::cards::revealed(conn, workshop, step)? {
                return Ok(false);
            }
            hits.push(SearchHit {
                held_on: Some(held_on),
                workshop_id: Some(workshop),
                ..named_hit(HitKind::Card, id, title, &offered)
            });
            Ok(true)
        },
    )?;
    Ok(hits)
}

/// Hits on what respondents wrote in survey rounds: one per round (its best matching comment as
/// the snippet), titled by the round, which a hit opens. Rounds or responses in the Trash are
/// left out.
fn survey_comments(conn: &Connection, query: &str) -> Result<Vec<SearchHit>> {
    let mut row = conn.prepare_cached(
        "SELECT s.id, s.title FROM survey_answers a
         JOIN survey_responses r ON r.id = a.response_id AND r.deleted_at IS NULL
         JOIN surveys s ON s.id = r.survey_id AND s.deleted_at IS NULL
         WHERE a.rowid = ?1",
    )?;
    let mut hits: Vec<SearchHit> = Vec::new();
    matches(
        conn,
        "survey_comments_fts",
        Snippet::BestColumn,
        None,
        query,
        |offered| {
            let found: Option<(Id, String)> = row
                .query_row([offered.rowid], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?;
            let Some((survey, title)) = found else {
                return Ok(false);
            };
            if hits.iter().any(|hit| hit.id == survey) {
                return Ok(false);
            }
            hits.push(named_hit(HitKind::Survey, survey, title, &offered));
            Ok(true)
        },
    )?;
    Ok(hits)
}

/// A hit on a record that is known by its name: no date, heading or passage of notes.
fn named_hit(kind: HitKind, id: Id, title: String, offered: &FtsMatch) -> SearchHit {
    SearchHit {
        kind,
        id,
        title,
        snippet: offered.snippet.clone(),
        held_on: None,
        heading: None,
        status: None,
        weight: None,
        evidence_count: None,
        rank: offered.rank,
        notes_match: None,
        workshop_id: None,
    }
}
