//! Running a workshop: the step state machine, a second workshop refused while one runs, every
//! action refused once finished, time spent per step, and the timer across an app restart.

use super::{WRITING, message, room, secs};
use crate::fixtures::now;
use outward_core::db::Database;
use outward_core::error::Error;
use outward_core::workshops::{self, WorkshopState, run, timer};

#[test]
fn the_room_moves_step_by_step_between_the_first_and_the_last() {
    let r = room();
    let id = r.started();
    let workshop = r.get(id, now());
    assert_eq!(workshop.state, WorkshopState::Running);
    assert_eq!(
        workshop.current_step,
        Some(0),
        "a started workshop opens on its first step"
    );
    let refused = message(r.w.db.write(|tx| run::previous(tx, id, now())));
    assert!(refused.contains("first step"), "{refused}");
    r.w.db.write(|tx| run::next(tx, id, now())).unwrap();
    r.w.db.write(|tx| run::next(tx, id, now())).unwrap();
    r.w.db.write(|tx| run::previous(tx, id, now())).unwrap();
    assert_eq!(r.get(id, now()).current_step, Some(1));
    let error = r.w.db.write(|tx| run::go_to(tx, id, 7, now())).unwrap_err();
    assert!(
        matches!(error, Error::Validation { field: "step", .. }),
        "{error:?}"
    );
    r.w.db.write(|tx| run::go_to(tx, id, 6, now())).unwrap();
    let refused = message(r.w.db.write(|tx| run::next(tx, id, now())));
    assert!(refused.contains("last step"), "{refused}");
    r.w.db.write(|tx| run::finish(tx, id, now())).unwrap();
    let workshop = r.get(id, now());
    assert_eq!(workshop.state, WorkshopState::Finished);
    assert_eq!(workshop.finished_at, Some(now()));
}

#[test]
fn a_finished_workshop_refuses_every_action() {
    let r = room();
    let id = r.started();
    r.w.db.write(|tx| run::finish(tx, id, now())).unwrap();
    let db = &r.w.db;
    for (what, refused) in [
        ("start", message(db.write(|tx| run::start(tx, id, now())))),
        ("next", message(db.write(|tx| run::next(tx, id, now())))),
        ("finish", message(db.write(|tx| run::finish(tx, id, now())))),
        ("timer", message(db.write(|tx| timer::start(tx, id, now())))),
        (
            "plan",
            message(db.write(|tx| workshops::update_plan(tx, id, &r.plan_input(), now()))),
        ),
    ] {
        assert!(refused.contains("finished"), "{what}: {refused}");
    }
}

#[test]
fn starting_a_second_workshop_is_refused_naming_the_running_one() {
    let r = room();
    let first = r.started();
    let second = r.plan();
    let refused = message(r.w.db.write(|tx| run::start(tx, second, now())));
    assert!(
        refused.contains("“Retro” with Platform") && refused.contains("2026-11-20"),
        "names the running workshop: {refused}"
    );
    assert_eq!(r.get(second, now()).state, WorkshopState::Planned);
    r.w.db.write(|tx| run::finish(tx, first, now())).unwrap();
    r.w.db.write(|tx| run::start(tx, second, now())).unwrap();
    assert_eq!(
        r.w.db.read(workshops::running).unwrap(),
        Some(second),
        "once the first is finished the second can start"
    );
}

#[test]
fn time_spent_per_step_adds_up_every_visit() {
    let r = room();
    let id = r.started();
    let db = &r.w.db;
    db.write(|tx| run::next(tx, id, secs(90))).unwrap();
    db.write(|tx| run::next(tx, id, secs(400))).unwrap();
    db.write(|tx| run::previous(tx, id, secs(460))).unwrap();
    db.write(|tx| run::finish(tx, id, secs(500))).unwrap();
    let spent: Vec<u32> = r
        .get(id, secs(9999))
        .steps
        .iter()
        .map(|s| s.spent_seconds)
        .collect();
    assert_eq!(
        spent,
        [90, 310 + 40, 60, 0, 0, 0, 0],
        "the writing step was visited twice; a finished workshop stops counting"
    );
}

#[test]
fn the_timer_starts_pauses_and_takes_another_minute() {
    let r = room();
    let id = r.started();
    let db = &r.w.db;
    let timer_at = |at| r.get(id, at).steps[0].timer;
    assert_eq!(
        timer_at(secs(30)).remaining_ms,
        60_000,
        "a paused timer does not move"
    );
    db.write(|tx| timer::start(tx, id, secs(0))).unwrap();
    assert_eq!(
        timer_at(secs(20)).remaining_ms,
        40_000,
        "a running timer counts down"
    );
    assert!(timer_at(secs(20)).running);
    db.write(|tx| timer::pause(tx, id, secs(25))).unwrap();
    assert_eq!(
        timer_at(secs(300)).remaining_ms,
        35_000,
        "paused at what remained"
    );
    db.write(|tx| timer::add_minute(tx, id, secs(300))).unwrap();
    assert_eq!(timer_at(secs(301)).remaining_ms, 95_000);
    db.write(|tx| timer::start(tx, id, secs(400))).unwrap();
    let up = timer_at(secs(600));
    assert!(
        up.up && up.remaining_ms == 0 && !up.running,
        "time is up: {up:?}"
    );
    let refused = message(db.write(|tx| timer::start(tx, id, secs(600))));
    assert!(refused.contains("add a minute"), "{refused}");
    db.write(|tx| run::next(tx, id, secs(600))).unwrap();
    assert_eq!(
        r.get(id, secs(700)).steps[1].timer.remaining_ms,
        300_000,
        "each step has its own timer, paused until started"
    );
}

#[test]
fn after_a_restart_a_running_timer_comes_back_paused_at_what_remained_when_last_seen() {
    let r = room();
    let id = r.at_step(WRITING);
    let path = r.w.db.path().to_owned();
    r.w.db.write(|tx| timer::start(tx, id, secs(10))).unwrap();
    r.w.db
        .write(|tx| workshops::keep_alive(tx, id, secs(130)))
        .unwrap();
    // The app stops at about 2:15 and opens again ten minutes later.
    drop(r.w.db);
    let db = Database::open(&path, secs(730)).unwrap();
    let resumed = db
        .write(|tx| timer::pause_after_restart(tx, secs(730)))
        .unwrap();
    assert_eq!(resumed, Some(id));
    let workshop = db.read(|c| workshops::get(c, id, secs(800))).unwrap();
    assert_eq!(
        workshop.current_step,
        Some(WRITING),
        "back on the same step"
    );
    let writing = &workshop.steps[WRITING as usize];
    assert!(!writing.timer.running, "the timer comes back paused");
    assert_eq!(
        writing.timer.remaining_ms,
        300_000 - 120_000,
        "at what remained when the app was last seen running it, two minutes after it started"
    );
    assert_eq!(
        writing.spent_seconds,
        130 + 70,
        "the time the app was closed does not count as time in the step"
    );
    let again = db
        .write(|tx| timer::pause_after_restart(tx, secs(900)))
        .unwrap();
    let workshop = db.read(|c| workshops::get(c, id, secs(900))).unwrap();
    assert_eq!(again, Some(id));
    assert_eq!(
        workshop.steps[WRITING as usize].timer.remaining_ms, 180_000,
        "a paused timer is not touched by another restart"
    );
}
