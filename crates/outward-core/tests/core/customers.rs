//! A customer's page: what they use, when and by whom they were last heard from, their
//! interviews, the quotes they gave and the pain points that reach them, in pages.

use crate::fixtures::{
    NOTES, REPLY_MAX_BYTES, day, interview, mark, now, pain_point, person, world,
};
use outward_core::customers;
use outward_core::entity::EntityKind;
use outward_core::evidence;
use outward_core::id::Id;
use outward_core::interviews::{self, InterviewInput, InterviewKind};
use outward_core::page::PageRequest;
use outward_core::trash;

#[test]
fn a_customer_page_shows_its_conversations_quotes_and_heaviest_pain_points() {
    let w = world();
    let older = interview(&w, w.payments, day(2026, 8, 1), NOTES);
    let newest = interview(&w, w.payments, day(2026, 11, 10), NOTES);
    interview(&w, w.checkout, day(2026, 11, 12), NOTES);
    let light = pain_point(&w, "Deploys are fine", 1);
    let heavy = pain_point(&w, "CI queue is slow", 4);
    mark(&w, older, NOTES, "Deploys are fine", light);
    mark(&w, newest, NOTES, "The CI queue takes 40 minutes", heavy);
    let elsewhere = pain_point(&w, "Only Checkout", 4);
    let today = now().date_naive();

    let p =
        w.db.read(|c| customers::profile(c, w.payments, today))
            .unwrap();
    assert_eq!(p.customer.name, "Payments");
    let last = p.last_heard.expect("heard from");
    assert_eq!(
        (last.interview_id, last.held_on),
        (newest, day(2026, 11, 10))
    );
    assert_eq!(
        last.by.iter().map(|t| t.id).collect::<Vec<Id>>(),
        vec![w.ada],
        "held by Ada"
    );
    assert_eq!(p.weeks_since, Some(1));
    assert!(!p.unheard, "ten days is within twelve weeks");
    assert_eq!(
        p.interviews.items.iter().map(|i| i.id).collect::<Vec<Id>>(),
        vec![newest, older],
        "its own interviews, newest first, no other customer's"
    );
    assert_eq!(
        p.quotes
            .items
            .iter()
            .map(|q| q.pain_point_id)
            .collect::<Vec<Id>>(),
        vec![heavy, light],
        "its quotes, newest conversation first, each with the pain point it supports"
    );
    assert_eq!(p.quotes.items[0].pain_point_title, "CI queue is slow");
    assert_eq!(p.quotes.items[0].quote, "The CI queue takes 40 minutes");
    assert_eq!(
        p.pain_points
            .items
            .iter()
            .map(|x| x.id)
            .collect::<Vec<Id>>(),
        vec![heavy, light],
        "the pain points it is affected by, heaviest first; not {elsewhere}"
    );
}

#[test]
fn last_heard_skips_future_dates_and_trashed_interviewers_and_a_silent_customer_is_unheard() {
    let w = world();
    let today = now().date_naive();
    let silent =
        w.db.read(|c| customers::profile(c, w.checkout, today))
            .unwrap();
    assert!(
        silent.last_heard.is_none() && silent.unheard,
        "never heard from is unheard"
    );
    assert_eq!(silent.interviews.total, 0);

    let bo = person(&w, "Bo");
    let held = |on, who: Vec<Id>| {
        let input = InterviewInput {
            customer_id: w.checkout,
            held_on: on,
            kind: InterviewKind::SupportConversation,
            interviewees: String::new(),
            interviewer_ids: who,
            duration_minutes: None,
            tags: vec![],
            notes: String::new(),
        };
        w.db.write(|tx| interviews::create(tx, &input, now()))
            .unwrap()
            .id
    };
    let past = held(day(2026, 7, 1), vec![w.ada, bo]);
    held(day(2026, 12, 1), vec![w.ada]);
    w.db.write(|tx| trash::move_to_trash(tx, EntityKind::Person, bo, now()))
        .unwrap();
    let p =
        w.db.read(|c| customers::profile(c, w.checkout, today))
            .unwrap();
    let last = p.last_heard.expect("heard from in July");
    assert_eq!(
        last.interview_id, past,
        "a conversation dated ahead is not heard yet"
    );
    assert_eq!(last.kind, InterviewKind::SupportConversation);
    assert_eq!(last.by.len(), 1, "Bo is in the Trash: only Ada is named");
    assert!(p.unheard, "20 weeks is past the 12-week default");
    assert_eq!(
        p.interviews.total, 2,
        "the page still lists both interviews"
    );
}

#[test]
fn a_customer_with_many_quotes_pages_them_and_its_page_stays_within_the_reply_budget() {
    let w = world();
    let long_line = format!("{} ", "The runner pool is empty again. ".repeat(200));
    let notes = format!("# Long call\n\n{long_line}\n");
    let pain = pain_point(&w, "Runners run out", 3);
    for d in 1..=25 {
        let talk = interview(&w, w.payments, day(2026, 10, d), &notes);
        mark(&w, talk, &notes, long_line.trim_end(), pain);
    }
    let today = now().date_naive();
    let p =
        w.db.read(|c| customers::profile(c, w.payments, today))
            .unwrap();
    assert_eq!(p.quotes.items.len(), customers::PROFILE_PAGE as usize);
    assert_eq!(p.quotes.total, 25, "counted when the first page is full");
    assert!(
        p.quotes
            .items
            .iter()
            .all(|q| q.quote.chars().count() <= evidence::QUOTE_SHOWN_CHARS),
        "a long quote is cut on the page; the interview holds it whole"
    );
    assert!(p.quotes.items[0].quote.ends_with('…'));
    let size = serde_json::to_string(&p).unwrap().len();
    assert!(
        size < REPLY_MAX_BYTES / 4,
        "a customer's page is small: {size} bytes"
    );
    let last =
        w.db.read(|c| {
            evidence::page_from_customer(
                c,
                w.payments,
                PageRequest {
                    offset: 20,
                    limit: 10,
                },
            )
        })
        .unwrap();
    assert_eq!(
        (last.items.len(), last.total),
        (5, 25),
        "the last page of quotes"
    );
    assert_eq!(last.items[4].held_on, day(2026, 10, 1), "oldest last");
}

#[test]
fn a_customer_in_the_trash_has_no_page() {
    let w = world();
    w.db.write(|tx| trash::move_to_trash(tx, EntityKind::Customer, w.payments, now()))
        .unwrap();
    let err =
        w.db.read(|c| customers::profile(c, w.payments, now().date_naive()))
            .unwrap_err();
    assert!(
        matches!(err, outward_core::error::Error::NotFound { .. }),
        "{err:?}"
    );
}
