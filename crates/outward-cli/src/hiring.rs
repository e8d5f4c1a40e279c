//! `outward hiring`: the interview guides of the hiring kit, and a guide exported as Markdown
//! or one printable HTML file, by the same code as the app's export.

use clap::Subcommand;
use outward_core::db::Database;
use outward_core::error::Result;
use outward_core::hiring::export::{self, GuideFormat};
use outward_core::hiring::guides;
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum HiringAction {
    /// The interview guides, by name
    Guides,
    /// Export an interview guide (by name or id) as Markdown or printable HTML
    Export {
        /// The guide's name or id
        guide: String,
        /// md or html
        #[arg(long, default_value = "md")]
        format: String,
        /// Where to write it; printed when not given
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

pub fn run(db: &Database, action: HiringAction) -> Result<()> {
    match action {
        HiringAction::Guides => {
            for g in db.read(guides::list)? {
                println!(
                    "{}  {} ({} questions, {} min)",
                    g.id, g.name, g.question_count, g.total_minutes
                );
            }
            Ok(())
        }
        HiringAction::Export { guide, format, out } => {
            let format: GuideFormat = format.parse()?;
            let (_, text) = db.read(|conn| export::export(conn, &guide, format))?;
            match out {
                Some(path) => {
                    export::save(&path, &text)?;
                    println!("Wrote {}.", path.display());
                }
                None => print!("{text}"),
            }
            Ok(())
        }
    }
}
