//! Opening the store: one function sets the pragmas every connection needs, migrations are
//! embedded and append-only, and an existing file is backed up before any migration touches it.
//! [`Database`] is the handle the app and the CLI share; reads get a `&Connection`, writes get a
//! `Transaction` that commits only if the whole closure succeeds, and every committed write
//! records what it changed (see [`changes`]) until [`Database::take_changes`] collects it.

pub mod backup;
mod changes;

use crate::entity::Changed;
use crate::error::{Error, Result};
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};
use rusqlite_migration::{M, Migrations};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

/// How long a writer waits for another connection's lock before giving up.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The file name of the database inside the app-data folder.
pub const FILE_NAME: &str = "outward.db";

/// The app's identifier; the app-data folder is named after it on every platform.
pub const APP_IDENTIFIER: &str = "io.outward.desktop";

/// Every schema change ever made, in order. Append only: never edit a migration that has landed.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_foundation.sql"),
    include_str!("migrations/0002_interviews.sql"),
    include_str!("migrations/0003_list_indexes.sql"),
    include_str!("migrations/0004_trash_follows_and_evidence.sql"),
    include_str!("migrations/0005_exercises.sql"),
    include_str!("migrations/0006_workshops.sql"),
    include_str!("migrations/0007_outcomes.sql"),
    include_str!("migrations/0008_live_covering_indexes.sql"),
    include_str!("migrations/0009_notes_index_merged_when_idle.sql"),
    include_str!("migrations/0010_open_pain_points_per_customer.sql"),
    include_str!("migrations/0011_room.sql"),
    include_str!("migrations/0012_metrics_surveys_goals.sql"),
    include_str!("migrations/0013_commitments.sql"),
    include_str!("migrations/0014_survey_score_tallies.sql"),
    include_str!("migrations/0015_quarter_reviews.sql"),
    include_str!("migrations/0016_kudos_kinds_and_celebrations.sql"),
    include_str!("migrations/0017_tickets.sql"),
    include_str!("migrations/0018_support_rota.sql"),
    include_str!("migrations/0019_migrations.sql"),
    include_str!("migrations/0020_hiring_kit.sql"),
    include_str!("migrations/0021_covering_indexes.sql"),
    include_str!("migrations/0022_search_index_skips_unchanged_text.sql"),
    include_str!("migrations/0023_pain_points_raised_during_a_migration.sql"),
    include_str!("migrations/0024_trash_read_indexes.sql"),
    include_str!("migrations/0025_survey_responses_live.sql"),
    include_str!("migrations/0026_notes_indexed_by_passage.sql"),
];

fn migrations() -> Migrations<'static> {
    steps(MIGRATIONS)
}

/// The migrations for `sql`, each with the work it needs done in Rust after its SQL.
fn steps(sql: &[&'static str]) -> Migrations<'static> {
    Migrations::new(
        sql.iter()
            .enumerate()
            .map(|(index, sql)| match index + 1 {
                // What counts as evidence and reach changed: every stored weight follows.
                4 => M::up_with_hook(sql, |tx: &Transaction| {
                    crate::pain_points::weight::refresh_all(tx)
                        .map_err(|e| rusqlite_migration::HookError::Hook(e.to_string()))
                }),
                // The notes are indexed by passage: the interviews already stored too.
                26 => M::up_with_hook(sql, |tx: &Transaction| {
                    crate::search::passages::index_all(tx)
                        .map_err(|e| rusqlite_migration::HookError::Hook(e.to_string()))
                }),
                _ => M::up(sql),
            })
            .collect(),
    )
}

/// A new in-memory database at schema `version`, to read a bundle of an older schema into
/// before migrating it.
pub(crate) fn in_memory_at(version: u32) -> Result<Connection> {
    let mut conn = Connection::open_in_memory()?;
    configure(&conn, Access::ReadWrite)?;
    migrations().to_version(&mut conn, version as usize)?;
    Ok(conn)
}

/// Migrates `conn` to the latest schema.
pub(crate) fn migrate_to_latest(conn: &mut Connection) -> Result<()> {
    migrations().to_latest(conn)?;
    Ok(())
}

/// The schema version a fully migrated database has (`PRAGMA user_version`).
pub fn latest_schema_version() -> u32 {
    MIGRATIONS.len() as u32
}

/// The database path used when none is given: the platform's app-data folder, or `OUTWARD_DB`.
/// On Linux that is `~/.local/share/io.outward.desktop/outward.db`.
pub fn default_path() -> Result<PathBuf> {
    if let Some(path) = std::env::var_os("OUTWARD_DB").filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(path));
    }
    dirs::data_dir()
        .map(|dir| dir.join(APP_IDENTIFIER).join(FILE_NAME))
        .ok_or_else(|| {
            Error::io(
                "cannot find the app-data folder",
                std::io::Error::new(std::io::ErrorKind::NotFound, "no home directory"),
            )
        })
}

