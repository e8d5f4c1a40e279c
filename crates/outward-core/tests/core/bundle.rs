//! Exporting the whole workspace to a bundle and importing it into an empty one, on real files:
//! the round trip is byte for byte, a bundle of an older schema comes out as the migrated
//! database would, a cancelled export leaves nothing, and a damaged bundle is refused whole.

use crate::fixtures::{database, now};
use outward_core::action_items::{self, ActionStatus};
use outward_core::bundle::{self, Manifest};
use outward_core::commitments::check_ins::{self, CheckInInput};
use outward_core::commitments::{self, CommitmentInput, CommitmentState, decisions};
use outward_core::db::{self, Database};
use outward_core::error::Error;
use outward_core::pain_points::{self, Frequency, PainPointInput};
use outward_core::{settings, trash, workspace};
use rusqlite::Connection;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Every file under `dir`, by its path inside it, with its bytes.
pub(crate) fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut found = BTreeMap::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let name = path.strip_prefix(dir).unwrap().display().to_string();
                found.insert(name, std::fs::read(&path).unwrap());
            }
        }
    }
    found
}

pub(crate) fn export(db: &Database, out: &Path) -> Manifest {
    db.read(|conn| bundle::export(conn, out, now(), &mut |_| true))
        .unwrap()
        .expect("not cancelled")
        .manifest
}

fn import(db: &Database, dir: &Path) -> outward_core::error::Result<bundle::Imported> {
    db.write(|tx| bundle::import(tx, dir))
}

