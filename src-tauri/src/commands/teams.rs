//! Commands for teams.

use crate::store::{Reply, Store};
use outward_core::id::Id;
use outward_core::teams::{self, Team, TeamInput};
use tauri::State;

#[tauri::command(async)]
pub fn list_teams(store: State<'_, Store>) -> Reply<Vec<Team>> {
    store.read(|conn, _| teams::list(conn))
}

#[tauri::command(async)]
pub fn create_team(store: State<'_, Store>, input: TeamInput) -> Reply<Team> {
    let team = store.write(|tx, now| teams::create(tx, &input, now))?;
    Ok(team)
}

#[tauri::command(async)]
pub fn update_team(store: State<'_, Store>, id: Id, input: TeamInput) -> Reply<Team> {
    let team = store.write(|tx, now| teams::update(tx, id, &input, now))?;
    Ok(team)
}
