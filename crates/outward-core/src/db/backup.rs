//! Verified, rotating backups. A backup is written with `VACUUM INTO` to a temporary name,
//! flushed to disk, checked with `PRAGMA integrity_check`, and only then renamed into place, so
//! a file named like a backup is always a complete, valid database.
//!
//! Backups belong to one database file: `backups/<name>-<UTC stamp>.db` beside it, `<name>`
//! being the file's name without `.db` (so `outward.db`'s are `outward-<stamp>.db`). Two
//! databases in one folder each take, find and rotate only their own; a backup is recognised
//! by parsing its stamp, so `outward-2.db`'s backups are never taken for `outward.db`'s.

use super::{Access, connect};
use crate::error::{Error, Result};
use chrono::{DateTime, Utc};
use rusqlite::Connection;
use std::fs::File;
use std::path::{Path, PathBuf};

/// How many backups are kept; older ones are removed after each new one is verified.
pub const KEEP: usize = 10;

const STAMP: &str = "%Y%m%dT%H%M%S%.3fZ";
const SUFFIX: &str = ".db";
const PARTIAL: &str = ".partial";

/// The folder that holds backups of the database at `db_path`: `backups/` beside it.
pub fn folder_for(db_path: &Path) -> PathBuf {
    db_path.parent().unwrap_or(Path::new(".")).join("backups")
}

/// The name the backups of the database at `db_path` start with: its file name without `.db`.
fn owner(db_path: &Path) -> String {
    let name = db_path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    name.strip_suffix(SUFFIX).map(str::to_owned).unwrap_or(name)
}

/// When the backup named `file_name` was taken, if it is a backup of the database whose
/// backups start with `owner`.
fn taken_at(owner: &str, file_name: &str) -> Option<DateTime<Utc>> {
    // The stamp holds no `-`, so the last one ends the owner's name, whatever that contains.
    let (of, stamp) = file_name.strip_suffix(SUFFIX)?.rsplit_once('-')?;
    if of != owner {
        return None;
    }
    chrono::NaiveDateTime::parse_from_str(stamp, STAMP)
        .ok()
        .map(|t| t.and_utc())
}

/// Writes a verified backup of `conn`'s main database, the file at `db_path`, into
/// [`folder_for`] it, keeps its newest [`KEEP`], and returns the new backup's path.
pub fn create(conn: &Connection, db_path: &Path, now: DateTime<Utc>) -> Result<PathBuf> {
    let folder = &folder_for(db_path);
    std::fs::create_dir_all(folder).map_err(|e| {
        Error::io(
            format!("cannot create the backup folder {}", folder.display()),
            e,
        )
    })?;
    let name = format!("{}-{}{SUFFIX}", owner(db_path), now.format(STAMP));
    let target = folder.join(&name);
    let partial = folder.join(format!(".{name}{PARTIAL}"));
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
    rotate(db_path, KEEP)?;
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

/// The backups of the database at `db_path`, newest first.
pub fn list(db_path: &Path) -> Vec<PathBuf> {
    dated(db_path).into_iter().map(|(_, path)| path).collect()
}

/// The backups of the database at `db_path` with when each was taken, newest first.
fn dated(db_path: &Path) -> Vec<(DateTime<Utc>, PathBuf)> {
    let owner = owner(db_path);
    let mut backups: Vec<(DateTime<Utc>, PathBuf)> = files_in(&folder_for(db_path))
        .filter_map(|(name, path)| Some((taken_at(&owner, &name)?, path)))
        .collect();
    backups.sort();
    backups.reverse();
    backups
}

/// The files in `folder`, by name; none if it cannot be read (no backup taken yet).
fn files_in(folder: &Path) -> impl Iterator<Item = (String, PathBuf)> + use<> {
    std::fs::read_dir(folder)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| Some((entry.file_name().into_string().ok()?, entry.path())))
}

/// How often the app takes a backup of its own when it starts.
pub const AUTOMATIC_EVERY: chrono::Duration = chrono::Duration::hours(24);

/// Takes a backup of the database at `db_path` unless the newest one is younger than
/// [`AUTOMATIC_EVERY`]. Returns the new backup's path when one was written.
fn create_if_due(conn: &Connection, db_path: &Path, now: DateTime<Utc>) -> Result<Option<PathBuf>> {
    let newest = dated(db_path).into_iter().next().map(|(taken, _)| taken);
    if newest.is_some_and(|taken| now - taken < AUTOMATIC_EVERY) {
        return Ok(None);
    }
    create(conn, db_path, now).map(Some)
}

/// [`create_if_due`] on a read-only connection of its own to the database at `db_path`, so it
/// can run on another thread while the app uses its connection: WAL gives it a consistent
/// snapshot without blocking anyone.
pub fn create_if_due_at(db_path: &Path, now: DateTime<Utc>) -> Result<Option<PathBuf>> {
    create_if_due(&connect(db_path, Access::ReadOnly)?, db_path, now)
}

/// The newest backup of the database at `db_path`, if there is one.
pub fn latest_for(db_path: &Path) -> Option<PathBuf> {
    list(db_path).into_iter().next()
}

/// Removes all but the newest `keep` backups of the database at `db_path`, and partial files
/// its backups cut short (the app closed mid-way) left behind. Another database's backups are
/// never touched. A file another backup removed first is no error.
fn rotate(db_path: &Path, keep: usize) -> Result<()> {
    let owner = owner(db_path);
    let partials = files_in(&folder_for(db_path))
        .filter(|(name, _)| {
            name.strip_prefix('.')
                .and_then(|n| n.strip_suffix(PARTIAL))
                .is_some_and(|backup| taken_at(&owner, backup).is_some())
        })
        .map(|(_, path)| path);
    for old in partials.chain(list(db_path).into_iter().skip(keep)) {
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
    let kept = if db_path.exists() {
        let current = connect(db_path, Access::ReadOnly)?;
        Some(create(&current, db_path, now)?)
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
