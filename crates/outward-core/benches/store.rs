//! The store at a heavy user's size: each operation of the core next to a baseline measured in
//! the same run on the same database, and their ratio. See BENCHMARKS.md.
//!
//! Subject and baseline are sampled alternately (and in alternating order), so a noisy machine
//! slows both alike and the ratio stays meaningful. Run with `scripts/bench`, or
//! `cargo bench -p outward-core --features datasets --bench store [-- --stress]`.
//!
//! The `heavy` database is generated once into `target/bench/` and reused while the
//! generator is unchanged (its file name carries a digest of the generator's output).
#![allow(
    clippy::disallowed_methods,
    reason = "a benchmark is a program over the core, like the CLI: it reads the wall clock and passes it in"
)]

use chrono::{NaiveDate, Utc};
use outward_core::datasets::{self, Sizes};
use outward_core::db::Database;
use outward_core::id::Id;
use outward_core::interviews::{self, InterviewFilter, import};
use outward_core::page::PageRequest;
use outward_core::pain_points::{self, PainPointFilter, Status};
use outward_core::search;
use rusqlite::Connection;
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

type Fallible<T = ()> = Result<T, Box<dyn std::error::Error>>;

fn main() -> Fallible {
    let stress = std::env::args().any(|a| a == "--stress");
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/bench");
    std::fs::create_dir_all(&folder)?;
    let heavy = prepared(&folder, "heavy", &Sizes::HEAVY)?;
    let db = Database::open(&heavy, Utc::now())?;
    let today = datasets::last_day();
    let mut report = Report::default();

    reads(&db, today, &mut report)?;
    let terms = db.read(|c| Ok(Terms::pick(c)))??;
    let heavy_search = searches(&db, &terms, "heavy", &mut report)?;
    reply_sizes(&db, today, &terms, &mut report)?;
    drop(db);
    worst_case_replies(&heavy, &folder, today, &mut report)?;
    note_saves(&heavy, &folder, &mut report)?;
    imports(&folder, &mut report)?;

    if stress {
        let path = prepared(&folder, "stress", &Sizes::STRESS)?;
        let db = Database::open(&path, Utc::now())?;
        let stress_search = searches(&db, &terms, "stress", &mut report)?;
        for (kind, heavy_p95) in heavy_search {
            let stress_p95 = stress_search[&kind];
            let r = ratio(stress_p95, heavy_p95);
            report.add(Row {
                operation: format!("search p95, stress ÷ heavy, {kind} terms"),
                subject: format!("{:.2} ms", ms(stress_p95)),
                baseline: format!("{:.2} ms", ms(heavy_p95)),
                ratio: r,
                goal: if kind == "selective" { "≤ 3" } else { "—" }.into(),
                met: (kind == "selective").then_some(r <= 3.0),
                budget: None,
            });
        }
    }
    report.print();
    std::fs::write(
        folder.join("store.json"),
        serde_json::to_string_pretty(&report.rows)?,
    )?;
    Ok(())
}

/// The database for `sizes`, generated on first use.
fn prepared(folder: &Path, name: &str, sizes: &Sizes) -> Fallible<PathBuf> {
    let tiny = Database::open_in_memory()?;
    datasets::generate(&tiny, &Sizes::TINY, |_| {})?;
    // The output of a small run stands for the generator's code, and the sizes for the rest.
    let fingerprint = format!("{sizes:?}\n{}", tiny.read(datasets::dump)?);
    let digest = format!("{:x}", Sha256::digest(fingerprint));
    let path = folder.join(format!("{name}-{}.db", &digest[..12]));
    if path.exists() {
        return Ok(path);
    }
    let partial = path.with_extension("partial");
    let _ = std::fs::remove_file(&partial);
    eprintln!("Generating the {name} data set into {} …", path.display());
    let started = Instant::now();
    let db = Database::open(&partial, Utc::now())?;
    let summary = datasets::generate(&db, sizes, |p| {
        if p.done % 1_000 == 0 {
            eprintln!("  {} {}/{}", p.stage, p.done, p.total);
        }
    })?;
    db.read(|c| Ok(c.execute_batch("PRAGMA optimize;")?))?;
    drop(db); // closing the last connection checkpoints the WAL into the file
    std::fs::rename(&partial, &path)?;
    eprintln!(
        "  {} interviews, {} pain points, {} highlights in {:.0} s",
        summary.interviews,
        summary.pain_points,
        summary.highlights,
        started.elapsed().as_secs_f64()
    );
    Ok(path)
}

// ---------------------------------------------------------------------------------------------
// Measuring

