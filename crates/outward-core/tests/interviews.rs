//! How much one interview can hold, and importing interviews from folders, against real database
//! files and real folders.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use outward_core::customers::{self, CustomerInput};
use outward_core::db::Database;
use outward_core::error::Error;
use outward_core::id::Id;
use outward_core::interviews::import::{
    self, ImportHandle, ImportPlan, ImportPreview, ImportedInterview, PendingImports,
};
use outward_core::interviews::{self, InterviewFilter, InterviewInput, InterviewKind, highlights};
use outward_core::page::PageRequest;
use outward_core::pain_points::{self, Frequency, PainPointInput};
use outward_core::people::{self, Level, PersonInput};
use outward_core::teams::{self, TeamInput};
use std::path::Path;
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

fn write(folder: &Path, name: &str, customer: &str, notes: &str) {
    let text = format!("---\ndate: 2026-10-01\ncustomer: {customer}\n---\n{notes}\n");
    std::fs::write(folder.join(name), text).unwrap();
}

/// Every interview stored, as (customer name, notes), in the order they were held and created.
fn stored(db: &Database) -> Vec<(String, String)> {
    let page = db
        .read(|c| interviews::list(c, &InterviewFilter::default(), PageRequest::default()))
        .unwrap();
    let mut all: Vec<(String, String)> = page
        .items
        .iter()
        .map(|i| {
            let notes = db.read(|c| interviews::get(c, i.id)).unwrap().notes;
            (i.customer_name.clone(), notes)
        })
        .collect();
    all.sort();
    all
}

fn customer_names(db: &Database) -> Vec<String> {
    let mut names: Vec<String> = db
        .read(customers::list)
        .unwrap()
        .into_iter()
        .map(|c| c.name)
        .collect();
    names.sort();
    names
}

#[test]
fn an_import_writes_what_was_previewed_even_when_the_files_change_after() {
    let (_dir, db) = database();
    customer(&db, "Payments");
    let folder = tempfile::tempdir().unwrap();
    write(folder.path(), "a.md", "payments", "The build cache misses.");
    write(folder.path(), "b.md", "Search", "Index rebuilds hurt.");
    let pending = PendingImports::default();
    let preview = db.read(|c| pending.preview(c, folder.path())).unwrap();
    assert_eq!(
        (preview.file_count, preview.new_customers.clone()),
        (2, vec!["Search".to_owned()]),
        "two files; Payments exists already, ignoring case"
    );

    write(
        folder.path(),
        "a.md",
        "Checkout",
        "Rewritten after the preview.",
    );
    std::fs::remove_file(folder.path().join("b.md")).unwrap();
    write(folder.path(), "c.md", "Billing", "Added after the preview.");
    let count = db
        .write(|tx| pending.apply(tx, preview.handle, now()))
        .unwrap();

    assert_eq!(count, 2);
    assert_eq!(
        stored(&db),
        [
            (
                "Payments".to_owned(),
                "The build cache misses.\n".to_owned()
            ),
            ("Search".to_owned(), "Index rebuilds hurt.\n".to_owned()),
        ],
        "the files as they were previewed, not as they are now"
    );
    assert_eq!(customer_names(&db), ["Payments", "Search"]);
}

#[test]
fn a_preview_carries_a_handle_and_a_summary_but_no_notes() {
    let (_dir, db) = database();
    let folder = tempfile::tempdir().unwrap();
    write(
        folder.path(),
        "a.md",
        "Payments",
        "A sentence only the notes hold.",
    );
    let pending = PendingImports::default();
    let preview = db.read(|c| pending.preview(c, folder.path())).unwrap();
    let json = serde_json::to_value(&preview).unwrap();

    let mut keys: Vec<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "fileCount",
            "files",
            "folder",
            "handle",
            "newCustomerCount",
            "newCustomers"
        ]
    );
    assert_eq!(
        json["files"][0],
        serde_json::json!({
            "file": "a.md", "heldOn": "2026-10-01", "customer": "Payments", "kind": "interview"
        }),
        "a row is the file, its date, customer and kind"
    );
    assert!(
        !json.to_string().contains("only the notes hold"),
        "the notes stay in Rust: {json}"
    );
    assert!(
        !json["handle"]
            .as_str()
            .unwrap()
            .contains(folder.path().to_str().unwrap()),
        "the handle says nothing about the folder"
    );
}

