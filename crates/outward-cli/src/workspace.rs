//! The workspace as a whole: `outward info`, `backup` and `seed`.

use crate::output::to_json;
use chrono::Utc;
use clap::ValueEnum;
use indicatif::{ProgressBar, ProgressStyle};
use outward_core::datasets::{self, Sizes};
use outward_core::db::Database;
use outward_core::error::Result;
use outward_core::workspace;
use std::time::Instant;

#[derive(Clone, Copy, ValueEnum)]
pub enum Profile {
    /// The small example workspace the app offers on first run
    Example,
    /// A heavy user's five years: 6,000 interviews with long notes, 60,000 pain points
    Heavy,
    /// Ten times heavy, for scaling checks (several gigabytes; takes a while)
    Stress,
}

/// Writes a verified backup beside the database and prints its path.
pub fn backup(database: &Database) -> Result<()> {
    let written = database.backup(Utc::now())?;
    println!("{}", written.display());
    Ok(())
}

pub fn seed(database: &Database, profile: Profile) -> Result<()> {
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
    // One bar per stage: each counts its own records (interviews, cards, tickets, …).
    let bar = ProgressBar::new(u64::from(sizes.interviews)).with_style(
        ProgressStyle::with_template("{msg:28} {wide_bar} {pos}/{len}, {eta} left")
            .expect("a valid progress template"),
    );
    let summary = datasets::generate(database, &sizes, |progress| {
        if bar.message() != progress.stage {
            bar.set_message(progress.stage);
            bar.reset();
        }
        bar.set_length(progress.total);
        bar.set_position(progress.done);
    })?;
    bar.finish_and_clear();
    println!(
        "Generated in {:.0} s: {} teams, {} people, {} products, {} customers, {} themes, \
         {} interviews ({} words of notes), {} pain points with {} highlights, {} workshops \
         with {} cards, {} survey responses, {} commitments, {} tickets, {} migrations with \
         {} consumer teams, {} support weeks with {} absences and {} support conversations.",
        started.elapsed().as_secs_f64(),
        summary.teams,
        summary.people,
        summary.products,
        summary.customers,
        summary.themes,
        summary.interviews,
        summary.words,
        summary.pain_points,
        summary.highlights,
        summary.workshops,
        summary.workshop_cards,
        summary.survey_responses,
        summary.commitments,
        summary.tickets,
        summary.migrations,
        summary.migration_teams,
        summary.support_weeks,
        summary.absences,
        summary.support_conversations
    );
    Ok(())
}

pub fn info(database: &Database, json: bool) -> Result<()> {
    let overview = database.read(|conn| workspace::overview(conn, database.path()))?;
    if json {
        println!("{}", to_json(&overview));
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
