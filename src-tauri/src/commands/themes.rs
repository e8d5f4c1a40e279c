//! Commands for themes: the shared tags that show a team its clusters.

use crate::store::{Reply, Store};
use chrono::Utc;
use outward_core::id::Id;
use outward_core::themes::{self, Tag, Theme, ThemeCluster, ThemeHeaviest};
use tauri::State;

#[tauri::command(async)]
pub fn list_themes(store: State<'_, Store>) -> Reply<Vec<Theme>> {
    store.read(|conn, _| themes::list(conn))
}

#[tauri::command(async)]
pub fn create_theme(store: State<'_, Store>, name: String) -> Reply<Tag> {
    let tag = store.write(|tx, now| themes::create(tx, &name, now))?;
    Ok(tag)
}

#[tauri::command(async)]
pub fn rename_theme(store: State<'_, Store>, id: Id, name: String) -> Reply<Tag> {
    let tag = store.write(|tx, now| themes::rename(tx, id, &name, now))?;
    Ok(tag)
}

#[tauri::command(async)]
pub fn merge_themes(store: State<'_, Store>, source_id: Id, target_id: Id) -> Reply<Tag> {
    let kept = store.write(|tx, now| themes::merge(tx, source_id, target_id, now))?;
    Ok(kept)
}

/// A theme's page: its counts and the first page of its pain points and interviews.
#[tauri::command(async)]
pub fn get_theme_cluster(store: State<'_, Store>, id: Id) -> Reply<ThemeCluster> {
    let today = Utc::now().date_naive();
    store.read(|conn, _| themes::cluster(conn, id, today))
}

/// Every theme's heaviest pain points, for the themes view, in one read.
#[tauri::command(async)]
pub fn list_heaviest_by_theme(store: State<'_, Store>) -> Reply<Vec<ThemeHeaviest>> {
    let today = Utc::now().date_naive();
    store.read(|conn, _| themes::heaviest(conn, today))
}
