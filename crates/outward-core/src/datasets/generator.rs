//! The generator behind [`super::generate`]: the organisation first, then interviews in date
//! order, one batch per transaction, each batch followed by the pain points due by then, which
//! quote sentences of that batch and of a reservoir of earlier ones; last, the merges of
//! duplicate pain points, through the app's own merge.

use super::words::{Span, Words};
use super::{BATCH, Progress, RESERVOIR, SEED, Sizes, Summary, first_day, last_day};
use crate::db::Database;
use crate::error::Result;
use crate::id::Id;
use crate::pain_points::weight;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use rand::distr::{Distribution, weighted::WeightedIndex};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rusqlite::{Transaction, named_params};
use std::collections::BTreeSet;

/// A sentence of an interview's notes, kept so later pain points can quote it.
#[derive(Clone)]
struct Evidence {
    interview: Id,
    customer: usize,
    held_on: NaiveDate,
    span: Span,
    quote: String,
    /// The interview is not in the Trash, so the evidence counts towards weights.
    live: bool,
    /// The sentence was edited after it was marked: `quote` is its old wording, no longer in
    /// the notes.
    detached: bool,
}

/// What the merge pass needs to know of each pain point written.
struct Filed {
    id: Id,
    created: DateTime<Utc>,
    trashed: bool,
}

pub(super) struct Generator {
    rng: ChaCha8Rng,
    words: Words,
    sizes: Sizes,
    pub(super) summary: Summary,
    /// (id, index of their team)
    people: Vec<(Id, usize)>,
    products: Vec<Id>,
    customers: Vec<Id>,
    /// When each customer (by index) was moved to the Trash, if it was.
    customers_trashed: Vec<Option<DateTime<Utc>>>,
    /// The customers not in the Trash, which pain points may name.
    live_customers: Vec<Id>,
    themes: Vec<Id>,
    reservoir: Vec<Evidence>,
    filed: Vec<Filed>,
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
    pub(super) fn new(sizes: Sizes) -> Self {
        Generator {
            rng: ChaCha8Rng::seed_from_u64(SEED),
            words: Words::new(),
            sizes,
            summary: Summary::default(),
            people: Vec::new(),
            products: Vec::new(),
            customers: Vec::new(),
            customers_trashed: Vec::new(),
            live_customers: Vec::new(),
            themes: Vec::new(),
            reservoir: Vec::with_capacity(RESERVOIR),
            filed: Vec::new(),
        }
    }

    pub(super) fn write_all(
        &mut self,
        db: &Database,
        progress: &mut impl FnMut(Progress),
    ) -> Result<()> {
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
        db.write(|tx| self.merges(tx))
    }

    fn id(&mut self, at: DateTime<Utc>) -> Id {
        Id::from_parts(at, self.rng.random())
    }

    /// A moment on `day`, during working hours.
    fn moment(&mut self, day: NaiveDate) -> DateTime<Utc> {
        let minutes = self.rng.random_range(8 * 60..18 * 60);
        day.and_hms_opt(0, 0, 0).expect("midnight").and_utc() + Duration::minutes(minutes)
    }

    /// A moment after `at`, at most `days` later and no later than the last day.
    fn later(&mut self, at: DateTime<Utc>, days: i64) -> DateTime<Utc> {
        let end = last_day()
            .and_hms_opt(23, 59, 0)
            .expect("a time of day")
            .and_utc();
        let minutes = self.rng.random_range(1..=days * 24 * 60);
        (at + Duration::minutes(minutes)).min(end).max(at)
    }

    /// True for `per_mille` draws in a thousand.
    fn share(&mut self, per_mille: u32) -> bool {
        self.rng.random_ratio(per_mille.min(1_000), 1_000)
    }

