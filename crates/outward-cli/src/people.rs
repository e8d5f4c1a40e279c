//! `outward people`: list the members of teams and add one.

use crate::output::print_list;
use chrono::Utc;
use clap::Subcommand;
use outward_core::db::Database;
use outward_core::error::Result;
use outward_core::people::{self, Level, PersonInput};
use outward_core::teams;

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

pub fn run(db: &Database, action: PersonAction) -> Result<()> {
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
