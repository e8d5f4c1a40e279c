//! Verified, rotating backups. A backup is written with `VACUUM INTO` to a temporary name,
//! flushed to disk, checked with `PRAGMA integrity_check`, and only then renamed into place, so
//! a file named like a backup is always a complete, valid database.
//!
//! Backups belong to one database file: `backups/<name>-<UTC stamp>.<reason>.db` beside it,
//! `<name>` being the file's name without `.db` (so `outward.db`'s are
//! `outward-<stamp>.daily.db` and the like). The reason ([`Reason`]) is part of the name, so it
//! is written in the same rename as the file; files named before reasons were recorded
//! (`outward-<stamp>.db`) are still listed, with no reason. Two databases in one folder each
//! take, find and rotate only their own; a backup is recognised by parsing its stamp, so
//! `outward-2.db`'s backups are never taken for `outward.db`'s.

use super::{Access, connect};
use crate::error::{Error, Result};
use chrono::{DateTime, Utc};
use rusqlite::Connection;
use serde::Serialize;
use std::fs::File;
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// Why a backup was taken; written into its file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Reason {
    /// Before a new version of the app changed the database's schema.
    Migration,
    /// The automatic backup the app takes once a day.
    Daily,
    /// Before emptying the Trash destroyed its records.
    EmptyTrash,
    /// The state replaced by restoring another backup, so the restore can be undone.
    Restore,
    /// Taken on request (Settings, `outward backup`).
    Manual,
}

impl Reason {
    pub const ALL: [Reason; 5] = [
        Reason::Migration,
        Reason::Daily,
        Reason::EmptyTrash,
        Reason::Restore,
        Reason::Manual,
    ];

    /// The word in the file name.
    pub fn tag(self) -> &'static str {
        match self {
            Reason::Migration => "migration",
            Reason::Daily => "daily",
            Reason::EmptyTrash => "trash",
            Reason::Restore => "restore",
            Reason::Manual => "manual",
        }
    }

    fn from_tag(tag: &str) -> Option<Reason> {
        Reason::ALL.into_iter().find(|r| r.tag() == tag)
    }
}

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

/// When and why the backup named `file_name` was taken, if it is a backup of the database
/// whose backups start with `owner`. A name from before reasons were recorded has none.
fn taken_at(owner: &str, file_name: &str) -> Option<(DateTime<Utc>, Option<Reason>)> {
    let base = file_name.strip_suffix(SUFFIX)?;
    let (base, reason) = match base.rsplit_once('.') {
        Some((rest, tag)) if Reason::from_tag(tag).is_some() => (rest, Reason::from_tag(tag)),
        _ => (base, None),
    };
    // The stamp holds no `-`, so the last one ends the owner's name, whatever that contains.
    let (of, stamp) = base.rsplit_once('-')?;
    if of != owner {
        return None;
    }
    chrono::NaiveDateTime::parse_from_str(stamp, STAMP)
        .ok()
        .map(|t| (t.and_utc(), reason))
}

/// Writes a verified backup of `conn`'s main database, the file at `db_path`, into
/// [`folder_for`] it, named for `reason`, keeps its newest [`KEEP`], and returns its path.
pub fn create(
    conn: &Connection,
    db_path: &Path,
    now: DateTime<Utc>,
    reason: Reason,
) -> Result<PathBuf> {
    let folder = &folder_for(db_path);
    std::fs::create_dir_all(folder).map_err(|e| {
        Error::io(
            format!("cannot create the backup folder {}", folder.display()),
            e,
        )
    })?;
    let name = format!(
        "{}-{}.{}{SUFFIX}",
        owner(db_path),
        now.format(STAMP),
        reason.tag()
    );
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
    described(db_path)
        .into_iter()
        .map(|(_, _, path)| path)
        .collect()
}

