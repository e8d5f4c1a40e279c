//! Dot votes within the step's budget and cap, hidden counts until the room moves on, results
//! most votes first, and ratings compared from one quarter to the next.

use super::room::{board, card, vote};
use super::{RATING, Room, VOTING, WRITING, message, room};
use crate::fixtures::{day, now};
use outward_core::id::Id;
use outward_core::workshops::board::Audience;
use outward_core::workshops::ratings::{self, RatingInput, Score};
use outward_core::workshops::votes::{self, VoteInput};
use outward_core::workshops::{self, PlanInput, run};

/// A workshop on its voting step with three ungrouped cards.
fn voting(r: &Room) -> (Id, [Id; 3]) {
    let id = r.at_step(WRITING);
    let cards = [
        card(r, id, "Slow builds"),
        card(r, id, "Flaky tests"),
        card(r, id, "Stale docs"),
    ];
    r.w.db
        .write(|tx| run::go_to(tx, id, VOTING, now()))
        .unwrap();
    (id, cards)
}

fn rate(r: &Room, workshop: Id, person: Option<Id>, customers: u8, usability: u8) {
    let input = RatingInput {
        person_id: person,
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
        .write(|tx| ratings::rate(tx, workshop, &input, now()))
        .unwrap();
}

#[test]
fn votes_over_the_budget_or_the_cap_are_refused_whole() {
    let r = room();
    let (id, [a, b, c]) = voting(&r);
    let db = &r.w.db;
    let cast = |ballot: Vec<VoteInput>| db.write(|tx| votes::cast(tx, id, r.bo, &ballot, now()));
    let refused = message(cast(vec![vote(a, 2), vote(b, 1), vote(c, 1)]));
    assert!(
        refused.contains("Bo gave 4 votes; each person has 3"),
        "{refused}"
    );
    let refused = message(cast(vec![vote(a, 2), vote(a, 1)]));
    assert!(
        refused.contains("3 votes to “Slow builds”") && refused.contains("at most 2"),
        "the cap counts every entry for one item: {refused}"
    );
    let refused = message(db.write(|tx| votes::cast(tx, id, r.dee, &[vote(a, 1)], now())));
    assert!(refused.contains("Dee is not a participant"), "{refused}");
    assert!(
        board(&r, id, Audience::Room)
            .voting
            .unwrap()
            .voted
            .is_empty(),
        "no refused ballot was stored"
    );
}

#[test]
fn the_room_sees_who_voted_but_no_counts_until_it_moves_on_then_results_by_votes() {
    let r = room();
    let (id, [a, b, c]) = voting(&r);
    let db = &r.w.db;
    db.write(|tx| votes::cast(tx, id, r.bo, &[vote(b, 2), vote(c, 1)], now()))
        .unwrap();
    db.write(|tx| votes::cast(tx, id, r.cy, &[vote(c, 2), vote(a, 1)], now()))
        .unwrap();
    db.write(|tx| votes::cast(tx, id, r.cy, &[vote(c, 2)], now()))
        .unwrap();
    let ballot = db.read(|c| votes::ballot(c, id, r.cy)).unwrap();
    assert_eq!(
        ballot,
        [vote(c, 2)],
        "a person's own ballot, as last entered"
    );
    let during = board(&r, id, Audience::Room);
    let voting = during.voting.as_ref().unwrap();
    assert_eq!(voting.voted, [r.bo, r.cy], "who has voted");
    assert!(!voting.revealed);
    assert!(
        during.cards.iter().all(|c| c.votes.is_none()),
        "no counts before the reveal"
    );
    message(db.read(|c| votes::results(c, id)));
    db.write(|tx| run::next(tx, id, now())).unwrap();
    let results: Vec<(String, u32)> = db
        .read(|c| votes::results(c, id))
        .unwrap()
        .into_iter()
        .map(|r| (r.label, r.votes))
        .collect();
    assert_eq!(
        results,
        [("Stale docs".into(), 3), ("Flaky tests".into(), 2)],
        "most votes first; Cy's second ballot replaced the first"
    );
    let after = board(&r, id, Audience::Room);
    assert_eq!(after.cards[0].votes, Some(0));
    assert_eq!(after.cards[2].votes, Some(3));
}

#[test]
fn votes_outside_a_voting_step_are_refused() {
    let r = room();
    let id = r.at_step(WRITING);
    let a = card(&r, id, "Slow builds");
    let refused = message(
        r.w.db
            .write(|tx| votes::cast(tx, id, r.bo, &[vote(a, 1)], now())),
    );
    assert!(refused.contains("not on a dot-voting step"), "{refused}");
}

#[test]
fn ratings_are_compared_across_quarters_per_team_and_exercise() {
    let r = room();
    let db = &r.w.db;
    let first = r.at_step(RATING);
    rate(&r, first, Some(r.bo), 2, 4);
    rate(&r, first, Some(r.cy), 3, 4);
    rate(&r, first, Some(r.cy), 4, 5);
    let bad = RatingInput {
        person_id: None,
        scores: vec![Score {
            dimension: "Customers".into(),
            score: 6,
        }],
    };
    let refused = message(db.write(|tx| ratings::rate(tx, first, &bad, now())));
    assert!(refused.contains("rate from 1 to 5"), "{refused}");
    let unknown = RatingInput {
        person_id: None,
        scores: vec![Score {
            dimension: "Speed".into(),
            score: 3,
        }],
    };
    let refused = message(db.write(|tx| ratings::rate(tx, first, &unknown, now())));
    assert!(refused.contains("Customers, Usability"), "{refused}");
    db.write(|tx| run::finish(tx, first, now())).unwrap();
    let later = PlanInput {
        held_on: day(2027, 2, 3),
        ..r.plan_input()
    };
    let second = db
        .write(|tx| workshops::plan(tx, &later, now()))
        .unwrap()
        .id;
    db.write(|tx| run::start(tx, second, now())).unwrap();
    db.write(|tx| run::go_to(tx, second, RATING, now()))
        .unwrap();
    rate(&r, second, None, 5, 3);
    let trend = db
        .read(|c| ratings::trend(c, r.w.team, &r.exercise))
        .unwrap();
    let customers: Vec<(String, f64, u32)> = trend[0]
        .quarters
        .iter()
        .map(|q| (q.quarter.to_string(), q.mean, q.n))
        .collect();
    assert_eq!(trend[0].dimension, "Customers");
    assert_eq!(
        customers,
        [("2026 Q4".into(), 3.0, 2), ("2027 Q1".into(), 5.0, 1)],
        "a person's second rating replaces the first; the room's consensus counts once"
    );
}
