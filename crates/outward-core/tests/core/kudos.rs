//! Kudos: given from a person to a person or the team, listed newest first, kept in the Trash
//! like any record, with clear refusals for what cannot be given.

use crate::fixtures::{day, now, pain_point, person, world};
use outward_core::entity::EntityKind;
use outward_core::error::Error;
use outward_core::id::Id;
use outward_core::kudos::{self, KudosFilter, KudosInput, MESSAGE_MAX};
use outward_core::page::PageRequest;
use outward_core::trash;

fn to_person(from: Id, to: Id, message: &str) -> KudosInput {
    KudosInput {
        from_person_id: from,
        to_person_id: Some(to),
        to_team_id: None,
        message: message.into(),
        given_on: None,
        pain_point_id: None,
        customer_id: None,
    }
}

fn field(err: &Error) -> &'static str {
    match err {
        Error::Validation { field, .. } => field,
        other => panic!("expected a validation error, got {other:?}"),
    }
}

#[test]
fn kudos_to_a_person_or_the_team_are_listed_newest_first_with_names() {
    let w = world();
    let ben = person(&w, "Ben");
    let slow = pain_point(&w, "Slow CI", 3);
    let mut thanks = to_person(
        w.ada,
        ben,
        "  For rewriting the runbook so Payments could self-serve.  ",
    );
    thanks.pain_point_id = Some(slow);
    thanks.customer_id = Some(w.payments);
    thanks.given_on = Some(day(2026, 11, 2));
    let given = w.db.write(|tx| kudos::create(tx, &thanks, now())).unwrap();
    assert_eq!(
        given.message, "For rewriting the runbook so Payments could self-serve.",
        "the message is trimmed"
    );
    assert_eq!(
        (given.from_name.as_deref(), given.to_name.as_deref()),
        (Some("Ada"), Some("Ben"))
    );
    assert_eq!(
        (given.pain_point_id, given.customer_id),
        (Some(slow), Some(w.payments))
    );

    let team = KudosInput {
        to_person_id: None,
        to_team_id: Some(w.team),
        ..to_person(ben, ben, "For a quarter of calm on-call shifts.")
    };
    let to_team = w.db.write(|tx| kudos::create(tx, &team, now())).unwrap();
    assert_eq!(to_team.to_name.as_deref(), Some("Platform"));
    assert_eq!(
        to_team.given_on,
        now().date_naive(),
        "dated today unless said"
    );

    let all =
        w.db.read(|c| kudos::list(c, &KudosFilter::default(), PageRequest::default()))
            .unwrap();
    assert_eq!(all.total, 2);
    assert_eq!(
        all.items.iter().map(|k| k.id).collect::<Vec<_>>(),
        [to_team.id, given.id],
        "newest first"
    );
    let bens =
        w.db.read(|c| {
            let filter = KudosFilter {
                to_person_id: Some(ben),
                to_team_id: None,
            };
            kudos::list(c, &filter, PageRequest::default())
        })
        .unwrap();
    assert_eq!(
        bens.items.iter().map(|k| k.id).collect::<Vec<_>>(),
        [given.id],
        "only Ben's"
    );
}

#[test]
fn empty_or_overlong_messages_and_missing_or_trashed_people_are_refused_by_field() {
    let w = world();
    let ben = person(&w, "Ben");
    let refuse = |input: &KudosInput| {
        w.db.write(|tx| kudos::create(tx, input, now()))
            .unwrap_err()
    };

    assert_eq!(
        field(&refuse(&to_person(w.ada, ben, "   "))),
        "message",
        "an empty message"
    );
    let long = "x".repeat(MESSAGE_MAX + 1);
    let err = refuse(&to_person(w.ada, ben, &long));
    assert_eq!(field(&err), "message");
    assert!(err.to_string().contains("the limit is 2000"), "{err}");

    let nobody = Id::at(now());
    let err = refuse(&to_person(w.ada, nobody, "Thanks"));
    assert_eq!(field(&err), "toPersonId");
    assert!(err.to_string().contains("There is no person"), "{err}");
    assert_eq!(
        field(&refuse(&to_person(nobody, ben, "Thanks"))),
        "fromPersonId"
    );

    let neither = KudosInput {
        to_person_id: None,
        ..to_person(w.ada, ben, "Thanks")
    };
    assert_eq!(field(&refuse(&neither)), "toPersonId", "to nobody");
    let both = KudosInput {
        to_team_id: Some(w.team),
        ..to_person(w.ada, ben, "Thanks")
    };
    assert_eq!(
        field(&refuse(&both)),
        "toTeamId",
        "to a person and the team at once"
    );

    w.db.write(|tx| trash::move_to_trash(tx, EntityKind::Person, ben, now()))
        .unwrap();
    let err = refuse(&to_person(w.ada, ben, "Thanks"));
    assert_eq!(field(&err), "toPersonId");
    assert!(err.to_string().contains("“Ben” is in the Trash"), "{err}");

    let listed =
        w.db.read(|c| kudos::list(c, &KudosFilter::default(), PageRequest::default()))
            .unwrap();
    assert_eq!(listed.total, 0, "nothing refused was stored");
}

#[test]
fn kudos_go_to_the_trash_and_come_back() {
    let w = world();
    let ben = person(&w, "Ben");
    let given =
        w.db.write(|tx| {
            kudos::create(
                tx,
                &to_person(w.ada, ben, "For the migration guide."),
                now(),
            )
        })
        .unwrap();
    w.db.write(|tx| trash::move_to_trash(tx, EntityKind::Kudos, given.id, now()))
        .unwrap();
    let listed =
        w.db.read(|c| kudos::list(c, &KudosFilter::default(), PageRequest::default()))
            .unwrap();
    assert_eq!(listed.total, 0, "a trashed kudos leaves the wall");
    let in_trash = w.db.read(trash::list).unwrap();
    assert_eq!(in_trash.items.len(), 1);
    assert_eq!(in_trash.items[0].kind, EntityKind::Kudos);
    assert_eq!(in_trash.items[0].name, "to Ben: For the migration guide.");
    assert_eq!(in_trash.destroys, "1 kudos");

    w.db.write(|tx| trash::restore(tx, EntityKind::Kudos, given.id, now()))
        .unwrap();
    assert_eq!(w.db.read(|c| kudos::get(c, given.id)).unwrap(), given);
}

#[test]
fn emptying_the_trash_of_a_person_keeps_the_kudos_they_gave_without_the_name() {
    let w = world();
    let ben = person(&w, "Ben");
    let given =
        w.db.write(|tx| {
            kudos::create(
                tx,
                &to_person(ben, w.ada, "For pairing on the importer."),
                now(),
            )
        })
        .unwrap();
    w.db.write(|tx| trash::move_to_trash(tx, EntityKind::Person, ben, now()))
        .unwrap();
    w.db.write(|tx| {
        let emptied = trash::list(tx)?;
        assert_eq!(emptied.items.len(), 1, "only Ben is in the Trash");
        Ok(())
    })
    .unwrap();
    trash::empty(&w.db, now()).unwrap();
    let kept = w.db.read(|c| kudos::get(c, given.id)).unwrap();
    assert_eq!(kept.from_name, None, "the giver is gone");
    assert_eq!(kept.to_name.as_deref(), Some("Ada"), "the kudos stays");
}
