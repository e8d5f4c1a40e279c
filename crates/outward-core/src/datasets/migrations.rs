//! Migrations for the data sets: the moves the platform teams asked their customers to make over
//! the twenty quarters, each for one product, with a deadline two to nine months after its
//! start, and the customer teams that use the product (and a few more) as its consumers.
//!
//! Each consumer team's history is recorded change by change, as the app records it: not
//! started on the first day, in progress some days or weeks later, one in four blocked for a
//! while with a reason, then done; one in twenty starts only after the deadline, one in eight
//! finishes well past it. Nothing after the history's last day is recorded, so the latest
//! migrations are still under way. Consumer hours are the platform team's estimate until a
//! team is done, when most report what they spent; the help the platform team provides has
//! hours of its own. Each migration feeds its percentage metric as the app's does (one
//! measurement per quarter it ran, from the app's own count of teams done), and one in four is
//! a commitment of its quarter. Written after the rest, from a generator of its own, in one
//! transaction per batch.

use super::{Progress, SEED, Sizes, first_day, last_day};
use crate::db::Database;
use crate::error::Result;
use crate::id::Id;
use crate::platform_migrations::teams::{Change, done_by};
use crate::platform_migrations::{HelpKind, MigrationState, metric};
use crate::quarter::{FiscalYearStart, Quarter};
use chrono::{DateTime, Days, NaiveDate, Utc};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rusqlite::{Connection, Transaction, named_params};
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// Migrations written per transaction.
const BATCH: u32 = 50;

/// What a migration moves from and to.
const MOVES: &[(&str, &str)] = &[
    ("Postgres 12", "Postgres 16"),
    ("Jenkins", "the build pipelines"),
    ("VM images", "containers"),
    ("the old log shipper", "the OpenTelemetry collector"),
    ("self-managed Kafka", "managed streams"),
    ("Terraform 0.12", "Terraform 1.x"),
    ("public image mirrors", "the internal registry"),
    ("Ingress v1", "the Gateway API"),
    ("secrets in env files", "the secrets service"),
    ("Python 3.8 base images", "Python 3.12 base images"),
    ("cron hosts", "scheduled jobs"),
    ("blue-green scripts", "canary deploys"),
];

const BLOCKERS: &[&str] = &[
    "Waiting on a security review of the new runtime.",
    "Needs a feature the new platform does not offer yet.",
    "In a code freeze until the end of the quarter.",
    "A vendor library does not support the new version.",
    "Nobody left on the team knows the old service well enough to move it.",
    "The nightly batch jobs need a base image the platform does not build yet.",
];

const HELP: &[(HelpKind, &str)] = &[
    (
        HelpKind::Automation,
        "A codemod that rewrites the configuration and opens the pull request.",
    ),
    (
        HelpKind::Automation,
        "A check in CI that says what is left to move, service by service.",
    ),
    (
        HelpKind::Bridge,
        "A compatibility shim so the old and new versions run side by side.",
    ),
    (
        HelpKind::Docs,
        "A step-by-step guide with a worked example from the first team done.",
    ),
    (
        HelpKind::Docs,
        "Office hours twice a week while the migration runs.",
    ),
    (
        HelpKind::DoneForThem,
        "Paired with the team for a day and moved their services with them.",
    ),
];

/// What the migrations' generation wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Written {
    pub migrations: u64,
    pub consumer_teams: u64,
    pub changes: u64,
    pub help: u64,
}

/// A consumer team of a migration, as generated.
struct Consumer {
    customer: Id,
    /// Each state it moved to, with the day, in order.
    history: Vec<(NaiveDate, MigrationState)>,
    /// Why it is blocked, if it is.
    reason: &'static str,
    hours: f64,
    reported: bool,
}

struct Plan {
    rng: ChaCha8Rng,
    products: Vec<(Id, String)>,
    /// The live customer teams.
    customers: Vec<Id>,
    /// For each product (by index), the customer teams (by index) that use it.
    users: Vec<Vec<usize>>,
    /// The live commitments of each quarter, by the quarter's first day.
    commitments: BTreeMap<NaiveDate, Vec<Id>>,
    /// The names of the live metrics, in lower case: a migration's metric takes a free one.
    metric_names: HashSet<String>,
    written: Written,
}

