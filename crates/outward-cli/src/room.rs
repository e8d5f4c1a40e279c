//! `outward room serve`: lets the room join a workshop from their own devices, from a terminal.
//! The same server as the app's room mode, writing straight to the database.

use chrono::Utc;
use clap::Subcommand;
use outward_core::db::Database;
use outward_core::error::{Error, Result};
use outward_core::id::Id;
use outward_core::room;
use outward_core::workshops::{self, WorkshopState, run};
use std::io::Write;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

#[derive(Subcommand)]
pub enum RoomAction {
    /// Let the room join a workshop: starts it if it is only planned, prints the join address
    /// and serves until interrupted (Ctrl+C), then closes the room. A room left open by a
    /// server that stopped without closing it is served again with its address and token
    Serve {
        /// The workshop's id
        workshop: Id,
        /// The address to listen on: this machine only (127.0.0.1, the default) or one of its
        /// network addresses, for the room's devices to reach
        #[arg(long, default_value = "127.0.0.1")]
        bind: IpAddr,
        /// The port to listen on; any free one when 0
        #[arg(long, default_value_t = 0)]
        port: u16,
    },
}

pub fn run(database: Database, action: RoomAction) -> Result<()> {
    let RoomAction::Serve {
        workshop,
        bind,
        port,
    } = action;
    let database = Arc::new(database);
    let open = database.write(|tx| {
        let now = Utc::now();
        if workshops::get(tx, workshop, now)?.state == WorkshopState::Planned {
            run::start(tx, workshop, now)?;
        }
        // A room left open (the server was stopped without closing it) keeps its token, so
        // the devices' pages reconnect by themselves.
        let room = room::resume(tx, workshop, &bind.to_string(), now)?;
        Ok(match port {
            0 => room,
            port => room::listening_on(tx, workshop, port)?,
        })
    })?;
    let port = open.port;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::io("starting the room's server", e))?;
    runtime.block_on(async {
        let server = outward_room::serve(
            outward_room::Direct(database.clone()),
            workshop,
            open.token.clone(),
            SocketAddr::new(bind, port),
        )
        .await
        .map_err(|e| Error::io(format!("listening on {bind}:{port}"), e))?;
        let address = server.address();
        database.write(|tx| room::listening_on(tx, workshop, address.port()))?;
        println!("{}", outward_room::join_address(address, &open.token));
        eprintln!("The room can join now; stop with Ctrl+C.");
        let _ = std::io::stdout().flush();
        interrupted().await;
        server.stop().await;
        database.write(|tx| room::close(tx, workshop))?;
        eprintln!("The room is closed.");
        Ok(())
    })
}

/// Until Ctrl+C, or a request to terminate.
async fn interrupted() {
    #[cfg(unix)]
    {
        let mut terminate =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()).ok();
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            _ = async {
                match terminate.as_mut() {
                    Some(signal) => { signal.recv().await; }
                    None => std::future::pending::<()>().await,
                }
            } => {}
        }
    }
    #[cfg(not(unix))]
    let _ = tokio::signal::ctrl_c().await;
}
