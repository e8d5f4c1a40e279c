//! Themes as pages: a theme's pain points and interviews, and the example's themes gathering
//! both.

use crate::fixtures::{NOTES, database, day, interview, mark, now, pain_point, world};
use outward_core::entity::EntityKind;
use outward_core::pain_points::{self, PainPointInput};
use outward_core::themes;
use outward_core::trash;
use outward_core::workspace;

#[test]
fn a_theme_opens_on_its_heaviest_pain_points_and_newest_interviews() {
    let w = world();
    // The fixture tags every interview "CI".
    let older = interview(&w, w.payments, day(2026, 10, 1), NOTES);
    let newer = interview(&w, w.checkout, day(2026, 11, 1), NOTES);
    let tag = |title: &str, severity: u8| {
        let id = pain_point(&w, title, severity);
        let current =
            w.db.read(|c| pain_points::get(c, id, now().date_naive()))
                .unwrap();
        let input = PainPointInput {
            title: current.title,
            description: current.description,
            severity: current.severity,
            frequency: current.frequency,
            product_ids: current.product_ids,
            customer_ids: current.customer_ids,
            tags: vec!["ci".into()],
        };
        w.db.write(|tx| pain_points::update(tx, id, &input, now()))
            .unwrap();
        id
    };
    let light = tag("Logs are noisy", 1);
    let heavy = tag("CI queue is slow", 4);
    mark(&w, newer, NOTES, "The CI queue takes 40 minutes", heavy);
    let untagged = pain_point(&w, "Not about CI", 4);
    let ci = w.db.read(themes::list).unwrap()[0].id;

    let cluster =
        w.db.read(|c| themes::cluster(c, ci, now().date_naive()))
            .unwrap();
    assert_eq!(cluster.theme.name, "CI");
    assert_eq!(
        (cluster.theme.pain_points, cluster.theme.interviews),
        (2, 2)
    );
    let points: Vec<_> = cluster.pain_points.items.iter().map(|p| p.id).collect();
    assert_eq!(
        points,
        vec![heavy, light],
        "heaviest first, and not {untagged}"
    );
    let talks: Vec<_> = cluster.interviews.items.iter().map(|i| i.id).collect();
    assert_eq!(talks, vec![newer, older], "newest first");

    w.db.write(|tx| trash::move_to_trash(tx, EntityKind::PainPoint, light, now()))
        .unwrap();
    let cluster =
        w.db.read(|c| themes::cluster(c, ci, now().date_naive()))
            .unwrap();
    assert_eq!(
        (cluster.theme.pain_points, cluster.pain_points.total),
        (1, 1),
        "the count and the list agree once one is in the Trash"
    );
    w.db.write(|tx| trash::move_to_trash(tx, EntityKind::Theme, ci, now()))
        .unwrap();
    assert!(
        w.db.read(|c| themes::cluster(c, ci, now().date_naive()))
            .is_err(),
        "a theme in the Trash has no page"
    );
}

/// The example's themes showed "0 pain points": its pain points were filed with no themes, so
/// every theme gathered interviews only.
#[test]
fn every_theme_of_the_example_gathers_pain_points_as_well_as_interviews() {
    let (_dir, db) = database();
    db.write(|tx| workspace::load_example(tx, now())).unwrap();
    let listed = db.read(themes::list).unwrap();
    assert!(!listed.is_empty(), "the example has themes");
    for theme in &listed {
        assert!(
            theme.pain_points > 0 && theme.interviews > 0,
            "“{}” gathers {} pain points and {} interviews",
            theme.name,
            theme.pain_points,
            theme.interviews
        );
        let cluster = db
            .read(|c| themes::cluster(c, theme.id, now().date_naive()))
            .unwrap();
        assert_eq!(cluster.pain_points.total, theme.pain_points);
        assert_eq!(cluster.interviews.total, theme.interviews);
    }
}

