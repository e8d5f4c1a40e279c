//! What the room writes: cards hidden until the reveal, groups and the grouping suggestion, the
//! board's size, and what the Trash does with a workshop.

use super::{GROUPING, Room, WRITING, message, room, secs};
use crate::fixtures::{REPLY_MAX_BYTES, now};
use outward_core::NAME_MAX;
use outward_core::entity::EntityKind;
use outward_core::error::Error;
use outward_core::exercises::{self, ExerciseInput, StepKind};
use outward_core::id::Id;
use outward_core::trash;
use outward_core::workshops::board::{self, Audience, Board};
use outward_core::workshops::cards::{self, CardInput};
use outward_core::workshops::grouping::{self, GroupingProposal};
use outward_core::workshops::plan::PARTICIPANTS_MAX;
use outward_core::workshops::votes::VoteInput;
use outward_core::workshops::{self, PlanInput, groups, run};

pub fn card(r: &Room, workshop: Id, text: &str) -> Id {
    let input = CardInput {
        text: text.into(),
        author_id: None,
    };
    r.w.db
        .write(|tx| cards::add(tx, workshop, &input, now()))
        .unwrap()
        .id
}

pub fn board(r: &Room, workshop: Id, audience: Audience) -> Board {
    r.w.db
        .read(|c| board::read(c, workshop, audience, now()))
        .unwrap()
}

pub fn vote(card: Id, count: u32) -> VoteInput {
    VoteInput {
        card_id: Some(card),
        group_id: None,
        count,
    }
}

#[test]
fn an_empty_card_or_one_over_2000_characters_is_refused_with_its_length() {
    let r = room();
    let id = r.at_step(WRITING);
    let add = |text: String| {
        let input = CardInput {
            text,
            author_id: None,
        };
        r.w.db.write(|tx| cards::add(tx, id, &input, now()))
    };
    let error = add(" \n ".into()).unwrap_err();
    assert!(
        matches!(error, Error::Validation { field: "text", .. }),
        "{error:?}"
    );
    let refused = message(add("é".repeat(2001)));
    assert!(
        refused.contains("2001 characters"),
        "says how long: {refused}"
    );
    assert!(add("é".repeat(2000)).is_ok(), "2,000 characters fit");
    assert_eq!(board(&r, id, Audience::Facilitator).cards.len(), 1);
}

#[test]
fn a_card_signed_by_someone_not_taking_part_or_in_the_trash_is_refused() {
    let r = room();
    let id = r.at_step(WRITING);
    let signed = |author| CardInput {
        text: "Docs are stale".into(),
        author_id: Some(author),
    };
    let refused = message(r.w.db.write(|tx| cards::add(tx, id, &signed(r.dee), now())));
    assert!(refused.contains("Dee is not a participant"), "{refused}");
    r.w.db
        .write(|tx| trash::move_to_trash(tx, EntityKind::Person, r.bo, now()))
        .unwrap();
    let refused = message(r.w.db.write(|tx| cards::add(tx, id, &signed(r.bo), now())));
    assert!(
        refused.contains("Bo") && refused.contains("Trash"),
        "{refused}"
    );
    let card =
        r.w.db
            .write(|tx| cards::add(tx, id, &signed(r.cy), now()))
            .unwrap();
    assert_eq!(card.author_id, Some(r.cy));
    assert_eq!(
        board(&r, id, Audience::Facilitator).cards.len(),
        1,
        "only the good one"
    );
}

