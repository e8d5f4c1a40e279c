//! The presenter window: a second window for the projector that shows only what the room should
//! see of a running workshop, while the main window keeps the facilitator's script and controls.
//! Both windows read the same workshop from the store and refresh on the same `changed` events,
//! so they show the same step and the same time. Its capability (`capabilities/presenter.json`)
//! grants the window only this feature's commands and the events.

use crate::store::{Reply, Store, internal};
use chrono::Utc;
use outward_core::id::Id;
use outward_core::workshops::board::{self, Audience, Board, CardsPage};
use tauri::{AppHandle, Manager, Runtime, State, WebviewUrl, WebviewWindowBuilder};

/// The presenter window's label; `capabilities/presenter.json` names it.
pub const PRESENTER_WINDOW: &str = "presenter";

/// Opens the presenter window on the workshop, or brings it forward showing that workshop.
#[tauri::command(async)]
pub fn open_presenter<R: Runtime>(app: AppHandle<R>, workshop_id: Id) -> Reply<()> {
    let route = format!("workshops/{workshop_id}/present");
    if let Some(window) = app.get_webview_window(PRESENTER_WINDOW) {
        let url = window.url().map_err(|e| internal(&e))?;
        let url = url.join(&format!("/{route}")).map_err(|e| internal(&e))?;
        window.navigate(url).map_err(|e| internal(&e))?;
        return window.set_focus().map_err(|e| internal(&e));
    }
    WebviewWindowBuilder::new(&app, PRESENTER_WINDOW, WebviewUrl::App(route.into()))
        .title("Outward — for the room")
        .inner_size(1280.0, 720.0)
        .min_inner_size(640.0, 360.0)
        .build()
        .map_err(|e| internal(&e))?;
    Ok(())
}

/// Closes the presenter window, if it is open.
#[tauri::command(async)]
pub fn close_presenter<R: Runtime>(app: AppHandle<R>) -> Reply<()> {
    match app.get_webview_window(PRESENTER_WINDOW) {
        Some(window) => window.close().map_err(|e| internal(&e)),
        None => Ok(()),
    }
}

/// What the room may see of the workshop: no facilitator script, no card text before the
/// reveal, no vote count before the reveal (the core cuts the board for the room).
#[tauri::command(async)]
pub fn presenter_board(store: State<'_, Store>, workshop_id: Id) -> Reply<Board> {
    store.read(|conn, _| board::read(conn, workshop_id, Audience::Room, Utc::now()))
}

/// The room's cards after card `after`, a page at a time (the board carries the first page).
#[tauri::command(async)]
pub fn presenter_board_cards(
    store: State<'_, Store>,
    workshop_id: Id,
    after: Id,
) -> Reply<CardsPage> {
    store.read(|conn, _| board::cards_after(conn, workshop_id, Audience::Room, after, Utc::now()))
}