/// What a connection may do with its file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Reads and writes; a missing file is created, and the file is switched to WAL.
    ReadWrite,
    /// Reads only, for backups: copying or checking a file must never change it.
    ReadOnly,
}

/// Opens the database file at `path` with every pragma `access` allows. Every connection to a
/// file is made here, so none can miss a pragma; a file that cannot be opened is
/// [`Error::Unreadable`], naming it.
pub fn connect(path: &Path, access: Access) -> Result<Connection> {
    connect_after(path, access, |_| Ok(()))
}

/// [`connect`], running `look` on the connection before any pragma touches the file.
fn connect_after(
    path: &Path,
    access: Access,
    look: impl FnOnce(&Connection) -> Result<()>,
) -> Result<Connection> {
    let unreadable = |error: rusqlite::Error| Error::Unreadable {
        path: path.to_owned(),
        reason: error.to_string(),
    };
    let flags = match access {
        Access::ReadWrite => OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE,
        Access::ReadOnly => OpenFlags::SQLITE_OPEN_READ_ONLY,
    };
    let conn = Connection::open_with_flags(path, flags).map_err(unreadable)?;
    look(&conn)?;
    configure(&conn, access).map_err(unreadable)?;
    Ok(conn)
}

/// Sets the pragmas and functions every connection must have. The only place they are set.
fn configure(conn: &Connection, access: Access) -> rusqlite::Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    // The notes' index triggers cut the notes into passages with it (migration 0026).
    crate::search::passages::register(conn)?;
    conn.pragma_update(None, "foreign_keys", true)?;
    // The journal mode belongs to the file: a read-only connection reads it as it was written.
    // WAL cannot be set on an in-memory database either; it stays "memory" there.
    if access == Access::ReadWrite {
        conn.pragma_update_and_check(None, "journal_mode", "wal", |_| Ok(()))?;
    }
    // Writes are human-paced: durability over speed, even across power loss.
    conn.pragma_update(None, "synchronous", "FULL")?;
    Ok(())
}

/// Gives the query planner fresh statistics for every table that has grown or shrunk tenfold
/// since they were taken, as SQLite advises for long-lived connections; the analysis limit
/// keeps it to milliseconds at any size. Run on opening, and every so often during bulk
/// writes (it may run inside a transaction): statistics taken while a table was nearly empty
/// make the planner scan where it should seek. FTS5 deletes a merged segment's pages with a
/// range on the row id, and scans the whole index instead while its table is recorded as
/// holding 2 rows, so a large import into a new database would slow down quadratically.
/// Only plans depend on it, so a failure (another process holding a lock) is logged.
pub fn refresh_statistics(conn: &Connection) {
    if let Err(error) =
        conn.execute_batch("PRAGMA analysis_limit = 400; PRAGMA optimize = 0x10002;")
    {
        log::warn!("refreshing the query planner's statistics failed: {error}");
    }
    STATISTICS.fetch_add(1, Ordering::Release);
}

/// How many times this process has refreshed the planner's statistics. SQLite loads them into
/// a connection when it reads the schema, and another connection's `ANALYZE` does not reload
/// them: a reading connection compares this count with the one it last loaded at and reloads.
static STATISTICS: AtomicU64 = AtomicU64::new(0);

/// The schema version stored in a database (`PRAGMA user_version`).
pub fn schema_version(conn: &Connection) -> Result<u32> {
    Ok(conn.pragma_query_value(None, "user_version", |row| row.get(0))?)
}

