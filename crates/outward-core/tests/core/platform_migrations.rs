//! Migrations as customer experience: a migration with its consumer teams and the help the
//! platform team provides, against a real database file. The burn-up, the hours and the metric
//! are checked against values worked out by hand; every bad input is refused naming its field
//! and leaves what is stored as it was.

use crate::fixtures::{World, customer, day, now, world};
use chrono::NaiveDate;
use outward_core::commitments::{self, CommitmentInput};
use outward_core::entity::EntityKind;
use outward_core::error::Error;
use outward_core::id::Id;
use outward_core::metrics;
use outward_core::pain_points::{self, Frequency, PainPointInput};
use outward_core::platform_migrations::help::{self, MigrationHelpInput};
use outward_core::platform_migrations::progress::{self, MigrationProgress};
use outward_core::platform_migrations::teams::{self, ConsumerTeamInput};
use outward_core::platform_migrations::{
    self, HelpKind, Migration, MigrationInput, MigrationState,
};
use outward_core::products::{self, ProductInput, Stage};
use outward_core::trash;

/// An id no record has.
fn unknown_id() -> Id {
    Id::at(now() - chrono::Duration::days(400))
}

fn input(title: &str, starts_on: NaiveDate, deadline: NaiveDate) -> MigrationInput {
    MigrationInput {
        title: title.into(),
        from_what: "Jenkins".into(),
        to_what: "CI".into(),
        product_id: None,
        starts_on,
        deadline,
        commitment_id: None,
    }
}

fn create(w: &World, input: &MigrationInput) -> Migration {
    w.db.write(|tx| platform_migrations::create(tx, input, now()))
        .unwrap()
}

fn set(w: &World, migration: Id, customer: Id, state: MigrationState, on: NaiveDate) {
    let reason = if state == MigrationState::Blocked {
        "Waiting on a firewall change".to_owned()
    } else {
        String::new()
    };
    let team = ConsumerTeamInput {
        customer_id: customer,
        state,
        reason,
        changed_on: Some(on),
        hours: 0.0,
        hours_reported: false,
    };
    w.db.write(|tx| teams::set(tx, migration, &team, now()))
        .unwrap();
}

fn progress_of(w: &World, id: Id) -> MigrationProgress {
    w.db.read(|c| progress::progress(c, id, now().date_naive()))
        .unwrap()
}

fn field_of(error: Error) -> Option<&'static str> {
    assert_eq!(
        error.kind(),
        outward_core::error::ErrorKind::Validation,
        "{error}"
    );
    error.field()
}

/// Four teams of a migration from 7 September to 4 October 2026 (28 days, four weeks):
/// Payments done on the 10th, Checkout in progress on the 8th and done on the 22nd, Search
/// blocked on the 15th, Ledger not started; Payments falls back to in progress on 20 October.
fn four_teams(w: &World) -> (Migration, [Id; 4]) {
    let migration = create(
        w,
        &input("Jenkins to CI", day(2026, 9, 7), day(2026, 10, 4)),
    );
    let search = customer(&w.db, "Search");
    let ledger = customer(&w.db, "Ledger");
    use MigrationState::*;
    set(w, migration.id, w.payments, NotStarted, day(2026, 9, 7));
    set(w, migration.id, w.checkout, InProgress, day(2026, 9, 8));
    set(w, migration.id, w.payments, Done, day(2026, 9, 10));
    set(w, migration.id, search, Blocked, day(2026, 9, 15));
    set(w, migration.id, ledger, NotStarted, day(2026, 9, 7));
    set(w, migration.id, w.checkout, Done, day(2026, 9, 22));
    set(w, migration.id, w.payments, InProgress, day(2026, 10, 20));
    (migration, [w.payments, w.checkout, search, ledger])
}

