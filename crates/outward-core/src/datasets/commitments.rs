//! Commitments for the data sets: each team's commitments spread over the twenty quarters, each
//! with an owner on the team, a pain point or two, check-ins every two or three weeks, and the
//! decision its quarter ended with (done, dropped with a reason, or carried over into the next
//! quarter, where its successor names it). Written after the rest, from a generator of its own,
//! in one transaction per batch.

use super::{Progress, SEED, Sizes, first_day, last_day};
use crate::db::Database;
use crate::error::Result;
use crate::id::Id;
use crate::quarter::{FiscalYearStart, Quarter};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rusqlite::{Transaction, named_params};

/// Commitments written per transaction.
const BATCH: u32 = 500;

const VERBS: &[&str] = &[
    "Halve",
    "Automate",
    "Document",
    "Self-serve",
    "Speed up",
    "Retire",
];
const OBJECTS: &[&str] = &[
    "the CI queue on Mondays",
    "Postgres minor upgrades",
    "the deploy rollback path",
    "onboarding to the runner fleet",
    "quota requests",
    "the old log shipper",
    "secrets rotation",
    "cost reports per team",
];

/// What the commitments' generation wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Written {
    pub commitments: u64,
    pub check_ins: u64,
}

struct Plan {
    rng: ChaCha8Rng,
    /// Each team's id and its people.
    teams: Vec<(Id, Vec<Id>)>,
    pain_points: Vec<Id>,
    written: Written,
}

/// Writes `sizes.commitments` commitments with their check-ins and decisions.
pub(super) fn write(
    db: &Database,
    sizes: &Sizes,
    progress: &mut impl FnMut(Progress),
) -> Result<Written> {
    let (teams, pain_points) = db.read(|conn| {
        let mut teams: Vec<(Id, Vec<Id>)> = Vec::new();
        let ids: Vec<Id> = conn
            .prepare("SELECT id FROM teams ORDER BY rowid")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut people = conn.prepare(
            "SELECT id FROM people WHERE team_id = ?1 AND deleted_at IS NULL ORDER BY rowid",
        )?;
        for team in ids {
            let members = people
                .query_map([team], |r| r.get(0))?
                .collect::<rusqlite::Result<Vec<Id>>>()?;
            if !members.is_empty() {
                teams.push((team, members));
            }
        }
        let pain_points: Vec<Id> = conn
            .prepare(
                "SELECT id FROM pain_points WHERE deleted_at IS NULL AND merged_into IS NULL
                 ORDER BY rowid LIMIT 5000",
            )?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok((teams, pain_points))
    })?;
    let mut plan = Plan {
        rng: ChaCha8Rng::seed_from_u64(SEED ^ 0x434f_4d4d_4954_5321), // "COMMITS!"
        teams,
        pain_points,
        written: Written::default(),
    };
    if plan.teams.is_empty() {
        return Ok(plan.written);
    }
    let mut done = 0;
    while done < sizes.commitments {
        let batch = BATCH.min(sizes.commitments - done);
        db.write(|tx| {
            for n in done..done + batch {
                plan.commitment(tx, n, sizes)?;
            }
            Ok(())
        })?;
        done += batch;
        progress(Progress {
            stage: "commitments",
            done: u64::from(done),
            total: u64::from(sizes.commitments),
        });
    }
    Ok(plan.written)
}

impl Plan {
    fn id(&mut self, at: DateTime<Utc>) -> Id {
        Id::from_parts(at, self.rng.random())
    }

    /// Commitment number `n`, in a quarter that moves evenly through the history.
    fn commitment(&mut self, tx: &Transaction<'_>, n: u32, sizes: &Sizes) -> Result<()> {
        let span = (last_day() - first_day()).num_days();
        let offset = i64::from(n) * span / i64::from(sizes.commitments.max(1));
        let day: NaiveDate = first_day() + Duration::days(offset);
        let quarter = Quarter::containing(day, FiscalYearStart::CALENDAR);
        let (team, people) = self.teams[self.rng.random_range(0..self.teams.len())].clone();
        let owner = people[self.rng.random_range(0..people.len())];
        let title = format!(
            "{} {}",
            VERBS[self.rng.random_range(0..VERBS.len())],
            OBJECTS[self.rng.random_range(0..OBJECTS.len())]
        );
        let created = quarter
            .first_day()
            .and_hms_opt(9, 0, 0)
            .expect("a time")
            .and_utc()
            + Duration::days(self.rng.random_range(0..10));
        // The last quarter of the history is still running: its commitments are open.
        let running = quarter.last_day() >= last_day();
        let state = match self.rng.random_range(0..100) {
            _ if running => "open",
            0..55 => "done",
            55..70 => "dropped",
            _ => "carriedOver",
        };
        let id = self.id(created);
        tx.prepare_cached(
            "INSERT INTO commitments (id, title, team_id, owner_id, goal_id, quarter_starts_on,
                 quarter_ends_on, state, created_at, updated_at)
             VALUES (:id, :title, :team, :owner, NULL, :starts, :ends, :state, :at, :at)",
        )?
        .execute(named_params! {
            ":id": id, ":title": title, ":team": team, ":owner": owner,
            ":starts": quarter.first_day(), ":ends": quarter.last_day(), ":state": state,
            ":at": created,
        })?;
        if !self.pain_points.is_empty() {
            for _ in 0..self.rng.random_range(1..=2) {
                let pain_point = self.pain_points[self.rng.random_range(0..self.pain_points.len())];
                tx.prepare_cached(
                    "INSERT OR IGNORE INTO commitment_pain_points (commitment_id, pain_point_id)
                     VALUES (?1, ?2)",
                )?
                .execute((id, pain_point))?;
            }
        }
        let mut on = created.date_naive();
        let mut progress: i64 = 0;
        let end = quarter.last_day().min(last_day());
        loop {
            on += Duration::days(self.rng.random_range(14..=21));
            if on > end {
                break;
            }
            progress = (progress + self.rng.random_range(0..=20)).min(100);
            let at = on.and_hms_opt(16, 0, 0).expect("a time").and_utc();
            let check_in = self.id(at);
            tx.prepare_cached(
                "INSERT INTO check_ins (id, commitment_id, checked_on, progress, confidence,
                     note, created_at, created_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, '', ?6, ?7)",
            )?
            .execute((
                check_in,
                id,
                on,
                progress,
                self.rng.random_range(2..=9),
                at,
                owner,
            ))?;
            self.written.check_ins += 1;
        }
        if state != "open" {
            let decided = quarter
                .last_day()
                .and_hms_opt(17, 0, 0)
                .expect("a time")
                .and_utc();
            let note = match state {
                "dropped" => "Dropped when the quarter closed: other work came first.",
                "carriedOver" => "Carried over into the next quarter when this one closed.",
                _ => "",
            };
            let decision = self.id(decided);
            tx.prepare_cached(
                "INSERT INTO commitment_decisions (id, commitment_id, from_state, to_state, note,
                     decided_at, decided_by)
                 VALUES (?1, ?2, 'open', ?3, ?4, ?5, ?6)",
            )?
            .execute((decision, id, state, note, decided, owner))?;
        }
        self.written.commitments += 1;
        Ok(())
    }
}
