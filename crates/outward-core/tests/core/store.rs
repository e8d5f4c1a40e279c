//! The store against real database files: pragmas, durability across reopen, snapshots and
//! waiting writers, and files that are not usable databases.

use crate::fixtures::{add_team, at, team, team_names};
use outward_core::db::{self, Database};
use outward_core::error::Error;
use outward_core::teams;
use rusqlite::Connection;
use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

/// The pragmas a connection runs with: journal mode, synchronous, foreign keys, busy timeout.
fn pragmas(conn: &Connection) -> rusqlite::Result<(String, i64, i64, i64)> {
    let value = |name: &str| conn.pragma_query_value(None, name, |r| r.get::<_, i64>(0));
    Ok((
        conn.pragma_query_value(None, "journal_mode", |r| r.get(0))?,
        value("synchronous")?,
        value("foreign_keys")?,
        value("busy_timeout")?,
    ))
}

#[test]
fn the_databases_own_connection_has_the_durability_pragmas() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("outward.db");
    let db = Database::open(&path, at(0)).unwrap();
    let (journal, synchronous, foreign_keys, busy) = db.read(|conn| Ok(pragmas(conn)?)).unwrap();
    assert_eq!(journal, "wal", "write-ahead log");
    assert_eq!(synchronous, 2, "synchronous=FULL survives power loss");
    assert_eq!(foreign_keys, 1, "foreign keys are enforced");
    assert_eq!(
        busy, 5000,
        "writers wait for a lock instead of failing at once"
    );
}

#[test]
fn a_read_only_connection_gets_every_pragma_it_can_take_and_cannot_write() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("outward.db");
    add_team(&Database::open(&path, at(0)).unwrap(), "Platform");
    let conn = db::connect(&path, db::Access::ReadOnly).unwrap();
    let (journal, synchronous, foreign_keys, busy) = pragmas(&conn).unwrap();
    assert_eq!(journal, "wal", "reads the file in the mode it was written");
    assert_eq!(synchronous, 2, "synchronous=FULL");
    assert_eq!(foreign_keys, 1, "foreign keys are enforced");
    assert_eq!(busy, 5000, "waits for a lock instead of failing at once");
    let write = conn.execute("DELETE FROM teams", []);
    assert!(
        write.is_err(),
        "a read-only connection cannot change the file"
    );
}

#[test]
fn committed_data_is_there_after_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("outward.db");
    add_team(&Database::open(&path, at(0)).unwrap(), "Platform");
    let reopened = Database::open(&path, at(1)).unwrap();
    assert_eq!(team_names(&reopened), ["Platform"]);
    assert_eq!(
        reopened.read(db::schema_version).unwrap(),
        db::latest_schema_version()
    );
}

#[test]
fn a_read_sees_one_snapshot_while_another_process_writes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("outward.db");
    let db = Database::open(&path, at(0)).unwrap();
    add_team(&db, "Platform");
    let other = db::connect(&path, db::Access::ReadWrite).unwrap();
    let count = |conn: &Connection| -> i64 {
        conn.query_row("SELECT count(*) FROM teams", [], |r| r.get(0))
            .unwrap()
    };
    let (before, after) = db
        .read(|conn| {
            let before = count(conn);
            other
                .execute(
                    "INSERT INTO teams (id, name, description, created_at, updated_at)
                     SELECT '00000000-0000-4000-8000-000000000001', 'Data', '', created_at,
                            updated_at FROM teams",
                    [],
                )
                .unwrap();
            Ok((before, count(conn)))
        })
        .unwrap();
    assert_eq!(
        (before, after),
        (1, 1),
        "the read does not see a write half-way"
    );
    assert_eq!(team_names(&db), ["Data", "Platform"], "the next read does");
}

