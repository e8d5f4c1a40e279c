//! `outward commitments` and `outward checkin`: a quarter's commitments with their derived
//! status, adding one, and checking in on one.

use crate::output::{print_list, to_json};
use chrono::{NaiveDate, Utc};
use clap::Subcommand;
use outward_core::commitments::check_ins::{self, CheckInInput};
use outward_core::commitments::{self, CommitmentInput, board};
use outward_core::db::Database;
use outward_core::error::Result;
use outward_core::id::Id;
use outward_core::people;
use outward_core::quarter::Quarter;
use outward_core::settings;

#[derive(Subcommand)]
pub enum CommitmentAction {
    /// List a quarter's commitments with their status (this quarter unless --quarter)
    List {
        /// As in 2026-Q3
        #[arg(long)]
        quarter: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Commit to something for a quarter
    Add {
        title: String,
        /// The person who carries it: name or id
        #[arg(long)]
        owner: String,
        /// As in 2026-Q3
        #[arg(long)]
        quarter: String,
        /// A pain point it addresses (id); repeat for several
        #[arg(long = "pain-point")]
        pain_points: Vec<Id>,
        /// The goal it should move (id)
        #[arg(long)]
        goal: Option<Id>,
        #[arg(long)]
        json: bool,
    },
}

pub fn run(db: &Database, action: CommitmentAction) -> Result<()> {
    let now = Utc::now();
    match action {
        CommitmentAction::List { quarter, json } => {
            let list = db.read(|conn| {
                let start = settings::fiscal_year_start(conn)?;
                let quarter = match quarter {
                    Some(text) => Quarter::parse(&text, start, "quarter")?,
                    None => Quarter::containing(now.date_naive(), start),
                };
                board::in_quarter(conn, quarter, now.date_naive())
            })?;
            print_list(json, &list, |c| {
                vec![
                    c.status.status.label().into(),
                    c.title.clone(),
                    c.owner_name.clone().unwrap_or_default(),
                    c.progress.map_or("-".into(), |p| format!("{p}%")),
                    c.quarter_code.clone(),
                    c.id.to_string(),
                ]
            })
        }
        CommitmentAction::Add {
            title,
            owner,
            quarter,
            pain_points,
            goal,
            json,
        } => {
            let made = db.write(|tx| {
                let input = CommitmentInput {
                    title,
                    owner_id: Some(people::find(tx, &owner, "ownerId")?),
                    quarter,
                    goal_id: goal,
                    pain_point_ids: pain_points,
                };
                commitments::create(tx, &input, now)
            })?;
            if json {
                println!("{}", to_json(&made));
            } else {
                println!("{}", made.id);
            }
            Ok(())
        }
    }
}

/// `outward checkin COMMITMENT --progress N --confidence N [--note TEXT] [--on DATE]`.
pub fn check_in(
    db: &Database,
    commitment: Id,
    progress: i64,
    confidence: i64,
    note: String,
    on: Option<NaiveDate>,
    json: bool,
) -> Result<()> {
    let now = Utc::now();
    let input = CheckInInput {
        checked_on: on.unwrap_or(now.date_naive()),
        progress,
        confidence,
        note,
    };
    let c = db.write(|tx| check_ins::check_in(tx, commitment, &input, None, now))?;
    if json {
        println!("{}", to_json(&c));
    } else {
        println!(
            "{}: {} — {}",
            c.title,
            c.status.status.label(),
            c.status.reasons.join(" ")
        );
    }
    Ok(())
}