/// The example workspace, with settings changed and records in the Trash, so every table of
/// the schema holds rows.
pub(crate) fn full_workspace() -> (tempfile::TempDir, Database) {
    let (dir, db) = database();
    db.write(|tx| workspace::load_example(tx, now())).unwrap();
    db.write(|tx| {
        settings::set_fiscal_year_start(tx, 4)?;
        settings::set_unheard_after_weeks(tx, 10)
    })
    .unwrap();
    // A quarter's notes and decisions, and a closed quarter's kept review.
    db.write(|tx| {
        let notes = outward_core::review::NotesInput {
            quarter: "2027-Q3".into(),
            notes: "Deploys got calmer; CI did not.".into(),
            decisions: "Own the flaky suite next quarter.".into(),
        };
        outward_core::review::save_notes(tx, &notes, now())?;
        let closed = outward_core::review::parse_quarter(tx, "2027-Q1", "quarter")?;
        outward_core::review::close(tx, closed, &[], None, now()).map(|_| ())
    })
    .unwrap();
    let nth_customer = |offset: u32| -> outward_core::id::Id {
        db.read(|conn| {
            Ok(conn.query_row(
                "SELECT id FROM customers ORDER BY name LIMIT 1 OFFSET ?1",
                [offset],
                |r| r.get(0),
            )?)
        })
        .unwrap()
    };
    let customer = nth_customer(0);
    let product: outward_core::id::Id = db
        .read(|conn| Ok(conn.query_row("SELECT id FROM products LIMIT 1", [], |r| r.get(0))?))
        .unwrap();
    let heard_elsewhere = PainPointInput {
        title: "Quota requests wait a week".into(),
        description: String::new(),
        severity: 2,
        frequency: Frequency::Monthly,
        product_ids: vec![product],
        customer_ids: vec![nth_customer(1)],
        tags: vec!["Quotas".into()],
    };
    db.write(|tx| pain_points::create(tx, &heard_elsewhere, None, now()))
        .unwrap();
    db.write(|tx| {
        trash::move_to_trash(
            tx,
            outward_core::entity::EntityKind::Customer,
            customer,
            now(),
        )
    })
    .unwrap();
    // An action item the workshop agreed on, reviewed since: its history has a row.
    let (item, owner): (outward_core::id::Id, outward_core::id::Id) = db
        .read(|conn| {
            Ok(conn.query_row(
                "SELECT id, owner_id FROM action_items WHERE deleted_at IS NULL LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?)
        })
        .unwrap();
    db.write(|tx| {
        action_items::set_status(tx, item, ActionStatus::Done, "Shipped", Some(owner), now())
    })
    .unwrap();
    // What the room sent from its devices to the example's workshop (room mode's rules are
    // tested with the room; here only its rows travel).
    db.write(|tx| {
        tx.execute_batch(
            "INSERT INTO workshop_rooms SELECT id, hex(randomblob(16)), '127.0.0.1', 48123,
                 created_at FROM workshops ORDER BY id LIMIT 1;
             INSERT INTO room_participants SELECT workshop_id, 'participant-hash'
                 FROM workshop_rooms;
             INSERT INTO room_card_counts SELECT workshop_id, 'participant-hash', 0, 1
                 FROM workshop_rooms;
             INSERT INTO room_cards SELECT c.id, 'edit-key-hash' FROM workshop_cards c
                 JOIN workshop_rooms r USING (workshop_id) ORDER BY c.id LIMIT 1;
             UPDATE workshop_cards SET signed_name = 'Priya'
                 WHERE id = (SELECT card_id FROM room_cards);
             INSERT INTO room_ballots SELECT workshop_id, 1, 'voter-hash' FROM workshop_rooms;
             INSERT INTO room_votes SELECT workshop_id, 1, 'voter-hash', card_id, NULL, 1
                 FROM room_cards JOIN workshop_cards c ON c.id = card_id;
             INSERT INTO room_ratings SELECT workshop_id, 1, 'Customers', 'voter-hash', 4
                 FROM workshop_rooms;
             INSERT INTO room_submissions SELECT workshop_id, 'submission-0000-0001', '{}'
                 FROM workshop_rooms;",
        )?;
        Ok(())
    })
    .unwrap();
    // A celebration put away for the quarter.
    db.write(|tx| {
        tx.execute_batch(
            "INSERT INTO celebration_dismissals SELECT id, '2026-Q4', created_at FROM goals
                 ORDER BY id LIMIT 1;",
        )?;
        Ok(())
    })
    .unwrap();
    commit_and_deliver(&db, owner);
    (dir, db)
}

/// A commitment linked to a pain point, checked in on, marked done, and its pain point
/// addressed because of it: every commitments table holds a row.
fn commit_and_deliver(db: &Database, owner: outward_core::id::Id) {
    let pain_point: outward_core::id::Id = db
        .read(|conn| {
            Ok(conn.query_row(
                "SELECT id FROM pain_points WHERE deleted_at IS NULL AND status <> 'addressed'
                 ORDER BY id LIMIT 1",
                [],
                |r| r.get(0),
            )?)
        })
        .unwrap();
    db.write(|tx| {
        let input = CommitmentInput {
            title: "Halve CI queue time".into(),
            owner_id: Some(owner),
            quarter: "2026-Q3".into(),
            goal_id: None,
            pain_point_ids: vec![pain_point],
        };
        let c = commitments::create(tx, &input, now())?;
        let check = CheckInInput {
            checked_on: now().date_naive(),
            progress: 100,
            confidence: 9,
            note: "Queue p50 is 9 minutes".into(),
        };
        check_ins::check_in(tx, c.id, &check, Some(owner), now())?;
        decisions::set_state(tx, c.id, CommitmentState::Done, "", Some(owner), now())?;
        decisions::address_pain_points(tx, c.id, &[pain_point], Some(owner), now())
    })
    .unwrap();
}

/// How many rows each full-text index holds, once FTS5's `integrity-check` has confirmed the
/// index agrees with the rows it indexes: an import that inserted index rows the triggers had
/// already written would fail or differ here. The other derived tables (Coverage's counts) are
/// compared whole.
fn search_indexes(db: &Database) -> Vec<(String, i64)> {
    // FTS5's integrity check is a command written as an insert: it runs as a write.
    db.write(|conn| {
        let mut counts = Vec::new();
        // The derived tables this schema has: full-text indexes, and roll-ups compared whole.
        let derived = |virtual_: bool| -> rusqlite::Result<Vec<String>> {
            let names: Vec<String> = conn
                .prepare(
                    "SELECT name FROM sqlite_schema WHERE type = 'table'
                     AND (sql LIKE 'CREATE VIRTUAL TABLE%') = ?1 ORDER BY name",
                )?
                .query_map([virtual_], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            Ok(names
                .into_iter()
                .filter(|n| bundle::DERIVED.contains(&n.as_str()))
                .collect())
        };
        let indexes = derived(true)?;
        for table in derived(false)? {
            // A roll-up with a count column `n` drops its rows at zero only when rebuilt.
            let kept = if conn.prepare(&format!("SELECT n FROM {table}")).is_ok() {
                "WHERE n <> 0"
            } else {
                ""
            };
            let mut stmt = conn.prepare(&format!("SELECT * FROM {table} {kept} ORDER BY 1, 2"))?;
            let columns = stmt.column_count();
            let rows: Vec<String> = stmt
                .query_map([], |r| {
                    (0..columns)
                        .map(|i| {
                            r.get::<_, rusqlite::types::Value>(i)
                                .map(|v| format!("{v:?}"))
                        })
                        .collect::<rusqlite::Result<Vec<_>>>()
                        .map(|values| values.join(","))
                })?
                .collect::<rusqlite::Result<_>>()?;
            counts.push((format!("{table}: {}", rows.join(";")), rows.len() as i64));
        }
        for index in &indexes {
            conn.execute(
                &format!("INSERT INTO {index} ({index}, rank) VALUES ('integrity-check', 1)"),
                [],
            )?;
            // One row per indexed row; how the index's segments are laid out may differ.
            let table = format!("{index}_docsize");
            let n: i64 =
                conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?;
            counts.push((table, n));
        }
        Ok(counts)
    })
    .unwrap()
}

/// Exports `source`, which holds rows in every table, imports the bundle into an empty
/// database, exports that, and checks the two bundles are byte for byte the same, and so are
/// what the app reads and the search indexes.
fn round_trip(dir: &Path, source: &Database) {
    round_trip_but(dir, source, &[]);
}

/// [`round_trip`], where the tables `newer` (made by migrations after the source was written)
/// may be empty: `full_workspace()` fills them.
fn round_trip_but(dir: &Path, source: &Database, newer: &[String]) {
    let first = dir.join("first");
    let manifest = export(source, &first);
    let empty: Vec<&str> = manifest
        .files
        .iter()
        .filter(|f| f.rows == 0 && !newer.contains(&f.table))
        .map(|f| f.table.as_str())
        .collect();
    assert!(
        empty.is_empty(),
        "the round trip covers every table, but these are empty here: {empty:?}; add rows for \
         them to the example workspace, full_workspace() or the latest fixture"
    );
    assert!(manifest.markdown.files > 0);

    let target = Database::open(&dir.join("new.db"), now()).unwrap();
    let imported = import(&target, &first).unwrap();
    assert_eq!(
        imported.rows,
        manifest.files.iter().map(|f| f.rows).sum::<u64>()
    );
    let second = dir.join("second");
    export(&target, &second);
    let (a, b) = (files(&first), files(&second));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (name, bytes) in &a {
        if bytes != &b[name] {
            let (x, y) = (
                String::from_utf8_lossy(bytes),
                String::from_utf8_lossy(&b[name]),
            );
            let first = x.lines().zip(y.lines()).find(|(l, r)| l != r);
            panic!("{name} differs after the round trip: {first:?}");
        }
    }
    // What the app reads is the same too, search included: each index holds each row once.
    let overview = |db: &Database| db.read(|c| workspace::overview(c, Path::new(""))).unwrap();
    assert_eq!(overview(source), overview(&target));
    assert_eq!(search_indexes(source), search_indexes(&target));
    for words in ["deploy", "postgres", "onboarding"] {
        let hits = |db: &Database| {
            db.read(|c| outward_core::search::search(c, words, now().date_naive()))
                .map(|found| format!("{found:?}"))
                .unwrap()
        };
        assert_eq!(hits(source), hits(&target), "the search for {words}");
    }
}

#[test]
fn a_workspace_exported_imported_and_exported_again_is_byte_for_byte_the_same() {
    let (dir, source) = full_workspace();
    round_trip(dir.path(), &source);
}

#[test]
fn the_latest_fixture_migrated_round_trips_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let latest = db::latest_schema_version() - 1;
    let path = dir.path().join("old.db");
    let tables = |conn: &Connection| -> Vec<String> {
        conn.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    };
    let old = Connection::open(&path).unwrap();
    old.execute_batch(&fixture_sql(latest)).unwrap();
    let before = tables(&old);
    drop(old);
    let migrated = Database::open(&path, now()).unwrap();
    let newer: Vec<String> = migrated
        .read(|conn| Ok(tables(conn)))
        .unwrap()
        .into_iter()
        .filter(|t| !before.contains(t))
        .collect();
    round_trip_but(dir.path(), &migrated, &newer);
}

#[test]
fn the_interviews_markdown_reads_back_through_the_folder_import() {
    let (dir, source) = full_workspace();
    let out = dir.path().join("bundle");
    let manifest = export(&source, &out);
    let read = outward_core::interviews::import::read_folder(&out.join(bundle::INTERVIEWS_FOLDER))
        .unwrap();
    assert_eq!(read.len() as u64, manifest.markdown.files);
    let live: Vec<(String, String)> = source
        .read(|c| {
            let mut stmt = c.prepare(
                "SELECT i.notes, c.name FROM interviews i JOIN customers c ON c.id = i.customer_id \
                 WHERE i.deleted_at IS NULL ORDER BY i.held_on, i.id",
            )?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })
        .unwrap();
    let got: Vec<(String, String)> = read.into_iter().map(|i| (i.notes, i.customer)).collect();
    assert_eq!(got, live, "notes and customers come back as stored");
}

fn fixture_sql(version: u32) -> String {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/schema-{version}.sql"));
    std::fs::read_to_string(path).unwrap()
}

#[test]
fn a_bundle_of_every_older_schema_imports_as_the_migrated_database_would_export() {
    // From schema 2 on: schema 1 had no interviews, which every bundle also holds as Markdown.
    for version in 2..db::latest_schema_version() {
        let dir = tempfile::tempdir().unwrap();
        let old_path = dir.path().join("old.db");
        Connection::open(&old_path)
            .unwrap()
            .execute_batch(&fixture_sql(version))
            .unwrap();
        // The bundle as this version of the schema wrote it: straight from the old file.
        let old_bundle = dir.path().join("old-bundle");
        let old = Connection::open(&old_path).unwrap();
        let written = bundle::export(&old, &old_bundle, now(), &mut |_| true)
            .unwrap()
            .unwrap();
        assert_eq!(written.manifest.schema_version, version);
        drop(old);

        let target = Database::open(&dir.path().join("new.db"), now()).unwrap();
        import(&target, &old_bundle)
            .unwrap_or_else(|e| panic!("schema {version}'s bundle imports: {e}"));
        let imported = dir.path().join("imported");
        let manifest = export(&target, &imported);
        assert_eq!(manifest.schema_version, db::latest_schema_version());

        let migrated = Database::open(&old_path, now()).unwrap();
        let expected = dir.path().join("migrated");
        export(&migrated, &expected);
        assert!(
            files(&imported) == files(&expected),
            "schema {version}: the imported bundle exports as the migrated file does"
        );
        assert_eq!(search_indexes(&migrated), search_indexes(&target));
    }
}

#[test]
fn a_cancelled_export_leaves_nothing_and_an_existing_path_is_never_overwritten() {
    let (dir, db) = full_workspace();
    let out = dir.path().join("export");
    let mut reports = 0;
    let result = db
        .read(|c| {
            bundle::export(c, &out, now(), &mut |progress| {
                reports += 1;
                progress.done < progress.total
            })
        })
        .unwrap();
    assert!(result.is_none(), "cancelled");
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("export"))
        .collect();
    assert!(left.is_empty(), "nothing is left behind: {left:?}");

    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("keep.txt"), "mine").unwrap();
    let err = db
        .read(|c| bundle::export(c, &out, now(), &mut |_| true))
        .unwrap_err();
    assert!(matches!(err, Error::Conflict { .. }), "{err:?}");
    assert_eq!(
        std::fs::read_to_string(out.join("keep.txt")).unwrap(),
        "mine"
    );
}

