//! Action items: recorded with an owner and a due date, reviewed as a workshop opens (the
//! carry-over), and given a status on the spot with who, when and a note.

use crate::fixtures::{day, now, world};
use chrono::Duration;
use outward_core::action_items::{self, ActionItemFilter, ActionItemInput, ActionStatus};
use outward_core::entity::EntityKind;
use outward_core::error::Error;
use outward_core::id::Id;
use outward_core::page::PageRequest;
use outward_core::teams::{self, TeamInput};
use outward_core::trash;

fn item(team: Id, owner: Id, title: &str, due: chrono::NaiveDate) -> ActionItemInput {
    ActionItemInput {
        title: title.into(),
        team_id: team,
        owner_id: owner,
        due_on: due,
    }
}

#[test]
fn the_carry_over_is_the_teams_open_items_soonest_due_first() {
    let w = world();
    let create = |input: ActionItemInput| {
        w.db.write(|tx| action_items::create(tx, &input, now()))
            .unwrap()
    };
    let later = create(item(
        w.team,
        w.ada,
        "Publish the runner SLO",
        day(2026, 12, 20),
    ));
    let sooner = create(item(
        w.team,
        w.ada,
        "Shadow Payments on-call",
        day(2026, 12, 1),
    ));
    let finished = create(item(
        w.team,
        w.ada,
        "Write the migration FAQ",
        day(2026, 11, 25),
    ));
    assert_eq!(sooner.status, ActionStatus::Open, "new items are open");
    assert_eq!(sooner.owner_name.as_deref(), Some("Ada"));
    let other =
        w.db.write(|tx| {
            let input = TeamInput {
                name: "Data".into(),
                description: String::new(),
            };
            teams::create(tx, &input, now())
        })
        .unwrap()
        .id;
    create(item(other, w.ada, "Another team's item", day(2026, 11, 30)));

    let later_on = now() + Duration::minutes(5);
    let done =
        w.db.write(|tx| {
            action_items::set_status(
                tx,
                finished.id,
                ActionStatus::Done,
                " Shipped ",
                Some(w.ada),
                later_on,
            )
        })
        .unwrap();
    let update = done.last_update.expect("the change is recorded");
    assert_eq!(
        (update.from, update.to, update.note.as_str()),
        (ActionStatus::Open, ActionStatus::Done, "Shipped")
    );
    assert_eq!(
        (update.changed_by_name.as_deref(), update.changed_at),
        (Some("Ada"), later_on)
    );

    let carried = w.db.read(|c| action_items::carry_over(c, w.team)).unwrap();
    assert_eq!(
        carried.iter().map(|i| i.id).collect::<Vec<_>>(),
        [sooner.id, later.id],
        "open items of this team only, soonest due first"
    );

    let open =
        w.db.read(|c| {
            let filter = ActionItemFilter {
                team_id: Some(w.team),
                status: Some(ActionStatus::Open),
            };
            action_items::list(c, &filter, PageRequest::default())
        })
        .unwrap();
    assert_eq!(open.total, 2);
    let every =
        w.db.read(|c| action_items::list(c, &ActionItemFilter::default(), PageRequest::default()))
            .unwrap();
    assert_eq!(every.total, 4, "every team, every status");
}

#[test]
fn confirming_the_status_an_item_has_records_nothing() {
    let w = world();
    let open =
        w.db.write(|tx| {
            action_items::create(
                tx,
                &item(w.team, w.ada, "Ask Checkout", day(2026, 12, 1)),
                now(),
            )
        })
        .unwrap();
    let same =
        w.db.write(|tx| action_items::set_status(tx, open.id, ActionStatus::Open, "", None, now()))
            .unwrap();
    assert_eq!(same, open, "nothing changed, nothing recorded");
    let noted =
        w.db.write(|tx| {
            action_items::set_status(
                tx,
                open.id,
                ActionStatus::Open,
                "Waiting on Checkout",
                None,
                now(),
            )
        })
        .unwrap();
    assert_eq!(
        noted.last_update.map(|u| u.note),
        Some("Waiting on Checkout".to_owned()),
        "a note on an unchanged status is kept: the review said something"
    );
}

#[test]
fn missing_owner_team_or_title_is_refused_by_field_and_nothing_is_stored() {
    let w = world();
    let refuse = |input: ActionItemInput| match w
        .db
        .write(|tx| action_items::create(tx, &input, now()))
        .unwrap_err()
    {
        Error::Validation { field, message } => (field, message),
        other => panic!("expected a validation error, got {other:?}"),
    };
    assert_eq!(
        refuse(item(w.team, w.ada, "  ", day(2026, 12, 1))).0,
        "title"
    );
    let nobody = Id::at(now());
    assert_eq!(
        refuse(item(w.team, nobody, "Ask", day(2026, 12, 1))).0,
        "ownerId"
    );
    assert_eq!(
        refuse(item(nobody, w.ada, "Ask", day(2026, 12, 1))).0,
        "teamId"
    );
    w.db.write(|tx| trash::move_to_trash(tx, EntityKind::Person, w.ada, now()))
        .unwrap();
    let (field, message) = refuse(item(w.team, w.ada, "Ask", day(2026, 12, 1)));
    assert_eq!(field, "ownerId");
    assert!(message.contains("“Ada” is in the Trash"), "{message}");
    let every =
        w.db.read(|c| action_items::list(c, &ActionItemFilter::default(), PageRequest::default()))
            .unwrap();
    assert_eq!(every.total, 0);
}

#[test]
fn an_unknown_item_or_a_trashed_one_cannot_be_updated() {
    let w = world();
    let err =
        w.db.write(|tx| {
            action_items::set_status(tx, Id::at(now()), ActionStatus::Done, "", None, now())
        })
        .unwrap_err();
    assert!(matches!(err, Error::NotFound { .. }), "{err:?}");
    let open = w
        .db
        .write(|tx| action_items::create(tx, &item(w.team, w.ada, "Ask", day(2026, 12, 1)), now()))
        .unwrap();
    w.db.write(|tx| trash::move_to_trash(tx, EntityKind::ActionItem, open.id, now()))
        .unwrap();
    let err =
        w.db.write(|tx| action_items::set_status(tx, open.id, ActionStatus::Done, "", None, now()))
            .unwrap_err();
    assert!(matches!(err, Error::NotFound { .. }), "{err:?}");
    assert!(
        w.db.read(|c| action_items::carry_over(c, w.team))
            .unwrap()
            .is_empty()
    );
}
