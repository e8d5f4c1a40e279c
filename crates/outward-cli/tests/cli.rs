//! The real `outward` binary against temporary database files.

use std::path::Path;
use std::process::{Command, Output};

fn outward(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_outward"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("OUTWARD_DB")
        .output()
        .expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn json(output: &Output) -> serde_json::Value {
    assert!(
        output.status.success(),
        "command failed: {}",
        stderr(output)
    );
    serde_json::from_slice(&output.stdout).expect("valid JSON on stdout")
}

#[test]
fn seed_example_then_info_json_counts_every_table() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("outward.db");
    let seeded = outward(&db, &["seed", "--profile", "example"]);
    assert!(seeded.status.success(), "{}", stderr(&seeded));
    assert!(stdout(&seeded).contains("Loaded the example workspace"));

    let info = json(&outward(&db, &["info", "--json"]));
    assert_eq!(info["databasePath"], db.display().to_string());
    assert_eq!(
        info["schemaVersion"],
        outward_core::db::latest_schema_version()
    );
    assert_eq!(info["teams"], 1);
    assert_eq!(info["products"], 4);
    assert_eq!(info["customers"], 6);
    assert_eq!(info["trash"], 0);
}

#[test]
fn seeding_a_non_empty_database_is_refused_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("outward.db");
    assert!(outward(&db, &["teams", "add", "Mine"]).status.success());
    let refused = outward(&db, &["seed", "--profile", "example"]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused)
            .starts_with("outward: The example workspace loads only into an empty database")
    );
    assert_eq!(json(&outward(&db, &["info", "--json"]))["teams"], 1);
    for profile in ["heavy", "stress"] {
        let refused = outward(&db, &["seed", "--profile", profile]);
        assert_eq!(refused.status.code(), Some(1));
        assert!(
            stderr(&refused).starts_with("outward: A data set is generated only into an empty"),
            "{}",
            stderr(&refused)
        );
    }
    assert_eq!(json(&outward(&db, &["info", "--json"]))["teams"], 1);
}

#[test]
fn backup_prints_the_path_of_a_valid_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("outward.db");
    assert!(
        outward(&db, &["seed", "--profile", "example"])
            .status
            .success()
    );
    let backup = outward(&db, &["backup"]);
    assert!(backup.status.success(), "{}", stderr(&backup));
    let path = stdout(&backup).trim().to_owned();
    assert!(path.contains("backups"), "{path}");
    let copy = json(&outward(Path::new(&path), &["info", "--json"]));
    assert_eq!(
        copy["customers"], 6,
        "the backup opens as an Outward database with the data"
    );
    assert_eq!(
        json(&outward(&db, &["info", "--json"]))["latestBackup"],
        path
    );
}

#[test]
fn add_and_list_people_products_and_customers() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("outward.db");
    let ok = |args: &[&str]| {
        let out = outward(&db, args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    };
    ok(&["teams", "add", "Platform", "--description", "Paved roads"]);
    ok(&[
        "people", "add", "Ada", "--team", "platform", "--level", "staff", "--role", "SRE",
    ]);
    ok(&[
        "products",
        "add",
        "CI",
        "--team",
        "Platform",
        "--stage",
        "generallyAvailable",
    ]);
    ok(&[
        "customers",
        "add",
        "Payments",
        "--size",
        "12",
        "--product",
        "CI",
    ]);

    let people = json(&outward(
        &db,
        &["people", "list", "--team", "Platform", "--json"],
    ));
    assert_eq!(people[0]["name"], "Ada");
    assert_eq!(people[0]["level"], "staff");
    let products = json(&outward(&db, &["products", "list", "--json"]));
    let customers = json(&outward(&db, &["customers", "list", "--json"]));
    assert_eq!(
        customers[0]["productIds"][0], products[0]["id"],
        "the customer uses CI"
    );
    assert!(stdout(&outward(&db, &["customers", "list"])).contains("Payments"));
}

