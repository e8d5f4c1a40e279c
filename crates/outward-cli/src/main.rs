//! `outward`: Outward's store from a terminal. The same core as the desktop app, for scripts,
//! backups and seeding. Every failure prints one line starting with `outward:` and exits 1.

mod backups;
mod bundle;
mod commitments;
mod customers;
mod exercises;
mod goals;
mod hiring;
mod interviews;
mod kudos;
mod metrics;
mod migrations;
mod output;
mod pain_points;
mod people;
mod products;
mod report;
mod room;
mod rota;
mod search;
mod surveys;
mod teams;
mod tickets;
mod workshops;
mod workspace;

use backups::BackupsAction;
use chrono::Utc;
use clap::error::ErrorKind;
use clap::{Parser, Subcommand};
use commitments::CommitmentAction;
use customers::CustomerAction;
use exercises::ExerciseAction;
use goals::GoalAction;
use interviews::InterviewAction;
use metrics::MetricAction;
use migrations::MigrationAction;
use outward_core::db::{self, Database};
use outward_core::error::{Error, Result};
use pain_points::PainPointAction;
use people::PersonAction;
use products::ProductAction;
use room::RoomAction;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use surveys::SurveyAction;
use teams::TeamAction;
use tickets::TicketAction;
use workshops::WorkshopAction;
use workspace::Profile;

#[derive(Parser)]
#[command(
    name = "outward",
    version,
    about = "Outward's data from the command line"
)]
struct Cli {
    /// The database file [default: the app's, in the platform's app-data folder; or $OUTWARD_DB]
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Where the database is, its schema version and how many records it holds
    Info {
        #[arg(long)]
        json: bool,
    },
    /// Write a verified backup beside the database and print its path
    Backup,
    /// The database's backups
    Backups {
        #[command(subcommand)]
        action: BackupsAction,
    },
    /// Replace the database with a backup, after checking it; the replaced state is kept as a
    /// backup first (close the app before)
    Restore {
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Write the whole workspace to a new folder in the open bundle format (docs/EXPORT.md), or
    /// to one zip archive when PATH ends in .zip
    Export {
        #[arg(long, value_name = "PATH")]
        out: PathBuf,
    },
    /// Import a bundle written by `outward export` (its folder, its manifest.json or its .zip)
    /// into an empty database
    ImportBundle {
        #[arg(value_name = "PATH")]
        path: PathBuf,
    },
    /// Load a data set into an empty database (heavy and stress are generated, the same on
    /// every run)
    Seed {
        #[arg(long, value_enum)]
        profile: Profile,
    },
    /// Teams using Outward
    Teams {
        #[command(subcommand)]
        action: TeamAction,
    },
    /// Members of teams
    People {
        #[command(subcommand)]
        action: PersonAction,
    },
    /// The products teams offer (the portfolio)
    Products {
        #[command(subcommand)]
        action: ProductAction,
    },
    /// Internal customer teams
    Customers {
        #[command(subcommand)]
        action: CustomerAction,
    },
    /// Conversations with customers
    Interviews {
        #[command(subcommand)]
        action: InterviewAction,
    },
    /// Customer problems, heaviest first
    PainPoints {
        #[command(subcommand)]
        action: PainPointAction,
    },
    /// Workshops, most recent first
    Workshops {
        #[command(subcommand)]
        action: WorkshopAction,
    },
    /// Let the room join a running workshop from their own devices
    Room {
        #[command(subcommand)]
        action: RoomAction,
    },
    /// Workshop exercises: the built-in library and the team's own copies
    Exercises {
        #[command(subcommand)]
        action: ExerciseAction,
    },
    /// Metrics: each one's value in a quarter with n, response rate and 95 % interval
    Metrics {
        #[command(subcommand)]
        action: MetricAction,
    },
    /// Survey rounds and importing their responses
    Surveys {
        #[command(subcommand)]
        action: SurveyAction,
    },
    /// Tickets from a tracker's export, and a quarter's black-hole meter
    Tickets {
        #[command(subcommand)]
        action: TicketAction,
    },
    /// Migrations the platform team runs for its consumer teams, and how far each has come
    Migrations {
        #[command(subcommand)]
        action: MigrationAction,
    },
    /// Goals: a metric, a target and the quarter it is due
    Goals {
        #[command(subcommand)]
        action: GoalAction,
    },
    /// What the team committed to each quarter, with the status its check-ins give it
    Commitments {
        #[command(subcommand)]
        action: CommitmentAction,
    },
    /// The support rota: who is on support each week, planned fairly around absences
    Rota {
        #[command(subcommand)]
        action: rota::RotaAction,
    },
    /// Kudos: thanks to a person or a whole team
    Kudos {
        #[command(subcommand)]
        action: kudos::KudosAction,
    },
    /// The hiring kit's interview guides, exported as Markdown or printable HTML
    Hiring {
        #[command(subcommand)]
        action: hiring::HiringAction,
    },
    /// A quarter's review as a report: Markdown, one self-contained HTML file, or CSV tables
    Report {
        /// As in 2026-Q3; this quarter unless given
        #[arg(long)]
        quarter: Option<String>,
        /// md, html or csv
        #[arg(long, default_value = "md")]
        format: String,
        /// Where to write it; printed when not given
        #[arg(long)]
        out: Option<std::path::PathBuf>,
    },
    /// Record where a commitment stands: progress 0-100 and confidence 1-10
    Checkin {
        /// The commitment's id
        commitment: outward_core::id::Id,
        #[arg(long, allow_hyphen_values = true)]
        progress: i64,
        #[arg(long, allow_hyphen_values = true)]
        confidence: i64,
        #[arg(long, default_value = "")]
        note: String,
        /// The day it stood so [default: today]
        #[arg(long, value_name = "YYYY-MM-DD")]
        on: Option<chrono::NaiveDate>,
        #[arg(long)]
        json: bool,
    },
    /// Search interview notes, pain points and themes
    Search {
        query: String,
        #[arg(long)]
        json: bool,
    },
}

impl Command {
    /// True for the commands that add records (seeding and importing too): only they may create
    /// a new database file.
    fn may_create(&self) -> bool {
        matches!(
            self,
            Command::Seed { .. }
                | Command::ImportBundle { .. }
                | Command::Interviews {
                    action: InterviewAction::Import { .. }
                }
                | Command::Teams {
                    action: TeamAction::Add { .. }
                }
                | Command::People {
                    action: PersonAction::Add { .. }
                }
                | Command::Products {
                    action: ProductAction::Add { .. }
                }
                | Command::Customers {
                    action: CustomerAction::Add { .. }
                }
                | Command::Metrics {
                    action: MetricAction::Add { .. }
                }
                | Command::Tickets {
                    action: TicketAction::Import { .. }
                }
        )
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) if !error.use_stderr() => error.exit(),
        Err(error) => return fail(&usage_mistake(&error)),
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => fail(&error),
    }
}

