//! `outward migrations`: the migrations the platform team runs for its consumer teams, how far
//! each has come, and one migration's burn-up, hours and blocked teams.

use crate::output::{print_list, to_json};
use chrono::Utc;
use clap::Subcommand;
use outward_core::db::Database;
use outward_core::error::Result;
use outward_core::platform_migrations::progress::{self, MigrationProgress};
use outward_core::platform_migrations::{self, Migration};

#[derive(Subcommand)]
pub enum MigrationAction {
    /// Every migration, the nearest deadline first, with its teams done and blocked
    List {
        #[arg(long)]
        json: bool,
    },
    /// One migration (by id or title): its teams, burn-up, hours and blocked teams
    Show {
        migration: String,
        #[arg(long)]
        json: bool,
    },
}

pub fn run(db: &Database, action: MigrationAction) -> Result<()> {
    match action {
        MigrationAction::List { json } => {
            let list = db.read(platform_migrations::list)?;
            print_list(json, &list, |m| {
                vec![
                    m.id.to_string(),
                    m.title.clone(),
                    format!("due {}", m.deadline),
                    format!("{}/{} done", m.done, m.teams),
                    blocked(m),
                ]
            })
        }
        MigrationAction::Show { migration, json } => {
            let today = Utc::now().date_naive();
            let found = db.read(|c| {
                let id = platform_migrations::find(c, &migration)?.id;
                progress::progress(c, id, today)
            })?;
            if json {
                println!("{}", to_json(&found));
            } else {
                print_progress(&found);
            }
            Ok(())
        }
    }
}

fn blocked(m: &Migration) -> String {
    match m.blocked {
        0 => String::new(),
        n => format!("{n} blocked"),
    }
}

fn print_progress(p: &MigrationProgress) {
    let m = &p.migration;
    println!("{}", m.title);
    if !m.from_what.is_empty() || !m.to_what.is_empty() {
        println!("from {} to {}", m.from_what, m.to_what);
    }
    if let Some(product) = &m.product_name {
        println!("product: {product}");
    }
    println!(
        "{} to {} ({} days left)",
        m.starts_on, m.deadline, p.days_left
    );
    if let Some(commitment) = &m.commitment_title {
        println!("commitment: {commitment}");
    }
    println!("{} of {} teams done", m.done, m.teams);
    println!();
    for t in &p.teams {
        let hours = if t.hours_reported {
            "reported"
        } else {
            "estimated"
        };
        println!(
            "  {:<24} {:<12} since {}  {} h {hours}",
            t.customer_name,
            t.state.label(),
            t.changed_on,
            t.hours
        );
    }
    println!();
    println!("burn-up (teams done by each week's end; at an even pace):");
    for w in &p.burn_up {
        let done = w.done.map_or("-".to_owned(), |d| d.to_string());
        println!("  {}  {done:>3}  {:>6.2}", w.ends_on, w.expected);
    }
    println!();
    println!(
        "hours: consumer teams {} ({} reported, {} estimated); platform team {}",
        p.hours.consumer, p.hours.consumer_reported, p.hours.consumer_estimated, p.hours.platform
    );
    for t in &p.blocked {
        println!(
            "blocked: {} since {}: {}",
            t.customer_name, t.changed_on, t.reason
        );
    }
    if p.pain_points_total > 0 {
        println!(
            "pain points raised since the start: {}",
            p.pain_points_total
        );
        for pain in &p.pain_points {
            println!("  {} ({})", pain.title, pain.status.label());
        }
    }
}