/// Times `subject` and `baseline` alternately, `n` times each, on the same inputs. Whichever
/// runs second finds the pages the first one read already cached, so the order follows the
/// Thue–Morse sequence: each goes first half the time, and an input that comes back every
/// few samples is not always measured in the same order, as it would be with `i % 2`.
fn paired<I>(
    n: usize,
    mut input: impl FnMut(usize) -> I,
    mut subject: impl FnMut(&I) -> Fallible,
    mut baseline: impl FnMut(&I) -> Fallible,
) -> Fallible<(Timings, Timings)> {
    let (mut s, mut b) = (Vec::with_capacity(n), Vec::with_capacity(n));
    for i in 0..n {
        let item = input(i);
        if i.count_ones() % 2 == 0 {
            s.push(timed(|| subject(&item))?);
            b.push(timed(|| baseline(&item))?);
        } else {
            b.push(timed(|| baseline(&item))?);
            s.push(timed(|| subject(&item))?);
        }
    }
    Ok((Timings::new(s), Timings::new(b)))
}

/// Keeps a result from being optimised away.
fn kept<T>(value: T) -> Fallible {
    std::hint::black_box(value);
    Ok(())
}

fn timed(f: impl FnOnce() -> Fallible) -> Fallible<Duration> {
    let start = Instant::now();
    f()?;
    Ok(start.elapsed())
}

struct Timings(Vec<Duration>);

impl Timings {
    fn new(mut samples: Vec<Duration>) -> Self {
        samples.sort();
        Timings(samples)
    }
    fn percentile(&self, p: f64) -> Duration {
        let index = ((self.0.len() - 1) as f64 * p).round() as usize;
        self.0[index]
    }
    fn p50(&self) -> Duration {
        self.percentile(0.50)
    }
    fn p95(&self) -> Duration {
        self.percentile(0.95)
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn ratio(a: Duration, b: Duration) -> f64 {
    a.as_secs_f64() / b.as_secs_f64()
}

fn p50_p95(t: &Timings) -> String {
    format!("{:.3} / {:.3} ms", ms(t.p50()), ms(t.p95()))
}

#[derive(Serialize)]
struct Row {
    operation: String,
    subject: String,
    baseline: String,
    ratio: f64,
    goal: String,
    met: Option<bool>,
    /// The subject's p95 against [`OPERATION_BUDGET_MS`], for reads and writes whose ratio
    /// alone could hide a slow query (the baseline may share it).
    budget: Option<Budget>,
}

/// "Ordinary reads and writes take a few milliseconds in Rust at heavy size" (DESIGN.md §7),
/// stated as a number so a figure can be said to meet it or not.
const OPERATION_BUDGET_MS: f64 = 5.0;

#[derive(Serialize)]
struct Budget {
    p95_ms: f64,
    budget_ms: f64,
    met: bool,
}

impl Budget {
    fn of(t: &Timings) -> Budget {
        let p95_ms = ms(t.p95());
        Budget {
            p95_ms,
            budget_ms: OPERATION_BUDGET_MS,
            met: p95_ms <= OPERATION_BUDGET_MS,
        }
    }
}

fn yes_no(met: Option<bool>) -> &'static str {
    match met {
        Some(true) => "yes",
        Some(false) => "**no**",
        None => "—",
    }
}

#[derive(Default)]
struct Report {
    rows: Vec<Row>,
}

impl Report {
    fn add(&mut self, row: Row) {
        let budget = match &row.budget {
            Some(b) => format!(
                "; p95 {:.3} ms against {} ms: {}",
                b.p95_ms,
                b.budget_ms,
                yes_no(Some(b.met))
            ),
            None => String::new(),
        };
        eprintln!(
            "  {}: {} vs {} → {:.2}{budget}",
            row.operation, row.subject, row.baseline, row.ratio
        );
        self.rows.push(row);
    }

    /// A row whose goal is a ratio of medians no greater than `most`, with the subject's p95
    /// against the budget of an ordinary read or write.
    fn compared(&mut self, operation: &str, (s, b): (Timings, Timings), most: f64) {
        let r = ratio(s.p50(), b.p50());
        self.add(Row {
            operation: operation.into(),
            subject: p50_p95(&s),
            baseline: p50_p95(&b),
            ratio: r,
            goal: format!("≤ {most}"),
            met: Some(r <= most),
            budget: Some(Budget::of(&s)),
        });
    }

