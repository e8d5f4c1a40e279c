//! What a workshop keeps: decisions that turn a card or a group into a pain point (the cards'
//! text kept as its evidence), an action item or kudos; the evidence a card adds to a pain
//! point's weight and not to its reach; the summary of a finished workshop and its Markdown;
//! and cards in search once the room has seen them.

use crate::fixtures::day;
use crate::workshops::{GROUPING, RATING, Room, VOTING, WRITING, room, secs};
use outward_core::action_items::{self, ActionItemInput, ActionStatus};
use outward_core::entity::EntityKind;
use outward_core::error::Error;
use outward_core::evidence::{self, EvidenceSource};
use outward_core::id::Id;
use outward_core::kudos::KudosInput;
use outward_core::outcomes::summary;
use outward_core::outcomes::{self, DecisionSource, OutcomeKind, markdown};
use outward_core::page::PageRequest;
use outward_core::pain_points::{self, Frequency, PainPointInput};
use outward_core::search::{self, HitKind};
use outward_core::trash;
use outward_core::workshops::cards::{self, CardInput};
use outward_core::workshops::ratings::{self, RatingInput, Score};
use outward_core::workshops::votes::{self, VoteInput};
use outward_core::workshops::{groups, run};

/// The decision step of the fixture's exercise, its last.
const DECIDING: u32 = 6;

/// A workshop the room has run up to its decision step: three cards, two of them grouped,
/// votes on the group and a card, and ratings.
struct Decided {
    r: Room,
    workshop: Id,
    queue: Id,
    flaky: Id,
    runbook: Id,
    group: Id,
}

fn card(r: &Room, workshop: Id, text: &str, at: i64) -> Id {
    let input = CardInput {
        text: text.into(),
        author_id: None,
    };
    r.w.db
        .write(|tx| cards::add(tx, workshop, &input, secs(at)))
        .unwrap()
        .id
}

fn go_to(r: &Room, workshop: Id, step: u32, at: i64) {
    r.w.db
        .write(|tx| run::go_to(tx, workshop, step, secs(at)))
        .unwrap();
}

fn decided() -> Decided {
    let r = room();
    let workshop = r.started();
    go_to(&r, workshop, WRITING, 60);
    let queue = card(
        &r,
        workshop,
        "The CI queue takes forty minutes on Mondays",
        70,
    );
    let flaky = card(&r, workshop, "Flaky integration tests", 80);
    let runbook = card(
        &r,
        workshop,
        "Bo rewrote the runbook | *so* Payments self-serve",
        90,
    );
    go_to(&r, workshop, WRITING + 1, 400);
    go_to(&r, workshop, GROUPING, 500);
    let group =
        r.w.db
            .write(|tx| groups::create(tx, workshop, "CI pain", &[queue, flaky], secs(510)))
            .unwrap()
            .id;
    go_to(&r, workshop, VOTING, 800);
    let ballot = |person, items: Vec<VoteInput>| {
        r.w.db
            .write(|tx| votes::cast(tx, workshop, person, &items, secs(900)))
            .unwrap();
    };
    let on_card = |id, count| VoteInput {
        card_id: Some(id),
        group_id: None,
        count,
    };
    let on_group = |id, count| VoteInput {
        card_id: None,
        group_id: Some(id),
        count,
    };
    ballot(r.bo, vec![on_group(group, 2), on_card(runbook, 1)]);
    ballot(r.cy, vec![on_card(runbook, 2)]);
    go_to(&r, workshop, RATING, 1000);
    for (person, customers, usability) in [(r.w.ada, 3, 4), (r.bo, 4, 4)] {
        let input = RatingInput {
            person_id: Some(person),
            scores: vec![
                Score {
                    dimension: "Customers".into(),
                    score: customers,
                },
                Score {
                    dimension: "Usability".into(),
                    score: usability,
                },
            ],
        };
        r.w.db
            .write(|tx| ratings::rate(tx, workshop, &input, secs(1100)))
            .unwrap();
    }
    go_to(&r, workshop, DECIDING, 1200);
    Decided {
        r,
        workshop,
        queue,
        flaky,
        runbook,
        group,
    }
}

