//! Metrics at heavy size (250,000 survey responses, 2.5 million answers over twenty quarters):
//! every metric's value in a quarter and one metric's twenty-quarter trend, each against a
//! hand-written query of the same roll-up (`survey_score_tallies`) and against the 200 ms budget DESIGN.md §7 sets; and
//! importing a 50,000-row survey CSV against raw batched inserts of the same rows.

use crate::harness::{Fallible, Timings, kept, ms, paired, ratio};
use crate::report::{Report, Row};
use chrono::Utc;
use outward_core::datasets;
use outward_core::db::Database;
use outward_core::id::Id;
use outward_core::metrics::values;
use outward_core::quarter::{FiscalYearStart, Quarter};
use outward_core::surveys::import::{self, ImportMapping, QuestionColumn};
use outward_core::surveys::{self, QuestionInput, QuestionKind, SurveyInput};
use rusqlite::Connection;
use std::path::Path;

/// DESIGN.md §7: every metric of a quarter, and a twenty-quarter trend, within 200 ms in Rust.
const QUARTER_BUDGET_MS: f64 = 200.0;

pub fn budget_row(report: &mut Report, operation: &str, (s, b): (Timings, Timings)) {
    let p95 = ms(s.p95());
    report.add(Row {
        operation: operation.into(),
        subject: crate::harness::p50_p95(&s),
        baseline: crate::harness::p50_p95(&b),
        ratio: ratio(s.p50(), b.p50()),
        goal: format!("p95 ≤ {QUARTER_BUDGET_MS} ms"),
        met: Some(p95 <= QUARTER_BUDGET_MS),
        budget: None,
    });
}

