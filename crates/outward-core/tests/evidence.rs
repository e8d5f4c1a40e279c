//! Interviews, evidence, pain points, themes, search and coverage, against a real database.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use outward_core::coverage;
use outward_core::customers::{self, CustomerInput};
use outward_core::db::{Database, backup};
use outward_core::entity::EntityKind;
use outward_core::error::Error;
use outward_core::id::Id;
use outward_core::interviews::{self, InterviewFilter, InterviewInput, InterviewKind, highlights};
use outward_core::page::PageRequest;
use outward_core::pain_points::{self, Frequency, PainPointFilter, PainPointInput, Status};
use outward_core::people::{self, Level, PersonInput};
use outward_core::search::{self, HitKind};
use outward_core::settings;
use outward_core::teams::{self, TeamInput};
use outward_core::themes;
use outward_core::trash;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 20, 10, 0, 0)
        .single()
        .expect("valid")
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

struct World {
    /// Holds the database file: emptying the Trash backs it up beside it.
    _folder: tempfile::TempDir,
    db: Database,
    team: Id,
    ada: Id,
    payments: Id,
    checkout: Id,
}

fn world() -> World {
    let folder = tempfile::tempdir().unwrap();
    let db = Database::open(&folder.path().join("outward.db"), now()).unwrap();
    let team = db
        .write(|tx| {
            teams::create(
                tx,
                &TeamInput {
                    name: "Platform".into(),
                    description: String::new(),
                },
                now(),
            )
        })
        .unwrap()
        .id;
    let ada = db
        .write(|tx| {
            let input = PersonInput {
                team_id: team,
                name: "Ada".into(),
                role: String::new(),
                level: Level::Staff,
            };
            people::create(tx, &input, now())
        })
        .unwrap()
        .id;
    let customer = |name: &str| {
        let input = CustomerInput {
            name: name.into(),
            ..Default::default()
        };
        db.write(|tx| customers::create(tx, &input, now()))
            .unwrap()
            .id
    };
    let payments = customer("Payments");
    let checkout = customer("Checkout");
    World {
        _folder: folder,
        db,
        team,
        ada,
        payments,
        checkout,
    }
}

fn interview(w: &World, customer: Id, held_on: NaiveDate, notes: &str) -> Id {
    let input = InterviewInput {
        customer_id: customer,
        held_on,
        kind: InterviewKind::Interview,
        interviewees: "Lena (tech lead)".into(),
        interviewer_ids: vec![w.ada],
        duration_minutes: Some(30),
        tags: vec!["CI".into(), "ci".into(), " ".into()],
        notes: notes.into(),
    };
    w.db.write(|tx| interviews::create(tx, &input, now()))
        .unwrap()
        .id
}

fn pain_point(w: &World, title: &str, severity: u8) -> Id {
    let input = PainPointInput {
        title: title.into(),
        description: String::new(),
        severity,
        frequency: Frequency::Weekly,
        product_ids: vec![],
        customer_ids: vec![],
        tags: vec![],
    };
    w.db.write(|tx| pain_points::create(tx, &input, Some(w.ada), now()))
        .unwrap()
        .id
}

fn utf16(text: &str, part: &str) -> (u32, u32) {
    let byte = text.find(part).expect("part is in text");
    let start = text[..byte].encode_utf16().count() as u32;
    (start, start + part.encode_utf16().count() as u32)
}

fn mark(
    w: &World,
    interview: Id,
    notes: &str,
    part: &str,
    pain_point: Id,
) -> highlights::Highlight {
    let (start, end) = utf16(notes, part);
    w.db.write(|tx| highlights::mark(tx, interview, start, end, pain_point, now()))
        .unwrap()
}

const NOTES: &str =
    "# Call with Payments\nThe CI queue takes 40 minutes on Mondays. Deploys are fine.\n";

