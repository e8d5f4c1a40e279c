//! Kudos: recognition from a person to a person or a whole team, for something they did,
//! optionally tied to the commitment, pain point or customer it was for, and of a kind
//! (usability, support, migration help, documentation, a hard technical problem, other) so the
//! team can see what it thanks people for ([`celebrated`]). Kudos go to the Trash like any
//! record; a giver or receiver destroyed later leaves the kudos standing without the name.

pub mod celebrated;

use crate::entity::EntityKind;
use crate::error::{Error, Result};
use crate::id::Id;
use crate::page::{Page, PageRequest};
use crate::store::{live, require_live};
use crate::text;
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, Row, Transaction, named_params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The longest kudos message, in characters: a thank-you, not an essay.
pub const MESSAGE_MAX: usize = 2_000;

text::vocabulary! {
    /// What kind of work a kudos thanks.
    KudosKind, field = "kind", label = "Kind" {
        Usability = "usability", "Usability";
        Support = "support", "Support";
        MigrationHelp = "migrationHelp", "Migration help";
        Documentation = "documentation", "Documentation";
        HardProblem = "hardProblem", "Hard technical problem";
        Other = "other", "Other";
    }
}

impl Default for KudosKind {
    /// Kudos given without a kind, and every kudos given before kinds existed.
    fn default() -> Self {
        KudosKind::Other
    }
}

/// How the Trash and messages name a kudos: who it went to and the start of what for.
pub(crate) const NAME_SQL: &str = "'to ' || coalesce(\
    (SELECT name FROM people WHERE people.id = kudos.to_person_id), \
    (SELECT name FROM teams WHERE teams.id = kudos.to_team_id), 'someone') \
    || ': ' || substr(message, 1, 60)";

/// A kudos as shown on a wall: names resolved, links kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Kudos {
    pub id: Id,
    pub from_person_id: Option<Id>,
    /// The giver's name; `None` once the person was destroyed.
    pub from_name: Option<String>,
    pub to_person_id: Option<Id>,
    pub to_team_id: Option<Id>,
    /// The person's or the team's name; `None` once it was destroyed.
    pub to_name: Option<String>,
    pub message: String,
    pub given_on: NaiveDate,
    pub pain_point_id: Option<Id>,
    pub customer_id: Option<Id>,
    /// The workshop whose decision gave it, if any.
    pub workshop_id: Option<Id>,
    pub created_at: DateTime<Utc>,
    pub kind: KudosKind,
    /// The commitment it thanks work on, if any.
    pub commitment_id: Option<Id>,
    /// That commitment's title; `None` when there is none or it is in the Trash.
    pub commitment_title: Option<String>,
}

/// Kudos to give: from a person, to a person or (with `to_team_id`) the whole team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct KudosInput {
    pub from_person_id: Id,
    #[serde(default)]
    pub to_person_id: Option<Id>,
    #[serde(default)]
    pub to_team_id: Option<Id>,
    pub message: String,
    /// The day it is for; today when not given.
    #[serde(default)]
    pub given_on: Option<NaiveDate>,
    #[serde(default)]
    pub pain_point_id: Option<Id>,
    #[serde(default)]
    pub customer_id: Option<Id>,
    /// `other` when not given.
    #[serde(default)]
    pub kind: KudosKind,
    #[serde(default)]
    pub commitment_id: Option<Id>,
}

/// Which kudos to list: all of them, those a person received, or those to a team; of any kind
/// or of one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct KudosFilter {
    #[serde(default)]
    pub to_person_id: Option<Id>,
    #[serde(default)]
    pub to_team_id: Option<Id>,
    #[serde(default)]
    pub kind: Option<KudosKind>,
}

impl KudosInput {
    fn validated(&self, conn: &Connection) -> Result<KudosInput> {
        let message = self.message.trim();
        if message.is_empty() {
            return Err(Error::validation(
                "message",
                "Say what the kudos is for: the message is empty.",
            ));
        }
        let length = message.chars().count();
        if length > MESSAGE_MAX {
            return Err(Error::validation(
                "message",
                format!("The message is {length} characters long; the limit is {MESSAGE_MAX}."),
            ));
        }
        require_live(
            conn,
            EntityKind::Person,
            self.from_person_id,
            "fromPersonId",
        )?;
        match (self.to_person_id, self.to_team_id) {
            (Some(person), None) => {
                require_live(conn, EntityKind::Person, person, "toPersonId")?;
            }
            (None, Some(team)) => {
                require_live(conn, EntityKind::Team, team, "toTeamId")?;
            }
            (None, None) => {
                return Err(Error::validation(
                    "toPersonId",
                    "Choose who the kudos is for: a person or the whole team.",
                ));
            }
            (Some(_), Some(_)) => {
                return Err(Error::validation(
                    "toTeamId",
                    "Kudos go to one person or to a whole team, not both.",
                ));
            }
        }
        if let Some(pain_point) = self.pain_point_id {
            require_live(conn, EntityKind::PainPoint, pain_point, "painPointId")?;
        }
        if let Some(customer) = self.customer_id {
            require_live(conn, EntityKind::Customer, customer, "customerId")?;
        }
        if let Some(commitment) = self.commitment_id {
            require_live(conn, EntityKind::Commitment, commitment, "commitmentId")?;
        }
        Ok(KudosInput {
            message: message.to_owned(),
            ..self.clone()
        })
    }
}

