//! The Tauri commands: glue only. Each takes the [`Store`](crate::store::Store) and its
//! arguments and calls one core function; the store announces what a write changed. Rules
//! belong in `outward-core`, not here.
//!
//! Every command runs on the async runtime's threads (`#[tauri::command(async)]`), so database
//! work never blocks the window's main thread.

pub mod action_items;
pub mod backups;
pub mod commitments;
pub mod coverage;
pub mod customers;
pub mod exercises;
pub mod goals;
pub mod hiring;
pub mod home;
pub mod interviews;
pub mod kudos;
pub mod metrics;
pub mod migrations;
pub mod outcomes;
pub mod pain_points;
pub mod people;
pub mod presenter;
pub mod products;
pub mod report;
pub mod review;
pub mod room;
pub mod rota;
pub mod search;
pub mod settings;
pub mod surveys;
pub mod teams;
pub mod themes;
pub mod tickets;
pub mod trash;
pub mod workshops;
pub mod workspace;
pub mod year;
