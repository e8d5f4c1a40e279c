//! The `outward-app` binary: starts the desktop app. Everything lives in the library.

// Keeps a release build on Windows from opening a console window beside the app.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    outward_app::run();
}
