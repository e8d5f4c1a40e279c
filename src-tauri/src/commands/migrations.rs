//! Commands for migrations as customer experience: the list, one migration's progress, and the
//! writes that plan it, move its consumer teams and record the platform team's help.

use crate::store::{Reply, Store};
use chrono::Utc;
use outward_core::id::Id;
use outward_core::platform_migrations::help::{self, MigrationHelp, MigrationHelpInput};
use outward_core::platform_migrations::progress::{self, MigrationProgress};
use outward_core::platform_migrations::teams::{self, ConsumerTeam, ConsumerTeamInput};
use outward_core::platform_migrations::{self, Migration, MigrationInput};
use tauri::State;

#[tauri::command(async)]
pub fn list_migrations(store: State<'_, Store>) -> Reply<Vec<Migration>> {
    store.read(|conn, _| platform_migrations::list(conn))
}

#[tauri::command(async)]
pub fn get_migration(store: State<'_, Store>, id: Id) -> Reply<MigrationProgress> {
    let today = Utc::now().date_naive();
    store.read(|conn, _| progress::progress(conn, id, today))
}

#[tauri::command(async)]
pub fn create_migration(store: State<'_, Store>, input: MigrationInput) -> Reply<Migration> {
    store.write(|tx, now| platform_migrations::create(tx, &input, now))
}

#[tauri::command(async)]
pub fn update_migration(
    store: State<'_, Store>,
    id: Id,
    input: MigrationInput,
) -> Reply<Migration> {
    store.write(|tx, now| platform_migrations::update(tx, id, &input, now))
}

#[tauri::command(async)]
pub fn set_migration_team(
    store: State<'_, Store>,
    id: Id,
    input: ConsumerTeamInput,
) -> Reply<ConsumerTeam> {
    store.write(|tx, now| teams::set(tx, id, &input, now))
}

#[tauri::command(async)]
pub fn remove_migration_team(store: State<'_, Store>, id: Id, customer_id: Id) -> Reply<()> {
    store.write(|tx, now| teams::remove(tx, id, customer_id, now))
}

#[tauri::command(async)]
pub fn add_migration_help(
    store: State<'_, Store>,
    id: Id,
    input: MigrationHelpInput,
) -> Reply<MigrationHelp> {
    store.write(|tx, now| help::add(tx, id, &input, now))
}

#[tauri::command(async)]
pub fn remove_migration_help(store: State<'_, Store>, id: Id) -> Reply<()> {
    store.write(|tx, now| help::remove(tx, id, now))
}
