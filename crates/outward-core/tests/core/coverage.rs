//! Coverage: who has not been heard from, counted in the workspace's quarters.

use crate::fixtures::{day, interview, now, world};
use outward_core::coverage;
use outward_core::customers::{self, CustomerInput};
use outward_core::id::Id;
use outward_core::settings;

#[test]
fn coverage_puts_the_longest_silence_first_and_flags_it() {
    let w = world();
    interview(&w, w.payments, day(2026, 11, 2), "Recent");
    interview(&w, w.checkout, day(2026, 6, 1), "Long ago");
    let silent =
        w.db.write(|tx| {
            customers::create(
                tx,
                &CustomerInput {
                    name: "Data".into(),
                    ..Default::default()
                },
                now(),
            )
        })
        .unwrap()
        .id;
    let c =
        w.db.read(|c| coverage::coverage(c, now().date_naive()))
            .unwrap();
    assert_eq!(c.quarter, "2026 Q4");
    let order: Vec<Id> = c.customers.iter().map(|x| x.customer_id).collect();
    assert_eq!(
        order,
        vec![silent, w.checkout, w.payments],
        "never, then oldest, then recent"
    );
    let flags: Vec<bool> = c.customers.iter().map(|x| x.unheard).collect();
    assert_eq!(flags, vec![true, true, false], "past 12 weeks is flagged");
    assert_eq!(c.customers[2].conversations_this_quarter, 1);
    assert_eq!(
        c.people[0].conversations_this_quarter, 1,
        "Ada held one this quarter"
    );

    w.db.write(|tx| settings::set_unheard_after_weeks(tx, 30))
        .unwrap();
    let relaxed =
        w.db.read(|c| coverage::coverage(c, now().date_naive()))
            .unwrap();
    assert!(
        !relaxed.customers[1].unheard,
        "24 weeks is fine with a 30-week threshold"
    );
    let _ = w.team;
}

#[test]
fn coverage_counts_the_quarter_of_the_workspace_fiscal_year() {
    let w = world();
    interview(&w, w.payments, day(2026, 9, 15), "September");
    interview(&w, w.payments, day(2026, 11, 2), "November");
    let calendar =
        w.db.read(|c| coverage::coverage(c, now().date_naive()))
            .unwrap();
    assert_eq!(
        (calendar.quarter.as_str(), calendar.quarter_start),
        ("2026 Q4", day(2026, 10, 1))
    );
    let payments = |c: &coverage::Coverage| {
        c.customers
            .iter()
            .find(|x| x.customer_id == w.payments)
            .map(|x| x.conversations_this_quarter)
    };
    assert_eq!(payments(&calendar), Some(1));

    w.db.write(|tx| settings::set_fiscal_year_start(tx, 9))
        .unwrap();
    let fiscal =
        w.db.read(|c| coverage::coverage(c, now().date_naive()))
            .unwrap();
    assert_eq!(
        (fiscal.quarter.as_str(), fiscal.quarter_start),
        ("2027 Q1", day(2026, 9, 1)),
        "a year starting in September 2026 is fiscal 2027, and November is in its first quarter"
    );
    assert_eq!(
        payments(&fiscal),
        Some(2),
        "September's conversation is in this fiscal quarter"
    );
}

/// Every live customer's open pain points, counted from the records themselves: the pain
/// points (new, accepted or planned, not trashed, not merged) that name it or quote one of its
/// live interviews.
fn open_pain_points_recounted(conn: &rusqlite::Connection) -> Vec<(Id, u32)> {
    conn.prepare(
        "SELECT c.id,
           (SELECT count(*) FROM pain_points p
             WHERE p.deleted_at IS NULL AND p.merged_into IS NULL
               AND p.status IN ('new', 'accepted', 'planned')
               AND p.id IN (SELECT pain_point_id FROM pain_point_customers WHERE customer_id = c.id
                            UNION
                            SELECT h.pain_point_id FROM highlights h
                            JOIN interviews i ON i.id = h.interview_id
                            WHERE i.customer_id = c.id AND i.deleted_at IS NULL))
         FROM customers c WHERE c.deleted_at IS NULL ORDER BY c.id",
    )
    .unwrap()
    .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
    .unwrap()
    .collect::<rusqlite::Result<_>>()
    .unwrap()
}

/// What Coverage shows, in the same order as [`open_pain_points_recounted`].
fn open_pain_points_shown(db: &outward_core::db::Database) -> Vec<(Id, u32)> {
    let mut shown: Vec<(Id, u32)> = db
        .read(|c| coverage::coverage(c, now().date_naive()))
        .unwrap()
        .customers
        .iter()
        .map(|c| (c.customer_id, c.open_pain_points))
        .collect();
    shown.sort_by_key(|(id, _)| id.to_string());
    shown
}

#[track_caller]
fn assert_counts_in_step(db: &outward_core::db::Database, after: &str) {
    let recounted = db.read(|c| Ok(open_pain_points_recounted(c))).unwrap();
    assert_eq!(
        open_pain_points_shown(db),
        recounted,
        "Coverage's open pain points equal a recount after {after}"
    );
}

