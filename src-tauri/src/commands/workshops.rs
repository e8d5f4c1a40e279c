//! Commands for workshops: planning, running step by step with a timer, and what the room
//! produces (cards, groups, votes, ratings). Actions return nothing: the `changed` event they
//! announce refreshes the board.

use crate::store::{Reply, Store};
use chrono::Utc;
use outward_core::id::Id;
use outward_core::page::{Page, PageRequest};
use outward_core::workshops::board::{self, Audience, Board, CardsPage};
use outward_core::workshops::cards::{self, Card, CardInput};
use outward_core::workshops::grouping::{self, AcceptedGrouping, GroupingProposal};
use outward_core::workshops::groups::{self, Group};
use outward_core::workshops::ratings::{self, DimensionTrend, RatingInput};
use outward_core::workshops::rota::{self, RotaEntry};
use outward_core::workshops::votes::{self, VoteInput, VoteResult};
use outward_core::workshops::{
    self, PlanInput, Workshop, WorkshopFilter, WorkshopListItem, run, timer,
};
use tauri::State;

#[tauri::command(async)]
pub fn list_workshops(
    store: State<'_, Store>,
    filter: WorkshopFilter,
    page: PageRequest,
) -> Reply<Page<WorkshopListItem>> {
    store.read(|conn, _| workshops::list(conn, &filter, page))
}

#[tauri::command(async)]
pub fn running_workshop(store: State<'_, Store>) -> Reply<Option<Id>> {
    store.read(|conn, _| workshops::running(conn))
}

#[tauri::command(async)]
pub fn get_workshop(store: State<'_, Store>, id: Id) -> Reply<Workshop> {
    store.read(|conn, _| workshops::get(conn, id, Utc::now()))
}

#[tauri::command(async)]
pub fn plan_workshop(store: State<'_, Store>, input: PlanInput) -> Reply<Workshop> {
    store.write(|tx, now| workshops::plan(tx, &input, now))
}

#[tauri::command(async)]
pub fn update_workshop_plan(store: State<'_, Store>, id: Id, input: PlanInput) -> Reply<Workshop> {
    store.write(|tx, now| workshops::update_plan(tx, id, &input, now))
}

#[tauri::command(async)]
pub fn facilitator_rota(store: State<'_, Store>, team_id: Id) -> Reply<Vec<RotaEntry>> {
    store.read(|conn, _| rota::rota(conn, team_id))
}

#[tauri::command(async)]
pub fn suggest_facilitator(store: State<'_, Store>, team_id: Id) -> Reply<Option<RotaEntry>> {
    store.read(|conn, _| rota::suggest_facilitator(conn, team_id))
}

#[tauri::command(async)]
pub fn start_workshop(store: State<'_, Store>, id: Id) -> Reply<()> {
    store.write(|tx, now| run::start(tx, id, now))
}

#[tauri::command(async)]
pub fn next_step(store: State<'_, Store>, id: Id) -> Reply<()> {
    store.write(|tx, now| run::next(tx, id, now))
}

#[tauri::command(async)]
pub fn previous_step(store: State<'_, Store>, id: Id) -> Reply<()> {
    store.write(|tx, now| run::previous(tx, id, now))
}

#[tauri::command(async)]
pub fn go_to_step(store: State<'_, Store>, id: Id, step: u32) -> Reply<()> {
    store.write(|tx, now| run::go_to(tx, id, step, now))
}

#[tauri::command(async)]
pub fn finish_workshop(store: State<'_, Store>, id: Id) -> Reply<()> {
    store.write(|tx, now| run::finish(tx, id, now))
}

#[tauri::command(async)]
pub fn start_timer(store: State<'_, Store>, id: Id) -> Reply<()> {
    store.write(|tx, now| timer::start(tx, id, now))
}

#[tauri::command(async)]
pub fn pause_timer(store: State<'_, Store>, id: Id) -> Reply<()> {
    store.write(|tx, now| timer::pause(tx, id, now))
}

#[tauri::command(async)]
pub fn add_timer_minute(store: State<'_, Store>, id: Id) -> Reply<()> {
    store.write(|tx, now| timer::add_minute(tx, id, now))
}

/// Facilitation mode calls this every few seconds while a workshop runs (see the core's timer).
#[tauri::command(async)]
pub fn keep_workshop_alive(store: State<'_, Store>, id: Id) -> Reply<()> {
    store.write(|tx, now| workshops::keep_alive(tx, id, now))
}

