//! Importers under fuzzing: arbitrary bytes and mutated real files never make an importer
//! panic, and an import either writes everything it planned or nothing at all.

use crate::fixtures::{now, row_counts, world};
use outward_core::interviews::import;
use proptest::prelude::*;

/// A file the folder import takes as it is, with every field it reads.
const REAL_FILE: &str = "---
date: 2026-10-01
customer: Payments
kind: office hours
interviewees: Lena (tech lead), Omar
duration: 45
tags: [ci, flaky tests]
---
# The CI queue

**Every Monday** the shared runners are full and nobody tells us how long the wait is.

- retries by hand
- [the dashboard](https://ci.example/queue) is always green
";

/// How a real file is damaged before it is imported.
#[derive(Debug, Clone)]
enum Damage {
    None,
    /// Cut after this many bytes.
    Truncate(usize),
    /// This byte overwritten with another.
    Overwrite(usize, u8),
    /// These bytes inserted at this offset.
    Insert(usize, Vec<u8>),
    /// Not the real file at all.
    Replace(Vec<u8>),
}

impl Damage {
    fn apply(&self, file: &[u8]) -> Vec<u8> {
        let at = |offset: usize| offset % (file.len() + 1);
        match self {
            Damage::None => file.to_vec(),
            Damage::Truncate(n) => file[..at(*n)].to_vec(),
            Damage::Overwrite(n, byte) => {
                let mut bytes = file.to_vec();
                let i = n % file.len();
                bytes[i] = *byte;
                bytes
            }
            Damage::Insert(n, inserted) => {
                let mut bytes = file.to_vec();
                bytes.splice(at(*n)..at(*n), inserted.iter().copied());
                bytes
            }
            Damage::Replace(bytes) => bytes.clone(),
        }
    }
}

/// Bytes a damaged file is likely to meet: YAML and Markdown syntax, newlines, a NUL, and
/// anything else.
fn any_byte() -> impl Strategy<Value = u8> {
    prop_oneof![
        prop::sample::select(b"-:\n\r[]{}#*>|&!%@`'\"\\ \t\0".to_vec()),
        any::<u8>()
    ]
}

fn any_damage() -> impl Strategy<Value = Damage> {
    prop_oneof![
        Just(Damage::None),
        any::<usize>().prop_map(Damage::Truncate),
        (any::<usize>(), any_byte()).prop_map(|(n, b)| Damage::Overwrite(n, b)),
        (any::<usize>(), prop::collection::vec(any_byte(), 1..40))
            .prop_map(|(n, bytes)| Damage::Insert(n, bytes)),
        prop::collection::vec(any::<u8>(), 0..600).prop_map(Damage::Replace),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_bytes_are_read_or_refused_naming_the_file(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        read_or_refuse(&bytes)?;
    }

    #[test]
    fn any_text_is_read_or_refused_naming_the_file(text in any::<String>()) {
        read_or_refuse(text.as_bytes())?;
    }

    #[test]
    fn a_damaged_real_file_is_read_or_refused_naming_the_file(damage in any_damage()) {
        read_or_refuse(&damage.apply(REAL_FILE.as_bytes()))?;
    }
}

/// Reads a folder holding only `bytes` as `call.md`: it is read, or refused with the file's
/// name and a line.
fn read_or_refuse(bytes: &[u8]) -> Result<(), TestCaseError> {
    let folder = tempfile::tempdir().unwrap();
    std::fs::write(folder.path().join("call.md"), bytes).unwrap();
    if let Err(error) = import::read_folder(folder.path()) {
        prop_assert!(error.to_string().contains("call.md, line "), "{error}");
    }
    Ok(())
}

proptest! {
    // Each case imports into a real database file, so fewer of them.
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn a_folder_of_damaged_files_imports_whole_or_not_at_all(
        damages in prop::collection::vec(any_damage(), 1..5)
    ) {
        let w = world();
        let folder = tempfile::tempdir().unwrap();
        for (i, damage) in damages.iter().enumerate() {
            let file = REAL_FILE.replace("Payments", &format!("Team {i}"));
            std::fs::write(folder.path().join(format!("{i}.md")), damage.apply(file.as_bytes()))
                .unwrap();
        }
        let before = w.db.read(|c| Ok(row_counts(c))).unwrap();
        let imported = import::read_folder(folder.path()).and_then(|files| {
            let plan = w.db.read(|c| import::plan(c, files))?;
            w.db.write(|tx| import::apply(tx, &plan, now())).map(|count| (count, plan))
        });
        let after = w.db.read(|c| Ok(row_counts(c))).unwrap();
        let count_of = |counts: &[(String, i64)], table: &str| {
            counts.iter().find(|(t, _)| t == table).map_or(0, |(_, n)| *n)
        };
        match imported {
            Ok((count, plan)) => {
                prop_assert_eq!(count as usize, damages.len(), "every file became an interview");
                prop_assert_eq!(
                    count_of(&after, "interviews") - count_of(&before, "interviews"),
                    i64::from(count)
                );
                prop_assert_eq!(
                    count_of(&after, "customers") - count_of(&before, "customers"),
                    plan.new_customers.len() as i64
                );
            }
            Err(error) => {
                prop_assert!(error.to_string().contains(".md"), "the refusal names a file: {error}");
                prop_assert_eq!(before, after, "a refused import writes nothing");
            }
        }
    }
}
