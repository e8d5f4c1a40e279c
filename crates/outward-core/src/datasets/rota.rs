//! The support rota for the data sets: each team's weekly rota over the five years, planned a
//! quarter at a time by the app's own planner ([`plan::assign`]) around everyone's absences
//! (holidays, conferences, a few sick days, now and then a long leave), so everyone takes
//! turns, seniors included.
//!
//! The weeks up to the last day are recorded as done: mostly by whoever was planned, sometimes
//! by a colleague who swapped in, and now and then never recorded. Senior, staff and principal
//! engineers hand their week to a junior or mid-level colleague more often than the other way
//! round, and in one quarter in five, busy elsewhere, nearly always, so some quarters' support
//! falls only to junior and mid-level engineers, which coverage warns about. The weeks after
//! the last day are planned only. Whoever did a week logs a few support conversations with
//! customer teams about the team's products. Written after the rest, from a generator of its
//! own, one transaction per team.

use super::{Progress, SEED, first_day, last_day};
use crate::db::Database;
use crate::error::Result;
use crate::id::Id;
use crate::people::Level;
use crate::rota::plan::{self, Candidate};
use chrono::{DateTime, Days, NaiveDate, Utc};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rusqlite::{Connection, Transaction, named_params};

/// Weeks planned past the last day.
const PLANNED_AHEAD: u32 = 6;

/// Weeks planned at a time: a quarter.
const PLANNED_AT_ONCE: usize = 13;

const FOLLOW_UPS: &[&str] = &[
    "Walked them through the docs page.",
    "Fixed on the call.",
    "Filed it as a pain point.",
    "Handed it to the product's owner.",
    "Showed them the workaround; they will try it this week.",
    "Not a bug: the setting is per environment.",
];

const SUBJECTS: &[&str] = &[
    "Builds queue for an hour on Monday mornings",
    "Asked how to pin the base image",
    "Deploy stuck at the canary step",
    "Connection limit hit by nightly jobs",
    "Cannot find the runbook for a restore",
    "Wants a date for the old cluster's retirement",
    "Dashboards missing after the upgrade",
    "Quota request waiting for a week",
];

/// What the rota's generation wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Written {
    pub weeks: u64,
    pub absences: u64,
    pub conversations: u64,
}

/// A team as the rota needs it.
struct Team {
    id: Id,
    /// Its live people and their levels.
    people: Vec<(Id, Level)>,
    products: Vec<Id>,
}

/// An absence: its first and last day, and why.
#[derive(Clone, Copy)]
struct Away {
    from: NaiveDate,
    to: NaiveDate,
    reason: &'static str,
}

/// Writes every team's rota from the first Monday of the history to a few weeks past its end.
pub(super) fn write(db: &Database, progress: &mut impl FnMut(Progress)) -> Result<Written> {
    let (teams, customers) = db.read(read)?;
    let mut rng = ChaCha8Rng::seed_from_u64(SEED ^ 0x524f_5441); // "ROTA"
    let first = plan::monday_of(first_day() + Days::new(6));
    let weeks = (last_day() - first).num_weeks() as u32 + 1 + PLANNED_AHEAD;
    let mondays = plan::weeks_from(first, weeks);
    let mut written = Written::default();
    for (done, team) in teams.iter().enumerate() {
        if team.people.is_empty() {
            continue;
        }
        db.write(|tx| team_rota(tx, &mut rng, team, &mondays, &customers, &mut written))?;
        progress(Progress {
            stage: "support rota",
            done: done as u64 + 1,
            total: teams.len() as u64,
        });
    }
    Ok(written)
}

fn read(conn: &Connection) -> Result<(Vec<Team>, Vec<Id>)> {
    let mut teams = Vec::new();
    for id in ids(
        conn,
        "SELECT id FROM teams WHERE deleted_at IS NULL ORDER BY rowid",
        [],
    )? {
        let people = conn
            .prepare_cached(
                "SELECT id, level FROM people WHERE team_id = ?1 AND deleted_at IS NULL
                 ORDER BY rowid",
            )?
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let products = ids(
            conn,
            "SELECT id FROM products WHERE team_id = ?1 AND deleted_at IS NULL ORDER BY rowid",
            [id],
        )?;
        teams.push(Team {
            id,
            people,
            products,
        });
    }
    let customers = ids(
        conn,
        "SELECT id FROM customers WHERE deleted_at IS NULL ORDER BY rowid",
        [],
    )?;
    Ok((teams, customers))
}

