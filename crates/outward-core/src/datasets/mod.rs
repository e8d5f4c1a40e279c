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

mod dump;
mod words;

pub use dump::dump;

use crate::db::Database;
use crate::error::{Error, Result};
use crate::id::Id;
use crate::pain_points::weight;
use crate::workspace;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use rand::distr::{Distribution, weighted::WeightedIndex};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rusqlite::{Transaction, named_params};
use std::collections::BTreeSet;
use std::path::Path;
use words::{Span, Words};

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
    };

    /// Ten times [`Sizes::HEAVY`] in every count, for scaling checks.
    pub const STRESS: Sizes = Sizes {
        teams: 100,
        customers: 1_500,
        themes: 600,
        interviews: 60_000,
        pain_points: 600_000,
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
    let mut g = Generator {
        rng: ChaCha8Rng::seed_from_u64(SEED),
        words: Words::new(),
        sizes: *sizes,
        summary: Summary::default(),
        people: Vec::new(),
        products: Vec::new(),
        customers: Vec::new(),
        themes: Vec::new(),
        reservoir: Vec::with_capacity(RESERVOIR),
    };
    progress(Progress {
        stage: "organisation",
        done: 0,
        total: 1,
    });
    // Ids and index keys arrive in no particular order, so the indexes take writes all over the
    // file: a large page cache keeps that in memory instead of on disk (1 GB at most, and only
    // what is used).
    let cache: i64 = db.read(|c| Ok(c.pragma_query_value(None, "cache_size", |r| r.get(0))?))?;
    db.read(|c| Ok(c.pragma_update(None, "cache_size", -1_048_576)?))?;
    let written = g.write_all(db, &mut progress);
    db.read(|c| Ok(c.pragma_update(None, "cache_size", cache)?))?;
    written?;
    Ok(g.summary)
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

/// A sentence of an interview's notes, kept so later pain points can quote it.
#[derive(Clone)]
struct Evidence {
    interview: Id,
    customer: usize,
    held_on: NaiveDate,
    span: Span,
    quote: String,
}

struct Generator {
    rng: ChaCha8Rng,
    words: Words,
    sizes: Sizes,
    summary: Summary,
    /// (id, index of their team)
    people: Vec<(Id, usize)>,
    products: Vec<Id>,
    customers: Vec<Id>,
    themes: Vec<Id>,
    reservoir: Vec<Evidence>,
}

const LEVELS: &[&str] = &[
    "junior",
    "mid",
    "mid",
    "senior",
    "senior",
    "staff",
    "principal",
];
const STAGES: &[&str] = &[
    "incubating",
    "generallyAvailable",
    "generallyAvailable",
    "deprecated",
];
const KINDS: &[(&str, u32)] = &[
    ("interview", 50),
    ("supportConversation", 25),
    ("officeHours", 15),
    ("shadowing", 10),
];
const STATUSES: &[(&str, u32)] = &[
    ("new", 40),
    ("accepted", 20),
    ("planned", 15),
    ("addressed", 15),
    ("wontFix", 10),
];
const FREQUENCIES: &[&str] = &["rarely", "monthly", "weekly", "daily"];
const DEPARTMENTS: &[&str] = &[
    "Commerce",
    "Product",
    "Data",
    "Finance",
    "Growth",
    "Operations",
    "Security",
    "Mobile",
];

impl Generator {
    fn write_all(&mut self, db: &Database, progress: &mut impl FnMut(Progress)) -> Result<()> {
        let sizes = self.sizes;
        db.write(|tx| self.organisation(tx))?;
        let total = u64::from(sizes.interviews);
        let mut done = 0;
        while done < sizes.interviews {
            let batch = BATCH.min(sizes.interviews - done);
            db.write(|tx| self.conversations(tx, done, batch))?;
            done += batch;
            progress(Progress {
                stage: "interviews and pain points",
                done: u64::from(done),
                total,
            });
        }
        Ok(())
    }

    fn id(&mut self, at: DateTime<Utc>) -> Id {
        Id::from_parts(at, self.rng.random())
    }

    /// A moment on `day`, during working hours.
    fn moment(&mut self, day: NaiveDate) -> DateTime<Utc> {
        let minutes = self.rng.random_range(8 * 60..18 * 60);
        day.and_hms_opt(0, 0, 0).expect("midnight").and_utc() + Duration::minutes(minutes)
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.rng.random_range(0..items.len())]
    }

    fn weighted(&mut self, items: &[(&'static str, u32)]) -> &'static str {
        let index = WeightedIndex::new(items.iter().map(|(_, w)| *w)).expect("weights");
        items[index.sample(&mut self.rng)].0
    }

    /// Up to `most` distinct entries of `items`, in a stable order.
    fn some(&mut self, items: &[Id], most: usize) -> Vec<Id> {
        let count = self.rng.random_range(0..=most.min(items.len()));
        let chosen: BTreeSet<usize> = (0..count)
            .map(|_| self.rng.random_range(0..items.len()))
            .collect();
        chosen.into_iter().map(|i| items[i]).collect()
    }

    fn organisation(&mut self, tx: &Transaction<'_>) -> Result<()> {
        let founded = self.moment(first_day() - Duration::days(30));
        let sizes = self.sizes;
        for team in 0..sizes.teams as usize {
            let id = self.id(founded);
            let name = format!("{} Platform", self.words.code_name(&mut self.rng));
            tx.prepare_cached(
                "INSERT INTO teams (id, name, description, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?4)",
            )?
            .execute((
                id,
                format!("{name} {team}"),
                "Builds the paved road.",
                founded,
            ))?;
            for _ in 0..sizes.people_per_team {
                let person = self.id(founded);
                let level = *self.pick(LEVELS);
                tx.prepare_cached(
                    "INSERT INTO people (id, team_id, name, role, level, created_at, updated_at)
                     VALUES (?1, ?2, ?3, 'Engineer', ?4, ?5, ?5)",
                )?
                .execute((
                    person,
                    id,
                    Words::name(&mut self.rng),
                    level,
                    founded,
                ))?;
                self.people.push((person, team));
            }
            for number in 0..sizes.products_per_team {
                let product = self.id(founded);
                let name = format!("{} {number}", self.words.code_name(&mut self.rng));
                let stage = *self.pick(STAGES);
                tx.prepare_cached(
                    "INSERT INTO products (id, team_id, name, stage, description, created_at,
                        updated_at)
                     VALUES (?1, ?2, ?3, ?4, 'A product of the platform.', ?5, ?5)",
                )?
                .execute((product, id, name, stage, founded))?;
                self.products.push(product);
            }
        }
        for number in 0..sizes.customers {
            let customer = self.id(founded);
            let name = format!("{} {number}", self.words.code_name(&mut self.rng));
            let department = *self.pick(DEPARTMENTS);
            let size = self.rng.random_range(3..=40);
            tx.prepare_cached(
                "INSERT INTO customers (id, name, department, size, contacts, created_at,
                    updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
            )?
            .execute((
                customer,
                name,
                department,
                size,
                Words::name(&mut self.rng),
                founded,
            ))?;
            let products = self.products.clone();
            let mut uses = self.some(&products, 4);
            if uses.is_empty() {
                uses.push(*self.pick(&products));
            }
            for product in uses {
                tx.prepare_cached(
                    "INSERT INTO customer_products (customer_id, product_id) VALUES (?1, ?2)",
                )?
                .execute((customer, product))?;
            }
            self.customers.push(customer);
        }
        for number in 0..sizes.themes {
            let theme = self.id(founded);
            let name = format!("{} {number}", self.words.code_name(&mut self.rng));
            tx.prepare_cached(
                "INSERT INTO themes (id, name, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)",
            )?
            .execute((theme, name, founded))?;
            self.themes.push(theme);
        }
        self.summary.teams = u64::from(sizes.teams);
        self.summary.people = self.people.len() as u64;
        self.summary.products = self.products.len() as u64;
        self.summary.customers = self.customers.len() as u64;
        self.summary.themes = self.themes.len() as u64;
        Ok(())
    }

    /// Interviews `first..first + count` (in date order), and the pain points due by then.
    fn conversations(&mut self, tx: &Transaction<'_>, first: u32, count: u32) -> Result<()> {
        // Some customer teams are heard from often, some rarely, as in a real organisation.
        let reach = WeightedIndex::new(
            (1..=self.customers.len()).map(|rank| 1.0 / (rank as f64).powf(0.8)),
        )
        .expect("weights");
        let days = (last_day() - first_day()).num_days();
        let mut batch = Vec::new();
        let mut notes = String::new();
        for n in first..first + count {
            let offset = days * i64::from(n) / i64::from(self.sizes.interviews);
            let held_on = first_day() + Duration::days(offset);
            let customer = reach.sample(&mut self.rng);
            let created = self.moment(held_on);
            let id = self.id(created);
            let speaker = Words::name(&mut self.rng);
            let interviewees = format!("{speaker} (tech lead), {}", Words::name(&mut self.rng));
            let words = self.rng.random_range(
                self.sizes.min_words_per_interview as usize
                    ..=3 * self.sizes.min_words_per_interview as usize,
            );
            let title = format!("Conversation with {}", Words::name(&mut self.rng));
            let (spans, written) =
                self.words
                    .notes(&mut self.rng, &title, &speaker, words, &mut notes);
            let kind = self.weighted(KINDS);
            let minutes = 5 * self.rng.random_range(3..=24);
            tx.prepare_cached(
                "INSERT INTO interviews (id, customer_id, held_on, kind, interviewees,
                    duration_minutes, notes, created_at, updated_at)
                 VALUES (:id, :customer, :held_on, :kind, :interviewees, :minutes, :notes,
                    :created, :created)",
            )?
            .execute(named_params! {
                ":id": id, ":customer": self.customers[customer], ":held_on": held_on,
                ":kind": kind, ":interviewees": interviewees, ":minutes": minutes,
                ":notes": notes, ":created": created,
            })?;
            let (_, team) = *self.pick(&self.people.clone());
            let colleagues: Vec<Id> = self
                .people
                .iter()
                .filter(|(_, t)| *t == team)
                .map(|(p, _)| *p)
                .collect();
            let mut interviewers = self.some(&colleagues, 2);
            if interviewers.is_empty() {
                interviewers.push(colleagues[0]);
            }
            for person in interviewers {
                tx.prepare_cached(
                    "INSERT INTO interview_interviewers (interview_id, person_id) VALUES (?1, ?2)",
                )?
                .execute((id, person))?;
            }
            let themes = self.themes.clone();
            for theme in self.some(&themes, 3) {
                tx.prepare_cached(
                    "INSERT INTO interview_themes (interview_id, theme_id) VALUES (?1, ?2)",
                )?
                .execute((id, theme))?;
            }
            self.summary.interviews += 1;
            self.summary.words += written as u64;
            for span in spans {
                batch.push(Evidence {
                    interview: id,
                    customer,
                    held_on,
                    span,
                    quote: notes[span.start as usize..span.end as usize].to_owned(),
                });
            }
        }
        let due = u64::from(self.sizes.pain_points) * u64::from(first + count)
            / u64::from(self.sizes.interviews);
        while self.summary.pain_points < due {
            self.pain_point(tx, &batch)?;
        }
        for evidence in batch {
            if self.reservoir.len() < RESERVOIR {
                self.reservoir.push(evidence);
            } else {
                let slot = self.rng.random_range(0..RESERVOIR);
                self.reservoir[slot] = evidence;
            }
        }
        Ok(())
    }

    /// One pain point quoting a sentence of this batch and perhaps some of earlier ones.
    fn pain_point(&mut self, tx: &Transaction<'_>, batch: &[Evidence]) -> Result<()> {
        let mut evidence = vec![self.pick(batch).clone()];
        for _ in 0..self.rng.random_range(0..=2) {
            let pool = if self.reservoir.is_empty() || self.rng.random_bool(0.5) {
                batch
            } else {
                &self.reservoir
            };
            evidence.push(pool[self.rng.random_range(0..pool.len())].clone());
        }
        let filed = evidence
            .iter()
            .map(|e| e.held_on)
            .min()
            .expect("some evidence");
        let created = self.moment(filed);
        let id = self.id(created);
        let severity: u8 = self.rng.random_range(1..=4);
        let frequency = *self.pick(FREQUENCIES);
        let status = self.weighted(STATUSES);
        let title = self.words.title(&mut self.rng);
        let mut description = String::new();
        self.words.sentence(&mut self.rng, &mut description);
        let customers = self.customers.clone();
        let named = self.some(&customers, 1);
        let reached: BTreeSet<Id> = named
            .iter()
            .copied()
            .chain(evidence.iter().map(|e| self.customers[e.customer]))
            .collect();
        let dates: Vec<NaiveDate> = evidence.iter().map(|e| e.held_on).collect();
        let weight = weight::stored(severity, reached.len() as u32, filed, &dates);
        tx.prepare_cached(
            "INSERT INTO pain_points (id, title, description, severity, frequency, status,
                weight, created_at, updated_at)
             VALUES (:id, :title, :description, :severity, :frequency, :status, :weight,
                :created, :created)",
        )?
        .execute(named_params! {
            ":id": id, ":title": title, ":description": description, ":severity": severity,
            ":frequency": frequency, ":status": status, ":weight": weight, ":created": created,
        })?;
        let author = self.pick(&self.people.clone()).0;
        self.status_change(tx, id, None, "new", author, created)?;
        if status != "new" {
            let later = created + Duration::days(self.rng.random_range(1..=60));
            self.status_change(tx, id, Some("new"), status, author, later)?;
        }
        let products = self.products.clone();
        let themes = self.themes.clone();
        let links = [
            ("pain_point_products", "product_id", self.some(&products, 2)),
            ("pain_point_customers", "customer_id", named),
            ("pain_point_themes", "theme_id", self.some(&themes, 2)),
        ];
        for (table, column, ids) in links {
            let sql = format!("INSERT INTO {table} (pain_point_id, {column}) VALUES (?1, ?2)");
            for other in ids {
                tx.prepare_cached(&sql)?.execute((id, other))?;
            }
        }
        for e in evidence {
            let highlight = self.id(created);
            tx.prepare_cached(
                "INSERT INTO highlights (id, interview_id, pain_point_id, start_offset,
                    end_offset, quote, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute((
                highlight,
                e.interview,
                id,
                e.span.start,
                e.span.end,
                e.quote,
                created,
            ))?;
            self.summary.highlights += 1;
        }
        self.summary.pain_points += 1;
        Ok(())
    }

    fn status_change(
        &mut self,
        tx: &Transaction<'_>,
        pain_point: Id,
        from: Option<&str>,
        to: &str,
        by: Id,
        at: DateTime<Utc>,
    ) -> Result<()> {
        let id = self.id(at);
        tx.prepare_cached(
            "INSERT INTO pain_point_status_changes
                (id, pain_point_id, from_status, to_status, changed_at, changed_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?
        .execute((id, pain_point, from, to, at, by))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interviews::highlights;
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
        // A change to the generator or its dependencies shows here: update the digest only
        // when the change is meant.
        assert_eq!(
            digest(&first),
            "fc78bee0db8106627f9ab567fb94447f9a5b87442dd269e46ef727f305706c72"
        );
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
            "c4708b2ec77c85d3365caceb83de517b81c9836b3998ffe8e7ec9f5aea8adc6b"
        );
    }

    #[test]
    fn generated_data_keeps_the_rules_the_app_keeps() {
        let (db, summary) = tiny();
        // Every highlight quotes exactly its span of the notes.
        let spans: Vec<(String, u32, u32, String)> = db
            .read(|c| {
                let mut stmt = c.prepare(
                    "SELECT i.notes, h.start_offset, h.end_offset, h.quote
                     FROM highlights h JOIN interviews i ON i.id = h.interview_id",
                )?;
                let rows = stmt
                    .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
                    .collect::<rusqlite::Result<_>>()?;
                Ok(rows)
            })
            .unwrap();
        assert_eq!(spans.len() as u64, summary.highlights);
        for (notes, start, end, quote) in &spans {
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
        // The integrity of the file and of the full-text index.
        db.read(|c| {
            c.execute_batch(
                "PRAGMA integrity_check; PRAGMA foreign_key_check;
                 INSERT INTO interviews_fts (interviews_fts, rank) VALUES ('integrity-check', 1);",
            )?;
            Ok(())
        })
        .unwrap();
        // Notes re-anchor cleanly: saving them unchanged detaches nothing.
        let interview: Id = db
            .read(|c| Ok(c.query_row("SELECT interview_id FROM highlights", [], |r| r.get(0))?))
            .unwrap();
        let notes = db
            .read(|c| crate::interviews::get(c, interview))
            .unwrap()
            .notes;
        db.write(|tx| crate::interviews::save_notes(tx, interview, &notes, Utc::now()))
            .unwrap();
        let after = db.read(|c| crate::interviews::get(c, interview)).unwrap();
        assert!(
            after
                .highlights
                .iter()
                .all(|h: &highlights::Highlight| !h.detached)
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