/// The themes view reads every theme's heaviest pain points at once: the same ones, in the same
/// order and with the same weights, as the first page of that theme's list.
#[test]
fn every_themes_heaviest_are_the_first_of_its_list_in_one_read() {
    let (_dir, db) = database();
    db.write(|tx| workspace::load_example(tx, now())).unwrap();
    let first = db.read(themes::list).unwrap()[0].clone();
    let tagged = |title: &str, severity: u8| {
        let input = PainPointInput {
            title: title.into(),
            description: String::new(),
            severity,
            frequency: pain_points::Frequency::Weekly,
            product_ids: vec![],
            customer_ids: vec![],
            tags: vec![first.name.clone()],
        };
        db.write(|tx| pain_points::create(tx, &input, None, now()))
            .unwrap()
            .id
    };
    let added: Vec<_> = (1..=6)
        .map(|n| tagged(&format!("Tagged pain point {n}"), (n % 4 + 1) as u8))
        .collect();
    db.write(|tx| trash::move_to_trash(tx, EntityKind::PainPoint, added[4], now()))
        .unwrap();

    let today = now().date_naive();
    let heaviest = db.read(|c| themes::heaviest(c, today)).unwrap();
    let listed = db.read(themes::list).unwrap();
    assert_eq!(
        heaviest.len(),
        listed.len(),
        "one entry for each live theme"
    );
    for theme in &listed {
        let shown = &heaviest
            .iter()
            .find(|h| h.theme_id == theme.id)
            .unwrap()
            .pain_points;
        let filter = pain_points::PainPointFilter {
            theme_id: Some(theme.id),
            ..Default::default()
        };
        let page = outward_core::page::PageRequest {
            offset: 0,
            limit: themes::HEAVIEST_SHOWN,
        };
        let first_page = db
            .read(|c| pain_points::list(c, &filter, page, today))
            .unwrap();
        let expected: Vec<_> = first_page
            .items
            .iter()
            .map(|p| (p.id, p.title.clone(), p.weight))
            .collect();
        let got: Vec<_> = shown
            .iter()
            .map(|p| (p.id, p.title.clone(), p.weight))
            .collect();
        assert_eq!(got, expected, "the heaviest of “{}”", theme.name);
    }
    let first_shown = &heaviest
        .iter()
        .find(|h| h.theme_id == first.id)
        .unwrap()
        .pain_points;
    assert_eq!(first_shown.len(), 5, "no more than are shown");
    assert!(
        first_shown.iter().all(|p| p.id != added[4]),
        "a pain point in the Trash is not shown"
    );
}

/// The themes view counts each theme's live records: not those in the Trash, not those merged
/// away, and once a pain point that is both (merged, then gone with its target). Its counts are
/// the ones the theme's own page shows.
#[test]
fn the_themes_view_counts_only_live_records_as_a_themes_page_does() {
    let w = world();
    // The fixture tags every interview "CI".
    let kept = interview(&w, w.payments, day(2026, 10, 1), NOTES);
    interview(&w, w.checkout, day(2026, 10, 2), NOTES);
    let trashed = interview(&w, w.checkout, day(2026, 10, 3), NOTES);
    w.db.write(|tx| trash::move_to_trash(tx, EntityKind::Interview, trashed, now()))
        .unwrap();
    let tagged = |title: &str| {
        let input = PainPointInput {
            title: title.into(),
            description: String::new(),
            severity: 2,
            frequency: pain_points::Frequency::Weekly,
            product_ids: vec![],
            customer_ids: vec![],
            tags: vec!["CI".into()],
        };
        w.db.write(|tx| pain_points::create(tx, &input, None, now()))
            .unwrap()
            .id
    };
    let [live, merged, gone, merged_then_gone] =
        ["Live", "Merged", "Gone", "Merged then gone"].map(tagged);
    w.db.write(|tx| pain_points::merge(tx, merged, live, now()))
        .unwrap();
    w.db.write(|tx| pain_points::merge(tx, merged_then_gone, gone, now()))
        .unwrap();
    w.db.write(|tx| trash::move_to_trash(tx, EntityKind::PainPoint, gone, now()))
        .unwrap();

    let listed = w.db.read(themes::list).unwrap();
    let ci = listed.iter().find(|t| t.name == "CI").unwrap();
    assert_eq!(
        (ci.interviews, ci.pain_points),
        (2, 1),
        "{kept} and one more interview; only {live} of the pain points"
    );
    for theme in &listed {
        let counted = w.db.read(|c| themes::counted(c, theme.id)).unwrap();
        assert_eq!(&counted, theme, "the view and the page agree");
    }
}