fn ids(conn: &Connection, sql: &str, params: impl rusqlite::Params) -> Result<Vec<Id>> {
    Ok(conn
        .prepare_cached(sql)?
        .query_map(params, |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?)
}

/// A moment on `day`, at `hour` o'clock.
fn at(day: NaiveDate, hour: u32) -> DateTime<Utc> {
    day.and_hms_opt(hour, 0, 0)
        .expect("a time of day")
        .and_utc()
}

/// One person's absences from `from` to `to`: a few a year, most of them holidays.
fn absences(rng: &mut ChaCha8Rng, from: NaiveDate, to: NaiveDate) -> Vec<Away> {
    let mut out = Vec::new();
    let mut day = from + Days::new(rng.random_range(0..90));
    while day <= to {
        let (days, reason) = match rng.random_range(0..100) {
            0..62 => (rng.random_range(3..=14), "Holiday"),
            62..80 => (rng.random_range(1..=4), "Conference"),
            80..99 => (rng.random_range(1..=3), "Sick"),
            _ => (rng.random_range(42..=112), "Parental leave"),
        };
        out.push(Away {
            from: day,
            to: day + Days::new(days - 1),
            reason,
        });
        day = day + Days::new(days + rng.random_range(30..=110));
    }
    out
}

/// Writes one team's absences, weeks and conversations.
fn team_rota(
    tx: &Transaction<'_>,
    rng: &mut ChaCha8Rng,
    team: &Team,
    mondays: &[NaiveDate],
    customers: &[Id],
    written: &mut Written,
) -> Result<()> {
    let end = *mondays.last().expect("some weeks") + Days::new(6);
    let mut away: Vec<Vec<Away>> = team
        .people
        .iter()
        .map(|_| absences(rng, mondays[0], end))
        .collect();
    let mut candidates: Vec<Candidate> = team
        .people
        .iter()
        .map(|(id, _)| Candidate {
            id: *id,
            last_turn: None,
            away: Vec::new(),
        })
        .collect();
    let mut weeks: Vec<(NaiveDate, Id, Option<Id>)> = Vec::with_capacity(mondays.len());
    for chunk in mondays.chunks(PLANNED_AT_ONCE) {
        let planned = loop {
            for (candidate, away) in candidates.iter_mut().zip(&away) {
                candidate.away = away.iter().map(|a| (a.from, a.to)).collect();
            }
            match plan::assign(&candidates, chunk, &[]) {
                Ok(planned) => break planned,
                // Everyone away in one week: the first person's absence gives way.
                Err(week) => {
                    let friday = week + Days::new(4);
                    for absences in &mut away {
                        if let Some(i) = absences
                            .iter()
                            .position(|a| a.from <= friday && a.to >= week)
                        {
                            absences.remove(i);
                            break;
                        }
                    }
                }
            }
        };
        // In one quarter in five the seniors are busy elsewhere and hand most weeks over.
        let handed_over = if rng.random_ratio(1, 5) { 90 } else { 15 };
        for (&monday, person) in chunk.iter().zip(planned) {
            let done_by = if monday <= last_day() {
                shift(rng, team, &candidates, monday, person, handed_over)
            } else {
                None
            };
            // The planner's last turn is whoever carried the week, done or else planned.
            let carrier = done_by.unwrap_or(person);
            if let Some(c) = candidates.iter_mut().find(|c| c.id == carrier) {
                c.last_turn = Some(monday);
            }
            weeks.push((monday, person, done_by));
        }
    }
    for (person, absences) in team.people.iter().zip(&away) {
        for a in absences {
            let noted = (a.from - Days::new(rng.random_range(0..=45))).max(first_day());
            let id = Id::from_parts(at(noted, 10), rng.random());
            tx.prepare_cached(
                "INSERT INTO rota_absences (id, person_id, starts_on, ends_on, reason, created_at,
                    updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
            )?
            .execute((id, person.0, a.from, a.to, a.reason, at(noted, 10)))?;
            written.absences += 1;
        }
    }
    for (k, (monday, planned, done_by)) in weeks.into_iter().enumerate() {
        // Planned a quarter at a time, two weeks before the quarter's first week.
        let chunk_start = mondays[k - k % PLANNED_AT_ONCE];
        let created = at(chunk_start - Days::new(14), 10);
        let updated = match done_by {
            Some(_) => at(monday + Days::new(4), 17),
            None => created,
        };
        let id = Id::from_parts(created, rng.random());
        tx.prepare_cached(
            "INSERT INTO support_weeks (id, team_id, week_of, planned_person_id, done_by_person_id,
                created_at, updated_at)
             VALUES (:id, :team, :week, :planned, :done_by, :created, :updated)",
        )?
        .execute(named_params! {
            ":id": id, ":team": team.id, ":week": monday, ":planned": planned,
            ":done_by": done_by, ":created": created, ":updated": updated,
        })?;
        written.weeks += 1;
        if let Some(person) = done_by {
            conversations(tx, rng, team, person, monday, customers, written)?;
        }
    }
    Ok(())
}

