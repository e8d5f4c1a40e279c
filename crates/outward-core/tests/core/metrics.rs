//! Honest numbers: the intervals against values worked out by hand, their edge cases, and a
//! metric's value, trend and breakdown computed from survey answers and measurements in a real
//! database.

use crate::fixtures::{day, now, world};
use outward_core::db::Database;
use outward_core::error::Error;
use outward_core::id::Id;
use outward_core::metrics::stats::{self, Estimate};
use outward_core::metrics::values::{self, Tally, ValueSource};
use outward_core::metrics::{
    self, Direction, MeasurementInput, MetricInput, MetricKind, MetricScope,
};
use outward_core::quarter::{FiscalYearStart, Quarter};
use outward_core::surveys::{
    self, AnswerInput, QuestionInput, QuestionKind, ResponseInput, SurveyInput,
};

fn close(actual: f64, expected: f64, what: &str) {
    assert!(
        (actual - expected).abs() < 0.005,
        "{what}: {actual} is not {expected}"
    );
}

fn interval(e: &Estimate) -> (f64, f64) {
    let i = e.interval.expect("an interval");
    (i.low, i.high)
}

#[test]
fn wilson_interval_matches_the_worked_example_and_its_edges() {
    // 8 of 10 satisfied: p = 0.8, z² = 3.8415.
    // centre = (0.8 + 3.8415/20) / (1 + 3.8415/10) = 0.99207 / 1.38415 = 0.71674
    // half   = 1.96/1.38415 × √(0.8×0.2/10 + 3.8415/400) = 1.41603 × 0.16001 = 0.22658
    // → 0.4902 to 0.9433, in percent 49.02 to 94.33.
    let e = stats::proportion(8, 10).unwrap();
    close(e.value, 80.0, "value");
    let (low, high) = interval(&e);
    close(low, 49.02, "low");
    close(high, 94.33, "high");
    // n = 0: no value at all.
    assert!(stats::proportion(0, 0).is_none());
    assert!(stats::wilson(0, 0).is_none());
    // n = 1, satisfied: centre = 2.92073/4.8415 = 0.60327, half = 0.40483 × 0.97999 = 0.39673.
    let one = stats::proportion(1, 1).unwrap();
    let (low, high) = interval(&one);
    close(low, 20.65, "one low");
    close(high, 100.0, "one high");
    // All the same (10 of 10): still a width, 72.25 to 100, never beyond 100.
    let all = stats::proportion(10, 10).unwrap();
    let (low, high) = interval(&all);
    close(low, 72.25, "all low");
    assert!(high <= 100.0);
    close(high, 100.0, "all high");
    // None of 3: 0 to 56.15.
    let none = stats::proportion(0, 3).unwrap();
    let (low, high) = interval(&none);
    close(low, 0.0, "none low");
    close(high, 56.15, "none high");
}

#[test]
fn nps_interval_matches_the_worked_example_and_everyone_a_promoter_keeps_a_width() {
    // 5 promoters, 3 passives, 2 detractors: NPS = 100 × (5 − 2)/10 = 30.
    // Adjusted: n' = 13, p = 5.75/13 = 0.44231, d = 2.75/13 = 0.21154, p − d = 0.23077
    // variance = (0.44231 + 0.21154 − 0.23077²)/13 = 0.60059/13 = 0.046199, se = 0.21494
    // → 100 × (0.23077 ± 1.96 × 0.21494) = −19.05 to 65.20.
    let e = stats::nps(5, 3, 2).unwrap();
    close(e.value, 30.0, "nps");
    let (low, high) = interval(&e);
    close(low, -19.05, "low");
    close(high, 65.20, "high");
    // Everyone a promoter (4 of 4): NPS 100; n' = 7, p = 4.75/7, d = 0.75/7, se = 0.25612
    // → 100 × (0.57143 − 0.50199) = 6.94 to 100 (clipped).
    let all = stats::nps(4, 0, 0).unwrap();
    close(all.value, 100.0, "all promoters");
    let (low, high) = interval(&all);
    close(low, 6.94, "all low");
    close(high, 100.0, "all high");
    // One promoter: the adjusted interval (−48.50 to 98.50) is widened to hold the 100 seen.
    let one = stats::nps(1, 0, 0).unwrap();
    let (low, high) = interval(&one);
    close(low, -48.50, "one low");
    close(high, 100.0, "one high");
    // All detractors mirror all promoters.
    let (low, high) = interval(&stats::nps(0, 0, 4).unwrap());
    close(low, -100.0, "detractors low");
    close(high, -6.94, "detractors high");
    assert!(stats::nps(0, 0, 0).is_none());
}

