//! `outward tickets`: importing a tracker's export (Jira, ServiceNow, any CSV, GitHub issues
//! JSON), and a quarter's black-hole meter.

use crate::output::to_json;
use chrono::Utc;
use clap::Subcommand;
use outward_core::db::Database;
use outward_core::error::{Error, Result};
use outward_core::text::count;
use outward_core::tickets::import::{self, ImportMapping, Unmatched};
use outward_core::tickets::report::{self, BlackHole, ResponseTimes};
use std::path::{Path, PathBuf};

#[derive(Subcommand)]
pub enum TicketAction {
    /// Import a tracker's export: every row or none; tickets already held are updated by key
    Import {
        file: PathBuf,
        /// A JSON column mapping; without it, the one remembered for this file's header row,
        /// or one suggested from the headers
        #[arg(long)]
        mapping: Option<PathBuf>,
        /// Check the file and show what would be imported, writing nothing
        #[arg(long)]
        dry_run: bool,
        #[arg(long)]
        json: bool,
    },
    /// A quarter's black-hole meter: time to first response, unanswered requests, aging
    Report {
        /// A quarter such as 2026-Q3; the current one by default
        #[arg(long)]
        quarter: Option<String>,
        /// The days after which an unanswered request counts as lost
        #[arg(long, default_value_t = report::DEFAULT_UNANSWERED_AFTER_DAYS)]
        days: u32,
        #[arg(long)]
        json: bool,
    },
}

fn read_file(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| Error::io(format!("reading {}", path.display()), e))
}

fn print_unmatched(what: &str, list: &[Unmatched]) {
    for u in list {
        println!(
            "unmatched {what} “{}”: {}",
            u.label,
            count(u.tickets, "ticket", "tickets")
        );
    }
}

pub fn run(db: &Database, action: TicketAction) -> Result<()> {
    match action {
        TicketAction::Import {
            file,
            mapping,
            dry_run,
            json,
        } => import_file(db, &file, mapping.as_deref(), dry_run, json),
        TicketAction::Report {
            quarter,
            days,
            json,
        } => {
            let quarter = crate::metrics::quarter(db, quarter.as_deref())?;
            let meter = db.read(|c| report::black_hole(c, quarter, days, Utc::now()))?;
            if json {
                println!("{}", to_json(&meter));
            } else {
                print_meter(&meter);
            }
            Ok(())
        }
    }
}

fn import_file(
    db: &Database,
    file: &Path,
    mapping: Option<&Path>,
    dry_run: bool,
    json: bool,
) -> Result<()> {
    let (_, sheet) = import::read_path(file)?;
    let given: Option<ImportMapping> = match mapping {
        Some(path) => Some(
            serde_json::from_slice(&read_file(path)?)
                .map_err(|e| Error::validation("mapping", format!("{}: {e}", path.display())))?,
        ),
        None => None,
    };
    let preview = db.read(|c| import::preview(c, &sheet, given.as_ref()))?;
    if let Some(problem) = preview.problem.clone() {
        if json && dry_run {
            println!("{}", to_json(&preview));
        }
        return Err(Error::validation("file", problem));
    }
    if dry_run {
        if json {
            println!("{}", to_json(&preview));
        } else {
            println!(
                "{} rows; mapping {}:",
                preview.total_rows,
                if preview.remembered {
                    "remembered"
                } else if given.is_some() {
                    "given"
                } else {
                    "suggested"
                }
            );
            println!("{}", to_json(&preview.mapping));
            print_unmatched("product", &preview.unmatched_products);
            print_unmatched("team", &preview.unmatched_teams);
            println!(
                "{} would be added and {} updated; nothing was written.",
                count(preview.new_tickets, "ticket", "tickets"),
                preview.known_tickets
            );
        }
        return Ok(());
    }
    let done =
        db.write(|tx| import::import(tx, &sheet, &preview.mapping, Utc::now(), &mut |_| true))?;
    if json {
        println!("{}", to_json(&done));
    } else {
        println!(
            "Imported {}: {} added, {} updated, {} unchanged.",
            count(
                done.added + done.updated + done.unchanged,
                "ticket",
                "tickets"
            ),
            done.added,
            done.updated,
            done.unchanged
        );
        if !done.quarters.is_empty() {
            println!(
                "Time to first response recorded for {}.",
                done.quarters.join(", ")
            );
        }
        print_unmatched("product", &done.unmatched_products);
        print_unmatched("team", &done.unmatched_teams);
    }
    Ok(())
}

fn hours(h: Option<f64>) -> String {
    match h {
        None => "–".to_owned(),
        Some(h) if h < 48.0 => format!("{h:.1} h"),
        Some(h) => format!("{:.1} days", h / 24.0),
    }
}

fn times_line(name: &str, t: &ResponseTimes) -> String {
    format!(
        "  {name}: median {}, 90th percentile {} ({} of {} answered)",
        hours(t.median_hours),
        hours(t.p90_hours),
        t.answered,
        t.tickets
    )
}

fn print_meter(m: &BlackHole) {
    println!(
        "{} ({} to {}), judged at {}",
        m.quarter,
        m.first_day,
        m.last_day,
        m.as_of.format("%Y-%m-%d %H:%M UTC")
    );
    if m.response.tickets == 0 && m.open == 0 {
        println!(
            "No tickets in this quarter. Import a tracker's export: outward tickets import FILE"
        );
        return;
    }
    println!("Time to first response:");
    println!("{}", times_line("all tickets", &m.response));
    println!("By product:");
    for g in &m.by_product {
        println!("{}", times_line(&g.name, &g.times));
    }
    println!("By customer team:");
    for g in &m.by_customer {
        println!("{}", times_line(&g.name, &g.times));
    }
    match m.unanswered_share {
        Some(share) => println!(
            "Unanswered after {} days: {} of {} ({share:.0} %)",
            m.unanswered_after_days, m.unanswered, m.old_enough
        ),
        None => println!(
            "Unanswered after {} days: no ticket is that old yet",
            m.unanswered_after_days
        ),
    }
    let aging: Vec<String> = m
        .aging
        .iter()
        .map(|b| format!("{} {}", b.label.to_lowercase(), b.count))
        .collect();
    println!("Open: {} ({})", m.open, aging.join(", "));
    println!("Longest waiting without an answer ({} in all):", m.waiting);
    for w in &m.longest_waiting {
        println!(
            "  {} days  {}  {}  {}",
            w.days,
            w.ticket.key,
            w.ticket.title,
            w.ticket
                .customer_name
                .as_deref()
                .unwrap_or(&w.ticket.team_label)
        );
    }
}
