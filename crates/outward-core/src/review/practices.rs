//! The practices a quarter's review carries beside its metrics: who took support, by level,
//! with the warning when it fell only to junior and mid-level engineers; the ticket black-hole
//! meter of the quarter in brief; and the migrations running in it, as they stood at its end.
//! Each part is there only where the quarter has data for it, and each is read the way its own
//! screen reads it ([`rota::coverage`], [`tickets::report::brief`],
//! [`platform_migrations::quarter`]), so the review says what they say.

use crate::error::Result;
use crate::platform_migrations::quarter::{self as migrations, MigrationQuarter};
use crate::quarter::Quarter;
use crate::rota::coverage::{self, LevelWeeks};
use crate::tickets::report::{self as meter, DEFAULT_UNANSWERED_AFTER_DAYS, QuarterBrief};
use chrono::{Days, NaiveDate};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The quarter's support weeks by level, of every team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SupportInQuarter {
    /// Weeks someone carried (or is planned to, for weeks not yet recorded).
    pub weeks: u32,
    /// Every level, from junior up, with its weeks (zero included).
    pub by_level: Vec<LevelWeeks>,
    /// Weeks carried by senior, staff and principal engineers.
    pub senior_weeks: u32,
    /// The teams whose support fell only to junior and mid-level engineers.
    pub junior_only_teams: Vec<String>,
    /// Said plainly when `junior_only_teams` is not empty, in the words Home uses.
    pub warning: Option<String>,
}

impl From<coverage::QuarterCoverage> for SupportInQuarter {
    fn from(coverage: coverage::QuarterCoverage) -> Self {
        SupportInQuarter {
            weeks: coverage.weeks,
            by_level: coverage.by_level,
            senior_weeks: coverage.senior_weeks,
            junior_only_teams: coverage.junior_only_teams,
            warning: coverage.warning,
        }
    }
}

/// The practices of a quarter's review; in a review kept before they were, all empty.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export, rename = "ReviewPractices")]
pub struct Practices {
    /// `None` when nobody was on support in the quarter.
    pub support: Option<SupportInQuarter>,
    /// `None` when no ticket was opened in the quarter.
    pub tickets: Option<QuarterBrief>,
    /// The migrations running in the quarter, nearest deadline first.
    pub migrations: Vec<MigrationQuarter>,
}

/// The practices of `quarter`, as of `today` (the black-hole meter judges at the end of it).
pub fn of_quarter(conn: &Connection, quarter: Quarter, today: NaiveDate) -> Result<Practices> {
    let support = coverage::of_quarter(conn, quarter, None)?;
    let end_of_today = meter::start_of(today.checked_add_days(Days::new(1)).unwrap_or(today));
    Ok(Practices {
        support: (support.weeks > 0).then(|| support.into()),
        tickets: meter::brief(conn, quarter, DEFAULT_UNANSWERED_AFTER_DAYS, end_of_today)?,
        migrations: migrations::running_in(conn, quarter, today)?,
    })
}

impl Practices {
    /// Whether the quarter has any of the practices to show.
    pub fn is_empty(&self) -> bool {
        self.support.is_none() && self.tickets.is_none() && self.migrations.is_empty()
    }
}
