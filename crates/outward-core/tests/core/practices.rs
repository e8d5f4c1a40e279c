//! The practices in a quarter's review and its exports: support by level with the seniority
//! warning, the ticket black-hole meter in brief and the migrations running, each checked by
//! hand on a small world with data before, in and after the reviewed quarter; a closed quarter
//! keeps them; a review kept before they existed still reads; and the exports show them only
//! where the quarter has data, with cells a spreadsheet would run kept as text.

use crate::fixtures::{World, customer, day, now, person, world};
use chrono::{NaiveDate, TimeZone, Utc};
use outward_core::id::Id;
use outward_core::people::Level;
use outward_core::platform_migrations::help::{self, MigrationHelpInput};
use outward_core::platform_migrations::teams::{self, ConsumerTeamInput};
use outward_core::platform_migrations::{self, HelpKind, MigrationInput, MigrationState};
use outward_core::report::{self, ReportFormat};
use outward_core::review::practices::Practices;
use outward_core::review::{self, Review};
use outward_core::rota::{self, ShiftInput};
use outward_core::tickets::import;
use outward_core::tickets::report as meter;

use MigrationState::{Blocked, Done, InProgress, NotStarted};

fn read(w: &World, quarter: &str) -> Review {
    w.db.read(|c| review::named(c, Some(quarter), now().date_naive()))
        .unwrap()
}

fn shift(w: &World, person: Id, week_of: NaiveDate) {
    let input = ShiftInput {
        team_id: w.team,
        week_of,
        person_id: person,
    };
    w.db.write(|tx| rota::record_shift(tx, &input, now()))
        .unwrap();
}

/// The Jira fixture of the tickets tests, with `edit` applied to its text, imported as its
/// headers suggest.
fn import_jira(w: &World, edit: impl Fn(String) -> String) {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tickets/jira.csv");
    let text = edit(std::fs::read_to_string(path).unwrap());
    let sheet = import::read(text.as_bytes(), "jira.csv").unwrap();
    let mapping =
        w.db.read(|c| import::preview(c, &sheet, None))
            .unwrap()
            .mapping;
    w.db.write(|tx| import::import(tx, &sheet, &mapping, now(), &mut |_| true))
        .unwrap();
}

fn migration(w: &World, title: &str, starts_on: NaiveDate, deadline: NaiveDate) -> Id {
    let input = MigrationInput {
        title: title.into(),
        from_what: "Jenkins".into(),
        to_what: "CI".into(),
        product_id: None,
        starts_on,
        deadline,
        commitment_id: None,
    };
    w.db.write(|tx| platform_migrations::create(tx, &input, now()))
        .unwrap()
        .id
}

/// Moves `team` through `moves` in order, each a state and its day; `hours` of its effort.
fn moves(w: &World, migration: Id, team: Id, moves: &[(MigrationState, NaiveDate)], hours: f64) {
    for &(state, on) in moves {
        let input = ConsumerTeamInput {
            customer_id: team,
            state,
            reason: if state == Blocked {
                "Waiting on a firewall change".into()
            } else {
                String::new()
            },
            changed_on: Some(on),
            hours,
            hours_reported: hours > 9.0,
        };
        w.db.write(|tx| teams::set(tx, migration, &input, now()))
            .unwrap();
    }
}

/// The small world of these tests (the day they run at is 20 November 2026, in 2026 Q4):
///
/// - Support: Bo (mid) takes the weeks of 6 July, 13 July and 3 August; Ada (staff) the week
///   of 1 June; Bo the week holding Wednesday 1 July, whose Monday (29 June) is in Q2. So Q3
///   has three weeks, all mid-level (the warning), and Q2 two, one of them Ada's.
/// - Tickets: the Jira fixture of the tickets tests, worked out by hand there: Q3 holds
///   OPS-101..107, five answered after 1, 4, 24, 48 and 240 hours (median 24, 90th percentile
///   240); of the six at least three days old at the quarter's end two had no answer within
///   three days (33.3 %). Still open and unanswered at the end: OPS-106 (opened 20 September,
///   10 days) and OPS-107 (29 September, 1 day); OPS-099 waits too but was opened in Q2.
/// - Migrations: "Leave Jenkins" (1 June to 31 December) with Payments done on 20 August,
///   Checkout blocked since 1 September (still), Search blocked on 10 September and back in
///   progress on 5 October; 10 reported hours from Payments, 6 estimated from Checkout, 12 of
///   platform automation. "Upgrade runners" ran from 5 January to 31 March, its one team done
///   on 2 March. "Move the registry" starts in 2027.
struct Small {
    w: World,
    jenkins: Id,
    runners: Id,
}

