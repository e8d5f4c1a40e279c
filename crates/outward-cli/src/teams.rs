//! `outward teams`: list and add teams.

use crate::output::print_list;
use chrono::Utc;
use clap::Subcommand;
use outward_core::db::Database;
use outward_core::error::Result;
use outward_core::teams::{self, TeamInput};

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

pub fn run(db: &Database, action: TeamAction) -> Result<()> {
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
