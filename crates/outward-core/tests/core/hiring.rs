//! The customer-empathy kit for hiring: the built-in bank edited, retired and restored, the
//! team's own questions, interview guides built, reordered and refused when wrong, and a
//! guide exported as Markdown (a golden file) and as a printable, self-contained HTML page.

use crate::fixtures::{database, now};
use chrono::Duration;
use outward_core::db::Database;
use outward_core::entity::EntityKind;
use outward_core::error::Error;
use outward_core::hiring::export::{self, GuideFormat};
use outward_core::hiring::guides::{self, GuideInput, GuideItemInput};
use outward_core::hiring::{self, HiringQuestionFilter, HiringQuestionInput, HiringTopic, bank};
use outward_core::id::Id;
use outward_core::trash;
use std::path::Path;

fn field(err: &Error) -> &'static str {
    match err {
        Error::Validation { field, .. } => field,
        other => panic!("expected a validation error, got {other:?}"),
    }
}

fn all(db: &Database) -> Vec<hiring::HiringQuestion> {
    db.read(|c| hiring::list(c, HiringQuestionFilter::default()))
        .unwrap()
}

fn item(question: &str, minutes: Option<u32>, note: &str) -> GuideItemInput {
    GuideItemInput {
        question: question.into(),
        minutes,
        note: note.into(),
    }
}

fn own_question(db: &Database, text: &str) -> String {
    let input = HiringQuestionInput {
        topic: HiringTopic::Support,
        text: text.into(),
        good_answer: "Has done it and learned from it.".into(),
        weak_answer: "Has never done it.".into(),
    };
    db.write(|tx| hiring::create(tx, &input, now())).unwrap().id
}

fn loop_guide() -> GuideInput {
    GuideInput {
        name: "Platform engineer loop".into(),
        purpose: "The customer-empathy conversation of the onsite loop.".into(),
        items: vec![
            item("who-used-it", Some(10), "Ask for names, not roles."),
            item("answered-support", Some(8), ""),
            item("migration-cost", Some(12), ""),
            item("said-no", None, "Only if there is time."),
        ],
    }
}

#[test]
fn the_built_in_bank_has_between_15_and_25_questions_each_with_a_strong_and_a_weak_answer() {
    let (_dir, db) = database();
    let questions = all(&db);
    assert!(
        (15..=25).contains(&questions.len()),
        "the bank offers {} questions",
        questions.len()
    );
    for q in &questions {
        assert!(
            q.built_in && !q.edited && !q.retired,
            "{} starts as written",
            q.id
        );
        assert!(
            !q.good_answer.is_empty() && !q.weak_answer.is_empty(),
            "{} says what strong and weak answers sound like",
            q.id
        );
    }
    let mut slugs: Vec<&str> = bank::BANK.iter().map(|b| b.slug).collect();
    slugs.sort_unstable();
    slugs.dedup();
    assert_eq!(slugs.len(), bank::BANK.len(), "slugs are unique");
    for topic in HiringTopic::ALL {
        assert!(
            questions.iter().any(|q| q.topic == *topic),
            "every topic has a built-in question: {topic}"
        );
    }
}

