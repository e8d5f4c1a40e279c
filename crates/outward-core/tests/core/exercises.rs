//! Exercises against a real database file: the built-in library is read-only and always there,
//! a team's copies are made, edited step by step, saved whole or not at all, trashed and
//! restored, and every bad input is refused with a message naming the field and the step.

use crate::fixtures::{REPLY_MAX_BYTES, at, database, now};
use outward_core::db::Database;
use outward_core::entity::EntityKind;
use outward_core::error::Error;
use outward_core::exercises::{
    self, DIMENSION_MAX, DIMENSIONS_MAX, Exercise, ExerciseInput, IDEA_MAX, PROMPT_MAX,
    PURPOSE_MAX, SCRIPT_MAX, STEPS_MAX, Step, StepKind, TITLE_MAX, library,
};
use outward_core::id::Id;
use outward_core::{NAME_MAX, trash};

const BUILT_IN: &str = "who-are-our-customers";

fn copy_of(db: &Database, source: &str) -> Exercise {
    db.write(|tx| exercises::duplicate(tx, source, now()))
        .expect("a copy")
}

fn save(db: &Database, id: &str, input: &ExerciseInput) -> Result<Exercise, Error> {
    db.write(|tx| exercises::save(tx, id, input, at(5)))
}

fn get(db: &Database, id: &str) -> Result<Exercise, Error> {
    db.read(|conn| exercises::get(conn, id))
}

fn step(title: &str, kind: StepKind, minutes: u32) -> Step {
    Step {
        title: title.into(),
        kind,
        timebox_seconds: minutes * 60,
        prompt: format!("{title}, for the room"),
        script: format!("Say what {title} is for."),
        dimensions: if kind == StepKind::Rating {
            vec!["Customers over technology".into()]
        } else {
            Vec::new()
        },
        votes_per_person: 3,
        max_votes_per_item: 2,
    }
}

/// Fails unless `result` is a validation error on `field` whose message contains `words`.
fn assert_refused(result: Result<Exercise, Error>, field: &str, words: &str) {
    match result {
        Err(Error::Validation { field: f, message }) => {
            assert_eq!(f, field, "the error names the field: {message}");
            assert!(
                message.contains(words),
                "the message says {words:?}: {message}"
            );
        }
        other => panic!("expected a validation error on {field}, got {other:?}"),
    }
}

#[test]
fn the_library_lists_built_ins_first_then_copies_by_name() {
    let (_dir, db) = database();
    let copy = copy_of(&db, "wins-and-kudos");
    let listed = db.read(exercises::list).unwrap();
    let built_ins = library::all();
    assert!(built_ins.len() >= 9, "at least nine built-ins");
    for (summary, built_in) in listed.iter().zip(built_ins) {
        assert_eq!(summary.id, built_in.id, "built-ins come first, in order");
        assert!(summary.built_in);
        assert_eq!(summary.step_count as usize, built_in.steps.len());
        assert_eq!(
            summary.total_seconds,
            built_in
                .steps
                .iter()
                .map(|s| s.timebox_seconds)
                .sum::<u32>(),
            "the total is the sum of the timeboxes"
        );
    }
    let last = listed.last().unwrap();
    assert_eq!(last.id, copy.id, "the copy follows the built-ins");
    assert!(!last.built_in);
    assert_eq!(last.step_count as usize, copy.steps.len());
    assert_eq!(last.total_seconds, copy.total_seconds);
    let bytes = serde_json::to_vec(&listed).unwrap().len();
    assert!(bytes < REPLY_MAX_BYTES, "the library is one small reply");
}

#[test]
fn a_built_in_is_found_by_slug_and_an_unknown_one_is_not() {
    let (_dir, db) = database();
    let built_in = get(&db, BUILT_IN).unwrap();
    assert!(built_in.built_in && built_in.updated_at.is_none());
    assert_eq!(built_in.name, "Who are our customers?");
    assert!(matches!(
        get(&db, "no-such-exercise"),
        Err(Error::NotFound {
            entity: "exercise",
            ..
        })
    ));
    assert!(matches!(
        get(&db, &Id::at(now()).to_string()),
        Err(Error::NotFound { .. })
    ));
    let by_name = db
        .read(|conn| exercises::find(conn, "who are our CUSTOMERS?"))
        .unwrap();
    assert_eq!(by_name.id, BUILT_IN, "a name finds it, ignoring case");
}

