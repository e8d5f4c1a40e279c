//! A workspace's settings, shared by the features that read them: typed getters and setters
//! over the `settings` table (key and text value). A setter validates before it writes; a getter
//! gives the default while nothing is stored. A stored value that no longer parses (written by
//! hand, or by a future version) is logged and read as the default, so one bad value cannot
//! close a screen; it stays stored until a setter replaces it.

use crate::entity::EntityKind;
use crate::error::{Error, Result};
use crate::id::Id;
use crate::quarter::FiscalYearStart;
use crate::store::require_live;
use rusqlite::{Connection, OptionalExtension, Transaction};
use serde::Serialize;
use std::str::FromStr;
use ts_rs::TS;

/// After how many weeks without a conversation a customer is flagged, unless set otherwise.
pub const DEFAULT_UNHEARD_AFTER_WEEKS: u32 = 12;
/// The range a person may choose for [`unheard_after_weeks`]: a week to two years.
pub const UNHEARD_AFTER_WEEKS_RANGE: std::ops::RangeInclusive<u32> = 1..=104;

const UNHEARD_AFTER_WEEKS: &str = "coverage.unheardAfterWeeks";
const FISCAL_YEAR_START: &str = "fiscalYearStart";
const ME: &str = "me";

/// Every setting, as the interface shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Settings {
    pub unheard_after_weeks: u32,
    /// The month a fiscal year starts in, 1 (January) to 12.
    pub fiscal_year_start: FiscalYearStart,
    /// The person who uses this copy of Outward (see [`me`]).
    pub me: Option<Id>,
}

pub fn settings(conn: &Connection) -> Result<Settings> {
    Ok(Settings {
        unheard_after_weeks: unheard_after_weeks(conn)?,
        fiscal_year_start: fiscal_year_start(conn)?,
        me: me(conn)?,
    })
}

/// The person on the team who uses this copy of Outward: who status changes are recorded as made
/// by when nobody else is named, and who a new interview's interviewers start with. None until
/// someone says who they are, and while that person is in the Trash: the choice is kept, and
/// comes back when they are restored. Once they are destroyed it never resolves again.
pub fn me(conn: &Connection) -> Result<Option<Id>> {
    let Some(person) = stored::<Id>(conn, ME)? else {
        return Ok(None);
    };
    let live: bool = conn
        .prepare_cached("SELECT count(*) FROM people WHERE id = ?1 AND deleted_at IS NULL")?
        .query_row([person], |r| r.get(0))?;
    Ok(live.then_some(person))
}

/// Says who uses this copy of Outward; `None` forgets it. The person must exist and not be in
/// the Trash.
pub fn set_me(tx: &Transaction<'_>, person: Option<Id>) -> Result<()> {
    match person {
        Some(person) => {
            require_live(tx, EntityKind::Person, person, "me")?;
            store(tx, ME, person)
        }
        None => {
            tx.prepare_cached("DELETE FROM settings WHERE key = ?1")?
                .execute([ME])?;
            Ok(())
        }
    }
}

/// After how many weeks of silence coverage flags a customer as unheard.
pub fn unheard_after_weeks(conn: &Connection) -> Result<u32> {
    Ok(stored(conn, UNHEARD_AFTER_WEEKS)?
        .filter(|weeks| UNHEARD_AFTER_WEEKS_RANGE.contains(weeks))
        .unwrap_or(DEFAULT_UNHEARD_AFTER_WEEKS))
}

pub fn set_unheard_after_weeks(tx: &Transaction<'_>, weeks: u32) -> Result<()> {
    if !UNHEARD_AFTER_WEEKS_RANGE.contains(&weeks) {
        return Err(Error::validation(
            "unheardAfterWeeks",
            format!(
                "{weeks} weeks is outside {} to {}.",
                UNHEARD_AFTER_WEEKS_RANGE.start(),
                UNHEARD_AFTER_WEEKS_RANGE.end()
            ),
        ));
    }
    store(tx, UNHEARD_AFTER_WEEKS, weeks)
}

/// The month the workspace's fiscal year starts in; the calendar year unless set.
pub fn fiscal_year_start(conn: &Connection) -> Result<FiscalYearStart> {
    Ok(stored::<u32>(conn, FISCAL_YEAR_START)?
        .and_then(|month| FiscalYearStart::new(month).ok())
        .unwrap_or_default())
}