    fn print(&self) {
        println!();
        println!(
            "| Operation | Outward (p50 / p95) | Baseline (p50 / p95) | Ratio | Goal | Met \
             | Outward p95 | Budget | Met |"
        );
        println!("|---|---|---|---|---|---|---|---|---|");
        for r in &self.rows {
            let budget = match &r.budget {
                Some(b) => format!(
                    "{:.3} ms | p95 ≤ {} ms | {}",
                    b.p95_ms,
                    b.budget_ms,
                    yes_no(Some(b.met))
                ),
                None => "— | — | —".into(),
            };
            println!(
                "| {} | {} | {} | {:.2} | {} | {} | {budget} |",
                r.operation,
                r.subject,
                r.baseline,
                r.ratio,
                r.goal,
                yes_no(r.met)
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Reads: one record by id, one page of a filtered, sorted list

fn ids(conn: &Connection, sql: &str, n: usize) -> Fallible<Vec<Id>> {
    let mut stmt = conn.prepare(sql)?;
    let all: Vec<Id> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let step = (all.len() / n).max(1);
    Ok(all.into_iter().step_by(step).take(n).collect())
}

/// Runs `f` in a read transaction of its own, as each of the app's commands does: subject and
/// baseline alike pay for taking the snapshot.
fn read(db: &Database, f: impl FnOnce(&Connection) -> Fallible) -> Fallible {
    db.read(|conn| Ok(f(conn)))?
}

fn reads(db: &Database, today: NaiveDate, report: &mut Report) -> Fallible {
    // Records a person can open: not in the Trash, not merged into another. The trashed and
    // merged rows stay in the tables, where every list, page and search must skip them.
    let pains = db.read(|c| {
        Ok(ids(
            c,
            "SELECT id FROM pain_points WHERE deleted_at IS NULL AND merged_into IS NULL
             ORDER BY rowid",
            2_000,
        ))
    })??;
    let timings = paired(
        pains.len(),
        |i| pains[i],
        |id| read(db, |c| kept(pain_points::get(c, *id, today)?)),
        |id| read(db, |c| pain_point_by_hand(c, *id)),
    )?;
    report.compared("get a pain point by id", timings, 1.3);

    let talks = db.read(|c| {
        Ok(ids(
            c,
            "SELECT id FROM interviews WHERE deleted_at IS NULL ORDER BY rowid",
            2_000,
        ))
    })??;
    let timings = paired(
        talks.len(),
        |i| talks[i],
        |id| read(db, |c| kept(interviews::get(c, *id)?)),
        |id| read(db, |c| interview_by_hand(c, *id)),
    )?;
    report.compared("get an interview by id", timings, 1.3);

    let statuses = [Status::Accepted, Status::New, Status::Planned];
    let timings = paired(
        600,
        |i| (statuses[i % 3], (i / 3 % 20) as u32 * 50),
        |(status, offset)| {
            let filter = PainPointFilter {
                status: Some(*status),
                ..Default::default()
            };
            let page = PageRequest {
                offset: *offset,
                limit: 50,
            };
            read(db, |c| kept(pain_points::list(c, &filter, page, today)?))
        },
        |(status, offset)| {
            read(db, |c| {
                pain_point_page_by_hand(c, "p.status = ?1", [status], *offset)
            })
        },
    )?;
    report.compared(
        "a page of 50 pain points by status, heaviest first",
        timings,
        1.3,
    );

    let customers = db.read(|c| {
        Ok(ids(
            c,
            "SELECT id FROM customers WHERE deleted_at IS NULL ORDER BY rowid",
            50,
        ))
    })??;
    let timings = paired(
        300,
        |i| customers[i % customers.len()],
        |customer| {
            let filter = PainPointFilter {
                customer_id: Some(*customer),
                ..Default::default()
            };
            read(db, |c| {
                kept(pain_points::list(
                    c,
                    &filter,
                    PageRequest::default(),
                    today,
                )?)
            })
        },
        |customer| {
            let reached = "p.id IN (
                SELECT pain_point_id FROM pain_point_customers WHERE customer_id = ?1
                UNION SELECT h.pain_point_id FROM interviews i
                JOIN highlights h ON h.interview_id = i.id
                WHERE i.customer_id = ?1 AND i.deleted_at IS NULL)";
            read(db, |c| pain_point_page_by_hand(c, reached, [customer], 0))
        },
    )?;
    report.compared(
        "a page of 50 pain points of one customer, heaviest first",
        timings,
        1.3,
    );

    let timings = paired(
        600,
        |i| customers[i % customers.len()],
        |customer| {
            let filter = InterviewFilter {
                customer_id: Some(*customer),
                ..Default::default()
            };
            read(db, |c| {
                kept(interviews::list(c, &filter, PageRequest::default())?)
            })
        },
        |customer| read(db, |c| interview_page_by_hand(c, *customer)),
    )?;
    report.compared(
        "a page of 50 interviews of one customer, newest first",
        timings,
        1.3,
    );
    Ok(())
}

/// Runs a hand-written query and reads every column of every row, as the baselines do.
fn fetch(conn: &Connection, sql: &str, params: impl rusqlite::Params) -> Fallible {
    let mut stmt = conn.prepare_cached(sql)?;
    let columns = stmt.column_count();
    let mut rows = stmt.query(params)?;
    while let Some(row) = rows.next()? {
        for column in 0..columns {
            std::hint::black_box(row.get_ref(column)?);
        }
    }
    Ok(())
}

/// The same rows `pain_points::get` returns, with as few hand-written queries as it takes.
fn pain_point_by_hand(conn: &Connection, id: Id) -> Fallible {
    fetch(
        conn,
        "SELECT id, title, description, severity, frequency, status, weight, created_at,
                updated_at FROM pain_points
         WHERE id = ?1 AND deleted_at IS NULL AND merged_into IS NULL",
        [id],
    )?;
    fetch(
        conn,
        "SELECT 'product', x.product_id, t.name FROM pain_point_products x
            JOIN products t ON t.id = x.product_id
            WHERE x.pain_point_id = ?1 AND t.deleted_at IS NULL
         UNION ALL SELECT 'customer', x.customer_id, t.name FROM pain_point_customers x
            JOIN customers t ON t.id = x.customer_id
            WHERE x.pain_point_id = ?1 AND t.deleted_at IS NULL
         UNION ALL SELECT 'theme', t.id, t.name FROM pain_point_themes x
            JOIN themes t ON t.id = x.theme_id WHERE x.pain_point_id = ?1
         UNION ALL SELECT 'merged', id, title FROM pain_points WHERE merged_into = ?1
         UNION ALL SELECT 'status', to_status, changed_at FROM pain_point_status_changes
            WHERE pain_point_id = ?1
         ORDER BY 1, 3 COLLATE NOCASE",
        [id],
    )?;
    fetch(
        conn,
        "SELECT h.id, i.id, c.id, c.name, i.held_on, h.quote, h.start_offset, h.end_offset,
                h.detached
         FROM highlights h JOIN interviews i ON i.id = h.interview_id AND i.deleted_at IS NULL
         JOIN customers c ON c.id = i.customer_id WHERE h.pain_point_id = ?1
         ORDER BY i.held_on DESC, h.start_offset",
        [id],
    )?;
    fetch(
        conn,
        "SELECT count(*) FROM customers c WHERE c.deleted_at IS NULL AND c.id IN (
           SELECT customer_id FROM pain_point_customers WHERE pain_point_id = ?1
           UNION
           SELECT i.customer_id FROM highlights h JOIN interviews i ON i.id = h.interview_id
           WHERE h.pain_point_id = ?1 AND i.deleted_at IS NULL)",
        [id],
    )
}

/// The same rows `interviews::get` returns, by hand.
fn interview_by_hand(conn: &Connection, id: Id) -> Fallible {
    fetch(
        conn,
        "SELECT id, customer_id, held_on, kind, interviewees, duration_minutes, notes,
                created_at, updated_at
         FROM interviews WHERE id = ?1 AND deleted_at IS NULL",
        [id],
    )?;
    fetch(
        conn,
        "SELECT person_id, NULL FROM interview_interviewers WHERE interview_id = ?1
         UNION ALL SELECT t.id, t.name FROM interview_themes x JOIN themes t
            ON t.id = x.theme_id WHERE x.interview_id = ?1
         ORDER BY 2 COLLATE NOCASE",
        [id],
    )?;
    fetch(
        conn,
        "SELECT id, pain_point_id, start_offset, end_offset, quote, detached
         FROM highlights WHERE interview_id = ?1 ORDER BY start_offset, id",
        [id],
    )
}

/// What a page of pain points shows, for the pain points `matching` selects (`?1` is bound).
fn pain_point_page_by_hand(
    conn: &Connection,
    matching: &str,
    params: impl rusqlite::Params + Copy,
    offset: u32,
) -> Fallible {
    fetch(
        conn,
        &format!(
            "SELECT count(*) FROM pain_points p
             WHERE p.deleted_at IS NULL AND p.merged_into IS NULL AND {matching}"
        ),
        params,
    )?;
    fetch(
        conn,
        &format!(
            "WITH page AS (
               SELECT p.id FROM pain_points p
               WHERE p.deleted_at IS NULL AND p.merged_into IS NULL AND {matching}
               ORDER BY p.weight DESC, p.id LIMIT 50 OFFSET {offset})
             SELECT p.id, p.title, p.severity, p.frequency, p.status, p.weight,
                    (SELECT count(*) FROM highlights h WHERE h.pain_point_id = p.id),
                    (SELECT group_concat(t.id || ' ' || t.name, ';') FROM pain_point_themes x
                     JOIN themes t ON t.id = x.theme_id WHERE x.pain_point_id = p.id)
             FROM page JOIN pain_points p ON p.id = page.id
             ORDER BY p.weight DESC, p.id"
        ),
        params,
    )
}

fn interview_page_by_hand(conn: &Connection, customer: Id) -> Fallible {
    fetch(
        conn,
        "SELECT count(*) FROM interviews WHERE customer_id = ?1 AND deleted_at IS NULL",
        [customer],
    )?;
    fetch(
        conn,
        "SELECT i.id, i.customer_id, c.name, i.held_on, i.kind, i.interviewees,
                substr(i.notes, 1, 240),
                (SELECT count(*) FROM highlights h WHERE h.interview_id = i.id),
                (SELECT group_concat(t.id || ' ' || t.name, ';') FROM interview_themes x
                 JOIN themes t ON t.id = x.theme_id WHERE x.interview_id = i.id)
         FROM interviews i JOIN customers c ON c.id = i.customer_id
         WHERE i.customer_id = ?1 AND i.deleted_at IS NULL
         ORDER BY i.held_on DESC, i.id DESC LIMIT 50",
        [customer],
    )
}

// ---------------------------------------------------------------------------------------------
// Search

/// Search terms by how many interviews hold them: a few, some, all. Each kind takes the ten
/// terms whose share of the interviews is nearest the kind's target; the shares the vocabulary
/// actually offers are printed with the figures (the nearest to 0.2 % is about 0.7 % on
/// `heavy`).
struct Terms {
    kinds: Vec<(&'static str, Vec<String>)>,
}

impl Terms {
    fn pick(conn: &Connection) -> Fallible<Terms> {
        vocabulary(conn)?;
        let documents = interviews_indexed(conn)? as f64;
        let mut kinds = Vec::new();
        for (kind, share) in [("selective", 0.002), ("medium", 0.05), ("common", 1.0)] {
            let terms = conn
                .prepare(
                    "SELECT term FROM temp.interview_terms
                     WHERE term GLOB '[a-z][a-z][a-z]*' ORDER BY abs(doc - ?1), term LIMIT 10",
                )?
                .query_map([documents * share], |r| r.get(0))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            kinds.push((kind, terms));
        }
        Ok(Terms { kinds })
    }
}

/// The interview index's vocabulary, as `temp.interview_terms` (term, doc: how many
/// interviews hold it), on this connection.
fn vocabulary(conn: &Connection) -> Fallible {
    conn.execute_batch(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.interview_terms
            USING fts5vocab(main, interviews_fts, 'row');",
    )?;
    Ok(())
}

/// Every interview in the full-text index, those in the Trash included (search skips them
/// after matching).
fn interviews_indexed(conn: &Connection) -> Fallible<i64> {
    Ok(conn.query_row("SELECT count(*) FROM interviews", [], |r| r.get(0))?)
}

/// "“term”, in 40, 41, 39 of 6000 interviews (0.67 %)": how many interviews of the database
/// searched hold the first three `terms`.
fn term_label(conn: &Connection, terms: &[String]) -> Fallible<String> {
    vocabulary(conn)?;
    let documents = interviews_indexed(conn)?;
    let mut counts = Vec::new();
    for term in terms.iter().take(3) {
        let n: i64 = conn
            .query_row(
                "SELECT doc FROM temp.interview_terms WHERE term = ?1",
                [term],
                |r| r.get(0),
            )
            .or_else(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => Ok(0),
                other => Err(other),
            })?;
        counts.push(n);
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
fn searches(
    db: &Database,
    terms: &Terms,
    label: &str,
    report: &mut Report,
) -> Fallible<std::collections::BTreeMap<&'static str, Duration>> {
    let mut p95s = std::collections::BTreeMap::new();
    for (kind, words) in &terms.kinds {
        let (s, b) = paired(
            200,
            |i| words[i % words.len()].clone(),
            |term| read(db, |c| kept(search::search(c, term)?)),
            |term| read(db, |c| bare_match(c, term)),
        )?;
        // Counted in the database searched: the same terms are in ten times as many
        // interviews in `stress`.
        let held = db.read(|c| Ok(term_label(c, words)))??;
        let goal = if *kind == "common" { 100.0 } else { 20.0 };
        p95s.insert(*kind, s.p95());
        report.add(Row {
            operation: format!("search ({label}), {kind} terms ({held})"),
            subject: p50_p95(&s),
            baseline: p50_p95(&b),
            ratio: ratio(s.p50(), b.p50()),
            goal: format!("p95 ≤ {goal} ms"),
            met: Some(ms(s.p95()) <= goal),
            budget: None,
        });
    }
    Ok(p95s)
}

/// The ranking queries beneath `search::search` alone: the same cap on the matches ranked and
/// the same live-row check, without snippets or the rows' titles.
fn bare_match(conn: &Connection, term: &str) -> Fallible {
    let query = search::to_fts_query(term)?;
    for (table, live) in [
        ("interviews", "x.deleted_at IS NULL"),
        (
            "pain_points",
            "x.deleted_at IS NULL AND x.merged_into IS NULL",
        ),
        ("themes", "x.deleted_at IS NULL AND x.merged_into IS NULL"),
    ] {
        fetch(
            conn,
            &format!(
                "SELECT rowid, rank FROM {table}_fts
                 WHERE {table}_fts MATCH ?1
                   AND rowid >= coalesce((SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH ?1
                                          ORDER BY rowid DESC LIMIT 1 OFFSET {skip}), -1)
                   AND EXISTS (SELECT 1 FROM {table} x WHERE x.rowid = {table}_fts.rowid AND {live})
                 ORDER BY rank LIMIT {limit}",
                skip = search::RANKED_MAX - 1,
                limit = search::LIMIT_PER_KIND,
            ),
            [&query],
        )?;
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Writes

/// Saving edited notes (index kept in step by triggers, highlights re-anchored) against the
/// same update of a table with the same rows and no index.
fn note_saves(heavy: &Path, folder: &Path, report: &mut Report) -> Fallible {
    // On a copy: the saves churn the index, and later runs must measure the same file.
    let work = tempfile::tempdir_in(folder)?;
    let copy = work.path().join("notes.db");
    std::fs::copy(heavy, &copy)?;
    let db = &Database::open(&copy, Utc::now())?;
    let chosen: Vec<(Id, String)> = db.read(|conn| {
        let mut stmt = conn.prepare(
            "SELECT id, notes FROM interviews
             WHERE deleted_at IS NULL AND id IN (SELECT interview_id FROM highlights)
             ORDER BY rowid LIMIT 100",
        )?;
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    })?;
    db.write(|tx| {
        tx.execute_batch(
            "DROP TABLE IF EXISTS bench_plain_notes;
             CREATE TABLE bench_plain_notes (id TEXT PRIMARY KEY, notes TEXT, updated_at TEXT);
             INSERT INTO bench_plain_notes SELECT id, notes, updated_at FROM interviews
             WHERE deleted_at IS NULL AND id IN (SELECT interview_id FROM highlights)
             ORDER BY rowid LIMIT 100;",
        )?;
        Ok(())
    })?;
    let edited = |i: usize| {
        let (id, notes) = &chosen[i % chosen.len()];
        // Every other save adds a sentence at the end; the next takes it away again.
        let text = if (i / chosen.len()).is_multiple_of(2) {
            format!("{notes}\n\nAdded after the call: they will send the runbook.\n")
        } else {
            notes.clone()
        };
        (*id, text)
    };
    let timings = paired(
        400,
        edited,
        |(id, notes)| Ok(db.write(|tx| interviews::save_notes(tx, *id, notes, Utc::now()))?),
        |(id, notes)| {
            Ok(db.write(|tx| {
                tx.prepare_cached(
                    "UPDATE bench_plain_notes SET notes = ?2, updated_at = ?3 WHERE id = ?1",
                )?
                .execute((id, notes, Utc::now()))?;
                Ok(())
            })?)
        },
    )?;
    report.compared(
        "save edited notes, index in step and highlights re-anchored",
        timings,
        3.0,
    );
    Ok(())
}

/// Importing 1,000 Markdown interviews (read, parse, plan, write) against raw batched inserts
/// of the same rows, each into a fresh copy of the same small workspace. The baseline does the
/// same work the import must: each file's tags found or created as themes and linked, and the
/// planner's statistics refreshed as often, so the ratio is the price of the import's code,
/// not of work the baseline skips.
fn imports(folder: &Path, report: &mut Report) -> Fallible {
    let work = tempfile::tempdir_in(folder)?;
    let base = work.path().join("base.db");
    let customers: Vec<String> = {
        let db = Database::open(&base, Utc::now())?;
        datasets::generate(&db, &Sizes::TINY, |_| {})?;
        db.read(|c| {
            let mut stmt =
                c.prepare("SELECT name FROM customers WHERE deleted_at IS NULL ORDER BY rowid")?;
            let names = stmt
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            Ok(names)
        })?
    };
    let files = work.path().join("files");
    std::fs::create_dir(&files)?;
    datasets::markdown_interviews(&files, 1_000, 1_000, &customers)?;
    let parsed = import::read_folder(&files)?;
    let fresh = |i: usize| -> Fallible<PathBuf> {
        let copy = work.path().join(format!("copy-{i}.db"));
        std::fs::copy(&base, &copy)?;
        Ok(copy)
    };
    let (s, b) = paired(
        6,
        |i| fresh(i).expect("a copy of the base database"),
        |path| {
            let db = Database::open(path, Utc::now())?;
            let plan = db.read(|c| import::plan(c, import::read_folder(&files)?))?;
            db.write(|tx| import::apply(tx, &plan, Utc::now()))?;
            Ok(())
        },
        |path| {
            let db = Database::open(path, Utc::now())?;
            db.write(|tx| {
                let customer_id = |name: &str| -> rusqlite::Result<Id> {
                    tx.prepare_cached(
                        "SELECT id FROM customers WHERE name = ?1 AND deleted_at IS NULL",
                    )?
                    .query_row([name], |r| r.get(0))
                };
                let now = Utc::now();
                for (n, file) in parsed.iter().enumerate() {
                    if n % STATISTICS_EVERY == 0 {
                        outward_core::db::refresh_statistics(tx);
                    }
                    let interview = Id::at(now);
                    tx.prepare_cached(
                        "INSERT INTO interviews (id, customer_id, held_on, kind, interviewees,
                            duration_minutes, notes, created_at, updated_at)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
                    )?
                    .execute((
                        interview,
                        customer_id(&file.customer)?,
                        file.held_on,
                        file.kind,
                        &file.interviewees,
                        file.duration_minutes,
                        &file.notes,
                        now,
                    ))?;
                    for tag in &file.tags {
                        let theme = theme_by_hand(tx, tag, now)?;
                        tx.prepare_cached(
                            "INSERT OR IGNORE INTO interview_themes (interview_id, theme_id)
                             VALUES (?1, ?2)",
                        )?
                        .execute((interview, theme))?;
                    }
                }
                Ok(())
            })?;
            Ok(())
        },
    )?;
    let speed = |t: &Timings| 1_000.0 / t.p50().as_secs_f64();
    let tagged: usize = parsed.iter().map(|f| f.tags.len()).sum();
    eprintln!("  (the 1,000 files carry {tagged} tags)");
    let relative = speed(&s) / speed(&b);
    report.add(Row {
        operation: "import 1,000 Markdown interviews (median of 6)".into(),
        subject: format!("{:.0} interviews/s", speed(&s)),
        baseline: format!("{:.0} interviews/s (raw inserts)", speed(&b)),
        ratio: relative,
        goal: "≥ 0.5× raw speed".into(),
        met: Some(relative >= 0.5),
        budget: None,
    });
    Ok(())
}

/// How often the import refreshes the planner's statistics (every this many interviews), which
/// the baseline does as often.
const STATISTICS_EVERY: usize = 100;

/// The live theme named `name`, created if there is none: what the import does with a tag.
fn theme_by_hand(
    tx: &rusqlite::Transaction<'_>,
    name: &str,
    now: chrono::DateTime<Utc>,
) -> rusqlite::Result<Id> {
    let found = tx
        .prepare_cached(
            "SELECT id FROM themes WHERE name = ?1 COLLATE NOCASE
               AND deleted_at IS NULL AND merged_into IS NULL",
        )?
        .query_row([name], |r| r.get(0));
    match found {
        Err(rusqlite::Error::QueryReturnedNoRows) => {
            let id = Id::at(now);
            tx.prepare_cached(
                "INSERT INTO themes (id, name, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)",
            )?
            .execute((id, name, now))?;
            Ok(id)
        }
        other => other,
    }
}

// ---------------------------------------------------------------------------------------------
// Reply sizes

/// The largest JSON replies the app sends at this size, against the 256 KB cap on a reply.
fn reply_sizes(db: &Database, today: NaiveDate, terms: &Terms, report: &mut Report) -> Fallible {
    let largest = db.read(|conn| {
        let longest: Id = conn.query_row(
            "SELECT id FROM interviews WHERE deleted_at IS NULL
             ORDER BY length(notes) DESC LIMIT 1",
            [],
            |r| r.get(0),
        )?;
        let most_evidence = most_evidence(conn)?;
        let widest = PageRequest {
            offset: 0,
            limit: outward_core::page::LIMIT_MAX,
        };
        let common = &terms.kinds[2].1[0];
        let sizes = [
            (
                "the longest interview",
                json_len(&interviews::get(conn, longest)?),
            ),
            (
                "the pain point with most evidence",
                json_len(&pain_points::get(conn, most_evidence, today)?),
            ),
            (
                "the widest page of pain points",
                json_len(&pain_points::list(
                    conn,
                    &PainPointFilter::default(),
                    widest,
                    today,
                )?),
            ),
            (
                "the widest page of interviews",
                json_len(&interviews::list(
                    conn,
                    &InterviewFilter::default(),
                    widest,
                )?),
            ),
            (
                "search for a common term",
                json_len(&search::search(conn, common)?),
            ),
        ];
        Ok(sizes
            .into_iter()
            .max_by_key(|(_, n)| *n)
            .expect("some replies"))
    })?;
    let (what, bytes) = largest;
    report.reply(&format!("largest IPC reply at heavy size ({what})"), bytes);
    Ok(())
}

/// The live pain point with the most evidence.
fn most_evidence(conn: &Connection) -> outward_core::error::Result<Id> {
    Ok(conn.query_row(
        "SELECT h.pain_point_id FROM highlights h
         JOIN pain_points p ON p.id = h.pain_point_id
         WHERE p.deleted_at IS NULL AND p.merged_into IS NULL
         GROUP BY 1 ORDER BY count(*) DESC LIMIT 1",
        [],
        |r| r.get(0),
    )?)
}

/// The IPC cap: no single reply carries more than this many bytes of JSON (DESIGN.md §7).
const REPLY_CAP: usize = 256 * 1024;

impl Report {
    /// A row for a reply of `bytes`, against the cap.
    fn reply(&mut self, operation: &str, bytes: usize) {
        self.add(Row {
            operation: operation.into(),
            subject: format!("{:.1} KB", bytes as f64 / 1024.0),
            baseline: "256 KB cap".into(),
            ratio: bytes as f64 / REPLY_CAP as f64,
            goal: "≤ 1".into(),
            met: Some(bytes <= REPLY_CAP),
            budget: None,
        });
    }
}

/// Replies at the limits a user can reach whatever the data set: the longest notes one
/// interview may hold, a pain point merged from many until it holds hundreds of quotes, and
/// the preview of the largest folder an import takes. Built on a copy of `heavy`, which later
/// runs must find unchanged.
fn worst_case_replies(
    heavy: &Path,
    folder: &Path,
    today: NaiveDate,
    report: &mut Report,
) -> Fallible {
    let work = tempfile::tempdir_in(folder)?;
    let copy = work.path().join("worst.db");
    std::fs::copy(heavy, &copy)?;
    let db = Database::open(&copy, Utc::now())?;

    let (id, bytes) = longest_notes_allowed(&db)?;
    let reply = db.read(|c| interviews::get(c, id))?;
    report.reply(
        &format!(
            "IPC reply: an interview with the longest notes allowed ({} KB of notes, {} highlights)",
            bytes / 1024,
            reply.highlights.len()
        ),
        json_len(&reply),
    );

    let (id, merged) = merged_until(&db, QUOTES_MERGED)?;
    let reply = db.read(|c| pain_points::get(c, id, today))?;
    report.reply(
        &format!(
            "IPC reply: a pain point with {} quotes (the first page of them), {merged} pain points merged into it",
            reply.evidence.total
        ),
        json_len(&reply),
    );

    let (files, bytes) = largest_import_preview(&db, work.path())?;
    report.reply(
        &format!("IPC reply: the import preview of the largest folder ({files} files)"),
        bytes,
    );
    Ok(())
}

/// Quotes gathered on one pain point by merging others into it.
const QUOTES_MERGED: usize = 600;

/// Fills the notes of the longest live interview up to exactly `NOTES_MAX_BYTES`, by repeating
/// its own text, and saves them as the editor does. Returns the interview and the size.
fn longest_notes_allowed(db: &Database) -> Fallible<(Id, usize)> {
    let (id, notes): (Id, String) = db.read(|c| {
        Ok(c.query_row(
            "SELECT id, notes FROM interviews WHERE deleted_at IS NULL
             ORDER BY length(notes) DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?)
    })?;
    let mut longest = notes.clone();
    while longest.len() < interviews::NOTES_MAX_BYTES {
        longest.push_str("\n\n");
        longest.push_str(&notes);
    }
    // The bound counts the notes as they travel in JSON, escapes included.
    while interviews::notes_size(&longest) > interviews::NOTES_MAX_BYTES {
        let mut end =
            longest.len() - (interviews::notes_size(&longest) - interviews::NOTES_MAX_BYTES);
        while !longest.is_char_boundary(end) {
            end -= 1;
        }
        longest.truncate(end);
    }
    db.write(|tx| interviews::save_notes(tx, id, &longest, Utc::now()))?;
    Ok((id, longest.len()))
}

/// Merges live pain points, in the order they were filed, into the one with the most evidence
/// until it shows at least `quotes` quotes. Returns it and how many were merged into it.
fn merged_until(db: &Database, quotes: usize) -> Fallible<(Id, usize)> {
    let today = datasets::last_day();
    let kept = db.read(most_evidence)?;
    let merged = db.write(|tx| {
        let others: Vec<Id> = tx
            .prepare(
                "SELECT id FROM pain_points
                 WHERE deleted_at IS NULL AND merged_into IS NULL AND id <> ?1 ORDER BY rowid",
            )?
            .query_map([kept], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut merged = 0;
        for source in others {
            if pain_points::get(tx, kept, today)?.evidence.total as usize >= quotes {
                break;
            }
            pain_points::merge(tx, source, kept, Utc::now())?;
            merged += 1;
        }
        Ok(merged)
    })?;
    Ok((kept, merged))
}

/// The JSON size of the import preview of the largest folder an import accepts
/// (`import::FILES_MAX` files). Returns the number of files and the size.
///
/// The preview names the first files only and carries no notes, so its size depends on the
/// number of files and the length of their names, not on the notes.
fn largest_import_preview(db: &Database, work: &Path) -> Fallible<(usize, usize)> {
    let files = work.join("largest-import");
    std::fs::create_dir(&files)?;
    let customers: Vec<String> = db.read(|c| {
        let mut stmt =
            c.prepare("SELECT name FROM customers WHERE deleted_at IS NULL ORDER BY rowid")?;
        let names = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(names)
    })?;
    let count = import::FILES_MAX;
    datasets::markdown_interviews(&files, count as u32, 20, &customers)?;
    let preview = db.read(|c| import::PendingImports::default().preview(c, &files))?;
    Ok((count, json_len(&preview)))
}

fn json_len(value: &impl Serialize) -> usize {
    serde_json::to_vec(value)
        .map(|v| v.len())
        .unwrap_or(usize::MAX)
}
