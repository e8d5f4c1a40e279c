//! The database as the app holds it: open, or unavailable with the reason why. Commands reach
//! the core only through [`Store::read`], [`Store::write`], [`Store::run`], [`Store::backup`]
//! and [`Store::restore`], which turn core errors into the wire's [`ErrorReport`] and log the
//! internal ones, so no command can leak details or panic. After a write, the store sends every
//! view what the core recorded as changed (the [`CHANGED_EVENT`]), so no command announces
//! anything by hand. Restoring a backup swaps the database under every command: the old one is
//! closed once the commands using it finish, the file replaced, the new one opened, and every
//! view told that everything changed.

use chrono::{DateTime, Utc};
use outward_core::db::{self, Database, backup};
use outward_core::entity::{Changed, EntityKind};
use outward_core::error::{Error, ErrorKind, ErrorReport, Result};
use outward_core::workspace::StartupFailure;
use rusqlite::{Connection, Transaction};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::sync::{Arc, OnceLock, RwLock};
use std::time::Duration;
use tauri::{AppHandle, Emitter, Manager, Runtime};

/// The name of the event sent after every write that changed something; its payload is a
/// [`Changed`].
pub const CHANGED_EVENT: &str = "changed";

/// Sends a change to every view.
type Announcer = Box<dyn Fn(&Changed) + Send + Sync>;

/// What a command sends back: its value, or an error the UI can show.
pub type Reply<T> = std::result::Result<T, ErrorReport>;

/// The app's one database, managed as Tauri state.
pub struct Store {
    /// The database file, also when it could not be opened (a backup can still replace it).
    path: Option<PathBuf>,
    /// Shared by the commands using it; [`Store::restore`] swaps it.
    database: RwLock<std::result::Result<Arc<Database>, StartupFailure>>,
    /// Set once the app exists (see [`Store::announce_to`]); until then changes are kept.
    announcer: OnceLock<Announcer>,
    /// Told of every write, once the app tidies when idle (see [`tidy_when_idle`]).
    wrote: OnceLock<Sender<()>>,
}

impl Store {
    /// Opens the database at `db::default_path()` (`OUTWARD_DB` overrides it). A failure does
    /// not stop the app: it is kept, so the UI can explain it instead of showing a blank window.
    pub fn open_default(now: DateTime<Utc>) -> Store {
        match db::default_path() {
            Ok(path) => Store::open(&path, now),
            Err(error) => Store::unavailable(None, StartupFailure::new(Path::new(""), &error)),
        }
    }

    pub fn open(path: &Path, now: DateTime<Utc>) -> Store {
        match Database::open(path, now) {
            Ok(database) => {
                log::info!("opened the database at {}", path.display());
                pause_running_workshop(&database, now);
                back_up_daily_in_background(path, now);
                Store::from_database(database)
            }
            Err(error) => Store::unavailable(Some(path), StartupFailure::new(path, &error)),
        }
    }

    pub fn from_database(database: Database) -> Store {
        Store {
            path: Some(database.path().to_owned()),
            database: RwLock::new(Ok(Arc::new(database))),
            announcer: OnceLock::new(),
            wrote: OnceLock::new(),
        }
    }

    /// Sends what each write changed to every window of `app`, as the [`CHANGED_EVENT`].
    /// Only the first call counts: the app has one store and one set of windows.
    pub fn announce_to<R: Runtime>(&self, app: AppHandle<R>) {
        let announce = move |changed: &Changed| {
            // The write itself succeeded and is reported as such; a view that misses the event
            // shows fresh data on its next read.
            if let Err(error) = app.emit(CHANGED_EVENT, changed) {
                log::warn!("could not send the {CHANGED_EVENT} event: {error}");
            }
        };
        if self.announcer.set(Box::new(announce)).is_err() {
            log::warn!("the store already announces its changes");
        }
    }

    fn unavailable(path: Option<&Path>, failure: StartupFailure) -> Store {
        log::error!(
            "cannot open the database at {}: {}",
            failure.database_path,
            failure.reason
        );
        Store {
            path: path.map(Path::to_owned),
            database: RwLock::new(Err(failure)),
            announcer: OnceLock::new(),
            wrote: OnceLock::new(),
        }
    }

