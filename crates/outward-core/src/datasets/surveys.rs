//! Survey results for the data sets: each team's developer survey every quarter of the twenty,
//! ten score questions tied to metrics (CSAT, NPS, six Likert items, two yes/no shares) and a
//! comment from one respondent in ten, with respondents matched to customer teams; two metrics
//! measured by hand each quarter; and a goal per metric. Written after the rest, from a
//! generator of its own, through the schema's triggers (so the answers' tallies are kept as the
//! app keeps them), in one transaction per survey round.

use super::words::Words;
use super::{Progress, SEED, Sizes, first_day};
use crate::db::Database;
use crate::error::Result;
use crate::id::Id;
use crate::quarter::{FiscalYearStart, Quarter};
use chrono::{DateTime, Duration, Utc};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// What the surveys' generation wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Written {
    pub responses: u64,
    pub answers: u64,
}

/// The metrics asked about, with their kind and scale.
const ASKED: [(&str, &str, i64, i64); 10] = [
    ("CI satisfaction", "csat", 1, 5),
    ("Platform NPS", "nps", 0, 10),
    ("Docs are easy to find", "likertMean", 1, 5),
    ("Onboarding is quick", "likertMean", 1, 5),
    ("Deploys feel safe", "likertMean", 1, 5),
    ("Support is responsive", "likertMean", 1, 5),
    ("Observability is good enough", "likertMean", 1, 5),
    ("Costs are clear", "likertMean", 1, 5),
    ("Uses the golden path", "percentage", 0, 1),
    ("Migrated off the old cluster", "percentage", 0, 1),
];

