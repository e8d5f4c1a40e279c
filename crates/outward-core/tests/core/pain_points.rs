//! Pain points: ordered by weight, merged, and their status changes recorded.

use crate::fixtures::{NOTES, day, interview, mark, now, pain_point, world};
use outward_core::error::Error;
use outward_core::page::PageRequest;
use outward_core::pain_points::{self, PainPointFilter, Status};

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
