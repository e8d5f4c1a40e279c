//! Acknowledged writes survive a crash. The `acknowledged_writes` example writes customers,
//! interviews and notes to a real file and prints each write only after its commit returned;
//! this test kills it with SIGKILL at fifty moments spread over its run (half counted from its
//! start, so some land in start-up and migration, half from its first acknowledged write) and after every kill opens the file as the app
//! would and checks it: the file, its links and its full-text indexes are sound, and every
//! printed write is there.

use crate::fixtures::assert_sound;
use outward_core::db::Database;
use outward_core::id::Id;
use outward_core::{customers, interviews};
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

const ROUNDS: u64 = 50;

/// The example binary beside this test binary (`target/<profile>/examples/`): `cargo test`
/// builds examples with the tests; `cargo test --test core` alone does not.
fn writer() -> PathBuf {
    let deps = std::env::current_exe().expect("the test binary's path");
    let profile = deps
        .parent()
        .and_then(Path::parent)
        .expect("target/<profile>/deps");
    let writer = profile.join("examples").join("acknowledged_writes");
    assert!(
        writer.exists(),
        "{} is missing: build it with `cargo build -p outward-core --example acknowledged_writes`",
        writer.display()
    );
    writer
}

/// What one run of the writer promised before it was killed.
#[derive(Default)]
struct Acknowledged {
    customers: Vec<Id>,
    /// Each interview and the last revision of its notes that was acknowledged.
    notes: BTreeMap<Id, u32>,
}

impl Acknowledged {
    fn writes(&self) -> usize {
        self.customers.len()
            + self.notes.len()
            + self.notes.values().map(|&r| r as usize).sum::<usize>()
    }
}

/// When to kill the writer: a while after it started (during start-up, migration or its first
/// writes) or a while after its first acknowledged write (in the thick of writing).
#[derive(Debug, Clone, Copy)]
enum Moment {
    AfterStart(Duration),
    AfterFirstWrite(Duration),
}

/// Runs the writer on `db` and kills it at `moment`.
fn run_and_kill(writer: &Path, db: &Path, round: u64, moment: Moment) -> Acknowledged {
    let mut child = Command::new(writer)
        .arg(db)
        .arg(round.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the writer starts");
    let stdout = child.stdout.take().expect("piped");
    let (lines, printed) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if lines.send(line).is_err() {
                break;
            }
        }
    });
    let mut seen = Vec::new();
    let delay = match moment {
        Moment::AfterStart(delay) => delay,
        Moment::AfterFirstWrite(delay) => {
            let first = printed
                .recv_timeout(Duration::from_secs(60))
                .unwrap_or_else(|e| panic!("round {round}: the writer wrote nothing: {e}"));
            seen.push(first);
            delay
        }
    };
    std::thread::sleep(delay);
    // SIGKILL on Unix: no destructor, no unwinding, no chance to finish the write in progress.
    child.kill().expect("the writer can be killed");
    let status = child.wait().expect("the writer is reaped");
    assert!(
        !status.success(),
        "round {round}: the writer never stops by itself, it was killed"
    );
    // The reader ends when the pipe closes, which the kill guarantees.
    seen.extend(printed.iter());
    let mut acknowledged = Acknowledged::default();
    for line in seen {
        let words: Vec<&str> = line.split(' ').collect();
        let id = |word: &str| word.parse::<Id>().expect("an id");
        match words.as_slice() {
            ["customer", customer] => acknowledged.customers.push(id(customer)),
            ["interview", interview] => {
                acknowledged.notes.insert(id(interview), 0);
            }
            ["notes", interview, revision] => {
                acknowledged
                    .notes
                    .insert(id(interview), revision.parse().expect("a revision"));
            }
            _ => panic!("round {round}: the writer printed an unknown line: {line}"),
        }
    }
    acknowledged
}

/// The revision the stored notes end with (`revision N.`).
fn revision(notes: &str) -> u32 {
    let tail = notes.rsplit("revision ").next().expect("a revision");
    tail.trim_end_matches('.')
        .parse()
        .expect("notes end with their revision")
}

#[test]
fn no_acknowledged_write_is_lost_when_the_process_is_killed() {
    let writer = writer();
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("outward.db");
    let mut promised: Vec<(Id, Option<u32>)> = Vec::new();
    let (mut total, mut killed_mid_run) = (0, 0);
    for round in 0..ROUNDS {
        // Moments spread evenly over 5–300 ms, visited out of order; every other round counts
        // from the first acknowledged write instead of from the start.
        let delay = Duration::from_millis(5 + (round * 37 % ROUNDS) * 6);
        let moment = if round % 2 == 0 {
            Moment::AfterStart(delay)
        } else {
            Moment::AfterFirstWrite(delay)
        };
        let acknowledged = run_and_kill(&writer, &path, round, moment);
        total += acknowledged.writes();
        killed_mid_run += usize::from(acknowledged.writes() > 0);
        promised.extend(acknowledged.customers.iter().map(|&c| (c, None)));
        promised.extend(acknowledged.notes.iter().map(|(&i, &r)| (i, Some(r))));

        // The app's own way in: a crash must never leave a file it refuses to open.
        let db = Database::open(&path, crate::fixtures::now())
            .unwrap_or_else(|e| panic!("round {round}: the file opens after the kill: {e}"));
        assert_sound(&db, &format!("round {round}, killed {moment:?}"));
        db.read(|conn| {
            for &(id, notes) in &promised {
                match notes {
                    None => {
                        customers::get(conn, id).unwrap_or_else(|e| {
                            panic!("round {round}: acknowledged customer {id} is lost: {e}")
                        });
                    }
                    Some(acknowledged) => {
                        let interview = interviews::get(conn, id).unwrap_or_else(|e| {
                            panic!("round {round}: acknowledged interview {id} is lost: {e}")
                        });
                        let stored = revision(&interview.notes);
                        assert!(
                            stored >= acknowledged,
                            "round {round}: interview {id} has notes revision {stored}, \
                             but revision {acknowledged} was acknowledged"
                        );
                    }
                }
            }
            Ok(())
        })
        .unwrap();
    }
    println!(
        "{ROUNDS} kills, {killed_mid_run} of them after the first acknowledged write; \
         {total} acknowledged writes, all present"
    );
}
