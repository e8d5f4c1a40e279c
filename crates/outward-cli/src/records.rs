//! `list` and `add` for teams, people, products and customers. Lists print aligned columns, or
//! the same records the app receives with `--json`.

use crate::Command;
use chrono::Utc;
use clap::Subcommand;
use outward_core::customers::{self, CustomerInput};
use outward_core::db::Database;
use outward_core::error::Result;
use outward_core::people::{self, Level, PersonInput};
use outward_core::products::{self, ProductInput, Stage};
use outward_core::teams::{self, TeamInput};
use outward_core::text::count;
use serde::Serialize;

#[derive(Subcommand)]
pub enum TeamAction {
    /// List teams
    List {
        #[arg(long)]
        json: bool,
    },
    /// Add a team
    Add {
        name: String,
        #[arg(long, default_value = "")]
        description: String,
    },
}

#[derive(Subcommand)]
pub enum PersonAction {
    /// List people, of one team with --team
    List {
        /// Team name or id
        #[arg(long)]
        team: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Add a person to a team
    Add {
        name: String,
        /// Team name or id
        #[arg(long)]
        team: String,
        /// junior, mid, senior, staff or principal
        #[arg(long)]
        level: Level,
        #[arg(long, default_value = "")]
        role: String,
    },
}

#[derive(Subcommand)]
pub enum ProductAction {
    /// List products, of one team with --team
    List {
        /// Team name or id
        #[arg(long)]
        team: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Add a product to a team's portfolio
    Add {
        name: String,
        /// Team name or id
        #[arg(long)]
        team: String,
        /// incubating, generallyAvailable or deprecated
        #[arg(long, default_value = "incubating")]
        stage: Stage,
        #[arg(long, default_value = "")]
        description: String,
    },
}

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

/// True for the commands that add records, which may create a new database file.
pub fn adds(command: &Command) -> bool {
    matches!(
        command,
        Command::Teams {
            action: TeamAction::Add { .. }
        } | Command::People {
            action: PersonAction::Add { .. }
        } | Command::Products {
            action: ProductAction::Add { .. }
        } | Command::Customers {
            action: CustomerAction::Add { .. }
        }
    )
}

pub fn to_json(value: &impl Serialize) -> String {
    serde_json::to_string_pretty(value).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}

pub fn teams(db: &Database, action: TeamAction) -> Result<()> {
    match action {
        TeamAction::List { json } => {
            let teams = db.read(teams::list)?;
            print_list(json, &teams, |t| vec![t.name.clone(), t.id.to_string()])
        }
        TeamAction::Add { name, description } => {
            let team =
                db.write(|tx| teams::create(tx, &TeamInput { name, description }, Utc::now()))?;
            println!("Added team “{}” ({}).", team.name, team.id);
            Ok(())
        }
    }
}

pub fn people(db: &Database, action: PersonAction) -> Result<()> {
    match action {
        PersonAction::List { team, json } => {
            let people = db.read(|conn| {
                let team = team.map(|t| teams::find(conn, &t)).transpose()?;
                people::list(conn, team.map(|t| t.id))
            })?;
            print_list(json, &people, |p| {
                vec![
                    p.name.clone(),
                    p.level.label().into(),
                    p.role.clone(),
                    p.id.to_string(),
                ]
            })
        }
        PersonAction::Add {
            name,
            team,
            level,
            role,
        } => {
            let person = db.write(|tx| {
                let team_id = teams::find(tx, &team)?.id;
                people::create(
                    tx,
                    &PersonInput {
                        team_id,
                        name,
                        role,
                        level,
                    },
                    Utc::now(),
                )
            })?;
            println!(
                "Added {} “{}” ({}).",
                person.level.label(),
                person.name,
                person.id
            );
            Ok(())
        }
    }
}

pub fn products(db: &Database, action: ProductAction) -> Result<()> {
    match action {
        ProductAction::List { team, json } => {
            let products = db.read(|conn| {
                let team = team.map(|t| teams::find(conn, &t)).transpose()?;
                products::list(conn, team.map(|t| t.id))
            })?;
            print_list(json, &products, |p| {
                vec![p.name.clone(), p.stage.label().into(), p.id.to_string()]
            })
        }
        ProductAction::Add {
            name,
            team,
            stage,
            description,
        } => {
            let product = db.write(|tx| {
                let team_id = teams::find(tx, &team)?.id;
                products::create(
                    tx,
                    &ProductInput {
                        team_id,
                        name,
                        stage,
                        description,
                    },
                    Utc::now(),
                )
            })?;
            println!("Added product “{}” ({}).", product.name, product.id);
            Ok(())
        }
    }
}

pub fn customers(db: &Database, action: CustomerAction) -> Result<()> {
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

/// Prints records as JSON, or as left-aligned columns; says so when there are none.
pub fn print_list<T: Serialize>(
    json: bool,
    rows: &[T],
    columns: impl Fn(&T) -> Vec<String>,
) -> Result<()> {
    if json {
        println!("{}", to_json(&rows));
        return Ok(());
    }
    if rows.is_empty() {
        println!("(none)");
        return Ok(());
    }
    let cells: Vec<Vec<String>> = rows.iter().map(columns).collect();
    let widths: Vec<usize> = (0..cells[0].len())
        .map(|i| {
            cells
                .iter()
                .map(|row| row[i].chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    for row in cells {
        let padded: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(cell, width)| format!("{cell:<width$}"))
            .collect();
        println!("{}", padded.join("  ").trim_end());
    }
    Ok(())
}