#[test]
fn a_built_in_edited_keeps_its_slug_and_restoring_puts_its_original_words_back() {
    let (_dir, db) = database();
    let original = db.read(|c| hiring::get(c, "said-no")).unwrap();
    let input = HiringQuestionInput {
        topic: HiringTopic::Listening,
        text: "  Tell us about a request you turned down.  ".into(),
        good_answer: "Understood the need first.".into(),
        weak_answer: original.weak_answer.clone(),
    };
    let edited = db
        .write(|tx| hiring::update(tx, "said-no", &input, now()))
        .unwrap();
    assert_eq!(edited.id, "said-no", "a built-in keeps its slug");
    assert!(edited.built_in && edited.edited);
    assert_eq!(
        edited.text, "Tell us about a request you turned down.",
        "trimmed"
    );
    assert_eq!(edited.topic, HiringTopic::Listening);
    let listed = all(&db);
    let position = listed.iter().position(|q| q.id == "said-no").unwrap();
    assert_eq!(
        listed[position].text, edited.text,
        "the bank shows the team's words"
    );
    assert_eq!(
        listed.len(),
        bank::BANK.len(),
        "an edit is not an extra question"
    );

    let again = db
        .write(|tx| {
            hiring::update(
                tx,
                "said-no",
                &HiringQuestionInput {
                    text: "Twice?".into(),
                    ..input.clone()
                },
                now(),
            )
        })
        .unwrap();
    assert_eq!(again.text, "Twice?", "a second edit replaces the first");

    let restored = db
        .write(|tx| hiring::restore_original(tx, "said-no"))
        .unwrap();
    assert_eq!(restored, original, "restoring puts the original back");
    assert_eq!(db.read(|c| hiring::get(c, "said-no")).unwrap(), original);

    let own = own_question(&db, "Who did you last help?");
    let err = db
        .write(|tx| hiring::restore_original(tx, &own))
        .unwrap_err();
    assert_eq!(field(&err), "id", "only a built-in has an original");
}

#[test]
fn the_teams_own_questions_join_the_bank_and_an_empty_or_overlong_question_is_refused() {
    let (_dir, db) = database();
    let id = own_question(&db, "When did you last sit with a user?");
    let listed = all(&db);
    assert_eq!(
        listed.last().unwrap().id,
        id,
        "the team's questions follow the built-ins"
    );
    assert!(!listed.last().unwrap().built_in);

    for text in ["", "   \n "] {
        let input = HiringQuestionInput {
            topic: HiringTopic::Users,
            text: text.into(),
            good_answer: String::new(),
            weak_answer: String::new(),
        };
        let err = db
            .write(|tx| hiring::create(tx, &input, now()))
            .unwrap_err();
        assert_eq!(field(&err), "text", "an empty question names the text");
        let err = db
            .write(|tx| hiring::update(tx, "who-used-it", &input, now()))
            .unwrap_err();
        assert_eq!(field(&err), "text", "an edit to nothing is refused too");
    }
    let long = HiringQuestionInput {
        topic: HiringTopic::Users,
        text: "x".repeat(hiring::QUESTION_MAX + 1),
        good_answer: String::new(),
        weak_answer: String::new(),
    };
    let err = db.write(|tx| hiring::create(tx, &long, now())).unwrap_err();
    assert_eq!(field(&err), "text");
    assert_eq!(
        all(&db).len(),
        bank::BANK.len() + 1,
        "nothing refused was written"
    );
    assert!(
        !db.read(|c| hiring::get(c, "who-used-it")).unwrap().edited,
        "a refused edit leaves the built-in as it was"
    );
}

#[test]
fn retired_questions_leave_the_bank_until_asked_for_and_the_bank_filters_by_topic() {
    let (_dir, db) = database();
    let own = own_question(&db, "How do you hear about outages?");
    db.write(|tx| hiring::set_retired(tx, "error-message", true, now()))
        .unwrap();
    db.write(|tx| hiring::set_retired(tx, &own, true, now()))
        .unwrap();
    let offered = all(&db);
    assert!(
        !offered
            .iter()
            .any(|q| q.id == "error-message" || q.id == own),
        "retired questions are not offered"
    );
    let everything = db
        .read(|c| {
            hiring::list(
                c,
                HiringQuestionFilter {
                    topic: None,
                    include_retired: true,
                },
            )
        })
        .unwrap();
    let retired = everything.iter().find(|q| q.id == "error-message").unwrap();
    assert!(
        retired.retired && retired.edited,
        "a retired built-in can be restored"
    );

    let usability = db
        .read(|c| {
            hiring::list(
                c,
                HiringQuestionFilter {
                    topic: Some(HiringTopic::Usability),
                    include_retired: false,
                },
            )
        })
        .unwrap();
    assert!(!usability.is_empty());
    assert!(usability.iter().all(|q| q.topic == HiringTopic::Usability));

    db.write(|tx| hiring::set_retired(tx, &own, false, now()))
        .unwrap();
    db.write(|tx| hiring::restore_original(tx, "error-message"))
        .unwrap();
    let back = all(&db);
    assert!(back.iter().any(|q| q.id == own), "a question can come back");
    assert!(back.iter().any(|q| q.id == "error-message" && !q.retired));
}

