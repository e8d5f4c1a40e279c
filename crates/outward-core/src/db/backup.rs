//! Verified, rotating backups. A backup is written with `VACUUM INTO` to a temporary name,
//! flushed to disk, checked with `PRAGMA integrity_check`, and only then renamed into place, so
//! a file named like a backup is always a complete, valid database.

use super::{Access, connect};
use crate::error::{Error, Result};
use chrono::{DateTime, Utc};
use rusqlite::Connection;
use std::fs::File;
use std::path::{Path, PathBuf};

/// How many backups are kept; older ones are removed after each new one is verified.
pub const KEEP: usize = 10;

const PREFIX: &str = "outward-";
const SUFFIX: &str = ".db";

/// The folder that holds backups of the database at `db_path`: `backups/` beside it.
pub fn folder_for(db_path: &Path) -> PathBuf {
    db_path.parent().unwrap_or(Path::new(".")).join("backups")
}

/// Writes a verified backup of `conn`'s main database into `folder`, keeps the newest
/// [`KEEP`], and returns the new backup's path.
pub fn create(conn: &Connection, folder: &Path, now: DateTime<Utc>) -> Result<PathBuf> {
    std::fs::create_dir_all(folder).map_err(|e| {
        Error::io(
            format!("cannot create the backup folder {}", folder.display()),
            e,
        )
    })?;
    let stamp = now.format("%Y%m%dT%H%M%S%.3fZ");
    let target = folder.join(format!("{PREFIX}{stamp}{SUFFIX}"));
    let partial = folder.join(format!(".{PREFIX}{stamp}{SUFFIX}.partial"));
    let _ = std::fs::remove_file(&partial);

    let written = write_verified(conn, &partial);
    if let Err(e) = written {
        let _ = std::fs::remove_file(&partial);
        return Err(e);
    }
    std::fs::rename(&partial, &target).map_err(|e| {
        Error::io(
            format!("cannot move the backup into {}", target.display()),
            e,
        )
    })?;
    sync_folder(folder);
    rotate(folder, KEEP)?;
    Ok(target)
}

fn write_verified(conn: &Connection, partial: &Path) -> Result<()> {
    let Some(partial_str) = partial.to_str() else {
        return Err(Error::io(
            "the backup path is not valid UTF-8",
            std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                partial.display().to_string(),
            ),
        ));
    };
    conn.execute("VACUUM INTO ?1", [partial_str])?;
    File::open(partial)
        .and_then(|f| f.sync_all())
        .map_err(|e| Error::io(format!("cannot flush the backup {}", partial.display()), e))?;
    verify(partial)
}

/// Checks that the file at `path` is a complete SQLite database (`PRAGMA integrity_check`).
pub fn verify(path: &Path) -> Result<()> {
    let unreadable = |reason: String| Error::Unreadable {
        path: path.to_owned(),
        reason,
    };
    let conn = connect(path, Access::ReadOnly)?;
    let verdict: String = conn
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .map_err(|e| unreadable(e.to_string()))?;
    if verdict == "ok" {
        Ok(())
    } else {
        Err(unreadable(format!("integrity check: {verdict}")))
    }
}

/// The backups in `folder`, newest first.
pub fn list(folder: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut backups: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| {
            path.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(PREFIX) && n.ends_with(SUFFIX))
        })
        .collect();
    // Names carry a sortable UTC timestamp.
    backups.sort();
    backups.reverse();
    backups
}

/// How often the app takes a backup of its own when it starts.
pub const AUTOMATIC_EVERY: chrono::Duration = chrono::Duration::hours(24);

/// Takes a backup of the database at `db_path` unless the newest one is younger than
/// [`AUTOMATIC_EVERY`]. Returns the new backup's path when one was written.
fn create_if_due(conn: &Connection, db_path: &Path, now: DateTime<Utc>) -> Result<Option<PathBuf>> {
    let newest = latest_for(db_path).as_deref().and_then(taken_at);
    if newest.is_some_and(|taken| now - taken < AUTOMATIC_EVERY) {
        return Ok(None);
    }
    create(conn, &folder_for(db_path), now).map(Some)
}

/// [`create_if_due`] on a read-only connection of its own to the database at `db_path`, so it
/// can run on another thread while the app uses its connection: WAL gives it a consistent
/// snapshot without blocking anyone.
pub fn create_if_due_at(db_path: &Path, now: DateTime<Utc>) -> Result<Option<PathBuf>> {
    create_if_due(&connect(db_path, Access::ReadOnly)?, db_path, now)
}

/// When a backup was taken, from its file name.
fn taken_at(path: &Path) -> Option<DateTime<Utc>> {
    let name = path.file_name()?.to_str()?;
    let stamp = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
    chrono::NaiveDateTime::parse_from_str(stamp, "%Y%m%dT%H%M%S%.3fZ")
        .ok()
        .map(|t| t.and_utc())
}

/// The newest backup of the database at `db_path`, if there is one.
pub fn latest_for(db_path: &Path) -> Option<PathBuf> {
    list(&folder_for(db_path)).into_iter().next()
}

/// Removes all but the newest `keep` backups, and partial files a backup cut short (the app
/// closed mid-way) left behind. A file another backup removed first is no error.
fn rotate(folder: &Path, keep: usize) -> Result<()> {
    let partials = std::fs::read_dir(folder)
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| {
            path.file_name()
                .and_then(|name| name.to_str())
                .is_some_and(|name| {
                    name.starts_with(&format!(".{PREFIX}")) && name.ends_with(".partial")
                })
        });
    for old in partials.chain(list(folder).into_iter().skip(keep)) {
        match std::fs::remove_file(&old) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                let context = format!("cannot remove the old backup {}", old.display());
                return Err(Error::io(context, e));
            }
            _ => {}
        }
    }
    Ok(())
}

/// Makes the rename durable. Best effort: not every platform can fsync a folder.
fn sync_folder(folder: &Path) {
    if let Ok(dir) = File::open(folder) {
        let _ = dir.sync_all();
    }
}

/// Replaces the database at `db_path` with the backup at `backup`, after verifying the backup.
/// The current file is first kept as a backup of its own, so a restore can itself be undone;
/// its path is returned. Call only while no connection to `db_path` is open.
pub fn restore(backup: &Path, db_path: &Path, now: DateTime<Utc>) -> Result<Option<PathBuf>> {
    verify(backup)?;
    let folder = folder_for(db_path);
    let kept = if db_path.exists() {
        let current = connect(db_path, Access::ReadOnly)?;
        Some(create(&current, &folder, now)?)
    } else {
        None
    };
    let staging = db_path.with_extension("db.restoring");
    std::fs::copy(backup, &staging)
        .map_err(|e| Error::io(format!("cannot copy {}", backup.display()), e))?;
    File::open(&staging)
        .and_then(|f| f.sync_all())
        .map_err(|e| Error::io(format!("cannot flush {}", staging.display()), e))?;
    for stale in ["db-wal", "db-shm"] {
        let _ = std::fs::remove_file(db_path.with_extension(stale));
    }
    std::fs::rename(&staging, db_path)
        .map_err(|e| Error::io(format!("cannot replace {}", db_path.display()), e))?;
    Ok(kept)
}
