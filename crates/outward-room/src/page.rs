//! The participant's page: three static files, compiled in.

use axum::http::header;
use axum::response::IntoResponse;

const INDEX: &str = include_str!("page/index.html");
const SCRIPT: &str = include_str!("page/room.js");
const STYLE: &str = include_str!("page/room.css");

/// The address without its last slash: to the page, so its relative links resolve.
pub(crate) async fn to_index(
    axum::extract::Path(token): axum::extract::Path<String>,
) -> impl IntoResponse {
    axum::response::Redirect::permanent(&format!("/{token}/"))
}

pub(crate) async fn index() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], INDEX)
}

pub(crate) async fn script() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        SCRIPT,
    )
}

pub(crate) async fn style() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8")], STYLE)
}
