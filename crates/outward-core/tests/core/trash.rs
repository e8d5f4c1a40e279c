//! The Trash: what goes with a record, what every count shows meanwhile, restoring, and the
//! verified backup taken before emptying it.

use crate::fixtures::{NOTES, World, day, interview, mark, now, pain_point, utf16, world};
use outward_core::customers::{self, CustomerInput};
use outward_core::db::{Database, backup};
use outward_core::entity::EntityKind;
use outward_core::error::Error;
use outward_core::id::Id;
use outward_core::interviews::{self, InterviewInput, InterviewKind, highlights};
use outward_core::page::PageRequest;
use outward_core::pain_points::{self, Frequency, PainPointFilter, PainPointInput};
use outward_core::trash;

fn weight_and_counts(w: &World, p: Id) -> (f64, u32, u32, u32) {
    let listed =
        w.db.read(|c| {
            pain_points::list(
                c,
                &PainPointFilter::default(),
                PageRequest::default(),
                now().date_naive(),
            )
        })
        .unwrap();
    let row = listed.items.iter().find(|row| row.id == p).expect("listed");
    let detail =
        w.db.read(|c| pain_points::get(c, p, now().date_naive()))
            .unwrap();
    (
        row.weight,
        row.evidence_count,
        detail.evidence.total,
        detail.reach,
    )
}

#[test]
fn trashing_a_customer_takes_its_interviews_and_keeps_every_count_in_step() {
    let w = world();
    let i = interview(&w, w.payments, day(2026, 11, 18), NOTES);
    let p = pain_point(&w, "CI queue is slow", 3);
    mark(&w, i, NOTES, "CI queue", p);
    let before = weight_and_counts(&w, p);
    w.db.write(|tx| trash::move_to_trash(tx, EntityKind::Customer, w.payments, now()))
        .unwrap();
    let listed = w.db.read(trash::list).unwrap().items;
    assert_eq!(
        listed
            .iter()
            .map(|item| (item.id, item.trashed_with))
            .collect::<Vec<_>>(),
        [(w.payments, None), (i, Some(w.payments))],
        "the interview is listed under the customer it went with"
    );
    let overview =
        w.db.read(|c| outward_core::workspace::overview(c, std::path::Path::new("")))
            .unwrap();
    assert_eq!(
        overview.interviews, 0,
        "no count still holds the hidden interview"
    );
    assert_eq!(overview.trash as usize, listed.len());
    assert!(
        w.db.read(|c| interviews::get(c, i)).is_err(),
        "the interview cannot be opened"
    );
    let hidden = weight_and_counts(&w, p);
    assert_eq!(
        (hidden.1, hidden.2, hidden.3),
        (0, 0, 0),
        "no evidence and no reach while in the Trash"
    );
    assert!(
        hidden.0 < before.0,
        "the weight drops: {hidden:?} vs {before:?}"
    );
}

#[test]
fn trashing_an_interview_refreshes_weight_and_every_evidence_count() {
    let w = world();
    let i = interview(&w, w.payments, day(2026, 11, 18), NOTES);
    let p = pain_point(&w, "CI queue is slow", 3);
    mark(&w, i, NOTES, "CI queue", p);
    let before = weight_and_counts(&w, p);
    w.db.write(|tx| trash::move_to_trash(tx, EntityKind::Interview, i, now()))
        .unwrap();
    let hidden = weight_and_counts(&w, p);
    assert_eq!(
        (hidden.1, hidden.2),
        (0, 0),
        "list and detail agree: {hidden:?}"
    );
    assert!(
        hidden.0 < before.0,
        "the weight follows: {hidden:?} vs {before:?}"
    );
    w.db.write(|tx| trash::restore(tx, EntityKind::Interview, i, now()))
        .unwrap();
    assert_eq!(
        weight_and_counts(&w, p),
        before,
        "restoring brings it all back"
    );
}

