//! Small pieces every feature's queries share: turning "no row" into a not-found error, turning
//! a uniqueness clash into a conflict on a named field, and checking that a referenced record
//! exists and is not in the Trash.

use crate::entity::EntityKind;
use crate::error::{Error, Result};
use crate::id::Id;
use rusqlite::{Connection, ErrorCode, OptionalExtension, ToSql};

/// Maps "no row" from a lookup of a live record to [`Error::NotFound`].
pub(crate) fn live<T>(result: rusqlite::Result<T>, entity: &'static str, id: Id) -> Result<T> {
    match result {
        Err(rusqlite::Error::QueryReturnedNoRows) => Err(Error::NotFound {
            entity,
            id: id.to_string(),
        }),
        other => Ok(other?),
    }
}

/// Maps a UNIQUE constraint failure to a conflict on `field` with a message for people.
pub(crate) fn unique_violation(
    error: rusqlite::Error,
    field: &'static str,
    message: impl FnOnce() -> String,
) -> Error {
    match &error {
        rusqlite::Error::SqliteFailure(e, _)
            if e.code == ErrorCode::ConstraintViolation
                && e.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE =>
        {
            Error::conflict(Some(field), message())
        }
        _ => error.into(),
    }
}

/// Checks that the record `id` of `kind`, referenced from `field`, exists and is not in the
/// Trash. Returns its name.
pub(crate) fn require_live(
    conn: &Connection,
    kind: EntityKind,
    id: Id,
    field: &'static str,
) -> Result<String> {
    let sql = format!(
        "SELECT {}, deleted_at IS NOT NULL FROM {} WHERE id = ?1",
        kind.name_sql(),
        kind.table()
    );
    let found: Option<(String, bool)> = conn
        .prepare_cached(&sql)?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    match found {
        None => Err(Error::validation(
            field,
            format!("There is no {kind} with id {id}."),
        )),
        Some((name, true)) => Err(Error::validation(
            field,
            format!("The {kind} “{name}” is in the Trash; restore it first or choose another."),
        )),
        Some((name, false)) => Ok(name),
    }
}

/// The `FROM … WHERE …` of a filtered list, holding only the conditions whose filter is set.
/// A generic `(:x IS NULL OR …)` condition would hide every index from SQLite's planner, so a
/// filtered page would scan the whole table; each combination of filters gets its own SQL
/// instead (and its own cached statement).
pub(crate) struct Matching<'a> {
    pub sql: String,
    pub params: Vec<(&'static str, &'a dyn ToSql)>,
}

impl<'a> Matching<'a> {
    pub fn new(from_where: &str) -> Self {
        Matching {
            sql: from_where.to_owned(),
            params: Vec::new(),
        }
    }

    /// Adds `AND condition` when `value` is set; the condition names it as `name`.
    pub fn and<T: ToSql>(&mut self, value: &'a Option<T>, name: &'static str, condition: &str) {
        if let Some(value) = value {
            self.sql.push_str("\n  AND ");
            self.sql.push_str(condition);
            self.params.push((name, value));
        }
    }

    /// Adds `condition`, which takes no parameter, when `wanted`.
    pub fn and_when(&mut self, wanted: bool, condition: &str) {
        if wanted {
            self.sql.push_str("\n  AND ");
            self.sql.push_str(condition);
        }
    }
}

/// Fails unless SQLite reads `sql` through `index` without sorting every row: the check that
/// makes a missing index on a hot query fail loudly.
#[cfg(test)]
pub(crate) fn assert_walks_index(sql: &str, params: impl rusqlite::Params, index: &str) {
    let db = crate::db::Database::open_in_memory().expect("database");
    let plan = db
        .read(|conn| Ok(query_plan(conn, sql, params)))
        .expect("plan");
    assert!(plan.contains(index), "read through {index}:\n{plan}");
    assert!(
        !plan.contains("TEMP B-TREE"),
        "no sort of every row:\n{plan}"
    );
}

#[cfg(test)]
pub(crate) fn query_plan(conn: &Connection, sql: &str, params: impl rusqlite::Params) -> String {
    let mut stmt = conn
        .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
        .expect("valid SQL");
    let steps: Vec<String> = stmt
        .query_map(params, |r| r.get::<_, String>(3))
        .expect("plan")
        .collect::<rusqlite::Result<_>>()
        .expect("plan rows");
    steps.join("\n")
}
