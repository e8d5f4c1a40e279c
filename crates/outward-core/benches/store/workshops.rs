//! Workshops at heavy size: a running workshop's board of 300 cards with groups and votes, the
//! grouping suggestion over those 300 cards, and a facilitator's page of past workshops, each
//! against hand-written queries for the same rows.
//!
//! The running workshop is made inside a transaction on the heavy database that is rolled back
//! at the end, so the reused data set never changes.

use crate::harness::{Fallible, Timings, fetch, ids, kept, ms, p50_p95, paired, ratio, read};
use crate::report::{Report, Row};
use chrono::Utc;
use outward_core::db::{self, Access, Database};
use outward_core::id::Id;
use outward_core::page::PageRequest;
use outward_core::workshops::board::{self, Audience};
use outward_core::workshops::cards::{self, CardInput};
use outward_core::workshops::votes::{self, VoteInput};
use outward_core::workshops::{self, PlanInput, WorkshopFilter, grouping, groups, run};
use rusqlite::{Connection, Transaction};
use std::path::Path;

/// The suggestion's goal: a facilitator clicks and sees it at once.
const SUGGESTION_GOAL_MS: f64 = 50.0;

/// The board and the suggestion over a running workshop of 300 cards, made and rolled back.
pub fn running_board(heavy: &Path, report: &mut Report) -> Fallible {
    let mut conn = db::connect(heavy, Access::ReadWrite)?;
    let tx = conn.transaction()?;
    let (id, people) = written(&tx)?;
    let (s, b) = paired(
        100,
        |_| (),
        |_| kept(grouping::suggest(&tx, id)?),
        |_| cards_by_hand(&tx, id),
    )?;
    suggestion_row(report, s, b);
    grouped_and_voted(&tx, id, &people)?;
    let timings = paired(
        300,
        |_| (),
        |_| kept(board::read(&tx, id, Audience::Facilitator, Utc::now())?),
        |_| board_by_hand(&tx, id),
    )?;
    report.compared(
        "a running workshop's board: 300 cards, groups and votes",
        timings,
        1.5,
    );
    tx.rollback()?;
    Ok(())
}