#[test]
fn a_marked_passage_becomes_evidence_with_a_way_back() {
    let w = world();
    let i = interview(&w, w.payments, day(2026, 11, 18), NOTES);
    let p = pain_point(&w, "CI queue is slow", 3);
    let h = mark(&w, i, NOTES, "The CI queue takes 40 minutes", p);
    assert_eq!(
        h.quote, "The CI queue takes 40 minutes",
        "quote comes from the stored notes"
    );

    let got =
        w.db.read(|c| pain_points::get(c, p, now().date_naive()))
            .unwrap();
    assert_eq!(got.evidence.items.len(), 1);
    let e = &got.evidence.items[0];
    assert_eq!(
        (e.interview_id, e.customer_id, e.start, e.end),
        (i, w.payments, h.start, h.end)
    );
    assert_eq!(got.reach, 1, "Payments is affected through the evidence");
    assert_eq!(got.history.len(), 1, "filing is recorded");
    let interview = w.db.read(|c| interviews::get(c, i)).unwrap();
    assert_eq!(interview.highlights, vec![h]);
    assert_eq!(interview.tags.len(), 1, "tags fold case and skip blanks");
}

#[test]
fn highlights_follow_their_quote_through_edits_and_detach_when_it_is_gone() {
    let w = world();
    let i = interview(&w, w.payments, day(2026, 11, 18), NOTES);
    let p = pain_point(&w, "CI queue is slow", 3);
    let h = mark(&w, i, NOTES, "40 minutes on Mondays", p);

    let edited = format!("Summary: painful.\n{NOTES}");
    w.db.write(|tx| interviews::save_notes(tx, i, &edited, now()))
        .unwrap();
    let moved =
        w.db.read(|c| interviews::get(c, i))
            .unwrap()
            .highlights
            .remove(0);
    assert_eq!(
        (moved.start, moved.end),
        utf16(&edited, "40 minutes on Mondays"),
        "re-anchored"
    );
    assert!(!moved.detached);
    assert_eq!(moved.id, h.id);

    w.db.write(|tx| interviews::save_notes(tx, i, "Rewritten entirely.", now()))
        .unwrap();
    let gone =
        w.db.read(|c| interviews::get(c, i))
            .unwrap()
            .highlights
            .remove(0);
    assert!(gone.detached, "quote is gone: detached, not dropped");
    assert_eq!(gone.quote, "40 minutes on Mondays", "the quote is kept");
    let evidence =
        w.db.read(|c| pain_points::get(c, p, now().date_naive()))
            .unwrap()
            .evidence;
    assert!(
        evidence.items[0].detached,
        "still evidence, shown as detached"
    );

    w.db.write(|tx| interviews::save_notes(tx, i, "Back: 40 minutes on Mondays.", now()))
        .unwrap();
    let back =
        w.db.read(|c| interviews::get(c, i))
            .unwrap()
            .highlights
            .remove(0);
    assert!(!back.detached, "re-attaches when the quote returns");
}

#[test]
fn bad_highlights_and_notes_are_refused_and_nothing_changes() {
    let w = world();
    let i = interview(&w, w.payments, day(2026, 11, 18), NOTES);
    let p = pain_point(&w, "CI queue is slow", 3);
    let length = NOTES.encode_utf16().count() as u32;
    for (start, end) in [(0, length + 1), (10, 10), (12, 5)] {
        let err =
            w.db.write(|tx| highlights::mark(tx, i, start, end, p, now()))
                .unwrap_err();
        assert!(
            matches!(err, Error::Validation { field: "start", .. }),
            "{start}..{end}: {err:?}"
        );
    }
    let huge = "x".repeat(interviews::NOTES_MAX_BYTES + 1);
    let err =
        w.db.write(|tx| interviews::save_notes(tx, i, &huge, now()))
            .unwrap_err();
    assert!(matches!(err, Error::Validation { field: "notes", .. }));
    assert!(err.to_string().contains("at most 160 KB"), "{err}");
    assert_eq!(
        w.db.read(|c| interviews::get(c, i)).unwrap().notes,
        NOTES,
        "notes unchanged"
    );
    let blank = PainPointInput {
        title: "  ".into(),
        description: String::new(),
        severity: 2,
        frequency: Frequency::Rarely,
        product_ids: vec![],
        customer_ids: vec![],
        tags: vec![],
    };
    let err =
        w.db.write(|tx| pain_points::create(tx, &blank, None, now()))
            .unwrap_err();
    assert!(matches!(err, Error::Validation { field: "title", .. }));
    let err =
        w.db.write(|tx| {
            pain_points::create(
                tx,
                &PainPointInput {
                    severity: 5,
                    title: "x".into(),
                    ..blank.clone()
                },
                None,
                now(),
            )
        })
        .unwrap_err();
    assert!(matches!(
        err,
        Error::Validation {
            field: "severity",
            ..
        }
    ));
}

