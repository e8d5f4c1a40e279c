//! Interviews: lists, filters and pages, the dates they take, and how much one interview can hold.

use crate::fixtures::{
    NOTES, REPLY_MAX_BYTES, customer, database, day, interview, mark, now, pain_point, world,
};
use outward_core::db::Database;
use outward_core::error::Error;
use outward_core::id::Id;
use outward_core::interviews::{self, InterviewFilter, InterviewInput, InterviewKind, highlights};
use outward_core::page::PageRequest;
use outward_core::pain_points::{self, Frequency, PainPointFilter, PainPointInput, Status};
use outward_core::people::{self, Level, PersonInput};
use outward_core::teams::{self, TeamInput};
use outward_core::themes;

#[test]
fn pages_carry_each_rows_own_tags_and_take_every_filter_at_once() {
    let w = world();
    let tagged = |tag: &str, day_of_month: u32| {
        let input = InterviewInput {
            customer_id: w.payments,
            held_on: day(2026, 10, day_of_month),
            kind: InterviewKind::OfficeHours,
            interviewees: "Lena".into(),
            interviewer_ids: vec![w.ada],
            duration_minutes: None,
            tags: vec![tag.into()],
            notes: String::new(),
        };
        w.db.write(|tx| interviews::create(tx, &input, now()))
            .unwrap()
    };
    let deploys = tagged("deploys", 2);
    tagged("builds", 1);
    let page =
        w.db.read(|c| interviews::list(c, &InterviewFilter::default(), PageRequest::default()))
            .unwrap();
    let tags: Vec<Vec<&str>> = page
        .items
        .iter()
        .map(|i| i.tags.iter().map(|t| t.name.as_str()).collect())
        .collect();
    assert_eq!(
        tags,
        [["deploys"], ["builds"]],
        "newest first, each with its own tag"
    );

    let theme = deploys.tags[0].id;
    let every = InterviewFilter {
        customer_id: Some(w.payments),
        product_id: None,
        kind: Some(InterviewKind::OfficeHours),
        interviewer_id: Some(w.ada),
        theme_id: Some(theme),
        from: Some(day(2026, 10, 2)),
        to: Some(day(2026, 10, 2)),
        unmarked: false,
    };
    let found =
        w.db.read(|c| interviews::list(c, &every, PageRequest::default()))
            .unwrap();
    assert_eq!(
        found.items.iter().map(|i| i.id).collect::<Vec<_>>(),
        [deploys.id]
    );
    let unused_product = InterviewFilter {
        product_id: Some(Id::at(now())),
        ..every
    };
    let none =
        w.db.read(|c| interviews::list(c, &unused_product, PageRequest::default()))
            .unwrap();
    assert_eq!(none.total, 0, "no customer uses an unknown product");

    let pain = pain_point(&w, "Deploys wait", 3);
    let every = PainPointFilter {
        status: Some(Status::New),
        product_id: None,
        customer_id: None,
        theme_id: None,
        severity: Some(3),
    };
    let found =
        w.db.read(|c| pain_points::list(c, &every, PageRequest::default(), now().date_naive()))
            .unwrap();
    assert_eq!(found.items.iter().map(|p| p.id).collect::<Vec<_>>(), [pain]);
    let narrower = PainPointFilter {
        product_id: Some(Id::at(now())),
        customer_id: Some(w.payments),
        theme_id: Some(theme),
        ..every
    };
    let none =
        w.db.read(|c| pain_points::list(c, &narrower, PageRequest::default(), now().date_naive()))
            .unwrap();
    assert_eq!(none.total, 0);
}

#[test]
fn interviews_list_filters_and_pages_newest_first() {
    let w = world();
    for d in 1..=5 {
        interview(&w, w.payments, day(2026, 10, d), "Payments notes");
    }
    interview(&w, w.checkout, day(2026, 10, 9), "Checkout notes");
    let all =
        w.db.read(|c| {
            interviews::list(
                c,
                &InterviewFilter::default(),
                PageRequest {
                    offset: 0,
                    limit: 4,
                },
            )
        })
        .unwrap();
    assert_eq!((all.total, all.items.len()), (6, 4));
    assert_eq!(all.items[0].held_on, day(2026, 10, 9), "newest first");
    for item in &all.items {
        let tags: Vec<&str> = item.tags.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(tags, ["CI"], "each row of a page carries its own tags");
    }
    let second =
        w.db.read(|c| {
            interviews::list(
                c,
                &InterviewFilter::default(),
                PageRequest {
                    offset: 4,
                    limit: 4,
                },
            )
        })
        .unwrap();
    assert_eq!(second.items.len(), 2);
    let filter = InterviewFilter {
        customer_id: Some(w.payments),
        from: Some(day(2026, 10, 2)),
        to: Some(day(2026, 10, 4)),
        ..Default::default()
    };
    let some =
        w.db.read(|c| interviews::list(c, &filter, PageRequest::default()))
            .unwrap();
    assert_eq!(some.total, 3);
    let tag = w.db.read(themes::list).unwrap()[0].id;
    let by_tag = InterviewFilter {
        theme_id: Some(tag),
        interviewer_id: Some(w.ada),
        ..Default::default()
    };
    assert_eq!(
        w.db.read(|c| interviews::list(c, &by_tag, PageRequest::default()))
            .unwrap()
            .total,
        6
    );
}