/// A running workshop of the team with most people, with 300 cards written in its silent
/// writing step; returns it and its participants.
fn written(tx: &Transaction<'_>) -> Fallible<(Id, Vec<Id>)> {
    let now = Utc::now();
    let (team, people): (Id, Vec<Id>) = {
        let team: Id = tx.query_row(
            "SELECT team_id FROM people WHERE deleted_at IS NULL
             GROUP BY team_id ORDER BY count(*) DESC, team_id LIMIT 1",
            [],
            |r| r.get(0),
        )?;
        let mut stmt = tx.prepare(
            "SELECT id FROM people WHERE team_id = ?1 AND deleted_at IS NULL ORDER BY rowid",
        )?;
        let people = stmt
            .query_map([team], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        (team, people)
    };
    let input = PlanInput {
        exercise_id: "ticket-black-hole".into(),
        team_id: team,
        held_on: now.date_naive(),
        starts_at: "10:00".into(),
        facilitator_id: people[0],
        participant_ids: people.clone(),
    };
    let workshop = workshops::plan(tx, &input, now)?;
    let steps: Vec<_> = workshop.steps.iter().map(|s| s.kind).collect();
    let position = |kind| steps.iter().position(|k| *k == kind).unwrap_or(0) as u32;
    use outward_core::exercises::StepKind;
    run::start(tx, workshop.id, now)?;
    run::go_to(tx, workshop.id, position(StepKind::SilentWriting), now)?;
    let mut text = String::new();
    for n in 0..300 {
        text.clear();
        text.push_str(CARD_TEXTS[n % CARD_TEXTS.len()]);
        text.push_str(&format!(" (team {})", n % 17));
        let input = CardInput {
            text: text.clone(),
            author_id: (n % 3 == 0).then(|| people[n % people.len()]),
        };
        cards::add(tx, workshop.id, &input, now)?;
    }
    Ok((workshop.id, people))
}

/// Two thirds of the cards grouped in tens by hand, then everyone's votes on the groups.
fn grouped_and_voted(tx: &Transaction<'_>, id: Id, people: &[Id]) -> Fallible {
    use outward_core::exercises::StepKind;
    let now = Utc::now();
    let voting = workshops::get(tx, id, now)?
        .steps
        .iter()
        .position(|s| s.kind == StepKind::DotVoting)
        .unwrap_or(0) as u32;
    run::go_to(tx, id, voting, now)?;
    let card_ids = ids(
        tx,
        &format!("SELECT id FROM workshop_cards WHERE workshop_id = '{id}' ORDER BY id"),
        300,
    )?;
    let mut items = Vec::new();
    for (n, chunk) in card_ids.chunks(10).enumerate().take(20) {
        let group = groups::create(tx, id, &format!("Group {n}"), chunk, now)?;
        items.push(VoteInput {
            card_id: None,
            group_id: Some(group.id),
            count: 1,
        });
    }
    for (n, person) in people.iter().enumerate() {
        let ballot: Vec<VoteInput> = (0..3)
            .map(|k| items[(n + k) % items.len()].clone())
            .collect();
        votes::cast(tx, id, *person, &ballot, now)?;
    }
    Ok(())
}

/// What people write about tickets, varied enough that the suggestion has words to group by.
const CARD_TEXTS: &[&str] = &[
    "Tickets wait a week before anyone answers",
    "Nobody knows which queue owns database requests",
    "The deploy pipeline breaks on Fridays",
    "Migration guides are missing for the new runners",
    "Support rotation skips the seniors",
    "We answer tickets without asking what the team needed",
    "Access requests bounce between three teams",
    "Docs for the Postgres offering are out of date",
    "Flaky tests make people rerun builds by hand",
    "The portal hides the status of a request",
    "On-call pages for things customers never notice",
    "Nobody closes the loop when a ticket is fixed",
];

/// The board's rows read by hand: the step, the cards with their step's kind, the groups, the
/// voters, the tallies, the ratings and the participants.
fn board_by_hand(conn: &Connection, id: Id) -> Fallible {
    fetch(
        conn,
        "SELECT w.state, w.current_step, w.furthest_step, w.title,
                (SELECT count(*) FROM workshop_steps s WHERE s.workshop_id = w.id)
         FROM workshops w WHERE w.id = ?1 AND w.deleted_at IS NULL",
        [id],
    )?;
    fetch(
        conn,
        "SELECT s.title, s.kind, s.prompt, s.script, s.timer_remaining_ms, s.timer_running_since
         FROM workshop_steps s JOIN workshops w ON w.id = s.workshop_id
         WHERE s.workshop_id = ?1 AND s.position = w.current_step",
        [id],
    )?;
    fetch(
        conn,
        "SELECT c.id, c.text, c.author_id, c.group_id, c.step_position, s.kind
         FROM workshop_cards c
         JOIN workshop_steps s ON s.workshop_id = c.workshop_id AND s.position = c.step_position
         WHERE c.workshop_id = ?1 AND c.deleted_at IS NULL ORDER BY c.id",
        [id],
    )?;
    fetch(
        conn,
        "SELECT id, name, accepted_batch FROM workshop_groups WHERE workshop_id = ?1 ORDER BY id",
        [id],
    )?;
    fetch(
        conn,
        "SELECT person_id FROM workshop_ballots WHERE workshop_id = ?1",
        [id],
    )?;
    fetch(
        conn,
        "SELECT ifnull(card_id, group_id), sum(count) FROM workshop_votes
         WHERE workshop_id = ?1 GROUP BY 1",
        [id],
    )?;
    fetch(
        conn,
        "SELECT dimension, avg(score), count(*) FROM workshop_ratings WHERE workshop_id = ?1
         GROUP BY dimension",
        [id],
    )?;
    fetch(
        conn,
        "SELECT p.id, p.name FROM workshop_participants wp JOIN people p ON p.id = wp.person_id
         WHERE wp.workshop_id = ?1",
        [id],
    )
}

/// The ungrouped cards' text, the suggestion's whole input.
fn cards_by_hand(conn: &Connection, id: Id) -> Fallible {
    fetch(
        conn,
        "SELECT c.id, c.text FROM workshop_cards c
         WHERE c.workshop_id = ?1 AND c.deleted_at IS NULL AND c.group_id IS NULL",
        [id],
    )
}

/// The suggestion's row: its ratio to reading the cards, and its p95 against its goal.
fn suggestion_row(report: &mut Report, s: Timings, b: Timings) {
    let p95 = ms(s.p95());
    report.add(Row {
        operation: "grouping suggestion over 300 cards".into(),
        subject: p50_p95(&s),
        baseline: p50_p95(&b),
        ratio: ratio(s.p50(), b.p50()),
        goal: format!("p95 ≤ {SUGGESTION_GOAL_MS} ms"),
        met: Some(p95 <= SUGGESTION_GOAL_MS),
        budget: None,
    });
}

/// A facilitator's past workshops, a page of 20 at a time, newest first.
pub fn past_workshops(db: &Database, report: &mut Report) -> Fallible {
    let facilitators = db.read(|c| {
        Ok(ids(
            c,
            "SELECT DISTINCT facilitator_id FROM workshops WHERE facilitator_id IS NOT NULL
             ORDER BY 1",
            50,
        ))
    })??;
    let timings = paired(
        400,
        |i| {
            (
                facilitators[i % facilitators.len()],
                (i / 50 % 3) as u32 * 20,
            )
        },
        |(facilitator, offset)| {
            let filter = WorkshopFilter {
                facilitator_id: Some(*facilitator),
                state: Some(workshops::WorkshopState::Finished),
                ..Default::default()
            };
            let page = PageRequest {
                offset: *offset,
                limit: 20,
            };
            read(db, |c| kept(workshops::list(c, &filter, page)?))
        },
        |(facilitator, offset)| {
            read(db, |c| {
                fetch(
                    c,
                    "SELECT count(*) FROM workshops
                     WHERE deleted_at IS NULL AND facilitator_id = ?1 AND state = 'finished'",
                    [facilitator],
                )?;
                fetch(
                    c,
                    "SELECT w.id, w.team_id, w.exercise_key, w.title, w.held_on, w.starts_at,
                            w.state, w.facilitator_id, p.name,
                            (SELECT count(*) FROM workshop_participants wp
                             WHERE wp.workshop_id = w.id),
                            (SELECT count(*) FROM workshop_cards c
                             WHERE c.workshop_id = w.id AND c.deleted_at IS NULL)
                     FROM workshops w LEFT JOIN people p ON p.id = w.facilitator_id
                     WHERE w.deleted_at IS NULL AND w.facilitator_id = ?1
                       AND w.state = 'finished'
                     ORDER BY w.held_on DESC, w.id DESC LIMIT 20 OFFSET ?2",
                    (facilitator, offset),
                )
            })
        },
    )?;
    report.compared("a facilitator's past workshops, a page of 20", timings, 1.3);
    Ok(())
}
