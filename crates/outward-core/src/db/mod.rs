//! Opening the store: one function sets the pragmas every connection needs, migrations are
//! embedded and append-only, and an existing file is backed up before any migration touches it.
//! [`Database`] is the handle the app and the CLI share; reads get a `&Connection`, writes get a
//! `Transaction` that commits only if the whole closure succeeds.

pub mod backup;

use crate::error::{Error, Result};
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OpenFlags, Transaction};
use rusqlite_migration::{M, Migrations};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

/// How long a writer waits for another connection's lock before giving up.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The file name of the database inside the app-data folder.
pub const FILE_NAME: &str = "outward.db";

/// The app's identifier; the app-data folder is named after it on every platform.
pub const APP_IDENTIFIER: &str = "io.outward.desktop";

/// Every schema change ever made, in order. Append only: never edit a migration that has landed.
const MIGRATIONS: &[&str] = &[include_str!("migrations/0001_foundation.sql")];

fn migrations() -> Migrations<'static> {
    Migrations::new(MIGRATIONS.iter().map(|sql| M::up(sql)).collect())
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

/// Sets the pragmas every connection must have. The only place they are set.
pub fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.pragma_update(None, "foreign_keys", true)?;
    // WAL cannot be set on an in-memory database; it stays "memory" there.
    conn.pragma_update_and_check(None, "journal_mode", "wal", |_| Ok(()))?;
    // Writes are human-paced: durability over speed, even across power loss.
    conn.pragma_update(None, "synchronous", "FULL")?;
    Ok(())
}

/// The schema version stored in a database (`PRAGMA user_version`).
pub fn schema_version(conn: &Connection) -> Result<u32> {
    Ok(conn.pragma_query_value(None, "user_version", |row| row.get(0))?)
}

/// A handle on one open database file, shared by every command of the app or CLI.
///
/// One connection behind a mutex: writes are human-paced and short, so a pool would add moving
/// parts without adding speed, and a single connection makes every write strictly ordered.
pub struct Database {
    path: PathBuf,
    conn: Mutex<Connection>,
}

impl Database {
    /// Opens (creating if needed) the database at `path` and migrates it to the latest schema.
    /// An existing database that needs migrating is backed up first, into `backups/` beside it.
    pub fn open(path: &Path, now: DateTime<Utc>) -> Result<Self> {
        let existed = path.exists();
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|e| Error::io(format!("cannot create the folder {}", dir.display()), e))?;
        }
        let unreadable = |reason: String| Error::Unreadable {
            path: path.to_owned(),
            reason,
        };
        let mut conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE,
        )
        .map_err(|e| unreadable(e.to_string()))?;
        configure(&conn).map_err(|e| unreadable(e.to_string()))?;
        let version = schema_version(&conn).map_err(|e| unreadable(e.to_string()))?;
        if version > latest_schema_version() {
            return Err(unreadable(format!(
                "it was written by a newer version of Outward (schema {version}; this version knows up to {})",
                latest_schema_version()
            )));
        }
        if existed && version > 0 && version < latest_schema_version() {
            backup::create(&conn, &backup::folder_for(path), now)?;
        }
        migrations()
            .to_latest(&mut conn)
            .map_err(|e| unreadable(e.to_string()))?;
        Ok(Database {
            path: path.to_owned(),
            conn: Mutex::new(conn),
        })
    }

    /// A fresh, migrated in-memory database, for tests.
    pub fn open_in_memory() -> Result<Self> {
        let mut conn = Connection::open_in_memory()?;
        configure(&conn)?;
        migrations().to_latest(&mut conn)?;
        Ok(Database {
            path: PathBuf::from(":memory:"),
            conn: Mutex::new(conn),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs a read against the connection.
    pub fn read<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        f(&self.lock())
    }

    /// Runs `f` in one transaction: it commits if `f` succeeds and rolls back otherwise, so a
    /// failed write leaves nothing half-done.
    pub fn write<T>(&self, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        let mut conn = self.lock();
        let tx = conn.transaction()?;
        let value = f(&tx)?;
        tx.commit()?;
        Ok(value)
    }

    fn lock(&self) -> MutexGuard<'_, Connection> {
        // A panic while holding the lock cannot leave a half-done transaction behind (it rolls
        // back on drop), so the connection is still sound: keep using it.
        self.conn
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// The migrations validate: every step applies cleanly to an empty database, in order.
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