#[test]
fn the_burn_up_counts_teams_done_by_each_week_against_an_even_pace_to_the_deadline() {
    let w = world();
    let (migration, _) = four_teams(&w);
    let got = progress_of(&w, migration.id);
    // Weeks end on Sundays from the 13th; the deadline has passed, so the weeks run on to the
    // one holding today (20 November): eleven weeks.
    let ends: Vec<NaiveDate> = got.burn_up.iter().map(|w| w.ends_on).collect();
    let expected_ends: Vec<NaiveDate> = (0..11)
        .map(|k| day(2026, 9, 13) + chrono::Days::new(7 * k))
        .collect();
    assert_eq!(ends, expected_ends, "one point per week from the start");
    let done: Vec<Option<u32>> = got.burn_up.iter().map(|w| w.done).collect();
    let two = Some(2);
    assert_eq!(
        done,
        vec![
            Some(1),
            Some(1),
            two,
            two,
            two,
            two,
            Some(1),
            Some(1),
            Some(1),
            Some(1),
            Some(1)
        ],
        "Payments done from the 10th, Checkout from the 22nd, Payments back in progress on \
         20 October"
    );
    let pace: Vec<f64> = got.burn_up.iter().map(|w| w.expected).collect();
    assert_eq!(
        pace,
        vec![1.0, 2.0, 3.0, 4.0, 4.0, 4.0, 4.0, 4.0, 4.0, 4.0, 4.0],
        "four teams over four weeks: one more each week, all four from the deadline on"
    );
    assert_eq!(
        got.percent_done,
        Some(25.0),
        "one of four teams is done now"
    );
    assert_eq!(got.days_left, -47, "the deadline passed 47 days ago");
}

#[test]
fn weeks_still_to_come_have_no_count_and_this_week_counts_up_to_today() {
    let w = world();
    let migration = create(
        &w,
        &input("Postgres 14 to 16", day(2026, 11, 2), day(2026, 12, 13)),
    );
    set(
        &w,
        migration.id,
        w.payments,
        MigrationState::Done,
        day(2026, 11, 19),
    );
    set(
        &w,
        migration.id,
        w.checkout,
        MigrationState::InProgress,
        day(2026, 11, 3),
    );
    let got = progress_of(&w, migration.id);
    let done: Vec<Option<u32>> = got.burn_up.iter().map(|w| w.done).collect();
    assert_eq!(
        done,
        vec![Some(0), Some(0), Some(1), None, None, None],
        "six weeks to the deadline of 13 December; today, the 20th, is in the third"
    );
    let pace: Vec<f64> = got.burn_up.iter().map(|w| w.expected).collect();
    // Two teams over 42 days: 2 × 7/42, 2 × 14/42, …
    assert_eq!(pace, vec![0.33, 0.67, 1.0, 1.33, 1.67, 2.0]);
    assert_eq!(got.days_left, 23);
}

#[test]
fn hours_compare_what_the_consumers_spend_with_what_the_platform_team_spends_to_lower_it() {
    let w = world();
    let migration = create(
        &w,
        &input("Jenkins to CI", day(2026, 9, 7), day(2026, 12, 4)),
    );
    for (customer, hours, reported) in [(w.payments, 10.0, true), (w.checkout, 30.5, false)] {
        let team = ConsumerTeamInput {
            customer_id: customer,
            state: MigrationState::InProgress,
            reason: String::new(),
            changed_on: None,
            hours,
            hours_reported: reported,
        };
        w.db.write(|tx| teams::set(tx, migration.id, &team, now()))
            .unwrap();
    }
    for (kind, hours) in [
        (HelpKind::Automation, 12.0),
        (HelpKind::Docs, 4.0),
        (HelpKind::Automation, 4.0),
    ] {
        let help = MigrationHelpInput {
            kind,
            description: format!("{kind} for the move"),
            hours,
        };
        w.db.write(|tx| help::add(tx, migration.id, &help, now()))
            .unwrap();
    }
    let hours = progress_of(&w, migration.id).hours;
    assert_eq!(hours.consumer_reported, 10.0);
    assert_eq!(hours.consumer_estimated, 30.5);
    assert_eq!(hours.consumer, 40.5);
    assert_eq!(hours.platform, 20.0);
    let by_kind: Vec<(HelpKind, f64)> = hours
        .platform_by_kind
        .iter()
        .map(|h| (h.kind, h.hours))
        .collect();
    assert_eq!(
        by_kind,
        vec![(HelpKind::Automation, 16.0), (HelpKind::Docs, 4.0)],
        "kinds in the vocabulary's order, those with no help left out"
    );
}