    fn weighted(&mut self, items: &[(&'static str, u32)]) -> &'static str {
        let index = WeightedIndex::new(items.iter().map(|(_, w)| *w)).expect("weights");
        items[index.sample(&mut self.rng)].0
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
                let level = *pick(&mut self.rng, LEVELS);
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
                let stage = *pick(&mut self.rng, STAGES);
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
            let department = *pick(&mut self.rng, DEPARTMENTS);
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
            let mut uses = some(&mut self.rng, &self.products, 4);
            if uses.is_empty() {
                uses.push(*pick(&mut self.rng, &self.products));
            }
            for product in uses {
                tx.prepare_cached(
                    "INSERT INTO customer_products (customer_id, product_id) VALUES (?1, ?2)",
                )?
                .execute((customer, product))?;
            }
            self.customers.push(customer);
        }
        self.trash_customers(tx)?;
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

    /// Moves a share of the customer teams to the Trash (teams that were dissolved), any but
    /// the one heard from most, each at a moment in the last half year. Their interviews follow
    /// them there as they are written; pain points never name them.
    fn trash_customers(&mut self, tx: &Transaction<'_>) -> Result<()> {
        let count = self.customers.len() as u32 * self.sizes.trashed_per_mille;
        let count = count.div_ceil(1_000) as usize;
        // Index 0 is the customer heard from most.
        let first = 1.min(self.customers.len());
        self.customers_trashed = vec![None; self.customers.len()];
        let mut trashed = BTreeSet::new();
        while trashed.len() < count.min(self.customers.len() - first) {
            trashed.insert(self.rng.random_range(first..self.customers.len()));
        }
        for index in trashed {
            let day = last_day() - Duration::days(self.rng.random_range(0..=180));
            let at = self.moment(day);
            tx.prepare_cached("UPDATE customers SET deleted_at = ?2 WHERE id = ?1")?
                .execute((self.customers[index], at))?;
            self.customers_trashed[index] = Some(at);
            self.summary.trashed_customers += 1;
        }
        self.live_customers = (0..self.customers.len())
            .filter(|i| self.customers_trashed[*i].is_none())
            .map(|i| self.customers[i])
            .collect();
        Ok(())
    }

    /// A customer for a conversation on `held_on`: one not yet in the Trash that day.
    fn customer_on(&mut self, reach: &WeightedIndex<f64>, held_on: NaiveDate) -> usize {
        loop {
            let customer = reach.sample(&mut self.rng);
            match self.customers_trashed[customer] {
                Some(at) if at.date_naive() <= held_on => continue,
                _ => return customer,
            }
        }
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
            let customer = self.customer_on(&reach, held_on);
            let created = self.moment(held_on);
            let id = self.id(created);
            let with_customer = self.customers_trashed[customer];
            let deleted = match with_customer {
                Some(at) => Some(at),
                None if self.share(self.sizes.trashed_per_mille) => Some(self.later(created, 120)),
                None => None,
            };
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
                    duration_minutes, notes, created_at, updated_at, deleted_at)
                 VALUES (:id, :customer, :held_on, :kind, :interviewees, :minutes, :notes,
                    :created, :created, :deleted)",
            )?
            .execute(named_params! {
                ":id": id, ":customer": self.customers[customer], ":held_on": held_on,
                ":kind": kind, ":interviewees": interviewees, ":minutes": minutes,
                ":notes": notes, ":created": created, ":deleted": deleted,
            })?;
            self.summary.trashed_interviews += u64::from(deleted.is_some());
            let (_, team) = *pick(&mut self.rng, &self.people);
            let colleagues: Vec<Id> = self
                .people
                .iter()
                .filter(|(_, t)| *t == team)
                .map(|(p, _)| *p)
                .collect();
            let mut interviewers = some(&mut self.rng, &colleagues, 2);
            if interviewers.is_empty() {
                interviewers.push(colleagues[0]);
            }
            for person in interviewers {
                tx.prepare_cached(
                    "INSERT INTO interview_interviewers (interview_id, person_id) VALUES (?1, ?2)",
                )?
                .execute((id, person))?;
            }
            for theme in some(&mut self.rng, &self.themes, 3) {
                tx.prepare_cached(
                    "INSERT INTO interview_themes (interview_id, theme_id) VALUES (?1, ?2)",
                )?
                .execute((id, theme))?;
            }
            self.summary.interviews += 1;
            self.summary.words += written as u64;
            for span in spans {
                let quote = notes[span.start as usize..span.end as usize].to_owned();
                let edited = if self.share(self.sizes.detached_per_mille) {
                    earlier_wording(&quote).filter(|old| !notes.contains(old.as_str()))
                } else {
                    None
                };
                batch.push(Evidence {
                    interview: id,
                    customer,
                    held_on,
                    span,
                    detached: edited.is_some(),
                    quote: edited.unwrap_or(quote),
                    live: deleted.is_none(),
                });
            }
        }
        crate::db::refresh_statistics(tx);
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
        let mut evidence = vec![pick(&mut self.rng, batch).clone()];
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
        let frequency = *pick(&mut self.rng, FREQUENCIES);
        let status = self.weighted(STATUSES);
        let title = self.words.title(&mut self.rng);
        let mut description = String::new();
        self.words.sentence(&mut self.rng, &mut description);
        let named = some(&mut self.rng, &self.live_customers, 1);
        // Weights count only evidence outside the Trash, as the app recomputes them.
        let live: Vec<&Evidence> = evidence.iter().filter(|e| e.live).collect();
        let reached: BTreeSet<Id> = named
            .iter()
            .copied()
            .chain(live.iter().map(|e| self.customers[e.customer]))
            .collect();
        let dates: Vec<NaiveDate> = live.iter().map(|e| e.held_on).collect();
        let weight = weight::stored(severity, reached.len() as u32, filed, &dates);
        let trashed = self.share(self.sizes.trashed_per_mille);
        let deleted = trashed.then(|| self.later(created, 120));
        tx.prepare_cached(
            "INSERT INTO pain_points (id, title, description, severity, frequency, status,
                weight, created_at, updated_at, deleted_at)
             VALUES (:id, :title, :description, :severity, :frequency, :status, :weight,
                :created, :created, :deleted)",
        )?
        .execute(named_params! {
            ":id": id, ":title": title, ":description": description, ":severity": severity,
            ":frequency": frequency, ":status": status, ":weight": weight, ":created": created,
            ":deleted": deleted,
        })?;
        self.summary.trashed_pain_points += u64::from(trashed);
        self.filed.push(Filed {
            id,
            created,
            trashed,
        });
        let author = pick(&mut self.rng, &self.people).0;
        self.status_change(tx, id, None, "new", author, created)?;
        if status != "new" {
            let later = created + Duration::days(self.rng.random_range(1..=60));
            self.status_change(tx, id, Some("new"), status, author, later)?;
        }
        let links = [
            (
                "pain_point_products",
                "product_id",
                some(&mut self.rng, &self.products, 2),
            ),
            ("pain_point_customers", "customer_id", named),
            (
                "pain_point_themes",
                "theme_id",
                some(&mut self.rng, &self.themes, 2),
            ),
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
                    end_offset, quote, detached, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?
            .execute((
                highlight,
                e.interview,
                id,
                e.span.start,
                e.span.end,
                e.quote,
                e.detached,
                created,
            ))?;
            self.summary.highlights += 1;
            self.summary.detached_highlights += u64::from(e.detached);
        }
        self.summary.pain_points += 1;
        Ok(())
    }

    /// Merges a share of the pain points, each into an earlier one (a duplicate found later),
    /// most of them into a few hubs (the problems everyone reports), with the app's own merge: evidence and links move to the one kept, whose weight is
    /// recomputed. A pain point kept is never merged itself, and nothing in the Trash takes
    /// part. The merged one's weight is recomputed too, from the evidence it has left (none),
    /// so every stored weight is what the app would compute.
    fn merges(&mut self, tx: &Transaction<'_>) -> Result<()> {
        let mut kept: Vec<usize> = Vec::new();
        for index in 0..self.filed.len() {
            if self.filed[index].trashed {
                continue;
            }
            if kept.is_empty() || !self.share(self.sizes.merged_per_mille) {
                kept.push(index);
                continue;
            }
            let hubs = kept.len().min(self.sizes.hubs as usize);
            let chosen = if hubs > 0 && self.share(self.sizes.merged_into_hubs_per_mille) {
                self.rng.random_range(0..hubs)
            } else {
                self.rng.random_range(0..kept.len())
            };
            let target = &self.filed[kept[chosen]];
            let source = &self.filed[index];
            let (source, target, newer) =
                (source.id, target.id, source.created.max(target.created));
            let now = self.later(newer, 90);
            crate::pain_points::merge(tx, source, target, now)?;
            weight::refresh(tx, source)?;
            self.summary.merged_pain_points += 1;
        }
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

/// How a marked sentence read before someone edited it: with a word typed twice. `None` for a
/// sentence too short to have one.
fn earlier_wording(sentence: &str) -> Option<String> {
    let (first, rest) = sentence.split_once(' ')?;
    Some(format!("{first} {first} {rest}"))
}

fn pick<'a, T>(rng: &mut ChaCha8Rng, items: &'a [T]) -> &'a T {
    &items[rng.random_range(0..items.len())]
}

/// Up to `most` distinct entries of `items`, in a stable order.
fn some(rng: &mut ChaCha8Rng, items: &[Id], most: usize) -> Vec<Id> {
    let count = rng.random_range(0..=most.min(items.len()));
    let chosen: BTreeSet<usize> = (0..count)
        .map(|_| rng.random_range(0..items.len()))
        .collect();
    chosen.into_iter().map(|i| items[i]).collect()
}
