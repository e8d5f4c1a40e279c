//! Generated data sets the size of a heavy user, for benchmarks and scaling checks.
//!
//! [`generate`] fills an empty database with a platform organisation's five years of customer
//! conversations: teams, people, products, customer teams, themes, interviews with long
//! Markdown notes, pain points with evidence marked in those notes, and status histories. The
//! same [`Sizes`] always produce the same database: every random choice, id and timestamp comes
//! from one seeded generator, and the dates run up to a fixed day, not today.
//!
//! Rows are written with cached statements in one transaction per batch of interviews, through
//! the same triggers the app uses, so the full-text index is built as a user's would be. Weights
//! are computed with [`weight::stored`] from the evidence as it is generated, as the app
//! computes them.
//!
//! A user's workspace also holds what lists and search must skip, so the data sets do too: a
//! share of customers, interviews and pain points in the Trash (a trashed customer's interviews
//! with it, at the same moment), pain points merged into another with their evidence moved
//! there (by the app's own [`crate::pain_points::merge`]), and highlights whose quote was
//! edited out of the notes since (`detached`). Weights count only evidence outside the Trash.
//!
//! The other features follow, each from a seeded generator of its own (so adding one leaves
//! the rows before it as they were): workshops, survey results, commitments, tickets,
//! migrations with their consumer teams ([`migrations`]) and every team's support rota
//! ([`rota`]).

mod commitments;
mod dump;
mod generator;
mod migrations;
mod rota;
mod surveys;
mod tickets;
mod words;
mod workshops;

pub use dump::dump;

use crate::db::Database;
use crate::error::{Error, Result};
use crate::workspace;
use chrono::{Duration, NaiveDate};
use generator::Generator;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::path::Path;
use words::Words;

/// How much of everything a data set holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sizes {
    pub teams: u32,
    pub people_per_team: u32,
    pub products_per_team: u32,
    pub customers: u32,
    pub themes: u32,
    pub interviews: u32,
    /// Interview notes hold between this many words and three times as many.
    pub min_words_per_interview: u32,
    pub pain_points: u32,
    /// Per mille of customers, interviews and pain points that are in the Trash. A trashed
    /// customer's interviews are trashed with it, at the same moment.
    pub trashed_per_mille: u32,
    /// Per mille of pain points merged into another, their evidence moved there.
    pub merged_per_mille: u32,
    /// Per mille of marked sentences whose quote is no longer in the notes (edited since).
    pub detached_per_mille: u32,
    /// The earliest pain points that most duplicates are merged into: the few problems
    /// everyone reports, each ending with hundreds of quotes.
    pub hubs: u32,
    /// Per mille of merges that go into one of the hubs rather than any earlier pain point.
    pub merged_into_hubs_per_mille: u32,
    /// Finished workshops of the built-in exercises, spread over the twenty quarters.
    pub workshops: u32,
    /// Cards each workshop holds (grouped in fives, with votes and ratings beside them).
    pub cards_per_workshop: u32,
    /// Survey responses over the twenty quarters, ten scores each (and a comment from one in ten).
    pub survey_responses: u32,
    /// Commitments over the twenty quarters, with check-ins every two or three weeks.
    pub commitments: u32,
    /// Tickets from the customer teams over the twenty quarters.
    pub tickets: u32,
    /// Migrations started over the twenty quarters, each with its consumer teams. Every team
    /// also has a weekly support rota over the whole history (no size of its own).
    pub migrations: u32,
}

impl Sizes {
    /// A heavy user: five years of a ten-team platform organisation (see BENCHMARKS.md).
    pub const HEAVY: Sizes = Sizes {
        teams: 10,
        people_per_team: 8,
        products_per_team: 4,
        customers: 150,
        themes: 60,
        interviews: 6_000,
        min_words_per_interview: 1_500,
        pain_points: 60_000,
        trashed_per_mille: 25,
        merged_per_mille: 30,
        detached_per_mille: 20,
        hubs: 4,
        merged_into_hubs_per_mille: 600,
        workshops: 2_000,
        cards_per_workshop: 60,
        survey_responses: 250_000,
        commitments: 10_000,
        tickets: 500_000,
        migrations: 200,
    };

    /// Ten times [`Sizes::HEAVY`] in every count, for scaling checks.
    pub const STRESS: Sizes = Sizes {
        teams: 100,
        customers: 1_500,
        themes: 600,
        interviews: 60_000,
        pain_points: 600_000,
        hubs: 40,
        workshops: 20_000,
        survey_responses: 2_500_000,
        commitments: 100_000,
        tickets: 5_000_000,
        migrations: 2_000,
        ..Sizes::HEAVY
    };

