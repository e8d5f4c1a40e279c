//! Every released schema version, migrated: a fixture database of each version (plain SQL in
//! `tests/fixtures/schema-N.sql`, so it stays reviewable) is opened by this version and must
//! come out whole, searchable and readable through the core; and every released migration is
//! pinned by its hash, so one that has landed can never be edited.

use crate::fixtures::{assert_sound, at, row_counts};
use outward_core::db::{self, Database, backup};
use outward_core::id::Id;
use outward_core::search::{self, HitKind};
use outward_core::{customers, interviews, pain_points, people, products, teams, themes, trash};
use rusqlite::Connection;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// The sha256 of every released migration, in order. A migration is released once it has
/// landed; from then on its file must stay byte for byte what it was.
const RELEASED_MIGRATIONS: &[(&str, &str)] = &[
    (
        "0001_foundation.sql",
        "7527832435738f99e452e79b8131d82263ffb1f39e0347946a46fd3ce8b1def7",
    ),
    (
        "0002_interviews.sql",
        "ab20e675ce0e234473381a30eadf6fe7be267ceb7f3924a1dea6759e928ce668",
    ),
    (
        "0003_list_indexes.sql",
        "57ff04cd4ff3178f74e9655ea0889ccd55a517dff5acf1acd8c02aed2d07b527",
    ),
    (
        "0004_trash_follows_and_evidence.sql",
        "4ee9e530506b9728fe2df98df0b17e63cb1fc0cd5d6c2fac3c1d446aa3a47779",
    ),
    (
        "0005_exercises.sql",
        "0a3736bee641e7ad11e71fe39b1d15d6c8ae78763698173acc4194d7bda9ab42",
    ),
    (
        "0006_workshops.sql",
        "5bb0e5e8c1429de81ffe8038691f9c11faf15ab214a592752f77f9b71a5689cc",
    ),
    (
        "0007_outcomes.sql",
        "9c14b6c2af012d581c462a4c154ef18ef911e7c65189c7f2cdb195a4d0a9a4c4",
    ),
    (
        "0008_live_covering_indexes.sql",
        "2639dcf233251d73ca2e4de92c1cfbc4791c80312cb28a79efa0d02b6a92bbbe",
    ),
    (
        "0009_notes_index_merged_when_idle.sql",
        "31f5ad0a6f99074bad8115d915ee99a8fd453128a4d0e95cab31a1af3ab88fc2",
    ),
    (
        "0010_open_pain_points_per_customer.sql",
        "7caf01e8d8bcf56f499443614096f0b1583f07f1c65aba2678daa840e90d2a64",
    ),
    (
        "0011_room.sql",
        "f5e2aff3bc5fc5f6a9241502c31f2d68a0d52ca58196fe91035d317a7efc11a5",
    ),
    (
        "0012_metrics_surveys_goals.sql",
        "3caddcd5ce215465e152ea3b13f3bdb590b7ed813ddb1178d1e12234af5ee5fb",
    ),
    (
        "0013_commitments.sql",
        "46b2959429a13e505038fe7016b6e1d8795c9502dd045de27c16315732eaa2c4",
    ),
    (
        "0014_survey_score_tallies.sql",
        "423f29eaf9b9416badf7aca4f1f10f505be4a927f03dc3fbc934ec8a7750e034",
    ),
    (
        "0015_quarter_reviews.sql",
        "dd4c366c88be2847d94a76dd7e1cd8c6f0dbfd0741f9924aefbc0aa9c9e8d4a8",
    ),
    (
        "0016_kudos_kinds_and_celebrations.sql",
        "b85abf8fb78cb11cd8c59debcaf685a56b1db48b89794f480c81efb6c33e0fe0",
    ),
    (
        "0017_tickets.sql",
        "d2cfe124539aed1043b23b31eccf45ccc24976ceefdcbdfd87d90efea7d43974",
    ),
    (
        "0018_support_rota.sql",
        "3cfe2064ca44c86b9c30d6feb41e28aa28b56b4a7aec6eddec7e4d696335ce7c",
    ),
    (
        "0019_migrations.sql",
        "99bbe52a80e12fc80483dc59c48e416bc487f64e0cf35901cb016aa4a8ada9b4",
    ),
    (
        "0020_hiring_kit.sql",
        "ad2fc4ab577579a220bae21160f524fb7fd7dc317a9b1891ab6f0fefb5e9a426",
    ),
    (
        "0021_covering_indexes.sql",
        "a78b4a1fcab005088c8c7bee43ed97dd7ad8af19e2a151c4d0208743ef8e7d32",
    ),
    (
        "0022_search_index_skips_unchanged_text.sql",
        "fef35d3d7718be4db0035ed87af5c4561689525b9da28366fcba35cab511c2ab",
    ),
    (
        "0023_pain_points_raised_during_a_migration.sql",
        "50fba89bef824ba19640769758c6fddb597b559bec0b18392dd0aecc1dfe41e5",
    ),
    (
        "0024_trash_read_indexes.sql",
        "fb49431b25ab37067f8aa1c5ca86a7736e0944c8264ffb50a83f5de6da21f1ec",
    ),
    (
        "0025_survey_responses_live.sql",
        "6ce8921b145f0e19545fe15f14973eb2e9e64722de5613fac6843a3a6d3d9bf8",
    ),
    (
        "0026_notes_indexed_by_passage.sql",
        "b8361dd632ee635e73b2a52e49d32bdfd3327459cb179e41bbed820b47f99df4",
    ),
];

