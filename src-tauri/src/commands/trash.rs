//! Commands for the Trash: deleting moves a record there; only emptying it destroys anything.

use crate::store::{Reply, Store};
use outward_core::entity::EntityKind;
use outward_core::id::Id;
use outward_core::page::PageRequest;
use outward_core::trash::{self, Emptied, Trash};
use tauri::State;

#[tauri::command(async)]
pub fn move_to_trash(store: State<'_, Store>, kind: EntityKind, id: Id) -> Reply<()> {
    store.write(|tx, now| trash::move_to_trash(tx, kind, id, now))?;
    Ok(())
}

/// One page of the Trash.
#[tauri::command(async)]
pub fn list_trash(store: State<'_, Store>, page: PageRequest) -> Reply<Trash> {
    store.read(|conn, _| trash::page(conn, page))
}

#[tauri::command(async)]
pub fn restore_from_trash(store: State<'_, Store>, kind: EntityKind, id: Id) -> Reply<()> {
    store.write(|tx, now| trash::restore(tx, kind, id, now))?;
    Ok(())
}

/// Destroys everything in the Trash after a verified backup; says how many records went and
/// where the backup is.
#[tauri::command(async)]
pub fn empty_trash(store: State<'_, Store>) -> Reply<Emptied> {
    let emptied = store.run(trash::empty)?;
    Ok(emptied)
}