fn small() -> Small {
    let w = world();
    let bo = person(&w, "Bo");
    for week in [
        day(2026, 7, 6),
        day(2026, 7, 13),
        day(2026, 8, 3),
        day(2026, 7, 1),
    ] {
        shift(&w, bo, week);
    }
    shift(&w, w.ada, day(2026, 6, 1));
    import_jira(&w, |text| text);

    let search = customer(&w.db, "Search");
    let jenkins = migration(&w, "Leave Jenkins", day(2026, 6, 1), day(2026, 12, 31));
    let start = (NotStarted, day(2026, 6, 1));
    moves(
        &w,
        jenkins,
        w.payments,
        &[
            start,
            (InProgress, day(2026, 7, 10)),
            (Done, day(2026, 8, 20)),
        ],
        10.0,
    );
    moves(
        &w,
        jenkins,
        w.checkout,
        &[start, (Blocked, day(2026, 9, 1))],
        6.0,
    );
    moves(
        &w,
        jenkins,
        search,
        &[
            start,
            (Blocked, day(2026, 9, 10)),
            (InProgress, day(2026, 10, 5)),
        ],
        0.0,
    );
    let help = MigrationHelpInput {
        kind: HelpKind::Automation,
        description: "A converter for Jenkinsfiles".into(),
        hours: 12.0,
    };
    w.db.write(|tx| help::add(tx, jenkins, &help, now()))
        .unwrap();
    let runners = migration(&w, "Upgrade runners", day(2026, 1, 5), day(2026, 3, 31));
    moves(
        &w,
        runners,
        w.payments,
        &[(NotStarted, day(2026, 1, 5)), (Done, day(2026, 3, 2))],
        4.0,
    );
    migration(&w, "Move the registry", day(2027, 1, 4), day(2027, 6, 30));
    Small {
        w,
        jenkins,
        runners,
    }
}

#[test]
fn support_by_level_carries_the_warning_when_no_senior_took_a_week() {
    let Small { w, .. } = small();
    let support = read(&w, "2026-Q3")
        .practices
        .support
        .expect("Q3 had support weeks");
    assert_eq!((support.weeks, support.senior_weeks), (3, 0));
    let weeks: Vec<(Level, u32)> = support
        .by_level
        .iter()
        .map(|l| (l.level, l.weeks))
        .collect();
    assert_eq!(
        weeks,
        [
            (Level::Junior, 0),
            (Level::Mid, 3),
            (Level::Senior, 0),
            (Level::Staff, 0),
            (Level::Principal, 0)
        ],
        "the week of 1 July counts for Q2, the quarter of its Monday"
    );
    assert_eq!(support.junior_only_teams, ["Platform"]);
    assert_eq!(
        support.warning.as_deref(),
        Some(
            "In 2026 Q3, support in Platform fell only to junior and mid-level engineers: no \
             senior, staff or principal engineer took a week."
        ),
        "the words Home and the rota say"
    );
    let q2 = read(&w, "2026-Q2")
        .practices
        .support
        .expect("Q2 had support weeks");
    assert_eq!(
        (q2.weeks, q2.senior_weeks, q2.warning),
        (2, 1, None),
        "Ada took a week"
    );
    assert_eq!(
        read(&w, "2026-Q4").practices.support,
        None,
        "nobody was on support in Q4"
    );
}