#[test]
fn weight_orders_pain_points_by_severity_reach_and_fresh_evidence() {
    let w = world();
    let one = interview(&w, w.payments, day(2026, 11, 18), NOTES);
    let two = interview(&w, w.checkout, day(2026, 11, 19), NOTES);
    let old = interview(&w, w.checkout, day(2024, 1, 10), NOTES);
    let wide = pain_point(&w, "Wide", 2);
    let narrow = pain_point(&w, "Narrow", 2);
    let stale = pain_point(&w, "Stale", 2);
    mark(&w, one, NOTES, "CI queue", wide);
    mark(&w, two, NOTES, "CI queue", wide);
    mark(&w, one, NOTES, "Deploys are fine", narrow);
    mark(&w, old, NOTES, "Deploys are fine", stale);
    let page =
        w.db.read(|c| {
            pain_points::list(
                c,
                &PainPointFilter::default(),
                PageRequest::default(),
                now().date_naive(),
            )
        })
        .unwrap();
    let titles: Vec<&str> = page.items.iter().map(|p| p.title.as_str()).collect();
    assert_eq!(
        titles,
        ["Wide", "Narrow", "Stale"],
        "two customers beat one; fresh beats stale"
    );
    assert_eq!(page.total, 3);
    assert!(
        page.items[0].weight > 2.0 * page.items[1].weight * 0.9,
        "reach doubles weight"
    );

    let only_checkout = PainPointFilter {
        customer_id: Some(w.checkout),
        ..Default::default()
    };
    let filtered =
        w.db.read(|c| {
            pain_points::list(
                c,
                &only_checkout,
                PageRequest::default(),
                now().date_naive(),
            )
        })
        .unwrap();
    assert_eq!(
        filtered
            .items
            .iter()
            .map(|p| p.title.as_str())
            .collect::<Vec<_>>(),
        ["Wide", "Stale"]
    );
}

#[test]
fn merging_keeps_evidence_and_links_and_records_the_merge() {
    let w = world();
    let i = interview(&w, w.payments, day(2026, 11, 18), NOTES);
    let a = pain_point(&w, "CI is slow", 3);
    let b = pain_point(&w, "Builds queue on Mondays", 2);
    mark(&w, i, NOTES, "CI queue", a);
    mark(&w, i, NOTES, "40 minutes", b);
    let err =
        w.db.write(|tx| pain_points::merge(tx, a, a, now()))
            .unwrap_err();
    assert!(
        matches!(
            err,
            Error::Validation {
                field: "targetId",
                ..
            }
        ),
        "not into itself"
    );

    let kept =
        w.db.write(|tx| pain_points::merge(tx, b, a, now()))
            .unwrap();
    assert_eq!(kept.evidence.items.len(), 2, "b's evidence moved to a");
    assert_eq!(kept.merged.len(), 1);
    assert_eq!(kept.merged[0].name, "Builds queue on Mondays");
    let gone =
        w.db.read(|c| pain_points::get(c, b, now().date_naive()))
            .unwrap_err();
    assert!(
        matches!(gone, Error::NotFound { .. }),
        "merged pain points leave every list"
    );
    let page =
        w.db.read(|c| {
            pain_points::list(
                c,
                &PainPointFilter::default(),
                PageRequest::default(),
                now().date_naive(),
            )
        })
        .unwrap();
    assert_eq!(page.total, 1);
}

#[test]
fn status_changes_are_recorded_with_who_and_when() {
    let w = world();
    let p = pain_point(&w, "CI is slow", 3);
    let later = now() + chrono::Duration::days(2);
    let got =
        w.db.write(|tx| pain_points::set_status(tx, p, Status::Planned, Some(w.ada), later))
            .unwrap();
    assert_eq!(got.status, Status::Planned);
    let last = got.history.last().unwrap();
    assert_eq!(
        (last.from, last.to, last.changed_by, last.changed_at),
        (Some(Status::New), Status::Planned, Some(w.ada), later)
    );
    let again =
        w.db.write(|tx| pain_points::set_status(tx, p, Status::Planned, None, later))
            .unwrap();
    assert_eq!(again.history.len(), 2, "no change, no record");
}