#[test]
fn an_absurd_interview_date_is_refused() {
    let w = world();
    for held_on in [day(9999, 1, 1), day(1, 1, 1)] {
        let input = InterviewInput {
            customer_id: w.payments,
            held_on,
            kind: InterviewKind::Interview,
            interviewees: String::new(),
            interviewer_ids: vec![],
            duration_minutes: None,
            tags: vec![],
            notes: String::new(),
        };
        let err =
            w.db.write(|tx| interviews::create(tx, &input, now()))
                .unwrap_err();
        assert!(
            matches!(
                err,
                Error::Validation {
                    field: "heldOn",
                    ..
                }
            ),
            "{held_on}: {err:?}"
        );
    }
}

fn people(db: &Database, count: usize) -> Vec<Id> {
    let team = db
        .write(|tx| {
            let input = TeamInput {
                name: "Platform".into(),
                description: String::new(),
            };
            teams::create(tx, &input, now())
        })
        .unwrap()
        .id;
    (0..count)
        .map(|n| {
            let input = PersonInput {
                team_id: team,
                name: format!("Engineer {n}"),
                role: String::new(),
                level: Level::Senior,
            };
            db.write(|tx| people::create(tx, &input, now())).unwrap().id
        })
        .collect()
}

fn input(customer: Id, notes: &str) -> InterviewInput {
    InterviewInput {
        customer_id: customer,
        held_on: day(2026, 11, 18),
        kind: InterviewKind::SupportConversation,
        interviewees: "Lena (tech lead)".into(),
        interviewer_ids: Vec::new(),
        duration_minutes: Some(60),
        tags: Vec::new(),
        notes: notes.into(),
    }
}

/// The size of `text` inside a JSON reply, without its quote marks.
fn json_size(text: &str) -> usize {
    serde_json::to_string(text).unwrap().len() - 2
}

/// Text that costs the most JSON per character (a control character escapes to six bytes) and
/// can still be marked, `bytes` long in JSON.
fn costliest_text(bytes: usize) -> String {
    let mut text = "\u{1}".repeat(bytes / 6);
    text.push_str(&"x".repeat(bytes % 6));
    assert_eq!(json_size(&text), bytes);
    text
}

#[test]
fn the_largest_interview_reply_stays_within_the_ipc_budget() {
    // The longest notes and interviewees allowed, in the costliest characters, with ten
    // interviewers, ten tags of the longest name and forty highlights of 200 characters. The
    // number of highlights, tags and interviewers has no rule of its own; these are generous
    // for one conversation.
    let (_dir, db) = database();
    let payments = customer(&db, "Payments");
    let notes = costliest_text(interviews::NOTES_MAX_BYTES);
    let mut worst = input(payments, &notes);
    worst.interviewees = "\u{1}".repeat(interviews::INTERVIEWEES_MAX);
    worst.interviewer_ids = people(&db, 10);
    worst.tags = (0..10)
        .map(|n| format!("{n}{}", "😀".repeat(outward_core::NAME_MAX - 1)))
        .collect();
    let interview = db
        .write(|tx| interviews::create(tx, &worst, now()))
        .expect("the longest notes allowed are saved");
    let pain_point = db
        .write(|tx| {
            let input = PainPointInput {
                title: "Everything is slow".into(),
                description: String::new(),
                severity: 3,
                frequency: Frequency::Weekly,
                product_ids: Vec::new(),
                customer_ids: Vec::new(),
                tags: Vec::new(),
            };
            pain_points::create(tx, &input, None, now())
        })
        .unwrap()
        .id;
    for n in 0..40u32 {
        db.write(|tx| {
            highlights::mark(tx, interview.id, n * 200, n * 200 + 200, pain_point, now())
        })
        .unwrap();
    }

    let reply = db.read(|c| interviews::get(c, interview.id)).unwrap();
    assert_eq!(reply.highlights.len(), 40);
    let size = serde_json::to_vec(&reply).unwrap().len();
    assert!(
        size <= REPLY_MAX_BYTES,
        "get_interview's largest reply is {size} bytes of JSON, over the {REPLY_MAX_BYTES} of DESIGN.md §7"
    );
}