#[test]
fn blocked_teams_carry_their_reason_and_leave_it_when_they_move_on() {
    let w = world();
    let (migration, [_, _, search, _]) = four_teams(&w);
    let got = progress_of(&w, migration.id);
    let blocked: Vec<(Id, &str)> = got
        .blocked
        .iter()
        .map(|t| (t.customer_id, t.reason.as_str()))
        .collect();
    assert_eq!(blocked, vec![(search, "Waiting on a firewall change")]);
    assert_eq!(got.migration.blocked, 1, "the list counts it too");

    set(
        &w,
        migration.id,
        search,
        MigrationState::InProgress,
        day(2026, 11, 2),
    );
    let got = progress_of(&w, migration.id);
    assert!(got.blocked.is_empty());
    let team = got.teams.iter().find(|t| t.customer_id == search).unwrap();
    assert_eq!(team.reason, "", "a team no longer blocked keeps no reason");
    assert_eq!(team.changed_on, day(2026, 11, 2));
}

#[test]
fn pain_points_raised_by_its_teams_or_about_its_product_since_the_start_are_listed() {
    let w = world();
    let ci = ProductInput {
        team_id: w.team,
        name: "CI".into(),
        stage: Stage::GenerallyAvailable,
        description: String::new(),
    };
    let product =
        w.db.write(|tx| products::create(tx, &ci, now()))
            .unwrap()
            .id;
    let other = customer(&w.db, "Analytics");
    let mut plan = input("Jenkins to CI", day(2026, 9, 7), day(2026, 12, 4));
    plan.product_id = Some(product);
    let migration = create(&w, &plan);
    set(
        &w,
        migration.id,
        w.payments,
        MigrationState::InProgress,
        day(2026, 9, 8),
    );
    let raise = |title: &str, products: Vec<Id>, customers: Vec<Id>| {
        let input = PainPointInput {
            title: title.into(),
            description: String::new(),
            severity: 2,
            frequency: Frequency::Weekly,
            product_ids: products,
            customer_ids: customers,
            tags: vec![],
        };
        w.db.write(|tx| pain_points::create(tx, &input, Some(w.ada), now()))
            .unwrap()
            .id
    };
    let by_team = raise("Pipelines lose their caches", vec![], vec![w.payments]);
    let by_product = raise("CI logs are cut off", vec![product], vec![]);
    raise("Dashboards load slowly", vec![], vec![other]);
    let got = progress_of(&w, migration.id);
    let mut ids: Vec<Id> = got.pain_points.iter().map(|p| p.id).collect();
    ids.sort();
    let mut wanted = vec![by_team, by_product];
    wanted.sort();
    assert_eq!(ids, wanted, "a team outside the migration raised the third");
    assert_eq!(got.pain_points_total, 2);

    let later = create(
        &w,
        &input("Later move", day(2026, 11, 21), day(2026, 12, 4)),
    );
    set(
        &w,
        later.id,
        w.payments,
        MigrationState::NotStarted,
        day(2026, 11, 20),
    );
    assert!(
        progress_of(&w, later.id).pain_points.is_empty(),
        "pain points raised before a migration starts are not its"
    );
}