/// Sets the month the fiscal year starts in. Takes the month as given (1 to 12) and checks it,
/// so a caller passes the person's input straight through.
pub fn set_fiscal_year_start(tx: &Transaction<'_>, month: u32) -> Result<FiscalYearStart> {
    let start = FiscalYearStart::new(month)?;
    store(tx, FISCAL_YEAR_START, start.month())?;
    Ok(start)
}

/// The value stored under `key`, if there is one that parses.
fn stored<T: FromStr>(conn: &Connection, key: &str) -> Result<Option<T>> {
    let text: Option<String> = conn
        .prepare_cached("SELECT value FROM settings WHERE key = ?1")?
        .query_row([key], |r| r.get(0))
        .optional()?;
    Ok(text.and_then(|text| {
        let parsed = text.parse().ok();
        if parsed.is_none() {
            log::warn!("setting {key} holds {text:?}, which is not valid; using the default");
        }
        parsed
    }))
}

fn store(tx: &Transaction<'_>, key: &str, value: impl ToString) -> Result<()> {
    tx.prepare_cached("INSERT OR REPLACE INTO settings (key, value) VALUES (?1, ?2)")?
        .execute((key, value.to_string()))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::Database;
    use crate::testing::now;

    fn database() -> (tempfile::TempDir, Database) {
        let dir = tempfile::tempdir().unwrap();
        let db = Database::open(&dir.path().join("w.outward"), now()).unwrap();
        (dir, db)
    }

    fn field_of(result: Result<impl std::fmt::Debug>) -> &'static str {
        match result {
            Err(Error::Validation { field, .. }) => field,
            other => panic!("expected a validation error, got {other:?}"),
        }
    }

    #[test]
    fn a_new_workspace_has_the_defaults() {
        let (_dir, db) = database();
        assert_eq!(
            db.read(settings).unwrap(),
            Settings {
                unheard_after_weeks: DEFAULT_UNHEARD_AFTER_WEEKS,
                fiscal_year_start: FiscalYearStart::CALENDAR,
                me: None,
            }
        );
    }

    #[test]
    fn settings_are_kept_in_the_workspace_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("w.outward");
        let db = Database::open(&path, now()).unwrap();
        db.write(|tx| {
            set_unheard_after_weeks(tx, 8)?;
            set_fiscal_year_start(tx, 7)
        })
        .unwrap();
        drop(db);
        let reopened = Database::open(&path, now()).unwrap();
        let kept = reopened.read(settings).unwrap();
        assert_eq!(kept.unheard_after_weeks, 8);
        assert_eq!(kept.fiscal_year_start.month(), 7);
    }

    #[test]
    fn out_of_range_values_are_refused_and_nothing_changes() {
        let (_dir, db) = database();
        db.write(|tx| set_unheard_after_weeks(tx, 20)).unwrap();
        for weeks in [0, 105] {
            let refused = db.write(|tx| set_unheard_after_weeks(tx, weeks));
            assert_eq!(field_of(refused), "unheardAfterWeeks");
        }
        for month in [0, 13] {
            let refused = db.write(|tx| set_fiscal_year_start(tx, month));
            assert_eq!(field_of(refused), "fiscalYearStart");
        }
        let kept = db.read(settings).unwrap();
        assert_eq!(
            kept.unheard_after_weeks, 20,
            "a refused value leaves the old one"
        );
        assert_eq!(kept.fiscal_year_start, FiscalYearStart::CALENDAR);
    }

    #[test]
    fn a_stored_value_that_does_not_parse_reads_as_the_default_and_is_kept() {
        let (_dir, db) = database();
        db.write(|tx| {
            for (key, value) in [(UNHEARD_AFTER_WEEKS, "soon"), (FISCAL_YEAR_START, "13")] {
                tx.execute(
                    "INSERT INTO settings (key, value) VALUES (?1, ?2)",
                    (key, value),
                )?;
            }
            Ok(())
        })
        .unwrap();
        assert_eq!(
            db.read(settings).unwrap(),
            Settings {
                unheard_after_weeks: DEFAULT_UNHEARD_AFTER_WEEKS,
                fiscal_year_start: FiscalYearStart::CALENDAR,
                me: None,
            },
            "one bad value must not close the screens that read settings"
        );
        let raw: String = db
            .read(|c| {
                Ok(c.query_row(
                    "SELECT value FROM settings WHERE key = ?1",
                    [UNHEARD_AFTER_WEEKS],
                    |r| r.get(0),
                )?)
            })
            .unwrap();
        assert_eq!(raw, "soon", "reading never rewrites what is stored");
    }
}
