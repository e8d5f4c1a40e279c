//! Commands for customers: the internal teams that use the products.

use crate::store::{Reply, Store};
use chrono::Utc;
use outward_core::customers::{self, Customer, CustomerInput, CustomerProfile};
use outward_core::evidence::{self, CustomerQuote};
use outward_core::id::Id;
use outward_core::page::{Page, PageRequest};
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

/// A customer's page: what it uses, when it was last heard from, and the first page of its
/// interviews, quotes and pain points.
#[tauri::command(async)]
pub fn get_customer_profile(store: State<'_, Store>, id: Id) -> Reply<CustomerProfile> {
    let today = Utc::now().date_naive();
    store.read(|conn, _| customers::profile(conn, id, today))
}

/// One page of the quotes a customer gave, newest first.
#[tauri::command(async)]
pub fn list_customer_quotes(
    store: State<'_, Store>,
    id: Id,
    page: PageRequest,
) -> Reply<Page<CustomerQuote>> {
    store.read(|conn, _| evidence::page_from_customer(conn, id, page))
}
