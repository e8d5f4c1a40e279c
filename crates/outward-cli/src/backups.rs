//! `outward backups list` and `outward restore FILE`.

use crate::output::print_list;
use chrono::Utc;
use clap::Subcommand;
use outward_core::db::backup;
use outward_core::error::Result;
use std::path::Path;

#[derive(Subcommand)]
pub enum BackupsAction {
    /// Every backup of the database, newest first: when, why, its size, and whether it verifies
    List {
        #[arg(long)]
        json: bool,
    },
}

pub fn run(db_path: &Path, action: BackupsAction) -> Result<()> {
    match action {
        BackupsAction::List { json } => {
            let backups = backup::describe(db_path);
            print_list(json, &backups, |b| {
                vec![
                    b.taken_at.format("%Y-%m-%d %H:%M:%S UTC").to_string(),
                    b.reason.map_or("unknown", |r| r.tag()).to_owned(),
                    format!("{:.1} MB", b.size_bytes as f64 / 1_048_576.0),
                    match &b.problem {
                        None => "verified".to_owned(),
                        Some(problem) => format!("fails: {problem}"),
                    },
                    b.path.clone(),
                ]
            })
        }
    }
}

/// Replaces the database with the backup at `file` after checking it; the replaced state is
/// kept as a backup first. Run while the app is closed.
pub fn restore(db_path: &Path, file: &Path) -> Result<()> {
    let kept = backup::restore(file, db_path, Utc::now())?;
    println!("Restored {} into {}.", file.display(), db_path.display());
    if let Some(kept) = kept {
        println!("The replaced state is kept as {}.", kept.display());
    }
    Ok(())
}
