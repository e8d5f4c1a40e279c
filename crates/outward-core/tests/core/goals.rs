//! Goals: a baseline taken from the metric's latest value, a target that must move the better
//! way, a due quarter read from its name, and a page with the trend.

use crate::fixtures::{day, now, world};
use crate::metrics::{answer, metric, survey};
use outward_core::goals::{self, GoalInput};
use outward_core::metrics::{self, Direction, MeasurementInput, MetricKind};

fn input(metric: outward_core::id::Id, target: f64, due: &str) -> GoalInput {
    GoalInput {
        title: "CI people are happy with".into(),
        metric_id: metric,
        target,
        due_quarter: due.into(),
        team_id: None,
    }
}

#[test]
fn a_goal_starts_from_the_latest_value_and_aims_the_better_way() {
    let w = world();
    let csat = metric(
        &w.db,
        "CI satisfaction",
        MetricKind::Csat,
        Direction::HigherIsBetter,
    );
    let s = survey(&w.db, "2026-Q3", csat, Some(10));
    for score in [5, 4, 2, 1, 3] {
        answer(&w.db, &s, "Payments", score);
    }
    let today = day(2026, 11, 20);
    // Baseline 40 % (2 of 5) from 2026-Q3; a target of 30 moves the wrong way.
    let wrong =
        w.db.write(|tx| goals::create(tx, &input(csat, 30.0, "2027-Q2"), today, now()))
            .unwrap_err();
    assert_eq!(wrong.field(), Some("target"));
    assert!(wrong.to_string().contains("higher is better"), "{wrong}");
    let same =
        w.db.write(|tx| goals::create(tx, &input(csat, 40.0, "2027-Q2"), today, now()))
            .unwrap_err();
    assert_eq!(same.field(), Some("target"));
    for (bad, field) in [
        (input(csat, 70.0, "2027-Q5"), "dueQuarter"),
        (input(csat, 70.0, "2025-Q4"), "dueQuarter"),
        (input(csat, 170.0, "2027-Q2"), "target"),
        (
            GoalInput {
                title: " ".into(),
                ..input(csat, 70.0, "2027-Q2")
            },
            "title",
        ),
    ] {
        let e =
            w.db.write(|tx| goals::create(tx, &bad, today, now()))
                .unwrap_err();
        assert_eq!(e.field(), Some(field), "{e}");
    }
    assert!(
        w.db.read(goals::list).unwrap().is_empty(),
        "nothing written"
    );

    let goal =
        w.db.write(|tx| goals::create(tx, &input(csat, 70.0, "2027-q2"), today, now()))
            .unwrap();
    assert_eq!(goal.baseline, Some(40.0));
    assert_eq!(goal.baseline_quarter.as_deref(), Some("2026-Q3"));
    assert_eq!(goal.due_quarter, "2027-Q2");

    let page = w.db.read(|c| goals::page(c, goal.id, today)).unwrap();
    assert_eq!(page.trend.len(), 1);
    assert!(!page.reached);

    // Lower is better: hours to first response, measured, must go down.
    let hours = metric(
        &w.db,
        "Hours to first response",
        MetricKind::Duration,
        Direction::LowerIsBetter,
    );
    w.db.write(|tx| {
        metrics::record_measurement(
            tx,
            &MeasurementInput {
                metric_id: hours,
                quarter: "2026-Q4".into(),
                value: 6.5,
                n: None,
                source: "Tracker".into(),
            },
            now(),
        )
    })
    .unwrap();
    let up =
        w.db.write(|tx| goals::create(tx, &input(hours, 8.0, "2027-Q1"), today, now()));
    assert_eq!(up.unwrap_err().field(), Some("target"));
    let down =
        w.db.write(|tx| goals::create(tx, &input(hours, 4.0, "2027-Q1"), today, now()))
            .unwrap();
    assert_eq!(
        (down.baseline, down.baseline_quarter.as_deref()),
        (Some(6.5), Some("2026-Q4"))
    );
    // Changing the target keeps the rule.
    let moved =
        w.db.write(|tx| goals::update(tx, down.id, &input(hours, 7.0, "2027-Q1"), now()));
    assert_eq!(moved.unwrap_err().field(), Some("target"));

    // A metric with no value yet takes any possible target.
    let fresh = metric(
        &w.db,
        "Adoption",
        MetricKind::Percentage,
        Direction::HigherIsBetter,
    );
    let g =
        w.db.write(|tx| goals::create(tx, &input(fresh, 60.0, "2027-Q1"), today, now()))
            .unwrap();
    assert_eq!(g.baseline, None);
}
