//! Commands for the support rota: a team's weeks ahead, planning them, recording shifts,
//! absences and support conversations, and coverage by level per quarter.

use crate::store::{Reply, Store};
use chrono::{NaiveDate, Utc};
use outward_core::id::Id;
use outward_core::rota::coverage::{self, QuarterCoverage};
use outward_core::rota::{
    self, Absence, AbsenceInput, ConversationInput, PlanInput, Rota, ShiftInput,
    SupportConversation, SupportWeek,
};
use tauri::State;

/// The team's rota for `weeks` weeks from the week holding `from` (this week when not given).
#[tauri::command(async)]
pub fn support_rota(
    store: State<'_, Store>,
    team_id: Id,
    from: Option<NaiveDate>,
    weeks: u32,
) -> Reply<Rota> {
    let from = from.unwrap_or_else(|| Utc::now().date_naive());
    store.read(|conn, _| rota::view(conn, team_id, from, weeks))
}

#[tauri::command(async)]
pub fn plan_support_rota(store: State<'_, Store>, input: PlanInput) -> Reply<Rota> {
    store.write(|tx, now| rota::plan(tx, &input, now))
}

#[tauri::command(async)]
pub fn record_support_shift(store: State<'_, Store>, input: ShiftInput) -> Reply<SupportWeek> {
    store.write(|tx, now| rota::record_shift(tx, &input, now))
}

#[tauri::command(async)]
pub fn add_absence(store: State<'_, Store>, input: AbsenceInput) -> Reply<Absence> {
    store.write(|tx, now| rota::add_absence(tx, &input, now))
}

#[tauri::command(async)]
pub fn add_support_conversation(
    store: State<'_, Store>,
    input: ConversationInput,
) -> Reply<SupportConversation> {
    store.write(|tx, now| rota::add_conversation(tx, &input, now))
}

/// The latest support conversations of the team's people.
#[tauri::command(async)]
pub fn list_support_conversations(
    store: State<'_, Store>,
    team_id: Option<Id>,
    limit: u32,
) -> Reply<Vec<SupportConversation>> {
    store.read(|conn, _| rota::conversations(conn, team_id, limit))
}

/// Coverage by level of the `quarters` quarters up to `until` (`2026-Q3`) or this one, of a
/// team or of every team.
#[tauri::command(async)]
pub fn support_coverage(
    store: State<'_, Store>,
    team_id: Option<Id>,
    quarters: u32,
    until: Option<String>,
) -> Reply<Vec<QuarterCoverage>> {
    let today = Utc::now().date_naive();
    store.read(|conn, _| coverage::quarters_until(conn, until.as_deref(), today, quarters, team_id))
}
