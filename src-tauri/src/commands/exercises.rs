//! Commands for exercises: the built-in library and a team's own copies of it.

use crate::store::{Reply, Store};
use outward_core::exercises::{self, Exercise, ExerciseInput, ExerciseSummary};
use tauri::State;

#[tauri::command(async)]
pub fn list_exercises(store: State<'_, Store>) -> Reply<Vec<ExerciseSummary>> {
    store.read(|conn, _| exercises::list(conn))
}

/// One exercise by a built-in's slug or a copy's id.
#[tauri::command(async)]
pub fn get_exercise(store: State<'_, Store>, id: String) -> Reply<Exercise> {
    store.read(|conn, _| exercises::get(conn, &id))
}

/// Makes a team's own copy of a built-in or of another copy.
#[tauri::command(async)]
pub fn duplicate_exercise(store: State<'_, Store>, id: String) -> Reply<Exercise> {
    let copy = store.write(|tx, now| exercises::duplicate(tx, &id, now))?;
    Ok(copy)
}

/// Saves a copy whole: its fields and every step, in one transaction.
#[tauri::command(async)]
pub fn save_exercise(store: State<'_, Store>, id: String, input: ExerciseInput) -> Reply<Exercise> {
    let saved = store.write(|tx, now| exercises::save(tx, &id, &input, now))?;
    Ok(saved)
}