#[test]
fn an_interrupted_export_never_looks_complete_and_the_next_one_replaces_it() {
    let (dir, db) = full_workspace();
    let out = dir.path().join("export");
    // What a killed export leaves: its hidden folder, without a manifest, never renamed.
    let partial = dir.path().join(".export.partial");
    std::fs::create_dir_all(&partial).unwrap();
    std::fs::write(partial.join("teams.jsonl"), "{\"id\":").unwrap();
    assert!(!out.exists());
    export(&db, &out);
    assert!(!partial.exists(), "the leftover is removed");
    assert!(out.join(bundle::MANIFEST).exists());
}

#[test]
fn a_bundle_imports_only_into_an_empty_workspace() {
    let (dir, source) = full_workspace();
    let out = dir.path().join("bundle");
    export(&source, &out);
    let err = import(&source, &out).unwrap_err();
    assert!(matches!(err, Error::Conflict { .. }), "{err:?}");
    assert!(err.to_string().contains("empty"), "{err}");
}

/// A copy of a good bundle with `damage` done to it, imported into an empty database: the error
/// and whether the database stayed empty.
fn import_damaged(damage: impl FnOnce(&Path)) -> (String, bool) {
    let (dir, source) = full_workspace();
    let out = dir.path().join("bundle");
    export(&source, &out);
    damage(&out);
    let target = Database::open(&dir.path().join("new.db"), now()).unwrap();
    let err = import(&target, &out).unwrap_err();
    assert!(
        matches!(err, Error::Validation { field: "file", .. }),
        "{err:?}"
    );
    let empty = target
        .read(|c| workspace::overview(c, Path::new("")))
        .unwrap()
        .is_empty;
    (err.to_string(), empty)
}