#[test]
fn a_named_customer_in_the_trash_counts_neither_in_reach_nor_weight() {
    let w = world();
    let input = PainPointInput {
        title: "Flaky deploys".into(),
        description: String::new(),
        severity: 2,
        frequency: Frequency::Weekly,
        product_ids: vec![],
        customer_ids: vec![w.payments, w.checkout],
        tags: vec![],
    };
    let p =
        w.db.write(|tx| pain_points::create(tx, &input, None, now()))
            .unwrap()
            .id;
    let before = weight_and_counts(&w, p);
    w.db.write(|tx| trash::move_to_trash(tx, EntityKind::Customer, w.checkout, now()))
        .unwrap();
    let after = weight_and_counts(&w, p);
    assert_eq!(after.3, 1, "reach counts only the live customer");
    assert!(
        (after.0 - before.0 / 2.0).abs() < 1e-9,
        "weight halves with reach: {after:?} vs {before:?}"
    );
}

#[test]
fn emptying_the_trash_takes_a_verified_backup_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("outward.db");
    let db = Database::open(&path, now()).unwrap();
    let c = db
        .write(|tx| {
            customers::create(
                tx,
                &CustomerInput {
                    name: "Gone".into(),
                    ..Default::default()
                },
                now(),
            )
        })
        .unwrap()
        .id;
    let held = InterviewInput {
        customer_id: c,
        held_on: day(2026, 11, 18),
        kind: InterviewKind::Interview,
        interviewees: String::new(),
        interviewer_ids: vec![],
        duration_minutes: None,
        tags: vec![],
        notes: NOTES.into(),
    };
    let i = db
        .write(|tx| interviews::create(tx, &held, now()))
        .unwrap()
        .id;
    let p = db
        .write(|tx| {
            let input = PainPointInput {
                title: "Slow queue".into(),
                description: String::new(),
                severity: 2,
                frequency: Frequency::Daily,
                product_ids: vec![],
                customer_ids: vec![],
                tags: vec![],
            };
            pain_points::create(tx, &input, None, now())
        })
        .unwrap()
        .id;
    let (start, end) = utf16(NOTES, "CI queue");
    db.write(|tx| highlights::mark(tx, i, start, end, p, now()))
        .unwrap();
    db.write(|tx| trash::move_to_trash(tx, EntityKind::Customer, c, now()))
        .unwrap();
    let destroys = db.read(trash::list).unwrap().destroys;
    assert_eq!(
        destroys, "1 customer, 1 interview and 1 quote",
        "the confirmation counts all"
    );
    let emptied = trash::empty(&db, now()).unwrap();
    assert_eq!(emptied.destroyed, 2);
    assert_eq!(
        emptied.backup.as_deref(),
        backup::latest_for(&path)
            .as_deref()
            .and_then(|p| p.to_str())
    );
    assert!(
        db.read(|c| pain_points::get(c, p, now().date_naive()))
            .is_ok(),
        "the pain point was not in the Trash and stays"
    );
    let saved = backup::latest_for(&path).expect("a backup was taken before destroying");
    let conn = rusqlite::Connection::open(saved).unwrap();
    let kept: u32 = conn
        .query_row("SELECT count(*) FROM customers", [], |r| r.get(0))
        .unwrap();
    assert_eq!(kept, 1, "the backup holds what was destroyed");
    let quotes: u32 = conn
        .query_row("SELECT count(*) FROM highlights", [], |r| r.get(0))
        .unwrap();
    assert_eq!(quotes, 1, "and its quotes");
}