#[test]
fn bad_input_exits_non_zero_with_one_clear_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("outward.db");
    assert!(outward(&db, &["teams", "add", "Platform"]).status.success());
    let cases: &[(&[&str], &str)] = &[
        (&["teams", "add", "   "], "Team name is required."),
        (
            &["teams", "add", "platform"],
            "A team named “platform” already exists.",
        ),
        (
            &["people", "add", "Ada", "--team", "Nope", "--level", "mid"],
            "There is no team named",
        ),
        (
            &["customers", "add", "X", "--product", "Ghost"],
            "There is no product named",
        ),
    ];
    for (args, expected) in cases {
        let out = outward(&db, args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "one line: {err}");
        assert!(err.contains(expected), "{args:?}: {err}");
    }
    let level = outward(
        &db,
        &[
            "people", "add", "Ada", "--team", "Platform", "--level", "wizard",
        ],
    );
    assert!(!level.status.success());
    assert!(stderr(&level).contains("not one of: junior, mid, senior, staff, principal"));
    assert_eq!(
        json(&outward(&db, &["info", "--json"]))["people"],
        0,
        "nothing was written"
    );
}

#[test]
fn argument_errors_are_one_line_and_status_1_like_every_failure() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("outward.db");
    let cases: &[(&[&str], &str)] = &[
        (&["frobnicate"], "unrecognized subcommand 'frobnicate'"),
        (&[], "'outward' requires a subcommand"),
        (&["teams"], "'outward teams' requires a subcommand"),
        (
            &["teams", "add"],
            "required arguments were not provided: <NAME> (see outward teams add --help)",
        ),
        (
            &["seed", "--profile", "gigantic"],
            "possible values: example, heavy, stress",
        ),
        (
            &["interviews", "list", "--limit", "many"],
            "invalid value 'many' for '--limit <LIMIT>'",
        ),
        (
            &["people", "add", "Ada", "--team", "T", "--level", "wizard"],
            "not one of: junior, mid, senior, staff, principal",
        ),
        (&["info", "--jsn"], "a similar argument exists: '--json'"),
    ];
    for (args, expected) in cases {
        let out = outward(&db, args);
        let err = stderr(&out);
        assert_eq!(
            out.status.code(),
            Some(1),
            "{args:?} fails with status 1: {err}"
        );
        assert_eq!(err.lines().count(), 1, "{args:?} fails in one line: {err}");
        assert!(err.starts_with("outward: "), "{args:?}: {err}");
        assert!(
            err.contains(expected),
            "{args:?} says what was wrong: {err}"
        );
        assert!(
            err.contains("(see outward") && err.trim_end().ends_with("--help)"),
            "{args:?} points to the help: {err}"
        );
        assert!(stdout(&out).is_empty(), "{args:?} prints nothing on stdout");
    }
    assert!(!db.exists(), "a mistyped command creates no database");
}

#[test]
fn help_and_version_print_normally_and_succeed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("outward.db");
    for args in [&["--help"][..], &["people", "add", "--help"], &["-h"]] {
        let out = outward(&db, args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        assert!(stdout(&out).contains("Usage: outward"), "{args:?}");
        assert!(
            stdout(&out).lines().count() > 3,
            "{args:?} prints the whole help"
        );
    }
    let version = outward(&db, &["--version"]);
    assert_eq!(version.status.code(), Some(0));
    assert_eq!(
        stdout(&version).trim(),
        format!("outward {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn a_bad_db_path_or_a_non_database_file_fails_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.txt");
    std::fs::write(&notes, "meeting notes\n".repeat(100)).unwrap();
    let missing = dir.path().join("missing.db");
    let cases = [
        (notes.as_path(), "not a database"),
        (dir.path(), "it is a folder"),
        (missing.as_path(), "no such file"),
    ];
    for (path, expected) in cases {
        let out = outward(path, &["info"]);
        assert_eq!(out.status.code(), Some(1), "{}", path.display());
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "one line: {err}");
        assert!(
            err.starts_with("outward: cannot open the database at"),
            "{err}"
        );
        assert!(err.contains(expected), "{err}");
    }
    assert!(!missing.exists(), "info does not create a database");
}

