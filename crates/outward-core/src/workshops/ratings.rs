//! Ratings: in a rating step each participant, or the room by consensus, rates each of the
//! step's dimensions from 1 to 5. Ratings are kept per workshop and read per quarter (of the
//! workspace's fiscal year), so a team's self-assessment can be compared from one quarter to the
//! next.

use super::{require_running, seen, step_kind};
use crate::error::{Error, Result};
use crate::exercises::StepKind;
use crate::id::Id;
use crate::quarter::Quarter;
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, Transaction};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RatingInput {
    /// The participant rating; `None` for the room's consensus.
    #[serde(default)]
    pub person_id: Option<Id>,
    pub scores: Vec<Score>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Score {
    pub dimension: String,
    /// 1 (not at all) to 5 (fully).
    pub score: u8,
}

/// A dimension's mean in one quarter.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct QuarterMean {
    pub quarter: Quarter,
    pub mean: f64,
    /// How many ratings the mean is over.
    pub n: u32,
}

/// One dimension's means, quarter by quarter, oldest first.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DimensionTrend {
    pub dimension: String,
    pub quarters: Vec<QuarterMean>,
}

/// Records ratings in the rating step the room of `workshop` is on; a rating given again by the
/// same person (or the room) for the same dimension replaces the earlier one.
pub fn rate(
    tx: &Transaction<'_>,
    workshop: Id,
    input: &RatingInput,
    now: DateTime<Utc>,
) -> Result<()> {
    let step = rating_now(tx, workshop)?;
    if let Some(person) = input.person_id {
        super::cards::require_participant(tx, workshop, person, "personId")?;
    }
    check(tx, workshop, step, &input.scores)?;
    let mut delete = tx.prepare_cached(
        "DELETE FROM workshop_ratings WHERE workshop_id = ?1 AND step_position = ?2
         AND dimension = ?3 AND person_id IS ?4",
    )?;
    let mut insert = tx.prepare_cached(
        "INSERT INTO workshop_ratings (workshop_id, step_position, dimension, person_id, score,
             rated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for score in &input.scores {
        delete.execute((workshop, step, &score.dimension, input.person_id))?;
        insert.execute((
            workshop,
            step,
            &score.dimension,
            input.person_id,
            score.score,
            now,
        ))?;
    }
    seen(tx, workshop, now)
}

/// The rating step the room of running workshop `workshop` is on; refused at any other step.
pub(crate) fn rating_now(conn: &Connection, workshop: Id) -> Result<u32> {
    let position = require_running(conn, workshop)?;
    let step = position.current_step.unwrap_or(0);
    if step_kind(conn, workshop, step)? != StepKind::Rating {
        return Err(Error::conflict(
            None,
            "The room is not on a rating step; ratings are entered during one.",
        ));
    }
    Ok(step)
}

/// Checks that each score rates a dimension of rating step `step`, from 1 to 5.
pub(crate) fn check(conn: &Connection, workshop: Id, step: u32, scores: &[Score]) -> Result<()> {
    let dimensions: Vec<String> = conn
        .prepare_cached(
            "SELECT dimensions FROM workshop_steps WHERE workshop_id = ?1 AND position = ?2",
        )?
        .query_row((workshop, step), |r| r.get::<_, String>(0))
        .map(|json| serde_json::from_str(&json).unwrap_or_default())?;
    for score in scores {
        if !dimensions.contains(&score.dimension) {
            return Err(Error::validation(
                "dimension",
                format!(
                    "“{}” is not rated in this step; it rates {}.",
                    score.dimension,
                    dimensions.join(", ")
                ),
            ));
        }
        if !(1..=5).contains(&score.score) {
            return Err(Error::validation(
                "score",
                format!(
                    "{} for “{}” is not a rating; rate from 1 to 5.",
                    score.score, score.dimension
                ),
            ));
        }
    }
    Ok(())
}

/// Each dimension's mean of workshop `workshop`'s ratings, with how many there are.
pub fn workshop_means(conn: &Connection, workshop: Id) -> Result<Vec<(String, f64, u32)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT dimension, avg(score), count(*) FROM all_workshop_ratings WHERE workshop_id = ?1
         GROUP BY dimension ORDER BY dimension",
    )?;
    let means = stmt
        .query_map([workshop], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(means)
}

/// Per quarter (fiscal year and number): the quarter, the sum of its scores and their count.
type QuarterSums = BTreeMap<(i32, u32), (Quarter, i64, u32)>;

/// For `team` and the exercise `exercise_id`, each rated dimension's mean per quarter (of the
/// workspace's fiscal year) over the ratings of every workshop out of the Trash, by the date the
/// workshop was held. Dimensions by name; quarters oldest first.
pub fn trend(conn: &Connection, team: Id, exercise_id: &str) -> Result<Vec<DimensionTrend>> {
    let start = crate::settings::fiscal_year_start(conn)?;
    let mut stmt = conn.prepare_cached(
        "SELECT r.dimension, w.held_on, sum(r.score), count(*)
         FROM workshops w JOIN all_workshop_ratings r ON r.workshop_id = w.id
         WHERE w.team_id = ?1 AND w.exercise_key = ?2 AND w.deleted_at IS NULL
         GROUP BY r.dimension, w.held_on",
    )?;
    let mut sums: BTreeMap<String, QuarterSums> = BTreeMap::new();
    let rows = stmt.query_map((team, exercise_id), |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, NaiveDate>(1)?,
            r.get::<_, i64>(2)?,
            r.get::<_, u32>(3)?,
        ))
    })?;
    for row in rows {
        let (dimension, held_on, sum, n) = row?;
        let quarter = Quarter::containing(held_on, start);
        let entry = sums
            .entry(dimension)
            .or_default()
            .entry((quarter.fiscal_year(), quarter.number()))
            .or_insert((quarter, 0, 0));
        entry.1 += sum;
        entry.2 += n;
    }
    Ok(sums
        .into_iter()
        .map(|(dimension, quarters)| DimensionTrend {
            dimension,
            quarters: quarters
                .into_values()
                .map(|(quarter, sum, n)| QuarterMean {
                    quarter,
                    mean: sum as f64 / f64::from(n.max(1)),
                    n,
                })
                .collect(),
        })
        .collect())
}