fn crate_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The file names in `dir`, sorted.
fn file_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The sha256 of a migration, with line endings as committed: a checkout that turns them into
/// CRLF does not count as an edit.
fn sha256_hex(text: &str) -> String {
    format!("{:x}", Sha256::digest(text.replace("\r\n", "\n")))
}

#[test]
fn released_migrations_are_never_edited() {
    let dir = crate_dir().join("src/db/migrations");
    let files = file_names(&dir);
    assert_eq!(
        files.len() as u32,
        db::latest_schema_version(),
        "every file in src/db/migrations is one step of db::MIGRATIONS: {files:?}"
    );
    for (index, name) in files.iter().enumerate() {
        let hash = sha256_hex(&std::fs::read_to_string(dir.join(name)).unwrap());
        let Some((released_name, released_hash)) = RELEASED_MIGRATIONS.get(index) else {
            panic!(
                "migration {name} has no pinned hash. Once it lands, add \
                 (\"{name}\", \"{hash}\") to RELEASED_MIGRATIONS in {}, so it can never be \
                 edited again",
                file!()
            );
        };
        assert_eq!(
            name,
            released_name,
            "released migration {} keeps its name and place",
            index + 1
        );
        assert_eq!(
            &hash, released_hash,
            "migration {name} has changed since it was released. A landed migration is never \
             edited: restore it, and put the change in a new migration"
        );
    }
    assert!(
        RELEASED_MIGRATIONS.len() <= files.len(),
        "a released migration is gone from src/db/migrations: {:?}",
        &RELEASED_MIGRATIONS[files.len()..]
    );
}

/// The fixtures in `tests/fixtures`, by schema version.
fn fixtures() -> Vec<(u32, PathBuf)> {
    let dir = crate_dir().join("tests/fixtures");
    let mut fixtures: Vec<(u32, PathBuf)> = file_names(&dir)
        .into_iter()
        // Folders hold other fixtures (tracker exports in `tickets/`).
        .filter(|name| !dir.join(name).is_dir())
        .map(|name| {
            let version = name
                .strip_prefix("schema-")
                .and_then(|rest| rest.strip_suffix(".sql"))
                .and_then(|number| number.parse().ok())
                .unwrap_or_else(|| panic!("tests/fixtures/{name} is not named schema-N.sql"));
            (version, dir.join(name))
        })
        .collect();
    fixtures.sort();
    fixtures
}

#[test]
fn every_schema_version_before_the_latest_has_a_fixture() {
    let latest = db::latest_schema_version();
    let versions: Vec<u32> = fixtures().into_iter().map(|(v, _)| v).collect();
    for version in 1..latest {
        assert!(
            versions.contains(&version),
            "schema {version} was released but has no fixture: write \
             tests/fixtures/schema-{version}.sql from migrations 0001 to {version:04} exactly as \
             released, then rows in every table (as schema-{}.sql does)",
            version - 1
        );
    }
    assert!(
        versions.iter().all(|v| (1..=latest).contains(v)),
        "a fixture of a schema this version does not know: {versions:?}"
    );
}

