//! Writes to the database file named on its command line until it is killed, and prints one
//! line per write only after the write's commit has returned, so every printed line is a
//! promise the file must keep:
//!
//! - `customer <id>`: a customer team was added;
//! - `interview <id>`: an interview of it, with notes, was logged (the full-text index too);
//! - `notes <id> <revision>`: its notes were saved again, now ending with `revision N.`.
//!
//! The durability test (`tests/core/durability.rs`) runs it and kills it with SIGKILL at random
//! moments. Usage: `acknowledged_writes DATABASE ROUND`; the round keeps names unique and moves
//! the clock, so ids stay time-ordered from one run to the next.

use chrono::{Duration, TimeZone, Utc};
use outward_core::customers::{self, CustomerInput};
use outward_core::db::Database;
use outward_core::interviews::{self, InterviewInput, InterviewKind};
use std::io::Write;
use std::path::PathBuf;

/// Saves of the notes after an interview is logged, before the next customer.
const REVISIONS: u32 = 3;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args_os().skip(1);
    let (Some(path), Some(round)) = (args.next(), args.next()) else {
        return Err("usage: acknowledged_writes DATABASE ROUND".into());
    };
    let path = PathBuf::from(path);
    let round: i64 = round.to_string_lossy().parse()?;
    let start = Utc.with_ymd_and_hms(2026, 6, 1, 9, 0, 0).unwrap() + Duration::hours(round);
    let db = Database::open(&path, start)?;
    let mut out = std::io::stdout().lock();
    for n in 0_i64.. {
        let now = |step: i64| start + Duration::milliseconds(n * 10 + step);
        let input = CustomerInput {
            name: format!("Round {round} team {n}"),
            ..Default::default()
        };
        let customer = db.write(|tx| customers::create(tx, &input, now(0)))?;
        writeln!(out, "customer {}", customer.id)?;
        out.flush()?;

        let input = InterviewInput {
            customer_id: customer.id,
            held_on: now(1).date_naive(),
            kind: InterviewKind::Interview,
            interviewees: String::new(),
            interviewer_ids: Vec::new(),
            duration_minutes: Some(30),
            tags: vec!["durability".into()],
            notes: notes(round, n, 0),
        };
        let interview = db.write(|tx| interviews::create(tx, &input, now(1)))?;
        writeln!(out, "interview {}", interview.id)?;
        out.flush()?;

        for revision in 1..=REVISIONS {
            let text = notes(round, n, revision);
            db.write(|tx| {
                interviews::save_notes(tx, interview.id, &text, now(1 + i64::from(revision)))
            })?;
            writeln!(out, "notes {} {revision}", interview.id)?;
            out.flush()?;
        }
    }
    Ok(())
}

/// A few kilobytes of notes, so a write spans several pages of the file and of the index.
fn notes(round: i64, n: i64, revision: u32) -> String {
    let paragraph = "The deploy queue stalls whenever the shared runners are busy, and nobody \
                     tells us how long the wait will be. We retry by hand and lose the afternoon.";
    let body = vec![paragraph; 24].join("\n\n");
    format!("# Round {round}, conversation {n}\n\n{body}\n\nrevision {revision}.")
}