#[test]
fn import_a_folder_then_list_and_search_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("outward.db");
    let notes = dir.path().join("notes");
    std::fs::create_dir(&notes).unwrap();
    std::fs::write(
        notes.join("2026-10-01-payments.md"),
        "---\ndate: 2026-10-01\ncustomer: Payments\ntags: [ci]\n---\nThe build cache misses after every merge.\n",
    )
    .unwrap();
    let dry = outward(
        &db,
        &["interviews", "import", notes.to_str().unwrap(), "--dry-run"],
    );
    assert!(dry.status.success(), "{}", stderr(&dry));
    assert!(stdout(&dry).contains("New customers: Payments"));
    assert_eq!(
        json(&outward(&db, &["info", "--json"]))["interviews"],
        0,
        "a dry run writes nothing"
    );

    let real = outward(&db, &["interviews", "import", notes.to_str().unwrap()]);
    assert!(
        stdout(&real).contains("Imported 1 interviews."),
        "{}",
        stderr(&real)
    );
    let listed = json(&outward(&db, &["interviews", "list", "--json"]));
    assert_eq!(listed[0]["customerName"], "Payments");
    let hits = json(&outward(&db, &["search", "cache miss", "--json"]));
    assert_eq!(
        hits[0]["kind"], "interview",
        "prefix of the last word matches 'misses'"
    );
    let nothing = outward(&db, &["search", "?!"]);
    assert_eq!(nothing.status.code(), Some(1));
    assert!(stderr(&nothing).contains("punctuation alone matches nothing"));

    std::fs::write(
        notes.join("bad.md"),
        "---\ncustomer: X\ndate: 1.10.2026\n---\n",
    )
    .unwrap();
    let bad = outward(&db, &["interviews", "import", notes.to_str().unwrap()]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(stderr(&bad).contains("bad.md, line 3"), "{}", stderr(&bad));
    assert_eq!(
        json(&outward(&db, &["info", "--json"]))["interviews"],
        1,
        "all or nothing"
    );
}

#[test]
fn pain_points_list_heaviest_first_from_the_example() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("outward.db");
    assert!(
        outward(&db, &["seed", "--profile", "example"])
            .status
            .success()
    );
    let pains = json(&outward(&db, &["pain-points", "list", "--json"]));
    let weights: Vec<f64> = pains
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["weight"].as_f64().unwrap())
        .collect();
    assert_eq!(
        weights.len(),
        5,
        "four from conversations, one from the workshop"
    );
    assert!(
        weights.windows(2).all(|w| w[0] >= w[1]),
        "heaviest first: {weights:?}"
    );
    let planned = json(&outward(
        &db,
        &["pain-points", "list", "--status", "planned", "--json"],
    ));
    assert_eq!(planned.as_array().unwrap().len(), 1);
}

#[test]
fn workshops_list_newest_first_and_by_state() {
    use chrono::{NaiveDate, TimeZone, Utc};
    use outward_core::db::Database;
    use outward_core::people::{self, Level, PersonInput};
    use outward_core::teams::{self, TeamInput};
    use outward_core::workshops::{self, PlanInput, run};
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("outward.db");
    let now = Utc.with_ymd_and_hms(2026, 11, 20, 10, 0, 0).unwrap();
    {
        let database = Database::open(&db, now).unwrap();
        database
            .write(|tx| {
                let team = teams::create(
                    tx,
                    &TeamInput {
                        name: "Platform".into(),
                        description: String::new(),
                    },
                    now,
                )?;
                let person = PersonInput {
                    team_id: team.id,
                    name: "Ada".into(),
                    role: String::new(),
                    level: Level::Staff,
                };
                let ada = people::create(tx, &person, now)?;
                for (day, exercise) in [(3, "wins-and-kudos"), (9, "ticket-black-hole")] {
                    let input = PlanInput {
                        exercise_id: exercise.into(),
                        team_id: team.id,
                        held_on: NaiveDate::from_ymd_opt(2026, 11, day).unwrap(),
                        starts_at: "10:00".into(),
                        facilitator_id: ada.id,
                        participant_ids: vec![ada.id],
                    };
                    let planned = workshops::plan(tx, &input, now)?;
                    if day == 3 {
                        run::start(tx, planned.id, now)?;
                        run::finish(tx, planned.id, now)?;
                    }
                }
                Ok(())
            })
            .unwrap();
    }
    let listed = json(&outward(&db, &["workshops", "list", "--json"]));
    let days: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["heldOn"].as_str().unwrap())
        .collect();
    assert_eq!(days, ["2026-11-09", "2026-11-03"], "newest first");
    let finished = json(&outward(
        &db,
        &["workshops", "list", "--state", "finished", "--json"],
    ));
    assert_eq!(finished.as_array().unwrap().len(), 1);
    assert_eq!(finished[0]["facilitatorName"], "Ada");
    let table = outward(&db, &["workshops", "list"]);
    assert!(stdout(&table).contains("Finished"), "{}", stdout(&table));
    let bad = outward(&db, &["workshops", "list", "--state", "paused"]);
    assert!(!bad.status.success());
    assert!(
        stderr(&bad).contains("planned, running, finished"),
        "{}",
        stderr(&bad)
    );
}

