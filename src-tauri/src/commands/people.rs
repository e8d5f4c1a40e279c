//! Commands for the people on a team.

use crate::store::{Reply, Store};
use outward_core::id::Id;
use outward_core::people::{self, Person, PersonInput};
use tauri::State;

#[tauri::command(async)]
pub fn list_people(store: State<'_, Store>, team_id: Option<Id>) -> Reply<Vec<Person>> {
    store.read(|conn, _| people::list(conn, team_id))
}

#[tauri::command(async)]
pub fn create_person(store: State<'_, Store>, input: PersonInput) -> Reply<Person> {
    let person = store.write(|tx, now| people::create(tx, &input, now))?;
    Ok(person)
}

#[tauri::command(async)]
pub fn update_person(store: State<'_, Store>, id: Id, input: PersonInput) -> Reply<Person> {
    let person = store.write(|tx, now| people::update(tx, id, &input, now))?;
    Ok(person)
}