/// Writes `sizes.migrations` migrations with their consumer teams, histories, help and metrics.
pub(super) fn write(
    db: &Database,
    sizes: &Sizes,
    progress: &mut impl FnMut(Progress),
) -> Result<Written> {
    let mut plan = db.read(|conn| {
        Plan::read(
            conn,
            ChaCha8Rng::seed_from_u64(SEED ^ 0x4d49_4752_4154_4521), // "MIGRATE!"
        )
    })?;
    if plan.products.is_empty() || plan.customers.is_empty() {
        return Ok(plan.written);
    }
    let mut done = 0;
    while done < sizes.migrations {
        let batch = BATCH.min(sizes.migrations - done);
        db.write(|tx| {
            for n in done..done + batch {
                plan.migration(tx, n, sizes.migrations)?;
            }
            Ok(())
        })?;
        done += batch;
        progress(Progress {
            stage: "migrations",
            done: u64::from(done),
            total: u64::from(sizes.migrations),
        });
    }
    Ok(plan.written)
}

/// A moment on `day`, at `hour` o'clock.
fn at(day: NaiveDate, hour: u32) -> DateTime<Utc> {
    day.and_hms_opt(hour, 0, 0)
        .expect("a time of day")
        .and_utc()
}

impl Plan {
    fn read(conn: &Connection, rng: ChaCha8Rng) -> Result<Plan> {
        let pairs = |sql: &str| -> Result<Vec<(Id, String)>> {
            Ok(conn
                .prepare(sql)?
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?)
        };
        let products =
            pairs("SELECT id, name FROM products WHERE deleted_at IS NULL ORDER BY rowid")?;
        let customers: Vec<Id> =
            pairs("SELECT id, name FROM customers WHERE deleted_at IS NULL ORDER BY rowid")?
                .into_iter()
                .map(|(id, _)| id)
                .collect();
        let mut users = vec![Vec::new(); products.len()];
        let mut stmt = conn.prepare(
            "SELECT customer_id, product_id FROM customer_products
             ORDER BY customer_id, product_id",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let (customer, product): (Id, Id) = (row.get(0)?, row.get(1)?);
            let p = products.iter().position(|(id, _)| *id == product);
            let c = customers.iter().position(|id| *id == customer);
            if let (Some(p), Some(c)) = (p, c) {
                users[p].push(c);
            }
        }
        let mut commitments: BTreeMap<NaiveDate, Vec<Id>> = BTreeMap::new();
        let mut stmt = conn.prepare(
            "SELECT quarter_starts_on, id FROM commitments WHERE deleted_at IS NULL ORDER BY rowid",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            commitments
                .entry(row.get(0)?)
                .or_default()
                .push(row.get(1)?);
        }
        let metric_names = conn
            .prepare("SELECT lower(name) FROM metrics WHERE deleted_at IS NULL")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(Plan {
            rng,
            products,
            customers,
            users,
            commitments,
            metric_names,
            written: Written::default(),
        })
    }

    fn id(&mut self, at: DateTime<Utc>) -> Id {
        Id::from_parts(at, self.rng.random())
    }

    /// Days from `from`, between `least` and `most` of them.
    fn days(&mut self, from: NaiveDate, least: u64, most: u64) -> NaiveDate {
        from + Days::new(self.rng.random_range(least..=most.max(least)))
    }