#[test]
fn restoring_a_customer_brings_back_only_the_interviews_that_went_with_it() {
    let w = world();
    let earlier = interview(&w, w.payments, day(2026, 11, 1), NOTES);
    let later = interview(&w, w.payments, day(2026, 11, 18), NOTES);
    let p = pain_point(&w, "CI queue is slow", 3);
    mark(&w, later, NOTES, "CI queue", p);
    let before = weight_and_counts(&w, p);
    let a_minute_later = now() + chrono::Duration::minutes(1);
    w.db.write(|tx| trash::move_to_trash(tx, EntityKind::Interview, earlier, now()))
        .unwrap();
    w.db.write(|tx| trash::move_to_trash(tx, EntityKind::Customer, w.payments, a_minute_later))
        .unwrap();
    let err =
        w.db.write(|tx| trash::restore(tx, EntityKind::Interview, later, now()))
            .unwrap_err();
    assert!(
        matches!(err, Error::Conflict { .. }),
        "its customer first: {err:?}"
    );
    w.db.write(|tx| trash::restore(tx, EntityKind::Customer, w.payments, now()))
        .unwrap();
    assert!(
        w.db.read(|c| interviews::get(c, later)).is_ok(),
        "came back with it"
    );
    assert!(
        w.db.read(|c| interviews::get(c, earlier)).is_err(),
        "trashed on its own, it stays in the Trash"
    );
    assert_eq!(
        weight_and_counts(&w, p),
        before,
        "its evidence counts again"
    );
}

#[test]
fn a_pain_point_takes_what_was_merged_into_it_to_the_trash_and_back() {
    let w = world();
    let kept = pain_point(&w, "Kept", 2);
    let merged = pain_point(&w, "Merged", 2);
    w.db.write(|tx| pain_points::merge(tx, merged, kept, now()))
        .unwrap();
    w.db.write(|tx| trash::move_to_trash(tx, EntityKind::PainPoint, kept, now()))
        .unwrap();
    let listed = w.db.read(trash::list).unwrap();
    assert_eq!(
        listed
            .items
            .iter()
            .map(|item| (item.id, item.trashed_with))
            .collect::<Vec<_>>(),
        [(kept, None), (merged, Some(kept))]
    );
    assert_eq!(listed.destroys, "2 pain points");
    w.db.write(|tx| trash::restore(tx, EntityKind::PainPoint, kept, now()))
        .unwrap();
    let back =
        w.db.read(|c| pain_points::get(c, kept, now().date_naive()))
            .unwrap();
    assert_eq!(back.merged.len(), 1, "the merge is remembered");
    assert!(w.db.read(trash::list).unwrap().items.is_empty());
}

#[test]
fn the_trash_is_read_a_page_at_a_time_and_a_follower_names_what_it_comes_back_with() {
    let w = world();
    let one = interview(&w, w.payments, day(2026, 11, 2), NOTES);
    let two = interview(&w, w.payments, day(2026, 11, 3), NOTES);
    let lone = interview(&w, w.checkout, day(2026, 11, 4), NOTES);
    w.db.write(|tx| trash::move_to_trash(tx, EntityKind::Interview, lone, now()))
        .unwrap();
    let later = now() + chrono::Duration::minutes(5);
    w.db.write(|tx| trash::move_to_trash(tx, EntityKind::Customer, w.payments, later))
        .unwrap();
    let all = w.db.read(trash::list).unwrap();
    assert_eq!(all.total, 4);
    let order: Vec<Id> = all.items.iter().map(|i| i.id).collect();
    assert_eq!(
        order[0], w.payments,
        "the latest first, its interviews under it"
    );
    assert_eq!(order[3], lone);
    let second =
        w.db.read(|c| {
            trash::page(
                c,
                PageRequest {
                    offset: 1,
                    limit: 2,
                },
            )
        })
        .unwrap();
    assert_eq!((second.total, second.offset), (4, 1));
    let ids: Vec<Id> = second.items.iter().map(|i| i.id).collect();
    assert_eq!(ids, order[1..3].to_vec(), "the same order, a page of it");
    assert!(ids.contains(&one) && ids.contains(&two));
    for item in &second.items {
        assert_eq!(item.trashed_with, Some(w.payments));
        assert_eq!(
            item.trashed_with_name.as_deref(),
            Some("Payments"),
            "a page that starts after the customer still names it"
        );
    }
    assert_eq!(all.items[3].trashed_with_name, None);
    assert_eq!(
        second.destroys, all.destroys,
        "what emptying destroys is of the whole"
    );
}
