//! The example's satisfaction numbers: four quarters of the team's developer survey, imported
//! from the form tool's CSV export as a user would, two numbers measured by hand each quarter,
//! and the goals the team set, so a goal's trend has something to show on first run.

use super::Names;
use crate::error::Result;
use crate::goals::{self, GoalInput};
use crate::metrics::{
    self, Direction, MeasurementInput, MetricInput, MetricKind, MetricScope, values,
};
use crate::quarter::Quarter;
use crate::surveys::import::{self, ImportMapping, QuestionColumn};
use crate::surveys::{self, QuestionInput, QuestionKind, SurveyInput};
use chrono::{DateTime, Utc};
use rusqlite::Transaction;

const CSAT: &str = "CI satisfaction";
const NPS: &str = "Platform NPS";
const FIRST_RESPONSE: &str = "Hours to first response";
const SELF_SERVE: &str = "Self-serve deploys";

const SATISFIED: &str = "How satisfied are you with CI?";
const RECOMMEND: &str = "How likely are you to recommend the platform to a colleague?";
const ANYTHING_ELSE: &str = "Anything else you want to tell us?";

/// Hours to first response and the share of deploys without a ticket, oldest quarter first.
const HOURS: [f64; 4] = [9.5, 8.0, 7.2, 6.1];
const SELF_SERVE_SHARE: [f64; 4] = [35.0, 42.0, 51.0, 58.0];

/// What respondents wrote, by how they felt (low, middling, high).
const COMMENTS: [&str; 6] = [
    "CI queues at peak are still painful; we wait 20 minutes for a runner.",
    "The pipeline template helped, but rollback during canaries is still unclear.",
    "Support answered fast this time, thanks.",
    "Migration docs for VM images are missing the networking part.",
    "Builds are much faster since the new runners.",
    "Would love a single golden path for new services.",
];