#[test]
fn a_copy_keeps_every_step_and_remembers_its_built_in() {
    let (_dir, db) = database();
    let original = get(&db, BUILT_IN).unwrap();
    let copy = copy_of(&db, BUILT_IN);
    assert!(!copy.built_in);
    assert_eq!(copy.name, "Who are our customers? (copy)");
    assert_eq!(copy.based_on.as_deref(), Some(BUILT_IN));
    assert_eq!(
        copy.steps, original.steps,
        "every step, in order, as it was"
    );
    assert_eq!(copy.total_seconds, original.total_seconds);
    assert_eq!(copy.updated_at, Some(now()));
    assert_eq!(get(&db, &copy.id).unwrap(), copy, "it reads back as made");

    let again = copy_of(&db, BUILT_IN);
    assert_eq!(
        again.name, "Who are our customers? (copy 2)",
        "a second copy gets a name of its own"
    );
    let of_copy = copy_of(&db, &copy.id);
    assert_eq!(
        of_copy.based_on.as_deref(),
        Some(BUILT_IN),
        "a copy of a copy still names the built-in it comes from"
    );
    assert_eq!(of_copy.name, "Who are our customers? (copy) (copy)");
}

#[test]
fn saving_a_copy_edits_adds_removes_and_reorders_steps() {
    let (_dir, db) = database();
    let copy = copy_of(&db, "wins-and-kudos");
    let mut input = copy.to_input();
    input.name = "  Friday wins  ".into();
    input.purpose = "Start the retro warm.".into();
    input.idea = "Keep it fun.".into();
    // Move the last step first, drop the second, add a rating step at the end.
    let last = input.steps.pop().unwrap();
    input.steps.insert(0, last.clone());
    let dropped = input.steps.remove(1);
    input
        .steps
        .push(step("How did it feel?", StepKind::Rating, 3));
    input.steps[0].timebox_seconds = 90;
    let saved = save(&db, &copy.id, &input).unwrap();

    assert_eq!(saved.name, "Friday wins", "names are trimmed");
    assert_eq!(saved.purpose, "Start the retro warm.");
    assert_eq!(saved.idea, "Keep it fun.");
    assert_eq!(saved.updated_at, Some(at(5)), "saving stamps the time");
    assert_eq!(saved.steps.len(), copy.steps.len());
    assert_eq!(saved.steps[0].title, last.title, "the moved step leads");
    assert!(
        saved.steps.iter().all(|s| s.title != dropped.title),
        "the removed step is gone"
    );
    assert_eq!(saved.steps.last().unwrap().kind, StepKind::Rating);
    assert_eq!(
        saved.total_seconds,
        saved.steps.iter().map(|s| s.timebox_seconds).sum::<u32>()
    );
    assert_eq!(get(&db, &copy.id).unwrap(), saved, "it reads back as saved");
    assert_eq!(
        get(&db, "wins-and-kudos").unwrap(),
        library::find("wins-and-kudos").unwrap().clone(),
        "the built-in it came from is untouched"
    );
}

#[test]
fn a_built_in_cannot_be_edited() {
    let (_dir, db) = database();
    let input = get(&db, BUILT_IN).unwrap().to_input();
    let err = save(&db, BUILT_IN, &input).unwrap_err();
    assert!(
        matches!(&err, Error::Conflict { .. }) && err.to_string().contains("Make a copy"),
        "editing a built-in is refused with the way out: {err}"
    );
}