/// Opens `path`, refuses files that are not Outward databases or come from a newer version,
/// backs up an existing database that `steps` would change, then applies `steps`.
fn open_migrated(path: &Path, now: DateTime<Utc>, steps: &[&'static str]) -> Result<Connection> {
    let existed = path.exists();
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| Error::io(format!("cannot create the folder {}", dir.display()), e))?;
    }
    let unreadable = |reason: String| Error::Unreadable {
        path: path.to_owned(),
        reason,
    };
    let latest = steps.len() as u32;
    let mut version = 0;
    // Look before touching: switching to WAL rewrites the header of someone else's file.
    let mut conn = connect_after(path, Access::ReadWrite, |conn| {
        version = schema_version(conn).map_err(|e| unreadable(e.to_string()))?;
        if version > latest {
            return Err(unreadable(format!(
                "it was written by a newer version of Outward (schema {version}; this version knows up to {latest})"
            )));
        }
        if version == 0 && has_tables(conn)? {
            return Err(unreadable(
                "it is an SQLite database, but not one of Outward's".into(),
            ));
        }
        Ok(())
    })?;
    if existed && version > 0 && version < latest {
        backup::create(&conn, path, now, backup::Reason::Migration)?;
    }
    self::steps(steps)
        .to_latest(&mut conn)
        .map_err(|e| unreadable(format!("updating its schema failed: {e}")))?;
    Ok(conn)
}

fn has_tables(conn: &Connection) -> Result<bool> {
    Ok(conn.query_row("SELECT count(*) > 0 FROM sqlite_schema", [], |r| r.get(0))?)
}

/// A handle on one open database file, shared by every command of the app or CLI.
///
/// One connection for writes behind a mutex, so every write is strictly ordered, and one for
/// reads beside it: a write holds its connection through its sync to disk, and with the room
/// joined, the pages' polls and the facilitator's window read while cards arrive. The
/// write-ahead log lets a read run during a write, on the last committed state.
pub struct Database {
    path: PathBuf,
    conn: Mutex<Connection>,
    /// The connection reads use; `None` in memory, where a second connection would open a
    /// database of its own, so reads use the writer's.
    reader: Option<Mutex<Reader>>,
    /// What committed writes changed since it was last taken.
    unannounced: Mutex<Changed>,
}

impl Database {
    /// Opens (creating if needed) the database at `path` and migrates it to the latest schema.
    /// An existing database that needs migrating is backed up first, into `backups/` beside it.
    pub fn open(path: &Path, now: DateTime<Utc>) -> Result<Self> {
        backup::clean_up_interrupted(path);
        let conn = open_migrated(path, now, MIGRATIONS)?;
        refresh_statistics(&conn);
        Database::new(path, conn, Some(Reader::open(path)?))
    }

    /// A fresh, migrated in-memory database, for tests.
    pub fn open_in_memory() -> Result<Self> {
        let mut conn = Connection::open_in_memory()?;
        configure(&conn, Access::ReadWrite)?;
        migrations().to_latest(&mut conn)?;
        Database::new(Path::new(":memory:"), conn, None)
    }