#[test]
fn the_black_hole_in_brief_matches_the_hand_computed_values_and_the_meter() {
    let Small { w, .. } = small();
    let t = read(&w, "2026-Q3")
        .practices
        .tickets
        .expect("Q3 had tickets");
    assert_eq!(
        t.as_of,
        Utc.with_ymd_and_hms(2026, 10, 1, 0, 0, 0).unwrap(),
        "judged at the quarter's end"
    );
    assert_eq!((t.response.tickets, t.response.answered), (7, 5));
    assert_eq!(
        (t.response.median_hours, t.response.p90_hours),
        (Some(24.0), Some(240.0))
    );
    assert_eq!(
        (t.unanswered_after_days, t.old_enough, t.unanswered),
        (3, 6, 2)
    );
    assert!((t.unanswered_share.unwrap() - 100.0 / 3.0).abs() < 1e-9);
    let waiting: Vec<(&str, u32)> = t
        .longest_waiting
        .iter()
        .map(|w| (w.ticket.key.as_str(), w.days))
        .collect();
    assert_eq!(
        waiting,
        [("OPS-106", 10), ("OPS-107", 1)],
        "only the quarter's own requests, oldest first"
    );

    let full =
        w.db.read(|c| meter::black_hole(c, review::parse_quarter(c, "2026-Q3", "q")?, 3, now()))
            .unwrap();
    assert_eq!(
        (full.response.clone(), full.old_enough, full.unanswered),
        (t.response, t.old_enough, t.unanswered),
        "the brief says what the meter says"
    );

    let q2 = read(&w, "2026-Q2")
        .practices
        .tickets
        .expect("OPS-099 was opened in Q2");
    assert_eq!(
        (
            q2.response.tickets,
            q2.response.answered,
            q2.response.median_hours
        ),
        (1, 0, None)
    );
    assert_eq!((q2.old_enough, q2.unanswered), (1, 1));
    let waiting: Vec<(&str, u32)> = q2
        .longest_waiting
        .iter()
        .map(|w| (w.ticket.key.as_str(), w.days))
        .collect();
    assert_eq!(
        waiting,
        [("OPS-099", 15)],
        "15 June 9:00 to 1 July 0:00 is 15 whole days"
    );
    assert_eq!(
        read(&w, "2026-Q4").practices.tickets,
        None,
        "no request was opened in Q4"
    );
}

#[test]
fn the_migrations_running_in_a_quarter_stand_as_they_did_at_its_end() {
    let Small {
        w,
        jenkins,
        runners,
    } = small();
    let q3 = read(&w, "2026-Q3").practices.migrations;
    assert_eq!(
        q3.len(),
        1,
        "the runners were all done before Q3; the registry starts in 2027"
    );
    let m = &q3[0];
    assert_eq!(
        (m.migration_id, m.done, m.teams, m.percent_done),
        (jenkins, 1, 3, Some(33.3))
    );
    let blocked: Vec<(&str, NaiveDate, &str)> = m
        .blocked
        .iter()
        .map(|b| (b.customer_name.as_str(), b.since, b.reason.as_str()))
        .collect();
    assert_eq!(
        blocked,
        [
            ("Checkout", day(2026, 9, 1), "Waiting on a firewall change"),
            ("Search", day(2026, 9, 10), "")
        ],
        "blocked at the quarter's end, longest first; Search's reason went when it moved on"
    );
    assert_eq!((m.consumer_hours, m.platform_hours), (16.0, 12.0));

    let q4_review = read(&w, "2026-Q4");
    let md = report::render(&q4_review, ReportFormat::Markdown).unwrap();
    assert!(
        md.contains("Migrations running in 2026 Q4, as of 2026-11-20:"),
        "the quarter under way is read as of today:\n{md}"
    );
    let q4 = q4_review.practices.migrations;
    assert_eq!(q4.len(), 1);
    let blocked: Vec<&str> = q4[0]
        .blocked
        .iter()
        .map(|b| b.customer_name.as_str())
        .collect();
    assert_eq!(blocked, ["Checkout"], "as of today, Search is moving again");

    let q1 = read(&w, "2026-Q1").practices.migrations;
    let q1: Vec<(Id, u32, u32)> = q1
        .iter()
        .map(|m| (m.migration_id, m.done, m.teams))
        .collect();
    assert_eq!(q1, [(runners, 1, 1)], "finished in the quarter it ran in");
    assert!(
        read(&w, "2025-Q3").practices.is_empty(),
        "nothing of any practice before 2026"
    );
}