fn pain(title: &str) -> PainPointInput {
    PainPointInput {
        title: title.into(),
        description: String::new(),
        severity: 3,
        frequency: Frequency::Weekly,
        product_ids: vec![],
        customer_ids: vec![],
        tags: vec![],
    }
}

fn weight_and_reach(d: &Decided, pain_point: Id) -> (f64, u32, u32) {
    let got =
        d.r.w
            .db
            .read(|c| pain_points::get(c, pain_point, day(2026, 11, 20)))
            .unwrap();
    (got.weight, got.reach, got.evidence.total)
}

#[test]
fn a_card_becomes_a_pain_point_with_its_text_as_evidence_that_weighs_but_reaches_no_customer() {
    let d = decided();
    let db = &d.r.w.db;
    let outcome = db
        .write(|tx| {
            outcomes::decide_pain_point(
                tx,
                d.workshop,
                DecisionSource::Card(d.queue),
                &pain("CI queue is slow at peak"),
                Some(d.r.w.ada),
                secs(1300),
            )
        })
        .unwrap();
    assert_eq!(outcome.kind, OutcomeKind::PainPoint);
    assert_eq!(
        (outcome.card_id, outcome.group_id),
        (Some(d.queue), None),
        "the outcome names the card it came from"
    );
    assert_eq!(
        outcome.source_text,
        "The CI queue takes forty minutes on Mondays"
    );
    assert_eq!(outcome.decided, "CI queue is slow at peak");
    let pain_point = outcome.record_id.expect("the pain point made");
    assert!(outcome.record_live);

    let page = db
        .read(|c| evidence::page_of(c, pain_point, PageRequest::default()))
        .unwrap();
    assert_eq!(page.total, 1);
    let quote = &page.items[0];
    assert_eq!(quote.source, EvidenceSource::Card);
    assert_eq!(quote.quote, "The CI queue takes forty minutes on Mondays");
    assert_eq!(
        (
            quote.card_id,
            quote.workshop_id,
            quote.workshop_title.as_deref()
        ),
        (Some(d.queue), Some(d.workshop), Some("Retro")),
        "a way back to the workshop"
    );
    assert_eq!(
        quote.heard_on,
        day(2026, 11, 20),
        "dated the day of the workshop"
    );
    assert_eq!(
        (quote.customer_id, quote.interview_id, quote.start),
        (None, None, None)
    );

    let (weight, reach, count) = weight_and_reach(&d, pain_point);
    assert_eq!(reach, 0, "the room talking is not a customer heard");
    assert_eq!(count, 1);
    assert!(
        (weight - 6.0).abs() < 1e-9,
        "severity 3 × one customer at least × (itself 1 + today's card 1) = 6, got {weight}"
    );

    // The card goes with its workshop into the Trash, and its evidence stops counting.
    db.write(|tx| trash::move_to_trash(tx, EntityKind::Workshop, d.workshop, secs(1400)))
        .unwrap();
    let (weight, _, count) = weight_and_reach(&d, pain_point);
    assert_eq!(count, 0, "a card in the Trash is not evidence");
    assert!(
        (weight - 3.0).abs() < 1e-9,
        "the weight falls back to the pain point alone: {weight}"
    );
    db.write(|tx| trash::restore(tx, EntityKind::Workshop, d.workshop, secs(1500)))
        .unwrap();
    let (weight, _, count) = weight_and_reach(&d, pain_point);
    assert_eq!(count, 1, "restored with its workshop");
    assert!((weight - 6.0).abs() < 1e-9, "and weighs again: {weight}");
}