    fn new(path: &Path, conn: Connection, reader: Option<Reader>) -> Result<Self> {
        changes::watch_writes(&conn)?;
        Ok(Database {
            path: path.to_owned(),
            conn: Mutex::new(conn),
            reader: reader.map(Mutex::new),
            unannounced: Mutex::default(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs `f` on one snapshot: in a read transaction, so a record and its links are read as
    /// of the same moment even while another process writes to the file, and the file is
    /// locked once for all of `f`'s statements instead of once for each. It runs on the
    /// reading connection, which takes no write lock and cannot write, so a read never waits
    /// for a write, in this process or another.
    pub fn read<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        let mut reader;
        let mut writer;
        let conn = match &self.reader {
            Some(shared) => {
                reader = sound(shared);
                reader.current()?
            }
            None => {
                writer = self.lock();
                &mut *writer
            }
        };
        let tx = conn.transaction_with_behavior(TransactionBehavior::Deferred)?;
        let value = f(&tx)?;
        tx.commit()?;
        Ok(value)
    }

    /// Takes a verified backup on request into `backups/` beside the database (see
    /// [`backup::create`]), outside any transaction, as `VACUUM INTO` requires.
    pub fn backup(&self, now: DateTime<Utc>) -> Result<PathBuf> {
        self.backup_because(now, backup::Reason::Manual)
    }

    /// [`Self::backup`], recording why it was taken.
    pub fn backup_because(&self, now: DateTime<Utc>, reason: backup::Reason) -> Result<PathBuf> {
        backup::create(&self.lock(), &self.path, now, reason)
    }

    /// Runs `f` in one transaction: it commits if `f` succeeds and rolls back otherwise, so a
    /// failed write leaves nothing half-done. What it changed is kept for [`Self::take_changes`].
    ///
    /// The transaction takes the write lock when it begins (`IMMEDIATE`). One that began as a
    /// reader and wrote later would fail at once (`SQLITE_BUSY_SNAPSHOT`, which no busy timeout
    /// retries) whenever another process, such as the CLI, committed in between; taking the
    /// lock first makes it wait its turn instead.
    pub fn write<T>(&self, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        let mut conn = self.lock();
        let statistics = STATISTICS.load(Ordering::Acquire);
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = f(&tx)?;
        let changed = changes::take(&tx)?;
        tx.commit()?;
        if STATISTICS.load(Ordering::Acquire) != statistics {
            // Statistics refreshed inside the transaction are in the file only now: a reader
            // that reloaded them in between loaded the old ones, and must again.
            STATISTICS.fetch_add(1, Ordering::Release);
        }
        self.unannounced().merge(changed);
        Ok(value)
    }

    /// What the writes committed since the last call changed, taken so it is announced once;
    /// `None` when they changed nothing. Work of several writes (emptying the Trash) is one.
    pub fn take_changes(&self) -> Option<Changed> {
        Some(std::mem::take(&mut *self.unannounced())).filter(|changed| !changed.is_empty())
    }

    fn unannounced(&self) -> MutexGuard<'_, Changed> {
        // Merging cannot leave a change half-recorded, so a poisoned lock is still sound.
        self.unannounced
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn lock(&self) -> MutexGuard<'_, Connection> {
        sound(&self.conn)
    }
}

/// The connection reads use, and the refresh of the statistics it loaded.
struct Reader {
    path: PathBuf,
    conn: Connection,
    statistics: u64,
}

impl Reader {
    /// Opened once the schema and its statistics are in place; it can only read.
    fn open(path: &Path) -> Result<Reader> {
        let statistics = STATISTICS.load(Ordering::Acquire);
        let conn = connect(path, Access::ReadWrite)?;
        conn.pragma_update(None, "query_only", true)?;
        Ok(Reader {
            path: path.to_owned(),
            conn,
            statistics,
        })
    }

    /// The connection, with the planner's statistics as they were last refreshed. It is opened
    /// again to load new ones: `ANALYZE sqlite_schema` would reload them in place, but it takes
    /// the write lock, and a read must never wait for a write.
    fn current(&mut self) -> Result<&mut Connection> {
        if STATISTICS.load(Ordering::Acquire) != self.statistics {
            *self = Reader::open(&self.path)?;
        }
        Ok(&mut self.conn)
    }
}

/// The connection behind `mutex`. A panic while holding it cannot leave a half-done
/// transaction behind (it rolls back on drop), so the connection is still sound: keep using it.
fn sound<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        migrations()
            .validate()
            .expect("every migration applies to an empty database");
    }

    #[test]
    fn latest_version_matches_the_migration_list() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrations().to_latest(&mut conn).unwrap();
        assert_eq!(schema_version(&conn).unwrap(), latest_schema_version());
    }
}

#[cfg(test)]
mod migration_tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn an_existing_database_is_backed_up_before_a_new_migration_runs() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        let now = Utc.with_ymd_and_hms(2026, 1, 2, 3, 4, 5).single().unwrap();
        let conn = open_migrated(&path, now, MIGRATIONS).unwrap();
        conn.execute(
            "INSERT INTO teams (id, name, created_at, updated_at) VALUES ('t', 'Before', '', '')",
            [],
        )
        .unwrap();
        drop(conn);
        assert!(
            backup::latest_for(&path).is_none(),
            "a new file needs no backup"
        );

        let mut next: Vec<&'static str> = MIGRATIONS.to_vec();
        next.push("ALTER TABLE teams ADD COLUMN motto TEXT NOT NULL DEFAULT ''");
        let conn = open_migrated(&path, now, &next).unwrap();
        assert_eq!(schema_version(&conn).unwrap(), next.len() as u32);

        let saved = backup::latest_for(&path).expect("a backup was taken before migrating");
        let old = Connection::open(&saved).unwrap();
        assert_eq!(
            schema_version(&old).unwrap(),
            MIGRATIONS.len() as u32,
            "taken before, not after"
        );
        let name: String = old
            .query_row("SELECT name FROM teams", [], |r| r.get(0))
            .unwrap();
        assert_eq!(name, "Before");
    }
}
