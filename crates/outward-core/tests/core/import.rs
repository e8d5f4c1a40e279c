//! Importing interviews from folders of Markdown files: previewed, then written all or nothing.

use crate::fixtures::{REPLY_MAX_BYTES, customer, database, day, now, world};
use outward_core::customers;
use outward_core::db::Database;
use outward_core::error::Error;
use outward_core::interviews::import::{
    self, ImportHandle, ImportPlan, ImportPreview, ImportedInterview, PendingImports,
};
use outward_core::interviews::{self, InterviewFilter, InterviewKind};
use outward_core::page::PageRequest;
use outward_core::search;
use std::path::Path;

#[test]
fn an_import_is_all_or_nothing_and_creates_unknown_customers() {
    let w = world();
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, body: &str| std::fs::write(dir.path().join(name), body).unwrap();
    write(
        "a.md",
        "---\ndate: 2026-10-01\ncustomer: payments\ntags: [ci]\n---\nQueue is slow.\n",
    );
    write(
        "b.md",
        "---\ndate: 2026-10-02\ncustomer: Search\n---\nIndex rebuilds hurt.\n",
    );
    write("ignored.txt", "not markdown");
    let files = interviews::import::read_folder(dir.path()).unwrap();
    let plan = w.db.read(|c| interviews::import::plan(c, files)).unwrap();
    assert_eq!(plan.interviews.len(), 2);
    assert_eq!(
        plan.new_customers,
        ["Search"],
        "Payments exists already, ignoring case"
    );

    write("c.md", "---\ndate: someday\ncustomer: Payments\n---\n");
    let err = interviews::import::read_folder(dir.path())
        .unwrap_err()
        .to_string();
    assert!(err.contains("c.md, line 2"), "{err}");

    std::fs::remove_file(dir.path().join("c.md")).unwrap();
    let count =
        w.db.write(|tx| interviews::import::apply(tx, &plan, now()))
            .unwrap();
    assert_eq!(count, 2);
    let all =
        w.db.read(|c| interviews::list(c, &InterviewFilter::default(), PageRequest::default()))
            .unwrap();
    assert_eq!(all.total, 2);
    assert_eq!(
        w.db.read(customers::list).unwrap().len(),
        3,
        "Search was created"
    );
    assert_eq!(
        w.db.read(|c| search::search(c, "rebuilds", now().date_naive()))
            .unwrap()
            .len(),
        1,
        "imported notes are searchable"
    );

    let before =
        w.db.read(|c| interviews::list(c, &InterviewFilter::default(), PageRequest::default()))
            .unwrap()
            .total;
    let mut broken = plan.clone();
    broken.interviews[1].notes = "x".repeat(interviews::NOTES_MAX_BYTES + 1);
    let err =
        w.db.write(|tx| interviews::import::apply(tx, &broken, now()))
            .unwrap_err();
    assert!(err.to_string().starts_with("b.md:"), "{err}");
    let after =
        w.db.read(|c| interviews::list(c, &InterviewFilter::default(), PageRequest::default()))
            .unwrap()
            .total;
    assert_eq!(
        after, before,
        "the first file of a failed import was rolled back too"
    );
}

#[test]
fn a_large_import_into_a_new_database_keeps_the_index_deletes_seeking() {
    // A new database records its full-text tables as nearly empty; FTS5's deletes of merged
    // pages scan the whole index while the planner believes that (quadratic over an import).
    let dir = tempfile::tempdir().unwrap();
    let db = Database::open(&dir.path().join("outward.db"), now()).unwrap();
    let files = (0..300)
        .map(|n| interviews::import::ImportedInterview {
            file: format!("{n}.md"),
            held_on: day(2026, 10, 1),
            customer: "Payments".into(),
            kind: InterviewKind::Interview,
            interviewees: String::new(),
            tags: Vec::new(),
            duration_minutes: None,
            notes: (0..400).map(|w| format!("word{} ", n * 7 + w)).collect(),
        })
        .collect();
    let plan = db.read(|c| interviews::import::plan(c, files)).unwrap();
    db.write(|tx| interviews::import::apply(tx, &plan, now()))
        .unwrap();
    let how = db
        .read(|c| {
            Ok(c.query_row(
                "EXPLAIN QUERY PLAN DELETE FROM interview_passages_data WHERE id >= ?1 AND id <= ?2",
                [1, 2],
                |r| r.get::<_, String>(3),
            )?)
        })
        .unwrap();
    assert!(how.contains("rowid>? AND rowid<?"), "{how}");
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
                held_on: day(2026, 11, 18),
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
