//! The review exported: the example workspace's report of 2026 Q3, with a commitment on one of
//! its goals, matches its golden files in every format; the HTML needs nothing from outside
//! itself and draws a chart per metric; CSV cells are kept from running as formulas; a bad
//! quarter is refused by name; and a save that cannot finish (a missing or read-only folder, a
//! full disk) leaves no file and harms none already there.

use crate::fixtures::{database, now};
use outward_core::commitments::{self, CommitmentInput};
use outward_core::db::Database;
use outward_core::error::Error;
use outward_core::report::{self, ReportFormat, ReportStep};
use outward_core::{goals, people, workspace};
use std::path::Path;

/// The example workspace loaded at the tests' moment, with a commitment of 2026 Q3 aimed at
/// its first goal and owned by its first person.
fn example() -> (tempfile::TempDir, Database) {
    let (dir, db) = database();
    db.write(|tx| workspace::load_example(tx, now())).unwrap();
    db.write(|tx| {
        let goal = goals::list(tx)?.remove(0);
        let owner = people::list(tx, None)?.remove(0);
        let input = CommitmentInput {
            title: "Halve CI queue time at peak (=fast)".into(),
            owner_id: Some(owner.id),
            quarter: "2026-Q3".into(),
            goal_id: Some(goal.id),
            pain_point_ids: Vec::new(),
        };
        commitments::create(tx, &input, now())
    })
    .unwrap();
    (dir, db)
}

fn rendered(db: &Database, format: ReportFormat) -> String {
    db.read(|c| report::report(c, Some("2026-Q3"), format, now().date_naive(), &mut |_| {}))
        .unwrap()
        .1
}

fn golden(name: &str, written: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/core/report")
        .join(name);
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    if written != expected && std::env::var_os("OUTWARD_BLESS").is_some() {
        std::fs::write(&path, written).unwrap();
        return;
    }
    assert_eq!(
        written, expected,
        "the {name} report changed; if on purpose, rerun with OUTWARD_BLESS=1 and review the file"
    );
}

#[test]
fn the_example_review_reads_as_its_golden_files_in_every_format() {
    let (_dir, db) = example();
    let md = rendered(&db, ReportFormat::Markdown);
    assert!(md.starts_with("# Quarterly review: 2026 Q3\n"), "{md}");
    assert!(md.contains("CI satisfaction"), "the quarter's metrics");
    assert!(
        md.contains("Most developers are happy with CI"),
        "the goals' targets"
    );
    assert!(
        md.contains("Halve CI queue time"),
        "the quarter's commitments"
    );
    golden("review-2026-Q3.md", &md);
    golden("review-2026-Q3.html", &rendered(&db, ReportFormat::Html));
    golden("review-2026-Q3.csv", &rendered(&db, ReportFormat::Csv));
}

#[test]
fn a_goals_target_quarter_reads_as_the_review_screen_names_it() {
    let (_dir, db) = example();
    let goal = db.read(goals::list).unwrap().remove(0);
    assert_eq!(goal.due_quarter, "2027-Q2", "stored by its key");
    for format in [ReportFormat::Markdown, ReportFormat::Html] {
        let written = rendered(&db, format);
        assert!(
            written.contains("87 % by 2027 Q2"),
            "{format:?}: the target's quarter as the screen shows it"
        );
        assert!(
            !written.contains("2027-Q2"),
            "{format:?}: no quarter key in the target"
        );
    }
}