#[test]
fn cards_stay_hidden_from_the_room_until_it_moves_past_the_writing_step() {
    let r = room();
    let id = r.at_step(WRITING);
    let secret = "Our on-call rota burns out the seniors";
    let first = card(&r, id, secret);
    card(&r, id, "Nobody reads the tickets");
    let room_board = board(&r, id, Audience::Room);
    assert!(
        room_board.cards.is_empty(),
        "no unrevealed card reaches the room"
    );
    assert_eq!(
        room_board.hidden_cards, 2,
        "the room sees how many there are"
    );
    let json = serde_json::to_string(&room_board).unwrap();
    assert!(
        !json.contains("on-call"),
        "no unrevealed text in the room's read"
    );
    assert!(
        !json.contains("what to say"),
        "no facilitator script in the room's read"
    );
    let laptop = board(&r, id, Audience::Facilitator);
    assert!(laptop.cards.iter().all(|c| c.hidden));
    assert_eq!(laptop.cards[0].text, secret);
    assert!(laptop.step.unwrap().script.is_some());
    r.w.db.write(|tx| cards::remove(tx, first, now())).unwrap();
    assert_eq!(
        board(&r, id, Audience::Room).hidden_cards,
        1,
        "removed before the reveal"
    );
    r.w.db.write(|tx| run::next(tx, id, now())).unwrap();
    let revealed = board(&r, id, Audience::Room);
    assert_eq!(revealed.hidden_cards, 0);
    assert_eq!(revealed.cards.len(), 1);
    assert!(!revealed.cards[0].hidden);
    let shown = revealed.cards[0].id;
    let refused = message(r.w.db.write(|tx| cards::remove(tx, shown, now())));
    assert!(refused.contains("before the reveal"), "{refused}");
    r.w.db.write(|tx| run::previous(tx, id, now())).unwrap();
    assert_eq!(
        board(&r, id, Audience::Room).cards.len(),
        1,
        "going back does not hide what the room has seen"
    );
}

#[test]
fn cards_move_in_and_out_of_named_groups_and_ungrouping_keeps_them() {
    let r = room();
    let id = r.at_step(WRITING);
    let a = card(&r, id, "Slow builds");
    let b = card(&r, id, "Flaky tests");
    let db = &r.w.db;
    db.write(|tx| run::go_to(tx, id, GROUPING, now())).unwrap();
    let group = db
        .write(|tx| groups::create(tx, id, "CI pain", &[a], now()))
        .unwrap();
    db.write(|tx| groups::move_card(tx, b, Some(group.id), now()))
        .unwrap();
    db.write(|tx| groups::move_card(tx, a, None, now()))
        .unwrap();
    db.write(|tx| groups::rename(tx, group.id, "Test pain", now()))
        .unwrap();
    let laid_out = board(&r, id, Audience::Room);
    assert_eq!(laid_out.groups[0].name, "Test pain");
    let in_group: Vec<Option<Id>> = laid_out.cards.iter().map(|c| c.group_id).collect();
    assert_eq!(in_group, [None, Some(group.id)]);
    let error = db
        .write(|tx| groups::create(tx, id, "  ", &[], now()))
        .unwrap_err();
    assert!(matches!(error, Error::Validation { field: "name", .. }));
    db.write(|tx| groups::ungroup(tx, group.id, now())).unwrap();
    let after = board(&r, id, Audience::Room);
    assert!(after.groups.is_empty());
    assert_eq!(after.cards.len(), 2, "ungrouping keeps the cards");
    assert!(after.cards.iter().all(|c| c.group_id.is_none()));
}

#[test]
fn the_suggestion_groups_cards_sharing_a_stemmed_word_and_can_be_accepted_or_undone() {
    let proposal = grouping::propose(&[
        (id(1), "Deploys are slow".into()),
        (id(2), "The deploy pipeline is slow".into()),
        (id(3), "Deploying takes all afternoon".into()),
        (id(4), "Docs are missing".into()),
        (id(5), "Missing documentation for the API".into()),
        (id(6), "Coffee".into()),
        (id(7), "the and of it".into()),
    ]);
    let groups: Vec<(&str, Vec<Id>)> = proposal
        .groups
        .iter()
        .map(|g| (g.name.as_str(), g.card_ids.clone()))
        .collect();
    assert_eq!(
        groups,
        [
            ("Deploy", vec![id(1), id(2), id(3)]),
            ("Missing", vec![id(4), id(5)]),
        ],
        "deploys, deploy and deploying share a stem; 'slow' joins nothing left; stop words \
         and lone words group nothing"
    );

    let r = room();
    let workshop = r.at_step(WRITING);
    let mine = card(&r, workshop, "Deploy by hand");
    for text in [
        "Slow deploys",
        "Deploying breaks",
        "Missing docs",
        "Docs missing",
    ] {
        card(&r, workshop, text);
    }
    let db = &r.w.db;
    db.write(|tx| run::go_to(tx, workshop, GROUPING, now()))
        .unwrap();
    let own = db
        .write(|tx| groups::create(tx, workshop, "Mine", &[mine], now()))
        .unwrap();
    let suggested = db.read(|c| grouping::suggest(c, workshop)).unwrap();
    assert_eq!(suggested.groups.len(), 2);
    assert!(
        suggested.groups.iter().all(|g| !g.card_ids.contains(&mine)),
        "a card the room grouped by hand is left alone"
    );
    let accepted = db
        .write(|tx| grouping::accept(tx, workshop, &suggested, now()))
        .unwrap();
    assert_eq!(board(&r, workshop, Audience::Room).groups.len(), 3);
    let stale = message(db.write(|tx| grouping::accept(tx, workshop, &suggested, now())));
    assert!(stale.contains("changed"), "{stale}");
    db.write(|tx| grouping::undo(tx, workshop, accepted.batch, now()))
        .unwrap();
    let undone = board(&r, workshop, Audience::Room);
    let names: Vec<&str> = undone.groups.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(
        names,
        ["Mine"],
        "undo removes exactly what the suggestion made"
    );
    let grouped: Vec<Option<Id>> = undone.cards.iter().map(|c| c.group_id).collect();
    assert_eq!(grouped, [Some(own.id), None, None, None, None]);
}