#[test]
fn every_fixture_migrates_to_the_latest_schema_whole_and_usable() {
    for (version, path) in fixtures() {
        let sql = std::fs::read_to_string(&path).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let db_path = dir.path().join("outward.db");
        let conn = Connection::open(&db_path).unwrap();
        conn.execute_batch(&sql)
            .unwrap_or_else(|e| panic!("fixture {} applies: {e}", path.display()));
        assert_eq!(
            db::schema_version(&conn).unwrap(),
            version,
            "fixture {version} is what it says"
        );
        let before = row_counts(&conn);
        for (table, rows) in &before {
            assert!(*rows > 0, "schema {version}: the fixture fills {table}");
        }
        drop(conn);

        let db = Database::open(&db_path, at(0)).unwrap();
        assert_eq!(
            db.read(db::schema_version).unwrap(),
            db::latest_schema_version(),
            "schema {version} migrates to the latest"
        );
        assert_eq!(
            backup::latest_for(&db_path).is_some(),
            version < db::latest_schema_version(),
            "schema {version}: backed up only when migrated"
        );
        let after = db.read(|conn| Ok(row_counts(conn))).unwrap();
        for (table, rows) in &before {
            let kept = after.iter().find(|(t, _)| t == table).map(|(_, n)| *n);
            assert_eq!(
                kept,
                Some(*rows),
                "schema {version}: every row of {table} survives"
            );
        }
        assert_sound(&db, &format!("schema {version}"));
        assert_readable_through_the_core(&db, version);
        assert_searchable(&db, version);
    }
}

fn live_ids(db: &Database, sql: &str) -> Vec<Id> {
    db.read(|conn| {
        Ok(conn
            .prepare(sql)?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?)
    })
    .unwrap()
}

/// Every list and every live record reads through the core as the app reads it.
fn assert_readable_through_the_core(db: &Database, version: u32) {
    let today = at(0).date_naive();
    let count = |sql: &str| live_ids(db, sql).len();
    let live_teams = count("SELECT id FROM teams WHERE deleted_at IS NULL");
    let live_interviews = count("SELECT id FROM interviews WHERE deleted_at IS NULL");
    let live_pain_points =
        count("SELECT id FROM pain_points WHERE deleted_at IS NULL AND merged_into IS NULL");
    db.read(|conn| {
        assert_eq!(
            teams::list(conn)?.len(),
            live_teams,
            "schema {version}: every live team is listed"
        );
        people::list(conn, None)?;
        products::list(conn, None)?;
        customers::list(conn)?;
        themes::list(conn)?;
        trash::list(conn)?;
        outward_core::exercises::list(conn)?;
        outward_core::workshops::list(conn, &Default::default(), Default::default())?;
        let page = outward_core::page::PageRequest::default();
        let listed = interviews::list(conn, &Default::default(), page)?;
        assert_eq!(
            listed.total as usize, live_interviews,
            "schema {version}: every live interview is listed"
        );
        let listed = pain_points::list(conn, &Default::default(), page, today)?;
        assert_eq!(
            listed.total as usize, live_pain_points,
            "schema {version}: every live pain point is listed"
        );
        Ok(())
    })
    .unwrap_or_else(|e| panic!("schema {version}: the lists read: {e}"));
    // Every table whose rows can be trashed, as the fixture's schema has them.
    let trashable: String = db
        .read(|conn| {
            Ok(conn.query_row(
                "SELECT group_concat('SELECT id FROM ' || m.name || ' WHERE deleted_at IS NOT NULL',
                                     ' UNION ALL ')
                 FROM sqlite_schema m, pragma_table_info(m.name) c
                 WHERE m.type = 'table' AND c.name = 'deleted_at'",
                [],
                |r| r.get(0),
            )?)
        })
        .unwrap();
    let mut trashed = live_ids(db, &trashable);
    trashed.sort();
    let mut in_trash: Vec<Id> = db
        .read(trash::list)
        .unwrap()
        .items
        .into_iter()
        .map(|item| item.id)
        .collect();
    in_trash.sort();
    assert_eq!(
        in_trash, trashed,
        "schema {version}: what was in the Trash still is, and nothing else"
    );

    for id in live_ids(db, "SELECT id FROM interviews WHERE deleted_at IS NULL") {
        let interview = db
            .read(|conn| interviews::get(conn, id))
            .unwrap_or_else(|e| panic!("schema {version}: interview {id} reads: {e}"));
        let sql = format!("SELECT id FROM highlights WHERE interview_id = '{id}'");
        assert_eq!(
            interview.highlights.len(),
            live_ids(db, &sql).len(),
            "schema {version}: interview {id} keeps its highlights"
        );
    }
    let pain_points = "SELECT id FROM pain_points WHERE deleted_at IS NULL AND merged_into IS NULL";
    for id in live_ids(db, pain_points) {
        let pain_point = db
            .read(|conn| pain_points::get(conn, id, today))
            .unwrap_or_else(|e| panic!("schema {version}: pain point {id} reads: {e}"));
        let sql = format!("SELECT id FROM pain_point_status_changes WHERE pain_point_id = '{id}'");
        assert_eq!(
            pain_point.history.len(),
            live_ids(db, &sql).len(),
            "schema {version}: pain point {id} keeps its status history"
        );
    }
}