    /// Why the database could not be opened, if it could not.
    pub fn startup_failure(&self) -> Option<StartupFailure> {
        self.slot().as_ref().err().cloned()
    }

    /// The database file's path, when there is one.
    pub fn path(&self) -> Reply<&Path> {
        self.path.as_deref().ok_or_else(|| ErrorReport {
            kind: ErrorKind::Internal,
            message: "The app has no database file.".to_owned(),
            field: None,
        })
    }

    /// Runs a read; `f` also gets the database file's path.
    pub fn read<T>(&self, f: impl FnOnce(&Connection, &Path) -> Result<T>) -> Reply<T> {
        let database = self.database()?;
        blocking(|| database.read(|conn| f(conn, database.path()))).map_err(report)
    }

    /// Runs `f` on the database file itself (such as an export on a connection of its own),
    /// while the app keeps using its connection; a restore waits until `f` is done.
    pub fn on_file<T>(&self, f: impl FnOnce(&Path) -> Result<T>) -> Reply<T> {
        let database = self.database()?;
        blocking(|| f(database.path())).map_err(report)
    }

    /// Replaces the database with the backup at `backup`, once it passes
    /// [`backup::check`]; a backup that fails is refused with the reason, and nothing changes.
    /// The current state is kept as a backup first, so the restore can be undone. Commands
    /// using the current database finish first; the restored one is opened (and migrated, if
    /// it is older) and every view is told that everything changed.
    pub fn restore(&self, backup: &Path, now: DateTime<Utc>) -> Reply<Option<PathBuf>> {
        blocking(|| self.restore_now(backup, now))
    }

    fn restore_now(&self, backup: &Path, now: DateTime<Utc>) -> Reply<Option<PathBuf>> {
        let path = self.path()?.to_owned();
        backup::check(backup).map_err(|error| match error {
            Error::Unreadable { reason, .. } => ErrorReport {
                kind: ErrorKind::Validation,
                message: format!("This backup cannot be restored: {reason}."),
                field: Some("backup".to_owned()),
            },
            other => report(other),
        })?;
        let mut slot = self.database.write().unwrap_or_else(|p| p.into_inner());
        let closing = std::mem::replace(
            &mut *slot,
            Err(StartupFailure::new(
                &path,
                &Error::Unreadable {
                    path: path.clone(),
                    reason: "it is being restored".to_owned(),
                },
            )),
        );
        if let Ok(current) = closing {
            // What it changed was announced when it was written; nothing is left to send.
            drop(sole(current));
        }
        let restored = backup::restore(backup, &path, now);
        *slot = match Database::open(&path, now) {
            Ok(database) => {
                log::info!(
                    "reopened the database at {} after a restore",
                    path.display()
                );
                pause_running_workshop(&database, now);
                Ok(Arc::new(database))
            }
            Err(error) => Err(StartupFailure::new(&path, &error)),
        };
        drop(slot);
        if let Some(announcer) = self.announcer.get() {
            announcer(&Changed {
                kinds: EntityKind::ALL.to_vec(),
                ids: Vec::new(),
                settings: true,
                counts: true,
            });
        }
        restored.map_err(report)
    }

    /// Takes a verified backup now, beside the automatic ones.
    pub fn backup(&self, now: DateTime<Utc>) -> Reply<std::path::PathBuf> {
        let database = self.database()?;
        blocking(|| database.backup(now)).map_err(report)
    }

    /// Runs work that manages its own transactions and backups on the whole database.
    /// Announces what it changed, even if it failed after some of its writes committed.
    pub fn run<T>(&self, f: impl FnOnce(&Database, DateTime<Utc>) -> Result<T>) -> Reply<T> {
        let database = self.database()?;
        let result = blocking(|| f(&database, Utc::now()));
        self.announce(&database);
        result.map_err(report)
    }

    /// Runs a write in one transaction, with the current time for the records it stamps, and
    /// announces what it changed.
    pub fn write<T>(&self, f: impl FnOnce(&Transaction, DateTime<Utc>) -> Result<T>) -> Reply<T> {
        let database = self.database()?;
        let result = blocking(|| database.write(|tx| f(tx, Utc::now())));
        self.announce(&database);
        result.map_err(report)
    }