#[test]
fn a_guide_keeps_its_questions_in_order_and_saving_replaces_them_whole() {
    let (_dir, db) = database();
    let guide = db
        .write(|tx| guides::create(tx, &loop_guide(), now()))
        .unwrap();
    let order: Vec<&str> = guide.items.iter().map(|i| i.question_id.as_str()).collect();
    assert_eq!(
        order,
        [
            "who-used-it",
            "answered-support",
            "migration-cost",
            "said-no"
        ]
    );
    assert_eq!(
        guide.total_minutes, 30,
        "minutes add up, unplanned ones count nothing"
    );

    let mut input = loop_guide();
    input.items.swap(0, 2);
    input.items.remove(1);
    let saved = db
        .write(|tx| guides::save(tx, guide.id, &input, now() + Duration::minutes(1)))
        .unwrap();
    let order: Vec<&str> = saved.items.iter().map(|i| i.question_id.as_str()).collect();
    assert_eq!(
        order,
        ["migration-cost", "who-used-it", "said-no"],
        "reordered and removed"
    );
    assert_eq!(saved.items[1].note, "Ask for names, not roles.");

    let listed = db.read(guides::list).unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].question_count, 3);
    assert_eq!(listed[0].total_minutes, 22);
    let by_name = db
        .read(|c| guides::find_guide(c, "platform ENGINEER loop"))
        .unwrap();
    assert_eq!(by_name.id, guide.id, "a guide is found by its name");
}

#[test]
fn a_guide_with_an_unknown_or_repeated_question_or_an_odd_time_is_refused_and_nothing_changes() {
    let (_dir, db) = database();
    let guide = db
        .write(|tx| guides::create(tx, &loop_guide(), now()))
        .unwrap();

    let mut unknown = loop_guide();
    unknown.items.push(item("no-such-question", None, ""));
    let err = db
        .write(|tx| guides::save(tx, guide.id, &unknown, now()))
        .unwrap_err();
    assert_eq!(field(&err), "items");
    assert!(
        err.to_string().contains("Question 5"),
        "names the place: {err}"
    );
    let err = db
        .write(|tx| guides::create(tx, &unknown, now()))
        .unwrap_err();
    assert_eq!(field(&err), "items");

    let mut twice = loop_guide();
    twice.items.push(item("who-used-it", None, ""));
    let err = db
        .write(|tx| guides::save(tx, guide.id, &twice, now()))
        .unwrap_err();
    assert_eq!(field(&err), "items", "a question asked twice is refused");

    let mut long = loop_guide();
    long.items[1].minutes = Some(0);
    let err = db
        .write(|tx| guides::save(tx, guide.id, &long, now()))
        .unwrap_err();
    assert_eq!(field(&err), "minutes");

    let unnamed = GuideInput {
        name: "  ".into(),
        ..loop_guide()
    };
    let err = db
        .write(|tx| guides::create(tx, &unnamed, now()))
        .unwrap_err();
    assert_eq!(field(&err), "name");

    assert_eq!(
        db.read(|c| guides::get(c, guide.id)).unwrap(),
        guide,
        "the stored guide is untouched"
    );
    assert_eq!(
        db.read(guides::list).unwrap().len(),
        1,
        "no half-made guide"
    );
}