/// The backup of the database at `db_path` whose file is named `file_name`, if there is one.
pub fn named(db_path: &Path, file_name: &str) -> Option<PathBuf> {
    list(db_path).into_iter().find(|p| {
        p.file_name()
            .is_some_and(|n| n.to_string_lossy() == file_name)
    })
}

/// The backups of the database at `db_path` with when and why each was taken, newest first.
fn described(db_path: &Path) -> Vec<(DateTime<Utc>, Option<Reason>, PathBuf)> {
    let owner = owner(db_path);
    let mut backups: Vec<(DateTime<Utc>, Option<Reason>, PathBuf)> = files_in(&folder_for(db_path))
        .filter_map(|(name, path)| {
            let (taken, reason) = taken_at(&owner, &name)?;
            Some((taken, reason, path))
        })
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
    let newest = described(db_path)
        .into_iter()
        .next()
        .map(|(taken, _, _)| taken);
    if newest.is_some_and(|taken| now - taken < AUTOMATIC_EVERY) {
        return Ok(None);
    }
    create(conn, db_path, now, Reason::Daily).map(Some)
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
    for old in partials(db_path).chain(list(db_path).into_iter().skip(keep)) {
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

/// The partial files of the database at `db_path`'s backups: `.<backup name>.partial`, written
/// before a backup is verified and renamed. One that is still there was cut short.
fn partials(db_path: &Path) -> impl Iterator<Item = PathBuf> + use<> {
    let owner = owner(db_path);
    files_in(&folder_for(db_path))
        .filter(move |(name, _)| {
            name.strip_prefix('.')
                .and_then(|n| n.strip_suffix(PARTIAL))
                .is_some_and(|backup| taken_at(&owner, backup).is_some())
        })
        .map(|(_, path)| path)
}

/// Makes a folder's entries (a rename into it) durable. Best effort: not every platform can
/// fsync a folder.
pub(crate) fn sync_folder(folder: &Path) {
    if let Ok(dir) = File::open(folder) {
        let _ = dir.sync_all();
    }
}

/// One backup as Settings and `outward backups list` show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BackupInfo {
    pub path: String,
    pub file_name: String,
    #[ts(type = "string")]
    pub taken_at: DateTime<Utc>,
    /// Why it was taken; `None` for a backup named before reasons were recorded.
    pub reason: Option<Reason>,
    #[ts(type = "number")]
    pub size_bytes: u64,
    /// The schema version it holds, when it passed [`check`].
    pub schema_version: Option<u32>,
    /// Why it cannot be restored, when it failed [`check`]; `None` means verified just now.
    pub problem: Option<String>,
}

/// The backups of the database at `db_path`, newest first, each looked at now (see
/// [`inspect`]): one cut short, or that is not an Outward database this version can migrate,
/// shows before anyone tries it. Only headers and schemas are read, so listing costs the same
/// at any size; every page passed the integrity check before the backup took its name, and
/// passes it again before a restore.
pub fn describe(db_path: &Path) -> Vec<BackupInfo> {
    described(db_path)
        .into_iter()
        .map(|(taken_at, reason, path)| {
            let (schema_version, problem) = match inspect(&path) {
                Ok(version) => (Some(version), None),
                Err(Error::Unreadable { reason, .. }) => (None, Some(reason)),
                Err(other) => (None, Some(other.to_string())),
            };
            BackupInfo {
                path: path.display().to_string(),
                file_name: path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                taken_at,
                reason,
                size_bytes: std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0),
                schema_version,
                problem,
            }
        })
        .collect()
}

/// Checks that the file at `path` can be restored: it passes `PRAGMA integrity_check`, it is an
/// Outward database, and its schema is one this version can migrate. Returns its schema version.
pub fn check(path: &Path) -> Result<u32> {
    existing(path)?;
    verify(path)?;
    inspect(path)
}

/// Nothing when `path` is a file; else the error that says there is none.
fn existing(path: &Path) -> Result<()> {
    if path.is_file() {
        return Ok(());
    }
    Err(Error::Unreadable {
        path: path.to_owned(),
        reason: "no such file".into(),
    })
}

