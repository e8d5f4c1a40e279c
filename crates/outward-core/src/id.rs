//! Identifiers: UUIDv7 (time-ordered), minted only by the backend from the time a write was
//! given, and stored as TEXT.

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use std::sync::Mutex;
use ts_rs::TS;
use uuid::{ContextV7, Timestamp, Uuid};

/// One counter for the whole process, as `Uuid::now_v7` keeps: ids minted in the same
/// millisecond (every record of one write shares its `now`) still sort in the order they were
/// minted, so lists that break ties by id keep creation order.
static SEQUENCE: Mutex<ContextV7> = Mutex::new(ContextV7::new());

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(transparent)]
#[ts(export)]
pub struct Id(Uuid);

impl Id {
    /// The id of a record created at `now`, the time its write was given. The id carries `now`'s
    /// millisecond, or a later one if an id minted before in this process carried a later time:
    /// ids never go backwards, so they stay unique and ordered even when a caller's clock does.
    pub fn at(now: chrono::DateTime<chrono::Utc>) -> Self {
        // Times before 1970 have no UUIDv7; the counter then carries the order alone.
        let seconds = u64::try_from(now.timestamp()).unwrap_or(0);
        Id(Uuid::new_v7(Timestamp::from_unix(
            &SEQUENCE,
            seconds,
            now.timestamp_subsec_nanos(),
        )))
    }

    /// The id of a record created at `at`, with its random part given: for generated data
    /// that must come out the same on every run.
    pub fn from_parts(at: chrono::DateTime<chrono::Utc>, random: [u8; 10]) -> Self {
        let millis = u64::try_from(at.timestamp_millis()).unwrap_or(0);
        Id(uuid::Builder::from_unix_timestamp_millis(millis, &random).into_uuid())
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl FromStr for Id {
    type Err = uuid::Error;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Uuid::parse_str(s).map(Id)
    }
}

impl ToSql for Id {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.0.to_string()))
    }
}

impl FromSql for Id {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        let text = value.as_str()?;
        Uuid::parse_str(text)
            .map(Id)
            .map_err(|e| FromSqlError::Other(Box::new(e)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::now;

    fn millis(id: Id) -> u64 {
        let (seconds, nanos) = id.0.get_timestamp().expect("a UUIDv7").to_unix();
        seconds * 1000 + u64::from(nanos) / 1_000_000
    }

    #[test]
    fn ids_minted_at_one_time_sort_in_the_order_they_were_minted() {
        let ids: Vec<Id> = (0..1000).map(|_| Id::at(now())).collect();
        let mut sorted = ids.clone();
        sorted.sort();
        assert_eq!(
            sorted, ids,
            "every record of one write shares its `now`, and lists break ties by id"
        );
    }

    #[test]
    fn an_id_is_a_uuidv7_never_older_than_the_time_it_was_given() {
        let id = Id::at(now());
        assert_eq!(id.0.get_version_num(), 7, "ids are UUIDv7");
        assert!(
            millis(id) >= u64::try_from(now().timestamp_millis()).unwrap(),
            "the id carries the write's time, or a later one already minted"
        );
    }

    #[test]
    fn a_time_before_1970_still_mints_distinct_ids() {
        let long_ago = chrono::DateTime::UNIX_EPOCH - chrono::Duration::days(1);
        assert_ne!(Id::at(long_ago), Id::at(long_ago));
    }
}
