//! The example workspace: one platform team with its people, products and the internal teams it
//! serves. Hand-written so a first-time user meets a believable organisation.

use crate::customers::{self, CustomerInput};
use crate::error::Result;
use crate::people::{self, Level, PersonInput};
use crate::products::{self, ProductInput, Stage};
use crate::teams::{self, TeamInput};
use chrono::{DateTime, Utc};
use rusqlite::Transaction;

const PEOPLE: &[(&str, &str, Level)] = &[
    ("Maya Okafor", "Engineering manager", Level::Senior),
    ("Tomás Ferreira", "Principal engineer", Level::Principal),
    ("Priya Raman", "Staff engineer", Level::Staff),
    (
        "Jonas Lindqvist",
        "Site reliability engineer",
        Level::Senior,
    ),
    ("Aiko Tanaka", "Software engineer", Level::Mid),
    ("Sam Whitfield", "Software engineer", Level::Junior),
];

const PRODUCTS: &[(&str, Stage, &str)] = &[
    (
        "Build & CI",
        Stage::GenerallyAvailable,
        "Hosted build runners, shared pipeline templates and the build cache every service uses.",
    ),
    (
        "Managed Postgres",
        Stage::GenerallyAvailable,
        "Self-service Postgres clusters with backups, failover and connection pooling.",
    ),
    (
        "Deploy pipeline",
        Stage::Incubating,
        "Progressive delivery to production: canaries, automatic rollback, deploy windows.",
    ),
    (
        "Legacy VM images",
        Stage::Deprecated,
        "Hardened VM images for services not yet on containers. Replaced by the deploy pipeline.",
    ),
];

/// Customer teams: name, department, headcount, contacts, and indexes into `PRODUCTS`.
const CUSTOMERS: &[(&str, &str, u32, &str, &[usize])] = &[
    (
        "Payments",
        "Commerce",
        14,
        "Lena Brandt (tech lead)\n#payments-eng",
        &[0, 1, 2],
    ),
    ("Checkout", "Commerce", 9, "Ravi Shah (EM)", &[0, 2]),
    (
        "Search & Discovery",
        "Product",
        11,
        "Chloé Martin (staff engineer)",
        &[0, 1],
    ),
    (
        "Data Platform",
        "Data",
        16,
        "Kwame Mensah (EM)\n#data-platform",
        &[0, 1, 3],
    ),
    ("Mobile Apps", "Product", 12, "Hana Kim (mobile lead)", &[0]),
    (
        "Risk & Fraud",
        "Finance",
        6,
        "Diego Alvarez (tech lead)",
        &[1, 3],
    ),
];

pub(super) fn load(tx: &Transaction<'_>, now: DateTime<Utc>) -> Result<()> {
    let team = teams::create(
        tx,
        &TeamInput {
            name: "Developer Platform".into(),
            description: "Builds the paved road: CI, databases and deploys for every product team."
                .into(),
        },
        now,
    )?;
    for (name, role, level) in PEOPLE {
        let input = PersonInput {
            team_id: team.id,
            name: (*name).into(),
            role: (*role).into(),
            level: *level,
        };
        people::create(tx, &input, now)?;
    }
    let mut product_ids = Vec::new();
    for (name, stage, description) in PRODUCTS {
        let input = ProductInput {
            team_id: team.id,
            name: (*name).into(),
            stage: *stage,
            description: (*description).into(),
        };
        product_ids.push(products::create(tx, &input, now)?.id);
    }
    for (name, department, size, contacts, uses) in CUSTOMERS {
        let input = CustomerInput {
            name: (*name).into(),
            department: (*department).into(),
            size: Some(*size),
            contacts: (*contacts).into(),
            product_ids: uses.iter().map(|i| product_ids[*i]).collect(),
        };
        customers::create(tx, &input, now)?;
    }
    Ok(())
}