    /// Migration number `n` of `count`, started at a point that moves evenly through the
    /// history (its last weeks left out, so every migration has begun by the last day).
    fn migration(&mut self, tx: &Transaction<'_>, n: u32, count: u32) -> Result<()> {
        let span = (last_day() - first_day()).num_days() as u64 - 28;
        let starts_on = self.days(
            first_day() + Days::new(span * u64::from(n + 1) / u64::from(count)),
            0,
            6,
        );
        let deadline = starts_on + Days::new(7 * self.rng.random_range(8..=40));
        let product = self.rng.random_range(0..self.products.len());
        let (from_what, to_what) = MOVES[self.rng.random_range(0..MOVES.len())];
        let title = format!("{}: {from_what} to {to_what}", self.products[product].1);
        let created = at(starts_on - Days::new(self.rng.random_range(0..=14)), 10);
        let quarter = Quarter::containing(starts_on, FiscalYearStart::CALENDAR);
        let commitment = match self.commitments.get(&quarter.first_day()) {
            Some(of_quarter) if self.rng.random_ratio(1, 4) => {
                Some(of_quarter[self.rng.random_range(0..of_quarter.len())])
            }
            _ => None,
        };
        let id = self.id(created);
        let metric = self.metric(tx, &title, created)?;
        // The product's users, and a few teams more that depend on it through another.
        let mut consumers: BTreeSet<usize> = self.users[product].iter().copied().collect();
        let wanted = self.rng.random_range(3..=20).min(self.customers.len());
        while consumers.len() < wanted {
            consumers.insert(self.rng.random_range(0..self.customers.len()));
        }
        let mut teams: Vec<Consumer> = Vec::with_capacity(consumers.len());
        for customer in consumers {
            let customer = self.customers[customer];
            teams.push(self.consumer(customer, starts_on, deadline));
        }
        let runway = (deadline.min(last_day()) - starts_on).num_days().max(0) as u64;
        let help: Vec<(HelpKind, &str, DateTime<Utc>, f64)> = (0..self.rng.random_range(1..=4))
            .map(|_| {
                let (kind, description) = HELP[self.rng.random_range(0..HELP.len())];
                let on = at(self.days(starts_on, 0, runway), 14);
                (
                    kind,
                    description,
                    on,
                    2.0 * f64::from(self.rng.random_range(2..=60)),
                )
            })
            .collect();
        let updated = teams
            .iter()
            .map(|t| at(t.history.last().expect("not started, at least").0, 16))
            .chain(help.iter().map(|h| h.2))
            .fold(created, DateTime::max);
        tx.prepare_cached(
            "INSERT INTO platform_migrations (id, title, from_what, to_what, product_id, starts_on,
                deadline, commitment_id, metric_id, created_at, updated_at)
             VALUES (:id, :title, :from, :to, :product, :starts, :deadline, :commitment, :metric,
                :created, :updated)",
        )?
        .execute(named_params! {
            ":id": id, ":title": title, ":from": from_what, ":to": to_what,
            ":product": self.products[product].0, ":starts": starts_on, ":deadline": deadline,
            ":commitment": commitment, ":metric": metric, ":created": created,
            ":updated": updated,
        })?;
        let mut changes: Vec<Change> = Vec::new();
        for team in &teams {
            let (changed_on, state) = *team.history.last().expect("not started, at least");
            tx.prepare_cached(
                "INSERT INTO migration_teams (migration_id, customer_id, state, reason, changed_on,
                    hours, hours_reported)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute((
                id,
                team.customer,
                state,
                team.reason,
                changed_on,
                team.hours,
                team.reported,
            ))?;
            self.written.consumer_teams += 1;
            changes.extend(team.history.iter().map(|&(on, state)| Change {
                customer: team.customer,
                on,
                state,
            }));
        }
        for (kind, description, on, hours) in help {
            let help = self.id(on);
            tx.prepare_cached(
                "INSERT INTO migration_help (id, migration_id, kind, description, hours, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute((help, id, kind, description, hours, on))?;
            self.written.help += 1;
        }
        self.changes(tx, id, &mut changes)?;
        self.measurements(tx, metric, starts_on, teams.len() as u32, &changes)?;
        self.written.migrations += 1;
        Ok(())
    }

    /// A consumer team of a migration: its history, and its hours, estimated until it is done
    /// and reported by most teams then.
    fn consumer(&mut self, customer: Id, starts_on: NaiveDate, deadline: NaiveDate) -> Consumer {
        let (history, reason) = self.history(starts_on, deadline);
        let done = history
            .last()
            .is_some_and(|(_, s)| *s == MigrationState::Done);
        let estimate = 2.0 * f64::from(self.rng.random_range(2..=40));
        let reported = done && self.rng.random_ratio(4, 5);
        let hours = if reported {
            (estimate * f64::from(self.rng.random_range(50..=200)) / 50.0).round() / 2.0
        } else {
            estimate
        };
        Consumer {
            customer,
            history,
            reason,
            hours,
            reported,
        }
    }