#[test]
fn a_handle_imports_once_and_nothing_else_imports_at_all() {
    let (_dir, db) = database();
    let folder = tempfile::tempdir().unwrap();
    write(folder.path(), "a.md", "Payments", "Slow builds.");
    let pending = PendingImports::default();

    let path = serde_json::json!(folder.path());
    assert!(
        serde_json::from_value::<ImportHandle>(path).is_err(),
        "a handle cannot be a path"
    );
    let unknown = db.write(|tx| pending.apply(tx, ImportHandle::new(), now()));
    let Err(Error::Conflict { message, .. }) = unknown else {
        panic!("a handle no preview made is refused: {unknown:?}");
    };
    assert!(message.contains("Choose the folder again"), "{message}");

    let preview = db.read(|c| pending.preview(c, folder.path())).unwrap();
    db.write(|tx| pending.apply(tx, preview.handle, now()))
        .unwrap();
    let again = db.write(|tx| pending.apply(tx, preview.handle, now()));
    assert!(
        matches!(again, Err(Error::Conflict { .. })),
        "a used handle is refused: {again:?}"
    );
    assert_eq!(stored(&db).len(), 1, "imported once");

    let replaced: Vec<ImportPreview> = (0..=import::PENDING_MAX)
        .map(|_| db.read(|c| pending.preview(c, folder.path())).unwrap())
        .collect();
    let oldest = db.write(|tx| pending.apply(tx, replaced[0].handle, now()));
    assert!(
        matches!(oldest, Err(Error::Conflict { .. })),
        "only the newest {} previews wait: {oldest:?}",
        import::PENDING_MAX
    );
    assert_eq!(stored(&db).len(), 1, "nothing more was written");
}

#[test]
fn a_folder_over_the_size_limit_is_refused_before_anything_is_read_or_written() {
    let (_dir, db) = database();
    let folder = tempfile::tempdir().unwrap();
    // Files of the largest size one import reads, sparse so the test writes nothing to disk.
    let files = import::FOLDER_MAX_BYTES / import::FILE_MAX_BYTES as u64 + 1;
    for n in 0..files {
        let file = std::fs::File::create(folder.path().join(format!("{n:04}.md"))).unwrap();
        file.set_len(import::FILE_MAX_BYTES as u64).unwrap();
    }
    let pending = PendingImports::default();
    let refused = db.read(|c| pending.preview(c, folder.path()));
    let Err(Error::Validation { field, message }) = refused else {
        panic!("an oversized folder is refused: {refused:?}");
    };
    assert_eq!(field, "folder");
    assert!(
        message.contains(&folder.path().display().to_string()) && message.contains("at most 64 MB"),
        "the message names the folder and the limit: {message}"
    );
    assert!(stored(&db).is_empty() && customer_names(&db).is_empty());
}

#[test]
fn the_preview_of_the_largest_import_stays_within_the_ipc_budget() {
    // The costliest names the files can hold: 255 bytes of control characters for a file name
    // (the most a file system allows), the longest customer name, every customer new, and the
    // longest folder path.
    let worst = |n: usize, length: usize| format!("{n:05}{}", "\u{1}".repeat(length - 5));
    let plan = ImportPlan {
        interviews: (0..import::FILES_MAX)
            .map(|n| ImportedInterview {
                file: worst(n, 255),
                held_on: day(),
                customer: worst(n, outward_core::NAME_MAX),
                kind: InterviewKind::SupportConversation,
                interviewees: String::new(),
                tags: Vec::new(),
                duration_minutes: None,
                notes: String::new(),
            })
            .collect(),
        new_customers: (0..import::FILES_MAX)
            .map(|n| worst(n, outward_core::NAME_MAX))
            .collect(),
    };
    let folder = format!("/{}", "\u{1}".repeat(4095));
    let preview = ImportPreview::of(ImportHandle::new(), Path::new(&folder), &plan);
    assert_eq!(
        (preview.file_count as usize, preview.files.len()),
        (import::FILES_MAX, import::ROWS_SHOWN)
    );
    let size = serde_json::to_vec(&preview).unwrap().len();
    assert!(
        size <= REPLY_MAX_BYTES,
        "the largest preview is {size} bytes of JSON, over the {REPLY_MAX_BYTES} of DESIGN.md §7"
    );
}
