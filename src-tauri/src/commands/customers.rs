//! Commands for customers: the internal teams that use the products.

use super::notify;
use crate::store::{Reply, Store};
use outward_core::customers::{self, Customer, CustomerInput};
use outward_core::entity::{Changed, EntityKind};
use outward_core::id::Id;
use tauri::{AppHandle, Runtime, State};

#[tauri::command(async)]
pub fn list_customers(store: State<'_, Store>) -> Reply<Vec<Customer>> {
    store.read(|conn, _| customers::list(conn))
}

#[tauri::command(async)]
pub fn create_customer<R: Runtime>(
    app: AppHandle<R>,
    store: State<'_, Store>,
    input: CustomerInput,
) -> Reply<Customer> {
    let customer = store.write(|tx, now| customers::create(tx, &input, now))?;
    notify(&app, Changed::one(EntityKind::Customer, customer.id));
    Ok(customer)
}

#[tauri::command(async)]
pub fn update_customer<R: Runtime>(
    app: AppHandle<R>,
    store: State<'_, Store>,
    id: Id,
    input: CustomerInput,
) -> Reply<Customer> {
    let customer = store.write(|tx, now| customers::update(tx, id, &input, now))?;
    notify(&app, Changed::one(EntityKind::Customer, customer.id));
    Ok(customer)
}