fn id(n: u8) -> Id {
    Id::from_parts(now(), [n; 10])
}

#[test]
fn an_empty_proposal_accepts_to_nothing_and_a_bad_one_writes_nothing() {
    let r = room();
    let workshop = r.at_step(GROUPING);
    let bad = GroupingProposal {
        groups: vec![grouping::ProposedGroup {
            name: "Ghosts".into(),
            card_ids: vec![id(9)],
        }],
    };
    message(
        r.w.db
            .write(|tx| grouping::accept(tx, workshop, &bad, now())),
    );
    assert!(
        board(&r, workshop, Audience::Room).groups.is_empty(),
        "nothing half-written"
    );
}

/// The fullest workshop a person can make: the most steps of the longest text, the most
/// participants with the longest names, every character one JSON escapes the most.
fn fullest(r: &Room) -> Id {
    let worst = |n: usize| "\u{1}".repeat(n);
    let db = &r.w.db;
    let mut steps = super::steps();
    while steps.len() < exercises::STEPS_MAX {
        steps.insert(0, super::step("Brief", StepKind::Brief, 1));
    }
    for step in &mut steps {
        step.title = worst(exercises::TITLE_MAX);
        step.prompt = worst(exercises::PROMPT_MAX);
        step.script = worst(exercises::SCRIPT_MAX);
    }
    let exercise = db
        .write(|tx| {
            let input = ExerciseInput {
                name: "Fullest".into(),
                purpose: String::new(),
                idea: String::new(),
                steps,
            };
            exercises::save(tx, &r.exercise, &input, now())
        })
        .unwrap()
        .id;
    let participants: Vec<Id> = (0..PARTICIPANTS_MAX)
        .map(|n| super::person(db, r.w.team, &format!("{n}{}", worst(NAME_MAX - 3))))
        .collect();
    let input = PlanInput {
        exercise_id: exercise,
        participant_ids: participants,
        ..r.plan_input()
    };
    let id = db
        .write(|tx| workshops::plan(tx, &input, now()))
        .unwrap()
        .id;
    let writing = exercises::STEPS_MAX as u32 - 6;
    db.write(|tx| run::start(tx, id, now())).unwrap();
    db.write(|tx| run::go_to(tx, id, writing, now())).unwrap();
    id
}