/// Writes `sizes.survey_responses` responses over the twenty quarters, spread over the teams.
pub(super) fn write(
    db: &Database,
    sizes: &Sizes,
    progress: &mut impl FnMut(Progress),
) -> Result<Written> {
    let mut rng = ChaCha8Rng::seed_from_u64(SEED ^ 0x5355_5256);
    let words = Words::new();
    let (teams, customers) = db.read(|conn| {
        let ids = |sql: &str| -> Result<Vec<Id>> {
            Ok(conn
                .prepare(sql)?
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?)
        };
        Ok((
            ids("SELECT id FROM teams ORDER BY rowid")?,
            ids("SELECT id FROM customers WHERE deleted_at IS NULL ORDER BY rowid")?,
        ))
    })?;
    let created = first_day().and_hms_opt(9, 0, 0).expect("a time").and_utc();
    let mut metrics: Vec<Id> = Vec::new();
    db.write(|tx| {
        let mut insert = tx.prepare_cached(
            "INSERT INTO metrics (id, name, description, kind, direction, scope, unit,
                created_at, updated_at)
             VALUES (?1, ?2, '', ?3, ?4, 'team', ?5, ?6, ?6)",
        )?;
        for (name, kind, _, _) in ASKED {
            let id = Id::from_parts(created, rng.random());
            insert.execute((id, name, kind, "higherIsBetter", "", created))?;
            metrics.push(id);
        }
        for (name, kind, direction, unit) in [
            (
                "Hours to first response",
                "duration",
                "lowerIsBetter",
                "hours",
            ),
            ("Requests per week", "count", "lowerIsBetter", "requests"),
        ] {
            let id = Id::from_parts(created, rng.random());
            insert.execute((id, name, kind, direction, unit, created))?;
            metrics.push(id);
        }
        Ok(())
    })?;
    let quarters: Vec<Quarter> = {
        let mut q = Quarter::containing(first_day(), FiscalYearStart::CALENDAR);
        (0..20)
            .map(|_| {
                let this = q;
                q = q.next();
                this
            })
            .collect()
    };
    let rounds = (teams.len() * quarters.len()).max(1) as u64;
    let per_round = u64::from(sizes.survey_responses) / rounds;
    let mut written = Written::default();
    let total = per_round * rounds;
    for (k, quarter) in quarters.iter().enumerate() {
        for team in &teams {
            let opened = quarter.first_day() + chrono::Days::new(30);
            let at: DateTime<Utc> = opened.and_hms_opt(9, 0, 0).expect("a time").and_utc();
            db.write(|tx| {
                let survey = Id::from_parts(at, rng.random());
                tx.prepare_cached(
                    "INSERT INTO surveys (id, title, quarter, opened_on, audience_size, team_id,
                        created_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
                )?
                .execute((
                    survey,
                    format!("Developer survey {quarter}"),
                    quarter.key(),
                    opened,
                    i64::try_from(per_round * 3).unwrap_or(i64::MAX),
                    team,
                    at,
                ))?;
                let mut questions = Vec::with_capacity(ASKED.len() + 1);
                let mut insert = tx.prepare_cached(
                    "INSERT INTO survey_questions (id, survey_id, position, prompt, kind,
                        metric_id, scale_min, scale_max)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                )?;
                for (position, (name, _, min, max)) in ASKED.iter().enumerate() {
                    let id = Id::from_parts(at, rng.random());
                    insert.execute((
                        id,
                        survey,
                        position as u32,
                        format!("{name}?"),
                        "score",
                        metrics[position],
                        min,
                        max,
                    ))?;
                    questions.push((id, *min, *max));
                }
                let comment = Id::from_parts(at, rng.random());
                insert.execute((
                    comment,
                    survey,
                    ASKED.len() as u32,
                    "Anything else?",
                    "comment",
                    None::<Id>,
                    None::<i64>,
                    None::<i64>,
                ))?;
                let mut response = tx.prepare_cached(
                    "INSERT INTO survey_responses (id, survey_id, customer_id, team_label,
                        respondent, responded_on, source, created_at, updated_at)
                     VALUES (?1, ?2, ?3, '', ?4, ?5, 'imported', ?6, ?6)",
                )?;
                let mut answer = tx.prepare_cached(
                    "INSERT INTO survey_answers (response_id, question_id, value, text)
                     VALUES (?1, ?2, ?3, ?4)",
                )?;
                // Answers drift up a little over the quarters, as a team at work would hope.
                let lift = k as f64 / 20.0;
                for r in 0..per_round {
                    let when = at + Duration::minutes(rng.random_range(0..14 * 24 * 60));
                    let id = Id::from_parts(when, rng.random());
                    let customer = customers[rng.random_range(0..customers.len().max(1))];
                    response.execute((
                        id,
                        survey,
                        customer,
                        format!("r{k}-{r}"),
                        when.date_naive(),
                        when,
                    ))?;
                    for (question, min, max) in &questions {
                        let span = (max - min) as f64;
                        let draw: f64 =
                            rng.random::<f64>() * 0.8 + rng.random::<f64>() * 0.2 + lift * 0.15;
                        let value = min + (draw.min(0.999) * (span + 1.0)) as i64;
                        answer.execute((id, question, value.min(*max), None::<String>))?;
                        written.answers += 1;
                    }
                    if rng.random_range(0..10) == 0 {
                        let mut text = String::new();
                        words.sentence(&mut rng, &mut text);
                        answer.execute((id, comment, None::<i64>, text.trim()))?;
                        written.answers += 1;
                    }
                    written.responses += 1;
                }
                let mut measure = tx.prepare_cached(
                    "INSERT OR IGNORE INTO measurements (id, metric_id, quarter, value, n, source,
                        created_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4, NULL, 'Tracker export', ?5, ?5)",
                )?;
                measure.execute((
                    Id::from_parts(at, rng.random()),
                    metrics[10],
                    quarter.key(),
                    12.0 - lift * 6.0,
                    at,
                ))?;
                measure.execute((
                    Id::from_parts(at, rng.random()),
                    metrics[11],
                    quarter.key(),
                    80.0 - lift * 20.0,
                    at,
                ))?;
                Ok(())
            })?;
            progress(Progress {
                stage: "survey responses",
                done: written.responses,
                total,
            });
        }
    }
    let last = quarters[quarters.len() - 1];
    db.write(|tx| {
        let mut goal = tx.prepare_cached(
            "INSERT INTO goals (id, title, metric_id, baseline, baseline_quarter, target,
                due_quarter, created_at, updated_at)
             VALUES (?1, ?2, ?3, NULL, NULL, ?4, ?5, ?6, ?6)",
        )?;
        for (i, metric) in metrics.iter().enumerate().take(ASKED.len()) {
            let target = match ASKED[i].1 {
                "csat" | "percentage" => 90.0,
                "nps" => 50.0,
                _ => 4.5,
            };
            goal.execute((
                Id::from_parts(created, rng.random()),
                format!("{} up", ASKED[i].0),
                metric,
                target,
                last.next().key(),
                created,
            ))?;
        }
        Ok(())
    })?;
    Ok(written)
}
