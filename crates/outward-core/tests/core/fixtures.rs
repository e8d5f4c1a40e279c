//! What the feature tests share: the moment they run at, a database file in a folder of its own,
//! and a small world of a team, a person and two customers to record interviews and evidence in.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use outward_core::customers::{self, CustomerInput};
use outward_core::db::Database;
use outward_core::id::Id;
use outward_core::interviews::{self, InterviewInput, InterviewKind, highlights};
use outward_core::pain_points::{self, Frequency, PainPointInput};
use outward_core::people::{self, Level, PersonInput};
use outward_core::teams::{self, TeamInput};
use rusqlite::Connection;
use tempfile::TempDir;

/// The moment the feature tests run at.
pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 20, 10, 0, 0)
        .single()
        .expect("valid")
}

/// A calendar day, for interview dates and quarters.
pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

/// A minute of the day the store tests run on, for backups taken minutes apart.
pub fn at(minute: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 5, 1, 12, minute, 0)
        .single()
        .expect("valid time")
}

/// DESIGN.md §7: no IPC reply carries more than this much JSON.
pub const REPLY_MAX_BYTES: usize = 256 * 1024;

/// A database file in a folder of its own.
pub fn database() -> (TempDir, Database) {
    let dir = tempfile::tempdir().unwrap();
    let db = Database::open(&dir.path().join("outward.db"), now()).unwrap();
    (dir, db)
}

pub fn customer(db: &Database, name: &str) -> Id {
    let input = CustomerInput {
        name: name.into(),
        ..Default::default()
    };
    db.write(|tx| customers::create(tx, &input, now()))
        .unwrap()
        .id
}

/// A database file with one team, Ada in it, and two customers, Payments and Checkout.
pub struct World {
    /// Holds the database file: emptying the Trash backs it up beside it.
    _folder: tempfile::TempDir,
    pub db: Database,
    pub team: Id,
    pub ada: Id,
    pub payments: Id,
    pub checkout: Id,
}

pub fn world() -> World {
    let folder = tempfile::tempdir().unwrap();
    let db = Database::open(&folder.path().join("outward.db"), now()).unwrap();
    let team = db
        .write(|tx| {
            teams::create(
                tx,
                &TeamInput {
                    name: "Platform".into(),
                    description: String::new(),
                },
                now(),
            )
        })
        .unwrap()
        .id;
    let ada = db
        .write(|tx| {
            let input = PersonInput {
                team_id: team,
                name: "Ada".into(),
                role: String::new(),
                level: Level::Staff,
            };
            people::create(tx, &input, now())
        })
        .unwrap()
        .id;
    let customer = |name: &str| {
        let input = CustomerInput {
            name: name.into(),
            ..Default::default()
        };
        db.write(|tx| customers::create(tx, &input, now()))
            .unwrap()
            .id
    };
    let payments = customer("Payments");
    let checkout = customer("Checkout");
    World {
        _folder: folder,
        db,
        team,
        ada,
        payments,
        checkout,
    }
}

/// Another person on the world's team, at mid level.
pub fn person(w: &World, name: &str) -> Id {
    let input = PersonInput {
        team_id: w.team,
        name: name.into(),
        role: String::new(),
        level: Level::Mid,
    };
    w.db.write(|tx| people::create(tx, &input, now()))
        .unwrap()
        .id
}

/// An interview of `customer` held by Ada.
pub fn interview(w: &World, customer: Id, held_on: NaiveDate, notes: &str) -> Id {
    let input = InterviewInput {
        customer_id: customer,
        held_on,
        kind: InterviewKind::Interview,
        interviewees: "Lena (tech lead)".into(),
        interviewer_ids: vec![w.ada],
        duration_minutes: Some(30),
        tags: vec!["CI".into(), "ci".into(), " ".into()],
        notes: notes.into(),
    };
    w.db.write(|tx| interviews::create(tx, &input, now()))
        .unwrap()
        .id
}

/// A weekly pain point of `severity`, filed by Ada.
pub fn pain_point(w: &World, title: &str, severity: u8) -> Id {
    let input = PainPointInput {
        title: title.into(),
        description: String::new(),
        severity,
        frequency: Frequency::Weekly,
        product_ids: vec![],
        customer_ids: vec![],
        tags: vec![],
    };
    w.db.write(|tx| pain_points::create(tx, &input, Some(w.ada), now()))
        .unwrap()
        .id
}

/// Where `part` stands in `text`, in the UTF-16 units highlights use.
pub fn utf16(text: &str, part: &str) -> (u32, u32) {
    let byte = text.find(part).expect("part is in text");
    let start = text[..byte].encode_utf16().count() as u32;
    (start, start + part.encode_utf16().count() as u32)
}