#[test]
fn exercises_list_the_built_in_library_as_text_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("outward.db");
    assert!(
        outward(&db, &["seed", "--profile", "example"])
            .status
            .success()
    );
    let listed = json(&outward(&db, &["exercises", "list", "--json"]));
    let listed = listed.as_array().unwrap();
    assert!(listed.len() >= 9, "at least nine built-ins: {listed:?}");
    let customers = listed
        .iter()
        .find(|e| e["id"] == "who-are-our-customers")
        .expect("the customer map is in the library");
    assert_eq!(customers["builtIn"], true);
    assert!(customers["stepCount"].as_u64().unwrap() >= 3);
    assert!(customers["totalSeconds"].as_u64().unwrap() > 0);

    let text = outward(&db, &["exercises", "list"]);
    assert!(text.status.success(), "{}", stderr(&text));
    let text = stdout(&text);
    let line = text
        .lines()
        .find(|l| l.starts_with("Who are our customers?"))
        .unwrap_or_else(|| panic!("one line per exercise: {text}"));
    assert!(
        line.contains("built-in") && line.contains("steps") && line.contains("min"),
        "a line says what kind of exercise it is, its steps and its time: {line}"
    );
}

#[test]
fn the_example_workshop_exports_as_markdown_to_the_terminal_or_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("outward.db");
    assert!(
        outward(&db, &["seed", "--profile", "example"])
            .status
            .success()
    );
    let listed = json(&outward(&db, &["workshops", "list", "--json"]));
    let id = listed[0]["id"].as_str().unwrap().to_owned();
    let printed = outward(&db, &["workshops", "export", &id, "--format", "md"]);
    assert!(printed.status.success(), "{}", stderr(&printed));
    let text = stdout(&printed);
    for heading in [
        "## Who attended",
        "## Outcomes",
        "## Top-voted",
        "## Ratings",
        "## Time per step",
    ] {
        assert!(text.contains(heading), "{heading} in:\n{text}");
    }
    let out = dir.path().join("summary.md");
    let saved = outward(
        &db,
        &[
            "workshops",
            "export",
            &id,
            "--format",
            "md",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(saved.status.success(), "{}", stderr(&saved));
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        text,
        "the same text, saved"
    );

    let nowhere = dir.path().join("missing").join("summary.md");
    let refused = outward(
        &db,
        &[
            "workshops",
            "export",
            &id,
            "--out",
            nowhere.to_str().unwrap(),
        ],
    );
    assert_eq!(refused.status.code(), Some(1));
    assert_eq!(
        stderr(&refused).lines().count(),
        1,
        "one line: {}",
        stderr(&refused)
    );
    assert!(
        stderr(&refused).contains("Nothing was written"),
        "{}",
        stderr(&refused)
    );
    let unknown = outward(
        &db,
        &[
            "workshops",
            "export",
            "019a1000-0000-7000-8000-000000000000",
        ],
    );
    assert_eq!(unknown.status.code(), Some(1));
    assert!(
        stderr(&unknown).starts_with("outward:"),
        "{}",
        stderr(&unknown)
    );
}

#[test]
fn backups_list_and_restore_bring_back_an_earlier_state() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("outward.db");
    assert!(outward(&db, &["teams", "add", "Before"]).status.success());
    let taken = outward(&db, &["backup"]);
    let backup = stdout(&taken).trim().to_owned();
    assert!(outward(&db, &["teams", "add", "After"]).status.success());

    let listed = json(&outward(&db, &["backups", "list", "--json"]));
    let listed = listed.as_array().unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0]["path"], backup);
    assert_eq!(listed[0]["reason"], "manual");
    assert!(listed[0]["problem"].is_null());
    let table = stdout(&outward(&db, &["backups", "list"]));
    assert!(
        table.contains("manual") && table.contains("verified"),
        "{table}"
    );

    let restored = outward(&db, &["restore", &backup]);
    assert!(restored.status.success(), "{}", stderr(&restored));
    assert!(stdout(&restored).contains("The replaced state is kept as"));
    assert_eq!(json(&outward(&db, &["info", "--json"]))["teams"], 1);
    let listed = json(&outward(&db, &["backups", "list", "--json"]));
    assert_eq!(
        listed[0]["reason"], "restore",
        "the replaced state comes first"
    );

    let bad = dir.path().join("bad.db");
    std::fs::write(&bad, "no").unwrap();
    let refused = outward(&db, &["restore", bad.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).starts_with("outward: cannot open the database at"),
        "{}",
        stderr(&refused)
    );
    assert_eq!(json(&outward(&db, &["info", "--json"]))["teams"], 1);
}

