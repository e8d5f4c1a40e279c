//! Commitments: the status rules as a table (each rule firing and not firing), check-ins and
//! their bounds, marking done with the offer to address pain points, closing a quarter where
//! nothing disappears, an action item becoming a commitment, and the Trash.

use crate::fixtures::{World, day, now, pain_point, person, world};
use chrono::{Duration, NaiveDate};
use outward_core::action_items::{self, ActionItemInput, ActionStatus};
use outward_core::commitments::board;
use outward_core::commitments::check_ins::{self, CheckInInput};
use outward_core::commitments::decisions::{self, CloseAction, CloseDecision};
use outward_core::commitments::status::{self, Facts, Latest};
use outward_core::commitments::{
    self, Commitment, CommitmentInput, CommitmentState, CommitmentStatus,
};
use outward_core::entity::EntityKind;
use outward_core::error::Error;
use outward_core::id::Id;
use outward_core::pain_points;
use outward_core::quarter::{FiscalYearStart, Quarter};
use outward_core::trash;

fn q3_open(latest: Option<Latest>) -> Facts {
    Facts {
        state: CommitmentState::Open,
        quarter_starts_on: day(2026, 7, 1),
        quarter_ends_on: day(2026, 9, 30),
        created_on: day(2026, 7, 1),
        latest,
    }
}

fn latest(on: NaiveDate, progress: u8, confidence: u8) -> Option<Latest> {
    Some(Latest {
        checked_on: on,
        progress,
        confidence,
    })
}

/// One row of the rules table: what is known, the day, the status expected, and a fragment of
/// the reasons that must be there (`Some`) or, for rows where a rule must not fire, absent.
struct Row {
    rule: &'static str,
    facts: Facts,
    today: NaiveDate,
    expected: CommitmentStatus,
    present: Option<&'static str>,
    absent: Option<&'static str>,
}

