//! Outward's core: the whole domain of the app, with no knowledge of Tauri.
//!
//! Each feature lives in its own module with its types, validation, queries and tests
//! (`teams`, `people`, `products`, `customers`, `interviews`, `pain_points`, `themes`,
//! `coverage`, `search`, `trash`, `workspace`, `exercises`, `workshops`, `metrics`, `surveys`,
//! `goals`, `commitments`), over shared modules that several features use:
//! `evidence` (quotes and the customers they reach), [`quarter`] (quarters of a fiscal year
//! with a configurable start month), [`settings`] (a workspace's typed settings) and a small
//! store (`db`: opening, pragmas, migrations, backups). The desktop shell and the `outward` CLI
//! are thin faces over these functions.
//!
//! Conventions every feature follows:
//! - reads take a `&Connection`, writes take a `&Transaction` so they compose into larger
//!   writes; [`db::Database::write`] commits a whole closure or nothing;
//! - ids ([`id::Id`], UUIDv7) and timestamps are minted here, never by a user interface, from
//!   the current time its caller passes in (`now`, or `today` for rules by the day), so rules
//!   stay deterministic under test; the crate's `clippy.toml` refuses every clock read
//!   (`Utc::now`, `Local::now`, `SystemTime::now`, `Uuid::now_v7`) inside the core;
//! - bad input is an [`error::Error::Validation`] naming the field, and nothing is written.

pub mod action_items;
#[cfg(test)]
mod bindings;
pub mod bundle;
pub mod commitments;
pub mod coverage;
pub mod customers;
#[cfg(feature = "datasets")]
pub mod datasets;
pub mod db;
pub mod entity;
pub mod error;
pub mod evidence;
pub mod exercises;
pub mod goals;
pub mod hiring;
pub mod home;
pub mod id;
pub mod interviews;
pub mod kudos;
pub mod metrics;
pub mod outcomes;
pub mod page;
pub mod pain_points;
pub mod people;
pub mod plain_text;
pub mod platform_migrations;
pub mod products;
pub mod quarter;
pub mod report;
pub mod review;
pub mod room;
pub mod rota;
pub mod search;
pub mod settings;
mod store;
pub mod surveys;
pub mod teams;
pub mod text;
pub mod themes;
pub mod tickets;
pub mod trash;
pub mod workshops;
pub mod workspace;
pub mod year;

#[cfg(test)]
mod testing;

pub use text::{NAME_MAX, TEXT_MAX};
