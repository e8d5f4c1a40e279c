//! Commands for the people on a team.

use super::notify;
use crate::store::{Reply, Store};
use outward_core::entity::{Changed, EntityKind};
use outward_core::id::Id;
use outward_core::people::{self, Person, PersonInput};
use tauri::{AppHandle, Runtime, State};

#[tauri::command(async)]
pub fn list_people(store: State<'_, Store>, team_id: Option<Id>) -> Reply<Vec<Person>> {
    store.read(|conn, _| people::list(conn, team_id))
}

#[tauri::command(async)]
pub fn create_person<R: Runtime>(
    app: AppHandle<R>,
    store: State<'_, Store>,
    input: PersonInput,
) -> Reply<Person> {
    let person = store.write(|tx, now| people::create(tx, &input, now))?;
    notify(&app, Changed::one(EntityKind::Person, person.id));
    Ok(person)
}

#[tauri::command(async)]
pub fn update_person<R: Runtime>(
    app: AppHandle<R>,
    store: State<'_, Store>,
    id: Id,
    input: PersonInput,
) -> Reply<Person> {
    let person = store.write(|tx, now| people::update(tx, id, &input, now))?;
    notify(&app, Changed::one(EntityKind::Person, person.id));
    Ok(person)
}
