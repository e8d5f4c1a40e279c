//! The support rotation. Engineers, seniors included, support the products they build: each
//! team runs its own rota (its people are the ones who know its products), one person on
//! support per week. The rota is planned around absences ([`plan`]); a week also records who
//! actually did it (a shift), and the person on support keeps a short log of the conversations
//! they had with customer teams. Coverage by level per quarter, with a warning when support
//! fell only to junior and mid-level engineers, is in [`coverage`].

pub mod coverage;
pub mod plan;

use crate::entity::EntityKind;
use crate::error::{Error, Result};
use crate::id::Id;
use crate::people::Level;
use crate::store::{live, require_live};
use crate::text;
use chrono::{DateTime, Days, NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension, Row, Transaction, named_params};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use ts_rs::TS;

/// The most weeks one plan or one view spans: two years.
pub const WEEKS_MAX: u32 = 104;

/// The longest note of a support conversation, in characters.
pub const NOTE_MAX: usize = 2_000;

/// How the Trash names an absence, a support week and a support conversation.
pub(crate) const ABSENCE_NAME_SQL: &str = "coalesce((SELECT name FROM people \
    WHERE people.id = rota_absences.person_id), 'someone') || ' away, ' || starts_on || ' to ' \
    || ends_on";
pub(crate) const WEEK_NAME_SQL: &str = "coalesce((SELECT name FROM teams \
    WHERE teams.id = support_weeks.team_id), 'a team') || ', week of ' || week_of";
pub(crate) const CONVERSATION_NAME_SQL: &str = "coalesce((SELECT name FROM people \
    WHERE people.id = support_conversations.person_id), 'someone') || ', ' || held_on || ': ' \
    || substr(note, 1, 60)";

