//! Commands for goals: where the team wants a metric to be by a quarter, and a goal's page.

use crate::store::{Reply, Store};
use outward_core::goals::{self, Goal, GoalInput, GoalPage};
use outward_core::id::Id;
use tauri::State;

#[tauri::command(async)]
pub fn list_goals(store: State<'_, Store>) -> Reply<Vec<Goal>> {
    store.read(|conn, _| goals::list(conn))
}

#[tauri::command(async)]
pub fn create_goal(store: State<'_, Store>, input: GoalInput) -> Reply<Goal> {
    store.write(|tx, now| goals::create(tx, &input, now.date_naive(), now))
}

#[tauri::command(async)]
pub fn update_goal(store: State<'_, Store>, id: Id, input: GoalInput) -> Reply<Goal> {
    store.write(|tx, now| goals::update(tx, id, &input, now))
}

#[tauri::command(async)]
pub fn goal_page(store: State<'_, Store>, id: Id) -> Reply<GoalPage> {
    let today = chrono::Utc::now().date_naive();
    store.read(|conn, _| goals::page(conn, id, today))
}