#[test]
fn the_html_report_is_one_file_with_a_chart_per_metric_and_nothing_from_outside() {
    let (_dir, db) = example();
    let html = rendered(&db, ReportFormat::Html);
    // SVG's namespace is a name, not a resource.
    let without_namespace = html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
    for outside in [
        "http://", "https://", "<script", "<link", "<img", "url(", "@import",
    ] {
        assert!(
            !without_namespace.contains(outside),
            "the report loads nothing: found {outside}"
        );
    }
    // A metric with no value up to the quarter (a migration that has just started) has no chart.
    let measured = db
        .read(|c| {
            let quarter = outward_core::review::parse_quarter(c, "2026-Q3", "quarter")?;
            outward_core::review::quarter(c, quarter, now().date_naive())
        })
        .unwrap()
        .metrics
        .iter()
        .filter(|m| !m.trend.is_empty())
        .count();
    assert!(measured < db.read(outward_core::metrics::list).unwrap().len());
    assert_eq!(
        html.matches("<svg role=\"img\" aria-labelledby=\"metric-")
            .count(),
        measured,
        "one labelled chart per metric with values"
    );
    assert_eq!(
        html.matches("<svg role=\"img\" aria-labelledby=\"practice-")
            .count(),
        1,
        "support weeks by level as a chart, labelled by its caption"
    );
    assert!(html.contains("<figcaption id=\"practice-0\">Support weeks in 2026 Q3 by the level"));
    assert!(html.contains("@media print"), "styled for paper");
    assert!(
        html.contains("Halve CI queue time at peak (=fast)"),
        "the commitment, escaped as text"
    );
}

#[test]
fn csv_cells_that_a_spreadsheet_would_run_are_kept_as_text() {
    let (_dir, db) = example();
    db.write(|tx| {
        let owner = people::list(tx, None)?.remove(0);
        let input = CommitmentInput {
            title: "=HYPERLINK(\"http://example.com\")".into(),
            owner_id: Some(owner.id),
            quarter: "2026-Q3".into(),
            goal_id: None,
            pain_point_ids: Vec::new(),
        };
        commitments::create(tx, &input, now())
    })
    .unwrap();
    let csv = rendered(&db, ReportFormat::Csv);
    assert!(
        csv.contains("\"'=HYPERLINK(\"\"http://example.com\"\")\""),
        "a formula is prefixed with a quote: {csv}"
    );
    assert!(
        !csv.lines().any(|l| l.starts_with('=')),
        "no line starts a formula"
    );
}

#[test]
fn a_malformed_or_missing_quarter_and_an_unknown_format_are_refused_by_name() {
    let (_dir, db) = example();
    for bad in ["2026-Q5", "next quarter"] {
        let err = db
            .read(|c| {
                report::report(
                    c,
                    Some(bad),
                    ReportFormat::Html,
                    now().date_naive(),
                    &mut |_| {},
                )
            })
            .unwrap_err();
        assert_eq!(err.field(), Some("quarter"), "{bad}: {err}");
    }
    let err = "pdf".parse::<ReportFormat>().unwrap_err();
    assert_eq!(err.field(), Some("format"));
}

#[test]
fn an_export_reports_its_steps_and_a_save_that_cannot_finish_leaves_nothing() {
    let (dir, db) = example();
    let mut steps = Vec::new();
    let (review, text) = db
        .read(|c| {
            report::report(
                c,
                Some("2026-Q3"),
                ReportFormat::Html,
                now().date_naive(),
                &mut |s| steps.push(s),
            )
        })
        .unwrap();
    let path = dir
        .path()
        .join(report::file_name(&review, ReportFormat::Html));
    assert!(path.ends_with("outward-review-2026-Q3.html"));
    report::save(&path, &text, &mut |s| steps.push(s)).unwrap();
    assert_eq!(
        steps,
        [
            ReportStep::Reading,
            ReportStep::Rendering,
            ReportStep::Writing,
            ReportStep::Done
        ]
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);

    let missing = dir.path().join("no such folder").join("review.html");
    let err = report::save(&missing, &text, &mut |_| {}).unwrap_err();
    assert!(matches!(err, Error::Conflict { .. }), "{err:?}");
    assert!(err.to_string().contains("Nothing was written"), "{err}");
    assert!(!missing.exists());
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".partial"))
        .collect();
    assert!(leftovers.is_empty(), "no partial file left behind");
}

