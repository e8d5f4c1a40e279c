//! Who carried support, by level, quarter by quarter. A week counts for whoever did it, or for
//! whoever is planned while it is not recorded, and belongs to the quarter holding its Monday.
//! When a team's support in a quarter fell only to junior and mid-level engineers, the quarter
//! carries a warning naming the team: seniors who never support their products stop hearing
//! their customers.

use crate::error::Result;
use crate::id::Id;
use crate::people::Level;
use crate::quarter::{Quarter, QuarterSpan};
use crate::settings;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct LevelWeeks {
    pub level: Level,
    pub weeks: u32,
}

/// A quarter's support weeks by level, of one team or of every team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct QuarterCoverage {
    pub quarter: QuarterSpan,
    /// Weeks someone carried.
    pub weeks: u32,
    /// Every level, from junior up, with its weeks (zero included).
    pub by_level: Vec<LevelWeeks>,
    /// Of `weeks`, those carried by senior, staff and principal engineers.
    pub senior_weeks: u32,
    /// The teams whose support that quarter fell only to junior and mid-level engineers.
    pub junior_only_teams: Vec<String>,
    /// Said plainly when `junior_only_teams` is not empty.
    pub warning: Option<String>,
}

/// The coverage of `quarter`, of `team` or of every team.
pub fn of_quarter(
    conn: &Connection,
    quarter: Quarter,
    team: Option<Id>,
) -> Result<QuarterCoverage> {
    let mut stmt = conn.prepare_cached(
        "SELECT t.name, p.level, count(*)
         FROM support_weeks w
         JOIN people p ON p.id = coalesce(w.done_by_person_id, w.planned_person_id)
         JOIN teams t ON t.id = w.team_id
         WHERE w.week_of BETWEEN ?1 AND ?2 AND w.deleted_at IS NULL
           AND t.deleted_at IS NULL AND (?3 IS NULL OR w.team_id = ?3)
         GROUP BY w.team_id, p.level
         ORDER BY t.name COLLATE NOCASE, w.team_id",
    )?;
    let rows: Vec<(String, Level, u32)> = stmt
        .query_map(
            rusqlite::params![quarter.first_day(), quarter.last_day(), team],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?
        .collect::<rusqlite::Result<_>>()?;
    let mut by_level: Vec<LevelWeeks> = Level::ALL
        .iter()
        .map(|&level| LevelWeeks { level, weeks: 0 })
        .collect();
    // Per team, in order: its name and whether anyone above mid-level took a week.
    let mut teams: Vec<(String, bool)> = Vec::new();
    for (team_name, level, weeks) in rows {
        if let Some(slot) = by_level.iter_mut().find(|l| l.level == level) {
            slot.weeks += weeks;
        }
        if teams.last().is_none_or(|(name, _)| *name != team_name) {
            teams.push((team_name, false));
        }
        if let Some(last) = teams.last_mut().filter(|_| level > Level::Mid) {
            last.1 = true;
        }
    }
    let junior_only_teams: Vec<String> = teams
        .into_iter()
        .filter(|(_, seniors)| !seniors)
        .map(|(name, _)| name)
        .collect();
    let warning = (!junior_only_teams.is_empty()).then(|| {
        format!(
            "In {quarter}, support in {} fell only to junior and mid-level engineers: no \
             senior, staff or principal engineer took a week.",
            crate::text::in_words(&junior_only_teams)
        )
    });
    Ok(QuarterCoverage {
        quarter: quarter.into(),
        weeks: by_level.iter().map(|l| l.weeks).sum(),
        senior_weeks: by_level
            .iter()
            .filter(|l| l.level > Level::Mid)
            .map(|l| l.weeks)
            .sum(),
        by_level,
        junior_only_teams,
        warning,
    })
}

/// The coverage of the `count` quarters ending with the one holding `day`, oldest first.
pub fn quarters(
    conn: &Connection,
    day: chrono::NaiveDate,
    count: u32,
    team: Option<Id>,
) -> Result<Vec<QuarterCoverage>> {
    let start = settings::fiscal_year_start(conn)?;
    let mut quarter = Quarter::containing(day, start);
    let mut out = Vec::new();
    for _ in 0..count.clamp(1, 20) {
        out.push(of_quarter(conn, quarter, team)?);
        quarter = quarter.previous();
    }
    out.reverse();
    Ok(out)
}

/// [`quarters`] ending with the quarter named `until` (`2026-Q3`), or the one holding `today`.
pub fn quarters_until(
    conn: &Connection,
    until: Option<&str>,
    today: chrono::NaiveDate,
    count: u32,
    team: Option<Id>,
) -> Result<Vec<QuarterCoverage>> {
    let day = match until {
        Some(key) => Quarter::parse(key, settings::fiscal_year_start(conn)?, "until")?.first_day(),
        None => today,
    };
    quarters(conn, day, count, team)
}
