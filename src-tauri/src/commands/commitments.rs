//! Commands for commitments: a quarter's board and what each owner carries, a commitment's
//! page, check-ins, decisions (done, dropped, addressing its pain points), closing a quarter,
//! and an action item becoming a commitment.

use crate::store::{Reply, Store};
use chrono::Utc;
use outward_core::commitments::board::{self, Board, CommitmentPage, OwnerLoad};
use outward_core::commitments::check_ins::{self, CheckInInput};
use outward_core::commitments::decisions::{self, CloseDecision, Closed, Decided};
use outward_core::commitments::{self, Commitment, CommitmentInput, CommitmentState};
use outward_core::id::Id;
use outward_core::quarter::Quarter;
use outward_core::review;
use outward_core::settings;
use outward_core::themes::Tag;
use rusqlite::Connection;
use tauri::State;

/// The quarter typed (`2026-Q3`), or the one today is in.
fn quarter(conn: &Connection, typed: Option<String>) -> outward_core::error::Result<Quarter> {
    let start = settings::fiscal_year_start(conn)?;
    match typed {
        Some(text) => Quarter::parse(&text, start, "quarter"),
        None => Ok(Quarter::containing(Utc::now().date_naive(), start)),
    }
}

#[tauri::command(async)]
pub fn commitment_board(store: State<'_, Store>, quarter_code: Option<String>) -> Reply<Board> {
    let today = Utc::now().date_naive();
    store.read(|conn, _| board::board(conn, quarter(conn, quarter_code)?, today))
}

#[tauri::command(async)]
pub fn commitments_by_owner(
    store: State<'_, Store>,
    quarter_code: Option<String>,
) -> Reply<Vec<OwnerLoad>> {
    let today = Utc::now().date_naive();
    store.read(|conn, _| board::by_owner(conn, quarter(conn, quarter_code)?, today))
}

#[tauri::command(async)]
pub fn get_commitment(store: State<'_, Store>, id: Id) -> Reply<CommitmentPage> {
    let today = Utc::now().date_naive();
    store.read(|conn, _| board::page(conn, id, today))
}

#[tauri::command(async)]
pub fn commitments_for_goal(store: State<'_, Store>, goal_id: Id) -> Reply<Vec<Commitment>> {
    let today = Utc::now().date_naive();
    store.read(|conn, _| commitments::for_goal(conn, goal_id, today))
}

#[tauri::command(async)]
pub fn create_commitment(store: State<'_, Store>, input: CommitmentInput) -> Reply<Commitment> {
    store.write(|tx, now| commitments::create(tx, &input, now))
}

#[tauri::command(async)]
pub fn update_commitment(
    store: State<'_, Store>,
    id: Id,
    input: CommitmentInput,
) -> Reply<Commitment> {
    store.write(|tx, now| commitments::update(tx, id, &input, now))
}

#[tauri::command(async)]
pub fn check_in(
    store: State<'_, Store>,
    commitment_id: Id,
    input: CheckInInput,
) -> Reply<Commitment> {
    store.write(|tx, now| check_ins::check_in(tx, commitment_id, &input, None, now))
}

#[tauri::command(async)]
pub fn set_commitment_state(
    store: State<'_, Store>,
    id: Id,
    state: CommitmentState,
    note: String,
) -> Reply<Decided> {
    store.write(|tx, now| decisions::set_state(tx, id, state, &note, None, now))
}

#[tauri::command(async)]
pub fn address_pain_points(
    store: State<'_, Store>,
    id: Id,
    pain_point_ids: Vec<Id>,
) -> Reply<Vec<Tag>> {
    store.write(|tx, now| decisions::address_pain_points(tx, id, &pain_point_ids, None, now))
}

/// The open commitments of a quarter: what closing it walks through.
#[tauri::command(async)]
pub fn quarter_to_close(store: State<'_, Store>, quarter_code: String) -> Reply<Vec<Commitment>> {
    let today = Utc::now().date_naive();
    store
        .read(|conn, _| decisions::open_in_quarter(conn, quarter(conn, Some(quarter_code))?, today))
}

#[tauri::command(async)]
pub fn close_quarter(
    store: State<'_, Store>,
    quarter_code: String,
    decisions: Vec<CloseDecision>,
) -> Reply<Closed> {
    store.write(|tx, now| {
        let quarter = quarter(tx, Some(quarter_code))?;
        review::close(tx, quarter, &decisions, None, now)
    })
}

#[tauri::command(async)]
pub fn commit_action_item(
    store: State<'_, Store>,
    action_item_id: Id,
    quarter_code: String,
) -> Reply<Commitment> {
    store.write(|tx, now| decisions::from_action_item(tx, action_item_id, &quarter_code, None, now))
}
