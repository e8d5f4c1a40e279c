//! What every measurement shares: the data sets prepared once, subject and baseline sampled in
//! pairs in Thue–Morse order, and the reads both sides run.

use chrono::Utc;
use outward_core::datasets::{self, Sizes};
use outward_core::db::Database;
use outward_core::id::Id;
use rusqlite::Connection;
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

pub type Fallible<T = ()> = Result<T, Box<dyn std::error::Error>>;

/// The database for `sizes`, generated on first use.
pub fn prepared(folder: &Path, name: &str, sizes: &Sizes) -> Fallible<PathBuf> {
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
        if p.done % 1_000 == 0 || p.done == p.total {
            let at = started.elapsed().as_secs_f64();
            eprintln!("  {} {}/{} at {at:.1} s", p.stage, p.done, p.total);
        }
    })?;
    db.write(|c| Ok(c.execute_batch("PRAGMA optimize;")?))?;
    drop(db); // closing the last connection checkpoints the WAL into the file
    std::fs::rename(&partial, &path)?;
    eprintln!(
        "  {} interviews, {} pain points, {} highlights, {} workshops with {} cards, {} tickets, \
         {} migrations with {} consumer teams, {} support weeks in {:.0} s ({} bytes)",
        summary.interviews,
        summary.pain_points,
        summary.highlights,
        summary.workshops,
        summary.workshop_cards,
        summary.tickets,
        summary.migrations,
        summary.migration_teams,
        summary.support_weeks,
        started.elapsed().as_secs_f64(),
        std::fs::metadata(&path)?.len()
    );
    Ok(path)
}

/// Times `subject` and `baseline` alternately, `n` times each, on the same inputs. Whichever
/// runs second finds the pages the first one read already cached, so the order follows the
/// Thue–Morse sequence: each goes first half the time, and an input that comes back every
/// few samples is not always measured in the same order, as it would be with `i % 2`.
pub fn paired<I>(
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
pub fn kept<T>(value: T) -> Fallible {
    std::hint::black_box(value);
    Ok(())
}

pub fn timed(f: impl FnOnce() -> Fallible) -> Fallible<Duration> {
    let start = Instant::now();
    f()?;
    Ok(start.elapsed())
}

pub struct Timings(Vec<Duration>);

impl Timings {
    pub fn new(mut samples: Vec<Duration>) -> Self {
        samples.sort();
        Timings(samples)
    }
    pub fn percentile(&self, p: f64) -> Duration {
        let index = ((self.0.len() - 1) as f64 * p).round() as usize;
        self.0[index]
    }
    pub fn p50(&self) -> Duration {
        self.percentile(0.50)
    }
    pub fn p95(&self) -> Duration {
        self.percentile(0.95)
    }
}

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

pub fn ratio(a: Duration, b: Duration) -> f64 {
    a.as_secs_f64() / b.as_secs_f64()
}

pub fn p50_p95(t: &Timings) -> String {
    format!("{:.3} / {:.3} ms", ms(t.p50()), ms(t.p95()))
}

pub fn ids(conn: &Connection, sql: &str, n: usize) -> Fallible<Vec<Id>> {
    let mut stmt = conn.prepare(sql)?;
    let all: Vec<Id> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let step = (all.len() / n).max(1);
    Ok(all.into_iter().step_by(step).take(n).collect())
}

/// Runs `f` in a read transaction of its own, as each of the app's commands does: subject and
/// baseline alike pay for taking the snapshot.
pub fn read(db: &Database, f: impl FnOnce(&Connection) -> Fallible) -> Fallible {
    db.read(|conn| Ok(f(conn)))?
}

/// Runs a hand-written query and reads every column of every row, as the baselines do.
pub fn fetch(conn: &Connection, sql: &str, params: impl rusqlite::Params) -> Fallible {
    rows(conn, sql, params).map(drop)
}

/// Reads every column of every row `sql` returns, as [`fetch`] does, and says how many rows.
pub fn rows(conn: &Connection, sql: &str, params: impl rusqlite::Params) -> Fallible<usize> {
    let mut stmt = conn.prepare_cached(sql)?;
    let columns = stmt.column_count();
    let mut rows = stmt.query(params)?;
    let mut read = 0;
    while let Some(row) = rows.next()? {
        for column in 0..columns {
            std::hint::black_box(row.get_ref(column)?);
        }
        read += 1;
    }
    Ok(read)
}

pub fn json_len(value: &impl Serialize) -> usize {
    serde_json::to_vec(value)
        .map(|v| v.len())
        .unwrap_or(usize::MAX)
}

/// The `n` quarters up to the one holding `today`, newest first.
pub fn last_quarters(today: chrono::NaiveDate, n: usize) -> Vec<outward_core::quarter::Quarter> {
    use outward_core::quarter::{FiscalYearStart, Quarter};
    let mut quarter = Quarter::containing(today, FiscalYearStart::CALENDAR);
    let mut quarters = Vec::with_capacity(n);
    for _ in 0..n {
        quarters.push(quarter);
        quarter = quarter.previous();
    }
    quarters
}
