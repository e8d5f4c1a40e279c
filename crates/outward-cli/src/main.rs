//! `outward`: Outward's store from a terminal. The same core as the desktop app, for scripts,
//! backups and seeding. Every failure prints one line starting with `outward:` and exits 1.

mod evidence;
mod records;

use chrono::Utc;
use clap::error::ErrorKind;
use clap::{Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use outward_core::datasets::{self, Sizes};
use outward_core::db::{self, Database};
use outward_core::error::{Error, Result};
use outward_core::workspace;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

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
    /// Load a data set into an empty database (heavy and stress are generated, the same on
    /// every run)
    Seed {
        #[arg(long, value_enum)]
        profile: Profile,
    },
    /// Teams using Outward
    Teams {
        #[command(subcommand)]
        action: records::TeamAction,
    },
    /// Members of teams
    People {
        #[command(subcommand)]
        action: records::PersonAction,
    },
    /// The products teams offer (the portfolio)
    Products {
        #[command(subcommand)]
        action: records::ProductAction,
    },
    /// Internal customer teams
    Customers {
        #[command(subcommand)]
        action: records::CustomerAction,
    },
    /// Conversations with customers
    Interviews {
        #[command(subcommand)]
        action: evidence::InterviewAction,
    },
    /// Customer problems, heaviest first
    PainPoints {
        #[command(subcommand)]
        action: evidence::PainPointAction,
    },
    /// Search interview notes, pain points and themes
    Search {
        query: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Profile {
    /// The small example workspace the app offers on first run
    Example,
    /// A heavy user's five years: 6,000 interviews with long notes, 60,000 pain points
    Heavy,
    /// Ten times heavy, for scaling checks (several gigabytes; takes a while)
    Stress,
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
    let creates = matches!(
        cli.command,
        Command::Seed { .. }
            | Command::Interviews {
                action: evidence::InterviewAction::Import { .. }
            }
    ) || records::adds(&cli.command);
    let database = open(&path, creates)?;
    match cli.command {
        Command::Info { json } => info(&database, json),
        Command::Backup => {
            let written = database.backup(Utc::now())?;
            println!("{}", written.display());
            Ok(())
        }
        Command::Seed { profile } => seed(&database, profile),
        Command::Teams { action } => records::teams(&database, action),
        Command::People { action } => records::people(&database, action),
        Command::Products { action } => records::products(&database, action),
        Command::Customers { action } => records::customers(&database, action),
        Command::Interviews { action } => evidence::interviews(&database, action),
        Command::PainPoints { action } => evidence::pain_points(&database, action),
        Command::Search { query, json } => evidence::search(&database, &query, json),
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

fn seed(database: &Database, profile: Profile) -> Result<()> {
    let sizes = match profile {
        Profile::Example => {
            database.write(|tx| workspace::load_example(tx, Utc::now()))?;
            let o = database.read(|conn| workspace::overview(conn, database.path()))?;
            println!(
                "Loaded the example workspace: {} team, {} people, {} products, {} customers, \
                 {} interviews, {} pain points.",
                o.teams, o.people, o.products, o.customers, o.interviews, o.pain_points
            );
            return Ok(());
        }
        Profile::Heavy => Sizes::HEAVY,
        Profile::Stress => Sizes::STRESS,
    };
    let started = Instant::now();
    let bar = ProgressBar::new(u64::from(sizes.interviews)).with_style(
        ProgressStyle::with_template("{msg:28} {wide_bar} {pos}/{len} interviews, {eta} left")
            .expect("a valid progress template"),
    );
    let summary = datasets::generate(database, &sizes, |progress| {
        bar.set_message(progress.stage);
        bar.set_position(progress.done);
    })?;
    bar.finish_and_clear();
    println!(
        "Generated in {:.0} s: {} teams, {} people, {} products, {} customers, {} themes, \
         {} interviews ({} words of notes), {} pain points with {} highlights.",
        started.elapsed().as_secs_f64(),
        summary.teams,
        summary.people,
        summary.products,
        summary.customers,
        summary.themes,
        summary.interviews,
        summary.words,
        summary.pain_points,
        summary.highlights
    );
    Ok(())
}

fn info(database: &Database, json: bool) -> Result<()> {
    let overview = database.read(|conn| workspace::overview(conn, database.path()))?;
    if json {
        println!("{}", records::to_json(&overview));
        return Ok(());
    }
    let backup = overview.latest_backup.as_deref().unwrap_or("none yet");
    println!("Database:       {}", overview.database_path);
    println!("Schema version: {}", overview.schema_version);
    println!("Teams:          {}", overview.teams);
    println!("People:         {}", overview.people);
    println!("Products:       {}", overview.products);
    println!("Customers:      {}", overview.customers);
    println!("Interviews:     {}", overview.interviews);
    println!("Pain points:    {}", overview.pain_points);
    println!("In the Trash:   {}", overview.trash);
    println!("Latest backup:  {backup}");
    Ok(())
}
