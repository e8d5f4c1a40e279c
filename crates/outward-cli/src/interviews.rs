//! `outward interviews`: import a folder of Markdown notes (all or nothing) and list what is there.

use crate::output::print_list;
use chrono::Utc;
use clap::Subcommand;
use outward_core::db::Database;
use outward_core::error::Result;
use outward_core::interviews::import::{ImportPreview, PendingImports};
use outward_core::interviews::{self, InterviewFilter};
use outward_core::page::{LIMIT_MAX, PageRequest};
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum InterviewAction {
    /// Import a folder of Markdown files with YAML front matter (date, customer, interviewees,
    /// tags); all or nothing
    Import {
        dir: PathBuf,
        /// Show what would be created, and write nothing
        #[arg(long)]
        dry_run: bool,
    },
    /// List interviews, newest first
    List {
        #[arg(long)]
        json: bool,
        /// How many to show
        #[arg(long, default_value_t = 50)]
        limit: u32,
    },
}

pub fn run(db: &Database, action: InterviewAction) -> Result<()> {
    match action {
        InterviewAction::Import { dir, dry_run } => import(db, dir, dry_run),
        InterviewAction::List { json, limit } => {
            let page = PageRequest {
                offset: 0,
                limit: limit.min(LIMIT_MAX),
            };
            let interviews =
                db.read(|conn| interviews::list(conn, &InterviewFilter::default(), page))?;
            print_list(json, &interviews.items, |i| {
                vec![
                    i.held_on.to_string(),
                    i.customer_name.clone(),
                    i.kind.label().into(),
                    i.id.to_string(),
                ]
            })
        }
    }
}

fn import(db: &Database, dir: PathBuf, dry_run: bool) -> Result<()> {
    // The app's path: one preview, then exactly the previewed plan is written.
    let pending = PendingImports::default();
    let preview = db.read(|conn| pending.preview(conn, &dir))?;
    print_preview(&preview);
    if dry_run {
        println!(
            "Dry run: {} interviews would be imported; nothing was written.",
            preview.file_count
        );
        return Ok(());
    }
    let count = db.write(|tx| pending.apply(tx, preview.handle, Utc::now()))?;
    println!("Imported {count} interviews.");
    Ok(())
}

/// The files of a preview, and the customers it would create, with counts of those not listed.
fn print_preview(preview: &ImportPreview) {
    for file in &preview.files {
        println!("{}  {}  {}", file.held_on, file.customer, file.file);
    }
    let unlisted = preview.file_count as usize - preview.files.len();
    if unlisted > 0 {
        println!("… and {unlisted} more files");
    }
    if !preview.new_customers.is_empty() {
        let unnamed = preview.new_customer_count as usize - preview.new_customers.len();
        let more = if unnamed > 0 {
            format!(" and {unnamed} more")
        } else {
            String::new()
        };
        println!("New customers: {}{more}", preview.new_customers.join(", "));
    }
}