/// Marks `part` of the notes as evidence for `pain_point`.
pub fn mark(
    w: &World,
    interview: Id,
    notes: &str,
    part: &str,
    pain_point: Id,
) -> highlights::Highlight {
    let (start, end) = utf16(notes, part);
    w.db.write(|tx| highlights::mark(tx, interview, start, end, pain_point, now()))
        .unwrap()
}

/// Notes with a passage to mark as evidence.
pub const NOTES: &str =
    "# Call with Payments\nThe CI queue takes 40 minutes on Mondays. Deploys are fine.\n";

/// A team to create, named `name`.
pub fn team(name: &str) -> TeamInput {
    TeamInput {
        name: name.into(),
        description: String::new(),
    }
}

/// Stores a team named `name`.
pub fn add_team(db: &Database, name: &str) {
    db.write(|tx| teams::create(tx, &team(name), at(0)))
        .expect("team is stored");
}

/// The names of every team stored.
pub fn team_names(db: &Database) -> Vec<String> {
    db.read(teams::list)
        .unwrap()
        .into_iter()
        .map(|t| t.name)
        .collect()
}

/// The file, its links and its full-text indexes are all consistent.
pub fn assert_sound(db: &Database, what: &str) {
    let (integrity, broken_links) = db
        .read(|conn| {
            let integrity: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
            let broken: Vec<String> = conn
                .prepare("PRAGMA foreign_key_check")?
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            Ok((integrity, broken))
        })
        .unwrap();
    assert_eq!(integrity, "ok", "{what}: integrity_check");
    assert!(
        broken_links.is_empty(),
        "{what}: no link points nowhere, but these tables have some: {broken_links:?}"
    );
    let indexes: Vec<String> = db
        .read(|conn| {
            Ok(conn
                .prepare(
                    "SELECT name FROM sqlite_schema
                     WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%USING fts5%'",
                )?
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?)
        })
        .unwrap();
    assert!(!indexes.is_empty(), "{what}: the full-text indexes exist");
    for index in indexes {
        // For a table over external content this also checks the index against the rows.
        let checked = db.write(|tx| {
            let sql = format!("INSERT INTO {index} ({index}) VALUES ('integrity-check')");
            Ok(tx.execute(&sql, [])?)
        });
        assert!(
            checked.is_ok(),
            "{what}: {index} matches its rows: {checked:?}"
        );
    }
}

/// Rows in each of the database's own tables (not SQLite's, not the ones derived from others:
/// the full-text indexes, Coverage's counts and the survey answers' tallies).
pub fn row_counts(conn: &Connection) -> Vec<(String, i64)> {
    let tables: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
             AND name NOT LIKE '%_fts' AND name NOT LIKE '%_fts_%' ORDER BY name",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    tables
        .into_iter()
        // A derived full-text index's own tables are named after it (`interview_passages_data`).
        .filter(|table| {
            !outward_core::bundle::DERIVED
                .iter()
                .any(|d| table == d || table.starts_with(&format!("{d}_")))
        })
        .map(|table| {
            let sql = format!("SELECT count(*) FROM \"{table}\"");
            let rows = conn.query_row(&sql, [], |r| r.get(0)).unwrap();
            (table, rows)
        })
        .collect()
}

/// The example binary `name` beside this test binary (`target/<profile>/examples/`):
/// `cargo test` builds examples with the tests; `cargo test --test core` alone does not.
pub fn example(name: &str) -> std::path::PathBuf {
    let deps = std::env::current_exe().expect("the test binary's path");
    let profile = deps
        .parent()
        .and_then(std::path::Path::parent)
        .expect("target/<profile>/deps");
    let binary = profile.join("examples").join(name);
    assert!(
        binary.exists(),
        "{} is missing: build it with `cargo build -p outward-core --example {name}`",
        binary.display()
    );
    binary
}

/// Starts `command` with its standard output piped and its standard error dropped, and reads
/// its output on a thread of its own: each line arrives on the receiver as it is printed, and
/// the receiver ends when the process does (killed or not).
pub fn spawn_printing(
    command: &mut std::process::Command,
) -> (std::process::Child, std::sync::mpsc::Receiver<String>) {
    use std::io::BufRead;
    let mut child = command
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("the binary starts");
    let stdout = child.stdout.take().expect("piped");
    let (lines, printed) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
        {
            if lines.send(line).is_err() {
                break;
            }
        }
    });
    (child, printed)
}
