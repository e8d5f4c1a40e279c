//! Fixtures shared by the core's unit tests.

use crate::db::Database;
use crate::id::Id;
use crate::people::{self, Level, PersonInput};
use crate::products::{self, ProductInput, Stage};
use crate::teams::{self, TeamInput};
use chrono::{DateTime, TimeZone, Utc};

/// A fixed instant, so tests never depend on the clock.
pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 14, 9, 30, 0)
        .single()
        .expect("valid date")
}

/// A fresh id that no record has, for tests that refer to something missing.
pub fn unknown_id() -> Id {
    Id::at(now())
}

pub fn team_input(name: &str) -> TeamInput {
    TeamInput {
        name: name.into(),
        description: String::new(),
    }
}

pub fn seeded_team(db: &Database, name: &str) -> Id {
    db.write(|tx| teams::create(tx, &team_input(name), now()))
        .expect("team")
        .id
}

pub fn seeded_person(db: &Database, team_id: Id, name: &str) -> Id {
    let input = PersonInput {
        team_id,
        name: name.into(),
        role: String::new(),
        level: Level::Mid,
    };
    db.write(|tx| people::create(tx, &input, now()))
        .expect("person")
        .id
}

pub fn seeded_product(db: &Database, team_id: Id, name: &str) -> Id {
    let input = ProductInput {
        team_id,
        name: name.into(),
        stage: Stage::Incubating,
        description: String::new(),
    };
    db.write(|tx| products::create(tx, &input, now()))
        .expect("product")
        .id
}
