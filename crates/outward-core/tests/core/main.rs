//! The core against real database files and real folders, one module per feature, sharing the
//! fixtures in `fixtures`. One binary, so the crate links its integration tests once.

mod fixtures;

mod action_items;
mod backups;
mod bundle;
mod celebrations;
mod changes;
mod commitments;
mod coverage;
mod customers;
mod durability;
mod evidence;
mod exercises;
mod fuzz;
mod fuzz_bundle;
mod goals;
mod hiring;
mod home;
mod import;
mod interrupted;
mod interviews;
mod kudos;
mod metrics;
mod migrations;
mod outcomes;
mod pain_points;
mod platform_migrations;
mod practices;
mod report;
mod review;
mod room;
mod rota;
mod search;
mod settings;
mod store;
mod surveys;
mod themes;
mod tickets;
mod trash;
mod workshops;
mod year;