fn edit_line(path: PathBuf, line: usize, edit: impl FnOnce(&str) -> String) {
    let text = std::fs::read_to_string(&path).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    lines[line - 1] = edit(&lines[line - 1]);
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
}

/// Something done to a good bundle's folder.
type Damage = Box<dyn FnOnce(&Path)>;

#[test]
fn a_damaged_bundle_is_refused_whole_naming_the_file_and_line() {
    let cases: Vec<(&str, Damage, &str)> = vec![
        (
            "bad JSON",
            Box::new(|b| {
                edit_line(b.join("customers.jsonl"), 2, |l| {
                    l[..l.len() / 2].to_owned()
                })
            }),
            "customers.jsonl, line 2: is not a JSON object",
        ),
        (
            "an unknown column",
            Box::new(|b| {
                edit_line(b.join("teams.jsonl"), 1, |l| {
                    l.replacen('{', "{\"motto\":\"x\",", 1)
                })
            }),
            "teams.jsonl, line 1: the table teams has no column “motto”",
        ),
        (
            "an unknown table",
            Box::new(|b| std::fs::write(b.join("gadgets.jsonl"), "{}\n").unwrap()),
            "gadgets.jsonl: is not listed in the manifest",
        ),
        (
            "a missing file",
            Box::new(|b| std::fs::remove_file(b.join("highlights.jsonl")).unwrap()),
            "highlights.jsonl: is missing from the bundle",
        ),
        (
            "a wrong count",
            Box::new(|b| {
                let path = b.join("people.jsonl");
                let text = std::fs::read_to_string(&path).unwrap();
                let first = text.lines().next().unwrap().len() + 1;
                std::fs::write(&path, &text[first..]).unwrap();
            }),
            "people.jsonl: holds",
        ),
        (
            "a broken reference",
            Box::new(|b| {
                edit_line(b.join("products.jsonl"), 2, |l| {
                    let v: serde_json::Value = serde_json::from_str(l).unwrap();
                    let team = v["team_id"].as_str().unwrap().to_owned();
                    l.replace(&team, "01900000-0000-7000-8000-000000000000")
                })
            }),
            "products.jsonl, line 2: team_id refers to a row of teams",
        ),
        (
            "a value the schema refuses",
            Box::new(|b| {
                edit_line(b.join("people.jsonl"), 1, |l| {
                    let v: serde_json::Value = serde_json::from_str(l).unwrap();
                    let level = v["level"].as_str().unwrap().to_owned();
                    l.replace(&format!("\"level\":\"{level}\""), "\"level\":\"wizard\"")
                })
            }),
            "people.jsonl, line 1: CHECK constraint failed",
        ),
        (
            "a newer schema",
            Box::new(|b| {
                let path = b.join(bundle::MANIFEST);
                let text = std::fs::read_to_string(&path).unwrap();
                let newer = format!("\"schemaVersion\": {}", db::latest_schema_version() + 1);
                let now = format!("\"schemaVersion\": {}", db::latest_schema_version());
                std::fs::write(&path, text.replace(&now, &newer)).unwrap();
            }),
            "manifest.json: schema version",
        ),
    ];
    for (what, damage, expected) in cases {
        let (message, empty) = import_damaged(damage);
        assert!(message.contains(expected), "{what}: {message}");
        assert!(empty, "{what}: nothing was written");
    }
}

