//! The room's server: while the facilitator has room mode on, the participants' phones and
//! laptops open a small page over the local network to write, vote and rate in the running
//! workshop. The app and the CLI (`outward room serve`) start it the same way, [`serve`], and
//! differ only in how a write reaches the database ([`Workspace`]): the app through its store,
//! so its windows hear of every change, the CLI straight through the core.
//!
//! Every rule of what a device may do is the core's (`outward_core::room`); this crate carries
//! requests to it and bounds what a hostile network can make it do:
//! - every path starts with the room's token; anything else is a 404 with no body;
//! - bodies over [`BODY_MAX`] bytes get 413, a request not read whole within [`REQUEST_TIMEOUT`]
//!   408, headers not sent within [`HEADER_TIMEOUT`] close the connection, more than
//!   [`CONNECTIONS_MAX`] open connections get 503, more than [`WRITES_PER_SECOND`] writes a
//!   second from one device's key 429; each with a message saying so;
//! - the page is three static files with a strict Content-Security-Policy; it renders every
//!   card with `textContent`.
//!
//! Devices follow the room by polling its view with `If-None-Match`: a page restarts its polling
//! by itself after the server comes back, and resends what it had not seen acknowledged, which
//! the core answers once.

mod limits;
mod page;
pub mod qr;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Path, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use chrono::{DateTime, Utc};
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use outward_core::db::Database;
use outward_core::error::{Error, ErrorKind};
use outward_core::id::Id;
use outward_core::room::{self, Ballot, CardChange, Join, NewCard, Rating};
use rusqlite::{Connection, Transaction};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use tokio::io::AsyncWriteExt;
use tokio::net::TcpListener;
use tokio::sync::{Semaphore, watch};
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;

/// The largest request body, in bytes: a card of 2,000 characters in JSON, with room to spare.
pub const BODY_MAX: usize = 32 * 1024;
/// How long a request may take to arrive whole, body included.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);
/// How long a connection may take to send a request's headers.
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(5);
/// Most connections open at once.
pub const CONNECTIONS_MAX: usize = 400;
/// Most writes a second from one device's key.
pub const WRITES_PER_SECOND: u32 = 10;

/// Where the room's writes and reads go: the app's store, or the database directly.
pub trait Workspace: Clone + Send + Sync + 'static {
    /// Runs `f` on a consistent read of the database, with the current time.
    fn read<T: Send + 'static>(
        &self,
        f: impl FnOnce(&Connection, DateTime<Utc>) -> Result<T, Error> + Send + 'static,
    ) -> Result<T, Refusal>;
    /// Runs `f` as one transaction, with the current time, announcing what it changed.
    fn write<T: Send + 'static>(
        &self,
        f: impl FnOnce(&Transaction, DateTime<Utc>) -> Result<T, Error> + Send + 'static,
    ) -> Result<T, Refusal>;
}

/// The database itself, for the CLI and tests.
#[derive(Clone)]
pub struct Direct(pub Arc<Database>);

impl Workspace for Direct {
    fn read<T: Send + 'static>(
        &self,
        f: impl FnOnce(&Connection, DateTime<Utc>) -> Result<T, Error> + Send + 'static,
    ) -> Result<T, Refusal> {
        Ok(self.0.read(|conn| f(conn, Utc::now()))?)
    }

    fn write<T: Send + 'static>(
        &self,
        f: impl FnOnce(&Transaction, DateTime<Utc>) -> Result<T, Error> + Send + 'static,
    ) -> Result<T, Refusal> {
        Ok(self.0.write(|tx| f(tx, Utc::now()))?)
    }
}

/// A request refused, as the page receives it: `{kind, message, field}` with an HTTP status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Refusal {
    #[serde(skip)]
    pub status: u16,
    pub kind: &'static str,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

impl Refusal {
    pub fn new(status: StatusCode, kind: &'static str, message: impl Into<String>) -> Self {
        Refusal {
            status: status.as_u16(),
            kind,
            message: message.into(),
            field: None,
        }
    }

