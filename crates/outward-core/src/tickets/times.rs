//! Reading the moments trackers write: ISO 8601 with or without a zone (`2026-07-14T10:32:11Z`,
//! `2026-07-14T10:32:11.000+0200` from Jira's API), RFC 2822, `2026-07-14 10:32:11` (ServiceNow),
//! `14/Jul/26 10:32 AM` (Jira's export), `7/14/2026 10:32 AM` or `14/07/2026 10:32` (US or
//! day-first exports), `14.07.2026 10:32`, a trailing `UTC`/`GMT`, or a day alone (midnight).
//! A moment written without a zone is taken in the offset the mapping names (UTC by default).

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeZone, Utc};

/// The formats with a zone of their own, tried before the rest.
const ZONED: &[&str] = &[
    "%Y-%m-%dT%H:%M:%S%.f%z",
    "%Y-%m-%d %H:%M:%S%.f%z",
    "%Y-%m-%d %H:%M:%S%.f %z",
    "%Y-%m-%d %H:%M%z",
    "%Y-%m-%d %H:%M %z",
];

/// Formats without a zone whose day and month cannot be confused.
const PLAIN: &[&str] = &[
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%dT%H:%M:%S%.f",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
    "%Y/%m/%d %I:%M:%S %p",
    "%d/%b/%y %I:%M %p",
    "%d/%b/%Y %I:%M %p",
    "%d/%b/%y %H:%M",
    "%d/%b/%Y %H:%M",
    "%d-%b-%Y %H:%M:%S",
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y %H:%M",
];

/// Month-first formats (as US exports write them); read day-first when the mapping says so.
const SLASHED: &[&str] = &[
    "%m/%d/%Y %H:%M:%S",
    "%m/%d/%Y %I:%M:%S %p",
    "%m/%d/%Y %H:%M",
    "%m/%d/%Y %I:%M %p",
];

const DAYS: &[&str] = &["%Y-%m-%d", "%Y/%m/%d", "%d.%m.%Y", "%d/%b/%Y", "%d/%b/%y"];

/// The moment `text` names, or `None` when it is none of the formats above. `day_first` reads
/// `03/04/2026` as the 3rd of April; `offset` is the zone of times written without one.
pub fn parse_moment(text: &str, day_first: bool, offset: FixedOffset) -> Option<DateTime<Utc>> {
    let t = text.trim();
    if t.is_empty() || t.len() > 64 {
        return None;
    }
    if let Ok(at) = DateTime::parse_from_rfc3339(t) {
        return Some(at.with_timezone(&Utc));
    }
    if let Ok(at) = DateTime::parse_from_rfc2822(t) {
        return Some(at.with_timezone(&Utc));
    }
    for format in ZONED {
        if let Ok(at) = DateTime::parse_from_str(t, format) {
            return Some(at.with_timezone(&Utc));
        }
    }
    // A zone named in words means UTC.
    let (t, offset) = match t
        .strip_suffix(" UTC")
        .or_else(|| t.strip_suffix(" GMT"))
        .or_else(|| t.strip_suffix('Z'))
    {
        Some(rest) => (rest.trim_end(), FixedOffset::east_opt(0)?),
        None => (t, offset),
    };
    let slashed: Vec<String> = SLASHED
        .iter()
        .map(|f| {
            if day_first {
                f.replacen("%m/%d", "%d/%m", 1)
            } else {
                (*f).to_owned()
            }
        })
        .collect();
    let naive = PLAIN
        .iter()
        .copied()
        .chain(slashed.iter().map(String::as_str))
        .find_map(|f| NaiveDateTime::parse_from_str(t, f).ok())
        .or_else(|| {
            let slashed_day = if day_first { "%d/%m/%Y" } else { "%m/%d/%Y" };
            DAYS.iter()
                .copied()
                .chain([slashed_day])
                .find_map(|f| NaiveDate::parse_from_str(t, f).ok())
                .and_then(|d| d.and_hms_opt(0, 0, 0))
        })?;
    offset
        .from_local_datetime(&naive)
        .single()
        .map(|at| at.with_timezone(&Utc))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .unwrap()
            .with_timezone(&Utc)
    }

    fn read(text: &str) -> Option<DateTime<Utc>> {
        parse_moment(text, false, FixedOffset::east_opt(0).unwrap())
    }

    #[test]
    fn every_format_trackers_write_reads_as_the_same_moment() {
        let at = utc("2026-07-14T10:32:00Z");
        for text in [
            "2026-07-14T10:32:00Z",
            "2026-07-14T12:32:00+02:00",
            "2026-07-14T12:32:00.000+0200",
            "2026-07-14 10:32:00",
            "2026-07-14 10:32",
            "2026-07-14 10:32:00 UTC",
            "14/Jul/26 10:32 AM",
            "7/14/2026 10:32 AM",
            "07/14/2026 10:32:00",
            "14.07.2026 10:32",
            "Tue, 14 Jul 2026 10:32:00 +0000",
            "2026-07-14 05:32:00 -0500",
        ] {
            assert_eq!(read(text), Some(at), "{text} is 10:32 UTC on 14 July 2026");
        }
    }

    #[test]
    fn a_time_without_a_zone_is_read_in_the_mappings_offset() {
        let berlin = FixedOffset::east_opt(2 * 3600).unwrap();
        assert_eq!(
            parse_moment("2026-07-14 12:32", false, berlin),
            Some(utc("2026-07-14T10:32:00Z")),
            "12:32 in UTC+2 is 10:32 UTC"
        );
        assert_eq!(
            parse_moment("2026-07-14T12:32:00Z", false, berlin),
            Some(utc("2026-07-14T12:32:00Z")),
            "a zone written in the text wins over the mapping's"
        );
    }

    #[test]
    fn day_first_reads_slashed_dates_the_other_way() {
        let zero = FixedOffset::east_opt(0).unwrap();
        assert_eq!(
            parse_moment("03/04/2026", false, zero),
            Some(utc("2026-03-04T00:00:00Z"))
        );
        assert_eq!(
            parse_moment("03/04/2026 09:00", true, zero),
            Some(utc("2026-04-03T09:00:00Z"))
        );
    }

    #[test]
    fn what_is_not_a_moment_is_none() {
        for text in [
            "",
            "soon",
            "2026-13-01",
            "31/Feb/26 10:00 AM",
            "14/07/2026 10:32",
        ] {
            assert_eq!(read(text), None, "{text:?} is not read as a moment");
        }
    }
}