#[test]
fn notes_over_the_bound_are_refused_with_their_size_and_the_limit() {
    let (_dir, db) = database();
    let payments = customer(&db, "Payments");
    let at_limit = costliest_text(interviews::NOTES_MAX_BYTES);
    let id = db
        .write(|tx| interviews::create(tx, &input(payments, &at_limit), now()))
        .expect("notes exactly at the limit are saved")
        .id;

    // Every quote mark counts twice, as it does in the reply.
    let over = "\"".repeat(interviews::NOTES_MAX_BYTES / 2 + 1);
    let refused = db.write(|tx| interviews::save_notes(tx, id, &over, now()));
    let Err(Error::Validation { field, message }) = refused else {
        panic!("notes one byte over the limit are refused: {refused:?}");
    };
    assert_eq!(field, "notes");
    assert!(
        message.contains("160 KB") && message.contains("Split them"),
        "the message gives the limit and what to do: {message}"
    );
    assert_eq!(
        db.read(|c| interviews::get(c, id)).unwrap().notes,
        at_limit,
        "the stored notes are untouched"
    );
}

#[test]
fn notes_stored_before_the_bound_still_open_and_keep_their_details_editable() {
    let (_dir, db) = database();
    let payments = customer(&db, "Payments");
    let id = db
        .write(|tx| interviews::create(tx, &input(payments, "short"), now()))
        .unwrap()
        .id;
    // What an older version allowed: notes of up to 1 MB.
    let old = "Long transcript. ".repeat((1 << 20) / 17);
    db.write(|tx| {
        tx.execute("UPDATE interviews SET notes = ?1 WHERE id = ?2", (&old, id))?;
        Ok(())
    })
    .unwrap();

    let opened = db
        .read(|c| interviews::get(c, id))
        .expect("the interview opens");
    assert_eq!(opened.notes, old, "nothing is cut");

    let mut details = input(payments, &old);
    details.duration_minutes = Some(90);
    let updated = db
        .write(|tx| interviews::update(tx, id, &details, now()))
        .expect("details change while the long notes stay as they are");
    assert_eq!(updated.duration_minutes, Some(90));

    let edited = format!("{old}More.");
    let refused = db.write(|tx| interviews::save_notes(tx, id, &edited, now()));
    assert!(
        matches!(refused, Err(Error::Validation { field: "notes", .. })),
        "changed notes must fit the bound: {refused:?}"
    );
    details.notes = edited;
    let refused = db.write(|tx| interviews::update(tx, id, &details, now()));
    assert!(
        matches!(refused, Err(Error::Validation { field: "notes", .. })),
        "changed notes must fit the bound through update too: {refused:?}"
    );
    assert_eq!(db.read(|c| interviews::get(c, id)).unwrap().notes, old);
}

#[test]
fn a_list_row_shows_the_notes_heading_and_a_plain_excerpt_without_it() {
    let w = world();
    let titled = "# Payments — *quarterly* check-in\n\nThey ship **30 times** a week.\n";
    interview(&w, w.payments, day(2026, 11, 2), titled);
    interview(
        &w,
        w.payments,
        day(2026, 11, 1),
        "No heading, just **bold** words.",
    );
    let page =
        w.db.read(|c| interviews::list(c, &InterviewFilter::default(), PageRequest::default()))
            .unwrap();
    assert_eq!(
        page.items[0].heading.as_deref(),
        Some("Payments — quarterly check-in"),
        "the first heading, as plain text, tells this conversation apart"
    );
    assert_eq!(
        page.items[0].excerpt, "They ship 30 times a week.",
        "the excerpt is plain text and leaves out the heading shown beside it"
    );
    assert_eq!(
        page.items[1].heading, None,
        "no heading: the interface names it by kind and date"
    );
    assert_eq!(page.items[1].excerpt, "No heading, just bold words.");
}

#[test]
fn the_inbox_holds_the_interviews_with_no_evidence_yet_and_the_overview_counts_them() {
    let w = world();
    let marked = interview(&w, w.payments, day(2026, 11, 2), NOTES);
    let waiting = interview(&w, w.checkout, day(2026, 11, 3), NOTES);
    let pain = pain_point(&w, "CI queue is slow", 3);
    let inbox = |db: &Database| {
        let filter = InterviewFilter {
            unmarked: true,
            ..Default::default()
        };
        let page = db
            .read(|c| interviews::list(c, &filter, PageRequest::default()))
            .unwrap();
        let count = db
            .read(|c| outward_core::workspace::overview(c, std::path::Path::new("")))
            .unwrap()
            .inbox;
        (
            page.items.iter().map(|i| i.id).collect::<Vec<Id>>(),
            page.total,
            count,
        )
    };
    assert_eq!(
        inbox(&w.db),
        (vec![waiting, marked], 2, 2),
        "nothing marked yet"
    );
    w.db.take_changes();
    let quote = mark(&w, marked, NOTES, "The CI queue takes 40 minutes", pain);
    assert_eq!(
        inbox(&w.db),
        (vec![waiting], 1, 1),
        "marking a quote takes the interview out of the inbox"
    );
    let changed = w.db.take_changes().expect("marking announces a change");
    assert!(
        changed.counts,
        "marking a quote changes the inbox count the sidebar shows"
    );
    w.db.write(|tx| highlights::remove(tx, quote.id)).unwrap();
    assert_eq!(inbox(&w.db).2, 2, "removing the last quote puts it back");
}
