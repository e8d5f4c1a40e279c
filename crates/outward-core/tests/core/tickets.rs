//! Tickets: imports of real-shaped tracker exports (Jira, ServiceNow, a day-first CSV, GitHub
//! issues as JSON) that take every row or write nothing, naming the line and column of the
//! problem; re-importing by key; and a quarter's black-hole meter against values computed by
//! hand from the fixtures.

use crate::fixtures::{World, now, world};
use chrono::{DateTime, TimeZone, Utc};
use outward_core::db::Database;
use outward_core::goals::{self, GoalInput};
use outward_core::metrics::{self, MetricKind};
use outward_core::products::{self, ProductInput, Stage};
use outward_core::quarter::{FiscalYearStart, Quarter};
use outward_core::tickets::import::{self, ImportMapping, Imported};
use outward_core::tickets::report::{self, BlackHole};
use outward_core::tickets::{self, response};
use proptest::prelude::*;

fn fixture(name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/tickets")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The world (customer teams Payments and Checkout) with the products CI and Deploy.
fn with_products() -> World {
    let w = world();
    for name in ["CI", "Deploy", "Managed Postgres"] {
        let input = ProductInput {
            team_id: w.team,
            name: name.into(),
            stage: Stage::GenerallyAvailable,
            description: String::new(),
        };
        w.db.write(|tx| products::create(tx, &input, now()))
            .unwrap();
    }
    w
}

fn q(text: &str) -> Quarter {
    Quarter::parse(text, FiscalYearStart::default(), "quarter").unwrap()
}

/// Imports `name` with its suggested (or the given) mapping.
fn import_file(db: &Database, name: &str, mapping: Option<ImportMapping>) -> Imported {
    let sheet = import::read(&fixture(name), name).unwrap();
    let mapping = match mapping {
        Some(m) => m,
        None => {
            let preview = db.read(|c| import::preview(c, &sheet, None)).unwrap();
            assert_eq!(preview.problem, None, "{name} imports as suggested");
            preview.mapping
        }
    };
    db.write(|tx| import::import(tx, &sheet, &mapping, now(), &mut |_| true))
        .unwrap()
}

fn meter(db: &Database, quarter: &str) -> BlackHole {
    db.read(|c| report::black_hole(c, q(quarter), 3, now()))
        .unwrap()
}

fn hours(h: f64) -> Option<f64> {
    Some(h)
}

#[test]
fn a_jira_export_is_mapped_by_its_headers() {
    let w = with_products();
    let sheet = import::read(&fixture("jira.csv"), "jira.csv").unwrap();
    let preview = w.db.read(|c| import::preview(c, &sheet, None)).unwrap();
    let m = &preview.mapping;
    assert_eq!(m.source, "Jira");
    assert_eq!(m.key_column.as_deref(), Some("Issue key"));
    assert_eq!(m.created_column.as_deref(), Some("Created"));
    assert_eq!(
        m.first_response_column.as_deref(),
        Some("Custom field (First response)")
    );
    assert_eq!(m.product_column.as_deref(), Some("Component/s"));
    assert_eq!(
        m.team_column.as_deref(),
        Some("Custom field (Requesting team)")
    );
    assert_eq!(preview.problem, None);
    assert_eq!((preview.new_tickets, preview.known_tickets), (8, 0));
    assert_eq!(
        preview
            .unmatched_teams
            .iter()
            .map(|u| u.label.as_str())
            .collect::<Vec<_>>(),
        ["Data Science"],
        "the one requesting team that is no customer team is listed"
    );
    assert_eq!(
        w.db.read(tickets::count).unwrap(),
        0,
        "the preview writes nothing"
    );
}

/// The Jira fixture's 2026-Q3, by hand (the meter judges at 2026-10-01 00:00 UTC, the
/// quarter's end, since the tests run in November):
/// - opened in Q3: OPS-101..107, seven tickets; answered after 1, 4, 24, 48 and 240 hours
///   (101, 102, 103, 104, 105); 106 and 107 never. Sorted 1, 4, 24, 48, 240: median 24;
///   90th percentile is rank ⌈0.9·5⌉ = 5 → 240.
/// - CI (101, 102, 105, 107; 105 lists "CI, Build agents"): 1, 4, 240 → median 4, p90 rank
///   ⌈2.7⌉ = 3 → 240. Deploy (103, 104, 106): 24, 48 → median 36, p90 rank ⌈1.8⌉ = 2 → 48.
/// - Payments (101, 103, 105): 1, 24, 240 → median 24, p90 240. Checkout (102, 104, 107):
///   4, 48 → median 26, p90 48. No customer team (106, "Data Science"): none answered.
/// - three days or older at the end (opened by 28 Sep 00:00): 101..106, six; unanswered
///   within 72 hours: 105 (240 h) and 106 (never) → 2 of 6 = 33.3 %.
/// - open at the end: 104 (46 days), 106 (10 days), 107 (1 day) and OPS-099 from Q2
///   (107 days): one in each aging bucket. Of those, unanswered: 099, 106, 107, oldest first.
#[test]
fn the_black_hole_of_a_quarter_matches_the_hand_computed_values() {
    let w = with_products();
    let done = import_file(&w.db, "jira.csv", None);
    assert_eq!((done.added, done.updated, done.unchanged), (8, 0, 0));
    assert_eq!(done.quarters, ["2026-Q2", "2026-Q3"]);
    let m = meter(&w.db, "2026-Q3");
    assert_eq!(
        m.as_of,
        Utc.with_ymd_and_hms(2026, 10, 1, 0, 0, 0).unwrap(),
        "a finished quarter is judged at its end"
    );
    assert_eq!((m.response.tickets, m.response.answered), (7, 5));
    assert_eq!(m.response.median_hours, hours(24.0));
    assert_eq!(m.response.p90_hours, hours(240.0));
    let group = |list: &[report::GroupResponse], name: &str| {
        let g = list
            .iter()
            .find(|g| g.name == name)
            .unwrap_or_else(|| panic!("a group {name}"));
        (
            g.times.tickets,
            g.times.answered,
            g.times.median_hours,
            g.times.p90_hours,
        )
    };
    assert_eq!(group(&m.by_product, "CI"), (4, 3, hours(4.0), hours(240.0)));
    assert_eq!(
        group(&m.by_product, "Deploy"),
        (3, 2, hours(36.0), hours(48.0))
    );
    assert_eq!(
        group(&m.by_customer, "Payments"),
        (3, 3, hours(24.0), hours(240.0))
    );
    assert_eq!(
        group(&m.by_customer, "Checkout"),
        (3, 2, hours(26.0), hours(48.0))
    );
    assert_eq!(
        group(&m.by_customer, "No customer team"),
        (1, 0, None, None)
    );
    assert_eq!(
        m.by_customer[0].name, "No customer team",
        "a group nobody answered leads: it is the deepest part of the hole"
    );
    assert_eq!((m.old_enough, m.unanswered), (6, 2));
    assert!((m.unanswered_share.unwrap() - 100.0 / 3.0).abs() < 1e-9);
    assert_eq!(
        m.distribution.iter().map(|b| b.count).collect::<Vec<_>>(),
        [0, 1, 1, 2, 0, 1, 2],
        "1 h, 4 h, 24 h and 48 h, 240 h, and two unanswered"
    );
    assert_eq!(m.open, 4);
    assert_eq!(
        m.aging.iter().map(|b| b.count).collect::<Vec<_>>(),
        [1, 1, 1, 1]
    );
    assert_eq!(m.waiting, 3);
    let waiting: Vec<(&str, u32)> = m
        .longest_waiting
        .iter()
        .map(|w| (w.ticket.key.as_str(), w.days))
        .collect();
    assert_eq!(waiting, [("OPS-099", 107), ("OPS-106", 10), ("OPS-107", 1)]);
    assert_eq!(
        m.longest_waiting[0].ticket.product_name.as_deref(),
        Some("Deploy")
    );
}

#[test]
fn re_importing_an_overlapping_export_updates_by_key_instead_of_duplicating() {
    let w = with_products();
    import_file(&w.db, "jira.csv", None);
    let again = import_file(&w.db, "jira.csv", None);
    assert_eq!(
        (again.added, again.updated, again.unchanged),
        (0, 0, 8),
        "the same export twice changes nothing"
    );
    let later = import_file(&w.db, "jira-later.csv", None);
    assert_eq!(
        (later.added, later.updated, later.unchanged),
        (1, 2, 1),
        "OPS-108 is new; 106 was answered and 107 resolved since; 105 is as it was"
    );
    assert_eq!(w.db.read(tickets::count).unwrap(), 9);
    let t106 =
        w.db.read(|c| tickets::by_key(c, "Jira", "OPS-106"))
            .unwrap()
            .unwrap();
    assert_eq!(t106.status, "In Progress");
    assert_eq!(
        t106.first_response_at,
        Some(Utc.with_ymd_and_hms(2026, 9, 21, 9, 0, 0).unwrap())
    );
    // Q3 now: 1, 4, 24, 24 (106), 24 (107), 48, 240 → median 24, p90 rank ⌈6.3⌉ = 7 → 240.
    let m = meter(&w.db, "2026-Q3");
    assert_eq!((m.response.tickets, m.response.answered), (7, 7));
    assert_eq!(m.response.median_hours, hours(24.0));
    let preview =
        w.db.read(|c| {
            let sheet = import::read(&fixture("jira-later.csv"), "jira-later.csv")?;
            import::preview(c, &sheet, None)
        })
        .unwrap();
    assert!(
        preview.remembered,
        "the mapping is remembered by the header row"
    );
    assert_eq!((preview.new_tickets, preview.known_tickets), (0, 4));
}

#[test]
fn each_quarters_time_to_first_response_becomes_a_measurement_a_goal_can_target() {
    let w = with_products();
    let done = import_file(&w.db, "jira.csv", None);
    let metric = w.db.read(|c| metrics::get(c, done.metric_id)).unwrap();
    assert_eq!(metric.name, response::METRIC_NAME);
    assert_eq!(metric.kind, MetricKind::Duration);
    assert_eq!(metric.unit, "hours");
    let measured = w.db.read(|c| metrics::measurements(c, metric.id)).unwrap();
    assert_eq!(
        measured
            .iter()
            .map(|m| (m.quarter.as_str(), m.value, m.n))
            .collect::<Vec<_>>(),
        [("2026-Q3", 24.0, Some(5))],
        "Q2's one ticket was never answered, so Q2 has no time to record"
    );
    let later = import_file(&w.db, "jira-later.csv", None);
    assert_eq!(
        later.metric_id, metric.id,
        "every import feeds the same metric"
    );
    let q4 = w.db.read(|c| metrics::measurements(c, metric.id)).unwrap();
    assert_eq!(q4.len(), 1, "Q4's one ticket is unanswered: still only Q3");
    let goal =
        w.db.write(|tx| {
            let input = GoalInput {
                title: "Answer every request within a day".into(),
                metric_id: metric.id,
                target: 8.0,
                due_quarter: "2027-Q1".into(),
                team_id: None,
            };
            goals::create(tx, &input, now().date_naive(), now())
        })
        .unwrap();
    assert_eq!(
        goal.baseline,
        Some(24.0),
        "the goal starts from Q3's median"
    );
}

#[test]
fn servicenow_github_and_day_first_exports_import_with_their_own_formats() {
    let w = with_products();
    let done = import_file(&w.db, "servicenow.csv", None);
    assert_eq!(done.added, 3);
    let t =
        w.db.read(|c| tickets::by_key(c, "ServiceNow", "INC0010002"))
            .unwrap()
            .expect("keyed by the incident number");
    assert_eq!(t.product_name.as_deref(), Some("Managed Postgres"));
    assert_eq!(t.customer_name.as_deref(), Some("Checkout"));
    // ServiceNow: 2 h and 24 h, one unanswered → median 13.
    let m = meter(&w.db, "2026-Q3");
    assert_eq!(m.response.median_hours, hours(13.0));

    let done = import_file(&w.db, "github-issues.json", None);
    assert_eq!(done.added, 3);
    let t =
        w.db.read(|c| tickets::by_key(c, "GitHub", "acme/deploy-cli#412"))
            .unwrap()
            .expect("keyed by repository and number");
    assert_eq!(
        t.first_response_at,
        Some(Utc.with_ymd_and_hms(2026, 7, 21, 8, 15, 0).unwrap()),
        "the author's own comment is no response"
    );
    assert_eq!(
        t.product_name.as_deref(),
        Some("Deploy"),
        "matched by a label"
    );
    let t =
        w.db.read(|c| tickets::by_key(c, "GitHub", "acme/deploy-cli#415"))
            .unwrap()
            .unwrap();
    assert_eq!(
        t.opened_at,
        Utc.with_ymd_and_hms(2026, 8, 2, 8, 0, 0).unwrap(),
        "+02:00 is read as such"
    );

    let sheet = import::read(&fixture("plain-dayfirst.csv"), "plain-dayfirst.csv").unwrap();
    let mut mapping =
        w.db.read(|c| import::preview(c, &sheet, None))
            .unwrap()
            .mapping;
    mapping.day_first = true;
    mapping.utc_offset_minutes = 120;
    let done =
        w.db.write(|tx| import::import(tx, &sheet, &mapping, now(), &mut |_| true))
            .unwrap();
    assert_eq!(done.added, 2);
    let t =
        w.db.read(|c| tickets::by_key(c, "CSV", "T-2"))
            .unwrap()
            .unwrap();
    assert_eq!(
        t.opened_at,
        Utc.with_ymd_and_hms(2026, 7, 6, 9, 0, 0).unwrap(),
        "06/07/2026 11:00 day first, at UTC+2, is 6 July 09:00 UTC"
    );
}

/// Imports `csv` and expects it refused with a message holding every one of `wanted`, and the
/// database as it was.
fn refused(w: &World, csv: &str, mapping: Option<ImportMapping>, wanted: &[&str]) {
    let before = w.db.read(tickets::count).unwrap();
    let result = import::read(csv.as_bytes(), "export.csv").and_then(|sheet| {
        let mapping = match mapping {
            Some(m) => m,
            None => w.db.read(|c| import::preview(c, &sheet, None))?.mapping,
        };
        w.db.write(|tx| import::import(tx, &sheet, &mapping, now(), &mut |_| true))
    });
    let message = result.expect_err("the file is refused").to_string();
    for part in wanted {
        assert!(message.contains(part), "{message:?} names {part:?}");
    }
    assert_eq!(
        w.db.read(tickets::count).unwrap(),
        before,
        "nothing was written"
    );
}

const HEAD: &str = "Key,Title,Created,First response,Resolved\n";

#[test]
fn bad_exports_are_refused_naming_the_line_and_column() {
    let w = with_products();
    import_file(&w.db, "jira.csv", None);
    refused(
        &w,
        &format!(
            "{HEAD}A-1,ok,2026-07-01 09:00,2026-07-01 10:00,\nA-2,early,2026-07-02 09:00,2026-07-02 08:00,\n"
        ),
        None,
        &[
            "Line 3",
            "“First response”",
            "before the ticket was created",
        ],
    );
    refused(
        &w,
        &format!("{HEAD}A-1,ok,2026-07-01 09:00,,2026-06-30 09:00\n"),
        None,
        &["Line 2", "“Resolved”", "before the ticket was created"],
    );
    refused(
        &w,
        &format!("{HEAD}A-1,ok,next Tuesday,,\n"),
        None,
        &[
            "Line 2",
            "“Created”",
            "“next Tuesday” is not a date and time",
        ],
    );
    refused(
        &w,
        &format!("{HEAD}A-1,ok,2026-07-01 09:00,2026-02-30 10:00,\n"),
        None,
        &["Line 2", "“First response”", "2026-02-30"],
    );
    refused(
        &w,
        &format!("{HEAD}A-1,ok,,,\n"),
        None,
        &["Line 2", "“Created”", "no creation time"],
    );
    refused(
        &w,
        &format!(
            "{HEAD}A-1,ok,2026-07-01 09:00,,\nA-2,x,2026-07-01 09:00,,\nA-1,again,2026-07-02 09:00,,\n"
        ),
        None,
        &["Line 4", "“Key”", "“A-1” appears twice", "line 2"],
    );
    refused(
        &w,
        &format!("{HEAD},no key,2026-07-01 09:00,,\n"),
        None,
        &["Line 2", "“Key”", "no key"],
    );
    refused(
        &w,
        "Title,Created\nx,2026-07-01\n",
        None,
        &["Choose the column holding the ticket's key"],
    );
    refused(
        &w,
        &format!("{HEAD}A-1,ok,2026-07-01 09:00,,\n"),
        Some(ImportMapping {
            source: "CSV".into(),
            key_column: Some("Key".into()),
            created_column: Some("Opened".into()),
            ..Default::default()
        }),
        &["no column “Opened”"],
    );
    let sheet = import::read(
        format!("{HEAD}A-1,ok,2026-07-01 09:00,,\n").as_bytes(),
        "x.csv",
    );
    let preview =
        w.db.read(|c| import::preview(c, &sheet.unwrap(), None))
            .unwrap();
    assert_eq!(
        preview.problem, None,
        "the same file, well formed, would import"
    );
}

#[test]
fn a_file_over_the_limit_is_refused_before_it_is_read() {
    let big = vec![b'a'; 200 * 1024 * 1024];
    let message = import::read(&big, "all-tickets.csv")
        .unwrap_err()
        .to_string();
    assert!(message.contains("all-tickets.csv is 200 MB"), "{message}");
    assert!(message.contains("split the file"), "{message}");
}

#[test]
fn a_hundred_thousand_rows_import_in_one_transaction() {
    let w = with_products();
    let start = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
    let mut csv = String::from(HEAD);
    for i in 0..100_000i64 {
        let opened: DateTime<Utc> = start + chrono::Duration::minutes(i * 3);
        let answered = opened + chrono::Duration::minutes(i % 600);
        csv.push_str(&format!(
            "K-{i},Ticket {i},{},{},\n",
            opened.format("%Y-%m-%dT%H:%M:%SZ"),
            if i % 10 == 0 {
                String::new()
            } else {
                answered.format("%Y-%m-%dT%H:%M:%SZ").to_string()
            }
        ));
    }
    let sheet = import::read(csv.as_bytes(), "big.csv").unwrap();
    let mapping =
        w.db.read(|c| import::preview(c, &sheet, None))
            .unwrap()
            .mapping;
    let mut reports = 0;
    let done =
        w.db.write(|tx| {
            import::import(tx, &sheet, &mapping, now(), &mut |_| {
                reports += 1;
                true
            })
        })
        .unwrap();
    assert_eq!(done.added, 100_000);
    assert!(reports > 50, "progress is reported as it goes");
    assert_eq!(w.db.read(tickets::count).unwrap(), 100_000);
    // Cancelling halfway writes nothing.
    let csv2 = csv.replace("K-", "L-");
    let sheet = import::read(csv2.as_bytes(), "big.csv").unwrap();
    let cancelled =
        w.db.write(|tx| import::import(tx, &sheet, &mapping, now(), &mut |p| p.done < 50_000));
    assert!(cancelled.is_err());
    assert_eq!(
        w.db.read(tickets::count).unwrap(),
        100_000,
        "a cancelled import leaves nothing"
    );
}

#[test]
fn a_ticket_is_a_record_the_trash_and_changes_know() {
    let w = with_products();
    import_file(&w.db, "jira.csv", None);
    let changed = w.db.take_changes().expect("the import announced itself");
    assert!(
        changed
            .kinds
            .contains(&outward_core::entity::EntityKind::Ticket)
    );
    assert!(
        changed
            .kinds
            .contains(&outward_core::entity::EntityKind::Measurement)
    );
}

#[test]
fn the_quarters_with_tickets_are_listed_newest_first() {
    let w = with_products();
    assert!(w.db.read(report::quarters).unwrap().is_empty());
    import_file(&w.db, "jira-later.csv", None);
    import_file(&w.db, "jira.csv", None);
    let quarters: Vec<String> =
        w.db.read(report::quarters)
            .unwrap()
            .into_iter()
            .map(|q| q.key())
            .collect();
    assert_eq!(quarters, ["2026-Q4", "2026-Q3", "2026-Q2"]);
}

#[test]
fn the_meter_reads_the_quarter_from_its_indexes() {
    let w = with_products();
    import_file(&w.db, "jira.csv", None);
    let plan =
        w.db.read(|c| {
            let mut stmt = c.prepare(
                "EXPLAIN QUERY PLAN SELECT opened_at, response_seconds, product_id, customer_id
                 FROM tickets INDEXED BY tickets_by_opened
                 WHERE opened_at >= ?1 AND opened_at < ?2 AND deleted_at IS NULL",
            )?;
            let rows: Vec<String> = stmt
                .query_map(["a", "b"], |r| r.get(3))?
                .collect::<rusqlite::Result<_>>()?;
            Ok(rows.join("\n"))
        })
        .unwrap();
    assert!(plan.contains("COVERING INDEX tickets_by_opened"), "{plan}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// No file, however malformed, makes reading or previewing panic.
    #[test]
    fn no_input_makes_the_parser_panic(
        bytes in proptest::collection::vec(any::<u8>(), 0..600),
        lines in proptest::collection::vec("[A-Za-z0-9 ,;:/.+\\-\"TZ]{0,60}", 0..8),
        json in any::<bool>(),
    ) {
        let db = Database::open_in_memory().unwrap();
        let text = format!("Key,Created,First response,Resolved,Team\n{}", lines.join("\n"));
        for (input, name) in [(bytes.as_slice(), if json { "x.json" } else { "x.csv" }), (text.as_bytes(), "y.csv")] {
            if let Ok(sheet) = import::read(input, name) {
                let _ = db.read(|c| import::preview(c, &sheet, None));
                let _ = db.write(|tx| {
                    let preview = import::preview(tx, &sheet, None)?;
                    import::import(tx, &sheet, &preview.mapping, now(), &mut |_| true)
                });
            }
        }
    }
}

/// The tickets open when a quarter ended, and the longest waiting of them, against a recount in
/// plain Rust over every ticket: a few hundred with ties in their opening minute, answered and
/// resolved before, during and long after the quarter, or never.
#[test]
fn the_open_and_longest_waiting_tickets_match_a_recount() {
    let w = with_products();
    let moment = |minutes: i64| {
        Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).single().unwrap()
            + chrono::Duration::minutes(minutes)
    };
    let shown = |at: DateTime<Utc>| at.format("%Y-%m-%d %H:%M").to_string();
    // A small linear congruential generator: the same tickets on every run.
    let mut seed: u64 = 7;
    let mut next = |below: i64| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((seed >> 33) % below as u64) as i64
    };
    let mut csv = String::from(HEAD);
    let mut all = Vec::new();
    for n in 0..400 {
        // Opened over 2026 Q1 to Q3, many in the same minute as another.
        let opened = moment(next(270) * 24 * 60 / 3 * 3 + next(3));
        let answered = (next(4) > 0).then(|| opened + chrono::Duration::hours(next(24 * 200)));
        let resolved = (next(3) > 0)
            .then(|| answered.unwrap_or(opened) + chrono::Duration::hours(next(24 * 150)));
        let key = format!("R-{n:03}");
        csv.push_str(&format!(
            "{key},ticket {n},{},{},{}\n",
            shown(opened),
            answered.map(shown).unwrap_or_default(),
            resolved.map(shown).unwrap_or_default()
        ));
        all.push((key, opened, answered, resolved));
    }
    let sheet = import::read(csv.as_bytes(), "recount.csv").unwrap();
    let mapping =
        w.db.read(|c| import::preview(c, &sheet, None))
            .unwrap()
            .mapping;
    w.db.write(|tx| import::import(tx, &sheet, &mapping, now(), &mut |_| true))
        .unwrap();
    // Tickets opened in the same minute are ranked by id.
    let ids: std::collections::HashMap<String, outward_core::id::Id> =
        w.db.read(|c| {
            let mut stmt = c.prepare("SELECT key, id FROM tickets")?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })
        .unwrap();

    for quarter in ["2026-Q1", "2026-Q2"] {
        let at = report::start_of(q(quarter).next().first_day());
        let open: Vec<_> = all
            .iter()
            .filter(|(_, opened, _, resolved)| *opened <= at && resolved.is_none_or(|r| r > at))
            .collect();
        let mut waiting: Vec<_> = open
            .iter()
            .filter(|(_, _, answered, _)| answered.is_none_or(|a| a > at))
            .collect();
        waiting.sort_by_key(|(key, opened, _, _)| (*opened, ids[key.as_str()]));
        let m = meter(&w.db, quarter);
        assert_eq!(m.open as usize, open.len(), "{quarter}: open");
        assert_eq!(m.waiting as usize, waiting.len(), "{quarter}: waiting");
        let expected: Vec<&str> = waiting
            .iter()
            .take(report::LONGEST_WAITING)
            .map(|(key, ..)| key.as_str())
            .collect();
        let got: Vec<&str> = m
            .longest_waiting
            .iter()
            .map(|w| w.ticket.key.as_str())
            .collect();
        assert_eq!(got, expected, "{quarter}: the longest waiting");
    }
}