#[test]
fn export_and_import_bundle_carry_a_workspace_into_an_empty_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("outward.db");
    assert!(
        outward(&db, &["seed", "--profile", "example"])
            .status
            .success()
    );
    let out = dir.path().join("export");
    let exported = outward(&db, &["export", "--out", out.to_str().unwrap()]);
    assert!(exported.status.success(), "{}", stderr(&exported));
    assert!(
        stdout(&exported).starts_with("Exported "),
        "{}",
        stdout(&exported)
    );
    assert!(out.join("manifest.json").exists());

    let copy = dir.path().join("copy.db");
    let imported = outward(&copy, &["import-bundle", out.to_str().unwrap()]);
    assert!(imported.status.success(), "{}", stderr(&imported));
    let (a, b) = (
        json(&outward(&db, &["info", "--json"])),
        json(&outward(&copy, &["info", "--json"])),
    );
    for count in [
        "teams",
        "people",
        "products",
        "customers",
        "interviews",
        "painPoints",
    ] {
        assert_eq!(a[count], b[count], "{count}");
    }

    let again = outward(&copy, &["import-bundle", out.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(1));
    assert!(
        stderr(&again).starts_with("outward: An export imports only into an empty workspace"),
        "{}",
        stderr(&again)
    );
    let existing = outward(&db, &["export", "--out", out.to_str().unwrap()]);
    assert_eq!(existing.status.code(), Some(1));
    assert!(
        stderr(&existing).contains("already exists"),
        "{}",
        stderr(&existing)
    );

    // The same workspace packed into one .zip, and back.
    let zip = dir.path().join("export.zip");
    let exported = outward(&db, &["export", "--out", zip.to_str().unwrap()]);
    assert!(exported.status.success(), "{}", stderr(&exported));
    assert!(zip.is_file());
    let from_zip = dir.path().join("from-zip.db");
    let imported = outward(&from_zip, &["import-bundle", zip.to_str().unwrap()]);
    assert!(imported.status.success(), "{}", stderr(&imported));
    assert_eq!(
        json(&outward(&from_zip, &["info", "--json"]))["interviews"],
        a["interviews"]
    );
}

