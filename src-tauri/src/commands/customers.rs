//! Commands for customers: the internal teams that use the products.

use crate::store::{Reply, Store};
use outward_core::customers::{self, Customer, CustomerInput};
use outward_core::id::Id;
use tauri::State;

#[tauri::command(async)]
pub fn list_customers(store: State<'_, Store>) -> Reply<Vec<Customer>> {
    store.read(|conn, _| customers::list(conn))
}

#[tauri::command(async)]
pub fn create_customer(store: State<'_, Store>, input: CustomerInput) -> Reply<Customer> {
    let customer = store.write(|tx, now| customers::create(tx, &input, now))?;
    Ok(customer)
}

#[tauri::command(async)]
pub fn update_customer(store: State<'_, Store>, id: Id, input: CustomerInput) -> Reply<Customer> {
    let customer = store.write(|tx, now| customers::update(tx, id, &input, now))?;
    Ok(customer)
}
