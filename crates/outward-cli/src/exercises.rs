//! `outward exercises`: the exercise library, built-ins first, then the team's own copies.

use crate::output::print_list;
use clap::Subcommand;
use outward_core::db::Database;
use outward_core::error::Result;
use outward_core::exercises;

#[derive(Subcommand)]
pub enum ExerciseAction {
    /// List every exercise with its step count and total time
    List {
        #[arg(long)]
        json: bool,
    },
}

pub fn run(db: &Database, action: ExerciseAction) -> Result<()> {
    match action {
        ExerciseAction::List { json } => {
            let listed = db.read(exercises::list)?;
            print_list(json, &listed, |e| {
                vec![
                    e.name.clone(),
                    if e.built_in { "built-in" } else { "own copy" }.into(),
                    format!("{} steps", e.step_count),
                    format!("{} min", e.total_seconds.div_ceil(60)),
                    e.id.clone(),
                ]
            })
        }
    }
}
