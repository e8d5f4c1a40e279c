//! Commands for a team's products (its portfolio).

use crate::store::{Reply, Store};
use outward_core::id::Id;
use outward_core::products::{self, Product, ProductInput};
use tauri::State;

#[tauri::command(async)]
pub fn list_products(store: State<'_, Store>, team_id: Option<Id>) -> Reply<Vec<Product>> {
    store.read(|conn, _| products::list(conn, team_id))
}

#[tauri::command(async)]
pub fn create_product(store: State<'_, Store>, input: ProductInput) -> Reply<Product> {
    let product = store.write(|tx, now| products::create(tx, &input, now))?;
    Ok(product)
}

#[tauri::command(async)]
pub fn update_product(store: State<'_, Store>, id: Id, input: ProductInput) -> Reply<Product> {
    let product = store.write(|tx, now| products::update(tx, id, &input, now))?;
    Ok(product)
}