#[test]
fn completion_feeds_a_percentage_metric_quarter_by_quarter() {
    let w = world();
    let (migration, _) = four_teams(&w);
    let metric = migration.metric_id.expect("made with the migration");
    let found = w.db.read(|c| metrics::get(c, metric)).unwrap();
    assert_eq!(found.kind, metrics::MetricKind::Percentage);
    assert_eq!(found.name, "Teams migrated: Jenkins to CI");
    let measured: Vec<(String, f64)> =
        w.db.read(|c| metrics::measurements(c, metric))
            .unwrap()
            .into_iter()
            .map(|m| (m.quarter, m.value))
            .collect();
    assert_eq!(
        measured,
        vec![("2026-Q3".to_owned(), 50.0), ("2026-Q4".to_owned(), 25.0)],
        "two of four done on 30 September; one of four today"
    );

    let again = create(
        &w,
        &input("Jenkins to CI", day(2026, 9, 7), day(2026, 10, 4)),
    );
    let name =
        w.db.read(|c| metrics::get(c, again.metric_id.unwrap()))
            .unwrap()
            .name;
    assert_eq!(
        name, "Teams migrated: Jenkins to CI (2)",
        "metric names stay unique"
    );
}

#[test]
fn a_migration_can_be_a_commitment() {
    let w = world();
    let mut plan = input("Jenkins to CI", day(2026, 9, 7), day(2026, 12, 4));
    plan.commitment_id = Some(unknown_id());
    let refused =
        w.db.write(|tx| platform_migrations::create(tx, &plan, now()))
            .unwrap_err();
    assert_eq!(field_of(refused), Some("commitmentId"));
    let commitment = CommitmentInput {
        title: "Move every pipeline to CI".into(),
        owner_id: Some(w.ada),
        quarter: "2026-Q4".into(),
        goal_id: None,
        pain_point_ids: vec![],
    };
    let commitment =
        w.db.write(|tx| commitments::create(tx, &commitment, now()))
            .unwrap()
            .id;
    plan.commitment_id = Some(commitment);
    let created = create(&w, &plan);
    assert_eq!(created.commitment_id, Some(commitment));
    assert_eq!(
        created.commitment_title.as_deref(),
        Some("Move every pipeline to CI")
    );
}

#[test]
fn bad_input_is_refused_naming_the_field_and_nothing_is_stored() {
    let w = world();
    let backwards = input("Backwards", day(2026, 10, 4), day(2026, 9, 7));
    let refused =
        w.db.write(|tx| platform_migrations::create(tx, &backwards, now()))
            .unwrap_err();
    assert!(
        refused.to_string().contains("before the start"),
        "{refused}"
    );
    assert_eq!(field_of(refused), Some("deadline"));
    assert!(w.db.read(platform_migrations::list).unwrap().is_empty());
    assert!(
        w.db.read(metrics::list).unwrap().is_empty(),
        "no metric is left behind by a refused migration"
    );

    let migration = create(
        &w,
        &input("Jenkins to CI", day(2026, 9, 7), day(2026, 12, 4)),
    );
    let team = |customer_id: Id, state: MigrationState, hours: f64| ConsumerTeamInput {
        customer_id,
        state,
        reason: String::new(),
        changed_on: None,
        hours,
        hours_reported: false,
    };
    let cases = [
        (
            team(unknown_id(), MigrationState::NotStarted, 0.0),
            "customerId",
        ),
        (team(w.payments, MigrationState::InProgress, -3.0), "hours"),
        (
            team(w.payments, MigrationState::InProgress, f64::NAN),
            "hours",
        ),
        (team(w.payments, MigrationState::Blocked, 1.0), "reason"),
        (
            ConsumerTeamInput {
                changed_on: Some(day(2026, 11, 21)),
                ..team(w.payments, MigrationState::Done, 1.0)
            },
            "changedOn",
        ),
    ];
    for (bad, field) in cases {
        let refused =
            w.db.write(|tx| teams::set(tx, migration.id, &bad, now()))
                .unwrap_err();
        assert_eq!(field_of(refused), Some(field), "{bad:?}");
    }
    set(
        &w,
        migration.id,
        w.payments,
        MigrationState::Done,
        day(2026, 10, 1),
    );
    let backdated = ConsumerTeamInput {
        changed_on: Some(day(2026, 9, 30)),
        ..team(w.payments, MigrationState::InProgress, 0.0)
    };
    let refused =
        w.db.write(|tx| teams::set(tx, migration.id, &backdated, now()))
            .unwrap_err();
    assert_eq!(
        field_of(refused),
        Some("changedOn"),
        "a change dated before the last one is refused"
    );
    let negative = MigrationHelpInput {
        kind: HelpKind::Bridge,
        description: "A shim for the old API".into(),
        hours: -1.0,
    };
    let refused =
        w.db.write(|tx| help::add(tx, migration.id, &negative, now()))
            .unwrap_err();
    assert_eq!(field_of(refused), Some("hours"));

    let got = progress_of(&w, migration.id);
    assert_eq!(got.teams.len(), 1, "only the accepted team is stored");
    assert_eq!(got.teams[0].state, MigrationState::Done);
    assert!(got.help.is_empty());
}

