//! Backups against real files: verified and complete, taken daily and rotated, restored, and
//! kept apart for each database file in a folder.

use crate::fixtures::{add_team, at, team_names};
use outward_core::db::{Database, backup};
use outward_core::error::Error;
use rusqlite::Connection;
use std::path::Path;
#[test]
fn a_backup_of_a_file_that_cannot_be_opened_names_it() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("gone.db");
    let err = backup::create_if_due_at(&missing, at(0)).unwrap_err();
    assert!(matches!(err, Error::Unreadable { .. }), "{err:?}");
    assert!(
        err.to_string().contains(&missing.display().to_string()),
        "names the file: {err}"
    );
    assert!(
        !missing.exists(),
        "a backup never creates the file it copies"
    );
}

#[test]
fn a_backup_is_a_complete_database_and_old_ones_rotate() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("outward.db");
    let db = Database::open(&path, at(0)).unwrap();
    add_team(&db, "Platform");
    let folder = backup::folder_for(&path);
    let mut written = Vec::new();
    for minute in 0..(backup::KEEP as u32 + 2) {
        written.push(db.backup(at(minute)).unwrap());
    }
    let newest = written.last().unwrap();
    backup::verify(newest).expect("integrity_check passes");
    let copy = Connection::open(newest).unwrap();
    let teams: i64 = copy
        .query_row("SELECT count(*) FROM teams", [], |r| r.get(0))
        .unwrap();
    assert_eq!(teams, 1, "the backup holds the data");
    assert_eq!(
        backup::list(&path).len(),
        backup::KEEP,
        "only the newest are kept"
    );
    assert!(!written[0].exists(), "the oldest was rotated out");
    assert_eq!(backup::latest_for(&path).as_ref(), Some(newest));
    let leftovers = std::fs::read_dir(&folder).unwrap().filter_map(|e| e.ok());
    assert!(
        leftovers
            .into_iter()
            .all(|e| !e.file_name().to_string_lossy().ends_with(".partial")),
        "no temporary files stay behind"
    );
}

#[test]
fn the_automatic_backup_runs_at_most_once_a_day() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("outward.db");
    let _open = Database::open(&path, at(0)).unwrap();
    let first = backup::create_if_due_at(&path, at(0)).unwrap();
    assert!(first.is_some(), "no backup yet, so one is taken");
    let soon = backup::create_if_due_at(&path, at(59)).unwrap();
    assert!(
        soon.is_none(),
        "an hour later the last one is recent enough"
    );
    let tomorrow = at(0) + chrono::Duration::hours(25);
    let next = backup::create_if_due_at(&path, tomorrow).unwrap();
    assert!(next.is_some(), "a day later a new one is taken");
    assert_eq!(backup::list(&path).len(), 2);

    // A backup cut short (the app closed during it) leaves a partial file; the next one
    // removes it.
    let cut_short = backup::folder_for(&path).join(".outward-20260101T000000.000Z.db.partial");
    std::fs::write(&cut_short, b"half a database").unwrap();
    let later = tomorrow + chrono::Duration::hours(25);
    assert!(backup::create_if_due_at(&path, later).unwrap().is_some());
    assert!(!cut_short.exists(), "the partial file is gone");
    assert_eq!(backup::list(&path).len(), 3);
}

#[test]
fn restoring_a_backup_brings_back_its_data_and_keeps_the_replaced_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("outward.db");
    let db = Database::open(&path, at(0)).unwrap();
    add_team(&db, "Before");
    let saved = db.backup(at(1)).unwrap();
    add_team(&db, "After");
    drop(db);

    let kept = backup::restore(&saved, &path, at(2))
        .unwrap()
        .expect("the current file is kept");
    assert_eq!(
        team_names(&Database::open(&path, at(3)).unwrap()),
        ["Before"]
    );
    let undo = Connection::open(&kept).unwrap();
    let teams: i64 = undo
        .query_row("SELECT count(*) FROM teams", [], |r| r.get(0))
        .unwrap();
    assert_eq!(teams, 2, "the replaced database can itself be restored");
}

#[test]
fn a_damaged_backup_is_refused_and_the_database_is_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("outward.db");
    add_team(&Database::open(&path, at(0)).unwrap(), "Platform");
    let bad = dir.path().join("bad.db");
    std::fs::write(&bad, b"not a database at all").unwrap();
    let err = backup::restore(&bad, &path, at(1)).unwrap_err();
    assert!(matches!(err, Error::Unreadable { .. }), "{err:?}");
    assert_eq!(
        team_names(&Database::open(&path, at(2)).unwrap()),
        ["Platform"]
    );
}