    /// The heavy shape at a small size, for tests of the generator itself.
    pub const TINY: Sizes = Sizes {
        teams: 2,
        people_per_team: 3,
        products_per_team: 2,
        customers: 6,
        themes: 4,
        interviews: 30,
        min_words_per_interview: 120,
        pain_points: 90,
        // Higher shares than a user's, so that a run this small holds every kind of row.
        trashed_per_mille: 100,
        merged_per_mille: 100,
        detached_per_mille: 100,
        hubs: 1,
        merged_into_hubs_per_mille: 500,
        workshops: 6,
        cards_per_workshop: 8,
        survey_responses: 400,
        commitments: 24,
        tickets: 300,
        migrations: 8,
    };
}

/// The last day of the generated history: the end of its twentieth quarter.
pub fn last_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 9, 30).expect("valid date")
}

/// The first day of the generated history: twenty quarters before the day after [`last_day`].
pub fn first_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2021, 10, 1).expect("valid date")
}

/// Interviews written per transaction.
const BATCH: u32 = 100;
/// Sentences kept from earlier interviews, so a pain point can gather evidence over time.
const RESERVOIR: usize = 4_096;
const SEED: u64 = 0x4f55_5457_4152_4421; // "OUTWARD!"

/// What a generation created.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub teams: u64,
    pub people: u64,
    pub products: u64,
    pub customers: u64,
    pub themes: u64,
    pub interviews: u64,
    pub words: u64,
    pub pain_points: u64,
    pub highlights: u64,
    pub trashed_customers: u64,
    pub trashed_interviews: u64,
    pub trashed_pain_points: u64,
    pub merged_pain_points: u64,
    pub detached_highlights: u64,
    pub workshops: u64,
    pub workshop_cards: u64,
    pub survey_responses: u64,
    pub survey_answers: u64,
    pub commitments: u64,
    pub check_ins: u64,
    pub tickets: u64,
    pub migrations: u64,
    pub migration_teams: u64,
    pub migration_changes: u64,
    pub migration_help: u64,
    pub support_weeks: u64,
    pub absences: u64,
    pub support_conversations: u64,
}

/// How far a generation has come: the records of `stage` done so far, out of `total`.
#[derive(Debug, Clone, Copy)]
pub struct Progress {
    pub stage: &'static str,
    pub done: u64,
    pub total: u64,
}

/// Fills the empty database `db` with a data set of `sizes`, reporting progress as it goes.
pub fn generate(
    db: &Database,
    sizes: &Sizes,
    mut progress: impl FnMut(Progress),
) -> Result<Summary> {
    let overview = db.read(|conn| workspace::overview(conn, Path::new("")))?;
    if !overview.is_empty {
        return Err(Error::conflict(
            None,
            "A data set is generated only into an empty database; this one holds records.",
        ));
    }
    let mut g = Generator::new(*sizes);
    progress(Progress {
        stage: "organisation",
        done: 0,
        total: 1,
    });
    // Ids and index keys arrive in no particular order, so the indexes take writes all over the
    // file: a large page cache keeps that in memory instead of on disk (1 GB at most, and only
    // what is used). Set on the writing connection, which is the one that writes.
    let cache: i64 = db.write(|c| Ok(c.pragma_query_value(None, "cache_size", |r| r.get(0))?))?;
    db.write(|c| Ok(c.pragma_update(None, "cache_size", -1_048_576)?))?;
    let written = (|| -> Result<Summary> {
        g.write_all(db, &mut progress)?;
        let mut summary = g.summary.clone();
        let room = workshops::write(db, sizes, &mut progress)?;
        (summary.workshops, summary.workshop_cards) = (room.workshops, room.cards);
        let asked = surveys::write(db, sizes, &mut progress)?;
        (summary.survey_responses, summary.survey_answers) = (asked.responses, asked.answers);
        let committed = commitments::write(db, sizes, &mut progress)?;
        (summary.commitments, summary.check_ins) = (committed.commitments, committed.check_ins);
        summary.tickets = tickets::write(db, sizes, &mut progress)?;
        let moved = migrations::write(db, sizes, &mut progress)?;
        summary.migrations = moved.migrations;
        summary.migration_teams = moved.consumer_teams;
        summary.migration_changes = moved.changes;
        summary.migration_help = moved.help;
        let rota = rota::write(db, &mut progress)?;
        summary.support_weeks = rota.weeks;
        summary.absences = rota.absences;
        summary.support_conversations = rota.conversations;
        Ok(summary)
    })();
    db.write(|c| Ok(c.pragma_update(None, "cache_size", cache)?))?;
    written
}