#[test]
fn timeboxes_must_be_between_a_second_and_four_hours() {
    let (_dir, db) = database();
    let copy = copy_of(&db, BUILT_IN);
    let mut input = copy.to_input();
    input.steps[2].timebox_seconds = 0;
    assert_refused(
        save(&db, &copy.id, &input),
        "steps.2.timeboxSeconds",
        "Step 3 (“See the whole map”) needs a timebox between 1 second and 4 hours; it has 0 seconds",
    );
    input.steps[2].timebox_seconds = 4 * 3600 + 1;
    assert_refused(
        save(&db, &copy.id, &input),
        "steps.2.timeboxSeconds",
        "it has 4 h 1 s",
    );
    input.steps[2].timebox_seconds = 4 * 3600;
    let saved = save(&db, &copy.id, &input).expect("four hours exactly is allowed");
    assert_eq!(saved.steps[2].timebox_seconds, 14_400);
}

#[test]
fn an_exercise_needs_a_name_and_at_least_one_step() {
    let (_dir, db) = database();
    let copy = copy_of(&db, BUILT_IN);
    let mut input = copy.to_input();
    input.name = "  ".into();
    assert_refused(
        save(&db, &copy.id, &input),
        "name",
        "Exercise name is required",
    );
    let mut input = copy.to_input();
    input.steps.clear();
    assert_refused(save(&db, &copy.id, &input), "steps", "at least one step");
    let mut input = copy.to_input();
    input.steps = (0..=STEPS_MAX)
        .map(|n| step(&format!("Step {n}"), StepKind::Discussion, 1))
        .collect();
    assert_refused(save(&db, &copy.id, &input), "steps", "at most 20 steps");
    let mut input = copy.to_input();
    input.steps[1].title = String::new();
    assert_refused(
        save(&db, &copy.id, &input),
        "steps.1.title",
        "Step 2's title is required",
    );
}

/// A change to one text field of an exercise.
type Edit = fn(&mut ExerciseInput, String);

#[test]
fn text_is_bounded_and_the_message_says_where() {
    let (_dir, db) = database();
    let copy = copy_of(&db, BUILT_IN);
    let long = |n: usize| "a".repeat(n + 1);
    let cases: Vec<(Edit, usize, &str, &str)> = vec![
        (|i, t| i.name = t, NAME_MAX, "name", "Exercise name is 201"),
        (
            |i, t| i.purpose = t,
            PURPOSE_MAX,
            "purpose",
            "Purpose is 601",
        ),
        (
            |i, t| i.idea = t,
            IDEA_MAX,
            "idea",
            "The idea it teaches is 1501",
        ),
        (
            |i, t| i.steps[0].title = t,
            TITLE_MAX,
            "steps.0.title",
            "Step 1's title is 121",
        ),
        (
            |i, t| i.steps[1].prompt = t,
            PROMPT_MAX,
            "steps.1.prompt",
            "Step 2 (“Name the teams”) prompt is 801 characters long; the limit is 800.",
        ),
        (
            |i, t| i.steps[3].script = t,
            SCRIPT_MAX,
            "steps.3.script",
            "Step 4 (“Group by customer team”) script is 2501",
        ),
    ];
    for (set, max, field, words) in cases {
        let mut input = copy.to_input();
        set(&mut input, long(max));
        assert_refused(save(&db, &copy.id, &input), field, words);
    }
}

#[test]
fn a_rating_step_needs_dimensions_and_other_steps_keep_none() {
    let (_dir, db) = database();
    let copy = copy_of(&db, "product-mindset-self-assessment");
    let rating = copy
        .steps
        .iter()
        .position(|s| s.kind == StepKind::Rating)
        .unwrap();
    let field = Box::leak(format!("steps.{rating}.dimensions").into_boxed_str());

    let mut input = copy.to_input();
    input.steps[rating].dimensions.clear();
    assert_refused(
        save(&db, &copy.id, &input),
        field,
        "is a rating step: name at least one dimension to rate",
    );
    input.steps[rating].dimensions = vec!["Speed".into(), " speed ".into()];
    assert_refused(save(&db, &copy.id, &input), field, "“speed” twice");
    input.steps[rating].dimensions = vec!["x".repeat(DIMENSION_MAX + 1)];
    assert_refused(save(&db, &copy.id, &input), field, "dimension 1 is 61");
    input.steps[rating].dimensions = (0..=DIMENSIONS_MAX).map(|n| format!("D{n}")).collect();
    assert_refused(save(&db, &copy.id, &input), field, "rates 11 dimensions");
    input.steps[rating].dimensions = vec!["  Speed ".into(), String::new()];
    assert_refused(
        save(&db, &copy.id, &input),
        field,
        "dimension 2 is required",
    );

    input.steps[rating].dimensions = vec!["  Speed ".into(), "Care".into()];
    let saved = save(&db, &copy.id, &input).unwrap();
    assert_eq!(saved.steps[rating].dimensions, ["Speed", "Care"]);

    let mut input = saved.to_input();
    input.steps[rating].kind = StepKind::Discussion;
    let saved = save(&db, &copy.id, &input).unwrap();
    assert!(
        saved.steps[rating].dimensions.is_empty(),
        "a step that is no longer a rating keeps no dimensions"
    );
}

