//! Workshops against a real database file: planning with its checks and the facilitator rota,
//! with the shared setup; running it (the step state machine, per-step timing, the timer across
//! an app restart) is in `running`, the room's cards, groups and board in `room`, its votes and
//! ratings in `votes`.

pub mod room;
mod running;
mod votes;

use crate::fixtures::{World, day, now, world};
use chrono::{DateTime, Duration, Utc};
use outward_core::db::Database;
use outward_core::entity::EntityKind;
use outward_core::error::Error;
use outward_core::exercises::{self, ExerciseInput, Step, StepKind};
use outward_core::id::Id;
use outward_core::page::PageRequest;
use outward_core::people::{self, Level, PersonInput};
use outward_core::teams::{self, TeamInput};
use outward_core::trash;
use outward_core::workshops::{self, PlanInput, WorkshopFilter, WorkshopState, rota, run};

/// A team with Ada, Bo and Cy on it, Dee on another team, and an exercise of every kind of step
/// that matters to the room.
pub struct Room {
    pub w: World,
    pub bo: Id,
    pub cy: Id,
    pub dee: Id,
    pub exercise: String,
}

pub fn step(title: &str, kind: StepKind, minutes: u32) -> Step {
    Step {
        title: title.into(),
        kind,
        timebox_seconds: minutes * 60,
        prompt: format!("{title}: the prompt"),
        script: format!("{title}: what to say"),
        dimensions: if kind == StepKind::Rating {
            vec!["Customers".into(), "Usability".into()]
        } else {
            Vec::new()
        },
        votes_per_person: 3,
        max_votes_per_item: 2,
    }
}

/// Positions of the exercise's steps.
pub const WRITING: u32 = 1;
pub const GROUPING: u32 = 3;
pub const VOTING: u32 = 4;
pub const RATING: u32 = 5;

pub fn steps() -> Vec<Step> {
    vec![
        step("Welcome", StepKind::Brief, 1),
        step("Write", StepKind::SilentWriting, 5),
        step("Reveal", StepKind::Reveal, 2),
        step("Group", StepKind::Grouping, 5),
        step("Vote", StepKind::DotVoting, 3),
        step("Rate", StepKind::Rating, 4),
        step("Decide", StepKind::Decision, 10),
    ]
}

pub fn person(db: &Database, team: Id, name: &str) -> Id {
    let input = PersonInput {
        team_id: team,
        name: name.into(),
        role: String::new(),
        level: Level::Mid,
    };
    db.write(|tx| people::create(tx, &input, now())).unwrap().id
}

pub fn room() -> Room {
    let w = world();
    let bo = person(&w.db, w.team, "Bo");
    let cy = person(&w.db, w.team, "Cy");
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
    let dee = person(&w.db, other, "Dee");
    let exercise =
        w.db.write(|tx| {
            let copy = exercises::duplicate(tx, "wins-and-kudos", now())?;
            let input = ExerciseInput {
                name: "Retro".into(),
                purpose: String::new(),
                idea: String::new(),
                steps: steps(),
            };
            exercises::save(tx, &copy.id, &input, now())
        })
        .unwrap()
        .id;
    Room {
        w,
        bo,
        cy,
        dee,
        exercise,
    }
}

impl Room {
    pub fn plan_input(&self) -> PlanInput {
        PlanInput {
            exercise_id: self.exercise.clone(),
            team_id: self.w.team,
            held_on: day(2026, 11, 20),
            starts_at: "09:30".into(),
            facilitator_id: self.w.ada,
            participant_ids: vec![self.w.ada, self.bo, self.cy],
        }
    }

    pub fn plan(&self) -> Id {
        self.w
            .db
            .write(|tx| workshops::plan(tx, &self.plan_input(), now()))
            .unwrap()
            .id
    }

    /// A planned workshop, started at `now()`.
    pub fn started(&self) -> Id {
        let id = self.plan();
        self.w.db.write(|tx| run::start(tx, id, now())).unwrap();
        id
    }

    /// A started workshop moved on to step `step` at `now()`.
    pub fn at_step(&self, step: u32) -> Id {
        let id = self.started();
        self.w
            .db
            .write(|tx| run::go_to(tx, id, step, now()))
            .unwrap();
        id
    }

    pub fn get(&self, id: Id, at: DateTime<Utc>) -> workshops::Workshop {
        self.w.db.read(|c| workshops::get(c, id, at)).unwrap()
    }

    pub fn count(&self) -> u32 {
        self.w
            .db
            .read(|c| workshops::list(c, &WorkshopFilter::default(), PageRequest::default()))
            .unwrap()
            .total
    }
}

pub fn secs(n: i64) -> DateTime<Utc> {
    now() + Duration::seconds(n)
}

/// The message of a refusal, after checking it is the expected kind.
pub fn message(result: Result<impl std::fmt::Debug, Error>) -> String {
    let error = result.expect_err("refused");
    assert!(
        matches!(error, Error::Validation { .. } | Error::Conflict { .. }),
        "a refusal people can act on, not {error:?}"
    );
    error.to_string()
}