#[test]
fn an_export_packed_into_a_zip_imports_to_the_same_workspace() {
    let (dir, source) = full_workspace();
    let folder = dir.path().join("folder");
    export(&source, &folder);
    let zipped = dir.path().join("Outward export.zip");
    let written = source
        .read(|conn| bundle::export(conn, &zipped, now(), &mut |_| true))
        .unwrap()
        .unwrap();
    assert_eq!(written.bytes, std::fs::metadata(&zipped).unwrap().len());
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(left.is_empty(), "no hidden folder is left: {left:?}");

    // Unpacked anywhere, the archive is one folder holding the same files.
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&zipped).unwrap()).unwrap();
    let names: std::collections::BTreeSet<String> = archive
        .file_names()
        .map(|n| n.unwrap().into_owned())
        .collect();
    let expected: std::collections::BTreeSet<String> = files(&folder)
        .keys()
        .map(|name| format!("Outward export/{name}"))
        .collect();
    assert_eq!(names, expected);
    let mut manifest = String::new();
    std::io::Read::read_to_string(
        &mut archive.by_name("Outward export/manifest.json").unwrap(),
        &mut manifest,
    )
    .unwrap();
    assert_eq!(
        manifest.as_bytes(),
        files(&folder)["manifest.json"].as_slice()
    );

    let target = Database::open(&dir.path().join("new.db"), now()).unwrap();
    import(&target, &zipped).unwrap();
    let again = dir.path().join("again");
    export(&target, &again);
    assert!(
        files(&folder) == files(&again),
        "the zip round trip is byte for byte"
    );
    let scratch: Vec<_> = std::fs::read_dir(std::env::temp_dir())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with(".outward-import-")
        })
        .filter(|e| {
            e.metadata()
                .and_then(|m| m.modified())
                .is_ok_and(|t| t.elapsed().is_ok_and(|age| age.as_secs() < 5))
        })
        .map(|e| e.path())
        .collect();
    assert!(
        scratch.is_empty(),
        "the unpacked copy is removed: {scratch:?}"
    );

    // A bundle folder can also be named by its manifest, as a file dialog picks it.
    let (dir2, _) = database();
    let target = Database::open(&dir2.path().join("by-manifest.db"), now()).unwrap();
    import(&target, &folder.join(bundle::MANIFEST)).unwrap();
}