#[test]
fn a_group_keeps_every_card_as_evidence_and_merging_moves_it() {
    let d = decided();
    let db = &d.r.w.db;
    let outcome = db
        .write(|tx| {
            outcomes::decide_pain_point(
                tx,
                d.workshop,
                DecisionSource::Group(d.group),
                &pain("CI is unreliable"),
                None,
                secs(1300),
            )
        })
        .unwrap();
    assert_eq!(outcome.source_text, "CI pain", "the group's name");
    let from_group = outcome.record_id.unwrap();
    let quotes: Vec<String> = db
        .read(|c| evidence::page_of(c, from_group, PageRequest::default()))
        .unwrap()
        .items
        .into_iter()
        .map(|e| e.quote)
        .collect();
    assert_eq!(quotes.len(), 2, "both cards of the group: {quotes:?}");

    let other = db
        .write(|tx| pain_points::create(tx, &pain("Builds are slow"), None, secs(1310)))
        .unwrap()
        .id;
    db.write(|tx| pain_points::merge(tx, from_group, other, secs(1320)))
        .unwrap();
    assert_eq!(
        weight_and_reach(&d, other).2,
        2,
        "merging keeps the card evidence"
    );
}

#[test]
fn an_action_item_and_kudos_are_decided_in_one_step_each_and_listed_in_order() {
    let d = decided();
    let db = &d.r.w.db;
    let action = ActionItemInput {
        title: "Stabilise the integration suite".into(),
        team_id: d.r.w.team,
        owner_id: d.r.bo,
        due_on: day(2026, 12, 18),
    };
    db.write(|tx| {
        outcomes::decide_action_item(
            tx,
            d.workshop,
            DecisionSource::Card(d.flaky),
            &action,
            secs(1300),
        )
    })
    .unwrap();
    let thanks = KudosInput {
        from_person_id: d.r.w.ada,
        to_person_id: Some(d.r.bo),
        to_team_id: None,
        message: "For the runbook Payments can follow alone".into(),
        given_on: None,
        pain_point_id: None,
        customer_id: None,
        kind: Default::default(),
        commitment_id: None,
    };
    db.write(|tx| {
        outcomes::decide_kudos(
            tx,
            d.workshop,
            DecisionSource::Card(d.runbook),
            &thanks,
            secs(1310),
        )
    })
    .unwrap();
    let listed = db.read(|c| outcomes::list(c, d.workshop)).unwrap();
    assert_eq!(
        listed.iter().map(|o| o.kind).collect::<Vec<_>>(),
        [OutcomeKind::ActionItem, OutcomeKind::Kudos],
        "in the order decided"
    );
    assert_eq!(
        listed[1].decided,
        "To Bo: For the runbook Payments can follow alone"
    );
    let item = db
        .read(|c| action_items::get(c, listed[0].record_id.unwrap()))
        .unwrap();
    assert_eq!(
        item.workshop_id,
        Some(d.workshop),
        "the item knows where it came from"
    );
    assert_eq!(item.status, ActionStatus::Open);
    let carried = db
        .read(|c| action_items::carry_over(c, d.r.w.team))
        .unwrap();
    assert_eq!(
        carried.len(),
        1,
        "the next workshop of the team opens with it"
    );
}

#[test]
fn a_decision_from_another_workshops_card_an_empty_group_or_a_planned_workshop_is_refused() {
    let d = decided();
    let db = &d.r.w.db;
    let field_of = |result: Result<outcomes::Outcome, Error>| match result.unwrap_err() {
        Error::Validation { field, .. } => field,
        other => panic!("expected a validation error, got {other:?}"),
    };
    let decide = |workshop, source| {
        db.write(|tx| {
            outcomes::decide_pain_point(tx, workshop, source, &pain("x"), None, secs(1300))
        })
    };
    let planned = d.r.plan();
    assert_eq!(
        field_of(decide(planned, DecisionSource::Card(d.queue))),
        "workshopId"
    );
    assert_eq!(
        field_of(decide(d.workshop, DecisionSource::Card(Id::at(secs(1))))),
        "source",
        "a card that is not on the board"
    );
    let empty = db
        .write(|tx| groups::create(tx, d.workshop, "Nothing yet", &[], secs(1250)))
        .unwrap()
        .id;
    let err = decide(d.workshop, DecisionSource::Group(empty)).unwrap_err();
    assert!(
        err.to_string().contains("“Nothing yet” holds no cards"),
        "{err}"
    );

    // A bad record stops the whole decision: no pain point, no outcome.
    let bad_owner = ActionItemInput {
        title: "Ask Checkout".into(),
        team_id: d.r.w.team,
        owner_id: Id::at(secs(2)),
        due_on: day(2026, 12, 1),
    };
    let err = db
        .write(|tx| {
            outcomes::decide_action_item(
                tx,
                d.workshop,
                DecisionSource::Card(d.queue),
                &bad_owner,
                secs(1300),
            )
        })
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::Validation {
                field: "ownerId",
                ..
            }
        ),
        "{err:?}"
    );
    assert!(
        db.read(|c| outcomes::list(c, d.workshop))
            .unwrap()
            .is_empty(),
        "nothing half-written"
    );
}

