//! Commands for a quarter's review: reading it (kept or live), its notes and decisions, the
//! chains from evidence to outcome, and regenerating a closed quarter's kept review.

use crate::store::{Reply, Store};
use chrono::Utc;
use outward_core::id::Id;
use outward_core::review::chain::{self, GoalChain};
use outward_core::review::{self, NotesInput, Review};
use tauri::State;

#[tauri::command(async)]
pub fn get_review(store: State<'_, Store>, quarter_code: Option<String>) -> Reply<Review> {
    let today = Utc::now().date_naive();
    store.read(|conn, _| review::named(conn, quarter_code.as_deref(), today))
}

#[tauri::command(async)]
pub fn save_review_notes(store: State<'_, Store>, input: NotesInput) -> Reply<Review> {
    store.write(|tx, now| {
        review::save_notes(tx, &input, now)?;
        review::named(tx, Some(&input.quarter), now.date_naive())
    })
}

#[tauri::command(async)]
pub fn regenerate_review(store: State<'_, Store>, quarter_code: String) -> Reply<Review> {
    store.write(|tx, now| {
        let quarter = review::parse_quarter(tx, &quarter_code, "quarter")?;
        review::regenerate(tx, quarter, now)
    })
}

#[tauri::command(async)]
pub fn goal_chains(store: State<'_, Store>) -> Reply<Vec<GoalChain>> {
    let today = Utc::now().date_naive();
    store.read(|conn, _| chain::all(conn, today))
}

#[tauri::command(async)]
pub fn goal_chain(store: State<'_, Store>, id: Id) -> Reply<GoalChain> {
    let today = Utc::now().date_naive();
    store.read(|conn, _| chain::goal(conn, id, today))
}
