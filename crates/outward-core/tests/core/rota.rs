//! The support rota: a fair plan around absences that seniors take turns in, recorded shifts
//! kept through a re-plan, coverage by level per quarter with the seniority warning, support
//! conversations, and clear refusals that leave nothing written.

use crate::fixtures::{World, day, now, world};
use chrono::NaiveDate;
use outward_core::entity::EntityKind;
use outward_core::error::Error;
use outward_core::id::Id;
use outward_core::people::{self, Level, PersonInput};
use outward_core::quarter::{FiscalYearStart, Quarter};
use outward_core::rota::{
    self, AbsenceInput, ConversationInput, PlanInput, ShiftInput, coverage, plan,
};
use outward_core::teams::{self, TeamInput};
use outward_core::trash;
use proptest::prelude::*;
use std::collections::HashMap;

fn field(err: &Error) -> &'static str {
    match err {
        Error::Validation { field, .. } => field,
        other => panic!("expected a validation error, got {other:?}"),
    }
}

fn member(w: &World, team: Id, name: &str, level: Level) -> Id {
    let input = PersonInput {
        team_id: team,
        name: name.into(),
        role: String::new(),
        level,
    };
    w.db.write(|tx| people::create(tx, &input, now()))
        .unwrap()
        .id
}

fn team(w: &World, name: &str) -> Id {
    let input = TeamInput {
        name: name.into(),
        description: String::new(),
    };
    w.db.write(|tx| teams::create(tx, &input, now()))
        .unwrap()
        .id
}

fn away(w: &World, person: Id, from: NaiveDate, to: NaiveDate) -> Result<rota::Absence, Error> {
    let input = AbsenceInput {
        person_id: person,
        starts_on: from,
        ends_on: to,
        reason: "Holiday".into(),
    };
    w.db.write(|tx| rota::add_absence(tx, &input, now()))
}

fn plan_weeks(w: &World, team: Id, from: NaiveDate, weeks: u32) -> Result<rota::Rota, Error> {
    let input = PlanInput {
        team_id: team,
        starts_on: from,
        weeks,
    };
    w.db.write(|tx| rota::plan(tx, &input, now()))
}

fn carriers(rota: &rota::Rota) -> Vec<String> {
    rota.weeks
        .iter()
        .map(|week| {
            week.done_by
                .as_ref()
                .or(week.planned.as_ref())
                .map_or("-".to_owned(), |p| p.name.clone())
        })
        .collect()
}

fn quarter(text: &str) -> Quarter {
    Quarter::parse(text, FiscalYearStart::CALENDAR, "quarter").unwrap()
}

#[test]
fn a_plan_takes_turns_around_absences_and_is_kept() {
    let w = world();
    let ben = member(&w, w.team, "Ben", Level::Junior);
    member(&w, w.team, "Cleo", Level::Mid);
    // Ben is away on the Wednesday of the second week: someone else takes it.
    away(&w, ben, day(2027, 1, 13), day(2027, 1, 13)).unwrap();
    let planned = plan_weeks(&w, w.team, day(2027, 1, 6), 6).unwrap();
    assert_eq!(
        planned.weeks[0].week_of,
        day(2027, 1, 4),
        "weeks start on Mondays"
    );
    assert_eq!(
        carriers(&planned),
        ["Ada", "Cleo", "Ben", "Ada", "Cleo", "Ben"],
        "in name order, Ben skipped in the week he is away and taking a turn after"
    );
    assert_eq!(planned.weeks[1].away, ["Ben"]);
    let kept =
        w.db.read(|conn| rota::view(conn, w.team, day(2027, 1, 4), 6))
            .unwrap();
    assert_eq!(kept, planned);
    assert!(kept.people.iter().all(|turns| turns.weeks == 2));
}

#[test]
fn a_recorded_shift_is_kept_through_a_re_plan_and_counts_as_a_turn() {
    let w = world();
    let ben = member(&w, w.team, "Ben", Level::Mid);
    plan_weeks(&w, w.team, day(2027, 1, 4), 4).unwrap();
    // Ben swapped in for Ada in the first week.
    let shift = ShiftInput {
        team_id: w.team,
        week_of: day(2027, 1, 6),
        person_id: ben,
    };
    let week =
        w.db.write(|tx| rota::record_shift(tx, &shift, now()))
            .unwrap();
    assert_eq!(week.week_of, day(2027, 1, 4));
    assert_eq!(week.planned.as_ref().unwrap().name, "Ada");
    assert_eq!(week.done_by.as_ref().unwrap().name, "Ben");
    let replanned = plan_weeks(&w, w.team, day(2027, 1, 4), 4).unwrap();
    assert_eq!(carriers(&replanned), ["Ben", "Ada", "Ben", "Ada"]);
    assert_eq!(replanned.weeks[0].done_by.as_ref().unwrap().name, "Ben");
    // Planning on from the fifth week starts with whoever went longest without a turn.
    let next = plan_weeks(&w, w.team, day(2027, 2, 1), 2).unwrap();
    assert_eq!(carriers(&next), ["Ben", "Ada"]);
}