#[test]
fn a_migration_goes_to_the_trash_and_back_with_its_teams() {
    let w = world();
    let (migration, _) = four_teams(&w);
    w.db.write(|tx| trash::move_to_trash(tx, EntityKind::Migration, migration.id, now()))
        .unwrap();
    assert!(w.db.read(platform_migrations::list).unwrap().is_empty());
    w.db.write(|tx| trash::restore(tx, EntityKind::Migration, migration.id, now()))
        .unwrap();
    let back = w.db.read(platform_migrations::list).unwrap();
    assert_eq!(back.len(), 1);
    assert_eq!((back[0].teams, back[0].done, back[0].blocked), (4, 1, 1));
}

#[test]
fn every_write_announces_the_migration() {
    let w = world();
    w.db.take_changes();
    let migration = create(
        &w,
        &input("Jenkins to CI", day(2026, 9, 7), day(2026, 12, 4)),
    );
    w.db.take_changes();
    set(
        &w,
        migration.id,
        w.payments,
        MigrationState::Done,
        day(2026, 10, 1),
    );
    let changed = w.db.take_changes().expect("a change");
    assert!(
        changed.kinds.contains(&EntityKind::Migration),
        "{changed:?}"
    );
    assert!(changed.ids.contains(&migration.id));
    assert!(
        changed.kinds.contains(&EntityKind::Metric),
        "its metric's measurement changed with it"
    );
}

#[test]
fn the_example_shows_a_migration_under_way_with_one_blocked_team() {
    let (_dir, db) = crate::fixtures::database();
    db.write(|tx| outward_core::workspace::load_example(tx, now()))
        .unwrap();
    let list = db.read(platform_migrations::list).unwrap();
    let titles: Vec<&str> = list.iter().map(|m| m.title.as_str()).collect();
    assert_eq!(
        titles,
        vec![
            "Jenkins to Build & CI",
            "Retire the legacy VM images",
            "Managed Postgres 13 to 16"
        ],
        "nearest deadline first"
    );
    let vm = &list[1];
    assert_eq!((vm.teams, vm.done, vm.blocked), (6, 3, 1));
    assert_eq!(
        vm.commitment_title.as_deref(),
        Some("Publish the VM image migration guide")
    );
    let got = db
        .read(|c| progress::progress(c, vm.id, now().date_naive()))
        .unwrap();
    assert_eq!(got.blocked[0].customer_name, "Data Platform");
    assert_eq!(got.hours.consumer, 186.0);
    assert_eq!(got.hours.platform, 70.0);
    let counted: Vec<u32> = got.burn_up.iter().filter_map(|w| w.done).collect();
    assert_eq!(
        counted.len(),
        13,
        "thirteen weeks have begun since the start 84 days ago, the last today"
    );
    assert_eq!(counted.last(), Some(&3));
    assert!(
        counted.windows(2).all(|w| w[0] <= w[1]),
        "no team went back: {counted:?}"
    );
}
