//! The views of a quarter's commitments: the board by status (with the rules in plain words),
//! what each owner carries, and one commitment's page with its check-ins and decisions.

use super::check_ins::{self, CheckIn};
use super::decisions::{self, Decision};
use super::status::{CommitmentStatus, RULES};
use super::{Commitment, get, read};
use crate::error::Result;
use crate::id::Id;
use crate::quarter::{Quarter, QuarterSpan};
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

/// The most commitments the board of one quarter shows; the count says how many there are.
pub const BOARD_MAX: usize = 400;

/// The order of the board's columns.
pub const COLUMNS: &[CommitmentStatus] = &[
    CommitmentStatus::AtRisk,
    CommitmentStatus::OffTrack,
    CommitmentStatus::OnTrack,
    CommitmentStatus::Done,
    CommitmentStatus::CarriedOver,
    CommitmentStatus::Dropped,
];

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, rename = "CommitmentColumn")]
pub struct BoardColumn {
    pub status: CommitmentStatus,
    pub label: String,
    pub commitments: Vec<Commitment>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, rename = "CommitmentBoard")]
pub struct Board {
    pub quarter: QuarterSpan,
    pub quarter_code: String,
    /// The quarters either side, as typed, for stepping through them.
    pub previous_code: String,
    pub next_code: String,
    pub columns: Vec<BoardColumn>,
    /// How many commitments the quarter holds; the columns show at most [`BOARD_MAX`].
    pub total: u32,
    /// How the status is derived, in plain words.
    pub rules: Vec<String>,
}

/// What one owner carries in a quarter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct OwnerLoad {
    pub owner_id: Option<Id>,
    /// `None` once the owner was destroyed from the Trash.
    pub owner_name: Option<String>,
    /// Commitments still open (on track, at risk or off track).
    pub open: u32,
    pub at_risk: u32,
    pub commitments: Vec<Commitment>,
}

/// A commitment with its story.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CommitmentPage {
    pub commitment: Commitment,
    pub check_ins: Vec<CheckIn>,
    pub decisions: Vec<Decision>,
    /// The commitment that carries this one on in a later quarter, if it was carried over.
    pub carried_into: Option<Id>,
    pub rules: Vec<String>,
}

/// A quarter's commitments, its status as of `today`, title order.
pub fn in_quarter(
    conn: &Connection,
    quarter: Quarter,
    today: NaiveDate,
) -> Result<Vec<Commitment>> {
    read(
        conn,
        &format!(
            "WHERE c.quarter_starts_on BETWEEN ?1 AND ?2 AND c.deleted_at IS NULL
             ORDER BY c.title, c.id LIMIT {BOARD_MAX}"
        ),
        (quarter.first_day(), quarter.last_day()),
        today,
    )
}

fn count_in_quarter(conn: &Connection, quarter: Quarter) -> Result<u32> {
    Ok(conn
        .prepare_cached(
            "SELECT count(*) FROM commitments
             WHERE quarter_starts_on BETWEEN ?1 AND ?2 AND deleted_at IS NULL",
        )?
        .query_row((quarter.first_day(), quarter.last_day()), |r| r.get(0))?)
}

/// The board of a quarter: its commitments by derived status, as of `today`.
pub fn board(conn: &Connection, quarter: Quarter, today: NaiveDate) -> Result<Board> {
    let mut all = in_quarter(conn, quarter, today)?;
    let columns = COLUMNS
        .iter()
        .map(|&status| {
            let (these, rest): (Vec<_>, Vec<_>) = std::mem::take(&mut all)
                .into_iter()
                .partition(|c| c.status.status == status);
            all = rest;
            BoardColumn {
                status,
                label: status.label().to_owned(),
                commitments: these,
            }
        })
        .collect();
    Ok(Board {
        quarter: quarter.into(),
        quarter_code: quarter.key(),
        previous_code: quarter.previous().key(),
        next_code: quarter.next().key(),
        columns,
        total: count_in_quarter(conn, quarter)?,
        rules: RULES.iter().map(|r| (*r).to_owned()).collect(),
    })
}

/// What each owner carries in a quarter, the most open first, then by name.
pub fn by_owner(conn: &Connection, quarter: Quarter, today: NaiveDate) -> Result<Vec<OwnerLoad>> {
    let mut loads: Vec<OwnerLoad> = Vec::new();
    for c in in_quarter(conn, quarter, today)? {
        let load = match loads.iter_mut().position(|l| l.owner_id == c.owner_id) {
            Some(at) => &mut loads[at],
            None => {
                loads.push(OwnerLoad {
                    owner_id: c.owner_id,
                    owner_name: c.owner_name.clone(),
                    open: 0,
                    at_risk: 0,
                    commitments: Vec::new(),
                });
                loads.last_mut().expect("just pushed")
            }
        };
        let status = c.status.status;
        if matches!(
            status,
            CommitmentStatus::OnTrack | CommitmentStatus::AtRisk | CommitmentStatus::OffTrack
        ) {
            load.open += 1;
        }
        if status == CommitmentStatus::AtRisk {
            load.at_risk += 1;
        }
        load.commitments.push(c);
    }
    loads.sort_by(|a, b| {
        b.open
            .cmp(&a.open)
            .then_with(|| a.owner_name.cmp(&b.owner_name))
    });
    Ok(loads)
}

/// One commitment with its check-ins and decisions, as of `today`.
pub fn page(conn: &Connection, id: Id, today: NaiveDate) -> Result<CommitmentPage> {
    let commitment = get(conn, id, today)?;
    let carried_into = conn
        .prepare_cached(
            "SELECT id FROM commitments WHERE carried_from = ?1 AND deleted_at IS NULL
             ORDER BY created_at LIMIT 1",
        )?
        .query_row([id], |r| r.get(0))
        .optional()?;
    Ok(CommitmentPage {
        check_ins: check_ins::list(conn, id)?,
        decisions: decisions::history(conn, id)?,
        carried_into,
        rules: RULES.iter().map(|r| (*r).to_owned()).collect(),
        commitment,
    })
}