    /// A refusal from what the app's store reports: its kind, message and field.
    pub fn reported(kind: ErrorKind, message: String, field: Option<String>) -> Self {
        let (status, kind, message) = match kind {
            ErrorKind::Validation => (StatusCode::UNPROCESSABLE_ENTITY, "validation", message),
            ErrorKind::NotFound => (StatusCode::NOT_FOUND, "notFound", message),
            ErrorKind::Conflict => (StatusCode::CONFLICT, "conflict", message),
            ErrorKind::Internal => (
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal",
                "Something went wrong on the facilitator's machine; try again.".to_owned(),
            ),
        };
        Refusal {
            status: status.as_u16(),
            kind,
            message,
            field,
        }
    }
}

impl From<Error> for Refusal {
    fn from(error: Error) -> Self {
        if error.kind() == ErrorKind::Internal {
            log::error!("room: {error}");
        }
        Refusal::reported(
            error.kind(),
            error.to_string(),
            error.field().map(str::to_owned),
        )
    }
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::BAD_REQUEST);
        (status, axum::Json(self)).into_response()
    }
}

/// The room's server while it runs.
pub struct Server {
    address: SocketAddr,
    stop: watch::Sender<bool>,
    accepting: tokio::task::JoinHandle<()>,
}

impl Server {
    /// The address it listens on (with the port it got, when asked for any).
    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// Stops listening and closes every connection; once this returns, nothing listens on its
    /// port.
    pub async fn stop(self) {
        let _ = self.stop.send(true);
        let _ = self.accepting.await;
    }
}

/// Waits `duration` on the server's runtime (for callers without tokio of their own).
pub async fn pause(duration: Duration) {
    tokio::time::sleep(duration).await;
}

/// The join address a device opens: `http://ADDRESS:PORT/TOKEN/`, the token in groups of four
/// to be typed from the projector.
pub fn join_address(address: SocketAddr, token: &str) -> String {
    format!("http://{address}/{}/", room::grouped(token))
}

struct Shared<W> {
    workspace: W,
    workshop: Id,
    token: String,
    limiter: limits::Limiter,
}

/// Starts serving workshop `workshop`'s open room (its token `token`) on `address`, on the
/// current tokio runtime.
pub async fn serve<W: Workspace>(
    workspace: W,
    workshop: Id,
    token: String,
    address: SocketAddr,
) -> std::io::Result<Server> {
    let listener = TcpListener::bind(address).await?;
    let address = listener.local_addr()?;
    let shared = Arc::new(Shared {
        workspace,
        workshop,
        token,
        limiter: limits::Limiter::new(WRITES_PER_SECOND),
    });
    let router = router(shared);
    let (stop, stopped) = watch::channel(false);
    let accepting = tokio::spawn(accept(listener, router, stopped));
    Ok(Server {
        address,
        stop,
        accepting,
    })
}

fn router<W: Workspace>(shared: Arc<Shared<W>>) -> Router {
    Router::new()
        .route("/{token}", get(page::to_index))
        .route("/{token}/", get(page::index))
        .route("/{token}/room.js", get(page::script))
        .route("/{token}/room.css", get(page::style))
        .route("/{token}/api/view", get(view::<W>))
        .route("/{token}/api/join", post(join::<W>))
        .route("/{token}/api/cards", post(add_card::<W>))
        .route("/{token}/api/cards/{card}", post(change_card::<W>))
        .route("/{token}/api/ballot", post(vote::<W>))
        .route("/{token}/api/ratings", post(rate::<W>))
        .fallback(not_found)
        .layer(DefaultBodyLimit::max(BODY_MAX))
        .layer(RequestBodyLimitLayer::new(BODY_MAX))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        ))
        .layer(middleware::from_fn_with_state(shared.clone(), guard::<W>))
        .with_state(shared)
}

async fn not_found() -> StatusCode {
    StatusCode::NOT_FOUND
}