const SELECT: &str = "SELECT k.id, k.from_person_id, f.name, k.to_person_id, k.to_team_id,
        coalesce(tp.name, tt.name), k.message, k.given_on, k.pain_point_id, k.customer_id,
        k.created_at, k.workshop_id, k.kind, k.commitment_id, c.title
    FROM kudos k
    LEFT JOIN people f ON f.id = k.from_person_id
    LEFT JOIN people tp ON tp.id = k.to_person_id
    LEFT JOIN teams tt ON tt.id = k.to_team_id
    LEFT JOIN commitments c ON c.id = k.commitment_id AND c.deleted_at IS NULL";

fn from_row(row: &Row<'_>) -> rusqlite::Result<Kudos> {
    Ok(Kudos {
        id: row.get(0)?,
        from_person_id: row.get(1)?,
        from_name: row.get(2)?,
        to_person_id: row.get(3)?,
        to_team_id: row.get(4)?,
        to_name: row.get(5)?,
        message: row.get(6)?,
        given_on: row.get(7)?,
        pain_point_id: row.get(8)?,
        customer_id: row.get(9)?,
        created_at: row.get(10)?,
        workshop_id: row.get(11)?,
        kind: row.get(12)?,
        commitment_id: row.get(13)?,
        commitment_title: row.get(14)?,
    })
}

/// One kudos that is not in the Trash.
pub fn get(conn: &Connection, id: Id) -> Result<Kudos> {
    let mut stmt = conn.prepare_cached(&format!(
        "{SELECT} WHERE k.id = ?1 AND k.deleted_at IS NULL"
    ))?;
    live(stmt.query_row([id], from_row), "kudos", id)
}

/// Gives kudos, dated `given_on` or today.
pub fn create(tx: &Transaction<'_>, input: &KudosInput, now: DateTime<Utc>) -> Result<Kudos> {
    let input = input.validated(tx)?;
    let id = Id::at(now);
    tx.prepare_cached(
        "INSERT INTO kudos (id, from_person_id, to_person_id, to_team_id, message, given_on,
            pain_point_id, customer_id, kind, commitment_id, created_at, updated_at)
         VALUES (:id, :from, :to_person, :to_team, :message, :given_on, :pain_point, :customer,
            :kind, :commitment, :now, :now)",
    )?
    .execute(named_params! {
        ":id": id, ":from": input.from_person_id, ":to_person": input.to_person_id,
        ":to_team": input.to_team_id, ":message": input.message,
        ":given_on": input.given_on.unwrap_or(now.date_naive()),
        ":pain_point": input.pain_point_id, ":customer": input.customer_id,
        ":kind": input.kind, ":commitment": input.commitment_id, ":now": now,
    })?;
    get(tx, id)
}

/// Kudos not in the Trash, newest first, one page at a time.
pub fn list(conn: &Connection, filter: &KudosFilter, page: PageRequest) -> Result<Page<Kudos>> {
    let (recipient, value) = match (filter.to_person_id, filter.to_team_id) {
        (Some(person), _) => ("k.to_person_id = ?1", Some(person)),
        (None, Some(team)) => ("k.to_team_id = ?1", Some(team)),
        (None, None) => ("?1 IS NULL", None),
    };
    // One kind narrows through its own index; any kind leaves the condition out, so the
    // recipient's (or the date's) index serves.
    let kind = if filter.kind.is_some() {
        "k.kind = ?4"
    } else {
        "?4 IS NULL"
    };
    let condition = format!("{recipient} AND {kind}");
    let limit = page.limit();
    let items = conn
        .prepare_cached(&format!(
            "{SELECT} WHERE k.deleted_at IS NULL AND {condition}
             ORDER BY k.given_on DESC, k.id DESC LIMIT ?2 OFFSET ?3"
        ))?
        .query_map((value, limit, page.offset, filter.kind), from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let total = conn
        .prepare_cached(&format!(
            "SELECT count(*) FROM kudos k WHERE k.deleted_at IS NULL AND {}",
            condition.replace("?4", "?2")
        ))?
        .query_row((value, filter.kind), |r| r.get(0))?;
    Ok(Page {
        items,
        total,
        offset: page.offset,
        limit,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::assert_walks_index;

    #[test]
    fn the_wall_reads_one_page_through_its_index() {
        assert_walks_index(
            &format!(
                "{SELECT} WHERE k.deleted_at IS NULL AND ?1 IS NULL
                 ORDER BY k.given_on DESC, k.id DESC LIMIT 50"
            ),
            [Option::<String>::None],
            "kudos_by_date",
        );
        assert_walks_index(
            &format!(
                "{SELECT} WHERE k.deleted_at IS NULL AND k.to_person_id = ?1
                 ORDER BY k.given_on DESC, k.id DESC LIMIT 50"
            ),
            ["x"],
            "kudos_to_person",
        );
        assert_walks_index(
            &format!(
                "{SELECT} WHERE k.deleted_at IS NULL AND ?1 IS NULL AND k.kind = ?2
                 ORDER BY k.given_on DESC, k.id DESC LIMIT 50"
            ),
            [Option::<String>::None, Some("support".into())],
            "kudos_by_kind",
        );
    }
}
