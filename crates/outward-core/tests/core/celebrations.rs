//! Home's celebrations: a goal that reached its target, or whose metric improved beyond the
//! noise, is named with the commitments aimed at it; a move within the noise is not; putting
//! one away lasts for the quarter.

use crate::fixtures::{day, now, person, world};
use crate::metrics::{answer, metric, survey};
use outward_core::commitments::{self, CommitmentInput};
use outward_core::goals::{self, GoalInput};
use outward_core::home::celebrations::{self, Achievement};
use outward_core::id::Id;
use outward_core::metrics::{Direction, MetricKind};

/// A goal on `metric` due in 2027 Q2, set on the tests' day.
pub fn goal(w: &crate::fixtures::World, metric: Id, title: &str, target: f64) -> Id {
    let input = GoalInput {
        title: title.into(),
        metric_id: metric,
        target,
        due_quarter: "2027-Q2".into(),
        team_id: None,
    };
    w.db.write(|tx| goals::create(tx, &input, day(2026, 11, 20), now()))
        .unwrap()
        .id
}

#[test]
fn a_goal_reached_or_improved_beyond_the_noise_is_celebrated_with_its_commitments() {
    let w = world();
    let ben = person(&w, "Ben");
    let csat = metric(
        &w.db,
        "CI satisfaction",
        MetricKind::Csat,
        Direction::HigherIsBetter,
    );
    let docs = metric(
        &w.db,
        "Docs satisfaction",
        MetricKind::Csat,
        Direction::HigherIsBetter,
    );
    // Q3: CI 5 of 20 satisfied (25 %); docs 2 of 4.
    let q3 = survey(&w.db, "2026-Q3", csat, None);
    for i in 0..20 {
        answer(&w.db, &q3, "Payments", if i < 5 { 5 } else { 2 });
    }
    let docs_q3 = survey(&w.db, "2026-Q3", docs, None);
    for score in [5, 5, 1, 1] {
        answer(&w.db, &docs_q3, "Payments", score);
    }
    let far = goal(&w, csat, "CI people love", 95.0);
    let near = goal(&w, csat, "CI people like", 80.0);
    let noisy = goal(&w, docs, "Docs people like", 90.0);
    let aimed = CommitmentInput {
        title: "Halve CI queue time".into(),
        owner_id: Some(ben),
        quarter: "2026-Q4".into(),
        goal_id: Some(far),
        pain_point_ids: Vec::new(),
    };
    let commitment =
        w.db.write(|tx| commitments::create(tx, &aimed, now()))
            .unwrap();

    let today = day(2026, 11, 20);
    let shown = |on| w.db.read(|c| celebrations::celebrations(c, on)).unwrap();
    assert!(shown(today).is_empty(), "nothing has moved yet");

    // Q4: CI 18 of 20 (90 %): far beyond the noise, and past the nearer target. Docs 3 of 4:
    // better, but within the noise of four answers.
    let q4 = survey(&w.db, "2026-Q4", csat, None);
    for i in 0..20 {
        answer(&w.db, &q4, "Payments", if i < 18 { 4 } else { 1 });
    }
    let docs_q4 = survey(&w.db, "2026-Q4", docs, None);
    for score in [5, 5, 5, 1] {
        answer(&w.db, &docs_q4, "Payments", score);
    }
    let now_shown = shown(today);
    let by_goal = |id: Id| now_shown.iter().find(|c| c.goal_id == id);
    let improved = by_goal(far).expect("the far goal improved beyond the noise");
    assert_eq!(improved.achievement, Achievement::Improved);
    assert_eq!(
        improved.words,
        "CI satisfaction rose from 25 to 90 between 2026 Q3 and 2026 Q4, beyond the noise."
    );
    assert!(!improved.change.unwrap().within_noise);
    assert_eq!(improved.quarter, "2026-Q4");
    assert_eq!(improved.commitments.len(), 1, "the commitment aimed at it");
    assert_eq!(improved.commitments[0].id, commitment.id);
    assert_eq!(improved.commitments[0].owner_name.as_deref(), Some("Ben"));
    let reached = by_goal(near).expect("the near goal reached its target");
    assert_eq!(reached.achievement, Achievement::Reached);
    assert_eq!(
        reached.words,
        "CI satisfaction reached 90 in 2026 Q4 (target 80)."
    );
    assert!(reached.commitments.is_empty());
    assert!(
        by_goal(noisy).is_none(),
        "a move within the noise is not celebrated: {now_shown:?}"
    );

    // Put away for Q4; it comes back in Q1, where Q4's change is still the latest.
    w.db.write(|tx| celebrations::dismiss(tx, far, today, now()))
        .unwrap();
    w.db.write(|tx| celebrations::dismiss(tx, far, today, now()))
        .unwrap();
    let after = shown(today);
    assert!(
        after.iter().all(|c| c.goal_id != far),
        "put away this quarter"
    );
    assert!(after.iter().any(|c| c.goal_id == near), "only that goal's");
    let next_quarter = shown(day(2027, 1, 10));
    let back = next_quarter
        .iter()
        .find(|c| c.goal_id == far)
        .expect("back the next quarter");
    assert_eq!(back.quarter, "2027-Q1");

    let err =
        w.db.write(|tx| celebrations::dismiss(tx, Id::at(now()), today, now()))
            .unwrap_err();
    assert_eq!(err.field(), Some("goalId"));
}