#[test]
fn search_stays_in_step_with_inserts_updates_and_deletes() {
    let w = world();
    let i = interview(
        &w,
        w.payments,
        day(2026, 11, 18),
        "Flaky canaries block Friday releases.",
    );
    pain_point(&w, "Canary analysis is opaque", 2);
    let hits = w.db.read(|c| search::search(c, "canar")).unwrap();
    let kinds: Vec<HitKind> = hits.iter().map(|h| h.kind).collect();
    assert!(
        kinds.contains(&HitKind::Interview) && kinds.contains(&HitKind::PainPoint),
        "{kinds:?}"
    );
    let hit = hits.iter().find(|h| h.kind == HitKind::Interview).unwrap();
    assert_eq!((hit.id, hit.title.as_str()), (i, "Payments"));
    assert!(
        hit.snippet.contains("\u{E000}canaries\u{E001}"),
        "{}",
        hit.snippet
    );

    w.db.write(|tx| interviews::save_notes(tx, i, "Rollbacks take an hour.", now()))
        .unwrap();
    let interviews_found = |q: &str| {
        w.db.read(|c| search::search(c, q))
            .unwrap()
            .into_iter()
            .filter(|h| h.kind == HitKind::Interview)
            .count()
    };
    assert_eq!(interviews_found("canaries"), 0, "old words leave the index");
    assert_eq!(
        interviews_found("\"rollbacks take\""),
        1,
        "phrases match the new words"
    );
    w.db.write(|tx| trash::move_to_trash(tx, EntityKind::Interview, i, now()))
        .unwrap();
    assert_eq!(
        interviews_found("rollbacks"),
        0,
        "trashed interviews are not found"
    );
    trash::empty(&w.db, now()).unwrap();
    assert_eq!(
        interviews_found("rollbacks"),
        0,
        "destroyed rows leave the index"
    );
    let err = w.db.read(|c| search::search(c, "?!*")).unwrap_err();
    assert!(matches!(err, Error::Validation { field: "query", .. }));
}

#[test]
fn a_term_found_nearly_everywhere_is_ranked_among_its_newest_matches() {
    let w = world();
    let oldest_best = pain_point(&w, "Deploy deploy deploy deploy", 2);
    w.db.write(|tx| {
        for n in 0..search::RANKED_MAX {
            let input = PainPointInput {
                title: format!("Slow deploy {n}"),
                description: String::new(),
                severity: 2,
                frequency: Frequency::Weekly,
                product_ids: vec![],
                customer_ids: vec![],
                tags: vec![],
            };
            pain_points::create(tx, &input, None, now())?;
        }
        Ok(())
    })
    .unwrap();
    let newest_best = pain_point(&w, "Deploy deploy deploy waits", 2);
    let found: Vec<Id> =
        w.db.read(|c| search::search(c, "deploy"))
            .unwrap()
            .into_iter()
            .filter(|h| h.kind == HitKind::PainPoint)
            .map(|h| h.id)
            .collect();
    assert_eq!(
        found.len() as u32,
        search::LIMIT_PER_KIND,
        "hits are capped"
    );
    assert_eq!(
        found[0], newest_best,
        "the best of the newest matches comes first"
    );
    assert!(
        !found.contains(&oldest_best),
        "a match older than the newest {} is not ranked",
        search::RANKED_MAX
    );
}

