//! The bundle import under fuzzing: arbitrary bytes, and real bundles with lines dropped,
//! repeated or swapped, fields changed, files truncated or overwritten and the manifest's counts
//! wrong, never make the import panic; it either writes every row the bundle holds or nothing,
//! and a refusal names the file (and the line, when one is to blame).

use crate::bundle::{export, full_workspace};
use crate::fixtures::row_counts;
use crate::fuzz::{Damage, any_damage};
use outward_core::bundle::{self, Manifest};
use outward_core::db::Database;
use outward_core::error::Error;
use proptest::prelude::*;
use serde_json::Value as Json;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The example workspace exported once, with a row in every table; each case damages a copy.
fn real_bundle() -> &'static Path {
    static BUNDLE: OnceLock<PathBuf> = OnceLock::new();
    BUNDLE.get_or_init(|| {
        let (dir, db) = full_workspace();
        let out = dir.path().join("bundle");
        export(&db, &out);
        // Kept for the whole test run.
        let kept = dir.keep();
        drop(db);
        kept.join("bundle")
    })
}

/// The files of a bundle a damage can hit: every `.jsonl` file and the manifest, by name.
fn damageable(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".jsonl") || n == bundle::MANIFEST)
        .collect();
    names.sort();
    names
}

/// What is done to a copy of the real bundle. Indexes wrap around what is there.
#[derive(Debug, Clone)]
enum Mutation {
    DropLine {
        file: usize,
        line: usize,
    },
    RepeatLine {
        file: usize,
        line: usize,
    },
    SwapLines {
        file: usize,
        a: usize,
        b: usize,
    },
    SetField {
        file: usize,
        line: usize,
        column: usize,
        value: Json,
    },
    RemoveField {
        file: usize,
        line: usize,
        column: usize,
    },
    Count {
        entry: usize,
        rows: u64,
    },
    Bytes {
        file: usize,
        damage: Damage,
    },
}

fn any_json() -> impl Strategy<Value = Json> {
    prop_oneof![
        Just(Json::Null),
        any::<bool>().prop_map(Json::Bool),
        any::<i64>().prop_map(Json::from),
        prop::num::f64::NORMAL.prop_map(Json::from),
        ".{0,12}".prop_map(Json::String),
        Just(serde_json::json!({ "blob": "zz" })),
        Just(serde_json::json!([1, 2])),
        Just(serde_json::json!({})),
    ]
}

fn any_mutation() -> impl Strategy<Value = Mutation> {
    let at = || any::<usize>();
    prop_oneof![
        (at(), at()).prop_map(|(file, line)| Mutation::DropLine { file, line }),
        (at(), at()).prop_map(|(file, line)| Mutation::RepeatLine { file, line }),
        (at(), at(), at()).prop_map(|(file, a, b)| Mutation::SwapLines { file, a, b }),
        (at(), at(), at(), any_json()).prop_map(|(file, line, column, value)| {
            Mutation::SetField {
                file,
                line,
                column,
                value,
            }
        }),
        (at(), at(), at()).prop_map(|(file, line, column)| Mutation::RemoveField {
            file,
            line,
            column
        }),
        (at(), prop_oneof![0..4_u64, any::<u64>()])
            .prop_map(|(entry, rows)| Mutation::Count { entry, rows }),
        (at(), any_damage()).prop_map(|(file, damage)| Mutation::Bytes { file, damage }),
    ]
}

/// The lines of the `.jsonl` file numbered `file` (wrapping) in `dir`, to edit and write back.
fn edit_lines(dir: &Path, file: usize, edit: impl FnOnce(&mut Vec<String>)) {
    let names: Vec<String> = damageable(dir)
        .into_iter()
        .filter(|n| n.ends_with(".jsonl"))
        .collect();
    let path = dir.join(&names[file % names.len()]);
    let Ok(text) = std::fs::read_to_string(&path) else {
        return;
    };
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    if lines.is_empty() {
        return;
    }
    edit(&mut lines);
    let mut text = lines.join("\n");
    text.push('\n');
    std::fs::write(&path, text).unwrap();
}

/// A line's object with `edit` done to it; the key order stays. A line an earlier mutation
/// already broke, or an empty object, is left as it is.
fn edit_object(line: &mut String, edit: impl FnOnce(&mut serde_json::Map<String, Json>)) {
    let Ok(mut object) = serde_json::from_str::<serde_json::Map<String, Json>>(line) else {
        return;
    };
    if object.is_empty() {
        return;
    }
    edit(&mut object);
    *line = serde_json::to_string(&object).unwrap();
}