#[test]
fn a_survey_export_imports_after_a_dry_run_and_metrics_show_n_and_interval() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("outward.db");
    let export = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../outward-core/tests/survey-exports/typeform.csv");
    let export = export.to_str().unwrap();
    for args in [
        &[
            "metrics",
            "add",
            "CI satisfaction",
            "--kind",
            "csat",
            "--direction",
            "higherIsBetter",
        ][..],
        &[
            "metrics",
            "add",
            "Platform NPS",
            "--kind",
            "nps",
            "--direction",
            "higherIsBetter",
        ][..],
        &[
            "surveys",
            "add",
            "Developer survey",
            "--quarter",
            "2026-Q3",
            "--audience",
            "40",
            "--score",
            "CI satisfaction=How satisfied are you with CI?",
            "--score",
            "Platform NPS=How likely are you to recommend the platform to a colleague?",
            "--comment",
            "Anything else you want to tell us?",
        ][..],
    ] {
        let out = outward(&db, args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    }
    let surveys = json(&outward(&db, &["surveys", "list", "--json"]));
    let survey = surveys[0]["id"].as_str().unwrap().to_owned();

    let dry = outward(
        &db,
        &[
            "surveys",
            "import",
            export,
            "--survey",
            &survey,
            "--dry-run",
        ],
    );
    assert!(dry.status.success(), "{}", stderr(&dry));
    assert!(stdout(&dry).contains("5 responses would be imported; nothing was written."));
    assert_eq!(
        json(&outward(&db, &["surveys", "list", "--json"]))[0]["responses"],
        0
    );

    let done = outward(&db, &["surveys", "import", export, "--survey", &survey]);
    assert!(
        stdout(&done).contains("Imported 5 responses"),
        "{}",
        stderr(&done)
    );
    // The same file again is refused, naming the line and column, and writes nothing.
    let again = outward(&db, &["surveys", "import", export, "--survey", &survey]);
    assert_eq!(again.status.code(), Some(1));
    assert!(
        stderr(&again).contains("Line 2, column “#”"),
        "{}",
        stderr(&again)
    );

    let shown = json(&outward(
        &db,
        &["metrics", "show", "--quarter", "2026-Q3", "--json"],
    ));
    let csat = shown
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["metric"]["name"] == "CI satisfaction")
        .unwrap();
    assert_eq!(csat["value"]["n"], 5);
    assert_eq!(csat["value"]["value"], 40.0);
    assert!(csat["value"]["interval"]["low"].as_f64().unwrap() > 10.0);
    assert_eq!(csat["value"]["responseRate"], 12.5);

    let bad = outward(&db, &["metrics", "show", "--quarter", "2026-Q5"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(stderr(&bad).contains("Q5 does not exist"));
    let wrong_way = outward(
        &db,
        &[
            "goals",
            "add",
            "Happy CI",
            "--metric",
            "CI satisfaction",
            "--target",
            "30",
            "--due",
            "2027-Q2",
        ],
    );
    assert_eq!(wrong_way.status.code(), Some(1));
    assert!(stderr(&wrong_way).contains("higher is better"));
}

#[test]
fn commitments_are_added_checked_in_on_and_listed_by_quarter_with_clear_refusals() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("outward.db");
    let ok = |args: &[&str]| {
        let out = outward(&db, args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        stdout(&out).trim().to_owned()
    };
    ok(&["teams", "add", "Platform"]);
    ok(&[
        "people", "add", "Ada", "--team", "Platform", "--level", "staff",
    ]);
    let fifth = outward(
        &db,
        &[
            "commitments",
            "add",
            "Halve CI queue time",
            "--owner",
            "Ada",
            "--quarter",
            "2026-Q5",
        ],
    );
    assert_eq!(fifth.status.code(), Some(1));
    assert!(
        stderr(&fifth).contains("Q5 does not exist; a year has Q1 to Q4"),
        "{}",
        stderr(&fifth)
    );
    let nobody = outward(
        &db,
        &[
            "commitments",
            "add",
            "Halve CI queue time",
            "--owner",
            "Nobody",
            "--quarter",
            "2026-Q3",
        ],
    );
    assert!(
        stderr(&nobody).contains("There is no person named"),
        "{}",
        stderr(&nobody)
    );

    let id = ok(&[
        "commitments",
        "add",
        "Halve CI queue time",
        "--owner",
        "ada",
        "--quarter",
        "2026-Q3",
    ]);
    let too_much = outward(
        &db,
        &[
            "checkin",
            &id,
            "--progress",
            "140",
            "--confidence",
            "7",
            "--on",
            "2026-08-01",
        ],
    );
    assert_eq!(too_much.status.code(), Some(1));
    assert_eq!(
        stderr(&too_much).trim(),
        "outward: Progress is 140; it runs from 0 to 100."
    );
    let checked = json(&outward(
        &db,
        &[
            "checkin",
            &id,
            "--progress",
            "60",
            "--confidence",
            "3",
            "--note",
            "Pool doubled",
            "--on",
            "2026-08-01",
            "--json",
        ],
    ));
    assert_eq!(checked["progress"], 60);
    assert_eq!(checked["confidence"], 3);

    let listed = json(&outward(
        &db,
        &["commitments", "list", "--quarter", "2026-Q3", "--json"],
    ));
    assert_eq!(listed.as_array().unwrap().len(), 1);
    assert_eq!(listed[0]["title"], "Halve CI queue time");
    assert_eq!(listed[0]["ownerName"], "Ada");
    assert_eq!(listed[0]["quarterCode"], "2026-Q3");
    assert!(
        listed[0]["status"]["reasons"]
            .as_array()
            .is_some_and(|r| !r.is_empty())
    );
    let other = json(&outward(
        &db,
        &["commitments", "list", "--quarter", "2026-Q2", "--json"],
    ));
    assert_eq!(
        other.as_array().unwrap().len(),
        0,
        "another quarter's board is empty"
    );
    let text = ok(&["commitments", "list", "--quarter", "2026 Q3"]);
    assert!(
        text.contains("Halve CI queue time") && text.contains("60%"),
        "{text}"
    );
    let bad = outward(&db, &["commitments", "list", "--quarter", "2026-Q5"]);
    assert!(stderr(&bad).contains("Q5"), "{}", stderr(&bad));
}

#[test]
fn kudos_are_given_to_a_person_or_a_team_and_listed_newest_first() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("outward.db");
    assert!(
        outward(&db, &["seed", "--profile", "example"])
            .status
            .success()
    );
    let people = json(&outward(&db, &["people", "list", "--json"]));
    let name = |i: usize| people[i]["name"].as_str().unwrap().to_owned();
    let team = json(&outward(&db, &["teams", "list", "--json"]))[0]["name"]
        .as_str()
        .unwrap()
        .to_owned();

    let given = outward(
        &db,
        &[
            "kudos",
            "add",
            "Answered every runner question this week.",
            "--from",
            &name(0),
            "--to",
            &name(1),
        ],
    );
    assert!(given.status.success(), "{}", stderr(&given));
    assert!(
        stdout(&given).starts_with(&format!("Kudos to {}", name(1))),
        "{}",
        stdout(&given)
    );
    let to_team = outward(
        &db,
        &[
            "kudos",
            "add",
            "Shipped the runner fleet.",
            "--from",
            &name(1),
            "--team",
            &team,
        ],
    );
    assert!(to_team.status.success(), "{}", stderr(&to_team));

    let listed = json(&outward(
        &db,
        &["kudos", "list", "--person", &name(1), "--json"],
    ));
    let messages: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["message"].as_str().unwrap())
        .collect();
    assert!(
        messages.contains(&"Answered every runner question this week."),
        "{messages:?}"
    );
    let listed = json(&outward(&db, &["kudos", "list", "--team", &team, "--json"]));
    assert_eq!(listed[0]["message"], "Shipped the runner fleet.");

    let empty = outward(
        &db,
        &["kudos", "add", "  ", "--from", &name(0), "--to", &name(1)],
    );
    assert_eq!(empty.status.code(), Some(1));
    assert!(
        stderr(&empty).contains("the message is empty"),
        "{}",
        stderr(&empty)
    );
    let nobody = outward(&db, &["kudos", "add", "Thanks", "--from", &name(0)]);
    assert_eq!(
        nobody.status.code(),
        Some(1),
        "a person or a team is required"
    );

    // A kind and the commitment it thanks work on travel in and out.
    let commitment = json(&outward(
        &db,
        &[
            "commitments",
            "add",
            "Runner docs a newcomer can follow",
            "--owner",
            &name(1),
            "--quarter",
            "2026-Q4",
            "--json",
        ],
    ))["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let kinded = outward(
        &db,
        &[
            "kudos",
            "add",
            "Rewrote the runner docs.",
            "--from",
            &name(0),
            "--to",
            &name(1),
            "--kind",
            "documentation",
            "--commitment",
            &commitment,
        ],
    );
    assert!(kinded.status.success(), "{}", stderr(&kinded));
    let docs = json(&outward(
        &db,
        &["kudos", "list", "--kind", "documentation", "--json"],
    ));
    assert_eq!(
        docs.as_array().unwrap().len(),
        1,
        "only the documentation kudos"
    );
    assert_eq!(docs[0]["kind"], "documentation");
    assert_eq!(docs[0]["commitmentId"], commitment.as_str());
    assert_eq!(
        docs[0]["commitmentTitle"],
        "Runner docs a newcomer can follow"
    );
    let unknown = outward(
        &db,
        &[
            "kudos",
            "add",
            "Thanks",
            "--from",
            &name(0),
            "--to",
            &name(1),
            "--kind",
            "heroics",
        ],
    );
    assert_eq!(unknown.status.code(), Some(1));
    assert!(
        stderr(&unknown).contains("Kind “heroics” is not one of: usability, support"),
        "{}",
        stderr(&unknown)
    );
}