#[test]
fn the_status_rules_each_fire_and_each_hold_back_as_the_table_says() {
    // Q3 2026 runs 1 July to 30 September, 92 days. On 15 August 46 of them are gone: 50 %.
    let mid = day(2026, 8, 15);
    let healthy = latest(day(2026, 8, 14), 50, 8);
    let rows = [
        Row {
            rule: "done is decided, and outranks an ended quarter",
            facts: Facts {
                state: CommitmentState::Done,
                ..q3_open(None)
            },
            today: day(2026, 10, 5),
            expected: CommitmentStatus::Done,
            present: Some("Marked done"),
            absent: None,
        },
        Row {
            rule: "done does not fire for an open commitment",
            facts: q3_open(healthy),
            today: mid,
            expected: CommitmentStatus::OnTrack,
            present: None,
            absent: Some("Marked done"),
        },
        Row {
            rule: "dropped is decided, even with a low confidence",
            facts: Facts {
                state: CommitmentState::Dropped,
                ..q3_open(latest(day(2026, 8, 14), 10, 1))
            },
            today: mid,
            expected: CommitmentStatus::Dropped,
            present: Some("Dropped"),
            absent: None,
        },
        Row {
            rule: "carried over is decided",
            facts: Facts {
                state: CommitmentState::CarriedOver,
                ..q3_open(healthy)
            },
            today: day(2026, 10, 2),
            expected: CommitmentStatus::CarriedOver,
            present: Some("Carried over"),
            absent: None,
        },
        Row {
            rule: "off track: the quarter ended and it is not done",
            facts: q3_open(latest(day(2026, 9, 29), 95, 9)),
            today: day(2026, 10, 1),
            expected: CommitmentStatus::OffTrack,
            present: Some("ended on 2026-09-30"),
            absent: None,
        },
        Row {
            rule: "off track does not fire on the quarter's last day",
            facts: q3_open(latest(day(2026, 9, 29), 95, 9)),
            today: day(2026, 9, 30),
            expected: CommitmentStatus::OnTrack,
            present: None,
            absent: Some("ended"),
        },
        Row {
            rule: "at risk: the latest confidence is 4 or lower",
            facts: q3_open(latest(day(2026, 8, 14), 50, 4)),
            today: mid,
            expected: CommitmentStatus::AtRisk,
            present: Some("confidence is 4 out of 10"),
            absent: None,
        },
        Row {
            rule: "a confidence of 5 is not low",
            facts: q3_open(latest(day(2026, 8, 14), 50, 5)),
            today: mid,
            expected: CommitmentStatus::OnTrack,
            present: None,
            absent: Some("confidence"),
        },
        Row {
            rule: "at risk: no check-in for more than four weeks (36 days)",
            facts: q3_open(latest(day(2026, 7, 10), 50, 8)),
            today: mid,
            expected: CommitmentStatus::AtRisk,
            present: Some("No check-in for 36 days"),
            absent: None,
        },
        Row {
            rule: "a check-in exactly four weeks ago is not quiet",
            facts: q3_open(latest(day(2026, 7, 18), 50, 8)),
            today: mid,
            expected: CommitmentStatus::OnTrack,
            present: None,
            absent: Some("No check-in"),
        },
        Row {
            rule: "at risk: never checked in, 29 days after it was made",
            facts: Facts {
                created_on: day(2026, 7, 17),
                ..q3_open(None)
            },
            // Progress 0 with 50 % gone lags too; this row shows the quiet rule firing.
            today: day(2026, 8, 15),
            expected: CommitmentStatus::AtRisk,
            present: Some("No check-in yet, 29 days in"),
            absent: None,
        },
        Row {
            rule: "a commitment made yesterday is not quiet, nor lagging early in the quarter",
            facts: Facts {
                created_on: day(2026, 7, 9),
                ..q3_open(None)
            },
            // 10 July: 10 of 92 days gone, 10 %; progress 0 trails by 10 points.
            today: day(2026, 7, 10),
            expected: CommitmentStatus::OnTrack,
            present: Some("no check-in yet"),
            absent: Some("No check-in"),
        },
        Row {
            rule: "at risk: progress 19 % with 50 % of the quarter gone trails by 31 points",
            facts: q3_open(latest(day(2026, 8, 14), 19, 8)),
            today: mid,
            expected: CommitmentStatus::AtRisk,
            present: Some("Progress is 19% with 50% of the quarter gone"),
            absent: None,
        },
        Row {
            rule: "progress 20 % with 50 % gone trails by exactly 30 points: not at risk",
            facts: q3_open(latest(day(2026, 8, 14), 20, 8)),
            today: mid,
            expected: CommitmentStatus::OnTrack,
            present: None,
            absent: Some("Progress is"),
        },
        Row {
            rule: "on track: none of the rules fire",
            facts: q3_open(healthy),
            today: mid,
            expected: CommitmentStatus::OnTrack,
            present: Some("Progress 50% with 50% of the quarter gone"),
            absent: None,
        },
    ];
    for row in rows {
        let derived = status::derive(&row.facts, row.today);
        let reasons = derived.reasons.join(" | ");
        assert_eq!(derived.status, row.expected, "{}: {reasons}", row.rule);
        if let Some(present) = row.present {
            assert!(
                reasons.contains(present),
                "{}: expected “{present}” in {reasons}",
                row.rule
            );
        }
        if let Some(absent) = row.absent {
            assert!(
                !reasons.contains(absent),
                "{}: “{absent}” must not be in {reasons}",
                row.rule
            );
        }
    }
    assert_eq!(
        status::elapsed_percent(day(2026, 7, 1), day(2026, 9, 30), mid),
        50
    );
    assert_eq!(
        status::elapsed_percent(day(2026, 7, 1), day(2026, 9, 30), day(2026, 6, 1)),
        0
    );
    assert_eq!(
        status::elapsed_percent(day(2026, 7, 1), day(2026, 9, 30), day(2026, 12, 1)),
        100
    );
}

fn input(w: &World, title: &str, quarter: &str, pain_points: Vec<Id>) -> CommitmentInput {
    CommitmentInput {
        title: title.into(),
        owner_id: Some(w.ada),
        quarter: quarter.into(),
        goal_id: None,
        pain_point_ids: pain_points,
    }
}

fn create(w: &World, input: &CommitmentInput) -> Commitment {
    w.db.write(|tx| commitments::create(tx, input, now()))
        .unwrap()
}

fn count(w: &World, table: &str) -> i64 {
    w.db.read(|c| Ok(c.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?))
        .unwrap()
}