#[test]
fn records_in_the_trash_take_no_place_among_the_hits() {
    let w = world();
    let weaker = pain_point(&w, "Queue is slow", 2);
    for n in 0..=search::LIMIT_PER_KIND {
        let better = pain_point(&w, &format!("Queue queue queue {n}"), 2);
        w.db.write(|tx| trash::move_to_trash(tx, EntityKind::PainPoint, better, now()))
            .unwrap();
    }
    let found: Vec<Id> =
        w.db.read(|c| search::search(c, "queue"))
            .unwrap()
            .into_iter()
            .map(|h| h.id)
            .collect();
    assert_eq!(
        found,
        [weaker],
        "better matches in the Trash do not crowd it out"
    );
}

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
fn coverage_puts_the_longest_silence_first_and_flags_it() {
    let w = world();
    interview(&w, w.payments, day(2026, 11, 2), "Recent");
    interview(&w, w.checkout, day(2026, 6, 1), "Long ago");
    let silent =
        w.db.write(|tx| {
            customers::create(
                tx,
                &CustomerInput {
                    name: "Data".into(),
                    ..Default::default()
                },
                now(),
            )
        })
        .unwrap()
        .id;
    let c =
        w.db.read(|c| coverage::coverage(c, now().date_naive()))
            .unwrap();
    assert_eq!(c.quarter, "2026 Q4");
    let order: Vec<Id> = c.customers.iter().map(|x| x.customer_id).collect();
    assert_eq!(
        order,
        vec![silent, w.checkout, w.payments],
        "never, then oldest, then recent"
    );
    let flags: Vec<bool> = c.customers.iter().map(|x| x.unheard).collect();
    assert_eq!(flags, vec![true, true, false], "past 12 weeks is flagged");
    assert_eq!(c.customers[2].conversations_this_quarter, 1);
    assert_eq!(
        c.people[0].conversations_this_quarter, 1,
        "Ada held one this quarter"
    );

    w.db.write(|tx| settings::set_unheard_after_weeks(tx, 30))
        .unwrap();
    let relaxed =
        w.db.read(|c| coverage::coverage(c, now().date_naive()))
            .unwrap();
    assert!(
        !relaxed.customers[1].unheard,
        "24 weeks is fine with a 30-week threshold"
    );
    let _ = w.team;
}

#[test]
fn coverage_counts_the_quarter_of_the_workspace_fiscal_year() {
    let w = world();
    interview(&w, w.payments, day(2026, 9, 15), "September");
    interview(&w, w.payments, day(2026, 11, 2), "November");
    let calendar =
        w.db.read(|c| coverage::coverage(c, now().date_naive()))
            .unwrap();
    assert_eq!(
        (calendar.quarter.as_str(), calendar.quarter_start),
        ("2026 Q4", day(2026, 10, 1))
    );
    let payments = |c: &coverage::Coverage| {
        c.customers
            .iter()
            .find(|x| x.customer_id == w.payments)
            .map(|x| x.conversations_this_quarter)
    };
    assert_eq!(payments(&calendar), Some(1));

    w.db.write(|tx| settings::set_fiscal_year_start(tx, 9))
        .unwrap();
    let fiscal =
        w.db.read(|c| coverage::coverage(c, now().date_naive()))
            .unwrap();
    assert_eq!(
        (fiscal.quarter.as_str(), fiscal.quarter_start),
        ("2027 Q1", day(2026, 9, 1)),
        "a year starting in September 2026 is fiscal 2027, and November is in its first quarter"
    );
    assert_eq!(
        payments(&fiscal),
        Some(2),
        "September's conversation is in this fiscal quarter"
    );
}

#[test]
fn evidence_lookups_use_their_index() {
    let w = world();
    let plan: String =
        w.db.read(|c| {
            let mut stmt = c.prepare(
                "EXPLAIN QUERY PLAN SELECT id FROM highlights WHERE pain_point_id = 'x'",
            )?;
            let rows: Vec<String> = stmt
                .query_map([], |r| r.get(3))?
                .collect::<rusqlite::Result<_>>()?;
            Ok(rows.join("\n"))
        })
        .unwrap();
    assert!(plan.contains("highlights_by_pain_point"), "{plan}");
}