#[test]
fn a_week_with_nobody_available_is_named_and_nothing_is_written() {
    let w = world();
    let ben = member(&w, w.team, "Ben", Level::Mid);
    away(&w, w.ada, day(2027, 1, 11), day(2027, 1, 22)).unwrap();
    away(&w, ben, day(2027, 1, 15), day(2027, 1, 15)).unwrap();
    let err = plan_weeks(&w, w.team, day(2027, 1, 4), 8).unwrap_err();
    assert_eq!(field(&err), "weeks");
    let message = err.to_string();
    assert!(message.contains("11 January 2027"), "{message}");
    assert!(message.contains("Platform"), "{message}");
    let view =
        w.db.read(|conn| rota::view(conn, w.team, day(2027, 1, 4), 8))
            .unwrap();
    assert!(
        view.weeks.iter().all(|week| week.id.is_none()),
        "nothing stored"
    );
}

#[test]
fn bad_input_is_refused_naming_the_field() {
    let w = world();
    let err = away(&w, w.ada, day(2027, 1, 10), day(2027, 1, 9)).unwrap_err();
    assert_eq!(field(&err), "endsOn");
    assert!(err.to_string().contains("2027-01-09"), "{err}");
    let unknown = Id::at(now());
    assert_eq!(
        field(&away(&w, unknown, day(2027, 1, 1), day(2027, 1, 2)).unwrap_err()),
        "personId"
    );
    assert_eq!(
        field(&plan_weeks(&w, unknown, day(2027, 1, 4), 4).unwrap_err()),
        "teamId"
    );
    assert_eq!(
        field(&plan_weeks(&w, w.team, day(2027, 1, 4), 0).unwrap_err()),
        "weeks"
    );
    assert_eq!(
        field(&plan_weeks(&w, w.team, day(2027, 1, 4), 105).unwrap_err()),
        "weeks"
    );
    let empty = team(&w, "Data");
    let err = plan_weeks(&w, empty, day(2027, 1, 4), 4).unwrap_err();
    assert_eq!(field(&err), "teamId");
    assert!(err.to_string().contains("Data has nobody"), "{err}");
    let stranger = member(&w, empty, "Dee", Level::Senior);
    let shift = ShiftInput {
        team_id: w.team,
        week_of: day(2027, 1, 4),
        person_id: stranger,
    };
    let err =
        w.db.write(|tx| rota::record_shift(tx, &shift, now()))
            .unwrap_err();
    assert_eq!(field(&err), "personId");
    let shift = ShiftInput {
        person_id: unknown,
        ..shift
    };
    assert_eq!(
        field(
            &w.db
                .write(|tx| rota::record_shift(tx, &shift, now()))
                .unwrap_err()
        ),
        "personId"
    );
    let talk = |person_id, note: &str| ConversationInput {
        person_id,
        held_on: Some(day(2027, 1, 5)),
        customer_id: None,
        product_id: None,
        note: note.into(),
    };
    for (input, expected) in [
        (talk(w.ada, "  "), "note"),
        (talk(w.ada, &"x".repeat(rota::NOTE_MAX + 1)), "note"),
        (talk(unknown, "Asked about quotas"), "personId"),
        (
            ConversationInput {
                customer_id: Some(unknown),
                ..talk(w.ada, "Asked about quotas")
            },
            "customerId",
        ),
    ] {
        let err =
            w.db.write(|tx| rota::add_conversation(tx, &input, now()))
                .unwrap_err();
        assert_eq!(field(&err), expected);
    }
    let counts: (u32, u32, u32) =
        w.db.read(|conn| {
            Ok(conn.query_row(
                "SELECT (SELECT count(*) FROM rota_absences), (SELECT count(*) FROM support_weeks),
                        (SELECT count(*) FROM support_conversations)",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )?)
        })
        .unwrap();
    assert_eq!(counts, (0, 0, 0), "nothing stored by refused input");
}

#[test]
fn coverage_by_level_warns_when_support_falls_only_to_junior_and_mid_level() {
    let w = world();
    let ben = member(&w, w.team, "Ben", Level::Junior);
    // Ada (staff) is away all of the first quarter: Ben carries it alone.
    away(&w, w.ada, day(2027, 1, 1), day(2027, 3, 31)).unwrap();
    plan_weeks(&w, w.team, day(2027, 1, 4), 13).unwrap();
    plan_weeks(&w, w.team, day(2027, 4, 5), 13).unwrap();
    let q1 =
        w.db.read(|conn| coverage::of_quarter(conn, quarter("2027-Q1"), None))
            .unwrap();
    assert_eq!(q1.weeks, 13);
    assert_eq!(q1.senior_weeks, 0);
    assert_eq!(q1.by_level[0].level, Level::Junior);
    assert_eq!(q1.by_level[0].weeks, 13);
    assert_eq!(q1.junior_only_teams, ["Platform"]);
    let warning = q1.warning.unwrap();
    assert!(
        warning.contains("2027 Q1") && warning.contains("Platform"),
        "{warning}"
    );
    assert!(
        warning.contains("only to junior and mid-level"),
        "{warning}"
    );
    let q2 =
        w.db.read(|conn| coverage::of_quarter(conn, quarter("2027-Q2"), Some(w.team)))
            .unwrap();
    assert_eq!(q2.warning, None);
    let staff = q2
        .by_level
        .iter()
        .find(|l| l.level == Level::Staff)
        .unwrap();
    assert_eq!((staff.weeks, q2.weeks), (7, 13));
    // A recorded shift counts for who did it.
    let shift = ShiftInput {
        team_id: w.team,
        week_of: day(2027, 4, 5),
        person_id: ben,
    };
    w.db.write(|tx| rota::record_shift(tx, &shift, now()))
        .unwrap();
    let q2 =
        w.db.read(|conn| coverage::of_quarter(conn, quarter("2027-Q2"), None))
            .unwrap();
    assert_eq!(q2.senior_weeks, 6);
    let both =
        w.db.read(|conn| coverage::quarters(conn, day(2027, 5, 1), 2, Some(w.team)))
            .unwrap();
    assert_eq!(both[0].quarter.key, "2027-Q1");
    assert!(both[0].warning.is_some() && both[1].warning.is_none());
    let named =
        w.db.read(|conn| coverage::quarters_until(conn, Some("2027-Q1"), day(2030, 1, 1), 1, None))
            .unwrap();
    assert_eq!(named[0].quarter.key, "2027-Q1");
    assert!(named[0].warning.is_some());
    let err =
        w.db.read(|conn| coverage::quarters_until(conn, Some("spring"), day(2030, 1, 1), 1, None))
            .unwrap_err();
    assert_eq!(field(&err), "until");
}

#[test]
fn homes_request_for_this_quarter_carries_the_senior_weeks_the_core_counted() {
    let w = world();
    member(&w, w.team, "Ben", Level::Junior);
    member(&w, w.team, "Cleo", Level::Mid);
    member(&w, w.team, "Dev", Level::Senior);
    member(&w, w.team, "Eve", Level::Principal);
    // Ten weeks in name order: Ada, Ben, Cleo, Dev, Eve, twice.
    plan_weeks(&w, w.team, day(2027, 1, 4), 10).unwrap();
    // What Home's tile asks for: one quarter, the one holding today, of every team.
    let home =
        w.db.read(|conn| coverage::quarters_until(conn, None, day(2027, 2, 1), 1, None))
            .unwrap();
    let reply = serde_json::to_value(&home).unwrap();
    assert_eq!(reply[0]["quarter"]["key"], "2027-Q1");
    assert_eq!(
        (reply[0]["seniorWeeks"].as_u64(), reply[0]["weeks"].as_u64()),
        (Some(6), Some(10)),
        "Ada (staff), Dev (senior) and Eve (principal) took two weeks each; Ben and Cleo's \
         junior and mid-level weeks do not count"
    );
}

#[test]
fn conversations_are_logged_newest_first_and_go_to_the_trash() {
    let w = world();
    let other = team(&w, "Data");
    let dee = member(&w, other, "Dee", Level::Senior);
    let talk = |person_id, held_on, note: &str| ConversationInput {
        person_id,
        held_on: Some(held_on),
        customer_id: Some(w.payments),
        product_id: None,
        note: note.into(),
    };
    let first =
        w.db.write(|tx| {
            rota::add_conversation(tx, &talk(w.ada, day(2027, 1, 5), "Quota limits"), now())
        })
        .unwrap();
    assert_eq!(first.customer_name.as_deref(), Some("Payments"));
    w.db.write(|tx| {
        rota::add_conversation(tx, &talk(w.ada, day(2027, 1, 7), " Deploy keys "), now())
    })
    .unwrap();
    w.db.write(|tx| rota::add_conversation(tx, &talk(dee, day(2027, 1, 8), "Backfill"), now()))
        .unwrap();
    let ours =
        w.db.read(|conn| rota::conversations(conn, Some(w.team), 10))
            .unwrap();
    let notes: Vec<&str> = ours.iter().map(|c| c.note.as_str()).collect();
    assert_eq!(notes, ["Deploy keys", "Quota limits"]);
    assert_eq!(
        w.db.read(|conn| rota::conversations(conn, None, 10))
            .unwrap()
            .len(),
        3
    );
    w.db.write(|tx| trash::move_to_trash(tx, EntityKind::SupportConversation, first.id, now()))
        .unwrap();
    assert_eq!(
        w.db.read(|conn| rota::conversations(conn, Some(w.team), 10))
            .unwrap()
            .len(),
        1
    );
    let listed = w.db.read(trash::list).unwrap();
    assert!(
        listed
            .items
            .iter()
            .any(|item| item.name.contains("Quota limits")),
        "{listed:?}"
    );
}

#[test]
fn writes_announce_the_rota_kinds() {
    let w = world();
    w.db.take_changes();
    away(&w, w.ada, day(2027, 1, 4), day(2027, 1, 5)).unwrap();
    assert!(
        w.db.take_changes()
            .unwrap()
            .kinds
            .contains(&EntityKind::Absence)
    );
    member(&w, w.team, "Ben", Level::Mid);
    w.db.take_changes();
    plan_weeks(&w, w.team, day(2027, 1, 4), 2).unwrap();
    assert!(
        w.db.take_changes()
            .unwrap()
            .kinds
            .contains(&EntityKind::SupportWeek)
    );
}

/// A random team: levels, and a few absences each within the year.
fn any_team() -> impl Strategy<Value = Vec<(Level, Vec<(u32, u32)>)>> {
    let level = prop::sample::select(Level::ALL.to_vec());
    // An absence: its first day in the year and how many days it lasts.
    let absence = (0_u32..360, 1_u32..15);
    prop::collection::vec((level, prop::collection::vec(absence, 0..3)), 2..9)
}

proptest! {
    // Each case plans a year into a real database file, so fewer of them.
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn over_a_year_nobody_carries_more_than_their_share_and_seniors_take_turns(
        members in any_team()
    ) {
        let w = world();
        let start = day(2027, 1, 4);
        // The world's Ada (staff) is on the team too, never away.
        let mut levels = HashMap::from([(w.ada, Level::Staff)]);
        for (i, (level, absences)) in members.iter().enumerate() {
            let id = member(&w, w.team, &format!("P{i}"), *level);
            levels.insert(id, *level);
            for &(from, days) in absences {
                let first = start + chrono::Days::new(u64::from(from));
                away(&w, id, first, first + chrono::Days::new(u64::from(days))).unwrap();
            }
        }
        let planned = plan_weeks(&w, w.team, start, 52).unwrap();
        // Each person's share: every week split evenly among those available in it.
        let candidates: Vec<plan::Candidate> = planned
            .people
            .iter()
            .map(|turns| plan::Candidate {
                id: turns.person.id,
                last_turn: None,
                away: planned
                    .absences
                    .iter()
                    .filter(|a| a.person_id == turns.person.id)
                    .map(|a| (a.starts_on, a.ends_on))
                    .collect(),
            })
            .collect();
        let mondays: Vec<NaiveDate> = planned.weeks.iter().map(|w| w.week_of).collect();
        let shares = plan::shares(&candidates, &mondays);
        prop_assert_eq!(planned.weeks.len(), 52);
        prop_assert_eq!(planned.people.iter().map(|t| t.weeks).sum::<u32>(), 52);
        for (turns, share) in planned.people.iter().zip(&shares) {
            prop_assert!(
                f64::from(turns.weeks) <= share + 1.0 + 1e-9,
                "{} carries {} weeks, share {share:.2}",
                turns.person.name,
                turns.weeks
            );
            if levels[&turns.person.id] > Level::Mid && *share >= 1.0 {
                prop_assert!(turns.weeks >= 1, "{} ({:?}) took no turn", turns.person.name, turns.person.level);
            }
        }
        for week in &planned.weeks {
            let carrier = week.planned.as_ref().unwrap();
            prop_assert!(!week.away.contains(&carrier.name), "{} is away in {}", carrier.name, week.week_of);
        }
    }
}