    /// A consumer team's states, with the day it moved to each, up to the last day; and the
    /// reason it is blocked, if it is.
    fn history(
        &mut self,
        starts_on: NaiveDate,
        deadline: NaiveDate,
    ) -> (Vec<(NaiveDate, MigrationState)>, &'static str) {
        use MigrationState::{Blocked, Done, InProgress, NotStarted};
        let runway = (deadline - starts_on).num_days() as u64;
        let mut history = vec![(starts_on, NotStarted)];
        let mut reason = "";
        // Most teams begin within the first three quarters of the runway; one in twenty only
        // after the deadline has passed.
        let mut day = if self.rng.random_ratio(1, 20) {
            self.days(deadline, 1, 180)
        } else {
            self.days(starts_on, 3, runway * 3 / 4)
        };
        history.push((day, InProgress));
        if self.rng.random_ratio(1, 4) {
            let blocked = self.days(day, 3, 30);
            reason = BLOCKERS[self.rng.random_range(0..BLOCKERS.len())];
            history.push((blocked, Blocked));
            day = self.days(blocked, 7, 70);
            history.push((day, InProgress));
        }
        // The work itself: days to a few months, or well past the deadline for one in eight.
        let done = if self.rng.random_ratio(1, 8) {
            self.days(day, runway / 2, runway + 120)
        } else {
            self.days(day, 5, runway / 2)
        };
        history.push((done, Done));
        history.retain(|(day, _)| *day <= last_day());
        if history.last().is_none_or(|(_, state)| *state != Blocked) {
            reason = "";
        }
        (history, reason)
    }

    /// Records `changes` in the order they happened (sorting them into it), numbering those of
    /// the same day as the app does.
    fn changes(
        &mut self,
        tx: &Transaction<'_>,
        migration: Id,
        changes: &mut [Change],
    ) -> Result<()> {
        changes.sort_by_key(|c| c.on);
        let mut seq = 0;
        let mut day = None;
        for change in changes.iter() {
            seq = if day == Some(change.on) { seq + 1 } else { 1 };
            day = Some(change.on);
            tx.prepare_cached(
                "INSERT INTO migration_team_changes (migration_id, customer_id, changed_on, seq,
                    state)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute((migration, change.customer, change.on, seq, change.state))?;
            self.written.changes += 1;
        }
        Ok(())
    }

