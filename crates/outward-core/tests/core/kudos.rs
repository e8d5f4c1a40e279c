//! Kudos: given from a person to a person or the team, of a kind and maybe for a commitment,
//! listed newest first and counted by kind per quarter, kept in the Trash like any record,
//! with clear refusals for what cannot be given.

use crate::fixtures::{World, day, now, pain_point, person, world};
use chrono::NaiveDate;
use outward_core::commitments::{self, CommitmentInput};
use outward_core::entity::EntityKind;
use outward_core::error::Error;
use outward_core::id::Id;
use outward_core::kudos::{self, KudosFilter, KudosInput, KudosKind, MESSAGE_MAX, celebrated};
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
        kind: Default::default(),
        commitment_id: None,
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
                kind: None,
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

fn commitment(w: &World, title: &str) -> Id {
    let input = CommitmentInput {
        title: title.into(),
        owner_id: Some(w.ada),
        quarter: "2026-Q4".into(),
        goal_id: None,
        pain_point_ids: Vec::new(),
    };
    w.db.write(|tx| commitments::create(tx, &input, now()))
        .unwrap()
        .id
}

#[test]
fn kudos_carry_a_kind_and_the_commitment_they_thank_and_the_wall_filters_by_kind() {
    let w = world();
    let ben = person(&w, "Ben");
    let docs = commitment(&w, "Runner docs a newcomer can follow");
    let support = KudosInput {
        kind: KudosKind::Support,
        commitment_id: Some(docs),
        ..to_person(w.ada, ben, "Answered every runner question this week.")
    };
    let given = w.db.write(|tx| kudos::create(tx, &support, now())).unwrap();
    assert_eq!(given.kind, KudosKind::Support);
    assert_eq!(given.commitment_id, Some(docs));
    assert_eq!(
        given.commitment_title.as_deref(),
        Some("Runner docs a newcomer can follow"),
        "the wall names the commitment"
    );
    let plain = w
        .db
        .write(|tx| kudos::create(tx, &to_person(w.ada, ben, "Thanks for the pairing."), now()))
        .unwrap();
    assert_eq!(
        plain.kind,
        KudosKind::Other,
        "kudos without a kind are 'other'"
    );

    let of_kind = |kind: Option<KudosKind>| {
        let filter = KudosFilter {
            kind,
            ..KudosFilter::default()
        };
        w.db.read(|c| kudos::list(c, &filter, PageRequest::default()))
            .unwrap()
    };
    let supports = of_kind(Some(KudosKind::Support));
    assert_eq!(
        (supports.total, supports.items[0].id),
        (1, given.id),
        "only the support kudos"
    );
    assert_eq!(of_kind(Some(KudosKind::Usability)).total, 0);
    assert_eq!(of_kind(None).total, 2, "any kind");
    let bens_support = KudosFilter {
        to_person_id: Some(ben),
        to_team_id: None,
        kind: Some(KudosKind::Support),
    };
    assert_eq!(
        w.db.read(|c| kudos::list(c, &bens_support, PageRequest::default()))
            .unwrap()
            .total,
        1,
        "a person and a kind together"
    );

    // The commitment goes to the Trash: the kudos stays, without its title.
    w.db.write(|tx| trash::move_to_trash(tx, EntityKind::Commitment, docs, now()))
        .unwrap();
    let kept = w.db.read(|c| kudos::get(c, given.id)).unwrap();
    assert_eq!(kept.commitment_title, None);
    let err =
        w.db.write(|tx| kudos::create(tx, &support, now()))
            .unwrap_err();
    assert_eq!(
        field(&err),
        "commitmentId",
        "a trashed commitment is refused"
    );
    let missing = KudosInput {
        commitment_id: Some(Id::at(now())),
        ..support.clone()
    };
    let err =
        w.db.write(|tx| kudos::create(tx, &missing, now()))
            .unwrap_err();
    assert_eq!(
        field(&err),
        "commitmentId",
        "an unknown commitment is refused"
    );
}

#[test]
fn an_unknown_kind_is_refused_naming_the_field() {
    let err = "heroics".parse::<KudosKind>().unwrap_err();
    assert_eq!(field(&err), "kind");
    assert!(
        err.to_string().contains("usability, support"),
        "the message lists the kinds: {err}"
    );
    assert_eq!(
        "Migration help".parse::<KudosKind>().unwrap(),
        KudosKind::MigrationHelp,
        "a kind is read by its label too"
    );
    let wire = r#"{"fromPersonId":"0190","toPersonId":null,"message":"x","kind":"heroics"}"#;
    assert!(
        serde_json::from_str::<KudosInput>(wire).is_err(),
        "the app's command refuses an unknown kind too"
    );
}

#[test]
fn a_quarter_counts_its_kudos_by_kind_beside_the_quarters_before() {
    let w = world();
    let ben = person(&w, "Ben");
    let give = |kind: KudosKind, on: NaiveDate| {
        let input = KudosInput {
            kind,
            given_on: Some(on),
            ..to_person(w.ada, ben, "Thanks")
        };
        w.db.write(|tx| kudos::create(tx, &input, now())).unwrap()
    };
    give(KudosKind::Usability, day(2026, 10, 1));
    give(KudosKind::Support, day(2026, 11, 3));
    give(KudosKind::HardProblem, day(2026, 12, 31));
    give(KudosKind::HardProblem, day(2026, 11, 4));
    let trashed = give(KudosKind::Documentation, day(2026, 11, 5));
    give(KudosKind::Support, day(2026, 9, 30));
    w.db.write(|tx| trash::move_to_trash(tx, EntityKind::Kudos, trashed.id, now()))
        .unwrap();

    let seen =
        w.db.read(|c| celebrated::celebrated(c, Some("2026-Q4"), now().date_naive()))
            .unwrap();
    assert_eq!(seen.quarter, "2026 Q4");
    let keys: Vec<&str> = seen.quarters.iter().map(|q| q.quarter.as_str()).collect();
    assert_eq!(
        keys,
        ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"],
        "oldest first"
    );
    let q4 = &seen.quarters[3];
    let counts: Vec<(KudosKind, u32)> = q4.kinds.iter().map(|k| (k.kind, k.count)).collect();
    assert_eq!(
        counts,
        [
            (KudosKind::Usability, 1),
            (KudosKind::Support, 1),
            (KudosKind::MigrationHelp, 0),
            (KudosKind::Documentation, 0),
            (KudosKind::HardProblem, 2),
            (KudosKind::Other, 0),
        ],
        "the quarter's first and last day count; the Trash does not"
    );
    assert_eq!((q4.total, q4.people_work), (4, 2));
    assert_eq!(
        seen.quarters[2].total, 1,
        "the last day of Q3 belongs to Q3"
    );
    assert_eq!(
        seen.summary,
        "In 2026 Q4, 2 of 4 kudos thanked usability, support, migration help or documentation; \
         2 thanked a hard technical problem."
    );
    let today =
        w.db.read(|c| celebrated::celebrated(c, None, now().date_naive()))
            .unwrap();
    assert_eq!(today, seen, "today's quarter when none is named");
    let err =
        w.db.read(|c| celebrated::celebrated(c, Some("2026-Q5"), now().date_naive()))
            .unwrap_err();
    assert_eq!(field(&err), "quarter");
}