/// A person as the rota shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, rename = "RotaPerson")]
pub struct Named {
    pub id: Id,
    pub name: String,
    pub level: Level,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Absence {
    pub id: Id,
    pub person_id: Id,
    pub person_name: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AbsenceInput {
    pub person_id: Id,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    #[serde(default)]
    pub reason: String,
}

/// One week of a team's rota.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SupportWeek {
    /// `None` for a week nobody is planned for yet.
    pub id: Option<Id>,
    /// Its Monday.
    pub week_of: NaiveDate,
    pub planned: Option<Named>,
    /// Who did it, once recorded.
    pub done_by: Option<Named>,
    /// The team's people away on a working day of it.
    pub away: Vec<String>,
}

/// A team's rota over some weeks.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Rota {
    pub team_id: Id,
    pub team_name: String,
    pub weeks: Vec<SupportWeek>,
    /// Absences of the team's people reaching the first week or later, earliest first.
    pub absences: Vec<Absence>,
    /// The team's people with how many of these weeks each carries (done, else planned).
    pub people: Vec<Turns>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Turns {
    pub person: Named,
    pub weeks: u32,
}

/// Plan a team's rota for `weeks` weeks from the week holding `starts_on`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, rename = "RotaPlanInput")]
pub struct PlanInput {
    pub team_id: Id,
    pub starts_on: NaiveDate,
    pub weeks: u32,
}

/// Who did a week's support.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ShiftInput {
    pub team_id: Id,
    /// Any day of the week.
    pub week_of: NaiveDate,
    pub person_id: Id,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SupportConversation {
    pub id: Id,
    pub person_id: Id,
    pub person_name: String,
    pub held_on: NaiveDate,
    pub customer_id: Option<Id>,
    pub customer_name: Option<String>,
    pub product_id: Option<Id>,
    pub product_name: Option<String>,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ConversationInput {
    pub person_id: Id,
    /// Today when not given.
    #[serde(default)]
    pub held_on: Option<NaiveDate>,
    #[serde(default)]
    pub customer_id: Option<Id>,
    #[serde(default)]
    pub product_id: Option<Id>,
    pub note: String,
}

fn weeks_in_range(weeks: u32) -> Result<u32> {
    if (1..=WEEKS_MAX).contains(&weeks) {
        Ok(weeks)
    } else {
        Err(Error::validation(
            "weeks",
            format!("{weeks} weeks is out of range: choose from 1 to {WEEKS_MAX}."),
        ))
    }
}

/// The team's live people, by name.
fn team_people(conn: &Connection, team: Id) -> Result<Vec<Named>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, name, level FROM people
         WHERE team_id = ?1 AND deleted_at IS NULL ORDER BY name COLLATE NOCASE, id",
    )?;
    let people = stmt
        .query_map([team], |r| {
            Ok(Named {
                id: r.get(0)?,
                name: r.get(1)?,
                level: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(people)
}

fn named(conn: &Connection, id: Option<Id>) -> Result<Option<Named>> {
    let Some(id) = id else { return Ok(None) };
    Ok(conn
        .prepare_cached("SELECT id, name, level FROM people WHERE id = ?1")?
        .query_row([id], |r| {
            Ok(Named {
                id: r.get(0)?,
                name: r.get(1)?,
                level: r.get(2)?,
            })
        })
        .optional()?)
}

// ---------------------------------------------------------------------------------------------
// Absences

const ABSENCE_SELECT: &str = "SELECT a.id, a.person_id, p.name, a.starts_on, a.ends_on, a.reason
    FROM rota_absences a JOIN people p ON p.id = a.person_id";

fn absence_from_row(row: &Row<'_>) -> rusqlite::Result<Absence> {
    Ok(Absence {
        id: row.get(0)?,
        person_id: row.get(1)?,
        person_name: row.get(2)?,
        starts_on: row.get(3)?,
        ends_on: row.get(4)?,
        reason: row.get(5)?,
    })
}

pub fn get_absence(conn: &Connection, id: Id) -> Result<Absence> {
    let mut stmt = conn.prepare_cached(&format!(
        "{ABSENCE_SELECT} WHERE a.id = ?1 AND a.deleted_at IS NULL"
    ))?;
    live(stmt.query_row([id], absence_from_row), "absence", id)
}

/// Records that a person is away from `starts_on` to `ends_on`, both days included.
pub fn add_absence(
    tx: &Transaction<'_>,
    input: &AbsenceInput,
    now: DateTime<Utc>,
) -> Result<Absence> {
    require_live(tx, EntityKind::Person, input.person_id, "personId")?;
    if input.ends_on < input.starts_on {
        return Err(Error::validation(
            "endsOn",
            format!(
                "The absence ends on {} before it starts on {}: the last day comes after the first.",
                input.ends_on, input.starts_on
            ),
        ));
    }
    let reason = text::optional_name("reason", "Reason", &input.reason)?;
    let id = Id::at(now);
    tx.prepare_cached(
        "INSERT INTO rota_absences (id, person_id, starts_on, ends_on, reason, created_at, updated_at)
         VALUES (:id, :person, :from, :to, :reason, :now, :now)",
    )?
    .execute(named_params! {
        ":id": id, ":person": input.person_id, ":from": input.starts_on, ":to": input.ends_on,
        ":reason": reason, ":now": now,
    })?;
    get_absence(tx, id)
}

/// The absences of `team`'s people that reach `from` or later, earliest first.
pub fn absences(conn: &Connection, team: Id, from: NaiveDate) -> Result<Vec<Absence>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{ABSENCE_SELECT}
         WHERE p.team_id = ?1 AND p.deleted_at IS NULL AND a.deleted_at IS NULL AND a.ends_on >= ?2
         ORDER BY a.starts_on, p.name COLLATE NOCASE"
    ))?;
    let found = stmt
        .query_map(rusqlite::params![team, from], absence_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(found)
}

// ---------------------------------------------------------------------------------------------
// The rota

/// Plans `input.weeks` weeks of the team's rota from the week holding `input.starts_on`,
/// replacing the plan of those weeks; weeks whose shift is recorded keep their person, and
/// count toward their turns. Nothing is written when some week has nobody available.
pub fn plan(tx: &Transaction<'_>, input: &PlanInput, now: DateTime<Utc>) -> Result<Rota> {
    let team_name = require_live(tx, EntityKind::Team, input.team_id, "teamId")?;
    let count = weeks_in_range(input.weeks)?;
    let people = team_people(tx, input.team_id)?;
    if people.is_empty() {
        return Err(Error::validation(
            "teamId",
            format!("{team_name} has nobody to put on support yet: add its people first."),
        ));
    }
    let weeks = plan::weeks_from(input.starts_on, count);
    let first = weeks[0];
    let last = weeks[weeks.len() - 1];
    let candidates = candidates(tx, input.team_id, &people, first)?;
    let fixed = recorded(tx, input.team_id, first, last)?;
    let chosen = plan::assign(&candidates, &weeks, &fixed).map_err(|week| {
        Error::validation(
            "weeks",
            format!(
                "Nobody in {team_name} is available in the week of {} ({week}): everyone is \
                 away. Shorten an absence, add someone to the team, or plan fewer weeks.",
                week.format("%-d %B %Y")
            ),
        )
    })?;
    let mut upsert = tx.prepare_cached(
        "INSERT INTO support_weeks (id, team_id, week_of, planned_person_id, created_at, updated_at)
         VALUES (:id, :team, :week, :person, :now, :now)
         ON CONFLICT (team_id, week_of) DO UPDATE SET planned_person_id = excluded.planned_person_id,
             deleted_at = NULL, updated_at = excluded.updated_at
         WHERE planned_person_id IS NOT excluded.planned_person_id OR deleted_at IS NOT NULL",
    )?;
    for (week, person) in weeks.iter().zip(chosen) {
        upsert.execute(named_params! {
            ":id": Id::at(now), ":team": input.team_id, ":week": week, ":person": person,
            ":now": now,
        })?;
    }
    view(tx, input.team_id, first, count)
}

/// The planner's view of the team's people: their absences and their last turn before `first`.
fn candidates(
    conn: &Connection,
    team: Id,
    people: &[Named],
    first: NaiveDate,
) -> Result<Vec<plan::Candidate>> {
    let mut away: HashMap<Id, Vec<(NaiveDate, NaiveDate)>> = HashMap::new();
    for absence in absences(conn, team, first)? {
        away.entry(absence.person_id)
            .or_default()
            .push((absence.starts_on, absence.ends_on));
    }
    let mut last_turn = conn.prepare_cached(
        "SELECT max(week_of) FROM support_weeks
         WHERE team_id = ?1 AND week_of < ?2 AND deleted_at IS NULL
           AND coalesce(done_by_person_id, planned_person_id) = ?3",
    )?;
    people
        .iter()
        .map(|person| {
            Ok(plan::Candidate {
                id: person.id,
                last_turn: last_turn
                    .query_row(rusqlite::params![team, first, person.id], |r| r.get(0))?,
                away: away.remove(&person.id).unwrap_or_default(),
            })
        })
        .collect()
}

/// The recorded shifts of the team between two Mondays.
fn recorded(
    conn: &Connection,
    team: Id,
    first: NaiveDate,
    last: NaiveDate,
) -> Result<Vec<plan::Fixed>> {
    let mut stmt = conn.prepare_cached(
        "SELECT week_of, done_by_person_id FROM support_weeks
         WHERE team_id = ?1 AND week_of BETWEEN ?2 AND ?3 AND deleted_at IS NULL
           AND done_by_person_id IS NOT NULL",
    )?;
    let fixed = stmt
        .query_map(rusqlite::params![team, first, last], |r| {
            Ok(plan::Fixed {
                week_of: r.get(0)?,
                person: r.get(1)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(fixed)
}

/// Records who did the support of a week of the team's rota.
pub fn record_shift(
    tx: &Transaction<'_>,
    input: &ShiftInput,
    now: DateTime<Utc>,
) -> Result<SupportWeek> {
    let team_name = require_live(tx, EntityKind::Team, input.team_id, "teamId")?;
    let person = require_live(tx, EntityKind::Person, input.person_id, "personId")?;
    let in_team: bool = tx
        .prepare_cached("SELECT team_id = ?2 FROM people WHERE id = ?1")?
        .query_row(rusqlite::params![input.person_id, input.team_id], |r| {
            r.get(0)
        })?;
    if !in_team {
        return Err(Error::validation(
            "personId",
            format!("{person} is not in {team_name}; a team's rota is carried by its own people."),
        ));
    }
    let week = plan::monday_of(input.week_of);
    tx.prepare_cached(
        "INSERT INTO support_weeks (id, team_id, week_of, done_by_person_id, created_at, updated_at)
         VALUES (:id, :team, :week, :person, :now, :now)
         ON CONFLICT (team_id, week_of) DO UPDATE SET done_by_person_id = excluded.done_by_person_id,
             deleted_at = NULL, updated_at = excluded.updated_at",
    )?
    .execute(named_params! {
        ":id": Id::at(now), ":team": input.team_id, ":week": week, ":person": input.person_id,
        ":now": now,
    })?;
    let rota = view(tx, input.team_id, week, 1)?;
    Ok(rota.weeks.into_iter().next().expect("one week"))
}

/// The team's rota for `weeks` weeks from the week holding `from`.
pub fn view(conn: &Connection, team: Id, from: NaiveDate, weeks: u32) -> Result<Rota> {
    let team_name = require_live(conn, EntityKind::Team, team, "teamId")?;
    let count = weeks_in_range(weeks)?;
    let mondays = plan::weeks_from(from, count);
    let first = mondays[0];
    let last = mondays[mondays.len() - 1];
    let people = team_people(conn, team)?;
    let absences = absences(conn, team, first)?;
    let mut stored: HashMap<NaiveDate, (Id, Option<Id>, Option<Id>)> = HashMap::new();
    {
        let mut stmt = conn.prepare_cached(
            "SELECT week_of, id, planned_person_id, done_by_person_id FROM support_weeks
             WHERE team_id = ?1 AND week_of BETWEEN ?2 AND ?3 AND deleted_at IS NULL",
        )?;
        let mut rows = stmt.query(rusqlite::params![team, first, last])?;
        while let Some(r) = rows.next()? {
            stored.insert(r.get(0)?, (r.get(1)?, r.get(2)?, r.get(3)?));
        }
    }
    let mut turns: HashMap<Id, u32> = HashMap::new();
    let mut out = Vec::with_capacity(mondays.len());
    for monday in mondays {
        let friday = monday + Days::new(4);
        let away = absences
            .iter()
            .filter(|a| a.starts_on <= friday && a.ends_on >= monday)
            .map(|a| a.person_name.clone())
            .fold(Vec::<String>::new(), |mut names, name| {
                if !names.contains(&name) {
                    names.push(name);
                }
                names
            });
        let (id, planned, done_by) = match stored.get(&monday) {
            Some(&(id, planned, done_by)) => {
                (Some(id), named(conn, planned)?, named(conn, done_by)?)
            }
            None => (None, None, None),
        };
        if let Some(carrier) = done_by.as_ref().or(planned.as_ref()) {
            *turns.entry(carrier.id).or_default() += 1;
        }
        out.push(SupportWeek {
            id,
            week_of: monday,
            planned,
            done_by,
            away,
        });
    }
    let people = people
        .into_iter()
        .map(|person| Turns {
            weeks: turns.get(&person.id).copied().unwrap_or(0),
            person,
        })
        .collect();
    Ok(Rota {
        team_id: team,
        team_name,
        weeks: out,
        absences,
        people,
    })
}

// ---------------------------------------------------------------------------------------------
// Support conversations

const CONVERSATION_SELECT: &str = "SELECT s.id, s.person_id, p.name, s.held_on, s.customer_id,
        c.name, s.product_id, pr.name, s.note
    FROM support_conversations s
    JOIN people p ON p.id = s.person_id
    LEFT JOIN customers c ON c.id = s.customer_id AND c.deleted_at IS NULL
    LEFT JOIN products pr ON pr.id = s.product_id AND pr.deleted_at IS NULL";

fn conversation_from_row(row: &Row<'_>) -> rusqlite::Result<SupportConversation> {
    Ok(SupportConversation {
        id: row.get(0)?,
        person_id: row.get(1)?,
        person_name: row.get(2)?,
        held_on: row.get(3)?,
        customer_id: row.get(4)?,
        customer_name: row.get(5)?,
        product_id: row.get(6)?,
        product_name: row.get(7)?,
        note: row.get(8)?,
    })
}

pub fn get_conversation(conn: &Connection, id: Id) -> Result<SupportConversation> {
    let mut stmt = conn.prepare_cached(&format!(
        "{CONVERSATION_SELECT} WHERE s.id = ?1 AND s.deleted_at IS NULL"
    ))?;
    live(
        stmt.query_row([id], conversation_from_row),
        "support conversation",
        id,
    )
}

/// Logs a support conversation.
pub fn add_conversation(
    tx: &Transaction<'_>,
    input: &ConversationInput,
    now: DateTime<Utc>,
) -> Result<SupportConversation> {
    require_live(tx, EntityKind::Person, input.person_id, "personId")?;
    if let Some(customer) = input.customer_id {
        require_live(tx, EntityKind::Customer, customer, "customerId")?;
    }
    if let Some(product) = input.product_id {
        require_live(tx, EntityKind::Product, product, "productId")?;
    }
    let note = input.note.trim();
    if note.is_empty() {
        return Err(Error::validation(
            "note",
            "Say what the conversation was about: the note is empty.",
        ));
    }
    let length = note.chars().count();
    if length > NOTE_MAX {
        return Err(Error::validation(
            "note",
            format!("The note is {length} characters long; the limit is {NOTE_MAX}."),
        ));
    }
    let id = Id::at(now);
    tx.prepare_cached(
        "INSERT INTO support_conversations
             (id, person_id, held_on, customer_id, product_id, note, created_at, updated_at)
         VALUES (:id, :person, :day, :customer, :product, :note, :now, :now)",
    )?
    .execute(named_params! {
        ":id": id, ":person": input.person_id,
        ":day": input.held_on.unwrap_or_else(|| now.date_naive()),
        ":customer": input.customer_id, ":product": input.product_id, ":note": note,
        ":now": now,
    })?;
    get_conversation(tx, id)
}

/// The latest `limit` support conversations of `team`'s people (of everyone when `None`),
/// newest first.
pub fn conversations(
    conn: &Connection,
    team: Option<Id>,
    limit: u32,
) -> Result<Vec<SupportConversation>> {
    let sql = match team {
        Some(_) => format!(
            "{CONVERSATION_SELECT} WHERE s.deleted_at IS NULL AND p.team_id = ?1
             ORDER BY s.held_on DESC, s.id DESC LIMIT ?2"
        ),
        None => format!(
            "{CONVERSATION_SELECT} WHERE s.deleted_at IS NULL AND ?1 IS NULL
             ORDER BY s.held_on DESC, s.id DESC LIMIT ?2"
        ),
    };
    let found = conn
        .prepare_cached(&sql)?
        .query_map(
            rusqlite::params![team, limit.min(200)],
            conversation_from_row,
        )?
        .collect::<rusqlite::Result<_>>()?;
    Ok(found)
}
