//! Customers: the internal teams that use a platform team's products. A customer is linked to
//! the products it uses; links to a product in the Trash are kept but not shown, so restoring
//! the product brings them back.

mod profile;

use crate::entity::EntityKind;
use crate::error::{Error, Result};
use crate::id::Id;
use crate::store::{live, require_live, unique_violation};
use crate::text;
use chrono::{DateTime, Utc};
use rusqlite::{Connection, Row, Transaction, named_params};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use ts_rs::TS;

pub use profile::{CustomerProfile, LastHeard, PROFILE_PAGE, profile};

/// The largest team size accepted, a guard against typos rather than a real limit.
pub const SIZE_MAX: u32 = 1_000_000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Customer {
    pub id: Id,
    pub name: String,
    pub department: String,
    /// Headcount of the customer team, when known.
    pub size: Option<u32>,
    /// Free text: names, roles, channels.
    pub contacts: String,
    /// The products it uses that are not in the Trash.
    pub product_ids: Vec<Id>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CustomerInput {
    pub name: String,
    #[serde(default)]
    pub department: String,
    #[serde(default)]
    pub size: Option<u32>,
    #[serde(default)]
    pub contacts: String,
    #[serde(default)]
    pub product_ids: Vec<Id>,
}

impl CustomerInput {
    fn validated(&self, conn: &Connection) -> Result<CustomerInput> {
        let name = text::required_name("name", "Customer name", &self.name)?;
        let department = text::optional_name("department", "Department", &self.department)?;
        let contacts = text::free_text("contacts", "Contacts", &self.contacts)?;
        if let Some(size) = self.size.filter(|s| *s > SIZE_MAX) {
            return Err(Error::validation(
                "size",
                format!("Team size {size} is larger than {SIZE_MAX}; check the number."),
            ));
        }
        let unique: BTreeSet<Id> = self.product_ids.iter().copied().collect();
        for product in &unique {
            require_live(conn, EntityKind::Product, *product, "productIds")?;
        }
        Ok(CustomerInput {
            name,
            department,
            size: self.size,
            contacts,
            product_ids: unique.into_iter().collect(),
        })
    }
}

const COLUMNS: &str = "id, name, department, size, contacts, created_at, updated_at";

fn from_row(row: &Row<'_>) -> rusqlite::Result<Customer> {
    Ok(Customer {
        id: row.get(0)?,
        name: row.get(1)?,
        department: row.get(2)?,
        size: row.get(3)?,
        contacts: row.get(4)?,
        product_ids: Vec::new(),
        created_at: row.get(5)?,
        updated_at: row.get(6)?,
    })
}

fn with_products(conn: &Connection, mut customer: Customer) -> Result<Customer> {
    let mut stmt = conn.prepare_cached(
        "SELECT cp.product_id FROM customer_products cp
         JOIN products p ON p.id = cp.product_id AND p.deleted_at IS NULL
         WHERE cp.customer_id = ?1 ORDER BY p.name COLLATE NOCASE",
    )?;
    customer.product_ids = stmt
        .query_map([customer.id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(customer)
}

/// Customers not in the Trash, by name, each with the live products it uses.
pub fn list(conn: &Connection) -> Result<Vec<Customer>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM customers WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE"
    ))?;
    let rows: Vec<Customer> = stmt
        .query_map([], from_row)?
        .collect::<rusqlite::Result<_>>()?;
    rows.into_iter().map(|c| with_products(conn, c)).collect()
}

pub fn get(conn: &Connection, id: Id) -> Result<Customer> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM customers WHERE id = ?1 AND deleted_at IS NULL"
    ))?;
    with_products(conn, live(stmt.query_row([id], from_row), "customer", id)?)
}

pub fn create(tx: &Transaction<'_>, input: &CustomerInput, now: DateTime<Utc>) -> Result<Customer> {
    let input = input.validated(tx)?;
    let id = Id::at(now);
    tx.prepare_cached(
        "INSERT INTO customers (id, name, department, size, contacts, created_at, updated_at)
         VALUES (:id, :name, :department, :size, :contacts, :now, :now)",
    )?
    .execute(named_params! {
        ":id": id, ":name": input.name, ":department": input.department, ":size": input.size,
        ":contacts": input.contacts, ":now": now,
    })
    .map_err(|e| name_taken(e, &input.name))?;
    link_products(tx, id, &input.product_ids)?;
    get(tx, id)
}