/// Answers 404 with nothing more unless the path starts with the room's token; sets the
/// security headers of every answer and words the limits' own refusals.
async fn guard<W: Workspace>(
    State(shared): State<Arc<Shared<W>>>,
    request: Request,
    next: Next,
) -> Response {
    let first = room::typed_token(request.uri().path().split('/').nth(1).unwrap_or(""));
    if !same(first.as_bytes(), shared.token.as_bytes()) {
        return StatusCode::NOT_FOUND.into_response();
    }
    let mut response = next.run(request).await;
    let status = response.status();
    // The limits' own answers are plain text; the page reads JSON.
    let ours = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|t| t.as_bytes().starts_with(b"application/json"));
    if !ours && status == StatusCode::PAYLOAD_TOO_LARGE {
        response = Refusal::new(
            status,
            "validation",
            format!("This request is larger than the {BODY_MAX} bytes the room takes."),
        )
        .into_response();
    } else if !ours && status == StatusCode::REQUEST_TIMEOUT {
        response = Refusal::new(
            status,
            "conflict",
            "This request took too long to arrive; send it again.",
        )
        .into_response();
    }
    let headers = response.headers_mut();
    for (name, value) in SECURITY_HEADERS {
        headers.insert(*name, HeaderValue::from_static(value));
    }
    response
}

const SECURITY_HEADERS: &[(&str, &str)] = &[
    (
        "content-security-policy",
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; \
         img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    ),
    ("x-content-type-options", "nosniff"),
    ("referrer-policy", "no-referrer"),
    ("x-frame-options", "DENY"),
    ("cache-control", "no-store"),
];

/// Compares in time that does not depend on where the two differ.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Runs `f` off the async threads, where blocking on the database is fine.
async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, Refusal> + Send + 'static,
) -> Result<T, Refusal> {
    tokio::task::spawn_blocking(f).await.unwrap_or_else(|_| {
        Err(Refusal::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "Something went wrong on the facilitator's machine; try again.",
        ))
    })
}

/// The body as `T`, or a 400 saying what is wrong with it.
fn parse<T: serde::de::DeserializeOwned>(body: &Bytes) -> Result<T, Refusal> {
    serde_json::from_slice(body).map_err(|e| {
        Refusal::new(
            StatusCode::BAD_REQUEST,
            "validation",
            format!("This request is not what the room expects: {e}."),
        )
    })
}

async fn view<W: Workspace>(
    State(shared): State<Arc<Shared<W>>>,
    headers: HeaderMap,
) -> Result<Response, Refusal> {
    let ws = shared.workspace.clone();
    let workshop = shared.workshop;
    let (view, now) =
        blocking(move || ws.read(move |c, now| Ok((room::view(c, workshop, now)?, now)))).await?;
    let tag = etag(&view, now);
    let fresh = headers
        .get(header::IF_NONE_MATCH)
        .is_some_and(|seen| seen.as_bytes() == tag.as_bytes());
    let tag = HeaderValue::from_str(&tag).unwrap_or(HeaderValue::from_static("\"\""));
    if fresh {
        return Ok((StatusCode::NOT_MODIFIED, [(header::ETAG, tag)]).into_response());
    }
    let json = serde_json::to_vec(&view).map_err(|e| Error::conflict(None, e.to_string()))?;
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            ),
            (header::ETAG, tag),
        ],
        json,
    )
        .into_response())
}

/// The view's tag: the same while nothing but a running timer's countdown changed (a page
/// counts down by itself), so a page polling an unchanged room gets 304s.
fn etag(view: &room::RoomView, now: DateTime<Utc>) -> String {
    let mut stable = view.clone();
    if let Some(step) = stable.step.as_mut().filter(|s| s.timer.running) {
        let ends = now.timestamp_millis() as u64 + step.timer.remaining_ms;
        step.timer.remaining_ms = ends / 1_000;
    }
    let json = serde_json::to_vec(&stable).unwrap_or_default();
    let hash = format!("{:x}", Sha256::digest(&json));
    format!("\"{}\"", &hash[..32])
}

async fn join<W: Workspace>(
    State(shared): State<Arc<Shared<W>>>,
    body: Bytes,
) -> Result<Response, Refusal> {
    let input: Join = parse(&body)?;
    shared.limiter.check(&input.participant)?;
    let (ws, workshop) = (shared.workspace.clone(), shared.workshop);
    let joined = blocking(move || ws.write(move |tx, _| room::join(tx, workshop, &input))).await?;
    Ok(axum::Json(joined).into_response())
}

