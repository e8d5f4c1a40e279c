//! How much one interview can hold, and importing interviews from folders, against real database
//! files and real folders.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use outward_core::customers::{self, CustomerInput};
use outward_core::db::Database;
use outward_core::error::Error;
use outward_core::id::Id;
use outward_core::interviews::{self, InterviewInput, InterviewKind, highlights};
use outward_core::pain_points::{self, Frequency, PainPointInput};
use outward_core::people::{self, Level, PersonInput};
use outward_core::teams::{self, TeamInput};
use tempfile::TempDir;

/// DESIGN.md §7: no IPC reply carries more than this much JSON.
const REPLY_MAX_BYTES: usize = 256 * 1024;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 20, 10, 0, 0)
        .single()
        .expect("valid")
}

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 18).expect("valid date")
}

/// A database file in a folder of its own.
fn database() -> (TempDir, Database) {
    let dir = tempfile::tempdir().unwrap();
    let db = Database::open(&dir.path().join("outward.db"), now()).unwrap();
    (dir, db)
}

fn customer(db: &Database, name: &str) -> Id {
    let input = CustomerInput {
        name: name.into(),
        ..Default::default()
    };
    db.write(|tx| customers::create(tx, &input, now()))
        .unwrap()
        .id
}

fn people(db: &Database, count: usize) -> Vec<Id> {
    let team = db
        .write(|tx| {
            let input = TeamInput {
                name: "Platform".into(),
                description: String::new(),
            };
            teams::create(tx, &input, now())
        })
        .unwrap()
        .id;
    (0..count)
        .map(|n| {
            let input = PersonInput {
                team_id: team,
                name: format!("Engineer {n}"),
                role: String::new(),
                level: Level::Senior,
            };
            db.write(|tx| people::create(tx, &input, now())).unwrap().id
        })
        .collect()
}

fn input(customer: Id, notes: &str) -> InterviewInput {
    InterviewInput {
        customer_id: customer,
        held_on: day(),
        kind: InterviewKind::SupportConversation,
        interviewees: "Lena (tech lead)".into(),
        interviewer_ids: Vec::new(),
        duration_minutes: Some(60),
        tags: Vec::new(),
        notes: notes.into(),
    }
}

/// The size of `text` inside a JSON reply, without its quote marks.
fn json_size(text: &str) -> usize {
    serde_json::to_string(text).unwrap().len() - 2
}

/// Text that costs the most JSON per character (a control character escapes to six bytes) and
/// can still be marked, `bytes` long in JSON.
fn costliest_text(bytes: usize) -> String {
    let mut text = "\u{1}".repeat(bytes / 6);
    text.push_str(&"x".repeat(bytes % 6));
    assert_eq!(json_size(&text), bytes);
    text
}

#[test]
fn the_largest_interview_reply_stays_within_the_ipc_budget() {
    // The longest notes and interviewees allowed, in the costliest characters, with ten
    // interviewers, ten tags of the longest name and forty highlights of 200 characters. The
    // number of highlights, tags and interviewers has no rule of its own; these are generous
    // for one conversation.
    let (_dir, db) = database();
    let payments = customer(&db, "Payments");
    let notes = costliest_text(interviews::NOTES_MAX_BYTES);
    let mut worst = input(payments, &notes);
    worst.interviewees = "\u{1}".repeat(interviews::INTERVIEWEES_MAX);
    worst.interviewer_ids = people(&db, 10);
    worst.tags = (0..10)
        .map(|n| format!("{n}{}", "😀".repeat(outward_core::NAME_MAX - 1)))
        .collect();
    let interview = db
        .write(|tx| interviews::create(tx, &worst, now()))
        .expect("the longest notes allowed are saved");
    let pain_point = db
        .write(|tx| {
            let input = PainPointInput {
                title: "Everything is slow".into(),
                description: String::new(),
                severity: 3,
                frequency: Frequency::Weekly,
                product_ids: Vec::new(),
                customer_ids: Vec::new(),
                tags: Vec::new(),
            };
            pain_points::create(tx, &input, None, now())
        })
        .unwrap()
        .id;
    for n in 0..40u32 {
        db.write(|tx| {
            highlights::mark(tx, interview.id, n * 200, n * 200 + 200, pain_point, now())
        })
        .unwrap();
    }

    let reply = db.read(|c| interviews::get(c, interview.id)).unwrap();
    assert_eq!(reply.highlights.len(), 40);
    let size = serde_json::to_vec(&reply).unwrap().len();
    assert!(
        size <= REPLY_MAX_BYTES,
        "get_interview's largest reply is {size} bytes of JSON, over the {REPLY_MAX_BYTES} of DESIGN.md §7"
    );
}

#[test]
fn notes_over_the_bound_are_refused_with_their_size_and_the_limit() {
    let (_dir, db) = database();
    let payments = customer(&db, "Payments");
    let at_limit = costliest_text(interviews::NOTES_MAX_BYTES);
    let id = db
        .write(|tx| interviews::create(tx, &input(payments, &at_limit), now()))
        .expect("notes exactly at the limit are saved")
        .id;

    // Every quote mark counts twice, as it does in the reply.
    let over = "\"".repeat(interviews::NOTES_MAX_BYTES / 2 + 1);
    let refused = db.write(|tx| interviews::save_notes(tx, id, &over, now()));
    let Err(Error::Validation { field, message }) = refused else {
        panic!("notes one byte over the limit are refused: {refused:?}");
    };
    assert_eq!(field, "notes");
    assert!(
        message.contains("160 KB") && message.contains("Split them"),
        "the message gives the limit and what to do: {message}"
    );
    assert_eq!(
        db.read(|c| interviews::get(c, id)).unwrap().notes,
        at_limit,
        "the stored notes are untouched"
    );
}

#[test]
fn notes_stored_before_the_bound_still_open_and_keep_their_details_editable() {
    let (_dir, db) = database();
    let payments = customer(&db, "Payments");
    let id = db
        .write(|tx| interviews::create(tx, &input(payments, "short"), now()))
        .unwrap()
        .id;
    // What an older version allowed: notes of up to 1 MB.
    let old = "Long transcript. ".repeat((1 << 20) / 17);
    db.write(|tx| {
        tx.execute("UPDATE interviews SET notes = ?1 WHERE id = ?2", (&old, id))?;
        Ok(())
    })
    .unwrap();

    let opened = db
        .read(|c| interviews::get(c, id))
        .expect("the interview opens");
    assert_eq!(opened.notes, old, "nothing is cut");

    let mut details = input(payments, &old);
    details.duration_minutes = Some(90);
    let updated = db
        .write(|tx| interviews::update(tx, id, &details, now()))
        .expect("details change while the long notes stay as they are");
    assert_eq!(updated.duration_minutes, Some(90));

    let edited = format!("{old}More.");
    let refused = db.write(|tx| interviews::save_notes(tx, id, &edited, now()));
    assert!(
        matches!(refused, Err(Error::Validation { field: "notes", .. })),
        "changed notes must fit the bound: {refused:?}"
    );
    details.notes = edited;
    let refused = db.write(|tx| interviews::update(tx, id, &details, now()));
    assert!(
        matches!(refused, Err(Error::Validation { field: "notes", .. })),
        "changed notes must fit the bound through update too: {refused:?}"
    );
    assert_eq!(db.read(|c| interviews::get(c, id)).unwrap().notes, old);
}
