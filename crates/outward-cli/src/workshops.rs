//! `outward workshops`: list workshops, most recent first, of one state or facilitator if asked;
//! export one's summary as Markdown, to a file or the terminal.

use crate::output::print_list;
use clap::Subcommand;
use outward_core::db::Database;
use outward_core::error::Result;
use outward_core::id::Id;
use outward_core::outcomes::markdown;
use outward_core::page::{LIMIT_MAX, PageRequest};
use outward_core::workshops::{self, WorkshopFilter, WorkshopState};
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum WorkshopAction {
    /// List workshops, most recent first
    List {
        #[arg(long)]
        json: bool,
        /// Only this state: planned, running, finished
        #[arg(long)]
        state: Option<WorkshopState>,
        /// Only those this person facilitated (their id)
        #[arg(long)]
        facilitator: Option<Id>,
        #[arg(long, default_value_t = 50)]
        limit: u32,
    },
    /// Export a workshop's summary (outcomes, top-voted items, ratings, attendees, time per step)
    Export {
        /// The workshop's id
        id: Id,
        /// The format to write; Markdown is the one there is
        #[arg(long, value_enum, default_value_t = Format::Md)]
        format: Format,
        /// Write to this file (whole or not at all) instead of printing
        #[arg(long, value_name = "PATH")]
        out: Option<PathBuf>,
    },
}

/// What an export is written as.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Format {
    /// Markdown
    Md,
}

pub fn run(db: &Database, action: WorkshopAction) -> Result<()> {
    let (json, state, facilitator, limit) = match action {
        WorkshopAction::List {
            json,
            state,
            facilitator,
            limit,
        } => (json, state, facilitator, limit),
        WorkshopAction::Export { id, format, out } => return export(db, id, format, out),
    };
    let filter = WorkshopFilter {
        state,
        facilitator_id: facilitator,
        ..Default::default()
    };
    let page = PageRequest {
        offset: 0,
        limit: limit.min(LIMIT_MAX),
    };
    let list = db.read(|conn| workshops::list(conn, &filter, page))?;
    print_list(json, &list.items, |w| {
        vec![
            w.held_on.to_string(),
            w.title.clone(),
            w.state.label().into(),
            w.facilitator_name.clone().unwrap_or_default(),
            format!("{} cards", w.card_count),
            w.id.to_string(),
        ]
    })
}

/// The workshop's summary as Markdown, the same text the app saves: printed, or written to `out`.
fn export(db: &Database, id: Id, format: Format, out: Option<PathBuf>) -> Result<()> {
    let Format::Md = format;
    let text = db.read(|conn| markdown::export(conn, id, chrono::Utc::now()))?;
    match out {
        Some(path) => {
            markdown::save(&path, &text)?;
            println!("{}", path.display());
        }
        None => print!("{text}"),
    }
    Ok(())
}
