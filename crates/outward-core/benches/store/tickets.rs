//! Tickets at heavy size (500,000 over twenty quarters): a quarter's black-hole meter against a
//! hand-written read of the same quarter's response times from the same index, and against the
//! 200 ms budget; and importing a 100,000-row ticket CSV against raw batched inserts.

use crate::harness::{Fallible, kept, ms, paired, ratio};
use crate::report::{Report, Row};
use chrono::{Duration, TimeZone, Utc};
use outward_core::datasets;
use outward_core::db::Database;
use outward_core::id::Id;
use outward_core::quarter::{FiscalYearStart, Quarter};
use outward_core::tickets::import;
use outward_core::tickets::report;
use rusqlite::Connection;
use std::path::Path;

const BUDGET_MS: f64 = 200.0;

/// The response times of the tickets opened in `quarter`, sorted, from the covering index: the
/// meter's baseline.
pub fn response_times_by_hand(c: &Connection, quarter: Quarter) -> Fallible {
    let mut stmt = c.prepare_cached(
        "SELECT response_seconds FROM tickets INDEXED BY tickets_by_opened
         WHERE opened_at >= ?1 AND opened_at < ?2 AND deleted_at IS NULL
         ORDER BY response_seconds",
    )?;
    let rows: Vec<Option<i64>> = stmt
        .query_map(
            (
                report::start_of(quarter.first_day()),
                report::start_of(quarter.next().first_day()),
            ),
            |r| r.get(0),
        )?
        .collect::<rusqlite::Result<_>>()?;
    kept(rows)
}

/// The meter of the last quarter and of one three years earlier.
pub fn meter(db: &Database, report: &mut Report) -> Fallible {
    let last = Quarter::containing(datasets::last_day(), FiscalYearStart::CALENDAR);
    let now = report::start_of(last.next().first_day()) + Duration::days(10);
    let older = last
        .previous()
        .previous()
        .previous()
        .previous()
        .previous()
        .previous();
    for (quarter, which) in [
        (last, "the last quarter"),
        (older, "a quarter 18 months back"),
    ] {
        let (s, b) = db.read(|c| {
            Ok(paired(
                30,
                |_| (),
                |_| kept(report::black_hole(c, quarter, 3, now)?),
                |_| response_times_by_hand(c, quarter),
            ))
        })??;
        let p95 = ms(s.p95());
        report.add(Row {
            operation: format!("the black-hole meter of {which} (heavy: 500,000 tickets)"),
            subject: crate::harness::p50_p95(&s),
            baseline: crate::harness::p50_p95(&b),
            ratio: ratio(s.p50(), b.p50()),
            goal: format!("p95 ≤ {BUDGET_MS} ms"),
            met: Some(p95 <= BUDGET_MS),
            budget: None,
        });
    }
    Ok(())
}

const HEAD: &str = "Issue key,Summary,Status,Created,First response,Resolved,Component/s,Team\n";

/// Importing a 100,000-row Jira-shaped CSV (read, check, write, the metric) against raw batched
/// inserts of the same rows.
pub fn ticket_import(folder: &Path, report: &mut Report) -> Fallible {
    let work = tempfile::tempdir_in(folder)?;
    let start = Utc
        .with_ymd_and_hms(2025, 1, 1, 0, 0, 0)
        .single()
        .expect("a moment");
    let mut csv = String::from(HEAD);
    let mut rows = Vec::with_capacity(100_000);
    for i in 0..100_000i64 {
        let opened = start + Duration::minutes(i * 5);
        let first = (i % 12 != 0).then(|| opened + Duration::minutes(30 + (i * 37) % 5000));
        let resolved = first
            .filter(|_| i % 3 != 0)
            .map(|f| f + Duration::hours(20));
        let f = |at: Option<chrono::DateTime<Utc>>| {
            at.map(|a| a.format("%Y-%m-%d %H:%M").to_string())
                .unwrap_or_default()
        };
        csv.push_str(&format!(
            "SUP-{i},Request {i},Open,{},{},{},Product {},Team {}\n",
            f(Some(opened)),
            f(first),
            f(resolved),
            i % 40,
            i % 150
        ));
        rows.push((i, opened, first, resolved));
    }
    let (s, b) = paired(
        4,
        |i| {
            let dir = work.path().join(format!("round-{i}"));
            std::fs::create_dir_all(&dir).expect("a folder for the round");
            dir
        },
        |dir| {
            let db = Database::open(&dir.join("import.db"), Utc::now())?;
            let sheet = import::read(csv.as_bytes(), "export.csv")?;
            let mapping = db.read(|c| import::preview(c, &sheet, None))?.mapping;
            db.write(|tx| import::import(tx, &sheet, &mapping, Utc::now(), &mut |_| true))?;
            Ok(())
        },
        |dir| {
            let db = Database::open(&dir.join("raw.db"), Utc::now())?;
            db.write(|tx| {
                let now = Utc::now();
                let mut insert = tx.prepare_cached(
                    "INSERT INTO tickets (id, source, key, title, status, opened_at,
                        first_response_at, resolved_at, response_seconds, product_label,
                        team_label, created_at, updated_at)
                     VALUES (?1, 'Jira', ?2, ?3, 'Open', ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
                )?;
                for (i, opened, first, resolved) in &rows {
                    insert.execute(rusqlite::params![
                        Id::at(now),
                        format!("SUP-{i}"),
                        format!("Request {i}"),
                        opened,
                        first,
                        resolved,
                        first.map(|f| (f - *opened).num_seconds()),
                        format!("Product {}", i % 40),
                        format!("Team {}", i % 150),
                        now,
                    ])?;
                }
                Ok(())
            })?;
            Ok(())
        },
    )?;
    let r = ratio(b.p50(), s.p50());
    report.add(Row {
        operation: "importing a 100,000-row ticket CSV (speed against raw batched inserts)".into(),
        subject: crate::harness::p50_p95(&s),
        baseline: crate::harness::p50_p95(&b),
        ratio: r,
        goal: "≥ 0.5".into(),
        met: Some(r >= 0.5),
        budget: None,
    });
    Ok(())
}
