//! Workshops for the data sets: finished sessions of the built-in exercises spread over the
//! twenty quarters, each with its steps as planned and the time spent in them, the room's
//! cards, groups, dot votes and ratings. Written after the rest, from a generator of their own,
//! in one transaction per batch, with cached statements.

use super::words::Words;
use super::{Progress, SEED, Sizes, first_day, last_day};
use crate::db::Database;
use crate::error::Result;
use crate::exercises::{Exercise, StepKind, library};
use crate::id::Id;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rusqlite::{Transaction, named_params};

/// Workshops written per transaction.
const BATCH: u32 = 100;

/// What the workshops' generation wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Written {
    pub workshops: u64,
    pub cards: u64,
}

struct Room {
    rng: ChaCha8Rng,
    words: Words,
    /// Each team's id and its people.
    teams: Vec<(Id, Vec<Id>)>,
    written: Written,
}

/// Writes `sizes.workshops` finished workshops of `sizes.cards_per_workshop` cards each.
pub(super) fn write(
    db: &Database,
    sizes: &Sizes,
    progress: &mut impl FnMut(Progress),
) -> Result<Written> {
    let teams = db.read(|conn| {
        let mut teams: Vec<(Id, Vec<Id>)> = Vec::new();
        let mut stmt = conn.prepare("SELECT id FROM teams ORDER BY rowid")?;
        let ids: Vec<Id> = stmt
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
        Ok(teams)
    })?;
    let mut room = Room {
        rng: ChaCha8Rng::seed_from_u64(SEED ^ 0x574f_524b_5348_4f50), // "WORKSHOP"
        words: Words::new(),
        teams,
        written: Written::default(),
    };
    if room.teams.is_empty() {
        return Ok(room.written);
    }
    let mut done = 0;
    while done < sizes.workshops {
        let batch = BATCH.min(sizes.workshops - done);
        db.write(|tx| {
            for n in done..done + batch {
                room.workshop(tx, n, sizes)?;
            }
            Ok(())
        })?;
        done += batch;
        progress(Progress {
            stage: "workshops",
            done: u64::from(done),
            total: u64::from(sizes.workshops),
        });
    }
    Ok(room.written)
}

impl Room {
    fn id(&mut self, at: DateTime<Utc>) -> Id {
        Id::from_parts(at, self.rng.random())
    }