#[test]
fn the_summary_of_a_finished_workshop_reads_as_its_markdown_golden_file() {
    let d = decided();
    let db = &d.r.w.db;
    db.write(|tx| {
        outcomes::decide_pain_point(
            tx,
            d.workshop,
            DecisionSource::Group(d.group),
            &pain("CI is unreliable"),
            None,
            secs(1300),
        )
    })
    .unwrap();
    let thanks = KudosInput {
        from_person_id: d.r.w.ada,
        to_person_id: Some(d.r.bo),
        to_team_id: None,
        message: "For the runbook".into(),
        given_on: None,
        pain_point_id: None,
        customer_id: None,
        kind: Default::default(),
        commitment_id: None,
    };
    db.write(|tx| {
        outcomes::decide_kudos(
            tx,
            d.workshop,
            DecisionSource::Card(d.runbook),
            &thanks,
            secs(1310),
        )
    })
    .unwrap();
    db.write(|tx| run::finish(tx, d.workshop, secs(1800)))
        .unwrap();

    let read = db
        .read(|c| summary::summary(c, d.workshop, secs(4000)))
        .unwrap();
    assert!(read.finished);
    assert_eq!(read.attendees, ["Ada", "Bo", "Cy"]);
    assert_eq!(
        read.top_voted
            .iter()
            .map(|v| (v.text.as_str(), v.votes))
            .collect::<Vec<_>>(),
        [
            ("Bo rewrote the runbook | *so* Payments self-serve", 3),
            ("CI pain", 2)
        ],
        "most votes first"
    );
    assert_eq!(
        read.steps.iter().map(|s| s.spent_seconds).sum::<u32>(),
        1800,
        "every second counted once"
    );

    let written = markdown::render(&read);
    let golden =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/core/outcomes/summary.md");
    let expected = std::fs::read_to_string(&golden).unwrap_or_default();
    if written != expected && std::env::var_os("OUTWARD_BLESS").is_some() {
        std::fs::write(&golden, &written).unwrap();
        return;
    }
    assert_eq!(
        written, expected,
        "the Markdown export changed; if on purpose, rerun with OUTWARD_BLESS=1 and review the file"
    );
    let name = db
        .read(|c| markdown::file_name(c, d.workshop, secs(4000)))
        .unwrap();
    assert_eq!(name, "2026-11-20 Retro.md");
}

