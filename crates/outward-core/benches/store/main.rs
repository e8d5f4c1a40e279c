//! The store at a heavy user's size: each operation of the core next to a baseline measured in
//! the same run on the same database, and their ratio. See BENCHMARKS.md.
//!
//! Subject and baseline are sampled alternately (and in alternating order), so a noisy machine
//! slows both alike and the ratio stays meaningful. Run with `scripts/bench`, or
//! `cargo bench -p outward-core --features datasets --bench store [-- --stress | --notes |
//! --commitments | --review | --report | --tickets | --practices | --reads]`.
//!
//! The `heavy` database is generated once into `target/bench/` and reused while the
//! generator is unchanged (its file name carries a digest of the generator's output).
//!
//! `harness` samples and `report` tabulates; each other module measures one feature.
#![allow(
    clippy::disallowed_methods,
    reason = "a benchmark is a program over the core, like the CLI: it reads the wall clock and passes it in"
)]

mod commitments;
mod goals;
mod harness;
mod import;
mod interviews;
mod migrations;
mod notes;
mod pain_points;
mod replies;
mod report;
mod review;
mod review_export;
mod rota;
mod search;
mod tickets;
mod workshops;

use chrono::{NaiveDate, Utc};
use harness::{Fallible, ids, ms, prepared, ratio};
use outward_core::datasets::{self, Sizes};
use outward_core::db::Database;
use report::{Report, Row};
use search::Terms;
use std::path::Path;

fn main() -> Fallible {
    let stress = std::env::args().any(|a| a == "--stress");
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/bench");
    std::fs::create_dir_all(&folder)?;
    // `-- --tickets`: the meter and the ticket import only, on a data set of the heavy size's
    // 500,000 tickets over the tiny organisation (the meter reads nothing else).
    if std::env::args().any(|a| a == "--tickets") {
        let sizes = Sizes {
            tickets: Sizes::HEAVY.tickets,
            ..Sizes::TINY
        };
        let path = prepared(&folder, "tickets", &sizes)?;
        let mut report = Report::default();
        tickets::meter(&Database::open(&path, Utc::now())?, &mut report)?;
        tickets::ticket_import(&folder, &mut report)?;
        report.print();
        return Ok(());
    }
    let heavy = prepared(&folder, "heavy", &Sizes::HEAVY)?;
    // `-- --notes`: only the save of edited notes, to compare changes to the write path.
    if std::env::args().any(|a| a == "--notes") {
        let mut report = Report::default();
        notes::note_saves(&heavy, &folder, &mut report)?;
        report.print();
        return Ok(());
    }
    // `-- --goals`: only the metrics, trend and survey import benchmarks.
    if std::env::args().any(|a| a == "--goals") {
        let mut report = Report::default();
        goals::quarters(&Database::open(&heavy, Utc::now())?, &mut report)?;
        goals::survey_import(&folder, &mut report)?;
        report.print();
        return Ok(());
    }
    let db = Database::open(&heavy, Utc::now())?;
    // `-- --review`: only Home and the review of a quarter.
    if std::env::args().any(|a| a == "--review") {
        let mut report = Report::default();
        review::quarters(&db, &mut report)?;
        review::home_screen(&db, &mut report)?;
        report.print();
        return Ok(());
    }
    // `-- --practices`: only the migrations and the support rota.
    if std::env::args().any(|a| a == "--practices") {
        let mut report = Report::default();
        practices(&db, &mut report)?;
        report.print();
        return Ok(());
    }
    // `-- --report`: only the HTML export of a quarter's review.
    if std::env::args().any(|a| a == "--report") {
        let mut report = Report::default();
        review_export::html_export(&db, &mut report)?;
        report.print();
        return Ok(());
    }
    // `-- --commitments`: only the commitments board of a quarter.
    if std::env::args().any(|a| a == "--commitments") {
        let mut report = Report::default();
        commitments::quarter_board(&db, &mut report)?;
        report.print();
        return Ok(());
    }
    let today = datasets::last_day();
    let mut report = Report::default();
    // `-- --reads`: only the reads of one record and of one page of a list.
    if std::env::args().any(|a| a == "--reads") {
        reads(&db, today, &mut report)?;
        report.print();
        return Ok(());
    }

    reads(&db, today, &mut report)?;
    // Picking terms makes a temporary table of the index's vocabulary: reads cannot.
    let terms = db.write(|c| Ok(Terms::pick(c)))??;
    let heavy_search = search::searches(&db, today, &terms, "heavy", &mut report)?;
    search::card_searches(&db, today, "heavy", &mut report)?;
    replies::reply_sizes(&db, today, &terms, &mut report)?;
    workshops::past_workshops(&db, &mut report)?;
    commitments::quarter_board(&db, &mut report)?;
    review::quarters(&db, &mut report)?;
    review::home_screen(&db, &mut report)?;
    review_export::html_export(&db, &mut report)?;
    practices(&db, &mut report)?;
    drop(db);
    workshops::running_board(&heavy, &mut report)?;
    replies::worst_case_replies(&heavy, &folder, today, &mut report)?;
    notes::note_saves(&heavy, &folder, &mut report)?;
    import::imports(&folder, &mut report)?;
    goals::quarters(&Database::open(&heavy, Utc::now())?, &mut report)?;
    goals::survey_import(&folder, &mut report)?;
    tickets::meter(&Database::open(&heavy, Utc::now())?, &mut report)?;
    tickets::ticket_import(&folder, &mut report)?;

    if stress {
        let path = prepared(&folder, "stress", &Sizes::STRESS)?;
        let db = Database::open(&path, Utc::now())?;
        let stress_search = search::searches(&db, today, &terms, "stress", &mut report)?;
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

/// Reads: one record by id, one page of a filtered, sorted list, in the order the report
/// has always shown them.
fn reads(db: &Database, today: NaiveDate, report: &mut Report) -> Fallible {
    pain_points::by_id(db, today, report)?;
    interviews::by_id(db, report)?;
    let customers = db.read(|c| {
        Ok(ids(
            c,
            "SELECT id FROM customers WHERE deleted_at IS NULL ORDER BY rowid",
            50,
        ))
    })??;
    pain_points::pages(db, today, &customers, report)?;
    interviews::pages(db, &customers, report)
}

/// The migrations and the support rota: a migration's page with its burn-up, the list, the
/// coverage of a quarter and the rota screen of a team.
fn practices(db: &Database, report: &mut Report) -> Fallible {
    migrations::page(db, report)?;
    migrations::list(db, report)?;
    rota::quarter_coverage(db, report)?;
    rota::screen(db, report)
}
