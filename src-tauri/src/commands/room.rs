//! Room mode: the facilitator lets the room join the running workshop from their own devices.
//! Turning it on opens the workshop's room in the core (a new token) and starts the room's
//! server (`outward-room`) on the app's tokio runtime, writing through the store so every window
//! hears of what the room sends; turning it off stops the server (nothing listens any more) and
//! closes the room. A room left open when the app stopped is served again at start-up with the
//! same address and token, so the devices' pages reconnect by themselves.

use crate::store::{Reply, Store, internal};
use chrono::{DateTime, Utc};
use outward_core::error::{Error, ErrorReport};
use outward_core::id::Id;
use outward_core::room::{self, Room, RoomPanel};
use outward_room::{Refusal, Server, Workspace};
use rusqlite::{Connection, Transaction};
use std::net::{IpAddr, SocketAddr};
use std::sync::Mutex;
use tauri::{AppHandle, Manager, Runtime, State};

/// The room's server while it runs; managed as Tauri state.
#[derive(Default)]
pub struct RoomServer(Mutex<Option<Server>>);

/// The store, as the room's server writes through it.
struct Through<R: Runtime>(AppHandle<R>);

impl<R: Runtime> Clone for Through<R> {
    fn clone(&self) -> Self {
        Through(self.0.clone())
    }
}

fn refusal(report: ErrorReport) -> Refusal {
    Refusal::reported(report.kind, report.message, report.field)
}

impl<R: Runtime> Workspace for Through<R> {
    fn read<T: Send + 'static>(
        &self,
        f: impl FnOnce(&Connection, DateTime<Utc>) -> Result<T, Error> + Send + 'static,
    ) -> Result<T, Refusal> {
        let store = self.0.state::<Store>();
        store.read(|conn, _| f(conn, Utc::now())).map_err(refusal)
    }

    fn write<T: Send + 'static>(
        &self,
        f: impl FnOnce(&Transaction, DateTime<Utc>) -> Result<T, Error> + Send + 'static,
    ) -> Result<T, Refusal> {
        let store = self.0.state::<Store>();
        store.write(f).map_err(refusal)
    }
}

/// The addresses the room can listen on: this machine only, then the one this machine reaches
/// the network from (found without sending anything), if any.
#[tauri::command(async)]
pub fn room_addresses() -> Reply<Vec<String>> {
    let mut addresses = vec!["127.0.0.1".to_owned()];
    let outward = std::net::UdpSocket::bind("0.0.0.0:0")
        .and_then(|socket| {
            socket.connect("192.0.2.1:9")?;
            socket.local_addr()
        })
        .map(|addr| addr.ip())
        .ok()
        .filter(|ip| !ip.is_loopback() && !ip.is_unspecified());
    if let Some(ip) = outward {
        addresses.push(ip.to_string());
    }
    Ok(addresses)
}

/// Lets the room join running workshop `workshop_id` on `address` (one of [`room_addresses`]):
/// a new token, and the server listening on any free port. An `async` command, awaited on the
/// app's runtime: a command that blocked a runtime thread waiting for a task it had spawned
/// would wait forever, since that task is queued behind it on the same thread.
#[tauri::command]
pub async fn open_room<R: Runtime>(
    app: AppHandle<R>,
    workshop_id: Id,
    address: String,
) -> Reply<RoomPanel> {
    stop(&app).await;
    let room = app
        .state::<Store>()
        .write(|tx, now| room::open(tx, workshop_id, &address, 0, now))?;
    start(&app, room).await
}

/// Stops the room's server and closes the room: its token stops working.
#[tauri::command]
pub async fn close_room<R: Runtime>(app: AppHandle<R>, workshop_id: Id) -> Reply<()> {
    stop(&app).await;
    app.state::<Store>()
        .write(|tx, _| room::close(tx, workshop_id))
}

/// The join panel of workshop `workshop_id`, or `None` while its room is closed.
#[tauri::command(async)]
pub fn room_panel(
    store: State<'_, Store>,
    servers: State<'_, RoomServer>,
    workshop_id: Id,
) -> Reply<Option<RoomPanel>> {
    let listening = lock(&servers).as_ref().map(Server::address);
    let room = store.read(|conn, _| room::get(conn, workshop_id))?;
    Ok(room.map(|room| panel(room, listening.is_some())))
}

/// Serves again, at start-up, the room the app left open for the workshop that is running.
pub fn resume<R: Runtime>(app: &AppHandle<R>) {
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        match app.state::<Store>().read(|conn, _| room::reopenable(conn)) {
            Ok(Some(room)) => {
                if let Err(error) = start(&app, room).await {
                    log::warn!("the room could not be served again: {}", error.message);
                }
            }
            Ok(None) => {}
            Err(error) => log::warn!("the room could not be read: {}", error.message),
        }
    });
}

async fn start<R: Runtime>(app: &AppHandle<R>, room: Room) -> Reply<RoomPanel> {
    let ip: IpAddr = room.address.parse().map_err(|e| internal(&e))?;
    let served = outward_room::serve(
        Through(app.clone()),
        room.workshop_id,
        room.token.clone(),
        SocketAddr::new(ip, room.port),
    )
    .await;
    let server = match served {
        Ok(server) => server,
        Err(error) => {
            return Err(ErrorReport::from(&Error::conflict(
                None,
                format!(
                    "The room cannot listen on {}:{}: {error}. Choose another address, or turn \
                     the room off and on again.",
                    room.address, room.port
                ),
            )));
        }
    };
    let address = server.address();
    let port = address.port();
    *lock(&app.state::<RoomServer>()) = Some(server);
    stop_when_closed(app.clone(), room.workshop_id, room.token.clone(), address);
    let room = app
        .state::<Store>()
        .write(|tx, _| room::listening_on(tx, room.workshop_id, port))?;
    Ok(panel(room, true))
}

/// Stops the server once its room is closed without it (the workshop finished, or another
/// room opened), so nothing listens for a room that is gone.
fn stop_when_closed<R: Runtime>(
    app: AppHandle<R>,
    workshop: Id,
    token: String,
    address: SocketAddr,
) {
    tauri::async_runtime::spawn(async move {
        loop {
            tokio_sleep().await;
            let store = app.state::<Store>();
            let open = store.read(|conn, _| room::get(conn, workshop));
            let gone = match open {
                Ok(Some(room)) => room.token != token,
                Ok(None) => true,
                Err(_) => false,
            };
            let servers = app.state::<RoomServer>();
            let mine = lock(&servers)
                .as_ref()
                .is_some_and(|server| server.address() == address);
            if !mine {
                return;
            }
            if gone {
                let server = lock(&servers).take();
                if let Some(server) = server {
                    server.stop().await;
                }
                return;
            }
        }
    });
}

async fn tokio_sleep() {
    outward_room::pause(std::time::Duration::from_secs(2)).await;
}

async fn stop<R: Runtime>(app: &AppHandle<R>) {
    let server = lock(&app.state::<RoomServer>()).take();
    if let Some(server) = server {
        server.stop().await;
    }
}

fn lock(servers: &RoomServer) -> std::sync::MutexGuard<'_, Option<Server>> {
    servers.0.lock().unwrap_or_else(|p| p.into_inner())
}

fn panel(room: Room, listening: bool) -> RoomPanel {
    let ip: IpAddr = room.address.parse().unwrap_or(IpAddr::from([127, 0, 0, 1]));
    let join_address = outward_room::join_address(SocketAddr::new(ip, room.port), &room.token);
    RoomPanel {
        qr_svg: outward_room::qr::svg(&join_address).unwrap_or_default(),
        join_address,
        room,
        listening,
    }
}