#[test]
fn each_database_in_a_folder_keeps_its_own_backups() {
    let dir = tempfile::tempdir().unwrap();
    // `outward-2.db`'s backups start like `outward.db`'s would: only the stamp tells them apart.
    let first_path = dir.path().join("outward.db");
    let second_path = dir.path().join("outward-2.db");
    let first = Database::open(&first_path, at(0)).unwrap();
    add_team(&first, "First");
    let second = Database::open(&second_path, at(0)).unwrap();
    add_team(&second, "Second");

    let first_daily = backup::create_if_due_at(&first_path, at(1)).unwrap();
    let second_daily = backup::create_if_due_at(&second_path, at(2)).unwrap();
    assert!(first_daily.is_some(), "the first database's daily backup");
    assert!(
        second_daily.is_some(),
        "the second database gets its own daily backup the same day"
    );
    let (first_daily, second_daily) = (first_daily.unwrap(), second_daily.unwrap());
    let only_team = |path: &Path| -> String {
        Connection::open(path)
            .unwrap()
            .query_row("SELECT name FROM teams", [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(
        first_daily.file_name().unwrap(),
        "outward-20260501T120100.000Z.daily.db",
        "outward.db's backups are named for it, when and why"
    );
    assert_eq!(only_team(&first_daily), "First");
    assert_eq!(only_team(&second_daily), "Second");

    // The first database's backup in progress, as another process writes it.
    let first_partial =
        backup::folder_for(&first_path).join(".outward-20260501T120100.000Z.db.partial");
    std::fs::write(&first_partial, b"half a database").unwrap();
    for minute in 3..(3 + backup::KEEP as u32 + 2) {
        second.backup(at(minute)).unwrap();
    }
    assert!(
        first_daily.exists() && first_partial.exists(),
        "rotating one database's backups never removes another's"
    );
    assert_eq!(
        backup::list(&first_path),
        std::slice::from_ref(&first_daily)
    );
    let overview = |db: &Database, path: &Path| {
        db.read(|conn| outward_core::workspace::overview(conn, path))
            .unwrap()
    };
    assert_eq!(
        overview(&first, &first_path).latest_backup,
        Some(first_daily.display().to_string()),
        "the overview (Settings, `outward info`) names the database's own latest backup"
    );
    assert_eq!(
        backup::latest_for(&second_path).map(|p| only_team(&p)),
        Some("Second".to_owned())
    );
    let named_for_second = std::fs::read_dir(backup::folder_for(&second_path))
        .unwrap()
        .filter(|entry| {
            let name = entry.as_ref().unwrap().file_name();
            name.to_string_lossy().starts_with("outward-2-")
        })
        .count();
    assert_eq!(
        named_for_second,
        backup::KEEP,
        "the newest ten of the second database are kept"
    );
}

#[test]
fn the_list_says_when_and_why_each_backup_was_taken_its_size_and_whether_it_verifies() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("outward.db");
    let db = Database::open(&path, at(0)).unwrap();
    add_team(&db, "Platform");
    backup::create_if_due_at(&path, at(1)).unwrap();
    db.backup(at(2)).unwrap();
    db.backup_because(at(3), backup::Reason::EmptyTrash)
        .unwrap();
    // A backup named before reasons were recorded, and one that was damaged since.
    let folder = backup::folder_for(&path);
    std::fs::copy(
        backup::latest_for(&path).unwrap(),
        folder.join("outward-20260501T115900.000Z.db"),
    )
    .unwrap();
    std::fs::write(
        folder.join("outward-20260501T120400.000Z.manual.db"),
        b"not a database at all",
    )
    .unwrap();

    let listed = backup::describe(&path);
    let reasons: Vec<_> = listed.iter().map(|b| b.reason).collect();
    use backup::Reason::*;
    assert_eq!(
        reasons,
        [
            Some(Manual),
            Some(EmptyTrash),
            Some(Manual),
            Some(Daily),
            None
        ],
        "newest first"
    );
    let damaged = &listed[0];
    assert!(damaged.problem.is_some(), "{damaged:?}");
    assert_eq!(damaged.schema_version, None);
    for good in &listed[1..] {
        assert_eq!(good.problem, None, "{good:?}");
        assert_eq!(
            good.schema_version,
            Some(outward_core::db::latest_schema_version())
        );
        assert!(good.size_bytes > 0);
    }
    assert_eq!(listed[3].taken_at, at(1));
}

#[test]
fn a_restore_keeps_the_replaced_state_even_when_it_restores_the_oldest_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("outward.db");
    let db = Database::open(&path, at(0)).unwrap();
    add_team(&db, "Oldest");
    let oldest = db.backup(at(1)).unwrap();
    add_team(&db, "Later");
    for minute in 2..(1 + backup::KEEP as u32) {
        db.backup(at(minute)).unwrap();
    }
    assert_eq!(backup::list(&path).len(), backup::KEEP);
    drop(db);
    // Keeping the current state rotates the oldest backup out: the restore still has it.
    let kept = backup::restore(&oldest, &path, at(30)).unwrap().unwrap();
    assert!(
        kept.file_name()
            .unwrap()
            .to_string_lossy()
            .ends_with(".restore.db")
    );
    assert_eq!(
        team_names(&Database::open(&path, at(31)).unwrap()),
        ["Oldest"]
    );
}

#[test]
fn a_backup_of_another_program_or_a_newer_outward_is_never_restored() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("outward.db");
    add_team(&Database::open(&path, at(0)).unwrap(), "Platform");

    let foreign = dir.path().join("other.db");
    Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE notes (body TEXT)")
        .unwrap();
    let err = backup::restore(&foreign, &path, at(1)).unwrap_err();
    assert!(err.to_string().contains("not one of Outward's"), "{err}");

    let newer = dir.path().join("newer.db");
    std::fs::copy(&path, &newer).unwrap();
    Connection::open(&newer)
        .unwrap()
        .pragma_update(None, "user_version", 999)
        .unwrap();
    let err = backup::restore(&newer, &path, at(2)).unwrap_err();
    assert!(err.to_string().contains("newer version"), "{err}");

    assert!(
        backup::list(&path).is_empty(),
        "nothing was kept: nothing was replaced"
    );
    assert_eq!(
        team_names(&Database::open(&path, at(3)).unwrap()),
        ["Platform"]
    );
}

