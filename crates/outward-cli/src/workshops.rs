//! `outward workshops`: list workshops, most recent first, of one state or facilitator if asked.

use crate::output::print_list;
use clap::Subcommand;
use outward_core::db::Database;
use outward_core::error::Result;
use outward_core::id::Id;
use outward_core::page::{LIMIT_MAX, PageRequest};
use outward_core::workshops::{self, WorkshopFilter, WorkshopState};

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
}

pub fn run(db: &Database, action: WorkshopAction) -> Result<()> {
    let WorkshopAction::List {
        json,
        state,
        facilitator,
        limit,
    } = action;
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
