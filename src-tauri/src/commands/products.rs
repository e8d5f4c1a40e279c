//! Commands for a team's products (its portfolio).

use super::notify;
use crate::store::{Reply, Store};
use outward_core::entity::{Changed, EntityKind};
use outward_core::id::Id;
use outward_core::products::{self, Product, ProductInput};
use tauri::{AppHandle, Runtime, State};

#[tauri::command(async)]
pub fn list_products(store: State<'_, Store>, team_id: Option<Id>) -> Reply<Vec<Product>> {
    store.read(|conn, _| products::list(conn, team_id))
}

#[tauri::command(async)]
pub fn create_product<R: Runtime>(
    app: AppHandle<R>,
    store: State<'_, Store>,
    input: ProductInput,
) -> Reply<Product> {
    let product = store.write(|tx, now| products::create(tx, &input, now))?;
    notify(&app, Changed::one(EntityKind::Product, product.id));
    Ok(product)
}

#[tauri::command(async)]
pub fn update_product<R: Runtime>(
    app: AppHandle<R>,
    store: State<'_, Store>,
    id: Id,
    input: ProductInput,
) -> Reply<Product> {
    let product = store.write(|tx, now| products::update(tx, id, &input, now))?;
    notify(&app, Changed::one(EntityKind::Product, product.id));
    Ok(product)
}
