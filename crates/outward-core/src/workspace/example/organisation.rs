//! The team the example is seen from: its people and the products it runs.

use crate::people::Level;
use crate::products::Stage;

pub(super) struct Team {
    pub name: &'static str,
    pub description: &'static str,
}

pub(super) struct Person {
    pub name: &'static str,
    pub role: &'static str,
    pub level: Level,
}

pub(super) struct Product {
    pub name: &'static str,
    pub stage: Stage,
    pub description: &'static str,
}

pub(super) const TEAM: Team = Team {
    name: "Developer Platform",
    description: "Builds the paved road: CI, databases and deploys for every product team.",
};

pub(super) const PEOPLE: &[Person] = &[
    Person {
        name: "Maya Okafor",
        role: "Engineering manager",
        level: Level::Senior,
    },
    Person {
        name: "Tomás Ferreira",
        role: "Principal engineer",
        level: Level::Principal,
    },
    Person {
        name: "Priya Raman",
        role: "Staff engineer",
        level: Level::Staff,
    },
    Person {
        name: "Jonas Lindqvist",
        role: "Site reliability engineer",
        level: Level::Senior,
    },
    Person {
        name: "Aiko Tanaka",
        role: "Software engineer",
        level: Level::Mid,
    },
    Person {
        name: "Sam Whitfield",
        role: "Software engineer",
        level: Level::Junior,
    },
];

pub(super) const PRODUCTS: &[Product] = &[
    Product {
        name: "Build & CI",
        stage: Stage::GenerallyAvailable,
        description: "Hosted build runners, shared pipeline templates and the build cache every \
                      service uses.",
    },
    Product {
        name: "Managed Postgres",
        stage: Stage::GenerallyAvailable,
        description: "Self-service Postgres clusters with backups, failover and connection pooling.",
    },
    Product {
        name: "Deploy pipeline",
        stage: Stage::Incubating,
        description: "Progressive delivery to production: canaries, automatic rollback, deploy \
                      windows.",
    },
    Product {
        name: "Legacy VM images",
        stage: Stage::Deprecated,
        description: "Hardened VM images for services not yet on containers. Replaced by the \
                      deploy pipeline.",
    },
];