#[test]
fn a_closed_quarter_keeps_its_practices_and_a_review_kept_before_them_still_reads() {
    let Small { w, .. } = small();
    let q3 =
        w.db.read(|c| review::parse_quarter(c, "2026-Q3", "quarter"))
            .unwrap();
    w.db.write(|tx| review::close(tx, q3, &[], None, now()))
        .unwrap();
    shift(&w, w.ada, day(2026, 8, 10));
    let kept = read(&w, "2026-Q3");
    assert!(kept.snapshot.is_some());
    assert_eq!(
        kept.practices.support.as_ref().map(|s| s.weeks),
        Some(3),
        "kept as it closed"
    );
    let again = w.db.write(|tx| review::regenerate(tx, q3, now())).unwrap();
    let support = again.practices.support.expect("support weeks");
    assert_eq!(
        (support.weeks, support.senior_weeks, support.warning),
        (4, 1, None),
        "today's data, on purpose"
    );

    // A review kept before the practices were: its JSON has no `practices`.
    let mut json = serde_json::to_value(&kept).unwrap();
    json.as_object_mut().unwrap().remove("practices");
    let old: Review = serde_json::from_value(json).unwrap();
    assert_eq!(old.practices, Practices::default());
    let md = report::render(&old, ReportFormat::Markdown).unwrap();
    assert!(
        !md.contains("## Support rota")
            && !md.contains("## Ticket black hole")
            && !md.contains("## Migrations"),
        "{md}"
    );
}

#[test]
fn every_format_shows_the_practices_and_keeps_a_formula_in_a_title_as_text() {
    let w = world();
    import_jira(&w, |text| {
        text.replace(
            "How do we deploy notebooks as scheduled jobs?",
            "=HYPERLINK(\"\"http://x\"\")",
        )
    });
    let bo = person(&w, "Bo");
    shift(&w, bo, day(2026, 7, 6));
    let rendered = |format| {
        w.db.read(|c| report::report(c, Some("2026-Q3"), format, now().date_naive(), &mut |_| {}))
            .unwrap()
            .1
    };
    let md = rendered(ReportFormat::Markdown);
    assert!(
        md.contains("## Support rota\n\n1 support week in 2026 Q3, 0 of them"),
        "{md}"
    );
    assert!(
        md.contains("**Warning:** In 2026 Q3, support in Platform fell only"),
        "{md}"
    );
    assert!(md.contains("| Mid-level | 1 |"), "{md}");
    assert!(
        md.contains("Time to first response: median 24 hours, 90th percentile 240 hours."),
        "{md}"
    );
    assert!(
        md.contains(
            "| OPS-106 | =HYPERLINK(\"http://x\") | Data Science | Deploy | 2026-09-20 | 10 |"
        ),
        "{md}"
    );
    assert!(
        !md.contains("## Migrations"),
        "no migration ran: no section"
    );
    let csv = rendered(ReportFormat::Csv);
    assert!(
        csv.contains("OPS-106,\"'=HYPERLINK(\"\"http://x\"\")\""),
        "{csv}"
    );
    assert!(
        csv.contains("\nWarning,\"In 2026 Q3, support in Platform fell only"),
        "{csv}"
    );
    assert!(
        csv.contains("\n7,5,24 hours,240 hours,6,2,33.3 %\n"),
        "{csv}"
    );
    let html = rendered(ReportFormat::Html);
    assert!(html.contains("<h2>Ticket black hole</h2>"));
    assert!(
        html.contains("<th scope=\"row\">OPS-106</th><td>=HYPERLINK(&quot;http://x&quot;)</td>"),
        "{html}"
    );
    assert!(html.contains("<p class=\"warning\"><strong>Warning:</strong> In 2026 Q3"));
}