/// The files of `dir`, by name.
fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Whether a file can be created in `dir`.
fn writable(dir: &Path) -> bool {
    let probe = dir.join("probe");
    let made = std::fs::write(&probe, "x").is_ok();
    let _ = std::fs::remove_file(&probe);
    made
}

#[test]
fn a_save_into_a_read_only_folder_is_refused_and_writes_nothing() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, db) = example();
    let text = rendered(&db, ReportFormat::Markdown);
    let folder = dir.path().join("read-only");
    std::fs::create_dir(&folder).unwrap();
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o555)).unwrap();
    // The permission bits do not bind the superuser: make the folder immutable instead.
    let immutable = writable(&folder)
        && std::process::Command::new("chattr")
            .arg("+i")
            .arg(&folder)
            .status()
            .is_ok_and(|s| s.success());
    assert!(
        !writable(&folder),
        "the test could not make a read-only folder"
    );
    let path = folder.join("outward-review-2026-Q3.md");
    let err = report::save(&path, &text, &mut |_| {}).unwrap_err();
    if immutable {
        let _ = std::process::Command::new("chattr")
            .arg("-i")
            .arg(&folder)
            .status();
    }
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(err.field(), Some("path"));
    assert!(err.to_string().contains("Could not save"), "{err}");
    assert!(err.to_string().contains("Nothing was written"), "{err}");
    assert!(files_in(&folder).is_empty(), "{:?}", files_in(&folder));
}

#[test]
fn a_save_onto_a_full_disk_leaves_the_file_there_before_untouched_and_no_partial_file() {
    let (dir, db) = example();
    let text = rendered(&db, ReportFormat::Html);
    let path = dir.path().join("outward-review-2026-Q3.html");
    std::fs::write(&path, "the report saved last week").unwrap();
    // The file being written lands on a device that is always full (writes fail with ENOSPC).
    let partial = dir.path().join(".outward-review-2026-Q3.html.partial");
    std::os::unix::fs::symlink("/dev/full", &partial).unwrap();
    let before = files_in(dir.path());
    let err = report::save(&path, &text, &mut |_| {}).unwrap_err();
    assert_eq!(err.field(), Some("path"));
    assert!(err.to_string().contains("No space left"), "{err}");
    assert!(err.to_string().contains("Nothing was written"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "the report saved last week"
    );
    let after = files_in(dir.path());
    assert!(
        !partial.exists() && partial.symlink_metadata().is_err(),
        "no partial file left"
    );
    assert_eq!(after.len(), before.len() - 1, "{before:?} → {after:?}");
}

#[test]
fn every_format_counts_what_the_team_thanked_people_for_by_kind_and_quarter() {
    use outward_core::kudos::{self, KudosInput, KudosKind};
    let (_dir, db) = example();
    db.write(|tx| {
        let team = people::list(tx, None)?;
        for kind in [
            KudosKind::Usability,
            KudosKind::Usability,
            KudosKind::HardProblem,
        ] {
            let input = KudosInput {
                from_person_id: team[0].id,
                to_person_id: Some(team[1].id),
                to_team_id: None,
                message: "Thank you.".into(),
                given_on: chrono::NaiveDate::from_ymd_opt(2026, 8, 10),
                pain_point_id: None,
                customer_id: None,
                kind,
                commitment_id: None,
            };
            kudos::create(tx, &input, now())?;
        }
        Ok(())
    })
    .unwrap();
    let md = rendered(&db, ReportFormat::Markdown);
    assert!(
        md.contains("| Usability | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 2 |"),
        "two usability kudos in 2026 Q3:\n{md}"
    );
    assert!(md.contains("| Hard technical problem | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 1 |"));
    let csv = rendered(&db, ReportFormat::Csv);
    assert!(csv.contains("Usability,0,0,0,0,0,0,0,2"), "{csv}");
    let html = rendered(&db, ReportFormat::Html);
    assert!(html.contains("<tr><th scope=\"row\">Usability</th><td class=\"number\">0</td>"));
    assert!(html.contains("What the team thanked people for"));
}
