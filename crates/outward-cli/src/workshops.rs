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
    /// Plan a workshop of an exercise for a team, and print its id
    Plan {
        /// A built-in exercise's slug (see `outward exercises list`) or a copy's id
        #[arg(long)]
        exercise: String,
        /// The team's id
        #[arg(long)]
        team: Id,
        /// The facilitator's id (a person on the team)
        #[arg(long)]
        facilitator: Id,
        /// A participant's id; repeat for each
        #[arg(long = "participant")]
        participants: Vec<Id>,
        /// The day it is held, YYYY-MM-DD
        #[arg(long)]
        on: chrono::NaiveDate,
        /// The start time, HH:MM
        #[arg(long, default_value = "09:30")]
        at: String,
    },
    /// Move a running workshop's room to a step (1 is the first), starting it if planned
    Step {
        /// The workshop's id
        id: Id,
        /// The step, counting from 1
        step: u32,
    },
    /// Finish a running workshop
    Finish {
        /// The workshop's id
        id: Id,
    },
    /// Show a workshop: where the room is, its cards (the room's included) and its votes
    Show {
        /// The workshop's id
        id: Id,
        #[arg(long)]
        json: bool,
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
        WorkshopAction::Show { id, json } => return show(db, id, json),
        WorkshopAction::Plan {
            exercise,
            team,
            facilitator,
            participants,
            on,
            at,
        } => {
            let input = workshops::PlanInput {
                exercise_id: exercise,
                team_id: team,
                held_on: on,
                starts_at: at,
                facilitator_id: facilitator,
                participant_ids: participants,
            };
            let planned = db.write(|tx| workshops::plan(tx, &input, chrono::Utc::now()))?;
            println!("{}", planned.id);
            return Ok(());
        }
        WorkshopAction::Step { id, step } => {
            return db.write(|tx| {
                let now = chrono::Utc::now();
                if workshops::get(tx, id, now)?.state == WorkshopState::Planned {
                    workshops::run::start(tx, id, now)?;
                }
                workshops::run::go_to(tx, id, step.saturating_sub(1), now)
            });
        }
        WorkshopAction::Finish { id } => {
            return db.write(|tx| workshops::run::finish(tx, id, chrono::Utc::now()));
        }
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

/// A workshop with its board as the facilitator sees it (scripts, every card, votes once
/// revealed) and its open room, if any.
#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct Shown {
    workshop: workshops::Workshop,
    board: workshops::board::Board,
    room: Option<outward_core::room::Room>,
}

fn show(db: &Database, id: Id, json: bool) -> Result<()> {
    let now = chrono::Utc::now();
    let shown = db.read(|conn| {
        Ok(Shown {
            workshop: workshops::get(conn, id, now)?,
            board: workshops::board::read_whole(
                conn,
                id,
                workshops::board::Audience::Facilitator,
                now,
            )?,
            room: outward_core::room::get(conn, id)?,
        })
    })?;
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&shown).expect("a workshop serialises")
        );
        return Ok(());
    }
    let board = &shown.board;
    println!("{} ({})", board.title, board.state.label());
    if let Some(step) = &board.step {
        println!(
            "Step {} of {}: {}",
            step.position + 1,
            board.step_count,
            step.title
        );
    }
    if let Some(room) = &shown.room {
        println!("The room is open; {} joined.", room.joined);
    }
    for card in &board.cards {
        let votes = card
            .votes
            .map(|v| format!(" ({v} votes)"))
            .unwrap_or_default();
        let signed = card
            .signed_name
            .as_ref()
            .map(|n| format!(" — {n}"))
            .unwrap_or_default();
        println!("- {}{signed}{votes}", card.text);
    }
    Ok(())
}
