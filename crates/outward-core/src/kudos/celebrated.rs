//! What the team celebrates: a quarter's kudos counted by kind, beside the quarters before it,
//! so a lead sees whether usability, support, migration help and documentation are thanked as
//! often as hard technical problems. Counted from the index of kudos by day and kind.

use super::KudosKind;
use crate::error::Result;
use crate::quarter::Quarter;
use crate::settings;
use chrono::NaiveDate;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How many quarters the view shows, ending with the chosen one.
pub const QUARTERS: usize = 4;

/// The kinds that thank work done for people rather than for the system: the work the essay
/// says goes unrewarded unless a team makes a point of it.
pub const PEOPLE_WORK: [KudosKind; 4] = [
    KudosKind::Usability,
    KudosKind::Support,
    KudosKind::MigrationHelp,
    KudosKind::Documentation,
];

/// How many kudos of one kind a quarter gave.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct KindCount {
    pub kind: KudosKind,
    pub label: String,
    pub count: u32,
}

/// One quarter's kudos by kind, every kind listed (zero included) in the vocabulary's order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct QuarterKinds {
    /// `2026-Q3`.
    pub quarter: String,
    /// "2026 Q3".
    pub label: String,
    pub kinds: Vec<KindCount>,
    pub total: u32,
    /// Of `total`, those for usability, support, migration help or documentation.
    pub people_work: u32,
}

/// The chosen quarter and the ones before it, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Celebrated {
    /// "2026 Q3": the chosen quarter, the last of `quarters`.
    pub quarter: String,
    pub quarters: Vec<QuarterKinds>,
    /// One sentence on the chosen quarter: how much of what was thanked was work for people.
    pub summary: String,
}

/// One quarter's kudos by kind.
pub fn in_quarter(conn: &Connection, quarter: Quarter) -> Result<QuarterKinds> {
    let mut counts = [0u32; 6];
    let mut stmt = conn.prepare_cached(
        "SELECT kind, count(*) FROM kudos INDEXED BY kudos_kinds_by_date
         WHERE deleted_at IS NULL AND given_on BETWEEN ?1 AND ?2 GROUP BY kind",
    )?;
    for row in stmt.query_map((quarter.first_day(), quarter.last_day()), |r| {
        Ok((r.get::<_, KudosKind>(0)?, r.get::<_, u32>(1)?))
    })? {
        let (kind, count) = row?;
        counts[position(kind)] = count;
    }
    let kinds: Vec<KindCount> = KudosKind::ALL
        .iter()
        .map(|&kind| KindCount {
            kind,
            label: kind.label().to_owned(),
            count: counts[position(kind)],
        })
        .collect();
    Ok(QuarterKinds {
        quarter: quarter.key(),
        label: quarter.to_string(),
        total: kinds.iter().map(|k| k.count).sum(),
        people_work: PEOPLE_WORK.iter().map(|&k| counts[position(k)]).sum(),
        kinds,
    })
}

fn position(kind: KudosKind) -> usize {
    KudosKind::ALL
        .iter()
        .position(|&k| k == kind)
        .expect("every kind is in ALL")
}

/// What the team celebrated in the quarter named `quarter` (`2026-Q3`), or `today`'s, and
/// the three quarters before it.
pub fn celebrated(
    conn: &Connection,
    quarter: Option<&str>,
    today: NaiveDate,
) -> Result<Celebrated> {
    let start = settings::fiscal_year_start(conn)?;
    let chosen = match quarter.map(str::trim).filter(|q| !q.is_empty()) {
        Some(text) => Quarter::parse(text, start, "quarter")?,
        None => Quarter::containing(today, start),
    };
    let mut span = vec![chosen];
    while span.len() < QUARTERS {
        let earlier = span[span.len() - 1].previous();
        span.push(earlier);
    }
    span.reverse();
    let quarters = span
        .into_iter()
        .map(|q| in_quarter(conn, q))
        .collect::<Result<Vec<_>>>()?;
    let last = &quarters[quarters.len() - 1];
    Ok(Celebrated {
        quarter: chosen.to_string(),
        summary: summary(last),
        quarters,
    })
}

/// The chosen quarter in plain words.
pub fn summary(quarter: &QuarterKinds) -> String {
    if quarter.total == 0 {
        return format!("Nobody was thanked in {} yet.", quarter.label);
    }
    let hard = quarter
        .kinds
        .iter()
        .find(|k| k.kind == KudosKind::HardProblem)
        .map_or(0, |k| k.count);
    format!(
        "In {}, {} of {} kudos thanked usability, support, migration help or documentation; {} \
         thanked a hard technical problem.",
        quarter.label, quarter.people_work, quarter.total, hard
    )
}

#[cfg(test)]
mod tests {
    use crate::db::Database;
    use crate::store::query_plan;

    #[test]
    fn a_quarter_is_counted_from_the_index_of_days_and_kinds_alone() {
        let db = Database::open_in_memory().unwrap();
        let plan = db
            .read(|conn| {
                Ok(query_plan(
                    conn,
                    "SELECT kind, count(*) FROM kudos INDEXED BY kudos_kinds_by_date
                     WHERE deleted_at IS NULL AND given_on BETWEEN ?1 AND ?2 GROUP BY kind",
                    ["2026-07-01", "2026-09-30"],
                ))
            })
            .unwrap();
        assert!(
            plan.contains("INDEX kudos_kinds_by_date (given_on>? AND given_on<?)"),
            "only the quarter's kudos are read:\n{plan}"
        );
    }
}
