//! Commitments: what a team commits to for a quarter, owned by a person on the team, linked to
//! the pain points it addresses and the goal it should move. Progress is reported in check-ins
//! ([`check_ins`]); the status is derived from them by one function ([`status::derive`]);
//! what the team decides — done, dropped with a reason, carried over when a quarter closes — is
//! recorded with who and when ([`decisions`]). Nothing is ever deleted by a decision: a
//! commitment carried over stays in its quarter, and its successor names it.

pub mod board;
pub mod check_ins;
pub mod decisions;
pub mod status;

use crate::entity::EntityKind;
use crate::error::{Error, Result};
use crate::id::Id;
use crate::quarter::{Quarter, QuarterSpan};
use crate::settings;
use crate::store::{live, require_live};
use crate::text;
use crate::themes::Tag;
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension, Row, Transaction, named_params};
use serde::{Deserialize, Serialize};
pub use status::{CommitmentState, CommitmentStatus, Derived};
use std::collections::HashMap;
use ts_rs::TS;

/// The most pain points one commitment links: more is a theme, not a commitment.
pub const PAIN_POINTS_MAX: usize = 50;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Commitment {
    pub id: Id,
    pub title: String,
    pub team_id: Option<Id>,
    /// `None` only once the owner was destroyed from the Trash.
    pub owner_id: Option<Id>,
    pub owner_name: Option<String>,
    pub goal_id: Option<Id>,
    pub quarter: QuarterSpan,
    /// The quarter as typed: "2026-Q3".
    pub quarter_code: String,
    pub state: CommitmentState,
    /// Derived from the state and the latest check-in, with the reasons in plain words.
    pub status: Derived,
    /// From the latest check-in, if any.
    pub progress: Option<u8>,
    pub confidence: Option<u8>,
    pub last_check_in_on: Option<NaiveDate>,
    pub pain_points: Vec<Tag>,
    pub carried_from: Option<Id>,
    pub action_item_id: Option<Id>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CommitmentInput {
    pub title: String,
    /// Required: a commitment without an owner is a wish.
    #[serde(default)]
    pub owner_id: Option<Id>,
    /// As typed: "2026-Q3".
    pub quarter: String,
    #[serde(default)]
    pub goal_id: Option<Id>,
    #[serde(default)]
    pub pain_point_ids: Vec<Id>,
}

/// An input that passed every rule, with what it resolved to.
struct Valid {
    title: String,
    owner: Id,
    team: Id,
    quarter: Quarter,
    goal: Option<Id>,
    pain_points: Vec<Id>,
}

impl CommitmentInput {
    fn validated(&self, conn: &Connection) -> Result<Valid> {
        let title = text::required_name("title", "Title", &self.title)?;
        let owner = self.owner_id.ok_or_else(|| {
            Error::validation(
                "ownerId",
                "A commitment needs an owner: pick the person on the team who carries it.",
            )
        })?;
        require_live(conn, EntityKind::Person, owner, "ownerId")?;
        let team: Id = conn
            .prepare_cached("SELECT team_id FROM people WHERE id = ?1")?
            .query_row([owner], |r| r.get(0))?;
        let quarter = Quarter::parse(&self.quarter, settings::fiscal_year_start(conn)?, "quarter")?;
        let goal = self.goal_id;
        if let Some(goal) = goal {
            require_goal(conn, goal)?;
        }
        if self.pain_point_ids.len() > PAIN_POINTS_MAX {
            return Err(Error::validation(
                "painPointIds",
                format!(
                    "{} pain points is too many for one commitment; link at most {PAIN_POINTS_MAX}.",
                    self.pain_point_ids.len()
                ),
            ));
        }
        let mut pain_points = Vec::new();
        for &pain_point in &self.pain_point_ids {
            require_live(conn, EntityKind::PainPoint, pain_point, "painPointIds")?;
            if !pain_points.contains(&pain_point) {
                pain_points.push(pain_point);
            }
        }
        Ok(Valid {
            title,
            owner,
            team,
            quarter,
            goal,
            pain_points,
        })
    }
}

/// A goal a commitment aims at must exist and be out of the Trash.
fn require_goal(conn: &Connection, goal: Id) -> Result<()> {
    let found: Option<(String, bool)> = conn
        .prepare_cached("SELECT title, deleted_at IS NOT NULL FROM goals WHERE id = ?1")?
        .query_row([goal], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    match found {
        None => Err(Error::validation(
            "goalId",
            format!("There is no goal with id {goal}."),
        )),
        Some((title, true)) => Err(Error::validation(
            "goalId",
            format!("The goal “{title}” is in the Trash; restore it first or choose another."),
        )),
        Some(_) => Ok(()),
    }
}

const SELECT: &str = "SELECT c.id, c.title, c.team_id, c.owner_id, o.name, c.goal_id,
        c.quarter_starts_on, c.quarter_ends_on, c.state, c.carried_from, c.action_item_id,
        c.created_at, c.updated_at,
        k.checked_on, k.progress, k.confidence
    FROM commitments c
    LEFT JOIN people o ON o.id = c.owner_id
    LEFT JOIN check_ins k ON k.rowid = (
        SELECT rowid FROM check_ins WHERE commitment_id = c.id
        ORDER BY checked_on DESC, created_at DESC LIMIT 1)";

/// A row before its status and pain points are filled in.
struct Stored {
    commitment: Commitment,
    starts_on: NaiveDate,
    ends_on: NaiveDate,
    latest: Option<status::Latest>,
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<Stored> {
    let starts_on: NaiveDate = row.get(6)?;
    let ends_on: NaiveDate = row.get(7)?;
    let checked_on: Option<NaiveDate> = row.get(13)?;
    let progress: Option<u8> = row.get(14)?;
    let confidence: Option<u8> = row.get(15)?;
    let latest = match (checked_on, progress, confidence) {
        (Some(checked_on), Some(progress), Some(confidence)) => Some(status::Latest {
            checked_on,
            progress,
            confidence,
        }),
        _ => None,
    };
    let quarter = Quarter::containing(starts_on, crate::quarter::FiscalYearStart::CALENDAR);
    Ok(Stored {
        commitment: Commitment {
            id: row.get(0)?,
            title: row.get(1)?,
            team_id: row.get(2)?,
            owner_id: row.get(3)?,
            owner_name: row.get(4)?,
            goal_id: row.get(5)?,
            quarter: quarter.into(),
            quarter_code: quarter.key(),
            state: row.get(8)?,
            status: Derived {
                status: CommitmentStatus::OnTrack,
                reasons: Vec::new(),
            },
            progress,
            confidence,
            last_check_in_on: checked_on,
            pain_points: Vec::new(),
            carried_from: row.get(9)?,
            action_item_id: row.get(10)?,
            created_at: row.get(11)?,
            updated_at: row.get(12)?,
        },
        starts_on,
        ends_on,
        latest,
    })
}

/// Fills in what a stored row does not hold: the quarter as this workspace counts them, the
/// derived status on `today`, and the linked pain points, read for all the rows in one
/// statement (a board reads hundreds).
fn finish(conn: &Connection, rows: Vec<Stored>, today: NaiveDate) -> Result<Vec<Commitment>> {
    let start = settings::fiscal_year_start(conn)?;
    // The ids as a JSON array for `json_each`: ids are UUIDs, which need no escaping.
    let ids = format!(
        "[{}]",
        rows.iter()
            .map(|r| format!("\"{}\"", r.commitment.id))
            .collect::<Vec<_>>()
            .join(",")
    );
    let mut links: HashMap<Id, Vec<Tag>> = HashMap::new();
    let mut linked = conn.prepare_cached(
        "SELECT l.commitment_id, p.id, p.title FROM json_each(?1) j
         JOIN commitment_pain_points l ON l.commitment_id = j.value
         JOIN pain_points p ON p.id = l.pain_point_id
         WHERE p.deleted_at IS NULL ORDER BY p.title, p.id",
    )?;
    for row in linked.query_map([ids], |r| {
        Ok((
            r.get::<_, Id>(0)?,
            Tag {
                id: r.get(1)?,
                name: r.get(2)?,
            },
        ))
    })? {
        let (commitment, tag) = row?;
        links.entry(commitment).or_default().push(tag);
    }
    let mut done = Vec::with_capacity(rows.len());
    for stored in rows {
        let mut c = stored.commitment;
        let quarter = Quarter::containing(stored.starts_on, start);
        c.quarter = quarter.into();
        c.quarter_code = quarter.key();
        c.status = status::derive(
            &status::Facts {
                state: c.state,
                quarter_starts_on: stored.starts_on,
                quarter_ends_on: stored.ends_on,
                created_on: c.created_at.date_naive(),
                latest: stored.latest,
            },
            today,
        );
        c.pain_points = links.remove(&c.id).unwrap_or_default();
        done.push(c);
    }
    Ok(done)
}

/// Reads commitments by a `WHERE …` over `c` (and what follows it), finished for `today`.
fn read(
    conn: &Connection,
    condition: &str,
    params: impl rusqlite::Params,
    today: NaiveDate,
) -> Result<Vec<Commitment>> {
    let rows = conn
        .prepare_cached(&format!("{SELECT} {condition}"))?
        .query_map(params, from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    finish(conn, rows, today)
}

/// One commitment that is not in the Trash, its status as of `today`.
pub fn get(conn: &Connection, id: Id, today: NaiveDate) -> Result<Commitment> {
    let mut found = read(
        conn,
        "WHERE c.id = ?1 AND c.deleted_at IS NULL",
        [id],
        today,
    )?;
    live(
        found.pop().ok_or(rusqlite::Error::QueryReturnedNoRows),
        "commitment",
        id,
    )
}

fn link_pain_points(tx: &Transaction<'_>, id: Id, pain_points: &[Id]) -> Result<()> {
    tx.prepare_cached("DELETE FROM commitment_pain_points WHERE commitment_id = ?1")?
        .execute([id])?;
    let mut insert = tx.prepare_cached(
        "INSERT INTO commitment_pain_points (commitment_id, pain_point_id) VALUES (?1, ?2)",
    )?;
    for pain_point in pain_points {
        insert.execute((id, pain_point))?;
    }
    Ok(())
}

/// What a new commitment is made of, once valid, so decisions can make one too.
pub(crate) struct NewCommitment<'a> {
    pub title: &'a str,
    pub team: Option<Id>,
    pub owner: Option<Id>,
    pub goal: Option<Id>,
    pub quarter: Quarter,
    pub pain_points: &'a [Id],
    pub carried_from: Option<Id>,
    pub action_item: Option<Id>,
}

pub(crate) fn insert(
    tx: &Transaction<'_>,
    new: &NewCommitment<'_>,
    now: DateTime<Utc>,
) -> Result<Id> {
    let id = Id::at(now);
    tx.prepare_cached(
        "INSERT INTO commitments (id, title, team_id, owner_id, goal_id, quarter_starts_on,
            quarter_ends_on, state, carried_from, action_item_id, created_at, updated_at)
         VALUES (:id, :title, :team, :owner, :goal, :starts, :ends, 'open', :from, :item,
            :now, :now)",
    )?
    .execute(named_params! {
        ":id": id, ":title": new.title, ":team": new.team, ":owner": new.owner,
        ":goal": new.goal, ":starts": new.quarter.first_day(), ":ends": new.quarter.last_day(),
        ":from": new.carried_from, ":item": new.action_item, ":now": now,
    })?;
    link_pain_points(tx, id, new.pain_points)?;
    Ok(id)
}

/// Records a new, open commitment.
pub fn create(
    tx: &Transaction<'_>,
    input: &CommitmentInput,
    now: DateTime<Utc>,
) -> Result<Commitment> {
    let valid = input.validated(tx)?;
    let id = insert(
        tx,
        &NewCommitment {
            title: &valid.title,
            team: Some(valid.team),
            owner: Some(valid.owner),
            goal: valid.goal,
            quarter: valid.quarter,
            pain_points: &valid.pain_points,
            carried_from: None,
            action_item: None,
        },
        now,
    )?;
    get(tx, id, now.date_naive())
}

/// Changes what a commitment is: its title, owner, quarter, goal and pain points. Only an open
/// commitment may move to another quarter; a decided one stays where it was decided.
pub fn update(
    tx: &Transaction<'_>,
    id: Id,
    input: &CommitmentInput,
    now: DateTime<Utc>,
) -> Result<Commitment> {
    let current = get(tx, id, now.date_naive())?;
    let valid = input.validated(tx)?;
    if current.state != CommitmentState::Open
        && valid.quarter.first_day() != current.quarter.first_day
    {
        return Err(Error::validation(
            "quarter",
            format!(
                "This commitment is {}; only an open commitment moves to another quarter.",
                current.state.label().to_lowercase()
            ),
        ));
    }
    tx.prepare_cached(
        "UPDATE commitments SET title = :title, team_id = :team, owner_id = :owner,
            goal_id = :goal, quarter_starts_on = :starts, quarter_ends_on = :ends,
            updated_at = :now
         WHERE id = :id",
    )?
    .execute(named_params! {
        ":id": id, ":title": valid.title, ":team": valid.team, ":owner": valid.owner,
        ":goal": valid.goal, ":starts": valid.quarter.first_day(),
        ":ends": valid.quarter.last_day(), ":now": now,
    })?;
    link_pain_points(tx, id, &valid.pain_points)?;
    get(tx, id, now.date_naive())
}

/// The commitments aimed at a goal, newest quarter first.
pub fn for_goal(conn: &Connection, goal: Id, today: NaiveDate) -> Result<Vec<Commitment>> {
    read(
        conn,
        "WHERE c.goal_id = ?1 AND c.deleted_at IS NULL
         ORDER BY c.quarter_starts_on DESC, c.title, c.id LIMIT 200",
        [goal],
        today,
    )
}