#[test]
fn an_interrupted_zip_export_never_looks_complete_and_is_cleaned_up() {
    let (dir, db) = full_workspace();
    let out = dir.path().join("export.zip");
    let partial = dir.path().join(".export.zip.partial");
    std::fs::create_dir_all(partial.join(bundle::INTERVIEWS_FOLDER)).unwrap();
    std::fs::write(partial.join("teams.jsonl"), "{}\n").unwrap();
    std::fs::write(partial.join("packing.zip"), "PK").unwrap();
    let cancelled = db
        .read(|c| bundle::export(c, &out, now(), &mut |p| p.done < p.total))
        .unwrap();
    assert!(cancelled.is_none());
    assert!(!partial.exists(), "the leftover is removed");
    assert!(!out.exists(), "a cancelled export writes no archive");
    db.read(|c| bundle::export(c, &out, now(), &mut |_| true))
        .unwrap()
        .unwrap();
    assert!(out.is_file());
    assert!(!partial.exists());
}

/// The entries of a zip archive: a name, and its bytes or `None` for a link.
type Entries<'a> = Vec<(&'a str, Option<&'a [u8]>)>;

/// Writes a zip archive at `path` holding `entries` (name, bytes), symlinks where the bytes
/// are `None` (their target is "/etc/passwd").
fn write_zip(path: &Path, entries: &Entries<'_>) {
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let options = zip::write::SimpleFileOptions::default();
    for (name, bytes) in entries {
        match bytes {
            Some(bytes) => {
                zip.start_file(*name, options).unwrap();
                std::io::Write::write_all(&mut zip, bytes).unwrap();
            }
            None => zip.add_symlink(*name, "/etc/passwd", options).unwrap(),
        }
    }
    zip.finish().unwrap();
}