fn check(progress: i64, confidence: i64, on: NaiveDate) -> CheckInInput {
    CheckInInput {
        checked_on: on,
        progress,
        confidence,
        note: "Runner pool doubled".into(),
    }
}

fn validation_field(error: Error) -> (&'static str, String) {
    match error {
        Error::Validation { field, message } => (field, message),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

#[test]
fn bad_commitments_and_check_ins_are_refused_clearly_and_write_nothing() {
    let w = world();
    let no_owner = CommitmentInput {
        owner_id: None,
        ..input(&w, "Halve CI queue time", "2026-Q4", vec![])
    };
    let (field, message) = validation_field(
        w.db.write(|tx| commitments::create(tx, &no_owner, now()))
            .unwrap_err(),
    );
    assert_eq!(field, "ownerId");
    assert!(message.contains("owner"), "{message}");
    let fifth = input(&w, "Halve CI queue time", "2026-Q5", vec![]);
    let (field, message) = validation_field(
        w.db.write(|tx| commitments::create(tx, &fifth, now()))
            .unwrap_err(),
    );
    assert_eq!(field, "quarter");
    assert!(message.contains("Q1 to Q4"), "{message}");
    assert_eq!(count(&w, "commitments"), 0, "nothing was written");

    let c = create(&w, &input(&w, "Halve CI queue time", "2026-Q4", vec![]));
    for (progress, confidence, field, value) in [
        (140, 7, "progress", "140"),
        (-1, 7, "progress", "-1"),
        (50, 0, "confidence", "0"),
        (50, 11, "confidence", "11"),
    ] {
        let bad = check(progress, confidence, day(2026, 11, 19));
        let (f, message) = validation_field(
            w.db.write(|tx| check_ins::check_in(tx, c.id, &bad, Some(w.ada), now()))
                .unwrap_err(),
        );
        assert_eq!(f, field, "{message}");
        assert!(
            message.contains(value) && message.contains("runs from"),
            "{message}"
        );
    }
    let future = check(50, 7, day(2026, 11, 21));
    let (f, _) = validation_field(
        w.db.write(|tx| check_ins::check_in(tx, c.id, &future, None, now()))
            .unwrap_err(),
    );
    assert_eq!(f, "checkedOn");
    assert_eq!(count(&w, "check_ins"), 0, "no check-in was written");
}

#[test]
fn check_ins_move_the_derived_status_and_the_latest_one_counts() {
    let w = world();
    // Made on 1 October would be fairer, but `now` is 20 November: 51 of 92 days, 55 % gone.
    let c = create(&w, &input(&w, "Halve CI queue time", "2026-Q4", vec![]));
    assert_eq!(
        c.status.status,
        CommitmentStatus::AtRisk,
        "progress 0 with 55 % gone lags: {:?}",
        c.status
    );
    assert_eq!(c.quarter.label, "2026 Q4");
    assert_eq!(c.team_id, Some(w.team), "the team is the owner's");

    let later = now() + Duration::minutes(1);
    let on_track =
        w.db.write(|tx| {
            check_ins::check_in(
                tx,
                c.id,
                &check(50, 8, day(2026, 11, 19)),
                Some(w.ada),
                later,
            )
        })
        .unwrap();
    assert_eq!(
        on_track.status.status,
        CommitmentStatus::OnTrack,
        "{:?}",
        on_track.status
    );
    assert_eq!(
        (on_track.progress, on_track.confidence),
        (Some(50), Some(8))
    );

    let worried =
        w.db.write(|tx| {
            check_ins::check_in(
                tx,
                c.id,
                &check(55, 3, day(2026, 11, 20)),
                None,
                later + Duration::minutes(1),
            )
        })
        .unwrap();
    assert_eq!(
        worried.status.status,
        CommitmentStatus::AtRisk,
        "confidence 3 is low"
    );
    let page =
        w.db.read(|conn| board::page(conn, c.id, now().date_naive()))
            .unwrap();
    assert_eq!(page.check_ins.len(), 2);
    assert_eq!(page.check_ins[0].confidence, 3, "latest first");
    assert_eq!(page.check_ins[1].created_by_name.as_deref(), Some("Ada"));
    assert!(
        !page.rules.is_empty(),
        "the page carries the rules in words"
    );

    let after_quarter = day(2027, 1, 2);
    let ended =
        w.db.read(|conn| commitments::get(conn, c.id, after_quarter))
            .unwrap();
    assert_eq!(
        ended.status.status,
        CommitmentStatus::OffTrack,
        "the quarter ended and it is not done"
    );
}

#[test]
fn marking_done_offers_its_pain_points_and_their_history_says_why() {
    let w = world();
    let slow = pain_point(&w, "CI queue is slow on Mondays", 4);
    let flaky = pain_point(&w, "Flaky integration tests", 3);
    let already = pain_point(&w, "Runner images are stale", 2);
    w.db.write(|tx| {
        pain_points::set_status(tx, already, pain_points::Status::Addressed, None, now())
    })
    .unwrap();
    let c = create(
        &w,
        &input(
            &w,
            "Halve CI queue time",
            "2026-Q4",
            vec![slow, flaky, already, slow],
        ),
    );
    assert_eq!(c.pain_points.len(), 3, "a pain point is linked once");

    let dropped_without_reason =
        w.db.write(|tx| decisions::set_state(tx, c.id, CommitmentState::Dropped, " ", None, now()));
    assert_eq!(
        validation_field(dropped_without_reason.unwrap_err()).0,
        "note"
    );

    let early =
        w.db.write(|tx| decisions::address_pain_points(tx, c.id, &[slow], None, now()));
    assert_eq!(
        validation_field(early.unwrap_err()).0,
        "commitmentId",
        "not done yet"
    );

    let done =
        w.db.write(|tx| {
            decisions::set_state(
                tx,
                c.id,
                CommitmentState::Done,
                "Queue p50 is 9 minutes",
                Some(w.ada),
                now(),
            )
        })
        .unwrap();
    assert_eq!(done.commitment.status.status, CommitmentStatus::Done);
    let offered: Vec<&str> = done
        .pain_points_to_address
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(
        offered,
        ["CI queue is slow on Mondays", "Flaky integration tests"],
        "not the addressed one"
    );

    // The user confirms only one of them.
    let left =
        w.db.write(|tx| decisions::address_pain_points(tx, c.id, &[slow], Some(w.ada), now()))
            .unwrap();
    assert_eq!(left.len(), 1, "the flaky tests stay to address");
    let pain =
        w.db.read(|conn| pain_points::get(conn, slow, now().date_naive()))
            .unwrap();
    assert_eq!(pain.status, pain_points::Status::Addressed);
    let change = pain.history.last().expect("the change is recorded");
    assert_eq!(
        change.commitment_id,
        Some(c.id),
        "the history names the commitment"
    );
    assert!(
        change.note.contains("Halve CI queue time"),
        "{}",
        change.note
    );
    let untouched =
        w.db.read(|conn| pain_points::get(conn, flaky, now().date_naive()))
            .unwrap();
    assert_eq!(
        untouched.status,
        pain_points::Status::New,
        "unconfirmed pain points stay as they were"
    );

    let stranger = pain_point(&w, "Not linked", 1);
    let refused =
        w.db.write(|tx| decisions::address_pain_points(tx, c.id, &[slow, stranger], None, now()));
    assert_eq!(validation_field(refused.unwrap_err()).0, "painPointIds");

    let history = w.db.read(|conn| decisions::history(conn, c.id)).unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(
        (history[0].from, history[0].to),
        (CommitmentState::Open, CommitmentState::Done)
    );
    assert_eq!(history[0].decided_by_name.as_deref(), Some("Ada"));
}

#[test]
fn closing_a_quarter_carries_over_or_drops_each_open_commitment_and_nothing_disappears() {
    let w = world();
    let grace = person(&w, "Grace");
    let slow = pain_point(&w, "CI queue is slow on Mondays", 4);
    let q3 = Quarter::parse("2026-Q3", FiscalYearStart::CALENDAR, "quarter").unwrap();
    let carry = create(&w, &input(&w, "Halve CI queue time", "2026-Q3", vec![slow]));
    let drop = create(
        &w,
        &CommitmentInput {
            owner_id: Some(grace),
            ..input(&w, "Self-serve Postgres upgrades", "2026-Q3", vec![])
        },
    );
    let finished = create(&w, &input(&w, "Publish the runner SLO", "2026-Q3", vec![]));
    w.db.write(|tx| decisions::set_state(tx, finished.id, CommitmentState::Done, "", None, now()))
        .unwrap();
    let elsewhere = create(&w, &input(&w, "Next quarter's work", "2026-Q4", vec![]));

    let walk =
        w.db.read(|conn| decisions::open_in_quarter(conn, q3, now().date_naive()))
            .unwrap();
    let titles: Vec<&str> = walk.iter().map(|c| c.title.as_str()).collect();
    assert_eq!(
        titles,
        ["Halve CI queue time", "Self-serve Postgres upgrades"],
        "only the open ones of Q3"
    );
    assert!(
        walk.iter()
            .all(|c| c.status.status == CommitmentStatus::OffTrack),
        "Q3 ended before 20 November"
    );

    let carry_only = [CloseDecision {
        commitment_id: carry.id,
        action: CloseAction::CarryOver,
    }];
    let undecided =
        w.db.write(|tx| decisions::close_quarter(tx, q3, &carry_only, None, now()));
    let (field, message) = validation_field(undecided.unwrap_err());
    assert_eq!(field, "decisions");
    assert!(
        message.contains("Self-serve Postgres upgrades"),
        "{message}"
    );
    let no_reason = [
        carry_only[0].clone(),
        CloseDecision {
            commitment_id: drop.id,
            action: CloseAction::Drop {
                reason: "  ".into(),
            },
        },
    ];
    let refused =
        w.db.write(|tx| decisions::close_quarter(tx, q3, &no_reason, None, now()));
    assert_eq!(validation_field(refused.unwrap_err()).0, "reason");
    let not_open = [CloseDecision {
        commitment_id: elsewhere.id,
        action: CloseAction::CarryOver,
    }];
    let wrong =
        w.db.write(|tx| decisions::close_quarter(tx, q3, &not_open, None, now()));
    assert_eq!(validation_field(wrong.unwrap_err()).0, "decisions");
    assert_eq!(
        count(&w, "commitments"),
        4,
        "a refused close writes nothing"
    );
    assert_eq!(count(&w, "commitment_decisions"), 1);

    let decided = [
        carry_only[0].clone(),
        CloseDecision {
            commitment_id: drop.id,
            action: CloseAction::Drop {
                reason: "Postgres 17 slipped to next year".into(),
            },
        },
    ];
    let closed =
        w.db.write(|tx| decisions::close_quarter(tx, q3, &decided, Some(w.ada), now()))
            .unwrap();
    assert_eq!(closed.decided.len(), 2);
    let successor = &closed.carried_into[0];
    assert_eq!(successor.quarter.label, "2026 Q4");
    assert_eq!(successor.carried_from, Some(carry.id));
    assert_eq!(successor.state, CommitmentState::Open);
    assert_eq!(successor.owner_id, Some(w.ada));
    assert_eq!(successor.pain_points.len(), 1, "the pain points come along");

    let old =
        w.db.read(|conn| board::page(conn, carry.id, now().date_naive()))
            .unwrap();
    assert_eq!(
        old.commitment.status.status,
        CommitmentStatus::CarriedOver,
        "it stays in Q3, carried over"
    );
    assert_eq!(old.carried_into, Some(successor.id));
    assert!(
        old.decisions[0].note.contains("2026 Q4"),
        "{}",
        old.decisions[0].note
    );
    let dropped =
        w.db.read(|conn| board::page(conn, drop.id, now().date_naive()))
            .unwrap();
    assert_eq!(dropped.commitment.state, CommitmentState::Dropped);
    assert!(
        dropped.decisions[0].note.contains("slipped"),
        "the reason is kept"
    );

    let q3_board =
        w.db.read(|conn| board::board(conn, q3, now().date_naive()))
            .unwrap();
    assert_eq!(q3_board.total, 3, "nothing left Q3");
    let column = |status: CommitmentStatus| {
        q3_board
            .columns
            .iter()
            .find(|c| c.status == status)
            .map(|c| c.commitments.len())
            .unwrap()
    };
    assert_eq!(
        (
            column(CommitmentStatus::CarriedOver),
            column(CommitmentStatus::Dropped),
            column(CommitmentStatus::Done)
        ),
        (1, 1, 1)
    );
    let q4 = q3.next();
    let q4_board =
        w.db.read(|conn| board::board(conn, q4, now().date_naive()))
            .unwrap();
    assert_eq!(
        q4_board.total, 2,
        "the successor joined Q4's own commitment"
    );
    assert_eq!(q4_board.rules.len(), status::RULES.len());

    let loads =
        w.db.read(|conn| board::by_owner(conn, q3, now().date_naive()))
            .unwrap();
    let names: Vec<_> = loads
        .iter()
        .map(|l| (l.owner_name.as_deref(), l.commitments.len(), l.open))
        .collect();
    assert_eq!(names, [(Some("Ada"), 2, 0), (Some("Grace"), 1, 0)]);
    let q4_loads =
        w.db.read(|conn| board::by_owner(conn, q4, now().date_naive()))
            .unwrap();
    assert_eq!(
        (q4_loads[0].open, q4_loads[0].commitments.len()),
        (2, 2),
        "Ada carries two in Q4"
    );

    let reopen =
        w.db.write(|tx| decisions::set_state(tx, carry.id, CommitmentState::Open, "", None, now()));
    assert_eq!(
        validation_field(reopen.unwrap_err()).0,
        "state",
        "the successor is the open one"
    );
}

#[test]
fn an_action_item_becomes_a_commitment_and_is_marked_done_with_where_it_went() {
    let w = world();
    let item =
        w.db.write(|tx| {
            let input = ActionItemInput {
                title: "Shadow Payments on-call".into(),
                team_id: w.team,
                owner_id: w.ada,
                due_on: day(2026, 12, 1),
            };
            action_items::create(tx, &input, now())
        })
        .unwrap();
    let c =
        w.db.write(|tx| decisions::from_action_item(tx, item.id, "2027-Q1", None, now()))
            .unwrap();
    assert_eq!(
        (c.title.as_str(), c.owner_id, c.action_item_id),
        ("Shadow Payments on-call", Some(w.ada), Some(item.id))
    );
    assert_eq!(c.quarter_code, "2027-Q1");
    let item = w.db.read(|conn| action_items::get(conn, item.id)).unwrap();
    assert_eq!(item.status, ActionStatus::Done, "it left the carry-over");
    assert!(item.last_update.unwrap().note.contains("2027 Q1"));
    let again =
        w.db.write(|tx| decisions::from_action_item(tx, item.id, "2027-Q1", None, now()));
    assert_eq!(
        validation_field(again.unwrap_err()).0,
        "actionItemId",
        "only once"
    );
}

#[test]
fn a_trashed_commitment_leaves_the_board_and_comes_back_with_its_check_ins() {
    let w = world();
    let c = create(&w, &input(&w, "Halve CI queue time", "2026-Q4", vec![]));
    w.db.write(|tx| check_ins::check_in(tx, c.id, &check(40, 7, day(2026, 11, 18)), None, now()))
        .unwrap();
    let q4 = Quarter::containing(now().date_naive(), FiscalYearStart::CALENDAR);
    w.db.write(|tx| trash::move_to_trash(tx, EntityKind::Commitment, c.id, now()))
        .unwrap();
    let empty =
        w.db.read(|conn| board::board(conn, q4, now().date_naive()))
            .unwrap();
    assert_eq!(empty.total, 0);
    assert!(
        w.db.read(|conn| commitments::get(conn, c.id, now().date_naive()))
            .is_err()
    );
    w.db.write(|tx| trash::restore(tx, EntityKind::Commitment, c.id, now()))
        .unwrap();
    let back =
        w.db.read(|conn| board::page(conn, c.id, now().date_naive()))
            .unwrap();
    assert_eq!(back.check_ins.len(), 1, "its check-ins came back with it");
}

#[test]
fn a_commitments_quarter_follows_the_fiscal_year_start() {
    let w = world();
    let c = create(&w, &input(&w, "Halve CI queue time", "2026-Q4", vec![]));
    w.db.write(|tx| outward_core::settings::set_fiscal_year_start(tx, 7).map(|_| ()))
        .unwrap();
    let moved =
        w.db.read(|conn| commitments::get(conn, c.id, now().date_naive()))
            .unwrap();
    // October 2026 starts fiscal 2027's second quarter when the year starts in July.
    assert_eq!(moved.quarter.label, "2027 Q2");
    let fiscal = Quarter::parse("2027-Q2", FiscalYearStart::new(7).unwrap(), "quarter").unwrap();
    let board =
        w.db.read(|conn| board::board(conn, fiscal, now().date_naive()))
            .unwrap();
    assert_eq!(board.total, 1);
}

/// The example's commitments over its four quarters, loaded on `today` (at 10:00).
fn example_on(today: NaiveDate) -> (tempfile::TempDir, outward_core::db::Database, Quarter) {
    let (dir, db) = crate::fixtures::database();
    let at = today.and_hms_opt(10, 0, 0).unwrap().and_utc();
    db.write(|tx| outward_core::workspace::load_example(tx, at))
        .unwrap();
    (
        dir,
        db,
        Quarter::containing(today, FiscalYearStart::default()),
    )
}

#[test]
fn the_example_holds_four_quarters_of_commitments_checked_in_on_and_decided() {
    for today in [now().date_naive(), day(2027, 1, 1), day(2026, 9, 30)] {
        let (_dir, db, current) = example_on(today);
        let mut quarter = current.previous().previous().previous();
        for closed in 0..3 {
            let b = db.read(|c| board::board(c, quarter, today)).unwrap();
            let all: Vec<&Commitment> = b.columns.iter().flat_map(|c| &c.commitments).collect();
            assert!(!all.is_empty(), "{quarter} holds commitments (on {today})");
            assert!(
                all.iter().all(|c| c.progress.is_some()),
                "every commitment of {quarter} was checked in on"
            );
            assert!(
                all.iter().all(|c| !matches!(
                    c.status.status,
                    CommitmentStatus::OnTrack
                        | CommitmentStatus::AtRisk
                        | CommitmentStatus::OffTrack
                )),
                "{quarter} was closed: every commitment was decided, none left open: {all:?}"
            );
            assert!(
                db.read(|c| decisions::open_in_quarter(c, quarter, today))
                    .unwrap()
                    .is_empty()
            );
            // The guide and the golden path were carried over; the template was dropped.
            let expected = if closed == 1 {
                CommitmentStatus::Dropped
            } else {
                CommitmentStatus::CarriedOver
            };
            assert!(
                all.iter().any(|c| c.status.status == expected),
                "{quarter} has one {expected:?}: {all:?}"
            );
            assert!(
                all.iter()
                    .any(|c| c.status.status == CommitmentStatus::Done),
                "{quarter} finished one"
            );
            quarter = quarter.next();
        }
        let b = db.read(|c| board::board(c, current, today)).unwrap();
        let column = |status| {
            b.columns
                .iter()
                .find(|c| c.status == status)
                .map_or(0, |c| c.commitments.len())
        };
        assert_eq!(
            b.total, 3,
            "three open in the quarter under way (on {today})"
        );
        assert_eq!(column(CommitmentStatus::AtRisk), 1, "one at risk: {b:?}");
        assert_eq!(column(CommitmentStatus::OnTrack), 2, "two on track: {b:?}");
        let at_risk = &b
            .columns
            .iter()
            .find(|c| c.status == CommitmentStatus::AtRisk)
            .unwrap()
            .commitments[0];
        assert!(
            at_risk
                .status
                .reasons
                .iter()
                .any(|r| r.contains("confidence is 4 out of 10")),
            "{:?}",
            at_risk.status.reasons
        );
        let carried = b
            .columns
            .iter()
            .flat_map(|c| &c.commitments)
            .find(|c| c.carried_from.is_some())
            .expect("the golden path carried on from last quarter");
        assert_eq!(carried.title, "A golden path for new services");
        assert_eq!(carried.pain_points.len(), 1, "with its pain point");

        for goal in db.read(outward_core::goals::list).unwrap() {
            let aimed = db
                .read(|c| commitments::for_goal(c, goal.id, today))
                .unwrap();
            assert!(
                aimed.len() >= 3,
                "“{}” has commitments over the quarters: {}",
                goal.title,
                aimed.len()
            );
        }
    }
}