#[test]
fn vote_settings_must_be_a_budget_a_person_can_follow() {
    let (_dir, db) = database();
    let copy = copy_of(&db, "from-pain-to-commitments");
    let voting = copy
        .steps
        .iter()
        .position(|s| s.kind == StepKind::DotVoting)
        .unwrap();
    assert_eq!(
        (
            copy.steps[voting].votes_per_person,
            copy.steps[voting].max_votes_per_item
        ),
        (5, 2),
        "the library's own vote settings survive a copy"
    );
    let budget = Box::leak(format!("steps.{voting}.votesPerPerson").into_boxed_str());
    let cap = Box::leak(format!("steps.{voting}.maxVotesPerItem").into_boxed_str());
    let mut input = copy.to_input();
    input.steps[voting].votes_per_person = 0;
    assert_refused(
        save(&db, &copy.id, &input),
        budget,
        "between 1 and 20 votes",
    );
    input.steps[voting].votes_per_person = 21;
    assert_refused(save(&db, &copy.id, &input), budget, "it says 21");
    input.steps[voting].votes_per_person = 3;
    input.steps[voting].max_votes_per_item = 4;
    assert_refused(save(&db, &copy.id, &input), cap, "their 3 votes; it says 4");
    input.steps[voting].max_votes_per_item = 0;
    assert_refused(save(&db, &copy.id, &input), cap, "it says 0");
    input.steps[voting].max_votes_per_item = 3;
    assert_eq!(
        save(&db, &copy.id, &input).unwrap().steps[voting].max_votes_per_item,
        3
    );
}

#[test]
fn a_refused_save_leaves_the_stored_exercise_whole() {
    let (_dir, db) = database();
    let copy = copy_of(&db, BUILT_IN);
    let mut input = copy.to_input();
    input.name = "Renamed".into();
    input.steps.truncate(2);
    input.steps.push(Step {
        timebox_seconds: 0,
        ..step("Broken", StepKind::Discussion, 1)
    });
    db.take_changes();
    assert!(save(&db, &copy.id, &input).is_err());
    assert!(
        db.take_changes().is_none(),
        "a refused save announces nothing"
    );
    assert_eq!(
        get(&db, &copy.id).unwrap(),
        copy,
        "nothing of a refused save is written: name and every step as before"
    );
}

#[test]
fn a_save_announces_the_exercise_and_a_copy_changes_counts() {
    let (_dir, db) = database();
    db.take_changes();
    let copy = copy_of(&db, BUILT_IN);
    let made = db.take_changes().expect("a copy is announced");
    assert_eq!(made.kinds, [EntityKind::Exercise]);
    assert!(made.counts, "a new record changes counts");
    let mut input = copy.to_input();
    input.steps.swap(0, 1);
    save(&db, &copy.id, &input).unwrap();
    let saved = db.take_changes().expect("a save is announced");
    assert_eq!(saved.kinds, [EntityKind::Exercise]);
    assert_eq!(saved.ids, [copy.id.parse::<Id>().unwrap()]);
    assert!(!saved.counts, "editing changes no count");
}