#[test]
fn t_interval_of_a_mean_matches_the_worked_example_and_its_edges() {
    // Answers 3, 4, 4, 5, 2: mean 3.6; squares about the mean 0.36 + 0.16 + 0.16 + 1.96 + 2.56
    // = 5.2, s² = 5.2/4 = 1.3, se = √(1.3/5) = 0.50990; t(0.975, 4) = 2.776
    // → 3.6 ± 1.41549 = 2.18 to 5.02.
    let xs = [3.0, 4.0, 4.0, 5.0, 2.0];
    let e = stats::mean(5, xs.iter().sum(), xs.iter().map(|x| x * x).sum()).unwrap();
    close(e.value, 3.6, "mean");
    let (low, high) = interval(&e);
    close(low, 2.18, "low");
    close(high, 5.02, "high");
    assert!(stats::mean(0, 0.0, 0.0).is_none(), "n = 0");
    let one = stats::mean(1, 4.0, 16.0).unwrap();
    assert_eq!(one.value, 4.0);
    assert!(
        one.interval.is_none(),
        "one answer has no spread to measure"
    );
    let same = stats::mean(3, 12.0, 48.0).unwrap();
    assert_eq!(interval(&same), (4.0, 4.0), "all the same: no width");
    // The t quantiles: the table, and the expansion beyond it.
    close(stats::t_975(1), 12.706, "t1");
    close(stats::t_975(30), 2.042, "t30");
    close(stats::t_975(60), 2.000, "t60");
    close(stats::t_975(1000), 1.962, "t1000");
}

#[test]
fn a_change_is_within_noise_when_its_interval_includes_zero() {
    // 5 of 10 then 8 of 10: +30 points. The standard errors read from the Wilson intervals are
    // 52.68/3.92 = 13.44 and 45.32/3.92 = 11.56; half = 1.96 × √(13.44² + 11.56²) = 34.74
    // → −4.74 to 64.74: includes zero, within noise.
    let before = stats::proportion(5, 10).unwrap();
    let after = stats::proportion(8, 10).unwrap();
    let change = stats::change(&after, &before);
    close(change.difference, 30.0, "difference");
    let i = change.interval.unwrap();
    close(i.low, -4.74, "low");
    close(i.high, 64.74, "high");
    assert!(change.within_noise);
    // The same shares of 100 each: se 4.91 and 3.97, half 12.37 → 17.63 to 42.37: a real move.
    let change = stats::change(
        &stats::proportion(80, 100).unwrap(),
        &stats::proportion(50, 100).unwrap(),
    );
    let i = change.interval.unwrap();
    close(i.low, 17.63, "low");
    close(i.high, 42.37, "high");
    assert!(!change.within_noise);
    // Without an interval on one side nothing shows the move is real.
    let single = stats::mean(1, 5.0, 25.0).unwrap();
    assert!(stats::change(&single, &stats::mean(1, 1.0, 1.0).unwrap()).within_noise);
}

#[test]
fn answers_make_each_kind_of_value() {
    let tally = |pairs: &[(i64, u64)]| pairs.iter().copied().collect::<Tally>();
    // CSAT counts 4 and 5 as satisfied: 3 of 5.
    let csat = values::estimate(MetricKind::Csat, &tally(&[(1, 1), (3, 1), (4, 2), (5, 1)]));
    close(csat.unwrap().value, 60.0, "csat");
    // NPS: 9–10 promoters, 7–8 passives, 0–6 detractors.
    let nps = values::estimate(MetricKind::Nps, &tally(&[(10, 2), (9, 1), (8, 1), (6, 1)]));
    close(nps.unwrap().value, 40.0, "nps");
    let yes = values::estimate(MetricKind::Percentage, &tally(&[(0, 1), (1, 3)]));
    close(yes.unwrap().value, 75.0, "percentage");
    let mean = values::estimate(MetricKind::LikertMean, &tally(&[(2, 1), (4, 3)]));
    close(mean.unwrap().value, 3.5, "mean");
    assert!(values::estimate(MetricKind::Duration, &tally(&[(3, 1)])).is_none());
    assert!(values::estimate(MetricKind::Csat, &Tally::new()).is_none());
}

pub fn metric(db: &Database, name: &str, kind: MetricKind, direction: Direction) -> Id {
    let input = MetricInput {
        name: name.into(),
        description: String::new(),
        kind,
        direction,
        scope: MetricScope::Team,
        team_id: None,
        product_id: None,
        customer_id: None,
        unit: String::new(),
    };
    db.write(|tx| metrics::create(tx, &input, now()))
        .unwrap()
        .id
}

