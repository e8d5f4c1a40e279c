//! Search: `search::search` per kind of term, against the bare FTS5 queries beneath it.

use crate::harness::{Fallible, fetch, kept, ms, p50_p95, paired, ratio, read};
use crate::report::{Report, Row};
use outward_core::db::Database;
use outward_core::search;
use rusqlite::Connection;
use std::time::Duration;

/// Search terms by how many interviews hold them: a few, some, all. Each kind takes the ten
/// terms whose share of the interviews is nearest the kind's target; the shares the vocabulary
/// actually offers are printed with the figures (the nearest to 0.2 % is about 0.7 % on
/// `heavy`).
pub struct Terms {
    pub kinds: Vec<(&'static str, Vec<String>)>,
}

impl Terms {
    pub fn pick(conn: &Connection) -> Fallible<Terms> {
        vocabulary(conn)?;
        let documents = interviews_indexed(conn)? as f64;
        let mut kinds = Vec::new();
        for (kind, share) in [("selective", 0.002), ("medium", 0.05)] {
            // A rare term is in about one passage of each interview holding it.
            let terms = conn
                .prepare(
                    "SELECT term FROM temp.interview_terms
                     WHERE term GLOB '[a-z][a-z][a-z]*' ORDER BY abs(doc - ?1), term LIMIT 10",
                )?
                .query_map([documents * share], |r| r.get(0))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            kinds.push((kind, terms));
        }
        // A common term is in many passages of each: the first ten, by name, in every interview.
        let mut common = Vec::new();
        let candidates = conn
            .prepare(
                "SELECT term FROM temp.interview_terms
                 WHERE term GLOB '[a-z][a-z][a-z]*' AND doc >= ?1 ORDER BY term",
            )?
            .query_map([documents], |r| r.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        for term in candidates {
            if common.len() == 10 {
                break;
            }
            if interviews_holding(conn, &term)? as f64 >= documents {
                common.push(term);
            }
        }
        kinds.push(("common", common));
        Ok(Terms { kinds })
    }
}

/// The interview index's vocabulary, as `temp.interview_terms` (term, doc: how many passages
/// hold it, about how many interviews do for the rarer terms), on this connection.
pub fn vocabulary(conn: &Connection) -> Fallible {
    conn.execute_batch(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.interview_terms
            USING fts5vocab(main, interview_passages, 'row');
         CREATE VIRTUAL TABLE IF NOT EXISTS temp.interview_instances
            USING fts5vocab(main, interview_passages, 'instance');",
    )?;
    Ok(())
}

/// How many interviews hold `term`, from where each of its passages is.
fn interviews_holding(conn: &Connection, term: &str) -> Fallible<i64> {
    Ok(conn.query_row(
        "SELECT count(DISTINCT doc >> 32) FROM temp.interview_instances WHERE term = ?1",
        [term],
        |r| r.get(0),
    )?)
}

/// Every interview in the full-text index, those in the Trash included (search skips them
/// after matching).
pub fn interviews_indexed(conn: &Connection) -> Fallible<i64> {
    Ok(conn.query_row("SELECT count(*) FROM interviews", [], |r| r.get(0))?)
}

/// "“term”, in 40, 41, 39 of 6000 interviews (0.67 %)": how many interviews of the database
/// searched hold the first three `terms`.
pub fn term_label(conn: &Connection, terms: &[String]) -> Fallible<String> {
    vocabulary(conn)?;
    let documents = interviews_indexed(conn)?;
    let mut counts = Vec::new();
    for term in terms.iter().take(3) {
        counts.push(interviews_holding(conn, term)?);
    }
    let mean = counts.iter().sum::<i64>() as f64 / counts.len().max(1) as f64;
    let shown: Vec<String> = counts.iter().map(i64::to_string).collect();
    Ok(format!(
        "e.g. “{}”, in {} of {documents} interviews, {:.2} %",
        terms[0],
        shown.join(", "),
        100.0 * mean / documents as f64
    ))
}

/// p50/p95 of `search::search` per kind of term, against the bare FTS5 queries beneath it.
pub fn searches(
    db: &Database,
    today: chrono::NaiveDate,
    terms: &Terms,
    label: &str,
    report: &mut Report,
) -> Fallible<std::collections::BTreeMap<&'static str, Duration>> {
    let mut p95s = std::collections::BTreeMap::new();
    for (kind, words) in &terms.kinds {
        // Counted in the database searched: the same terms are in ten times as many
        // interviews in `stress`.
        // The vocabulary's temporary tables are made by writing, as in `Terms::pick`.
        let held = db.write(|c| Ok(term_label(c, words)))??;
        let goal = if *kind == "common" { 100.0 } else { 20.0 };
        let operation = format!("search ({label}), {kind} terms ({held})");
        p95s.insert(
            *kind,
            search_row(db, today, words, operation, goal, report)?,
        );
    }
    // Two words, as people type them: a medium term then a common one, searched as a prefix.
    // An interview holding both in different passages is found too (after those holding both
    // in one), which the bare query beneath does not look for.
    let of = |kind: &str| terms.kinds.iter().find(|(k, _)| *k == kind).map(|(_, w)| w);
    if let (Some(medium), Some(common)) = (of("medium"), of("common")) {
        let pairs: Vec<String> = medium
            .iter()
            .zip(common)
            .map(|(m, c)| format!("{m} {c}"))
            .collect();
        if let Some(first) = pairs.first() {
            let operation = format!(
                "search ({label}), two words, a medium term then a common one (e.g. “{first}”)"
            );
            search_row(db, today, &pairs, operation, 100.0, report)?;
        }
    }
    Ok(p95s)
}

/// `search::search` for `words` in turn against the bare FTS5 queries beneath it, as one row of
/// the report with its p95 goal; the subject's p95.
fn search_row(
    db: &Database,
    today: chrono::NaiveDate,
    words: &[String],
    operation: String,
    goal: f64,
    report: &mut Report,
) -> Fallible<Duration> {
    let (s, b) = paired(
        200,
        |i| words[i % words.len()].clone(),
        |term| read(db, |c| kept(search::search(c, term, today)?)),
        |term| read(db, |c| bare_match(c, term)),
    )?;
    report.add(Row {
        operation,
        subject: p50_p95(&s),
        baseline: p50_p95(&b),
        ratio: ratio(s.p50(), b.p50()),
        goal: format!("p95 ≤ {goal} ms"),
        met: Some(ms(s.p95()) <= goal),
        budget: None,
    });
    Ok(s.p95())
}

/// Search for words the workshop cards use most (every kind is searched, cards included),
/// against the same bare FTS5 queries: the cards' index must not slow search past its goal.
pub fn card_searches(
    db: &Database,
    today: chrono::NaiveDate,
    label: &str,
    report: &mut Report,
) -> Fallible {
    // A temporary table of the index's vocabulary: reads cannot make one.
    let (words, held, cards) = db.write(|c| Ok(card_terms(c)))??;
    if words.is_empty() {
        return Ok(());
    }
    let operation = format!(
        "search ({label}), the cards' commonest words (e.g. “{}”, in {held} of {cards} cards)",
        words[0]
    );
    search_row(db, today, &words, operation, 100.0, report)?;
    Ok(())
}

/// The ten words most cards hold (four letters or more), how many cards hold the first, and how
/// many cards there are.
fn card_terms(c: &Connection) -> Fallible<(Vec<String>, i64, i64)> {
    c.execute_batch(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.card_terms
            USING fts5vocab(main, workshop_cards_fts, 'row');",
    )?;
    let cards: i64 = c.query_row("SELECT count(*) FROM workshop_cards", [], |r| r.get(0))?;
    let mut stmt = c.prepare(
        "SELECT term, doc FROM temp.card_terms WHERE term GLOB '[a-z][a-z][a-z][a-z]*'
         ORDER BY doc DESC, term LIMIT 10",
    )?;
    let rows = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let held = rows.first().map_or(0, |(_, doc)| *doc);
    Ok((
        rows.into_iter().map(|(term, _)| term).collect(),
        held,
        cards,
    ))
}

/// The ranking queries beneath `search::search` alone: the same cap on the matches ranked and
/// the same live-row check, without snippets or the rows' titles.
pub fn bare_match(conn: &Connection, term: &str) -> Fallible {
    let query = search::to_fts_query(term)?;
    for (index, table, row, live) in [
        // Interviews are indexed by passage: a passage's row id holds its interview's.
        (
            "interview_passages",
            "interviews",
            "interview_passages.rowid >> 32",
            "x.deleted_at IS NULL",
        ),
        (
            "pain_points_fts",
            "pain_points",
            "pain_points_fts.rowid",
            "x.deleted_at IS NULL AND x.merged_into IS NULL",
        ),
        (
            "themes_fts",
            "themes",
            "themes_fts.rowid",
            "x.deleted_at IS NULL AND x.merged_into IS NULL",
        ),
        (
            "workshop_cards_fts",
            "workshop_cards",
            "workshop_cards_fts.rowid",
            "x.deleted_at IS NULL",
        ),
    ] {
        fetch(
            conn,
            &format!(
                "SELECT rowid, rank FROM {index}
                 WHERE {index} MATCH ?1
                   AND rowid >= coalesce((SELECT rowid FROM {index} WHERE {index} MATCH ?1
                                          ORDER BY rowid DESC LIMIT 1 OFFSET {skip}), -1)
                   AND EXISTS (SELECT 1 FROM {table} x WHERE x.rowid = {row} AND {live})
                 ORDER BY rank LIMIT {limit}",
                skip = search::RANKED_MAX - 1,
                limit = search::LIMIT_PER_KIND,
            ),
            [&query],
        )?;
    }
    Ok(())
}