async fn add_card<W: Workspace>(
    State(shared): State<Arc<Shared<W>>>,
    body: Bytes,
) -> Result<Response, Refusal> {
    let input: NewCard = parse(&body)?;
    shared.limiter.check(&input.participant)?;
    let (ws, workshop) = (shared.workspace.clone(), shared.workshop);
    let ack = blocking(move || ws.write(move |tx, now| room::add_card(tx, workshop, &input, now)))
        .await?;
    Ok((StatusCode::CREATED, axum::Json(ack)).into_response())
}

async fn change_card<W: Workspace>(
    State(shared): State<Arc<Shared<W>>>,
    Path((_, card)): Path<(String, String)>,
    body: Bytes,
) -> Result<Response, Refusal> {
    let card: Id = card
        .parse()
        .map_err(|_| Refusal::new(StatusCode::NOT_FOUND, "notFound", "There is no such card."))?;
    let input: CardChange = parse(&body)?;
    shared.limiter.check(&input.participant)?;
    let (ws, workshop) = (shared.workspace.clone(), shared.workshop);
    let ack = blocking(move || {
        ws.write(move |tx, now| room::change_card(tx, workshop, card, &input, now))
    })
    .await?;
    Ok(axum::Json(ack).into_response())
}

async fn vote<W: Workspace>(
    State(shared): State<Arc<Shared<W>>>,
    body: Bytes,
) -> Result<Response, Refusal> {
    let input: Ballot = parse(&body)?;
    shared.limiter.check(&input.voter)?;
    let (ws, workshop) = (shared.workspace.clone(), shared.workshop);
    let ack =
        blocking(move || ws.write(move |tx, now| room::vote(tx, workshop, &input, now))).await?;
    Ok(axum::Json(ack).into_response())
}

async fn rate<W: Workspace>(
    State(shared): State<Arc<Shared<W>>>,
    body: Bytes,
) -> Result<Response, Refusal> {
    let input: Rating = parse(&body)?;
    shared.limiter.check(&input.voter)?;
    let (ws, workshop) = (shared.workspace.clone(), shared.workshop);
    let ack =
        blocking(move || ws.write(move |tx, now| room::rate(tx, workshop, &input, now))).await?;
    Ok(axum::Json(ack).into_response())
}

/// Accepts connections until told to stop, each served by hyper with a deadline for its
/// headers; beyond [`CONNECTIONS_MAX`] open ones, a connection gets a 503 and is closed.
async fn accept(listener: TcpListener, router: Router, mut stopped: watch::Receiver<bool>) {
    let open = Arc::new(Semaphore::new(CONNECTIONS_MAX));
    loop {
        let (stream, _) = tokio::select! {
            _ = stopped.changed() => break,
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(error) => {
                    // Out of file descriptors and the like: wait a moment rather than spin.
                    log::warn!("room: accepting a connection failed: {error}");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
        };
        let Ok(permit) = open.clone().try_acquire_owned() else {
            tokio::spawn(busy(stream));
            continue;
        };
        let service = TowerToHyperService::new(router.clone());
        let mut stopped = stopped.clone();
        tokio::spawn(async move {
            let connection = hyper::server::conn::http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(HEADER_TIMEOUT)
                .serve_connection(TokioIo::new(stream), service);
            tokio::pin!(connection);
            tokio::select! {
                _ = connection.as_mut() => {}
                _ = stopped.changed() => {}
            }
            drop(permit);
        });
    }
}

/// Tells a connection over the limit that the room is busy, and closes it.
async fn busy(mut stream: tokio::net::TcpStream) {
    let body = r#"{"kind":"conflict","message":"The room is busy: too many connections are open. Try again in a moment."}"#;
    let reply = format!(
        "HTTP/1.1 503 Service Unavailable\r\ncontent-type: application/json\r\n\
         content-length: {}\r\nretry-after: 2\r\nconnection: close\r\n\r\n{body}",
        body.len()
    );
    let _ = tokio::time::timeout(Duration::from_secs(2), stream.write_all(reply.as_bytes())).await;
    let _ = stream.shutdown().await;
}