impl Mutation {
    fn apply(&self, dir: &Path) {
        match self {
            Mutation::DropLine { file, line } => edit_lines(dir, *file, |lines| {
                lines.remove(line % lines.len());
            }),
            Mutation::RepeatLine { file, line } => edit_lines(dir, *file, |lines| {
                let i = line % lines.len();
                lines.insert(i, lines[i].clone());
            }),
            Mutation::SwapLines { file, a, b } => edit_lines(dir, *file, |lines| {
                let n = lines.len();
                lines.swap(a % n, b % n);
            }),
            Mutation::SetField {
                file,
                line,
                column,
                value,
            } => edit_lines(dir, *file, |lines| {
                let i = line % lines.len();
                edit_object(&mut lines[i], |object| {
                    let key = object.keys().nth(column % object.len()).unwrap().clone();
                    object.insert(key, value.clone());
                });
            }),
            Mutation::RemoveField { file, line, column } => edit_lines(dir, *file, |lines| {
                let i = line % lines.len();
                edit_object(&mut lines[i], |object| {
                    let key = object.keys().nth(column % object.len()).unwrap().clone();
                    object.remove(&key);
                });
            }),
            Mutation::Count { entry, rows } => {
                let path = dir.join(bundle::MANIFEST);
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                let Ok(mut manifest) = serde_json::from_str::<Manifest>(&text) else {
                    return;
                };
                let n = manifest.files.len();
                if n == 0 {
                    return;
                }
                manifest.files[entry % n].rows = *rows;
                std::fs::write(&path, serde_json::to_string_pretty(&manifest).unwrap()).unwrap();
            }
            Mutation::Bytes { file, damage } => {
                let names = damageable(dir);
                let path = dir.join(&names[file % names.len()]);
                let bytes = std::fs::read(&path).unwrap();
                if !bytes.is_empty() {
                    std::fs::write(&path, damage.apply(&bytes)).unwrap();
                }
            }
        }
    }
}

/// A copy of the real bundle's files (the interviews' Markdown is not read by the import).
fn copy_of_real_bundle(into: &Path) {
    for name in damageable(real_bundle()) {
        std::fs::copy(real_bundle().join(&name), into.join(&name)).unwrap();
    }
}

/// Imports the bundle in `dir` into an empty database and checks the outcome: every row the
/// bundle's manifest counts, or nothing at all and a refusal naming the file.
fn imports_whole_or_not_at_all(dir: &Path) -> Result<(), TestCaseError> {
    let db = Database::open_in_memory().unwrap();
    let result = db.write(|tx| bundle::import(tx, dir));
    let counts = db.read(|c| Ok(row_counts(c))).unwrap();
    match result {
        Ok(imported) => {
            for entry in &imported.manifest.files {
                let stored = counts
                    .iter()
                    .find(|(t, _)| t == &entry.table)
                    .map_or(0, |(_, n)| *n);
                prop_assert_eq!(stored as u64, entry.rows, "{}", entry.table);
            }
            let total: i64 = counts.iter().map(|(_, n)| n).sum();
            prop_assert_eq!(
                total as u64,
                imported.rows,
                "no table holds rows of its own"
            );
        }
        Err(error) => {
            let message = error.to_string();
            prop_assert!(
                matches!(error, Error::Validation { field: "file", .. }),
                "a refusal is the bundle's fault: {:?}",
                error
            );
            prop_assert!(
                message.contains(".jsonl") || message.contains(bundle::MANIFEST),
                "the refusal names the file: {}",
                message
            );
            if let Some(at) = message.find(", line ") {
                let line: String = message[at + 7..]
                    .chars()
                    .take_while(char::is_ascii_digit)
                    .collect();
                prop_assert!(
                    line.parse::<u64>().is_ok_and(|n| n >= 1),
                    "the line is a line of the file: {}",
                    message
                );
            }
            prop_assert!(
                counts.iter().all(|(_, n)| *n == 0),
                "a refused import writes nothing: {:?}",
                counts
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn a_damaged_real_bundle_imports_whole_or_is_refused_naming_the_file(
        mutations in prop::collection::vec(any_mutation(), 1..4)
    ) {
        let dir = tempfile::tempdir().unwrap();
        copy_of_real_bundle(dir.path());
        for mutation in &mutations {
            mutation.apply(dir.path());
        }
        imports_whole_or_not_at_all(dir.path())?;
    }

    #[test]
    fn any_bytes_as_a_manifest_or_a_table_are_refused_naming_the_file(
        bytes in prop::collection::vec(any::<u8>(), 0..600),
        as_table in any::<bool>(),
    ) {
        let dir = tempfile::tempdir().unwrap();
        if as_table {
            copy_of_real_bundle(dir.path());
            std::fs::write(dir.path().join("teams.jsonl"), &bytes).unwrap();
        } else {
            std::fs::write(dir.path().join(bundle::MANIFEST), &bytes).unwrap();
        }
        imports_whole_or_not_at_all(dir.path())?;
    }
}
