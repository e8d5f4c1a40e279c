//! `outward pain-points`: list pain points, heaviest first, of one status if asked.

use crate::output::print_list;
use chrono::Utc;
use clap::Subcommand;
use outward_core::db::Database;
use outward_core::error::Result;
use outward_core::page::{LIMIT_MAX, PageRequest};
use outward_core::pain_points::{self, PainPointFilter, Status, severity_word};

#[derive(Subcommand)]
pub enum PainPointAction {
    /// List pain points, heaviest first
    List {
        #[arg(long)]
        json: bool,
        /// Only this status: new, accepted, planned, addressed, wontFix
        #[arg(long)]
        status: Option<Status>,
        #[arg(long, default_value_t = 50)]
        limit: u32,
    },
}

pub fn run(db: &Database, action: PainPointAction) -> Result<()> {
    let PainPointAction::List {
        json,
        status,
        limit,
    } = action;
    let filter = PainPointFilter {
        status,
        ..Default::default()
    };
    let page = PageRequest {
        offset: 0,
        limit: limit.min(LIMIT_MAX),
    };
    let today = Utc::now().date_naive();
    let list = db.read(|conn| pain_points::list(conn, &filter, page, today))?;
    print_list(json, &list.items, |p| {
        vec![
            format!("{:.1}", p.weight),
            p.title.clone(),
            p.status.label().into(),
            severity_word(p.severity).into(),
            p.id.to_string(),
        ]
    })
}
