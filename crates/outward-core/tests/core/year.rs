//! The year in review: goals reached and metrics improved beyond the noise within the fiscal
//! year, its kudos by kind and its most-heard customer teams, each counted only inside the year.

use crate::celebrations::goal;
use crate::fixtures::{World, day, interview, now, person, world};
use crate::metrics::{answer, metric, survey};
use chrono::NaiveDate;
use outward_core::id::Id;
use outward_core::kudos::{self, KudosInput, KudosKind};
use outward_core::metrics::{Direction, MetricKind};
use outward_core::year;

/// Ada thanks `to` on the day `on`.
fn give(w: &World, to: Id, kind: KudosKind, on: NaiveDate) -> Id {
    let input = KudosInput {
        from_person_id: w.ada,
        to_person_id: Some(to),
        to_team_id: None,
        message: "Thanks".into(),
        given_on: Some(on),
        pain_point_id: None,
        customer_id: None,
        kind,
        commitment_id: None,
    };
    w.db.write(|tx| kudos::create(tx, &input, now()))
        .unwrap()
        .id
}

#[test]
fn a_year_gathers_its_improvements_kudos_and_most_heard_customers_and_nothing_outside_it() {
    let w = world();
    let ben = person(&w, "Ben");
    let csat = metric(
        &w.db,
        "CI satisfaction",
        MetricKind::Csat,
        Direction::HigherIsBetter,
    );
    let q1 = survey(&w.db, "2026-Q1", csat, None);
    for i in 0..20 {
        answer(&w.db, &q1, "Payments", if i < 5 { 5 } else { 2 });
    }
    let goal = goal(&w, csat, "CI people like", 80.0);
    let q2 = survey(&w.db, "2026-Q2", csat, None);
    for i in 0..20 {
        answer(&w.db, &q2, "Payments", if i < 18 { 4 } else { 1 });
    }

    give(&w, ben, KudosKind::Support, day(2026, 1, 1));
    give(&w, ben, KudosKind::Usability, day(2026, 12, 31));
    give(&w, ben, KudosKind::Support, day(2025, 12, 31));

    interview(&w, w.payments, day(2026, 3, 1), "# Builds");
    interview(&w, w.payments, day(2026, 9, 1), "# Deploys");
    interview(&w, w.checkout, day(2026, 5, 1), "# Queues");
    interview(&w, w.checkout, day(2025, 5, 1), "# Last year");

    let seen =
        w.db.read(|c| year::year_in_review(c, None, now().date_naive()))
            .unwrap();
    assert_eq!(seen.year, 2026, "today's fiscal year");
    assert_eq!(seen.quarters, ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]);
    assert_eq!(
        (seen.first_day, seen.last_day),
        (day(2026, 1, 1), day(2026, 12, 31))
    );

    assert_eq!(seen.goals_reached.len(), 1);
    assert_eq!(seen.goals_reached[0].goal_id, goal);
    assert_eq!(
        seen.goals_reached[0].quarter, "2026-Q2",
        "the first quarter that reached it"
    );
    assert_eq!(seen.goals_reached[0].value, 90.0);

    assert_eq!(
        seen.metrics_improved.len(),
        1,
        "25 % to 90 % is beyond the noise"
    );
    let up = &seen.metrics_improved[0];
    assert_eq!(
        (up.previous_quarter.as_str(), up.quarter.as_str()),
        ("2026-Q1", "2026-Q2")
    );
    assert_eq!((up.from, up.to), (25.0, 90.0));

    let counts: Vec<(KudosKind, u32)> = seen.kudos.iter().map(|k| (k.kind, k.count)).collect();
    assert_eq!(counts[0], (KudosKind::Usability, 1));
    assert_eq!(
        counts[1],
        (KudosKind::Support, 1),
        "last year's support kudos is left out"
    );
    assert_eq!(seen.all_kudos, 2);
    let months: Vec<(&str, &str, u32)> = seen
        .kudos_by_month
        .iter()
        .map(|m| (m.month.as_str(), m.label.as_str(), m.count))
        .collect();
    assert_eq!(months.len(), 12, "every month of the year, empty ones too");
    assert_eq!(months[0], ("2026-01", "Jan 2026", 1));
    assert_eq!(months[11], ("2026-12", "Dec 2026", 1));
    assert_eq!(
        months.iter().map(|m| m.2).sum::<u32>(),
        seen.all_kudos,
        "the months count what the kinds count"
    );

    let heard: Vec<(&str, u32)> = seen
        .most_heard
        .iter()
        .map(|c| (c.name.as_str(), c.conversations))
        .collect();
    assert_eq!(
        heard,
        [("Payments", 2), ("Checkout", 1)],
        "most heard first, this year only"
    );

    let last_year =
        w.db.read(|c| year::year_in_review(c, Some(2025), now().date_naive()))
            .unwrap();
    assert!(last_year.goals_reached.is_empty() && last_year.metrics_improved.is_empty());
    assert_eq!(last_year.all_kudos, 1);
    assert_eq!(
        last_year
            .kudos_by_month
            .last()
            .map(|m| (m.month.as_str(), m.count)),
        Some(("2025-12", 1))
    );
    assert_eq!(last_year.most_heard.len(), 1);
}

#[test]
fn a_fiscal_years_months_run_from_its_first_month_across_the_calendar_year() {
    let w = world();
    let ben = person(&w, "Ben");
    w.db.write(|tx| outward_core::settings::set_fiscal_year_start(tx, 4))
        .unwrap();
    let mut given = Vec::new();
    for on in [
        day(2026, 3, 31),
        day(2026, 4, 1),
        day(2026, 4, 30),
        day(2027, 3, 31),
    ] {
        given.push(give(&w, ben, KudosKind::Support, on));
    } // One of April's goes to the Trash: it no longer counts.
    w.db.write(|tx| {
        tx.execute(
            "UPDATE kudos SET deleted_at = ?2 WHERE id = ?1",
            (given[2], now()),
        )?;
        Ok(())
    })
    .unwrap();
    // April 2026 to March 2027 is the fiscal year 2027.
    let seen =
        w.db.read(|c| year::year_in_review(c, Some(2027), now().date_naive()))
            .unwrap();
    let months: Vec<(&str, u32)> = seen
        .kudos_by_month
        .iter()
        .map(|m| (m.month.as_str(), m.count))
        .collect();
    assert_eq!(months.len(), 12);
    assert_eq!(months[0], ("2026-04", 1), "March 2026 is the year before");
    assert_eq!(months[11], ("2027-03", 1));
    assert_eq!(months.iter().map(|m| m.1).sum::<u32>(), 2);
}
