//! Evidence: a marked passage of an interview's notes, anchored through edits, and what it adds to a
//! pain point.

use crate::fixtures::{NOTES, World, day, interview, mark, now, pain_point, utf16, world};
use outward_core::error::Error;
use outward_core::interviews::{self, highlights};
use outward_core::pain_points::{self, Frequency, PainPointInput};

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
        (Some(i), Some(w.payments), Some(h.start), Some(h.end))
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

/// Every read that skips interviews in the Trash, through the `evidence` view or directly (as
/// coverage and themes do, naming the index), finds the live ones from an index alone: their
/// rows hold the notes before `deleted_at`, so reading a row to check it walks tens of
/// kilobytes of overflow pages.
#[test]
fn reads_that_skip_the_trash_never_read_an_interview_row() {
    let w = world();
    for n in 1..=3 {
        interview(&w, w.payments, day(2026, 11, n), NOTES);
    }
    // As the app does on opening a database and during bulk writes.
    w.db.write(|tx| {
        outward_core::db::refresh_statistics(tx);
        Ok(())
    })
    .unwrap();
    let plan = |sql: &str| -> String {
        w.db.read(|c| {
            let mut stmt = c.prepare(&format!("EXPLAIN QUERY PLAN {sql}"))?;
            let rows: Vec<String> = stmt
                .query_map([], |r| r.get(3))?
                .collect::<rusqlite::Result<_>>()?;
            Ok(rows.join("\n"))
        })
        .unwrap()
    };
    let reads = [
        // A pain point's evidence, with its customers and dates.
        "SELECT customer_id, heard_on FROM evidence WHERE pain_point_id = 'x'",
        // The interviews of a theme, counted.
        "SELECT count(*) FROM interview_themes it
         JOIN interviews i INDEXED BY interviews_live ON i.id = it.interview_id
         WHERE it.theme_id = 'x' AND i.deleted_at IS NULL",
        // A customer's last conversation, and the pain points its interviews quote.
        "SELECT max(held_on) FROM interviews i INDEXED BY interviews_live_by_customer
         WHERE i.customer_id = 'x' AND i.deleted_at IS NULL",
        "SELECT h.pain_point_id FROM highlights h
         JOIN interviews i INDEXED BY interviews_live_by_customer ON i.id = h.interview_id
         WHERE i.customer_id = 'x' AND i.deleted_at IS NULL",
    ];
    for sql in reads {
        let plan = plan(sql);
        let interviews: Vec<&str> = plan
            .lines()
            .filter(|l| l.contains(" i ") || l.ends_with(" i"))
            .collect();
        assert!(
            !interviews.is_empty() && interviews.iter().all(|l| l.contains("COVERING INDEX")),
            "interviews are read from a covering index in `{sql}`:\n{plan}"
        );
    }
    let open = plan(
        "SELECT count(*) FROM pain_point_themes pt
         JOIN pain_points p INDEXED BY pain_points_live_status ON p.id = pt.pain_point_id
         WHERE pt.theme_id = 'x' AND p.deleted_at IS NULL AND p.merged_into IS NULL
           AND p.status IN ('new', 'accepted', 'planned')",
    );
    assert!(
        open.contains("COVERING INDEX pain_points_live_status"),
        "live pain points and their status come from an index:\n{open}"
    );
}

#[test]
fn evidence_comes_in_pages_that_count_every_quote_newest_first() {
    let w = world();
    let p = pain_point(&w, "CI queue is slow", 3);
    for held_on in [day(2026, 11, 1), day(2026, 11, 10), day(2026, 11, 18)] {
        let i = interview(&w, w.payments, held_on, NOTES);
        mark(&w, i, NOTES, "CI queue", p);
    }
    let page = |offset, limit| {
        w.db.read(|c| {
            outward_core::evidence::page_of(c, p, outward_core::page::PageRequest { offset, limit })
        })
        .unwrap()
    };
    let first = page(0, 2);
    assert_eq!(
        (first.items.len(), first.total),
        (2, 3),
        "a full first page still counts all"
    );
    assert_eq!(first.items[0].heard_on, day(2026, 11, 18), "newest first");
    let rest = page(2, 2);
    assert_eq!(
        (rest.items.len(), rest.total),
        (1, 3),
        "a later page counts all too"
    );
    assert_eq!(rest.items[0].heard_on, day(2026, 11, 1));
    let whole =
        w.db.read(|c| pain_points::get(c, p, now().date_naive()))
            .unwrap();
    assert_eq!((whole.evidence.items.len(), whole.evidence.total), (3, 3));
}