/// A survey in `quarter` with a CSAT question for `metric` and a comment question.
pub fn survey(db: &Database, quarter: &str, metric: Id, audience: Option<u32>) -> surveys::Survey {
    let input = SurveyInput {
        title: format!("Developer survey {quarter}"),
        quarter: quarter.into(),
        opened_on: None,
        audience_size: audience,
        team_id: None,
        questions: vec![
            QuestionInput {
                prompt: "How satisfied are you with CI?".into(),
                kind: QuestionKind::Score,
                metric_id: Some(metric),
                scale_min: None,
                scale_max: None,
            },
            QuestionInput {
                prompt: "Anything else?".into(),
                kind: QuestionKind::Comment,
                metric_id: None,
                scale_min: None,
                scale_max: None,
            },
        ],
    };
    db.write(|tx| surveys::create(tx, &input, now())).unwrap()
}

pub fn answer(db: &Database, survey: &surveys::Survey, team: &str, score: i64) -> Id {
    let input = ResponseInput {
        survey_id: survey.id,
        customer_id: None,
        team_label: team.into(),
        respondent: String::new(),
        responded_on: None,
        answers: vec![AnswerInput {
            question_id: survey.questions[0].id,
            value: Some(score),
            text: None,
        }],
    };
    db.write(|tx| surveys::add_response(tx, &input, now()))
        .unwrap()
}

fn q(text: &str) -> Quarter {
    Quarter::parse(text, FiscalYearStart::CALENDAR, "quarter").unwrap()
}

#[test]
fn a_quarter_shows_each_metric_with_n_response_rate_interval_and_change() {
    let w = world();
    let csat = metric(
        &w.db,
        "CI satisfaction",
        MetricKind::Csat,
        Direction::HigherIsBetter,
    );
    let hours = metric(
        &w.db,
        "Hours to first response",
        MetricKind::Duration,
        Direction::LowerIsBetter,
    );
    let q2 = survey(&w.db, "2026-Q2", csat, Some(20));
    for score in [5, 4, 2, 3, 1] {
        answer(&w.db, &q2, "Payments", score);
    }
    let q3 = survey(&w.db, "2026-Q3", csat, Some(20));
    for (i, score) in [5, 4, 4, 5, 2, 4, 5, 4, 3, 5].into_iter().enumerate() {
        answer(
            &w.db,
            &q3,
            if i < 6 { "Payments" } else { "Checkout" },
            score,
        );
    }
    w.db.write(|tx| {
        metrics::record_measurement(
            tx,
            &MeasurementInput {
                metric_id: hours,
                quarter: "2026-Q3".into(),
                value: 6.5,
                n: Some(120),
                source: "Tracker export, median".into(),
            },
            now(),
        )
    })
    .unwrap();

    let shown = w.db.read(|c| values::quarter(c, q("2026-Q3"))).unwrap();
    assert_eq!(shown.len(), 2);
    let ci = shown.iter().find(|m| m.metric.id == csat).unwrap();
    let value = ci.value.as_ref().unwrap();
    // 8 of 10 answered 4 or 5.
    close(value.value, 80.0, "csat");
    assert_eq!(value.n, Some(10));
    close(value.response_rate.unwrap(), 50.0, "response rate");
    assert_eq!(value.source, ValueSource::Answers);
    let i = value.interval.unwrap();
    close(i.low, 49.02, "low");
    // Q2: 2 of 5 → 40 %; +40 points over n = 5 and 10 is... computed, and labelled.
    let previous = ci.previous.as_ref().unwrap();
    close(previous.value, 40.0, "previous");
    let change = ci.change.unwrap();
    close(change.difference, 40.0, "difference");
    assert_eq!(change.within_noise, change.interval.unwrap().low <= 0.0);

    let entered = shown.iter().find(|m| m.metric.id == hours).unwrap();
    let value = entered.value.as_ref().unwrap();
    assert_eq!(value.source, ValueSource::Measurement);
    assert_eq!(value.value, 6.5);
    assert_eq!(value.note.as_deref(), Some("Tracker export, median"));
    assert!(value.interval.is_none());
    assert!(entered.change.is_none());

    // The breakdown shows Payments (6 answers) and hides Checkout (4, fewer than 5).
    let customers = [("Payments", w.payments), ("Checkout", w.checkout)];
    let _ = customers;
    let breakdown =
        w.db.read(|c| values::breakdown(c, csat, q("2026-Q3")))
            .unwrap();
    assert_eq!(breakdown.groups.len(), 1);
    assert_eq!(
        breakdown.groups[0].customer_name.as_deref(),
        Some("Payments")
    );
    assert_eq!(breakdown.groups[0].n, 6);
    assert_eq!((breakdown.hidden_groups, breakdown.hidden_answers), (1, 4));

    // The trend runs oldest first, only quarters with values.
    let trend =
        w.db.read(|c| values::trend(c, csat, q("2026-Q4"), 8))
            .unwrap();
    let quarters: Vec<&str> = trend.iter().map(|v| v.quarter.as_str()).collect();
    assert_eq!(quarters, ["2026-Q2", "2026-Q3"]);
}

