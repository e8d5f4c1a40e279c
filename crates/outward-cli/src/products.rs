//! `outward products`: list the portfolio and add a product to a team's.

use crate::output::print_list;
use chrono::Utc;
use clap::Subcommand;
use outward_core::db::Database;
use outward_core::error::Result;
use outward_core::products::{self, ProductInput, Stage};
use outward_core::teams;

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

pub fn run(db: &Database, action: ProductAction) -> Result<()> {
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