#[test]
fn a_write_waits_for_another_process_instead_of_failing() {
    // The app and the CLI each hold a handle on the same file. The app's write reads first, as
    // the core's writes do (a name check, a record's links), and the CLI commits a write of
    // its own in between. A write that began as a reader finds its snapshot stale and SQLite
    // refuses it at once (SQLITE_BUSY_SNAPSHOT), which no busy timeout retries.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("outward.db");
    let app = Database::open(&path, at(0)).unwrap();
    let cli = Database::open(&path, at(0)).unwrap();
    let (app_has_read, cli_may_write) = mpsc::channel();
    let (cli_has_written, app_may_write) = mpsc::channel();
    let give_up = Duration::from_millis(500);
    let (from_app, from_cli) = std::thread::scope(|s| {
        let (app, cli) = (&app, &cli);
        let app_thread = s.spawn(move || {
            app.write(|tx| {
                let before = teams::list(tx)?.len();
                app_has_read.send(()).unwrap();
                // Taking the write lock first, the app holds it: the CLI cannot write until
                // the app is done, so this wait runs out.
                let _ = app_may_write.recv_timeout(give_up);
                teams::create(tx, &team("App"), at(1))?;
                Ok(before)
            })
        });
        let cli_thread = s.spawn(move || {
            let _ = cli_may_write.recv_timeout(give_up * 10);
            let written = cli.write(|tx| teams::create(tx, &team("Cli"), at(1)));
            let _ = cli_has_written.send(());
            written
        });
        (app_thread.join().unwrap(), cli_thread.join().unwrap())
    });
    assert!(
        from_cli.is_ok(),
        "the CLI's write waits its turn: {from_cli:?}"
    );
    assert!(
        from_app.is_ok(),
        "the app's write is not refused for a write in between: {from_app:?}"
    );
    assert_eq!(team_names(&app), ["App", "Cli"], "both writes are stored");
}

#[test]
fn a_read_does_not_wait_for_a_write_in_progress() {
    // The room's pages poll for the view while cards arrive: a read must not queue behind a
    // write that is still syncing. The write below holds its transaction open until the read
    // is done; if reads waited for it, the write's wait would run out first.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("outward.db");
    let db = Database::open(&path, at(0)).unwrap();
    add_team(&db, "Platform");
    let (writing, read_may_start) = mpsc::channel();
    let (read_done, write_may_end) = mpsc::channel();
    let (written, seen) = std::thread::scope(|s| {
        let db = &db;
        let writer = s.spawn(move || {
            db.write(|tx| {
                teams::create(tx, &team("Data"), at(1))?;
                writing.send(()).unwrap();
                Ok(write_may_end.recv_timeout(Duration::from_secs(10)).is_ok())
            })
        });
        read_may_start.recv().unwrap();
        let seen = team_names(db);
        read_done.send(()).unwrap();
        (writer.join().unwrap(), seen)
    });
    assert_eq!(
        written.ok(),
        Some(true),
        "the read ended while the write was open"
    );
    assert_eq!(seen, ["Platform"], "it read what was committed before");
    assert_eq!(
        team_names(&db),
        ["Data", "Platform"],
        "the next read sees the write"
    );
}

#[test]
fn a_read_cannot_write() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("outward.db");
    let db = Database::open(&path, at(0)).unwrap();
    add_team(&db, "Platform");
    let write = db.read(|conn| Ok(conn.execute("DELETE FROM teams", [])?));
    assert!(write.is_err(), "a read changed the file: {write:?}");
    assert_eq!(team_names(&db), ["Platform"]);
}

fn assert_unreadable(path: &Path, reason_part: &str) {
    let before = std::fs::read(path).unwrap();
    let err = Database::open(path, at(0)).err().expect("opening fails");
    let message = err.to_string();
    assert!(matches!(err, Error::Unreadable { .. }), "{err:?}");
    assert!(
        message.contains(&path.display().to_string()),
        "names the file: {message}"
    );
    assert!(message.contains(reason_part), "says why: {message}");
    let unchanged = std::fs::read(path).unwrap() == before;
    assert!(unchanged, "the file is left exactly as it was");
}

#[test]
fn a_file_that_is_not_a_database_is_refused_with_its_path() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("outward.db");
    std::fs::write(
        &path,
        "these are meeting notes, not a database\n".repeat(200),
    )
    .unwrap();
    assert_unreadable(&path, "not a database");
}

#[test]
fn another_programs_database_is_not_taken_over() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.db");
    Connection::open(&path)
        .unwrap()
        .execute("CREATE TABLE songs (title TEXT)", [])
        .unwrap();
    assert_unreadable(&path, "not one of Outward's");
}

#[test]
fn a_database_from_a_newer_version_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("outward.db");
    drop(Database::open(&path, at(0)).unwrap());
    let future = db::latest_schema_version() + 1;
    Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", future)
        .unwrap();
    assert_unreadable(&path, "newer version of Outward");
}