#[test]
fn trashed_surveys_and_responses_leave_the_numbers_and_come_back_with_them() {
    let w = world();
    let csat = metric(
        &w.db,
        "CI satisfaction",
        MetricKind::Csat,
        Direction::HigherIsBetter,
    );
    let s = survey(&w.db, "2026-Q3", csat, None);
    for score in [5, 5, 1] {
        answer(&w.db, &s, "Payments", score);
    }
    let n = |db: &Database| {
        db.read(|c| values::quarter(c, q("2026-Q3")))
            .unwrap()
            .remove(0)
            .value
            .and_then(|v| v.n)
    };
    assert_eq!(n(&w.db), Some(3));
    w.db.write(|tx| {
        outward_core::trash::move_to_trash(
            tx,
            outward_core::entity::EntityKind::Survey,
            s.id,
            now(),
        )
    })
    .unwrap();
    assert_eq!(n(&w.db), None, "a survey in the Trash counts for nothing");
    w.db.write(|tx| {
        outward_core::trash::restore(tx, outward_core::entity::EntityKind::Survey, s.id, now())
    })
    .unwrap();
    assert_eq!(n(&w.db), Some(3));
    // Unmatched labels are reviewed and assigned; the breakdown follows.
    let unmatched = w.db.read(|c| surveys::unmatched(c, s.id)).unwrap();
    assert!(
        unmatched.is_empty(),
        "Payments matched by name: {unmatched:?}"
    );
}

#[test]
fn bad_metrics_and_measurements_are_refused_naming_the_field() {
    let w = world();
    let field = |e: Error| e.field();
    let mut input = MetricInput {
        name: " ".into(),
        description: String::new(),
        kind: MetricKind::Csat,
        direction: Direction::HigherIsBetter,
        scope: MetricScope::Team,
        team_id: None,
        product_id: None,
        customer_id: None,
        unit: String::new(),
    };
    assert_eq!(
        field(
            w.db.write(|tx| metrics::create(tx, &input, now()))
                .unwrap_err()
        ),
        Some("name")
    );
    input.name = "Adoption".into();
    input.scope = MetricScope::Product;
    assert_eq!(
        field(
            w.db.write(|tx| metrics::create(tx, &input, now()))
                .unwrap_err()
        ),
        Some("productId")
    );
    input.scope = MetricScope::Team;
    let id =
        w.db.write(|tx| metrics::create(tx, &input, now()))
            .unwrap()
            .id;
    assert_eq!(
        field(
            w.db.write(|tx| metrics::create(tx, &input, now()))
                .unwrap_err()
        ),
        Some("name")
    );
    let measure = |quarter: &str, value: f64, source: &str| MeasurementInput {
        metric_id: id,
        quarter: quarter.into(),
        value,
        n: None,
        source: source.into(),
    };
    for (bad, expected) in [
        (measure("2026-Q5", 50.0, "Dashboard"), "quarter"),
        (measure("2026-Q3", 140.0, "Dashboard"), "value"),
        (measure("2026-Q3", 50.0, "  "), "source"),
    ] {
        let e =
            w.db.write(|tx| metrics::record_measurement(tx, &bad, now()))
                .unwrap_err();
        assert_eq!(e.field(), Some(expected), "{e}");
    }
    // Entered twice for a quarter: the second corrects the first.
    let first = w
        .db
        .write(|tx| metrics::record_measurement(tx, &measure("2026-Q3", 40.0, "Dashboard"), now()))
        .unwrap();
    let second =
        w.db.write(|tx| {
            metrics::record_measurement(
                tx,
                &measure("2026 q3", 45.0, "Dashboard, corrected"),
                now(),
            )
        })
        .unwrap();
    assert_eq!(first.id, second.id);
    assert_eq!(
        w.db.read(|c| metrics::measurements(c, id)).unwrap().len(),
        1
    );
    // A metric with values keeps its kind.
    input.kind = MetricKind::Count;
    assert_eq!(
        field(
            w.db.write(|tx| metrics::update(tx, id, &input, now()))
                .unwrap_err()
        ),
        Some("kind")
    );
    let _ = day(2026, 1, 1);
}