/// Search finds what the fixture wrote, and what is written after migrating.
fn assert_searchable(db: &Database, version: u32) {
    let notes = live_ids(db, "SELECT id FROM interviews WHERE deleted_at IS NULL");
    for id in notes {
        let interview = db.read(|conn| interviews::get(conn, id)).unwrap();
        let word = longest_word(&interview.notes);
        let hits = db
            .read(|conn| search::search(conn, &word, at(0).date_naive()))
            .unwrap();
        assert!(
            hits.iter()
                .any(|h| h.kind == HitKind::Interview && h.id == id),
            "schema {version}: searching for {word:?} finds interview {id}: {hits:?}"
        );
    }
    let theme = db
        .write(|tx| themes::create(tx, "Quarantined pipelines", at(1)))
        .unwrap();
    let hits = db
        .read(|conn| search::search(conn, "quarantined", at(0).date_naive()))
        .unwrap();
    assert!(
        hits.iter()
            .any(|h| h.kind == HitKind::Theme && h.id == theme.id),
        "schema {version}: a theme written after migrating is found: {hits:?}"
    );
}

fn longest_word(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .max_by_key(|word| word.chars().count())
        .unwrap_or_default()
        .to_owned()
}

/// Before migration 4, trashing a customer left its interviews live (and emptying the Trash then
/// destroyed them unlisted), and weights counted a named customer in the Trash.
#[test]
fn migration_4_puts_a_trashed_customers_interviews_in_the_trash_with_it_and_reweighs() {
    let (_, fixture) = fixtures()
        .into_iter()
        .find(|(version, _)| *version == 3)
        .expect("the schema 3 fixture");
    let dir = tempfile::tempdir().unwrap();
    let db_path = dir.path().join("outward.db");
    let conn = Connection::open(&db_path).unwrap();
    conn.execute_batch(&std::fs::read_to_string(fixture).unwrap())
        .unwrap();
    let customer: Id = conn
        .query_row(
            "SELECT customer_id FROM interviews i WHERE deleted_at IS NULL
               AND EXISTS (SELECT 1 FROM highlights h WHERE h.interview_id = i.id)
             ORDER BY rowid LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    conn.execute(
        "UPDATE customers SET deleted_at = '2026-03-01 10:00:00.000+00:00' WHERE id = ?1",
        [customer],
    )
    .unwrap();
    drop(conn);

    let db = Database::open(&db_path, at(0)).unwrap();
    let listed = db.read(trash::list).unwrap().items;
    let followers: Vec<Id> = listed
        .iter()
        .filter(|item| item.trashed_with == Some(customer))
        .map(|item| item.id)
        .collect();
    let theirs = live_ids(
        &db,
        &format!(
            "SELECT id FROM interviews WHERE customer_id = '{customer}' AND deleted_at IS NOT NULL"
        ),
    );
    assert!(
        !followers.is_empty(),
        "its interviews went to the Trash with it"
    );
    assert_eq!(
        followers.len(),
        theirs.len(),
        "all of them, listed under it"
    );
    let stale: Vec<(Id, f64)> = db
        .read(|conn| {
            let mut stmt = conn.prepare("SELECT id, weight FROM pain_points")?;
            let rows = stmt
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?;
            Ok(rows)
        })
        .unwrap();
    db.write(pain_points::weight::refresh_all).unwrap();
    for (id, weight) in stale {
        let fresh: f64 = db
            .read(|conn| {
                Ok(
                    conn.query_row("SELECT weight FROM pain_points WHERE id = ?1", [id], |r| {
                        r.get(0)
                    })?,
                )
            })
            .unwrap();
        assert!(
            (fresh - weight).abs() <= 1e-9 * fresh.abs().max(1.0),
            "pain point {id}: migrating recomputed its weight ({weight} → {fresh})"
        );
    }
}
