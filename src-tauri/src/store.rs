//! The database as the app holds it: open, or unavailable with the reason why. Commands reach
//! the core only through [`Store::read`], [`Store::write`] and [`Store::backup`], which turn core
//! errors into the wire's [`ErrorReport`] and log the internal ones, so no command can leak
//! details or panic.

use chrono::{DateTime, Utc};
use outward_core::db::{self, Database, backup};
use outward_core::error::{Error, ErrorKind, ErrorReport, Result};
use outward_core::workspace::StartupFailure;
use rusqlite::{Connection, Transaction};
use std::path::Path;

/// What a command sends back: its value, or an error the UI can show.
pub type Reply<T> = std::result::Result<T, ErrorReport>;

/// The app's one database, managed as Tauri state.
pub struct Store {
    database: std::result::Result<Database, StartupFailure>,
}

impl Store {
    /// Opens the database at `db::default_path()` (`OUTWARD_DB` overrides it). A failure does
    /// not stop the app: it is kept, so the UI can explain it instead of showing a blank window.
    pub fn open_default(now: DateTime<Utc>) -> Store {
        match db::default_path() {
            Ok(path) => Store::open(&path, now),
            Err(error) => Store::unavailable(StartupFailure::new(Path::new(""), &error)),
        }
    }

    pub fn open(path: &Path, now: DateTime<Utc>) -> Store {
        match Database::open(path, now) {
            Ok(database) => {
                log::info!("opened the database at {}", path.display());
                back_up_daily_in_background(path, now);
                Store {
                    database: Ok(database),
                }
            }
            Err(error) => Store::unavailable(StartupFailure::new(path, &error)),
        }
    }

    pub fn from_database(database: Database) -> Store {
        Store {
            database: Ok(database),
        }
    }

    fn unavailable(failure: StartupFailure) -> Store {
        log::error!(
            "cannot open the database at {}: {}",
            failure.database_path,
            failure.reason
        );
        Store {
            database: Err(failure),
        }
    }

    /// Why the database could not be opened, if it could not.
    pub fn startup_failure(&self) -> Option<StartupFailure> {
        self.database.as_ref().err().cloned()
    }

    /// Runs a read; `f` also gets the database file's path.
    pub fn read<T>(&self, f: impl FnOnce(&Connection, &Path) -> Result<T>) -> Reply<T> {
        let database = self.database()?;
        database
            .read(|conn| f(conn, database.path()))
            .map_err(report)
    }

    /// Takes a verified backup now, beside the automatic ones.
    pub fn backup(&self, now: DateTime<Utc>) -> Reply<std::path::PathBuf> {
        self.database()?.backup(now).map_err(report)
    }

    /// Runs work that manages its own transactions and backups on the whole database.
    pub fn run<T>(&self, f: impl FnOnce(&Database, DateTime<Utc>) -> Result<T>) -> Reply<T> {
        f(self.database()?, Utc::now()).map_err(report)
    }

    /// Runs a write in one transaction, with the current time for the records it stamps.
    pub fn write<T>(&self, f: impl FnOnce(&Transaction, DateTime<Utc>) -> Result<T>) -> Reply<T> {
        self.database()?
            .write(|tx| f(tx, Utc::now()))
            .map_err(report)
    }

    fn database(&self) -> Reply<&Database> {
        self.database.as_ref().map_err(|failure| ErrorReport {
            kind: ErrorKind::Internal,
            message: format!(
                "The database at {} could not be opened, so nothing can be read or saved.",
                failure.database_path
            ),
            field: None,
        })
    }
}

/// The wire form of a core error. Internal errors are logged here with their details; the UI
/// only gets a generic message for them.
fn report(error: Error) -> ErrorReport {
    match error.kind() {
        ErrorKind::Internal => log::error!("{error}"),
        _ => log::debug!("refused: {error}"),
    }
    ErrorReport::from(&error)
}

/// An error from outside the core (a dialog, the window) as the UI sees it: logged in full,
/// shown as a generic internal error.
pub fn internal(error: &dyn std::fmt::Display) -> ErrorReport {
    log::error!("{error}");
    ErrorReport {
        kind: ErrorKind::Internal,
        message: "Something went wrong in the app. Details are in the log.".to_owned(),
        field: None,
    }
}

/// Takes the daily backup, if one is due, on a thread of its own: a backup of a large database
/// takes seconds, and the window must not wait for it.
fn back_up_daily_in_background(path: &Path, now: DateTime<Utc>) {
    let path = path.to_owned();
    let spawned = std::thread::Builder::new()
        .name("daily backup".into())
        .spawn(move || match backup::create_if_due_at(&path, now) {
            Ok(Some(written)) => log::info!("daily backup written to {}", written.display()),
            Ok(None) => {}
            Err(error) => log::error!("the daily backup failed: {error}"),
        });
    if let Err(error) = spawned {
        log::error!("the daily backup could not start: {error}");
    }
}
