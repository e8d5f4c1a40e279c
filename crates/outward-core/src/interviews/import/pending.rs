//! Imports waiting for the person to confirm them. A preview reads and checks the picked folder
//! once and keeps the plan in Rust under a fresh random handle; the window gets the handle and a
//! bounded summary, never the notes. Importing takes the plan by its handle, once: what is
//! written is exactly what was previewed, whatever happened to the files since, and nothing the
//! window sends can name a path.

use super::{ImportPlan, apply, plan, read_folder};
use crate::error::{Error, Result};
use crate::interviews::InterviewKind;
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, Transaction};
use serde::{Deserialize, Serialize};
use std::collections::VecDeque;
use std::path::Path;
use std::sync::{Mutex, MutexGuard};
use ts_rs::TS;
use uuid::Uuid;

/// The most previews kept at once; a newer one pushes out the oldest. The dialog shows one
/// preview at a time, and each holds up to [`super::FOLDER_MAX_BYTES`] of notes in memory.
pub const PENDING_MAX: usize = 2;

/// The files a preview lists; the rest are counted. Fifty rows of the longest file and customer
/// names, fifty new customers and the longest folder path stay within 256 KB of JSON.
pub const ROWS_SHOWN: usize = 50;

/// The new customers a preview names; the rest are counted.
pub const NEW_CUSTOMERS_SHOWN: usize = 50;

/// Names one pending import. Random, so it says nothing about the folder and cannot be guessed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(transparent)]
#[ts(export)]
pub struct ImportHandle(Uuid);

impl ImportHandle {
    pub fn new() -> Self {
        ImportHandle(Uuid::new_v4())
    }
}

impl Default for ImportHandle {
    fn default() -> Self {
        ImportHandle::new()
    }
}

/// One file of a preview, as the dialog lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportRow {
    pub file: String,
    pub held_on: NaiveDate,
    pub customer: String,
    pub kind: InterviewKind,
}

/// What importing a picked folder would do, small enough for one reply whatever the folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportPreview {
    /// What to send back to import exactly this.
    pub handle: ImportHandle,
    pub folder: String,
    /// How many files, that is interviews, the import holds.
    pub file_count: u32,
    /// The first [`ROWS_SHOWN`] files, in name order.
    pub files: Vec<ImportRow>,
    /// How many customers the import creates.
    pub new_customer_count: u32,
    /// The first [`NEW_CUSTOMERS_SHOWN`] of them, by name.
    pub new_customers: Vec<String>,
}

impl ImportPreview {
    /// The summary of `plan`, read from `folder`, kept under `handle`.
    pub fn of(handle: ImportHandle, folder: &Path, plan: &ImportPlan) -> ImportPreview {
        let files = plan
            .interviews
            .iter()
            .take(ROWS_SHOWN)
            .map(|interview| ImportRow {
                file: interview.file.clone(),
                held_on: interview.held_on,
                customer: interview.customer.clone(),
                kind: interview.kind,
            });
        ImportPreview {
            handle,
            folder: folder.display().to_string(),
            file_count: count(plan.interviews.len()),
            files: files.collect(),
            new_customer_count: count(plan.new_customers.len()),
            new_customers: plan
                .new_customers
                .iter()
                .take(NEW_CUSTOMERS_SHOWN)
                .cloned()
                .collect(),
        }
    }
}

/// Counts stay far below `u32::MAX`: [`super::FILES_MAX`] bounds both.
fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The previewed imports not yet confirmed, newest last. The app holds one for its lifetime.
#[derive(Debug, Default)]
pub struct PendingImports {
    plans: Mutex<VecDeque<(ImportHandle, ImportPlan)>>,
}

impl PendingImports {
    /// Reads and checks `folder`, keeps its plan under a new handle and returns the summary.
    pub fn preview(&self, conn: &Connection, folder: &Path) -> Result<ImportPreview> {
        let plan = plan(conn, read_folder(folder)?)?;
        let handle = ImportHandle::new();
        let preview = ImportPreview::of(handle, folder, &plan);
        let mut plans = self.plans();
        while plans.len() >= PENDING_MAX {
            plans.pop_front();
        }
        plans.push_back((handle, plan));
        Ok(preview)
    }

    /// Writes the plan previewed under `handle` in the caller's transaction, and forgets it
    /// whatever the outcome: a handle imports at most once.
    pub fn apply(
        &self,
        tx: &Transaction<'_>,
        handle: ImportHandle,
        now: DateTime<Utc>,
    ) -> Result<u32> {
        let plan = self.take(handle)?;
        apply(tx, &plan, now)
    }

    /// Removes and returns the plan kept under `handle`.
    pub fn take(&self, handle: ImportHandle) -> Result<ImportPlan> {
        let mut plans = self.plans();
        let at = plans.iter().position(|(kept, _)| *kept == handle);
        at.and_then(|at| plans.remove(at))
            .map(|(_, plan)| plan)
            .ok_or_else(|| {
                Error::conflict(
                    None,
                    "This preview is no longer waiting to be imported: it was imported already, \
                     a newer preview replaced it, or the app restarted. Choose the folder again.",
                )
            })
    }

    fn plans(&self) -> MutexGuard<'_, VecDeque<(ImportHandle, ImportPlan)>> {
        // Every change to the queue is a single push or remove, so a panic elsewhere cannot
        // leave it half-changed: keep using it.
        self.plans
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
