//! Exercises: the workshop templates a facilitator runs. The built-in library is data compiled
//! into the app ([`library`]), named by stable slugs and never stored, so a later version of
//! the app can improve it without touching anything a team made. A team makes an exercise its
//! own by copying one ([`duplicate`]); copies are records like any other (they live in the
//! `exercises` and `exercise_steps` tables, go to the Trash and come back), and saving one
//! writes it and all its steps in one transaction.
//!
//! An exercise is named on the wire by a string: a built-in by its slug
//! (`who-are-our-customers`), a copy by its UUID. [`get`] accepts either.

mod copies;
pub mod library;
mod rules;

pub use copies::{duplicate, save};
pub use rules::{
    DIMENSION_MAX, DIMENSIONS_MAX, IDEA_MAX, PROMPT_MAX, PURPOSE_MAX, SCRIPT_MAX, STEPS_MAX,
    TIMEBOX_MAX_SECONDS, TITLE_MAX, VOTES_MAX,
};

use crate::error::{Error, Result};
use crate::id::Id;
use crate::text;
use chrono::{DateTime, Utc};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

text::vocabulary! {
    /// What the room does during a step; facilitation mode shows each kind its own way.
    StepKind, field = "kind", label = "Step kind" {
        Brief = "brief", "Brief";
        SilentWriting = "silentWriting", "Silent writing";
        Reveal = "reveal", "Reveal";
        Grouping = "grouping", "Grouping";
        DotVoting = "dotVoting", "Dot voting";
        Discussion = "discussion", "Discussion";
        Rating = "rating", "Rating";
        Decision = "decision", "Decision";
    }
}

/// The vote budget a dot-voting step gives each person unless it says otherwise.
pub const DEFAULT_VOTES_PER_PERSON: u32 = 3;
/// How many of one person's votes may go to one item unless the step says otherwise.
pub const DEFAULT_MAX_VOTES_PER_ITEM: u32 = 2;

/// One step of an exercise, in order: what the room does, for how long, what it sees and what
/// the facilitator says. Also the input for a step when a copy is saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Step {
    pub title: String,
    pub kind: StepKind,
    /// How long the step is planned to take: 1 second to 4 hours.
    pub timebox_seconds: u32,
    /// What the room sees, large, during the step.
    pub prompt: String,
    /// What the facilitator says and watches for; never shown to the room.
    pub script: String,
    /// A rating step's named dimensions, each rated 1–5; empty for every other kind.
    #[serde(default)]
    pub dimensions: Vec<String>,
    /// A dot-voting step's budget of votes per person.
    #[serde(default = "default_votes_per_person")]
    pub votes_per_person: u32,
    /// A dot-voting step's cap on one person's votes for one item.
    #[serde(default = "default_max_votes_per_item")]
    pub max_votes_per_item: u32,
}

fn default_votes_per_person() -> u32 {
    DEFAULT_VOTES_PER_PERSON
}

fn default_max_votes_per_item() -> u32 {
    DEFAULT_MAX_VOTES_PER_ITEM
}

/// A workshop template: a built-in one or a team's own copy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Exercise {
    /// A built-in's slug, or a copy's UUID.
    pub id: String,
    /// Built-ins are read-only: make a copy to change one.
    pub built_in: bool,
    pub name: String,
    /// What a team gets from running it.
    pub purpose: String,
    /// The idea of the product mindset it teaches.
    pub idea: String,
    /// In the order they are run; never empty.
    pub steps: Vec<Step>,
    /// The sum of the steps' timeboxes.
    pub total_seconds: u32,
    /// The built-in this one was copied from, directly or through another copy.
    pub based_on: Option<String>,
    /// When a copy was last saved; built-ins have none.
    pub updated_at: Option<DateTime<Utc>>,
}

/// An exercise as the library lists it, without its steps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ExerciseSummary {
    pub id: String,
    pub built_in: bool,
    pub name: String,
    pub purpose: String,
    pub total_seconds: u32,
    pub step_count: u32,
    pub based_on: Option<String>,
    pub updated_at: Option<DateTime<Utc>>,
}

/// What a copy is saved as: every field and every step, replacing what was there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ExerciseInput {
    pub name: String,
    #[serde(default)]
    pub purpose: String,
    #[serde(default)]
    pub idea: String,
    pub steps: Vec<Step>,
}

impl Exercise {
    pub fn summary(&self) -> ExerciseSummary {
        ExerciseSummary {
            id: self.id.clone(),
            built_in: self.built_in,
            name: self.name.clone(),
            purpose: self.purpose.clone(),
            total_seconds: self.total_seconds,
            step_count: self.steps.len() as u32,
            based_on: self.based_on.clone(),
            updated_at: self.updated_at,
        }
    }

    /// The exercise as input to save, e.g. to edit one field of it.
    pub fn to_input(&self) -> ExerciseInput {
        ExerciseInput {
            name: self.name.clone(),
            purpose: self.purpose.clone(),
            idea: self.idea.clone(),
            steps: self.steps.clone(),
        }
    }
}

/// The sum of `steps`' timeboxes.
pub fn total_seconds(steps: &[Step]) -> u32 {
    steps.iter().map(|s| s.timebox_seconds).sum()
}

/// Every exercise a team can run: the built-ins in the library's order, then the team's own
/// copies (not in the Trash) by name.
pub fn list(conn: &Connection) -> Result<Vec<ExerciseSummary>> {
    let mut all: Vec<ExerciseSummary> = library::all().iter().map(Exercise::summary).collect();
    all.extend(copies::list(conn)?);
    Ok(all)
}

/// One exercise, by a built-in's slug or a copy's id. A copy in the Trash is not found.
pub fn get(conn: &Connection, id: &str) -> Result<Exercise> {
    if let Some(built_in) = library::find(id) {
        return Ok(built_in.clone());
    }
    let not_found = || Error::NotFound {
        entity: "exercise",
        id: id.to_owned(),
    };
    let id: Id = id.trim().parse().map_err(|_| not_found())?;
    copies::get(conn, id)
}

/// The exercise a person means by `reference`: a built-in's slug, a copy's id, or a name
/// ignoring case (a name several exercises share is refused with a count).
pub fn find(conn: &Connection, reference: &str) -> Result<Exercise> {
    let reference = reference.trim();
    if let Ok(found) = get(conn, reference) {
        return Ok(found);
    }
    let named: Vec<ExerciseSummary> = list(conn)?
        .into_iter()
        .filter(|e| e.name.to_lowercase() == reference.to_lowercase())
        .collect();
    match named.as_slice() {
        [one] => get(conn, &one.id),
        [] => Err(Error::validation(
            "exerciseId",
            format!("There is no exercise named or with id “{reference}”."),
        )),
        many => Err(Error::validation(
            "exerciseId",
            format!(
                "{} exercises are named “{reference}”; use its id instead.",
                many.len()
            ),
        )),
    }
}