fn fail(error: &dyn std::fmt::Display) -> ExitCode {
    eprintln!("outward: {error}");
    ExitCode::FAILURE
}

/// A mistake in the command line as one line, like every other failure: what clap says was
/// wrong (with the values it takes or the name it guesses was meant) and which help to read.
/// Clap's usual block of usage would break scripts that read one line.
fn usage_mistake(error: &clap::Error) -> String {
    let rendered = error.to_string();
    let paragraphs: Vec<&str> = rendered.split("\n\n").collect();
    let usage = paragraphs
        .iter()
        .find_map(|p| p.trim_start().strip_prefix("Usage: "))
        .unwrap_or("outward");
    // The command as typed so far: the usage up to its first option or placeholder.
    let command = usage
        .split_whitespace()
        .take_while(|word| !word.starts_with(['[', '<', '-']))
        .collect::<Vec<_>>()
        .join(" ");
    let what = if error.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
        // Clap prints the whole help here; one line says what is missing instead.
        format!("'{command}' requires a subcommand but one was not provided")
    } else {
        paragraphs
            .iter()
            .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|p| !p.is_empty() && !p.starts_with("Usage: ") && !p.starts_with("For more"))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let what = what.strip_prefix("error: ").unwrap_or(&what);
    format!("{what} (see {command} --help)")
}

fn run(cli: Cli) -> Result<()> {
    let path = match cli.db {
        Some(path) => path,
        None => db::default_path()?,
    };
    // These work on the files, not through an open database.
    let command = match cli.command {
        Command::Backups { action } => return backups::run(&path, action),
        Command::Restore { file } => return backups::restore(&path, &file),
        command => command,
    };
    let database = open(&path, command.may_create())?;
    match command {
        Command::Backups { .. } | Command::Restore { .. } => unreachable!("handled above"),
        Command::Export { out } => bundle::export(&database, &out),
        Command::ImportBundle { path } => bundle::import(&database, &path),
        Command::Info { json } => workspace::info(&database, json),
        Command::Backup => workspace::backup(&database),
        Command::Seed { profile } => workspace::seed(&database, profile),
        Command::Teams { action } => teams::run(&database, action),
        Command::People { action } => people::run(&database, action),
        Command::Products { action } => products::run(&database, action),
        Command::Customers { action } => customers::run(&database, action),
        Command::Interviews { action } => interviews::run(&database, action),
        Command::PainPoints { action } => pain_points::run(&database, action),
        Command::Workshops { action } => workshops::run(&database, action),
        Command::Exercises { action } => exercises::run(&database, action),
        Command::Room { action } => room::run(database, action),
        Command::Metrics { action } => metrics::run(&database, action),
        Command::Surveys { action } => surveys::run(&database, action),
        Command::Goals { action } => goals::run(&database, action),
        Command::Tickets { action } => tickets::run(&database, action),
        Command::Migrations { action } => migrations::run(&database, action),
        Command::Search { query, json } => search::run(&database, &query, json),
        Command::Commitments { action } => commitments::run(&database, action),
        Command::Kudos { action } => kudos::run(&database, action),
        Command::Rota { action } => rota::run(&database, action),
        Command::Hiring { action } => hiring::run(&database, action),
        Command::Report {
            quarter,
            format,
            out,
        } => report::run(&database, quarter, &format, out),
        Command::Checkin {
            commitment,
            progress,
            confidence,
            note,
            on,
            json,
        } => commitments::check_in(&database, commitment, progress, confidence, note, on, json),
    }
}

/// Opens the database. Commands that only read refuse a missing file instead of creating an
/// empty one in the wrong place.
fn open(path: &Path, may_create: bool) -> Result<Database> {
    if path.is_dir() {
        return Err(Error::Unreadable {
            path: path.to_owned(),
            reason: "it is a folder, not a database file".into(),
        });
    }
    if !may_create && !path.exists() {
        return Err(Error::Unreadable {
            path: path.to_owned(),
            reason: "no such file (the app or `outward seed` creates it)".into(),
        });
    }
    Database::open(path, Utc::now())
}