#[test]
fn a_copy_goes_to_the_trash_and_comes_back_with_its_steps() {
    let (_dir, db) = database();
    let copy = copy_of(&db, BUILT_IN);
    let id: Id = copy.id.parse().unwrap();
    db.write(|tx| trash::move_to_trash(tx, EntityKind::Exercise, id, at(1)))
        .unwrap();
    assert!(
        db.read(exercises::list)
            .unwrap()
            .iter()
            .all(|e| e.id != copy.id),
        "a trashed copy leaves the library"
    );
    assert!(matches!(get(&db, &copy.id), Err(Error::NotFound { .. })));
    assert!(
        matches!(
            save(&db, &copy.id, &copy.to_input()),
            Err(Error::NotFound { .. })
        ),
        "a trashed copy cannot be edited until restored"
    );
    let in_trash = db.read(trash::list).unwrap();
    assert_eq!(in_trash.items.len(), 1);
    assert_eq!(in_trash.items[0].kind, EntityKind::Exercise);
    assert_eq!(in_trash.items[0].name, copy.name);
    assert_eq!(in_trash.destroys, "1 exercise");

    db.write(|tx| trash::restore(tx, EntityKind::Exercise, id, at(2)))
        .unwrap();
    let back = get(&db, &copy.id).unwrap();
    assert_eq!(back.steps, copy.steps, "restored with every step");
}

#[test]
fn emptying_the_trash_destroys_a_copy_and_its_steps_only() {
    let dir = tempfile::tempdir().unwrap();
    let db = Database::open(&dir.path().join("outward.db"), now()).unwrap();
    let gone = copy_of(&db, BUILT_IN);
    let kept = copy_of(&db, BUILT_IN);
    let id: Id = gone.id.parse().unwrap();
    db.write(|tx| trash::move_to_trash(tx, EntityKind::Exercise, id, at(1)))
        .unwrap();
    let emptied = trash::empty(&db, at(3)).unwrap();
    assert_eq!(emptied.destroyed, 1);
    let steps: u32 = db
        .read(|conn| {
            Ok(conn.query_row(
                "SELECT count(*) FROM exercise_steps WHERE exercise_id = ?1",
                [id],
                |r| r.get(0),
            )?)
        })
        .unwrap();
    assert_eq!(steps, 0, "its steps went with it");
    assert_eq!(get(&db, &kept.id).unwrap(), kept, "the other copy is whole");
}

#[test]
fn a_workspace_holding_only_a_copy_is_not_empty() {
    let (dir, db) = database();
    copy_of(&db, BUILT_IN);
    let overview = db
        .read(|conn| outward_core::workspace::overview(conn, &dir.path().join("outward.db")))
        .unwrap();
    assert!(
        !overview.is_empty,
        "the example workspace must not load over a team's own exercise"
    );
}

#[test]
fn the_largest_exercise_the_bounds_allow_fits_one_reply() {
    let (_dir, db) = database();
    let copy = copy_of(&db, BUILT_IN);
    // Three bytes in UTF-8 each, the widest a character of ordinary text takes.
    let text = |n: usize| "€".repeat(n);
    let largest = ExerciseInput {
        name: text(NAME_MAX),
        purpose: text(PURPOSE_MAX),
        idea: text(IDEA_MAX),
        steps: (0..STEPS_MAX)
            .map(|n| Step {
                title: format!("{n:02}{}", text(TITLE_MAX - 2)),
                kind: StepKind::Rating,
                timebox_seconds: 14_400,
                prompt: text(PROMPT_MAX),
                script: text(SCRIPT_MAX),
                dimensions: (0..DIMENSIONS_MAX)
                    .map(|d| format!("{d}{}", text(DIMENSION_MAX - 1)))
                    .collect(),
                votes_per_person: 20,
                max_votes_per_item: 20,
            })
            .collect(),
    };
    let saved = save(&db, &copy.id, &largest).expect("the largest allowed exercise saves");
    let bytes = serde_json::to_vec(&saved).unwrap().len();
    assert!(
        bytes <= REPLY_MAX_BYTES,
        "the largest exercise is {bytes} bytes of JSON; one reply holds {REPLY_MAX_BYTES}"
    );
}