#[test]
fn a_hostile_zip_is_refused_whole_and_writes_nothing_outside() {
    let (dir, source) = full_workspace();
    let folder = dir.path().join("bundle");
    export(&source, &folder);
    let manifest = std::fs::read(folder.join(bundle::MANIFEST)).unwrap();
    let cases: Vec<(&str, Entries<'_>, &str)> = vec![
        (
            "a path out of the folder",
            vec![
                ("b/manifest.json", Some(&manifest)),
                ("b/../../escaped.jsonl", Some(b"{}")),
            ],
            "escaped.jsonl",
        ),
        (
            "an absolute path",
            vec![("/tmp/escaped.jsonl", Some(b"{}"))],
            "escaped.jsonl",
        ),
        (
            "a file an export never writes",
            vec![
                ("b/manifest.json", Some(&manifest)),
                ("b/run.sh", Some(b"rm -rf /")),
            ],
            "run.sh",
        ),
        (
            "a link",
            vec![
                ("b/manifest.json", Some(&manifest)),
                ("b/teams.jsonl", None),
            ],
            "teams.jsonl",
        ),
        (
            "no manifest",
            vec![("b/teams.jsonl", Some(b""))],
            "manifest.json",
        ),
    ];
    for (what, entries, named) in cases {
        let path = dir.path().join("hostile.zip");
        write_zip(&path, &entries);
        let target = Database::open(&dir.path().join(format!("{what}.db")), now()).unwrap();
        let err = import(&target, &path).unwrap_err();
        assert!(
            matches!(err, Error::Validation { field: "file", .. }),
            "{what}: {err:?}"
        );
        assert!(err.to_string().contains(named), "{what}: {err}");
        assert!(
            target
                .read(|c| workspace::overview(c, Path::new("")))
                .unwrap()
                .is_empty,
            "{what}: nothing is written"
        );
        assert!(!dir.path().join("escaped.jsonl").exists());
        assert!(!Path::new("/tmp/escaped.jsonl").exists());
    }
    let not_zip = dir.path().join("notes.zip");
    std::fs::write(&not_zip, "just text").unwrap();
    let target = Database::open(&dir.path().join("not-zip.db"), now()).unwrap();
    let err = import(&target, &not_zip).unwrap_err();
    assert!(
        err.to_string().contains("notes.zip: not a zip archive"),
        "{err}"
    );
}