#[test]
fn an_import_is_all_or_nothing_and_creates_unknown_customers() {
    let w = world();
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, body: &str| std::fs::write(dir.path().join(name), body).unwrap();
    write(
        "a.md",
        "---\ndate: 2026-10-01\ncustomer: payments\ntags: [ci]\n---\nQueue is slow.\n",
    );
    write(
        "b.md",
        "---\ndate: 2026-10-02\ncustomer: Search\n---\nIndex rebuilds hurt.\n",
    );
    write("ignored.txt", "not markdown");
    let files = interviews::import::read_folder(dir.path()).unwrap();
    let plan = w.db.read(|c| interviews::import::plan(c, files)).unwrap();
    assert_eq!(plan.interviews.len(), 2);
    assert_eq!(
        plan.new_customers,
        ["Search"],
        "Payments exists already, ignoring case"
    );

    write("c.md", "---\ndate: someday\ncustomer: Payments\n---\n");
    let err = interviews::import::read_folder(dir.path())
        .unwrap_err()
        .to_string();
    assert!(err.contains("c.md, line 2"), "{err}");

    std::fs::remove_file(dir.path().join("c.md")).unwrap();
    let count =
        w.db.write(|tx| interviews::import::apply(tx, &plan, now()))
            .unwrap();
    assert_eq!(count, 2);
    let all =
        w.db.read(|c| interviews::list(c, &InterviewFilter::default(), PageRequest::default()))
            .unwrap();
    assert_eq!(all.total, 2);
    assert_eq!(
        w.db.read(customers::list).unwrap().len(),
        3,
        "Search was created"
    );
    assert_eq!(
        w.db.read(|c| search::search(c, "rebuilds")).unwrap().len(),
        1,
        "imported notes are searchable"
    );

    let before =
        w.db.read(|c| interviews::list(c, &InterviewFilter::default(), PageRequest::default()))
            .unwrap()
            .total;
    let mut broken = plan.clone();
    broken.interviews[1].notes = "x".repeat(interviews::NOTES_MAX_BYTES + 1);
    let err =
        w.db.write(|tx| interviews::import::apply(tx, &broken, now()))
            .unwrap_err();
    assert!(err.to_string().starts_with("b.md:"), "{err}");
    let after =
        w.db.read(|c| interviews::list(c, &InterviewFilter::default(), PageRequest::default()))
            .unwrap()
            .total;
    assert_eq!(
        after, before,
        "the first file of a failed import was rolled back too"
    );
}

#[test]
fn removing_a_highlight_lowers_the_weight_and_keeps_the_notes() {
    let w = world();
    let i = interview(&w, w.payments, day(2026, 11, 18), NOTES);
    let p = pain_point(&w, "CI queue is slow", 3);
    let weight = |w: &World| {
        w.db.read(|c| pain_points::get(c, p, now().date_naive()))
            .unwrap()
            .weight
    };
    let alone = weight(&w);
    let h = mark(&w, i, NOTES, "CI queue", p);
    assert!(weight(&w) > alone, "evidence adds weight");
    let removed = w.db.write(|tx| highlights::remove(tx, h.id)).unwrap();
    assert_eq!(removed.pain_point_id, p);
    assert!(
        (weight(&w) - alone).abs() < 1e-9,
        "back to the pain point alone"
    );
    assert_eq!(w.db.read(|c| interviews::get(c, i)).unwrap().notes, NOTES);
}

#[test]
fn a_large_import_into_a_new_database_keeps_the_index_deletes_seeking() {
    // A new database records its full-text tables as nearly empty; FTS5's deletes of merged
    // pages scan the whole index while the planner believes that (quadratic over an import).
    let dir = tempfile::tempdir().unwrap();
    let db = Database::open(&dir.path().join("outward.db"), now()).unwrap();
    let files = (0..300)
        .map(|n| interviews::import::ImportedInterview {
            file: format!("{n}.md"),
            held_on: day(2026, 10, 1),
            customer: "Payments".into(),
            kind: InterviewKind::Interview,
            interviewees: String::new(),
            tags: Vec::new(),
            duration_minutes: None,
            notes: (0..400).map(|w| format!("word{} ", n * 7 + w)).collect(),
        })
        .collect();
    let plan = db.read(|c| interviews::import::plan(c, files)).unwrap();
    db.write(|tx| interviews::import::apply(tx, &plan, now()))
        .unwrap();
    let how = db
        .read(|c| {
            Ok(c.query_row(
                "EXPLAIN QUERY PLAN DELETE FROM interviews_fts_data WHERE id >= ?1 AND id <= ?2",
                [1, 2],
                |r| r.get::<_, String>(3),
            )?)
        })
        .unwrap();
    assert!(how.contains("rowid>? AND rowid<?"), "{how}");
}

fn weight_and_counts(w: &World, p: Id) -> (f64, u32, u32, u32) {
    let listed =
        w.db.read(|c| {
            pain_points::list(
                c,
                &PainPointFilter::default(),
                PageRequest::default(),
                now().date_naive(),
            )
        })
        .unwrap();
    let row = listed.items.iter().find(|row| row.id == p).expect("listed");
    let detail =
        w.db.read(|c| pain_points::get(c, p, now().date_naive()))
            .unwrap();
    (
        row.weight,
        row.evidence_count,
        detail.evidence.total,
        detail.reach,
    )
}