#[test]
fn a_restore_cut_short_is_cleaned_up_when_the_database_next_opens() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("outward.db");
    add_team(&Database::open(&path, at(0)).unwrap(), "Platform");
    let staging = path.with_extension("db.restoring");
    std::fs::write(&staging, b"half a copy").unwrap();
    let db = Database::open(&path, at(1)).unwrap();
    assert!(!staging.exists());
    assert_eq!(team_names(&db), ["Platform"]);
}

/// A backup passed the full integrity check before it took its name. Listing backups reads
/// only each one's header and schema, so opening Settings costs the same for a 2 GB workspace as
/// for an empty one; a restore checks every page again and refuses damage there.
#[test]
fn a_listing_reads_only_each_backups_header_and_a_restore_checks_every_page() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("outward.db");
    let db = Database::open(&path, at(0)).unwrap();
    for n in 0..200 {
        add_team(&db, &format!("Team {n}"));
    }
    let damaged = db.backup(at(1)).unwrap();
    let cut_short = db.backup(at(2)).unwrap();

    // Garbage in the teams table's first page is found only by reading the table.
    let (root, page_size): (i64, i64) = Connection::open(&damaged)
        .unwrap()
        .query_row(
            "SELECT rootpage, (SELECT page_size FROM pragma_page_size) FROM sqlite_schema
             WHERE name = 'teams'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let bytes = std::fs::read(&damaged).unwrap();
    let mut garbled = bytes.clone();
    let (root, page_size) = (root as usize, page_size as usize);
    garbled[(root - 1) * page_size..root * page_size].fill(0xA5);
    std::fs::write(&damaged, &garbled).unwrap();
    std::fs::write(&cut_short, &bytes[..bytes.len() / 2]).unwrap();

    let listed = backup::describe(&path);
    let find = |file: &Path| {
        listed
            .iter()
            .find(|b| Path::new(&b.path) == file)
            .unwrap_or_else(|| panic!("{} is listed", file.display()))
    };
    assert_eq!(
        find(&damaged).problem,
        None,
        "the listing did not read the teams"
    );
    assert!(
        find(&cut_short).problem.is_some(),
        "a backup cut short shows in the listing: {:?}",
        find(&cut_short)
    );

    let err = backup::restore(&damaged, &path, at(3)).unwrap_err();
    assert!(
        err.to_string().contains("integrity"),
        "the restore read every page and says why it refuses: {err}"
    );
    assert_eq!(team_names(&db).len(), 200, "nothing restored");
}