#[test]
fn report_writes_a_quarters_review_in_each_format_and_refuses_a_bad_quarter() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("outward.db");
    assert!(
        outward(&db, &["seed", "--profile", "example"])
            .status
            .success()
    );
    for format in ["md", "html", "csv"] {
        let path = dir.path().join(format!("review.{format}"));
        let written = outward(
            &db,
            &[
                "report",
                "--quarter",
                "2026-Q3",
                "--format",
                format,
                "--out",
                path.to_str().unwrap(),
            ],
        );
        assert!(written.status.success(), "{format}: {}", stderr(&written));
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            text.contains("CI satisfaction"),
            "{format}: the quarter's metrics"
        );
    }
    let html = std::fs::read_to_string(dir.path().join("review.html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("<svg"));
    let printed = outward(&db, &["report", "--quarter", "2026-Q3"]);
    assert!(stdout(&printed).starts_with("# Quarterly review: 2026 Q3"));

    let bad = outward(&db, &["report", "--quarter", "2026-Q5", "--format", "html"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(stderr(&bad).contains("Q5"), "{}", stderr(&bad));
    let format = outward(&db, &["report", "--format", "pdf"]);
    assert!(
        stderr(&format).contains("Format “pdf” is not one of: md, html, csv"),
        "{}",
        stderr(&format)
    );
    let nowhere = dir.path().join("missing").join("review.md");
    let refused = outward(&db, &["report", "--out", nowhere.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).contains("Nothing was written"),
        "{}",
        stderr(&refused)
    );
    assert!(!nowhere.exists());
}

fn ticket_export(name: &str) -> String {
    format!(
        "{}/../outward-core/tests/fixtures/tickets/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

#[test]
fn tickets_import_dry_run_then_import_by_key_and_report_a_quarter() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("outward.db");
    let jira = ticket_export("jira.csv");
    let dry = outward(&db, &["tickets", "import", &jira, "--dry-run"]);
    assert!(dry.status.success(), "{}", stderr(&dry));
    assert!(
        stdout(&dry).contains("8 tickets would be added and 0 updated; nothing was written."),
        "{}",
        stdout(&dry)
    );
    let meter = json(&outward(
        &db,
        &["tickets", "report", "--quarter", "2026-Q3", "--json"],
    ));
    assert_eq!(meter["response"]["tickets"], 0, "the dry run wrote nothing");

    let done = json(&outward(&db, &["tickets", "import", &jira, "--json"]));
    assert_eq!(done["added"], 8);
    let again = json(&outward(&db, &["tickets", "import", &jira, "--json"]));
    assert_eq!(
        (again["added"].as_u64(), again["unchanged"].as_u64()),
        (Some(0), Some(8)),
        "re-importing the same export updates by key and adds nothing"
    );
    let meter = json(&outward(
        &db,
        &["tickets", "report", "--quarter", "2026-Q3", "--json"],
    ));
    assert_eq!(meter["response"]["medianHours"], 24.0);
    assert_eq!(meter["response"]["p90Hours"], 240.0);
    assert_eq!(meter["longestWaiting"][0]["ticket"]["key"], "OPS-099");
    let text = outward(&db, &["tickets", "report", "--quarter", "2026-Q3"]);
    assert!(
        stdout(&text)
            .contains("all tickets: median 24.0 h, 90th percentile 10.0 days (5 of 7 answered)"),
        "{}",
        stdout(&text)
    );

    let bad = dir.path().join("bad.csv");
    std::fs::write(
        &bad,
        "Key,Created,First response\nA-1,2026-07-02 09:00,2026-07-01 09:00\n",
    )
    .unwrap();
    let refused = outward(&db, &["tickets", "import", bad.to_str().unwrap()]);
    assert!(!refused.status.success());
    assert!(
        stderr(&refused).contains("Line 2, column “First response”"),
        "{}",
        stderr(&refused)
    );
}

#[test]
fn migrations_list_and_show_the_examples_progress() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("outward.db");
    let seeded = outward(&db, &["seed", "--profile", "example"]);
    assert!(seeded.status.success(), "{}", stderr(&seeded));
    let list = json(&outward(&db, &["migrations", "list", "--json"]));
    let vm = list
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["title"] == "Retire the legacy VM images")
        .expect("the example's VM migration");
    assert_eq!(
        (vm["teams"].as_u64(), vm["done"].as_u64()),
        (Some(6), Some(3))
    );
    let text = outward(&db, &["migrations", "list"]);
    assert!(stdout(&text).contains("3/6 done"), "{}", stdout(&text));
    assert!(stdout(&text).contains("1 blocked"), "{}", stdout(&text));

    let shown = json(&outward(
        &db,
        &[
            "migrations",
            "show",
            "retire the legacy vm images",
            "--json",
        ],
    ));
    assert_eq!(shown["blocked"][0]["customerName"], "Data Platform");
    assert_eq!(shown["hours"]["platform"], 70.0);
    let text = outward(&db, &["migrations", "show", "Retire the legacy VM images"]);
    assert!(
        stdout(&text).contains("blocked: Data Platform"),
        "{}",
        stdout(&text)
    );
    let unknown = outward(&db, &["migrations", "show", "Mainframe exit"]);
    assert!(!unknown.status.success());
    assert!(
        stderr(&unknown).contains("There is no migration titled “Mainframe exit”"),
        "{}",
        stderr(&unknown)
    );
}