#[test]
fn trashing_a_customer_takes_its_interviews_and_keeps_every_count_in_step() {
    let w = world();
    let i = interview(&w, w.payments, day(2026, 11, 18), NOTES);
    let p = pain_point(&w, "CI queue is slow", 3);
    mark(&w, i, NOTES, "CI queue", p);
    let before = weight_and_counts(&w, p);
    w.db.write(|tx| trash::move_to_trash(tx, EntityKind::Customer, w.payments, now()))
        .unwrap();
    let listed = w.db.read(trash::list).unwrap().items;
    assert_eq!(
        listed
            .iter()
            .map(|item| (item.id, item.trashed_with))
            .collect::<Vec<_>>(),
        [(w.payments, None), (i, Some(w.payments))],
        "the interview is listed under the customer it went with"
    );
    let overview =
        w.db.read(|c| outward_core::workspace::overview(c, std::path::Path::new("")))
            .unwrap();
    assert_eq!(
        overview.interviews, 0,
        "no count still holds the hidden interview"
    );
    assert_eq!(overview.trash as usize, listed.len());
    assert!(
        w.db.read(|c| interviews::get(c, i)).is_err(),
        "the interview cannot be opened"
    );
    let hidden = weight_and_counts(&w, p);
    assert_eq!(
        (hidden.1, hidden.2, hidden.3),
        (0, 0, 0),
        "no evidence and no reach while in the Trash"
    );
    assert!(
        hidden.0 < before.0,
        "the weight drops: {hidden:?} vs {before:?}"
    );
}

#[test]
fn trashing_an_interview_refreshes_weight_and_every_evidence_count() {
    let w = world();
    let i = interview(&w, w.payments, day(2026, 11, 18), NOTES);
    let p = pain_point(&w, "CI queue is slow", 3);
    mark(&w, i, NOTES, "CI queue", p);
    let before = weight_and_counts(&w, p);
    w.db.write(|tx| trash::move_to_trash(tx, EntityKind::Interview, i, now()))
        .unwrap();
    let hidden = weight_and_counts(&w, p);
    assert_eq!(
        (hidden.1, hidden.2),
        (0, 0),
        "list and detail agree: {hidden:?}"
    );
    assert!(
        hidden.0 < before.0,
        "the weight follows: {hidden:?} vs {before:?}"
    );
    w.db.write(|tx| trash::restore(tx, EntityKind::Interview, i, now()))
        .unwrap();
    assert_eq!(
        weight_and_counts(&w, p),
        before,
        "restoring brings it all back"
    );
}

