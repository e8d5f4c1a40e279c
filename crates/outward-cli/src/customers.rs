//! `outward customers`: list the internal customer teams and add one.

use crate::output::print_list;
use chrono::Utc;
use clap::Subcommand;
use outward_core::customers::{self, CustomerInput};
use outward_core::db::Database;
use outward_core::error::Result;
use outward_core::products;
use outward_core::text::count;

#[derive(Subcommand)]
pub enum CustomerAction {
    /// List customer teams
    List {
        #[arg(long)]
        json: bool,
    },
    /// Add a customer team
    Add {
        name: String,
        #[arg(long, default_value = "")]
        department: String,
        /// Headcount
        #[arg(long)]
        size: Option<u32>,
        #[arg(long, default_value = "")]
        contacts: String,
        /// A product it uses, by name or id; repeat for several
        #[arg(long = "product")]
        products: Vec<String>,
    },
}

pub fn run(db: &Database, action: CustomerAction) -> Result<()> {
    match action {
        CustomerAction::List { json } => {
            let customers = db.read(customers::list)?;
            print_list(json, &customers, |c| {
                let size = c
                    .size
                    .map(|s| count(s, "person", "people"))
                    .unwrap_or_default();
                let uses = count(c.product_ids.len() as u32, "product", "products");
                vec![
                    c.name.clone(),
                    c.department.clone(),
                    size,
                    uses,
                    c.id.to_string(),
                ]
            })
        }
        CustomerAction::Add {
            name,
            department,
            size,
            contacts,
            products,
        } => {
            let customer = db.write(|tx| {
                let product_ids = products
                    .iter()
                    .map(|p| products::find(tx, p).map(|p| p.id))
                    .collect::<Result<_>>()?;
                let input = CustomerInput {
                    name,
                    department,
                    size,
                    contacts,
                    product_ids,
                };
                customers::create(tx, &input, Utc::now())
            })?;
            println!("Added customer “{}” ({}).", customer.name, customer.id);
            Ok(())
        }
    }
}
