//! Commands for themes: the shared tags that show a team its clusters.

use super::notify;
use crate::store::{Reply, Store};
use outward_core::entity::{Changed, EntityKind};
use outward_core::id::Id;
use outward_core::themes::{self, Tag, Theme};
use tauri::{AppHandle, Runtime, State};

#[tauri::command(async)]
pub fn list_themes(store: State<'_, Store>) -> Reply<Vec<Theme>> {
    store.read(|conn, _| themes::list(conn))
}

#[tauri::command(async)]
pub fn create_theme<R: Runtime>(
    app: AppHandle<R>,
    store: State<'_, Store>,
    name: String,
) -> Reply<Tag> {
    let tag = store.write(|tx, now| themes::create(tx, &name, now))?;
    notify(&app, Changed::one(EntityKind::Theme, tag.id));
    Ok(tag)
}

#[tauri::command(async)]
pub fn rename_theme<R: Runtime>(
    app: AppHandle<R>,
    store: State<'_, Store>,
    id: Id,
    name: String,
) -> Reply<Tag> {
    let tag = store.write(|tx, now| themes::rename(tx, id, &name, now))?;
    notify(&app, Changed::one(EntityKind::Theme, id));
    Ok(tag)
}

#[tauri::command(async)]
pub fn merge_themes<R: Runtime>(
    app: AppHandle<R>,
    store: State<'_, Store>,
    source_id: Id,
    target_id: Id,
) -> Reply<Tag> {
    let kept = store.write(|tx, now| themes::merge(tx, source_id, target_id, now))?;
    let ids = vec![source_id, target_id];
    notify(
        &app,
        Changed {
            entity: Some(EntityKind::Theme),
            ids,
        },
    );
    Ok(kept)
}
