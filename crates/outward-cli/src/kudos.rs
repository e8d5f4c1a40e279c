//! `outward kudos`: give kudos to a person or a whole team, and list them.

use crate::output::print_list;
use chrono::Utc;
use clap::Subcommand;
use outward_core::db::Database;
use outward_core::error::Result;
use outward_core::id::Id;
use outward_core::kudos::{self, KudosFilter, KudosInput, KudosKind};
use outward_core::page::PageRequest;
use outward_core::{people, teams};

#[derive(Subcommand)]
pub enum KudosAction {
    /// List kudos, newest first (to one person with --person, or one team with --team)
    List {
        /// Person name or id
        #[arg(long, conflicts_with = "team")]
        person: Option<String>,
        /// Team name or id
        #[arg(long)]
        team: Option<String>,
        /// Only kudos of this kind (usability, support, migrationHelp, documentation,
        /// hardProblem, other)
        #[arg(long)]
        kind: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Thank a person, or a whole team with --team, for something
    Add {
        /// What it is for
        message: String,
        /// Who gives it: name or id
        #[arg(long)]
        from: String,
        /// The person it is for: name or id
        #[arg(long, required_unless_present = "team", conflicts_with = "team")]
        to: Option<String>,
        /// The team it is for, instead of one person: name or id
        #[arg(long)]
        team: Option<String>,
        /// What kind of work it thanks: usability, support, migrationHelp, documentation,
        /// hardProblem or other (the default)
        #[arg(long)]
        kind: Option<String>,
        /// The commitment it thanks work on (id)
        #[arg(long)]
        commitment: Option<Id>,
    },
}

pub fn run(db: &Database, action: KudosAction) -> Result<()> {
    match action {
        KudosAction::List {
            person,
            team,
            kind,
            json,
        } => {
            let kind = kind.map(|k| k.parse::<KudosKind>()).transpose()?;
            let page = db.read(|conn| {
                let filter = KudosFilter {
                    to_person_id: person
                        .map(|p| people::find(conn, &p, "person"))
                        .transpose()?,
                    to_team_id: team
                        .map(|t| teams::find(conn, &t))
                        .transpose()?
                        .map(|t| t.id),
                    kind,
                };
                kudos::list(
                    conn,
                    &filter,
                    PageRequest {
                        offset: 0,
                        limit: 500,
                    },
                )
            })?;
            print_list(json, &page.items, |k| {
                vec![
                    k.given_on.to_string(),
                    k.to_name.clone().unwrap_or_default(),
                    k.message.clone(),
                    k.kind.label().to_owned(),
                    format!("from {}", k.from_name.clone().unwrap_or_default()),
                ]
            })
        }
        KudosAction::Add {
            message,
            from,
            to,
            team,
            kind,
            commitment,
        } => {
            let kind = kind.map(|k| k.parse::<KudosKind>()).transpose()?;
            let given = db.write(|tx| {
                let input = KudosInput {
                    from_person_id: people::find(tx, &from, "fromPersonId")?,
                    to_person_id: to.map(|p| people::find(tx, &p, "toPersonId")).transpose()?,
                    to_team_id: team.map(|t| teams::find(tx, &t)).transpose()?.map(|t| t.id),
                    message,
                    given_on: None,
                    pain_point_id: None,
                    customer_id: None,
                    kind: kind.unwrap_or_default(),
                    commitment_id: commitment,
                };
                kudos::create(tx, &input, Utc::now())
            })?;
            println!(
                "Kudos to {} ({}).",
                given.to_name.unwrap_or_default(),
                given.id
            );
            Ok(())
        }
    }
}