#[test]
fn a_guide_exports_as_its_golden_markdown() {
    let (_dir, db) = database();
    let guide = db
        .write(|tx| guides::create(tx, &loop_guide(), now()))
        .unwrap();
    let (_, md) = db
        .read(|c| export::export(c, &guide.id.to_string(), GuideFormat::Markdown))
        .unwrap();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/core/hiring/guide.md");
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    if md != expected && std::env::var_os("OUTWARD_BLESS").is_some() {
        std::fs::write(&path, &md).unwrap();
        return;
    }
    assert_eq!(
        md, expected,
        "the guide's Markdown changed; if on purpose, rerun with OUTWARD_BLESS=1 and review it"
    );
    assert_eq!(
        export::file_name(&guide, GuideFormat::Markdown),
        "interview-guide-platform-engineer-loop.md"
    );
}

#[test]
fn a_guide_prints_as_one_self_contained_html_page_that_escapes_what_was_typed() {
    let (dir, db) = database();
    let mut input = loop_guide();
    input.name = "Loop <script>alert(1)</script>".into();
    let guide = db.write(|tx| guides::create(tx, &input, now())).unwrap();
    let (_, page) = db
        .read(|c| export::export(c, &guide.id.to_string(), GuideFormat::Html))
        .unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains("@media print"), "it prints cleanly");
    assert!(!page.contains("<script"), "typed text is escaped");
    assert!(page.contains("&lt;script&gt;"));
    for outside in ["http://", "https://", "src=", "<link", "@import", "url("] {
        assert!(!page.contains(outside), "nothing from outside: {outside}");
    }
    assert!(
        page.contains(export::NO_CANDIDATE_DATA),
        "says it holds no candidate data"
    );
    assert_eq!(page.matches("<li class=\"question\">").count(), 4);

    let target = dir.path().join("guide.html");
    export::save(&target, &page).unwrap();
    assert_eq!(std::fs::read_to_string(&target).unwrap(), page);
    let err = export::save(&dir.path().join("missing/guide.html"), &page).unwrap_err();
    assert_eq!(
        err.field(),
        Some("path"),
        "an unwritable place names the path"
    );
    assert!(!dir.path().join("missing").exists());
}

#[test]
fn a_guide_without_questions_or_with_one_in_the_trash_is_not_exported() {
    let (_dir, db) = database();
    let empty = GuideInput {
        name: "Not yet".into(),
        ..Default::default()
    };
    let guide = db.write(|tx| guides::create(tx, &empty, now())).unwrap();
    for format in GuideFormat::ALL {
        let err = db
            .read(|c| export::export(c, "Not yet", *format))
            .unwrap_err();
        assert_eq!(
            field(&err),
            "items",
            "an empty guide is refused in {format}"
        );
    }

    let own = own_question(&db, "What did your last on-call week teach you?");
    let input = GuideInput {
        items: vec![item("who-used-it", None, ""), item(&own, Some(5), "")],
        ..empty.clone()
    };
    db.write(|tx| guides::save(tx, guide.id, &input, now()))
        .unwrap();
    let own_id: Id = own.parse().unwrap();
    db.write(|tx| trash::move_to_trash(tx, EntityKind::HiringQuestion, own_id, now()))
        .unwrap();
    let kept = db.read(|c| guides::get(c, guide.id)).unwrap();
    assert_eq!(kept.items[1].question, None, "the guide shows the gap");
    let err = db
        .read(|c| export::export(c, "Not yet", GuideFormat::Markdown))
        .unwrap_err();
    assert_eq!(field(&err), "items");
    assert!(err.to_string().contains("Question 2"), "{err}");

    db.write(|tx| trash::restore(tx, EntityKind::HiringQuestion, own_id, now()))
        .unwrap();
    db.read(|c| export::export(c, "Not yet", GuideFormat::Markdown))
        .expect("restored, the guide exports again");

    db.write(|tx| trash::move_to_trash(tx, EntityKind::InterviewGuide, guide.id, now()))
        .unwrap();
    assert!(
        db.read(guides::list).unwrap().is_empty(),
        "a trashed guide leaves the list"
    );
    db.write(|tx| trash::restore(tx, EntityKind::InterviewGuide, guide.id, now()))
        .unwrap();
    assert_eq!(
        db.read(|c| guides::get(c, guide.id)).unwrap().items.len(),
        2
    );
}