    /// Sends what the database's committed writes changed, if anything, once the app listens;
    /// and tells the idle tidying that a write happened.
    fn announce(&self, database: &Database) {
        if let Some(wrote) = self.wrote.get() {
            // The tidying thread is gone only if it could not start; nothing to tell then.
            let _ = wrote.send(());
        }
        let Some(announcer) = self.announcer.get() else {
            return;
        };
        if let Some(changed) = database.take_changes() {
            announcer(&changed);
        }
    }

    fn slot(
        &self,
    ) -> std::sync::RwLockReadGuard<'_, std::result::Result<Arc<Database>, StartupFailure>> {
        // Swapping cannot leave the slot half-written, so a poisoned lock is still sound.
        self.database.read().unwrap_or_else(|p| p.into_inner())
    }

    fn database(&self) -> Reply<Arc<Database>> {
        self.slot()
            .as_ref()
            .cloned()
            .map_err(|failure| ErrorReport {
                kind: ErrorKind::Internal,
                message: format!(
                    "The database at {} could not be opened, so nothing can be read or saved.",
                    failure.database_path
                ),
                field: None,
            })
    }
}

/// Runs `f`, which may wait on the disk or another command's lock for as long as it takes.
/// Commands run as tasks on the app's tokio runtime, one worker thread per core: the runtime is
/// told that this task blocks, and hands its other tasks to another thread meanwhile. Outside
/// a runtime (the CLI's tests, the screen backend) it just runs `f`.
fn blocking<T>(f: impl FnOnce() -> T) -> T {
    tokio::task::block_in_place(f)
}

/// The database once no command uses it any more, so closing it closes its connection.
fn sole(mut database: Arc<Database>) -> Database {
    loop {
        match Arc::try_unwrap(database) {
            Ok(database) => return database,
            Err(shared) => {
                database = shared;
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
        }
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

/// A workshop that was running when the database was last closed (the app stopped, or the
/// backup being restored was taken mid-workshop) comes back with its timer paused at what
/// remained then.
fn pause_running_workshop(database: &Database, now: DateTime<Utc>) {
    if let Err(error) =
        database.write(|tx| outward_core::workshops::timer::pause_after_restart(tx, now))
    {
        log::error!("could not pause the running workshop's timer: {error}");
    }
}

/// How long after the last write the app counts as idle.
const IDLE_AFTER: Duration = Duration::from_secs(2);

/// Tidies the search index on a thread of its own whenever the app has been idle for
/// [`IDLE_AFTER`] since a write: saves leave merging the notes' index to this (see
/// `search::tidy_index`), one short step at a time, stopping as soon as another write comes.
pub fn tidy_when_idle<R: Runtime>(app: AppHandle<R>) {
    let (wrote, writes) = mpsc::channel();
    let handle = app.clone();
    let spawned = std::thread::Builder::new()
        .name("idle tidying".into())
        .spawn(move || {
            // Wait for a write, then for a pause after it.
            while writes.recv().is_ok() {
                loop {
                    match writes.recv_timeout(IDLE_AFTER) {
                        Ok(()) => continue,
                        Err(RecvTimeoutError::Timeout) => {}
                        Err(RecvTimeoutError::Disconnected) => return,
                    }
                    let store = handle.state::<Store>();
                    let Ok(database) = store.database() else {
                        return;
                    };
                    let mut more = true;
                    while more && writes.try_recv().is_err() {
                        more = match database.write(outward_core::search::tidy_index) {
                            Ok(more) => more,
                            Err(error) => {
                                log::warn!("tidying the search index failed: {error}");
                                false
                            }
                        };
                    }
                    // Interrupted by a write: wait for the next pause. Else wait for a write.
                    if !more {
                        break;
                    }
                }
            }
        });
    match spawned {
        Ok(_) => {
            let store = app.state::<Store>();
            if store.wrote.set(wrote).is_err() {
                log::warn!("the store is already tidied when idle");
            }
        }
        Err(error) => log::error!("the idle tidying could not start: {error}"),
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
