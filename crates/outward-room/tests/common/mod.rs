//! What the server's tests and its load benchmark share: a workshop running on a database file.

use chrono::Utc;
use outward_core::db::Database;
use outward_core::error::Result;
use outward_core::id::Id;
use outward_core::people::{self, Level, PersonInput};
use outward_core::teams::{self, TeamInput};
use outward_core::workshops::{self, PlanInput, run};
use std::path::Path;
use std::sync::Arc;

/// "From pain to commitments": its silent writing and its dot voting (5 votes, 2 on one card).
pub const WRITING: u32 = 1;
pub const VOTING: u32 = 4;

/// A database at `path` with "From pain to commitments" running on its silent writing.
pub fn running_workshop(path: &Path) -> Result<(Arc<Database>, Id)> {
    let now = Utc::now();
    let db = Arc::new(Database::open(path, now)?);
    let workshop = db.write(|tx| {
        let team = teams::create(
            tx,
            &TeamInput {
                name: "Platform".into(),
                description: String::new(),
            },
            now,
        )?
        .id;
        let ada = people::create(
            tx,
            &PersonInput {
                team_id: team,
                name: "Ada".into(),
                role: String::new(),
                level: Level::Mid,
            },
            now,
        )?
        .id;
        let workshop = workshops::plan(
            tx,
            &PlanInput {
                exercise_id: "from-pain-to-commitments".into(),
                team_id: team,
                held_on: now.date_naive(),
                starts_at: "09:30".into(),
                facilitator_id: ada,
                participant_ids: vec![ada],
            },
            now,
        )?
        .id;
        run::start(tx, workshop, now)?;
        run::go_to(tx, workshop, WRITING, now)?;
        Ok(workshop)
    })?;
    Ok((db, workshop))
}