#[test]
fn the_largest_board_comes_in_pages_each_within_one_reply_even_of_the_worst_characters() {
    let r = room();
    let id = fullest(&r);
    let db = &r.w.db;
    let author = db
        .read(|c| workshops::get(c, id, now()))
        .unwrap()
        .participant_ids[0];
    db.write(|tx| {
        for _ in 0..cards::CARDS_MAX {
            let input = CardInput {
                text: format!("x{}", "\u{1}\"".repeat(999)),
                author_id: Some(author),
            };
            cards::add(tx, id, &input, now())?;
        }
        Ok(())
    })
    .unwrap();
    let refused = message(db.write(|tx| {
        let input = CardInput {
            text: "one more".into(),
            author_id: None,
        };
        cards::add(tx, id, &input, now())
    }));
    assert!(refused.contains("2000 cards"), "{refused}");
    let hidden = board(&r, id, Audience::Room);
    assert_eq!(
        (hidden.cards.len(), hidden.more_cards, hidden.hidden_cards),
        (0, None, cards::CARDS_MAX),
        "before the reveal the room gets no page, only how many"
    );
    db.write(|tx| run::next(tx, id, now())).unwrap();
    let first = board(&r, id, Audience::Facilitator);
    db.write(|tx| {
        let name = "\u{2}".repeat(groups::GROUP_NAME_MAX);
        for card in first.cards.iter().take(groups::GROUPS_MAX as usize) {
            groups::create(tx, id, &name, &[card.id], now())?;
        }
        Ok(())
    })
    .unwrap();
    let mut largest = 0;
    for audience in [Audience::Facilitator, Audience::Room] {
        let full = board(&r, id, audience);
        assert_eq!(full.cards.len(), board::CARDS_PAGE);
        assert_eq!(full.groups.len(), 100);
        assert_eq!(full.participants.len(), PARTICIPANTS_MAX);
        assert!(full.cards[0].truncated, "long cards are cut on the board");
        let size = serde_json::to_vec(&full).unwrap().len();
        assert!(
            size <= REPLY_MAX_BYTES,
            "the fullest board is {size} bytes of JSON"
        );
        largest = largest.max(size);
        let mut seen: Vec<Id> = full.cards.iter().map(|c| c.id).collect();
        let mut after = full.more_cards;
        while let Some(card) = after {
            assert_eq!(
                Some(&card),
                seen.last(),
                "a page follows the last card read"
            );
            let page = db
                .read(|c| board::cards_after(c, id, audience, card, now()))
                .unwrap();
            let size = serde_json::to_vec(&page).unwrap().len();
            assert!(size <= REPLY_MAX_BYTES, "a page is {size} bytes of JSON");
            largest = largest.max(size);
            assert!(page.cards.len() <= board::CARDS_PAGE);
            seen.extend(page.cards.iter().map(|c| c.id));
            after = page.more_cards;
        }
        let mut sorted = seen.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(
            seen, sorted,
            "every card once, in the order they were written"
        );
        assert_eq!(seen.len(), cards::CARDS_MAX as usize);
        let whole = db
            .read(|c| board::read_whole(c, id, audience, now()))
            .unwrap();
        let ids: Vec<Id> = whole.cards.iter().map(|c| c.id).collect();
        assert_eq!((ids, whole.more_cards), (seen, None));
    }
    println!("the largest reply of the fullest board: {largest} bytes of JSON");
    let whole = db.read(|c| cards::get(c, first.cards[0].id)).unwrap();
    assert_eq!(
        whole.text.chars().count(),
        1999,
        "a card read alone carries all its text"
    );
}

#[test]
fn a_trashed_workshop_takes_its_cards_and_a_team_with_workshops_stays() {
    let r = room();
    let id = r.at_step(WRITING);
    let a = card(&r, id, "Slow builds");
    let db = &r.w.db;
    db.write(|tx| run::finish(tx, id, now())).unwrap();
    let refused =
        message(db.write(|tx| trash::move_to_trash(tx, EntityKind::Team, r.w.team, now())));
    assert!(refused.contains("workshop"), "{refused}");
    db.write(|tx| trash::move_to_trash(tx, EntityKind::Workshop, id, secs(5)))
        .unwrap();
    let listed = db.read(trash::list).unwrap();
    let kinds: Vec<(EntityKind, Option<Id>)> = listed
        .items
        .iter()
        .map(|i| (i.kind, i.trashed_with))
        .collect();
    assert_eq!(
        kinds,
        [(EntityKind::Workshop, None), (EntityKind::Card, Some(id))],
        "the card is listed under its workshop"
    );
    assert!(matches!(
        db.read(|c| cards::get(c, a)),
        Err(Error::NotFound { .. })
    ));
    db.write(|tx| trash::restore(tx, EntityKind::Workshop, id, secs(9)))
        .unwrap();
    assert_eq!(db.read(|c| cards::get(c, a)).unwrap().text, "Slow builds");
}

#[test]
fn a_card_announces_its_workshop_and_the_keep_alive_announces_nothing() {
    let r = room();
    let id = r.at_step(WRITING);
    r.w.db.take_changes();
    let a = card(&r, id, "Slow builds");
    let changed = r.w.db.take_changes().unwrap();
    assert_eq!(changed.kinds, [EntityKind::Workshop, EntityKind::Card]);
    assert!(changed.ids.contains(&id) && changed.ids.contains(&a));
    r.w.db
        .write(|tx| workshops::keep_alive(tx, id, secs(10)))
        .unwrap();
    assert!(
        r.w.db.take_changes().is_none_or(|c| c.is_empty()),
        "noting the app is alive refreshes no view"
    );
}
