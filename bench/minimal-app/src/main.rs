//! A minimal Tauri app, the baseline of the whole-app benchmark (`bench/whole-app.mjs`): one
//! window with a static page that fetches one line from Rust, shows it, and then reports that
//! its first screen is painted exactly as Outward does, through a `first_screen_painted`
//! command that prints `first screen painted <N> ms after start` to stdout.
//!
//! It uses the workspace's Tauri with the same features as the app, so the two differ only in
//! what Outward adds on top: its UI, its plugins and its database.

// As in the app: no console window beside a release build on Windows.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::time::Instant;

/// When the process started, so readiness can be reported as time since start.
struct StartedAt(Instant);

/// The one line of data the page shows (one IPC round trip, as the app pays for its overview).
#[tauri::command(async)]
fn sample_line() -> String {
    format!("Hello from Rust: Tauri {}", tauri::VERSION)
}

/// The page has painted its first screen with data; `timeline` says when, in the page's time.
#[tauri::command(async)]
fn first_screen_painted(started: tauri::State<'_, StartedAt>, timeline: String) {
    println!(
        "first screen painted {} ms after start (page: {timeline})",
        started.0.elapsed().as_millis()
    );
}

fn main() {
    let started = StartedAt(Instant::now());
    let result = tauri::Builder::default()
        .manage(started)
        .invoke_handler(tauri::generate_handler![sample_line, first_screen_painted])
        .run(tauri::generate_context!());
    if let Err(error) = result {
        eprintln!("the minimal app could not start: {error}");
        std::process::exit(1);
    }
}
