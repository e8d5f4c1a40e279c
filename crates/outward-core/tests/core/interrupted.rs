//! A backup or an export killed mid-way never leaves a file that looks complete, and the next
//! start cleans up after it. The `copies_until_killed` example takes backups (or exports) of a
//! real file one after another; this test kills it with SIGKILL at moments spread over its run,
//! [`ROUNDS`] times for each, and after every kill checks that every file under a backup's name
//! passes the restore check and every folder under an export's name imports whole into an empty
//! database, and then that opening the database (for backups) or the next export (for bundles)
//! removes what the killed one left.

use crate::fixtures::{example, now, spawn_printing};
use outward_core::db::{Database, backup};
use outward_core::{bundle, workspace};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

const ROUNDS: u64 = 40;

/// What a round found: copies the binary finished, and whether the kill cut one short.
struct Round {
    acknowledged: usize,
    cut_short: bool,
}

/// Hidden `.*.partial` entries in `folder`: what a copy writes before it is renamed into place.
fn leftovers(folder: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(folder)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.starts_with('.') && name.ends_with(".partial")
        })
        .map(|e| e.path())
        .collect()
}

/// Runs the binary in `mode` and kills it at a moment spread over 0–240 ms, counted from its
/// start on even rounds (start-up, the first copy) and from its first finished copy on odd ones.
fn run_and_kill(db: &Path, mode: &str, folder: &Path, round: u64) -> usize {
    let (mut child, printed) = spawn_printing(
        Command::new(example("copies_until_killed"))
            .arg(db)
            .arg(mode)
            .arg(folder)
            .arg(round.to_string()),
    );
    let mut seen = Vec::new();
    if round % 2 == 1 {
        let first = printed
            .recv_timeout(Duration::from_secs(120))
            .unwrap_or_else(|e| panic!("{mode} round {round}: nothing was finished: {e}"));
        seen.push(first);
    }
    std::thread::sleep(Duration::from_millis((round * 37 % ROUNDS) * 6));
    child.kill().expect("the binary can be killed");
    let status = child.wait().expect("the binary is reaped");
    assert!(!status.success(), "{mode} round {round}: it was killed");
    seen.extend(printed.iter());
    for line in &seen {
        assert!(
            line.starts_with(&format!("{mode} ")),
            "{mode} round {round}: an unknown line: {line}"
        );
    }
    // The last copy acknowledged is there (earlier backups may have been rotated away).
    if let Some(line) = seen.last() {
        let path = &line[mode.len() + 1..];
        assert!(
            Path::new(path).exists(),
            "{mode} round {round}: {path} was acknowledged and is there"
        );
    }
    seen.len()
}

/// The example workspace, with every kind of record, in a file.
fn example_workspace(dir: &Path) -> PathBuf {
    let path = dir.join("outward.db");
    let db = Database::open(&path, now()).unwrap();
    db.write(|tx| workspace::load_example(tx, now())).unwrap();
    path
}

#[test]
fn a_killed_backup_never_leaves_a_backup_that_fails_its_check_and_the_next_start_cleans_up() {
    let dir = tempfile::tempdir().unwrap();
    let db = example_workspace(dir.path());
    let backups = backup::folder_for(&db);
    let mut rounds = Vec::new();
    let mut checked = BTreeSet::new();
    for round in 0..ROUNDS {
        let acknowledged = run_and_kill(&db, "backup", dir.path(), round);
        // Every file with a backup's name, taken this round or kept from earlier ones.
        for path in backup::list(&db) {
            backup::check(&path).unwrap_or_else(|e| {
                panic!(
                    "round {round}: {} looks complete but fails: {e}",
                    path.display()
                )
            });
            checked.insert(path);
        }
        let cut_short = !leftovers(&backups).is_empty();
        // The next start: opening the database removes the partial file.
        drop(Database::open(&db, now()).unwrap());
        assert_eq!(
            leftovers(&backups),
            Vec::<PathBuf>::new(),
            "round {round}: opening the database cleaned up"
        );
        rounds.push(Round {
            acknowledged,
            cut_short,
        });
    }
    report("backup", &rounds, checked.len());
}

#[test]
fn a_killed_export_never_leaves_a_bundle_that_fails_to_import_and_the_next_export_cleans_up() {
    let dir = tempfile::tempdir().unwrap();
    let db = example_workspace(dir.path());
    let exports = dir.path().join("exports");
    std::fs::create_dir(&exports).unwrap();
    let mut rounds = Vec::new();
    let mut checked = 0;
    for round in 0..ROUNDS {
        let acknowledged = run_and_kill(&db, "export", &exports, round);
        // Every folder or .zip with an export's name imports whole; checked once, then removed.
        let finished: Vec<PathBuf> = std::fs::read_dir(&exports)
            .unwrap()
            .flatten()
            .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
            .map(|e| e.path())
            .collect();
        for bundle in finished {
            let target = Database::open_in_memory().unwrap();
            target
                .write(|tx| bundle::import(tx, &bundle))
                .unwrap_or_else(|e| {
                    panic!(
                        "round {round}: {} looks complete but fails to import: {e}",
                        bundle.display()
                    )
                });
            if bundle.is_dir() {
                std::fs::remove_dir_all(&bundle).unwrap();
            } else {
                std::fs::remove_file(&bundle).unwrap();
            }
            checked += 1;
        }
        let cut_short = !leftovers(&exports).is_empty();
        // The next export into the folder removes what the killed one left.
        let next = exports.join(format!("next-{round}"));
        Database::open(&db, now())
            .unwrap()
            .read(|conn| bundle::export(conn, &next, now(), &mut |_| true))
            .unwrap()
            .expect("not cancelled");
        assert_eq!(
            leftovers(&exports),
            Vec::<PathBuf>::new(),
            "round {round}: the next export cleaned up"
        );
        std::fs::remove_dir_all(&next).unwrap();
        rounds.push(Round {
            acknowledged,
            cut_short,
        });
    }
    report("export", &rounds, checked);
}

/// Prints the counts RELIABILITY.md quotes, and fails if too few kills landed mid-copy for the
/// test to prove anything.
fn report(mode: &str, rounds: &[Round], checked: usize) {
    let cut = rounds.iter().filter(|r| r.cut_short).count();
    let acknowledged: usize = rounds.iter().map(|r| r.acknowledged).sum();
    println!(
        "{mode}: {} kills, {cut} of them mid-copy; {acknowledged} copies acknowledged, \
         {checked} finished copies checked, none failed",
        rounds.len()
    );
    assert!(
        cut * 4 >= rounds.len(),
        "{mode}: only {cut} of {} kills landed mid-copy",
        rounds.len()
    );
}
