//! A team's own exercises: copies of a built-in (or of another copy) stored in `exercises`, with
//! their steps in `exercise_steps` by position. Saving replaces the exercise and all its steps
//! in the caller's transaction, so a reader sees the old exercise or the new one, never a mix.

use super::{Exercise, ExerciseInput, ExerciseSummary, Step, library, rules};
use crate::error::{Error, Result};
use crate::id::Id;
use crate::store::live;
use chrono::{DateTime, Utc};
use rusqlite::{Connection, Row, Transaction, named_params};

/// Live copies by name, each with its step count and total time.
pub(super) fn list(conn: &Connection) -> Result<Vec<ExerciseSummary>> {
    let mut stmt = conn.prepare_cached(
        "SELECT e.id, e.name, e.purpose, e.based_on, e.updated_at,
                count(s.position), coalesce(sum(s.timebox_seconds), 0)
         FROM exercises e LEFT JOIN exercise_steps s ON s.exercise_id = e.id
         WHERE e.deleted_at IS NULL
         GROUP BY e.id
         ORDER BY e.name COLLATE NOCASE, e.id",
    )?;
    let copies = stmt
        .query_map([], |r| {
            Ok(ExerciseSummary {
                id: r.get::<_, Id>(0)?.to_string(),
                built_in: false,
                name: r.get(1)?,
                purpose: r.get(2)?,
                based_on: r.get(3)?,
                updated_at: r.get(4)?,
                step_count: r.get(5)?,
                total_seconds: r.get(6)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(copies)
}

/// A live copy with its steps in order.
pub(super) fn get(conn: &Connection, id: Id) -> Result<Exercise> {
    let mut stmt = conn.prepare_cached(
        "SELECT name, purpose, idea, based_on, updated_at FROM exercises
         WHERE id = ?1 AND deleted_at IS NULL",
    )?;
    let (name, purpose, idea, based_on, updated_at) = live(
        stmt.query_row([id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        }),
        "exercise",
        id,
    )?;
    let steps = steps_of(conn, id)?;
    Ok(Exercise {
        id: id.to_string(),
        built_in: false,
        name,
        purpose,
        idea,
        total_seconds: super::total_seconds(&steps),
        steps,
        based_on,
        updated_at: Some(updated_at),
    })
}

fn steps_of(conn: &Connection, id: Id) -> Result<Vec<Step>> {
    let mut stmt = conn.prepare_cached(
        "SELECT title, kind, timebox_seconds, prompt, script, dimensions, votes_per_person,
                max_votes_per_item
         FROM exercise_steps WHERE exercise_id = ?1 ORDER BY position",
    )?;
    let steps = stmt
        .query_map([id], step_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(steps)
}

fn step_from_row(row: &Row<'_>) -> rusqlite::Result<Step> {
    let dimensions: String = row.get(5)?;
    Ok(Step {
        title: row.get(0)?,
        kind: row.get(1)?,
        timebox_seconds: row.get(2)?,
        prompt: row.get(3)?,
        script: row.get(4)?,
        dimensions: serde_json::from_str(&dimensions).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(5, rusqlite::types::Type::Text, e.into())
        })?,
        votes_per_person: row.get(6)?,
        max_votes_per_item: row.get(7)?,
    })
}

/// Makes a team's own copy of the exercise `source` (a built-in's slug or a copy's id), named
/// after it ("… (copy)", numbered when that name is taken), remembering the built-in it
/// comes from.
pub fn duplicate(tx: &Transaction<'_>, source: &str, now: DateTime<Utc>) -> Result<Exercise> {
    let original = super::get(tx, source)?;
    let based_on = if original.built_in {
        Some(original.id.clone())
    } else {
        original.based_on.clone()
    };
    let input = ExerciseInput {
        name: copy_name(tx, &original.name)?,
        ..original.to_input()
    };
    let input = rules::validated(&input)?;
    let id = Id::at(now);
    tx.prepare_cached(
        "INSERT INTO exercises (id, name, purpose, idea, based_on, created_at, updated_at)
         VALUES (:id, :name, :purpose, :idea, :based_on, :now, :now)",
    )?
    .execute(named_params! {
        ":id": id, ":name": input.name, ":purpose": input.purpose, ":idea": input.idea,
        ":based_on": based_on, ":now": now,
    })?;
    write_steps(tx, id, &input.steps)?;
    get(tx, id)
}

/// A name for a copy of `name` that no live copy has: "Name (copy)", then "Name (copy 2)" …
fn copy_name(conn: &Connection, name: &str) -> Result<String> {
    let base: String = name.chars().take(crate::NAME_MAX - 10).collect();
    let mut taken = conn.prepare_cached(
        "SELECT 1 FROM exercises WHERE deleted_at IS NULL AND name = ?1 COLLATE NOCASE",
    )?;
    let mut n = 1;
    loop {
        let candidate = match n {
            1 => format!("{base} (copy)"),
            n => format!("{base} (copy {n})"),
        };
        if !taken.exists([&candidate])? {
            return Ok(candidate);
        }
        n += 1;
    }
}

/// Saves a copy: its fields and every step, replacing what was there. A built-in is read-only,
/// and a copy in the Trash must be restored first.
pub fn save(
    tx: &Transaction<'_>,
    id: &str,
    input: &ExerciseInput,
    now: DateTime<Utc>,
) -> Result<Exercise> {
    if let Some(built_in) = library::find(id) {
        return Err(Error::conflict(
            None,
            format!(
                "“{}” is a built-in exercise and stays as the library has it. Make a copy to \
                 change it.",
                built_in.name
            ),
        ));
    }
    let not_found = || Error::NotFound {
        entity: "exercise",
        id: id.to_owned(),
    };
    let id: Id = id.trim().parse().map_err(|_| not_found())?;
    let input = rules::validated(input)?;
    let changed = tx
        .prepare_cached(
            "UPDATE exercises SET name = :name, purpose = :purpose, idea = :idea,
                updated_at = :now
             WHERE id = :id AND deleted_at IS NULL",
        )?
        .execute(named_params! {
            ":id": id, ":name": input.name, ":purpose": input.purpose, ":idea": input.idea,
            ":now": now,
        })?;
    if changed == 0 {
        return Err(not_found());
    }
    tx.prepare_cached("DELETE FROM exercise_steps WHERE exercise_id = ?1")?
        .execute([id])?;
    write_steps(tx, id, &input.steps)?;
    get(tx, id)
}

fn write_steps(tx: &Transaction<'_>, id: Id, steps: &[Step]) -> Result<()> {
    let mut insert = tx.prepare_cached(
        "INSERT INTO exercise_steps (exercise_id, position, title, kind, timebox_seconds, prompt,
             script, dimensions, votes_per_person, max_votes_per_item)
         VALUES (:id, :position, :title, :kind, :timebox, :prompt, :script, :dimensions,
             :votes, :cap)",
    )?;
    for (position, step) in steps.iter().enumerate() {
        let dimensions =
            serde_json::to_string(&step.dimensions).expect("a list of strings serialises");
        insert.execute(named_params! {
            ":id": id, ":position": position as u32, ":title": step.title, ":kind": step.kind,
            ":timebox": step.timebox_seconds, ":prompt": step.prompt, ":script": step.script,
            ":dimensions": dimensions, ":votes": step.votes_per_person,
            ":cap": step.max_votes_per_item,
        })?;
    }
    Ok(())
}
