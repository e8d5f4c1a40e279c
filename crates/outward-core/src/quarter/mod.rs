//! Quarters of a fiscal year, shared by every feature that counts by quarter (coverage today;
//! goals, reviews and workshops next). A fiscal year starts on the first day of a configurable
//! month ([`FiscalYearStart`], January unless a workspace sets otherwise) and is cut into four
//! quarters of three whole months, so every date lies in exactly one quarter and quarters
//! follow each other with no gap.
//!
//! **Naming.** A fiscal year is named by the calendar year in which it *ends*: with a July start,
//! July 2025 to June 2026 is fiscal year 2026 (as most companies count). A quarter reads
//! `"2026 Q1"`, fiscal year then quarter number, everywhere it is shown; with the calendar year
//! (the default) that is the familiar calendar quarter.

use crate::error::{Error, Result};
use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};
use std::fmt;
use ts_rs::TS;

/// The month a fiscal year starts in, 1 (January, the calendar year) to 12.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(try_from = "u32", into = "u32")]
#[ts(export, as = "u32")]
pub struct FiscalYearStart(u32);

impl FiscalYearStart {
    /// The calendar year: the fiscal year starts in January.
    pub const CALENDAR: FiscalYearStart = FiscalYearStart(1);

    /// A fiscal year starting on the first of `month` (1 = January … 12 = December).
    pub fn new(month: u32) -> Result<Self> {
        if (1..=12).contains(&month) {
            Ok(FiscalYearStart(month))
        } else {
            Err(Error::validation(
                "fiscalYearStart",
                format!("{month} is not a month: pick one from 1 (January) to 12 (December)."),
            ))
        }
    }

    /// The month, 1 (January) to 12 (December).
    pub fn month(self) -> u32 {
        self.0
    }
}

impl Default for FiscalYearStart {
    fn default() -> Self {
        FiscalYearStart::CALENDAR
    }
}

impl TryFrom<u32> for FiscalYearStart {
    type Error = Error;
    fn try_from(month: u32) -> Result<Self> {
        FiscalYearStart::new(month)
    }
}

impl From<FiscalYearStart> for u32 {
    fn from(start: FiscalYearStart) -> u32 {
        start.0
    }
}

/// One quarter of one fiscal year. Crosses IPC as its name and its first and last days, so the
/// interface shows quarters without doing any date arithmetic of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(into = "QuarterSpan")]
#[ts(as = "QuarterSpan")]
pub struct Quarter {
    fiscal_year: i32,
    /// 1 to 4.
    number: u32,
    start: FiscalYearStart,
}

impl Quarter {
    /// The quarter `number` (1 to 4) of `fiscal_year`, for a fiscal year starting at `start`.
    pub fn new(fiscal_year: i32, number: u32, start: FiscalYearStart) -> Result<Self> {
        if !(1..=4).contains(&number) {
            return Err(Error::validation(
                "quarter",
                format!("Q{number} is not a quarter: a year has Q1 to Q4."),
            ));
        }
        Ok(Quarter {
            fiscal_year,
            number,
            start,
        })
    }

    /// The quarter that holds `day`.
    pub fn containing(day: NaiveDate, start: FiscalYearStart) -> Self {
        // Months since the fiscal year began, 0 to 11.
        let into_year = (day.month() + 12 - start.month()) % 12;
        let began_in = if day.month() >= start.month() {
            day.year()
        } else {
            day.year() - 1
        };
        Quarter {
            fiscal_year: fiscal_year_beginning_in(began_in, start),
            number: into_year / 3 + 1,
            start,
        }
    }

    pub fn fiscal_year(self) -> i32 {
        self.fiscal_year
    }

    /// 1 to 4.
    pub fn number(self) -> u32 {
        self.number
    }

    pub fn fiscal_year_start(self) -> FiscalYearStart {
        self.start
    }