#[test]
fn saving_the_export_to_a_folder_that_cannot_take_it_leaves_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("summary.md");
    markdown::save(&path, "# Retro\n").unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "# Retro\n");
    let missing = dir.path().join("no such folder").join("summary.md");
    let err = markdown::save(&missing, "# Retro\n").unwrap_err();
    assert!(
        matches!(
            err,
            Error::Conflict {
                field: Some("path"),
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("Nothing was written"), "{err}");
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(left.len(), 1, "only the file saved first, no partial file");
}

#[test]
fn cards_are_found_once_the_room_has_seen_them_and_open_their_workshop() {
    let r = room();
    let workshop = r.started();
    go_to(&r, workshop, WRITING, 60);
    let runbook = card(&r, workshop, "Bo rewrote the runbook for Payments", 70);
    let found = |text: &str| {
        r.w.db
            .read(|c| search::search(c, text, crate::fixtures::now().date_naive()))
            .unwrap()
            .into_iter()
            .filter(|h| h.kind == HitKind::Card)
            .collect::<Vec<_>>()
    };
    assert!(
        found("runbook").is_empty(),
        "hidden while the room writes in silence"
    );
    go_to(&r, workshop, WRITING + 1, 400);
    let hits = found("runbook");
    assert_eq!(hits.len(), 1);
    assert_eq!((hits[0].id, hits[0].workshop_id), (runbook, Some(workshop)));
    assert_eq!(hits[0].title, "Retro", "titled by its workshop");
    assert!(
        hits[0].snippet.contains('\u{E000}'),
        "a snippet with the match marked"
    );
    r.w.db
        .write(|tx| trash::move_to_trash(tx, EntityKind::Workshop, workshop, secs(500)))
        .unwrap();
    assert!(
        found("runbook").is_empty(),
        "not while its workshop is in the Trash"
    );
}

#[test]
fn the_example_holds_a_finished_workshop_whose_summary_a_new_user_can_read() {
    let (_dir, db) = crate::fixtures::database();
    let now = crate::fixtures::now();
    db.write(|tx| outward_core::workspace::load_example(tx, now))
        .unwrap();
    let listed = db
        .read(|c| {
            let filter = outward_core::workshops::WorkshopFilter::default();
            outward_core::workshops::list(c, &filter, PageRequest::default())
        })
        .unwrap();
    assert_eq!(listed.total, 1, "one workshop");
    let workshop = listed.items[0].id;
    let read = db.read(|c| summary::summary(c, workshop, now)).unwrap();
    assert!(read.finished, "finished, so the summary is whole");
    assert_eq!(read.attendees.len(), 4);
    assert_eq!(read.card_count, 5);
    assert_eq!(
        read.outcomes.iter().map(|o| o.kind).collect::<Vec<_>>(),
        [
            OutcomeKind::PainPoint,
            OutcomeKind::ActionItem,
            OutcomeKind::Kudos
        ],
        "a pain point, an action item and kudos"
    );
    assert_eq!(
        read.top_voted[0].text, "Unreliable CI",
        "the group got the most dots"
    );
    assert_eq!(read.ratings.len(), 2, "both dimensions of the pulse check");
    let spent: u32 = read.steps.iter().map(|s| s.spent_seconds).sum();
    assert_eq!(spent, 82 * 60, "the room's 82 minutes, every step counted");

    let pain_point = read.outcomes[0].record_id.unwrap();
    let page = db
        .read(|c| evidence::page_of(c, pain_point, PageRequest::default()))
        .unwrap();
    assert_eq!(page.total, 2, "both cards of the group are its evidence");
    assert!(page.items.iter().all(|e| e.source == EvidenceSource::Card));
    let markdown = db.read(|c| markdown::export(c, workshop, now)).unwrap();
    assert!(markdown.contains("**Kudos:** To Priya Raman"), "{markdown}");
}

#[test]
fn a_decision_announces_its_workshop_and_the_record_it_made() {
    let d = decided();
    let db = &d.r.w.db;
    db.take_changes();
    db.write(|tx| {
        outcomes::decide_pain_point(
            tx,
            d.workshop,
            DecisionSource::Card(d.queue),
            &pain("CI queue is slow at peak"),
            None,
            secs(1300),
        )
    })
    .unwrap();
    let changed = db.take_changes().expect("the decision changed something");
    for kind in [EntityKind::Workshop, EntityKind::PainPoint] {
        assert!(
            changed.kinds.contains(&kind),
            "{kind:?} refreshes: {changed:?}"
        );
    }
    assert!(
        changed.ids.contains(&d.workshop),
        "the workshop's outcomes show it"
    );
}