    /// The migration's percentage metric, under a name no live metric has.
    fn metric(&mut self, tx: &Transaction<'_>, title: &str, created: DateTime<Utc>) -> Result<Id> {
        let base = metric::name_for(title);
        let name = std::iter::once(base.clone())
            .chain((2..).map(|n| format!("{base} ({n})")))
            .find(|name| !self.metric_names.contains(&name.to_lowercase()))
            .expect("an unused name");
        self.metric_names.insert(name.to_lowercase());
        let id = self.id(created);
        tx.prepare_cached(
            "INSERT INTO metrics (id, name, description, kind, direction, scope, unit, created_at,
                updated_at)
             VALUES (?1, ?2, ?3, 'percentage', 'higherIsBetter', 'team', '', ?4, ?4)",
        )?
        .execute((id, name, metric::DESCRIPTION, created))?;
        Ok(id)
    }

    /// The metric's measurements, as the app leaves them after the last change: one for every
    /// quarter from the start to the last change, each the share of teams done by its end,
    /// first written by the first change in or after it and rewritten by every change since.
    fn measurements(
        &mut self,
        tx: &Transaction<'_>,
        metric: Id,
        starts_on: NaiveDate,
        teams: u32,
        changes: &[Change],
    ) -> Result<()> {
        let Some(last) = changes.last().map(|c| c.on) else {
            return Ok(());
        };
        let mut quarter = Quarter::containing(starts_on, FiscalYearStart::CALENDAR);
        let mut quarters = vec![quarter];
        while !quarter.contains(last) {
            quarter = quarter.next();
            quarters.push(quarter);
        }
        let ends: Vec<NaiveDate> = quarters.iter().map(|q| q.last_day()).collect();
        for (quarter, done) in quarters.iter().zip(done_by(changes, &ends)) {
            let first = changes
                .iter()
                .find(|c| c.on >= quarter.first_day())
                .map_or(last, |c| c.on);
            let id = self.id(at(first, 16));
            tx.prepare_cached(
                "INSERT INTO measurements (id, metric_id, quarter, value, n, source, created_at,
                    updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?
            .execute((
                id,
                metric,
                quarter.key(),
                metric::share_done(done, teams),
                teams,
                metric::source(done, teams),
                at(first, 16),
                at(last, 16),
            ))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Sizes, generate, last_day};
    use crate::db::Database;
    use crate::id::Id;
    use crate::platform_migrations::{self, MigrationInput, MigrationState, progress};
    use chrono::NaiveDate;

    /// A measurement as the metric keeps it: quarter, value, n, source.
    type Measured = (String, f64, Option<u32>, String);

    fn measured(db: &Database, metric: Id) -> Vec<Measured> {
        db.read(|c| {
            Ok(c.prepare(
                "SELECT quarter, value, n, source FROM measurements
                 WHERE metric_id = ?1 AND deleted_at IS NULL ORDER BY quarter",
            )?
            .query_map([metric], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })?
            .collect::<rusqlite::Result<_>>()?)
        })
        .unwrap()
    }

    #[test]
    fn generated_migrations_hold_what_the_app_would_have_recorded() {
        let db = Database::open_in_memory().unwrap();
        generate(&db, &Sizes::TINY, |_| {}).unwrap();
        let today = last_day();
        let migrations = db.read(platform_migrations::list).unwrap();
        assert_eq!(migrations.len(), 8);
        let (mut states, mut under_way) = (Vec::new(), false);
        for m in &migrations {
            let page = db.read(|c| progress::progress(c, m.id, today)).unwrap();
            let changes: Vec<(Id, NaiveDate, MigrationState)> = db
                .read(|c| {
                    Ok(c.prepare(
                        "SELECT customer_id, changed_on, state FROM migration_team_changes
                         WHERE migration_id = ?1 ORDER BY changed_on, seq",
                    )?
                    .query_map([m.id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                    .collect::<rusqlite::Result<_>>()?)
                })
                .unwrap();
            for team in &page.teams {
                let theirs: Vec<(NaiveDate, MigrationState)> = changes
                    .iter()
                    .filter(|c| c.0 == team.customer_id)
                    .map(|c| (c.1, c.2))
                    .collect();
                assert_eq!(
                    theirs.first(),
                    Some(&(m.starts_on, MigrationState::NotStarted)),
                    "a team is added not started on the migration's first day"
                );
                assert_eq!(
                    theirs.last(),
                    Some(&(team.changed_on, team.state)),
                    "a team stands where its last recorded change left it"
                );
                assert!(
                    theirs
                        .windows(2)
                        .all(|w| w[0].0 < w[1].0 && w[0].1 != w[1].1),
                    "each change moves to another state, later: {theirs:?}"
                );
                assert!(
                    theirs.iter().all(|(on, _)| *on <= today),
                    "nothing after today"
                );
                assert_eq!(
                    team.reason.is_empty(),
                    team.state != MigrationState::Blocked,
                    "a blocked team says why, and only a blocked one"
                );
                assert!(
                    !team.hours_reported || team.state == MigrationState::Done,
                    "hours are reported by teams that are done"
                );
                states.extend(theirs.iter().map(|(_, state)| *state));
                under_way |= team.state != MigrationState::Done;
            }
            assert_eq!(
                page.burn_up.iter().filter_map(|w| w.done).next_back(),
                Some(m.done),
                "the burn-up's latest week counts the teams done now"
            );
            assert!(!page.help.is_empty(), "the platform team helps with each");
            // Saving the migration unchanged makes the app record its metric again: every
            // quarter generated keeps its value (later quarters, up to today's, are added).
            let metric = m.metric_id.expect("a migration feeds its metric");
            let before = measured(&db, metric);
            assert_eq!(
                before.last().map(|x| x.1),
                page.percent_done,
                "the latest quarter's value is the share done now"
            );
            let input = MigrationInput {
                title: m.title.clone(),
                from_what: m.from_what.clone(),
                to_what: m.to_what.clone(),
                product_id: m.product_id,
                starts_on: m.starts_on,
                deadline: m.deadline,
                commitment_id: m.commitment_id,
            };
            let now = today.and_hms_opt(18, 0, 0).unwrap().and_utc();
            db.write(|tx| platform_migrations::update(tx, m.id, &input, now))
                .unwrap();
            let after = measured(&db, metric);
            assert_eq!(&after[..before.len()], &before[..], "{}", m.title);
        }
        for state in MigrationState::ALL.iter() {
            assert!(
                states.contains(state),
                "teams of a tiny run have been in every state: {states:?}"
            );
        }
        assert!(under_way, "the latest migration is still under way");
    }
}
