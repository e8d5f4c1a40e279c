//! "Me": who uses this copy of Outward, the default author of status changes.

use crate::fixtures::{now, pain_point, person, world};
use outward_core::entity::EntityKind;
use outward_core::error::Error;
use outward_core::pain_points::{self, Status};
use outward_core::settings;
use outward_core::trash;

#[test]
fn status_changes_are_recorded_as_made_by_me_unless_someone_else_is_named() {
    let w = world();
    let pain = pain_point(&w, "CI queue is slow", 3);
    let bo = person(&w, "Bo");
    let set = |status, by| {
        w.db.write(|tx| pain_points::set_status(tx, pain, status, by, now()))
            .unwrap()
            .history
            .last()
            .unwrap()
            .changed_by
    };
    assert_eq!(
        set(Status::Accepted, None),
        None,
        "nobody said who they are yet"
    );
    w.db.write(|tx| settings::set_me(tx, Some(bo))).unwrap();
    assert_eq!(w.db.read(settings::settings).unwrap().me, Some(bo));
    assert_eq!(
        set(Status::Planned, None),
        Some(bo),
        "a change nobody names is mine"
    );
    assert_eq!(
        set(Status::Addressed, Some(w.ada)),
        Some(w.ada),
        "naming someone else wins"
    );
}

#[test]
fn me_must_be_a_live_person_and_a_trashed_me_is_forgotten_until_restored() {
    let w = world();
    let err =
        w.db.write(|tx| settings::set_me(tx, Some(outward_core::id::Id::at(now()))))
            .unwrap_err();
    assert!(
        matches!(err, Error::Validation { field: "me", .. }),
        "{err:?}"
    );

    w.db.write(|tx| settings::set_me(tx, Some(w.ada))).unwrap();
    w.db.write(|tx| trash::move_to_trash(tx, EntityKind::Person, w.ada, now()))
        .unwrap();
    assert_eq!(
        w.db.read(settings::me).unwrap(),
        None,
        "a person in the Trash is nobody's default author"
    );
    let pain = pain_point_after_trash(&w);
    assert_eq!(
        pain.history[0].changed_by, None,
        "filed while me is in the Trash: recorded as nobody, not as a trashed person"
    );
    let err =
        w.db.write(|tx| settings::set_me(tx, Some(w.ada)))
            .unwrap_err();
    assert!(
        matches!(err, Error::Validation { field: "me", .. }),
        "{err:?}"
    );

    w.db.write(|tx| trash::restore(tx, EntityKind::Person, w.ada, now()))
        .unwrap();
    assert_eq!(
        w.db.read(settings::me).unwrap(),
        Some(w.ada),
        "restoring the person brings the choice back"
    );
    w.db.write(|tx| settings::set_me(tx, None)).unwrap();
    assert_eq!(
        w.db.read(settings::me).unwrap(),
        None,
        "forgotten on request"
    );
}

fn pain_point_after_trash(w: &crate::fixtures::World) -> pain_points::PainPoint {
    let input = pain_points::PainPointInput {
        title: "Filed later".into(),
        description: String::new(),
        severity: 2,
        frequency: pain_points::Frequency::Weekly,
        product_ids: vec![],
        customer_ids: vec![],
        tags: vec![],
    };
    w.db.write(|tx| pain_points::create(tx, &input, None, now()))
        .unwrap()
}