#[test]
fn open_pain_points_stay_equal_to_a_recount_after_every_kind_of_write() {
    use crate::fixtures::{NOTES, mark, pain_point};
    use outward_core::entity::EntityKind;
    use outward_core::interviews::{self, InterviewInput, InterviewKind, highlights};
    use outward_core::pain_points::{self, Frequency, PainPointInput, Status};
    use outward_core::trash;

    let w = world();
    let db = &w.db;
    assert_counts_in_step(db, "nothing");
    let one = interview(&w, w.payments, day(2026, 11, 2), NOTES);
    let two = interview(&w, w.payments, day(2026, 11, 3), NOTES);
    let three = interview(&w, w.checkout, day(2026, 11, 4), NOTES);
    let queue = pain_point(&w, "CI queue", 3);
    let deploys = pain_point(&w, "Deploys", 2);
    let flaky = pain_point(&w, "Flaky tests", 2);
    mark(&w, one, NOTES, "CI queue", queue);
    let second = mark(&w, two, NOTES, "CI queue", queue);
    mark(&w, three, NOTES, "Deploys are fine", deploys);
    assert_counts_in_step(db, "marking quotes");
    let shown = open_pain_points_shown(db);
    assert!(
        shown.iter().any(|(_, n)| *n > 0),
        "some customer has open pain points: {shown:?}"
    );

    // A pain point that names customers, then names others.
    let named = |customer_ids: Vec<Id>| PainPointInput {
        title: "Flaky tests".into(),
        description: String::new(),
        severity: 2,
        frequency: Frequency::Weekly,
        product_ids: vec![],
        customer_ids,
        tags: vec![],
    };
    db.write(|tx| pain_points::update(tx, flaky, &named(vec![w.payments, w.checkout]), now()))
        .unwrap();
    assert_counts_in_step(db, "naming customers");
    db.write(|tx| pain_points::update(tx, flaky, &named(vec![w.checkout]), now()))
        .unwrap();
    assert_counts_in_step(db, "no longer naming one");

    // Status changes close and reopen.
    db.write(|tx| pain_points::set_status(tx, queue, Status::Addressed, Some(w.ada), now()))
        .unwrap();
    assert_counts_in_step(db, "addressing a pain point");
    db.write(|tx| pain_points::set_status(tx, queue, Status::Planned, Some(w.ada), now()))
        .unwrap();
    assert_counts_in_step(db, "reopening it");

    // A quote removed, an interview moved to another customer.
    db.write(|tx| highlights::remove(tx, second.id)).unwrap();
    assert_counts_in_step(db, "removing a quote");
    let moved = InterviewInput {
        customer_id: w.checkout,
        held_on: day(2026, 11, 2),
        kind: InterviewKind::Interview,
        interviewees: "Lena (tech lead)".into(),
        interviewer_ids: vec![w.ada],
        duration_minutes: Some(30),
        tags: vec![],
        notes: NOTES.into(),
    };
    db.write(|tx| interviews::update(tx, one, &moved, now()))
        .unwrap();
    assert_counts_in_step(db, "moving an interview to another customer");

    // The Trash: an interview, a pain point, a customer with its interviews; and back.
    db.write(|tx| trash::move_to_trash(tx, EntityKind::Interview, three, now()))
        .unwrap();
    assert_counts_in_step(db, "trashing an interview");
    db.write(|tx| trash::restore(tx, EntityKind::Interview, three, now()))
        .unwrap();
    assert_counts_in_step(db, "restoring it");
    db.write(|tx| trash::move_to_trash(tx, EntityKind::PainPoint, deploys, now()))
        .unwrap();
    assert_counts_in_step(db, "trashing a pain point");
    db.write(|tx| trash::restore(tx, EntityKind::PainPoint, deploys, now()))
        .unwrap();
    assert_counts_in_step(db, "restoring it");
    db.write(|tx| trash::move_to_trash(tx, EntityKind::Customer, w.checkout, now()))
        .unwrap();
    assert_counts_in_step(db, "trashing a customer with its interviews");
    db.write(|tx| trash::restore(tx, EntityKind::Customer, w.checkout, now()))
        .unwrap();
    assert_counts_in_step(db, "restoring it");

    // A merge moves the evidence and closes the merged pain point.
    db.write(|tx| pain_points::merge(tx, deploys, queue, now()))
        .unwrap();
    assert_counts_in_step(db, "merging pain points");
    db.write(|tx| trash::move_to_trash(tx, EntityKind::PainPoint, queue, now()))
        .unwrap();
    assert_counts_in_step(db, "trashing a pain point with one merged into it");
    db.write(|tx| trash::restore(tx, EntityKind::PainPoint, queue, now()))
        .unwrap();
    assert_counts_in_step(db, "restoring them");

    // Emptying destroys what the Trash holds, quotes of live pain points included.
    db.write(|tx| trash::move_to_trash(tx, EntityKind::Interview, two, now()))
        .unwrap();
    db.write(|tx| trash::move_to_trash(tx, EntityKind::PainPoint, flaky, now()))
        .unwrap();
    trash::empty(db, now()).unwrap();
    assert_counts_in_step(db, "emptying the Trash");
    let fresh = pain_point(&w, "Fresh", 1);
    mark(&w, one, NOTES, "Deploys are fine", fresh);
    assert_counts_in_step(db, "a new pain point quoted after emptying");
}

#[test]
fn open_pain_points_of_the_example_survive_a_bundle_round_trip() {
    use outward_core::{bundle, workspace};
    let (_dir, db) = crate::fixtures::database();
    db.write(|tx| workspace::load_example(tx, now())).unwrap();
    assert_counts_in_step(&db, "loading the example");
    let shown = open_pain_points_shown(&db);
    assert!(shown.iter().any(|(_, n)| *n > 0), "{shown:?}");
    let out = tempfile::tempdir().unwrap();
    let folder = out.path().join("bundle");
    db.read(|conn| bundle::export(conn, &folder, now(), &mut |_| true))
        .unwrap()
        .expect("not cancelled");
    let (_again, imported) = crate::fixtures::database();
    imported.write(|tx| bundle::import(tx, &folder)).unwrap();
    assert_eq!(open_pain_points_shown(&imported), shown);
    assert_counts_in_step(&imported, "importing the bundle");
}