/// What can be known of the file at `path` without reading every page: its header and schema
/// read (a file cut short does not), it is an Outward database, and its schema is one this
/// version can migrate. Returns its schema version.
fn inspect(path: &Path) -> Result<u32> {
    let unreadable = |reason: String| Error::Unreadable {
        path: path.to_owned(),
        reason,
    };
    existing(path)?;
    let conn = connect(path, Access::ReadOnly)?;
    let version = super::schema_version(&conn).map_err(|e| unreadable(e.to_string()))?;
    let latest = super::latest_schema_version();
    let has_teams: bool = conn
        .query_row(
            "SELECT count(*) > 0 FROM sqlite_schema WHERE type = 'table' AND name = 'teams'",
            [],
            |r| r.get(0),
        )
        .map_err(|e| unreadable(e.to_string()))?;
    if version == 0 || !has_teams {
        return Err(unreadable(
            "it is an SQLite database, but not one of Outward's".into(),
        ));
    }
    if version > latest {
        return Err(unreadable(format!(
            "it was written by a newer version of Outward (schema {version}; this version knows up to {latest})"
        )));
    }
    Ok(version)
}

/// Replaces the database at `db_path` with the backup at `backup`, after checking the backup
/// ([`check`]): a backup that fails is never restored and the database is left untouched. The
/// current file is first kept as a backup of its own ([`Reason::Restore`]), so a restore can
/// itself be undone; its path is returned. Call only while no connection to `db_path` is open;
/// the next [`super::Database::open`] migrates a backup of an older schema.
pub fn restore(backup: &Path, db_path: &Path, now: DateTime<Utc>) -> Result<Option<PathBuf>> {
    check(backup)?;
    // Copied aside first: keeping the current state rotates old backups, possibly this one.
    let staging = db_path.with_extension("db.restoring");
    let copied = std::fs::copy(backup, &staging)
        .map_err(|e| Error::io(format!("cannot copy {}", backup.display()), e))
        .and_then(|_| {
            File::open(&staging)
                .and_then(|f| f.sync_all())
                .map_err(|e| Error::io(format!("cannot flush {}", staging.display()), e))
        });
    if let Err(error) = copied {
        let _ = std::fs::remove_file(&staging);
        return Err(error);
    }
    let kept = if db_path.exists() {
        let kept = connect(db_path, Access::ReadOnly)
            .and_then(|current| create(&current, db_path, now, Reason::Restore));
        match kept {
            Ok(kept) => Some(kept),
            Err(error) => {
                let _ = std::fs::remove_file(&staging);
                return Err(error);
            }
        }
    } else {
        None
    };
    // The replaced file's journal would be replayed into the restored one.
    for stale in ["db-wal", "db-shm"] {
        let _ = std::fs::remove_file(db_path.with_extension(stale));
    }
    std::fs::rename(&staging, db_path)
        .map_err(|e| Error::io(format!("cannot replace {}", db_path.display()), e))?;
    if let Some(folder) = db_path.parent() {
        sync_folder(folder);
    }
    Ok(kept)
}

/// Removes what a backup or a restore cut short (the process killed mid-way) left beside the
/// database at `db_path`: a backup's partial file, which was never verified or given a
/// backup's name, and a restore's copy of the backup. Run before opening it. A backup another
/// process is writing at this moment then fails with an error; none is ever left half-written
/// under a backup's name.
pub fn clean_up_interrupted(db_path: &Path) {
    let _ = std::fs::remove_file(db_path.with_extension("db.restoring"));
    for partial in partials(db_path) {
        match std::fs::remove_file(&partial) {
            Ok(()) => log::info!("removed the interrupted backup {}", partial.display()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => log::warn!("cannot remove {}: {e}", partial.display()),
        }
    }
}