    /// Workshop number `n` of `sizes.workshops`, held on a day that moves evenly through the
    /// history so every quarter has its share.
    fn workshop(&mut self, tx: &Transaction<'_>, n: u32, sizes: &Sizes) -> Result<()> {
        let span = (last_day() - first_day()).num_days();
        let offset = i64::from(n) * span / i64::from(sizes.workshops.max(1));
        let held_on: NaiveDate = first_day() + Duration::days(offset);
        let exercises = library::all();
        let exercise: &Exercise = &exercises[self.rng.random_range(0..exercises.len())];
        let team = self.rng.random_range(0..self.teams.len());
        let (team_id, people) = self.teams[team].clone();
        let facilitator = people[self.rng.random_range(0..people.len())];
        let start = held_on.and_hms_opt(10, 0, 0).expect("a time").and_utc();
        let total: i64 = exercise
            .steps
            .iter()
            .map(|s| i64::from(s.timebox_seconds))
            .sum();
        let id = self.id(start);
        let last = exercise.steps.len() as u32 - 1;
        tx.prepare_cached(
            "INSERT INTO workshops (id, team_id, exercise_key, title, held_on, starts_at,
                 facilitator_id, state, current_step, furthest_step, started_at, finished_at,
                 seen_at, created_at, updated_at)
             VALUES (:id, :team, :exercise, :title, :held_on, '10:00', :facilitator,
                 'finished', :last, :last, :start, :end, :end, :start, :end)",
        )?
        .execute(named_params! {
            ":id": id, ":team": team_id, ":exercise": exercise.id, ":title": exercise.name,
            ":held_on": held_on, ":facilitator": facilitator, ":last": last, ":start": start,
            ":end": start + Duration::seconds(total),
        })?;
        for person in &people {
            tx.prepare_cached(
                "INSERT INTO workshop_participants (workshop_id, person_id) VALUES (?1, ?2)",
            )?
            .execute((id, person))?;
        }
        let mut at = start;
        let mut writing = None;
        let mut voting = None;
        let mut rating = None;
        for (position, step) in exercise.steps.iter().enumerate() {
            let position = position as u32;
            let spent = i64::from(step.timebox_seconds) * self.rng.random_range(70..=140) / 100;
            tx.prepare_cached(
                "INSERT INTO workshop_steps (workshop_id, position, title, kind, timebox_seconds,
                     prompt, script, dimensions, votes_per_person, max_votes_per_item,
                     timer_remaining_ms)
                 VALUES (:id, :position, :title, :kind, :timebox, :prompt, :script, :dimensions,
                     :votes, :cap, 0)",
            )?
            .execute(named_params! {
                ":id": id, ":position": position, ":title": step.title, ":kind": step.kind,
                ":timebox": step.timebox_seconds, ":prompt": step.prompt, ":script": step.script,
                ":dimensions": serde_json::to_string(&step.dimensions).unwrap_or_default(),
                ":votes": step.votes_per_person, ":cap": step.max_votes_per_item,
            })?;
            tx.prepare_cached(
                "INSERT INTO workshop_step_visits (workshop_id, position, entered_at, left_at)
                 VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute((id, position, at, at + Duration::seconds(spent)))?;
            at += Duration::seconds(spent);
            match step.kind {
                StepKind::SilentWriting if writing.is_none() => writing = Some(position),
                StepKind::DotVoting if voting.is_none() => voting = Some((position, step)),
                StepKind::Rating if rating.is_none() => rating = Some((position, step)),
                _ => {}
            }
        }
        let cards = self.cards(tx, id, writing.unwrap_or(0), &people, start, sizes)?;
        if let Some((position, step)) = voting {
            self.votes(
                tx,
                (id, position),
                step.votes_per_person,
                &people,
                &cards,
                start,
            )?;
        }
        if let Some((position, step)) = rating {
            for person in &people {
                for dimension in &step.dimensions {
                    tx.prepare_cached(
                        "INSERT INTO workshop_ratings (workshop_id, step_position, dimension,
                             person_id, score, rated_at)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    )?
                    .execute((
                        id,
                        position,
                        dimension,
                        person,
                        self.rng.random_range(1..=5),
                        start,
                    ))?;
                }
            }
        }
        self.written.workshops += 1;
        Ok(())
    }

    /// The workshop's cards, a sentence each, about a third signed, gathered in groups of five
    /// or so with a few left alone. Returns the ids of what can be voted for.
    fn cards(
        &mut self,
        tx: &Transaction<'_>,
        workshop: Id,
        step: u32,
        people: &[Id],
        at: DateTime<Utc>,
        sizes: &Sizes,
    ) -> Result<Vec<(Option<Id>, Option<Id>)>> {
        let mut items = Vec::new();
        let mut group: Option<Id> = None;
        let mut text = String::new();
        for n in 0..sizes.cards_per_workshop {
            if n % 6 == 0 {
                let id = self.id(at);
                text.clear();
                self.words.sentence(&mut self.rng, &mut text);
                let name: String = text.split(' ').take(3).collect::<Vec<_>>().join(" ");
                tx.prepare_cached(
                    "INSERT INTO workshop_groups (id, workshop_id, name, created_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?4)",
                )?
                .execute((id, workshop, name, at))?;
                group = Some(id);
                items.push((None, Some(id)));
            }
            let alone = n % 6 == 5;
            let card = self.id(at);
            text.clear();
            self.words.sentence(&mut self.rng, &mut text);
            let author = self
                .rng
                .random_ratio(1, 3)
                .then(|| people[self.rng.random_range(0..people.len())]);
            tx.prepare_cached(
                "INSERT INTO workshop_cards (id, workshop_id, step_position, text, author_id,
                     group_id, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
            )?
            .execute((
                card,
                workshop,
                step,
                &text,
                author,
                group.filter(|_| !alone),
                at,
            ))?;
            if alone {
                items.push((Some(card), None));
            }
            self.written.cards += 1;
        }
        Ok(items)
    }

    /// Every participant's whole budget, one vote each on items next to each other from a
    /// random one (so no item gets more than one vote from one person).
    fn votes(
        &mut self,
        tx: &Transaction<'_>,
        (workshop, step): (Id, u32),
        budget: u32,
        people: &[Id],
        items: &[(Option<Id>, Option<Id>)],
        at: DateTime<Utc>,
    ) -> Result<()> {
        if items.is_empty() {
            return Ok(());
        }
        for person in people {
            tx.prepare_cached(
                "INSERT INTO workshop_ballots (workshop_id, step_position, person_id, entered_at)
                 VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute((workshop, step, person, at))?;
            let first = self.rng.random_range(0..items.len());
            for n in 0..(budget as usize).min(items.len()) {
                let (card, group) = items[(first + n) % items.len()];
                tx.prepare_cached(
                    "INSERT INTO workshop_votes (workshop_id, step_position, person_id, card_id,
                         group_id, count)
                     VALUES (?1, ?2, ?3, ?4, ?5, 1)",
                )?
                .execute((workshop, step, person, card, group))?;
            }
        }
        Ok(())
    }
}