pub(super) fn load(
    tx: &Transaction<'_>,
    team: crate::id::Id,
    customers: &Names,
    now: DateTime<Utc>,
) -> Result<()> {
    let metric = |name: &str, kind, direction, unit: &str, description: &str| MetricInput {
        name: name.into(),
        description: description.into(),
        kind,
        direction,
        scope: MetricScope::Team,
        team_id: Some(team),
        product_id: None,
        customer_id: None,
        unit: unit.into(),
    };
    let csat = metrics::create(
        tx,
        &metric(
            CSAT,
            MetricKind::Csat,
            Direction::HigherIsBetter,
            "",
            "Share answering 4 or 5.",
        ),
        now,
    )?;
    let nps = metrics::create(
        tx,
        &metric(NPS, MetricKind::Nps, Direction::HigherIsBetter, "", ""),
        now,
    )?;
    let hours = metrics::create(
        tx,
        &metric(
            FIRST_RESPONSE,
            MetricKind::Duration,
            Direction::LowerIsBetter,
            "hours",
            "Median time from a support request to the first reply.",
        ),
        now,
    )?;
    let self_serve = metrics::create(
        tx,
        &metric(
            SELF_SERVE,
            MetricKind::Percentage,
            Direction::HigherIsBetter,
            "",
            "Share of production deploys made without a ticket to the team.",
        ),
        now,
    )?;

    let start = crate::settings::fiscal_year_start(tx)?;
    let current = Quarter::containing(now.date_naive(), start);
    let quarters = [
        current.previous().previous().previous(),
        current.previous().previous(),
        current.previous(),
        current,
    ];
    let teams = [
        "Payments",
        "Checkout",
        "Search & Discovery",
        "Data Platform",
        "Mobile Apps",
        "Risk & Fraud",
    ];
    for name in teams {
        customers.id(name)?;
    }
    for (k, quarter) in quarters.iter().enumerate() {
        let survey = surveys::create(
            tx,
            &SurveyInput {
                title: format!("Developer survey {quarter}"),
                quarter: quarter.key(),
                opened_on: Some(quarter.first_day() + chrono::Days::new(20)),
                audience_size: Some(90),
                team_id: Some(team),
                questions: vec![
                    question(SATISFIED, QuestionKind::Score, Some(csat.id)),
                    question(RECOMMEND, QuestionKind::Score, Some(nps.id)),
                    question(ANYTHING_ELSE, QuestionKind::Comment, None),
                ],
            },
            now,
        )?;
        let csv = export(k, quarter, &teams);
        let sheet = import::read(csv.as_bytes(), "developer-survey.csv")?;
        let mapping = ImportMapping {
            team_column: Some("Which team are you on?".into()),
            respondent_column: Some("Email Address".into()),
            date_column: Some("Timestamp".into()),
            questions: [SATISFIED, RECOMMEND, ANYTHING_ELSE]
                .iter()
                .enumerate()
                .map(|(position, column)| QuestionColumn {
                    column: (*column).into(),
                    position: position as u32,
                })
                .collect(),
            teams: Default::default(),
        };
        import::import(tx, survey.id, &sheet, &mapping, now, &mut |_| true)?;
        for (metric, value, source) in [
            (
                hours.id,
                HOURS[k],
                "Support tracker export: median hours from request to first reply.",
            ),
            (
                self_serve.id,
                SELF_SERVE_SHARE[k],
                "Deploy log: deploys without a linked ticket over all deploys.",
            ),
        ] {
            metrics::record_measurement(
                tx,
                &MeasurementInput {
                    metric_id: metric,
                    quarter: quarter.key(),
                    value,
                    n: None,
                    source: source.into(),
                },
                now,
            )?;
        }
    }

    // A comment kept as evidence for the pain point it speaks to.
    let (response, question): (crate::id::Id, crate::id::Id) = tx.query_row(
        "SELECT a.response_id, a.question_id FROM survey_answers a
         WHERE a.text = ?1 ORDER BY a.response_id DESC LIMIT 1",
        [COMMENTS[0]],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let slow_ci: crate::id::Id = tx.query_row(
        "SELECT id FROM pain_points WHERE title = 'CI queue is slow at peak times'",
        [],
        |r| r.get(0),
    )?;
    surveys::quote_comment(
        tx,
        response,
        question,
        slow_ci,
        Some("CI queues at peak are still painful"),
        now,
    )?;

    let due = current.next().next().key();
    let latest = values::latest(tx, csat.id, current)?.map_or(60.0, |v| v.value);
    let today = now.date_naive();
    goals::create(
        tx,
        &GoalInput {
            title: "Most developers are happy with CI".into(),
            metric_id: csat.id,
            target: (latest + 15.0).min(95.0).round(),
            due_quarter: due.clone(),
            team_id: Some(team),
        },
        today,
        now,
    )?;
    goals::create(
        tx,
        &GoalInput {
            title: "A first reply within four hours".into(),
            metric_id: hours.id,
            target: 4.0,
            due_quarter: due,
            team_id: Some(team),
        },
        today,
        now,
    )?;
    Ok(())
}

fn question(prompt: &str, kind: QuestionKind, metric: Option<crate::id::Id>) -> QuestionInput {
    QuestionInput {
        prompt: prompt.into(),
        kind,
        metric_id: metric,
        scale_min: None,
        scale_max: None,
    }
}

/// One quarter's responses as the form tool exports them. Scores are spread by a fixed rule
/// (no randomness, so the example is the same on every machine) and drift up a little each
/// quarter, as a team working on its pain points would hope.
fn export(k: usize, quarter: &Quarter, teams: &[&str]) -> String {
    let mut csv = format!(
        "Timestamp,Email Address,Which team are you on?,\"{SATISFIED}\",\"{RECOMMEND}\",\"{ANYTHING_ELSE}\"\n"
    );
    let day = quarter.first_day() + chrono::Days::new(21);
    for (c, team) in teams.iter().enumerate() {
        for r in 0..(5 + (c + k) % 4) {
            let x = (r * 37 + c * 11 + k * 5) % 10;
            let lift = x + k;
            let csat = match lift {
                0..=1 => 1,
                2..=3 => 2,
                4..=5 => 3,
                6..=8 => 4,
                _ => 5,
            };
            let nps = (lift + 1).min(10);
            let comment = match x {
                1 => COMMENTS[(c + k) % 2],
                5 => COMMENTS[2 + (c + k) % 2],
                8 => COMMENTS[4 + (c + k) % 2],
                _ => "",
            };
            csv.push_str(&format!(
                "{day} 10:{r:02}:00,dev{c}{r}.q{k}@corp.example,{team},{csat},{nps},\"{comment}\"\n"
            ));
        }
    }
    csv
}