#[tauri::command(async)]
pub fn get_workshop_board(store: State<'_, Store>, id: Id) -> Reply<Board> {
    store.read(|conn, _| board::read(conn, id, Audience::Facilitator, Utc::now()))
}

/// The board's cards after card `after`, a page at a time (the board carries the first page).
#[tauri::command(async)]
pub fn workshop_board_cards(store: State<'_, Store>, id: Id, after: Id) -> Reply<CardsPage> {
    store.read(|conn, _| board::cards_after(conn, id, Audience::Facilitator, after, Utc::now()))
}

#[tauri::command(async)]
pub fn add_workshop_card(
    store: State<'_, Store>,
    workshop_id: Id,
    input: CardInput,
) -> Reply<Card> {
    store.write(|tx, now| cards::add(tx, workshop_id, &input, now))
}

#[tauri::command(async)]
pub fn get_workshop_card(store: State<'_, Store>, id: Id) -> Reply<Card> {
    store.read(|conn, _| cards::get(conn, id))
}

#[tauri::command(async)]
pub fn remove_workshop_card(store: State<'_, Store>, id: Id) -> Reply<()> {
    store.write(|tx, now| cards::remove(tx, id, now))
}

#[tauri::command(async)]
pub fn create_card_group(
    store: State<'_, Store>,
    workshop_id: Id,
    name: String,
    card_ids: Vec<Id>,
) -> Reply<Group> {
    store.write(|tx, now| groups::create(tx, workshop_id, &name, &card_ids, now))
}

#[tauri::command(async)]
pub fn rename_card_group(store: State<'_, Store>, id: Id, name: String) -> Reply<Group> {
    store.write(|tx, now| groups::rename(tx, id, &name, now))
}

#[tauri::command(async)]
pub fn move_workshop_card(store: State<'_, Store>, card_id: Id, group_id: Option<Id>) -> Reply<()> {
    store.write(|tx, now| groups::move_card(tx, card_id, group_id, now))
}

#[tauri::command(async)]
pub fn ungroup_cards(store: State<'_, Store>, id: Id) -> Reply<()> {
    store.write(|tx, now| groups::ungroup(tx, id, now))
}

#[tauri::command(async)]
pub fn suggest_card_groups(store: State<'_, Store>, workshop_id: Id) -> Reply<GroupingProposal> {
    store.read(|conn, _| grouping::suggest(conn, workshop_id))
}

#[tauri::command(async)]
pub fn accept_card_groups(
    store: State<'_, Store>,
    workshop_id: Id,
    proposal: GroupingProposal,
) -> Reply<AcceptedGrouping> {
    store.write(|tx, now| grouping::accept(tx, workshop_id, &proposal, now))
}

#[tauri::command(async)]
pub fn undo_card_groups(store: State<'_, Store>, workshop_id: Id, batch: Id) -> Reply<()> {
    store.write(|tx, now| grouping::undo(tx, workshop_id, batch, now))
}

#[tauri::command(async)]
pub fn cast_votes(
    store: State<'_, Store>,
    workshop_id: Id,
    person_id: Id,
    ballot: Vec<VoteInput>,
) -> Reply<()> {
    store.write(|tx, now| votes::cast(tx, workshop_id, person_id, &ballot, now))
}

/// One participant's own ballot, to change it.
#[tauri::command(async)]
pub fn get_ballot(
    store: State<'_, Store>,
    workshop_id: Id,
    person_id: Id,
) -> Reply<Vec<VoteInput>> {
    store.read(|conn, _| votes::ballot(conn, workshop_id, person_id))
}

#[tauri::command(async)]
pub fn workshop_vote_results(store: State<'_, Store>, workshop_id: Id) -> Reply<Vec<VoteResult>> {
    store.read(|conn, _| votes::results(conn, workshop_id))
}

#[tauri::command(async)]
pub fn rate_dimensions(store: State<'_, Store>, workshop_id: Id, input: RatingInput) -> Reply<()> {
    store.write(|tx, now| ratings::rate(tx, workshop_id, &input, now))
}

#[tauri::command(async)]
pub fn rating_trend(
    store: State<'_, Store>,
    team_id: Id,
    exercise_id: String,
) -> Reply<Vec<DimensionTrend>> {
    store.read(|conn, _| ratings::trend(conn, team_id, &exercise_id))
}