/// The score counts of every metric asked about in `quarter`, by hand: what the values are made of.
fn tallies_by_hand(conn: &Connection, quarter: &str) -> Fallible {
    let mut stmt = conn.prepare_cached(
        "SELECT q.metric_id, t.value, sum(t.n) FROM surveys s
         JOIN survey_questions q ON q.survey_id = s.id
         JOIN survey_score_tallies t ON t.question_id = q.id
         WHERE s.quarter = ?1 AND s.deleted_at IS NULL GROUP BY q.metric_id, t.value",
    )?;
    let rows: Vec<(Option<String>, i64, i64)> = stmt
        .query_map([quarter], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    kept(rows)
}

pub fn quarters(db: &Database, report: &mut Report) -> Fallible {
    let last = Quarter::containing(datasets::last_day(), FiscalYearStart::CALENDAR);
    let timings = db.read(|c| {
        Ok(paired(
            40,
            |_| (),
            |_| kept(values::quarter(c, last)?),
            |_| {
                tallies_by_hand(c, &last.key())?;
                tallies_by_hand(c, &last.previous().key())
            },
        ))
    })??;
    budget_row(
        report,
        "every metric of a quarter, with interval and change (heavy: 2.5 M answers)",
        timings,
    );
    let metric: Id = db.read(|c| {
        Ok(c.query_row(
            "SELECT id FROM metrics WHERE kind = 'csat' AND deleted_at IS NULL LIMIT 1",
            [],
            |r| r.get(0),
        )?)
    })?;
    let timings = db.read(|c| {
        Ok(paired(
            40,
            |_| (),
            |_| kept(values::trend(c, metric, last, 20)?),
            |_| {
                let mut stmt = c.prepare_cached(
                    "SELECT s.quarter, t.value, sum(t.n) FROM survey_questions q
                     JOIN surveys s ON s.id = q.survey_id
                     JOIN survey_score_tallies t ON t.question_id = q.id
                     WHERE q.metric_id = ?1 AND s.deleted_at IS NULL GROUP BY s.quarter, t.value",
                )?;
                let rows: Vec<(String, i64, i64)> = stmt
                    .query_map([metric], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                    .collect::<rusqlite::Result<_>>()?;
                kept(rows)
            },
        ))
    })??;
    budget_row(report, "one metric's twenty-quarter trend (heavy)", timings);
    Ok(())
}

const PROMPTS: [&str; 3] = [
    "How satisfied are you with CI?",
    "How likely are you to recommend us?",
    "Anything else?",
];

/// A fresh database with the tiny data set's customers, two metrics and one survey.
fn fresh(path: &Path) -> Fallible<(Database, Id, Vec<String>)> {
    let db = Database::open(path, Utc::now())?;
    let (csat, nps) = db.write(|tx| {
        let metric = |name: &str, kind| outward_core::metrics::MetricInput {
            name: name.into(),
            description: String::new(),
            kind,
            direction: outward_core::metrics::Direction::HigherIsBetter,
            scope: outward_core::metrics::MetricScope::Team,
            team_id: None,
            product_id: None,
            customer_id: None,
            unit: String::new(),
        };
        let now = Utc::now();
        Ok((
            outward_core::metrics::create(
                tx,
                &metric("CSAT", outward_core::metrics::MetricKind::Csat),
                now,
            )?
            .id,
            outward_core::metrics::create(
                tx,
                &metric("NPS", outward_core::metrics::MetricKind::Nps),
                now,
            )?
            .id,
        ))
    })?;
    let question = |prompt: &str, kind, metric| QuestionInput {
        prompt: prompt.into(),
        kind,
        metric_id: metric,
        scale_min: None,
        scale_max: None,
    };
    let survey = db.write(|tx| {
        let input = SurveyInput {
            title: "Developer survey".into(),
            quarter: "2026-Q3".into(),
            opened_on: None,
            audience_size: Some(100_000),
            team_id: None,
            questions: vec![
                question(PROMPTS[0], QuestionKind::Score, Some(csat)),
                question(PROMPTS[1], QuestionKind::Score, Some(nps)),
                question(PROMPTS[2], QuestionKind::Comment, None),
            ],
        };
        surveys::create(tx, &input, Utc::now())
    })?;
    let questions = survey.questions.iter().map(|q| q.id.to_string()).collect();
    Ok((db, survey.id, questions))
}

/// Importing a 50,000-row CSV (read, check, write) against raw batched inserts of the same rows.
pub fn survey_import(folder: &Path, report: &mut Report) -> Fallible {
    let work = tempfile::tempdir_in(folder)?;
    let mut csv = format!(
        "Team,Email,Date,\"{}\",\"{}\",\"{}\"\n",
        PROMPTS[0], PROMPTS[1], PROMPTS[2]
    );
    for i in 0..50_000u32 {
        let comment = if i % 10 == 0 {
            "Builds queue at peak; please add runners"
        } else {
            ""
        };
        csv.push_str(&format!(
            "Team {},p{i}@corp.example,2026-07-{:02},{},{},{comment}\n",
            i % 40,
            1 + i % 28,
            1 + i % 5,
            i % 11
        ));
    }
    let mapping = ImportMapping {
        team_column: Some("Team".into()),
        respondent_column: Some("Email".into()),
        date_column: Some("Date".into()),
        questions: PROMPTS
            .iter()
            .enumerate()
            .map(|(i, p)| QuestionColumn {
                column: (*p).into(),
                position: i as u32,
            })
            .collect(),
        teams: Default::default(),
    };
    let (s, b) = paired(
        4,
        |i| {
            let dir = work.path().join(format!("round-{i}"));
            std::fs::create_dir_all(&dir).expect("a folder for the round");
            dir
        },
        |dir| {
            let (db, survey, _) = fresh(&dir.join("import.db"))?;
            let sheet = import::read(csv.as_bytes(), "export.csv")?;
            db.write(|tx| import::import(tx, survey, &sheet, &mapping, Utc::now(), &mut |_| true))?;
            Ok(())
        },
        |dir| {
            let (db, survey, questions) = fresh(&dir.join("raw.db"))?;
            db.write(|tx| {
                let now = Utc::now();
                let mut response = tx.prepare_cached(
                    "INSERT INTO survey_responses (id, survey_id, team_label, respondent,
                        responded_on, source, created_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, 'imported', ?6, ?6)",
                )?;
                let mut answer = tx.prepare_cached(
                    "INSERT INTO survey_answers (response_id, question_id, value, text) VALUES (?1, ?2, ?3, ?4)",
                )?;
                for line in csv.lines().skip(1) {
                    let cells: Vec<&str> = line.split(',').collect();
                    let id = Id::at(now);
                    response.execute((id, survey, cells[0], cells[1], cells[2], now))?;
                    answer.execute((id, &questions[0], cells[3].parse::<i64>().ok(), None::<&str>))?;
                    answer.execute((id, &questions[1], cells[4].parse::<i64>().ok(), None::<&str>))?;
                    if !cells[5].is_empty() {
                        answer.execute((id, &questions[2], None::<i64>, cells[5]))?;
                    }
                }
                Ok(())
            })?;
            Ok(())
        },
    )?;
    let r = ratio(b.p50(), s.p50());
    report.add(Row {
        operation: "importing a 50,000-row survey CSV (speed against raw batched inserts)".into(),
        subject: crate::harness::p50_p95(&s),
        baseline: crate::harness::p50_p95(&b),
        ratio: r,
        goal: "≥ 0.5".into(),
        met: Some(r >= 0.5),
        budget: None,
    });
    Ok(())
}