#[test]
fn a_named_customer_in_the_trash_counts_neither_in_reach_nor_weight() {
    let w = world();
    let input = PainPointInput {
        title: "Flaky deploys".into(),
        description: String::new(),
        severity: 2,
        frequency: Frequency::Weekly,
        product_ids: vec![],
        customer_ids: vec![w.payments, w.checkout],
        tags: vec![],
    };
    let p =
        w.db.write(|tx| pain_points::create(tx, &input, None, now()))
            .unwrap()
            .id;
    let before = weight_and_counts(&w, p);
    w.db.write(|tx| trash::move_to_trash(tx, EntityKind::Customer, w.checkout, now()))
        .unwrap();
    let after = weight_and_counts(&w, p);
    assert_eq!(after.3, 1, "reach counts only the live customer");
    assert!(
        (after.0 - before.0 / 2.0).abs() < 1e-9,
        "weight halves with reach: {after:?} vs {before:?}"
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

#[test]
fn emptying_the_trash_takes_a_verified_backup_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("outward.db");
    let db = Database::open(&path, now()).unwrap();
    let c = db
        .write(|tx| {
            customers::create(
                tx,
                &CustomerInput {
                    name: "Gone".into(),
                    ..Default::default()
                },
                now(),
            )
        })
        .unwrap()
        .id;
    let held = InterviewInput {
        customer_id: c,
        held_on: day(2026, 11, 18),
        kind: InterviewKind::Interview,
        interviewees: String::new(),
        interviewer_ids: vec![],
        duration_minutes: None,
        tags: vec![],
        notes: NOTES.into(),
    };
    let i = db
        .write(|tx| interviews::create(tx, &held, now()))
        .unwrap()
        .id;
    let p = db
        .write(|tx| {
            let input = PainPointInput {
                title: "Slow queue".into(),
                description: String::new(),
                severity: 2,
                frequency: Frequency::Daily,
                product_ids: vec![],
                customer_ids: vec![],
                tags: vec![],
            };
            pain_points::create(tx, &input, None, now())
        })
        .unwrap()
        .id;
    let (start, end) = utf16(NOTES, "CI queue");
    db.write(|tx| highlights::mark(tx, i, start, end, p, now()))
        .unwrap();
    db.write(|tx| trash::move_to_trash(tx, EntityKind::Customer, c, now()))
        .unwrap();
    let destroys = db.read(trash::list).unwrap().destroys;
    assert_eq!(
        destroys, "1 customer, 1 interview and 1 quote",
        "the confirmation counts all"
    );
    let emptied = trash::empty(&db, now()).unwrap();
    assert_eq!(emptied.destroyed, 2);
    assert_eq!(
        emptied.backup.as_deref(),
        backup::latest_for(&path)
            .as_deref()
            .and_then(|p| p.to_str())
    );
    assert!(
        db.read(|c| pain_points::get(c, p, now().date_naive()))
            .is_ok(),
        "the pain point was not in the Trash and stays"
    );
    let saved = backup::latest_for(&path).expect("a backup was taken before destroying");
    let conn = rusqlite::Connection::open(saved).unwrap();
    let kept: u32 = conn
        .query_row("SELECT count(*) FROM customers", [], |r| r.get(0))
        .unwrap();
    assert_eq!(kept, 1, "the backup holds what was destroyed");
    let quotes: u32 = conn
        .query_row("SELECT count(*) FROM highlights", [], |r| r.get(0))
        .unwrap();
    assert_eq!(quotes, 1, "and its quotes");
}

#[test]
fn restoring_a_customer_brings_back_only_the_interviews_that_went_with_it() {
    let w = world();
    let earlier = interview(&w, w.payments, day(2026, 11, 1), NOTES);
    let later = interview(&w, w.payments, day(2026, 11, 18), NOTES);
    let p = pain_point(&w, "CI queue is slow", 3);
    mark(&w, later, NOTES, "CI queue", p);
    let before = weight_and_counts(&w, p);
    let a_minute_later = now() + chrono::Duration::minutes(1);
    w.db.write(|tx| trash::move_to_trash(tx, EntityKind::Interview, earlier, now()))
        .unwrap();
    w.db.write(|tx| trash::move_to_trash(tx, EntityKind::Customer, w.payments, a_minute_later))
        .unwrap();
    let err =
        w.db.write(|tx| trash::restore(tx, EntityKind::Interview, later, now()))
            .unwrap_err();
    assert!(
        matches!(err, Error::Conflict { .. }),
        "its customer first: {err:?}"
    );
    w.db.write(|tx| trash::restore(tx, EntityKind::Customer, w.payments, now()))
        .unwrap();
    assert!(
        w.db.read(|c| interviews::get(c, later)).is_ok(),
        "came back with it"
    );
    assert!(
        w.db.read(|c| interviews::get(c, earlier)).is_err(),
        "trashed on its own, it stays in the Trash"
    );
    assert_eq!(
        weight_and_counts(&w, p),
        before,
        "its evidence counts again"
    );
}

#[test]
fn a_pain_point_takes_what_was_merged_into_it_to_the_trash_and_back() {
    let w = world();
    let kept = pain_point(&w, "Kept", 2);
    let merged = pain_point(&w, "Merged", 2);
    w.db.write(|tx| pain_points::merge(tx, merged, kept, now()))
        .unwrap();
    w.db.write(|tx| trash::move_to_trash(tx, EntityKind::PainPoint, kept, now()))
        .unwrap();
    let listed = w.db.read(trash::list).unwrap();
    assert_eq!(
        listed
            .items
            .iter()
            .map(|item| (item.id, item.trashed_with))
            .collect::<Vec<_>>(),
        [(kept, None), (merged, Some(kept))]
    );
    assert_eq!(listed.destroys, "2 pain points");
    w.db.write(|tx| trash::restore(tx, EntityKind::PainPoint, kept, now()))
        .unwrap();
    let back =
        w.db.read(|c| pain_points::get(c, kept, now().date_naive()))
            .unwrap();
    assert_eq!(back.merged.len(), 1, "the merge is remembered");
    assert!(w.db.read(trash::list).unwrap().items.is_empty());
}