#[test]
fn planning_copies_the_steps_so_a_later_edit_of_the_exercise_changes_nothing_planned() {
    let r = room();
    let id = r.plan();
    let mut edited = steps();
    edited[0].title = "Changed later".into();
    edited.truncate(2);
    r.w.db
        .write(|tx| {
            let input = ExerciseInput {
                name: "Retro v2".into(),
                purpose: String::new(),
                idea: String::new(),
                steps: edited.clone(),
            };
            exercises::save(tx, &r.exercise, &input, now())
        })
        .unwrap();
    let workshop = r.get(id, now());
    assert_eq!(
        workshop.title, "Retro",
        "the exercise's name as it was when planned"
    );
    assert_eq!(workshop.steps.len(), 7, "every step as planned");
    assert_eq!(workshop.steps[0].title, "Welcome");
    assert_eq!(workshop.state, WorkshopState::Planned);
    let agenda: Vec<&str> = workshop
        .steps
        .iter()
        .map(|s| s.planned_start.as_str())
        .collect();
    assert_eq!(
        agenda,
        [
            "09:30", "09:31", "09:36", "09:38", "09:43", "09:46", "09:50"
        ],
        "each step starts when the one before ends its timebox"
    );
}

#[test]
fn a_facilitator_from_another_team_is_refused_and_nothing_is_stored() {
    let r = room();
    let input = PlanInput {
        facilitator_id: r.dee,
        ..r.plan_input()
    };
    let refused = message(r.w.db.write(|tx| workshops::plan(tx, &input, now())));
    assert!(
        refused.contains("Dee is not on the team Platform"),
        "names who and which team: {refused}"
    );
    assert_eq!(r.count(), 0, "no workshop was stored");
}

#[test]
fn a_bad_start_time_or_unknown_exercise_is_refused_naming_the_field() {
    let r = room();
    let input = PlanInput {
        starts_at: "9.30".into(),
        ..r.plan_input()
    };
    let error =
        r.w.db
            .write(|tx| workshops::plan(tx, &input, now()))
            .unwrap_err();
    assert!(
        matches!(
            error,
            Error::Validation {
                field: "startsAt",
                ..
            }
        ),
        "{error:?}"
    );
    let input = PlanInput {
        exercise_id: "no-such-exercise".into(),
        ..r.plan_input()
    };
    let error =
        r.w.db
            .write(|tx| workshops::plan(tx, &input, now()))
            .unwrap_err();
    assert!(
        matches!(
            error,
            Error::Validation {
                field: "exerciseId",
                ..
            }
        ),
        "{error:?}"
    );
    assert_eq!(r.count(), 0);
}

#[test]
fn a_participant_deleted_meanwhile_stops_the_start_with_their_name() {
    let r = room();
    let id = r.plan();
    r.w.db
        .write(|tx| trash::move_to_trash(tx, EntityKind::Person, r.cy, now()))
        .unwrap();
    let refused = message(r.w.db.write(|tx| run::start(tx, id, now())));
    assert!(
        refused.contains("Cy") && refused.contains("Trash"),
        "{refused}"
    );
    assert_eq!(
        r.get(id, now()).state,
        WorkshopState::Planned,
        "the refused start changed nothing"
    );
    let input = r.plan_input();
    let refused = message(r.w.db.write(|tx| workshops::plan(tx, &input, now())));
    assert!(
        refused.contains("Cy"),
        "planning with them is refused too: {refused}"
    );
}

#[test]
fn the_rota_suggests_who_facilitated_least_recently_never_first_ties_by_name() {
    let r = room();
    let db = &r.w.db;
    let suggested = |db: &Database| {
        db.read(|c| rota::suggest_facilitator(c, r.w.team))
            .unwrap()
            .map(|e| e.name)
    };
    assert_eq!(
        suggested(db).as_deref(),
        Some("Ada"),
        "nobody facilitated: by name"
    );
    let plan = |facilitator: Id, held_on| {
        let input = PlanInput {
            facilitator_id: facilitator,
            held_on,
            ..r.plan_input()
        };
        db.write(|tx| workshops::plan(tx, &input, now())).unwrap();
    };
    plan(r.w.ada, day(2026, 3, 1));
    assert_eq!(
        suggested(db).as_deref(),
        Some("Bo"),
        "those who never did come first"
    );
    plan(r.cy, day(2026, 1, 1));
    plan(r.bo, day(2026, 6, 1));
    let order: Vec<(String, Option<chrono::NaiveDate>)> = db
        .read(|c| rota::rota(c, r.w.team))
        .unwrap()
        .into_iter()
        .map(|e| (e.name, e.last_facilitated_on))
        .collect();
    assert_eq!(
        order,
        [
            ("Cy".to_owned(), Some(day(2026, 1, 1))),
            ("Ada".to_owned(), Some(day(2026, 3, 1))),
            ("Bo".to_owned(), Some(day(2026, 6, 1))),
        ],
        "least recently first"
    );
}

#[test]
fn past_workshops_are_listed_a_page_at_a_time_newest_first() {
    let r = room();
    let db = &r.w.db;
    for d in 1..=5 {
        let input = PlanInput {
            held_on: day(2026, 10, d),
            ..r.plan_input()
        };
        db.write(|tx| workshops::plan(tx, &input, now())).unwrap();
    }
    let filter = WorkshopFilter {
        facilitator_id: Some(r.w.ada),
        ..Default::default()
    };
    let page = db
        .read(|c| {
            workshops::list(
                c,
                &filter,
                PageRequest {
                    offset: 1,
                    limit: 2,
                },
            )
        })
        .unwrap();
    assert_eq!(page.total, 5);
    let days: Vec<_> = page.items.iter().map(|w| w.held_on).collect();
    assert_eq!(days, [day(2026, 10, 4), day(2026, 10, 3)]);
    assert_eq!(page.items[0].facilitator_name.as_deref(), Some("Ada"));
    assert_eq!(page.items[0].participant_count, 3);
}