/// Writes `count` Markdown interviews with YAML front matter into `dir`, the shape note apps
/// export and `interviews::import` reads, about the customers named `customers`.
pub fn markdown_interviews(
    dir: &Path,
    count: u32,
    min_words: u32,
    customers: &[String],
) -> Result<()> {
    let mut rng = ChaCha8Rng::seed_from_u64(SEED ^ u64::from(count));
    let words = Words::new();
    let mut notes = String::new();
    for n in 0..count {
        let held_on = first_day() + Duration::days(i64::from(n % 1_800));
        let customer = &customers[rng.random_range(0..customers.len())];
        let speaker = Words::name(&mut rng);
        let length = rng.random_range(min_words as usize..=3 * min_words as usize);
        words.notes(
            &mut rng,
            &format!("Notes {n}"),
            &speaker,
            length,
            &mut notes,
        );
        let file = format!(
            "---\ndate: {held_on}\ncustomer: {customer}\ninterviewees: {speaker} (tech lead)\n\
             tags: [imported, batch-{}]\n---\n{notes}",
            n % 7
        );
        let path = dir.join(format!("{n:05}.md"));
        std::fs::write(&path, file)
            .map_err(|e| Error::io(format!("writing {}", path.display()), e))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::id::Id;
    use crate::interviews::highlights;
    use crate::pain_points::weight;
    use sha2::{Digest, Sha256};

    fn tiny() -> (Database, Summary) {
        let db = Database::open_in_memory().unwrap();
        let summary = generate(&db, &Sizes::TINY, |_| {}).unwrap();
        (db, summary)
    }

    fn digest(db: &Database) -> String {
        let text = db.read(dump).unwrap();
        format!("{:x}", Sha256::digest(text.as_bytes()))
    }

    #[test]
    fn the_same_sizes_give_the_same_database() {
        let (first, summary) = tiny();
        let (second, _) = tiny();
        assert_eq!(digest(&first), digest(&second));
        assert_eq!(
            (
                summary.interviews,
                summary.pain_points,
                summary.people,
                summary.customers
            ),
            (30, 90, 6, 6)
        );
        assert_eq!((summary.workshops, summary.workshop_cards), (6, 48));
        assert_eq!(summary.commitments, 24);
        assert!(summary.check_ins > 24, "commitments are checked in on");
        assert_eq!(summary.tickets, 300);
        assert_eq!(summary.migrations, 8);
        assert!(
            summary.migration_teams >= 8 * 3 && summary.migration_changes > summary.migration_teams,
            "each migration has three consumer teams or more, and most move on: {summary:?}"
        );
        assert!(
            summary.migration_help >= 8,
            "every migration has some help: {summary:?}"
        );
        // Two teams, each with a week for every Monday from 4 October 2021 to 28 September
        // 2026 (261) and six planned past it.
        assert_eq!(summary.support_weeks, 2 * 267);
        assert!(summary.absences > 0 && summary.support_conversations > 0);
        // A change to the generator or its dependencies shows here: update the digest only
        // when the change is meant.
        assert_eq!(
            digest(&first),
            "12e3efd2a19f6eef99d925074c148a17856280ddd6e5f3facda81c889ffd86b4"
        );
    }

    /// A tally row: question, customer key, score, count.
    type Tally = (String, String, i64, i64);

    #[test]
    fn survey_results_are_generated_with_tallies_that_match_a_recount() {
        let (db, summary) = tiny();
        assert_eq!(summary.survey_responses, 400);
        assert!(summary.survey_answers >= 4_000);
        let (kept, recounted): (Vec<Tally>, Vec<Tally>) = db
            .read(|c| {
                let rows = |sql: &str| -> Result<Vec<Tally>> {
                    Ok(c.prepare(sql)?
                        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
                        .collect::<rusqlite::Result<_>>()?)
                };
                Ok((
                    rows(
                        "SELECT question_id, customer_key, value, n FROM survey_answer_tallies
                          WHERE n <> 0 ORDER BY 1, 2, 3",
                    )?,
                    rows(
                        "SELECT a.question_id, coalesce(r.customer_id, ''), a.value, count(*)
                          FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id
                          WHERE a.value IS NOT NULL AND r.deleted_at IS NULL
                          GROUP BY 1, 2, 3 ORDER BY 1, 2, 3",
                    )?,
                ))
            })
            .unwrap();
        assert!(!kept.is_empty());
        assert_eq!(kept, recounted);
    }

    /// The example workspace's ids are minted fresh each time it loads (UUIDv7), so its dump
    /// numbers them in order of first appearance and sorts the rows before comparing.
    #[test]
    fn the_example_workspace_is_the_same_every_time() {
        let example = || {
            let db = Database::open_in_memory().unwrap();
            db.write(|tx| workspace::load_example(tx, crate::testing::now()))
                .unwrap();
            let text = db.read(dump).unwrap();
            let mut seen: Vec<String> = Vec::new();
            let mut lines: Vec<String> = text
                .lines()
                .map(|line| {
                    line.split('|')
                        .map(|value| match value.parse::<uuid::Uuid>() {
                            Ok(_) => {
                                let n = seen.iter().position(|s| s == value).unwrap_or_else(|| {
                                    seen.push(value.to_owned());
                                    seen.len() - 1
                                });
                                format!("#{n}")
                            }
                            Err(_) => value.to_owned(),
                        })
                        .collect::<Vec<_>>()
                        .join("|")
                })
                .collect();
            lines.sort();
            format!("{:x}", Sha256::digest(lines.join("\n").as_bytes()))
        };
        assert_eq!(example(), example());
        assert_eq!(
            example(),
            "a4a91d2d1ecf2710fcdaa55e13879935aa661920624334b435c8bc6722b20e2e"
        );
    }

    #[test]
    fn generated_data_keeps_the_rules_the_app_keeps() {
        let (db, summary) = tiny();
        // Every attached highlight quotes exactly its span of the notes.
        let spans: Vec<(String, u32, u32, String, bool)> = db
            .read(|c| {
                let mut stmt = c.prepare(
                    "SELECT i.notes, h.start_offset, h.end_offset, h.quote, h.detached
                     FROM highlights h JOIN interviews i ON i.id = h.interview_id",
                )?;
                let rows = stmt
                    .query_map([], |r| {
                        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
                    })?
                    .collect::<rusqlite::Result<_>>()?;
                Ok(rows)
            })
            .unwrap();
        assert_eq!(spans.len() as u64, summary.highlights);
        for (notes, start, end, quote, detached) in &spans {
            if *detached {
                assert!(
                    !notes.contains(quote.as_str()),
                    "a detached quote is no longer in the notes: {quote}"
                );
                continue;
            }
            let units: Vec<u16> = notes.encode_utf16().collect();
            let quoted = String::from_utf16(&units[*start as usize..*end as usize]).unwrap();
            assert_eq!(&quoted, quote);
        }
        // Stored weights are what the app would compute from the same evidence.
        let stored: Vec<(Id, f64)> = db
            .read(|c| {
                let mut stmt = c.prepare("SELECT id, weight FROM pain_points ORDER BY rowid")?;
                let rows = stmt
                    .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                    .collect::<rusqlite::Result<_>>()?;
                Ok(rows)
            })
            .unwrap();
        for (id, generated) in stored {
            db.write(|tx| weight::refresh(tx, id)).unwrap();
            let refreshed: f64 = db
                .read(|c| {
                    Ok(
                        c.query_row("SELECT weight FROM pain_points WHERE id = ?1", [id], |r| {
                            r.get(0)
                        })?,
                    )
                })
                .unwrap();
            assert!(
                (refreshed - generated).abs() <= 1e-9 * generated,
                "{id}: {generated} vs {refreshed}"
            );
        }
        // The integrity of the file and of the full-text index (FTS5's check is a command
        // written as an insert, so it runs as a write).
        db.write(|c| {
            c.execute_batch(
                "PRAGMA integrity_check; PRAGMA foreign_key_check;
                 INSERT INTO interview_passages (interview_passages, rank) VALUES ('integrity-check', 1);",
            )?;
            Ok(())
        })
        .unwrap();
        // Notes re-anchor cleanly: saving them unchanged moves, detaches or attaches nothing.
        let interview: Id = db
            .read(|c| {
                Ok(c.query_row(
                    "SELECT h.interview_id FROM highlights h
                     JOIN interviews i ON i.id = h.interview_id AND i.deleted_at IS NULL
                     ORDER BY h.detached DESC, h.rowid LIMIT 1",
                    [],
                    |r| r.get(0),
                )?)
            })
            .unwrap();
        let before = db.read(|c| crate::interviews::get(c, interview)).unwrap();
        db.write(|tx| {
            crate::interviews::save_notes(tx, interview, &before.notes, crate::testing::now())
        })
        .unwrap();
        let after = db.read(|c| crate::interviews::get(c, interview)).unwrap();
        let kept: Vec<&highlights::Highlight> = before.highlights.iter().collect();
        assert_eq!(after.highlights.iter().collect::<Vec<_>>(), kept);
    }

    fn count(db: &Database, sql: &str) -> u64 {
        let n: i64 = db
            .read(|c| Ok(c.query_row(sql, [], |r| r.get(0))?))
            .unwrap();
        n as u64
    }

    #[test]
    fn generated_data_holds_trashed_merged_and_detached_rows_as_the_app_leaves_them() {
        let (db, summary) = tiny();
        let made = [
            ("trashed customers", summary.trashed_customers),
            ("trashed interviews", summary.trashed_interviews),
            ("trashed pain points", summary.trashed_pain_points),
            ("merged pain points", summary.merged_pain_points),
            ("detached highlights", summary.detached_highlights),
        ];
        for (what, n) in made {
            assert!(n > 0, "a tiny run holds some {what}: {summary:?}");
        }
        let stored = [
            "SELECT count(*) FROM customers WHERE deleted_at IS NOT NULL",
            "SELECT count(*) FROM interviews WHERE deleted_at IS NOT NULL",
            "SELECT count(*) FROM pain_points WHERE deleted_at IS NOT NULL",
            "SELECT count(*) FROM pain_points WHERE merged_into IS NOT NULL",
            "SELECT count(*) FROM highlights WHERE detached = 1",
        ];
        for ((what, n), sql) in made.into_iter().zip(stored) {
            assert_eq!(count(&db, sql), n, "the summary counts the {what} stored");
        }
        assert!(
            count(
                &db,
                "SELECT count(*) FROM interviews i JOIN customers c ON c.id = i.customer_id
                 WHERE c.deleted_at IS NOT NULL"
            ) > 0,
            "a trashed customer had interviews"
        );
        assert_eq!(
            count(
                &db,
                "SELECT count(*) FROM interviews i JOIN customers c ON c.id = i.customer_id
                 WHERE c.deleted_at IS NOT NULL AND i.deleted_at IS NOT c.deleted_at"
            ),
            0,
            "a trashed customer's interviews are trashed with it, at the same moment"
        );
        assert_eq!(
            count(
                &db,
                "SELECT count(*) FROM pain_point_customers x JOIN customers c ON c.id = x.customer_id
                 WHERE c.deleted_at IS NOT NULL"
            ),
            0,
            "no pain point names a trashed customer, so its reach is the same by either rule"
        );
        assert_eq!(
            count(
                &db,
                "SELECT count(*) FROM pain_points p JOIN pain_points t ON t.id = p.merged_into
                 WHERE t.merged_into IS NOT NULL OR t.deleted_at IS NOT NULL
                    OR p.deleted_at IS NOT NULL"
            ),
            0,
            "a pain point is merged into a live one that was not merged itself"
        );
        assert_eq!(
            count(
                &db,
                "SELECT count(*) FROM highlights h JOIN pain_points p ON p.id = h.pain_point_id
                 WHERE p.merged_into IS NOT NULL"
            ),
            0,
            "a merged pain point's evidence moved to the one it was merged into"
        );
        assert_eq!(
            count(
                &db,
                "SELECT count(*) FROM (SELECT id, created_at, deleted_at FROM interviews
                 UNION ALL SELECT id, created_at, deleted_at FROM pain_points)
                 WHERE deleted_at < created_at"
            ),
            0,
            "nothing was trashed before it was created"
        );
        // The lists leave out what is trashed or merged.
        let today = last_day();
        let pains = db
            .read(|c| crate::pain_points::list(c, &Default::default(), Default::default(), today))
            .unwrap();
        assert_eq!(
            u64::from(pains.total),
            summary.pain_points - summary.trashed_pain_points - summary.merged_pain_points
        );
        let talks = db
            .read(|c| crate::interviews::list(c, &Default::default(), Default::default()))
            .unwrap();
        assert_eq!(
            u64::from(talks.total),
            summary.interviews - summary.trashed_interviews
        );
    }

    #[test]
    fn a_database_that_holds_anything_is_refused() {
        let db = Database::open_in_memory().unwrap();
        crate::testing::seeded_team(&db, "Mine");
        let err = generate(&db, &Sizes::TINY, |_| {}).unwrap_err();
        assert!(matches!(err, Error::Conflict { .. }), "{err}");
    }
}