    /// The first day of the quarter. Dates exist for years up to about ±262,000 (chrono's range);
    /// at those edges the day is clamped to the first or last date there is.
    pub fn first_day(self) -> NaiveDate {
        // Counted in months since year 0, so a quarter may start in the next calendar year.
        let began_in = calendar_year_beginning(self.fiscal_year, self.start);
        let month = i64::from(began_in) * 12
            + i64::from(self.start.month() - 1)
            + i64::from(self.number - 1) * 3;
        let (year, month0) = (month.div_euclid(12), month.rem_euclid(12));
        i32::try_from(year)
            .ok()
            .and_then(|year| NaiveDate::from_ymd_opt(year, month0 as u32 + 1, 1))
            .unwrap_or(if year < 0 {
                NaiveDate::MIN
            } else {
                NaiveDate::MAX
            })
    }

    /// The last day of the quarter: the day before the next one begins.
    pub fn last_day(self) -> NaiveDate {
        self.next()
            .first_day()
            .checked_sub_days(Days::new(1))
            .unwrap_or(NaiveDate::MAX)
    }

    pub fn contains(self, day: NaiveDate) -> bool {
        (self.first_day()..=self.last_day()).contains(&day)
    }

    pub fn next(self) -> Self {
        match self.number {
            4 => Quarter {
                fiscal_year: self.fiscal_year.saturating_add(1),
                number: 1,
                ..self
            },
            n => Quarter {
                number: n + 1,
                ..self
            },
        }
    }

    /// Reads a quarter's name as stored and typed: `2026-Q3` (also `2026 Q3`, `2026q3`), the
    /// fiscal year then the quarter number, counted from `start`. `field` names the input in
    /// the error.
    pub fn parse(text: &str, start: FiscalYearStart, field: &'static str) -> Result<Self> {
        let trimmed = text.trim();
        let refused = |why: &str| {
            Error::validation(
                field,
                format!("“{trimmed}” is not a quarter: {why} Write it like 2026-Q3."),
            )
        };
        let upper = trimmed.to_ascii_uppercase();
        let Some((year, number)) = upper.split_once('Q') else {
            return Err(refused("it has no Q."));
        };
        let year = year.trim_end_matches(['-', ' ']);
        if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
            return Err(refused("the year should be four digits."));
        }
        let number: u32 = match number.parse() {
            Ok(n) if number.len() == 1 => n,
            _ => return Err(refused("the quarter should be a number from 1 to 4.")),
        };
        if !(1..=4).contains(&number) {
            return Err(refused(&format!(
                "Q{number} does not exist; a year has Q1 to Q4."
            )));
        }
        let year: i32 = year
            .parse()
            .map_err(|_| refused("the year is not a number."))?;
        Quarter::new(year, number, start)
    }

    /// The name a quarter is stored and typed by: `2026-Q3`.
    pub fn key(self) -> String {
        format!("{:04}-Q{}", self.fiscal_year, self.number)
    }

    pub fn previous(self) -> Self {
        match self.number {
            1 => Quarter {
                fiscal_year: self.fiscal_year.saturating_sub(1),
                number: 4,
                ..self
            },
            n => Quarter {
                number: n - 1,
                ..self
            },
        }
    }
}

/// A fiscal year is named by the calendar year it ends in; one starting in January ends in the
/// year it began.
fn fiscal_year_beginning_in(calendar_year: i32, start: FiscalYearStart) -> i32 {
    if start == FiscalYearStart::CALENDAR {
        calendar_year
    } else {
        calendar_year + 1
    }
}

fn calendar_year_beginning(fiscal_year: i32, start: FiscalYearStart) -> i32 {
    if start == FiscalYearStart::CALENDAR {
        fiscal_year
    } else {
        fiscal_year - 1
    }
}

/// "2026 Q3": the fiscal year, then the quarter.
impl fmt::Display for Quarter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} Q{}", self.fiscal_year, self.number)
    }
}

/// A quarter as the interface receives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, rename = "Quarter")]
pub struct QuarterSpan {
    /// As shown everywhere: "2026 Q3".
    pub label: String,
    /// As stored and typed: "2026-Q3".
    pub key: String,
    pub fiscal_year: i32,
    /// 1 to 4.
    pub number: u32,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
}

impl From<Quarter> for QuarterSpan {
    fn from(quarter: Quarter) -> Self {
        QuarterSpan {
            label: quarter.to_string(),
            key: quarter.key(),
            fiscal_year: quarter.fiscal_year,
            number: quarter.number,
            first_day: quarter.first_day(),
            last_day: quarter.last_day(),
        }
    }
}

#[cfg(test)]
mod tests;