pub fn update(
    tx: &Transaction<'_>,
    id: Id,
    input: &CustomerInput,
    now: DateTime<Utc>,
) -> Result<Customer> {
    let input = input.validated(tx)?;
    let changed = tx
        .prepare_cached(
            "UPDATE customers SET name = :name, department = :department, size = :size,
                contacts = :contacts, updated_at = :now
             WHERE id = :id AND deleted_at IS NULL",
        )?
        .execute(named_params! {
            ":id": id, ":name": input.name, ":department": input.department, ":size": input.size,
            ":contacts": input.contacts, ":now": now,
        })
        .map_err(|e| name_taken(e, &input.name))?;
    if changed == 0 {
        return Err(Error::NotFound {
            entity: "customer",
            id: id.to_string(),
        });
    }
    link_products(tx, id, &input.product_ids)?;
    get(tx, id)
}

/// Makes the customer's live product links exactly `products`. Links to products in the Trash
/// are left alone, so they return when the product is restored.
fn link_products(tx: &Transaction<'_>, customer: Id, products: &[Id]) -> Result<()> {
    tx.prepare_cached(
        "DELETE FROM customer_products WHERE customer_id = ?1
           AND product_id IN (SELECT id FROM products WHERE deleted_at IS NULL)",
    )?
    .execute([customer])?;
    let mut insert = tx.prepare_cached(
        "INSERT OR IGNORE INTO customer_products (customer_id, product_id) VALUES (?1, ?2)",
    )?;
    for product in products {
        insert.execute((customer, product))?;
    }
    Ok(())
}

pub(crate) fn name_taken(error: rusqlite::Error, name: &str) -> Error {
    unique_violation(error, "name", || {
        format!("A customer named “{name}” already exists.")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::Database;
    use crate::testing::{now, seeded_product, seeded_team};

    fn input(name: &str, product_ids: Vec<Id>) -> CustomerInput {
        CustomerInput {
            name: name.into(),
            product_ids,
            ..Default::default()
        }
    }

    #[test]
    fn a_customer_keeps_the_products_it_uses() {
        let db = Database::open_in_memory().unwrap();
        let team = seeded_team(&db, "Platform");
        let ci = seeded_product(&db, team, "CI");
        let pg = seeded_product(&db, team, "Postgres");
        let c = db
            .write(|tx| create(tx, &input("Payments", vec![pg, ci, ci]), now()))
            .unwrap();
        assert_eq!(c.product_ids, vec![ci, pg], "deduplicated, by product name");
        let edited = db
            .write(|tx| update(tx, c.id, &input("Payments", vec![pg]), now()))
            .unwrap();
        assert_eq!(edited.product_ids, vec![pg]);
    }

    #[test]
    fn linking_a_missing_product_is_refused_on_the_products_field() {
        let db = Database::open_in_memory().unwrap();
        let err = db
            .write(|tx| {
                create(
                    tx,
                    &input("Payments", vec![crate::testing::unknown_id()]),
                    now(),
                )
            })
            .unwrap_err();
        assert!(
            matches!(
                err,
                Error::Validation {
                    field: "productIds",
                    ..
                }
            ),
            "{err:?}"
        );
        assert!(
            db.read(list).unwrap().is_empty(),
            "the customer row was rolled back too"
        );
    }

    #[test]
    fn size_must_be_plausible() {
        let db = Database::open_in_memory().unwrap();
        let huge = CustomerInput {
            size: Some(SIZE_MAX + 1),
            ..input("Payments", vec![])
        };
        let err = db.write(|tx| create(tx, &huge, now())).unwrap_err();
        assert!(matches!(err, Error::Validation { field: "size", .. }));
    }

    #[test]
    fn duplicate_customer_name_is_a_conflict() {
        let db = Database::open_in_memory().unwrap();
        db.write(|tx| create(tx, &input("Payments", vec![]), now()))
            .unwrap();
        let err = db
            .write(|tx| create(tx, &input(" payments ", vec![]), now()))
            .unwrap_err();
        assert!(matches!(
            err,
            Error::Conflict {
                field: Some("name"),
                ..
            }
        ));
    }
}