/// Who did the week of `monday` that `planned` was planned for: mostly they did; a senior,
/// staff or principal engineer hands it to a junior or mid-level colleague `handed_over` times
/// in a hundred; anyone may swap with a colleague now and then; a few weeks are never recorded.
fn shift(
    rng: &mut ChaCha8Rng,
    team: &Team,
    candidates: &[Candidate],
    monday: NaiveDate,
    planned: Id,
    handed_over: u32,
) -> Option<Id> {
    let level = |id: Id| {
        team.people
            .iter()
            .find(|(p, _)| *p == id)
            .map_or(Level::Mid, |(_, l)| *l)
    };
    let free: Vec<Id> = candidates
        .iter()
        .filter(|c| c.id != planned && !c.away_in(monday))
        .map(|c| c.id)
        .collect();
    let juniors: Vec<Id> = free
        .iter()
        .copied()
        .filter(|id| level(*id) <= Level::Mid)
        .collect();
    if rng.random_ratio(1, 25) {
        return None;
    }
    if level(planned) > Level::Mid && !juniors.is_empty() && rng.random_range(0..100) < handed_over
    {
        return Some(juniors[rng.random_range(0..juniors.len())]);
    }
    if !free.is_empty() && rng.random_ratio(1, 20) {
        return Some(free[rng.random_range(0..free.len())]);
    }
    Some(planned)
}

/// The support conversations `person` logged in the week of `monday`: none to three.
fn conversations(
    tx: &Transaction<'_>,
    rng: &mut ChaCha8Rng,
    team: &Team,
    person: Id,
    monday: NaiveDate,
    customers: &[Id],
    written: &mut Written,
) -> Result<()> {
    for _ in 0..rng.random_range(0..=3) {
        let day = monday + Days::new(rng.random_range(0..5));
        let logged = at(day, rng.random_range(9..=17));
        let customer = customers
            .get(rng.random_range(0..customers.len().max(1)))
            .copied();
        let product = team
            .products
            .get(rng.random_range(0..team.products.len().max(1)))
            .copied();
        let note = format!(
            "{}. {}",
            SUBJECTS[rng.random_range(0..SUBJECTS.len())],
            FOLLOW_UPS[rng.random_range(0..FOLLOW_UPS.len())]
        );
        let id = Id::from_parts(logged, rng.random());
        tx.prepare_cached(
            "INSERT INTO support_conversations
                 (id, person_id, held_on, customer_id, product_id, note, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
        )?
        .execute((id, person, day, customer, product, note, logged))?;
        written.conversations += 1;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::{Sizes, generate, last_day};
    use crate::db::Database;
    use crate::rota::coverage;

    fn count(db: &Database, sql: &str) -> i64 {
        db.read(|c| Ok(c.query_row(sql, [], |r| r.get(0))?))
            .unwrap()
    }

    #[test]
    fn the_generated_rota_keeps_the_rules_the_app_keeps() {
        let db = Database::open_in_memory().unwrap();
        generate(&db, &Sizes::TINY, |_| {}).unwrap();
        let today = last_day();
        let checks = [
            (
                "SELECT count(*) FROM support_weeks w JOIN rota_absences a
                    ON a.person_id = w.planned_person_id
                 WHERE a.starts_on <= date(w.week_of, '+4 days') AND a.ends_on >= w.week_of"
                    .to_owned(),
                "the planner puts nobody on support in a week they are away",
            ),
            (
                "SELECT count(*) FROM support_weeks w
                 JOIN people p ON p.id = coalesce(w.done_by_person_id, w.planned_person_id)
                 WHERE p.team_id <> w.team_id"
                    .to_owned(),
                "a team's rota is carried by its own people",
            ),
            (
                format!(
                    "SELECT count(*) FROM support_weeks
                     WHERE week_of > '{today}' AND done_by_person_id IS NOT NULL"
                ),
                "no week after today is recorded as done",
            ),
            (
                "SELECT count(*) FROM support_weeks
                 WHERE planned_person_id IS NULL OR strftime('%w', week_of) <> '1'"
                    .to_owned(),
                "every week is planned, and named by its Monday",
            ),
            (
                "SELECT count(*) FROM support_conversations s WHERE NOT EXISTS (
                    SELECT 1 FROM support_weeks w WHERE w.done_by_person_id = s.person_id
                       AND s.held_on BETWEEN w.week_of AND date(w.week_of, '+4 days'))"
                    .to_owned(),
                "a conversation is logged by whoever was on support that week",
            ),
            (
                "SELECT count(*) FROM pragma_foreign_key_check".to_owned(),
                "every reference holds",
            ),
        ];
        for (sql, rule) in &checks {
            assert_eq!(count(&db, sql), 0, "{rule}");
        }
        assert!(
            count(
                &db,
                "SELECT count(*) FROM support_weeks
                 WHERE done_by_person_id <> planned_person_id"
            ) > 0,
            "some weeks were swapped"
        );
        // Coverage counts every week of the twenty quarters, and warns of some.
        let quarters = db.read(|c| coverage::quarters(c, today, 20, None)).unwrap();
        let weeks: u32 = quarters.iter().map(|q| q.weeks).sum();
        assert_eq!(
            i64::from(weeks),
            count(
                &db,
                &format!("SELECT count(*) FROM support_weeks WHERE week_of <= '{today}'")
            ),
            "coverage counts every week up to today"
        );
        assert!(
            quarters.iter().any(|q| q.warning.is_some()),
            "in some quarter support fell only to junior and mid-level engineers"
        );
        assert!(
            quarters.iter().all(|q| q.senior_weeks > 0),
            "yet seniors took turns every quarter in some team"
        );
    }
}
