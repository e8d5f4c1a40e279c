//! The example's migrations, recorded as the team would have recorded them week by week: moving
//! the last services off the legacy VM images (under way, one team blocked, the deadline near),
//! upgrading Managed Postgres (just started) and leaving Jenkins for Build & CI (finished on
//! time). Days are counted back from the day the example is loaded.

use super::Names;
use super::commitments::titled;
use crate::error::Result;
use crate::platform_migrations::help::{self, MigrationHelpInput};
use crate::platform_migrations::teams::{self, ConsumerTeamInput};
use crate::platform_migrations::{self, HelpKind, MigrationInput, MigrationState};
use chrono::{DateTime, Days, NaiveDate, Utc};
use rusqlite::Transaction;

struct Team {
    name: &'static str,
    /// Each state the team moved to, with how many days ago.
    moves: &'static [(u64, MigrationState)],
    reason: &'static str,
    hours: f64,
    reported: bool,
}

struct Plan {
    title: &'static str,
    from_what: &'static str,
    to_what: &'static str,
    product: &'static str,
    /// Days ago it started, and days from today to its deadline (negative: passed).
    started: u64,
    deadline: i64,
    commitment: Option<&'static str>,
    teams: &'static [Team],
    help: &'static [(HelpKind, &'static str, f64)],
}

use MigrationState::{Blocked, Done, InProgress, NotStarted};

const PLANS: &[Plan] = &[
    Plan {
        title: "Retire the legacy VM images",
        from_what: "Legacy VM images",
        to_what: "Containers on the deploy pipeline",
        product: "Legacy VM images",
        started: 84,
        deadline: 28,
        commitment: Some("Publish the VM image migration guide"),
        teams: &[
            Team {
                name: "Payments",
                moves: &[(84, NotStarted), (70, InProgress), (58, Done)],
                reason: "",
                hours: 32.0,
                reported: true,
            },
            Team {
                name: "Checkout",
                moves: &[(84, NotStarted), (50, InProgress), (31, Done)],
                reason: "",
                hours: 26.0,
                reported: true,
            },
            Team {
                name: "Risk & Fraud",
                moves: &[(84, NotStarted), (20, InProgress), (9, Done)],
                reason: "",
                hours: 12.0,
                reported: true,
            },
            Team {
                name: "Search & Discovery",
                moves: &[(84, NotStarted), (38, InProgress)],
                reason: "",
                hours: 40.0,
                reported: false,
            },
            Team {
                name: "Data Platform",
                moves: &[(84, NotStarted), (45, InProgress), (19, Blocked)],
                reason: "The nightly batch jobs need a GPU base image, which the platform does \
                         not offer yet.",
                hours: 60.0,
                reported: false,
            },
            Team {
                name: "Mobile Apps",
                moves: &[(84, NotStarted)],
                reason: "",
                hours: 16.0,
                reported: false,
            },
        ],
        help: &[
            (
                HelpKind::Automation,
                "A generator that writes a Dockerfile from a VM image's package list.",
                40.0,
            ),
            (
                HelpKind::Docs,
                "A step-by-step migration guide with a worked example from Payments.",
                16.0,
            ),
            (
                HelpKind::DoneForThem,
                "Paired with Risk & Fraud for a day to move their scoring service.",
                14.0,
            ),
        ],
    },
    Plan {
        title: "Managed Postgres 13 to 16",
        from_what: "Postgres 13",
        to_what: "Postgres 16",
        product: "Managed Postgres",
        started: 24,
        deadline: 66,
        commitment: None,
        teams: &[
            Team {
                name: "Checkout",
                moves: &[(24, NotStarted), (17, InProgress), (6, Done)],
                reason: "",
                hours: 6.0,
                reported: true,
            },
            Team {
                name: "Payments",
                moves: &[(24, NotStarted), (3, InProgress)],
                reason: "",
                hours: 10.0,
                reported: false,
            },
            Team {
                name: "Data Platform",
                moves: &[(24, NotStarted)],
                reason: "",
                hours: 20.0,
                reported: false,
            },
        ],
        help: &[(
            HelpKind::Bridge,
            "A read-only replica on 16 beside every cluster, to compare query plans before \
             switching.",
            18.0,
        )],
    },
    Plan {
        title: "Jenkins to Build & CI",
        from_what: "Jenkins",
        to_what: "Build & CI pipelines",
        product: "Build & CI",
        started: 230,
        deadline: -140,
        commitment: None,
        teams: &[
            Team {
                name: "Payments",
                moves: &[(230, NotStarted), (215, InProgress), (190, Done)],
                reason: "",
                hours: 20.0,
                reported: true,
            },
            Team {
                name: "Mobile Apps",
                moves: &[(230, NotStarted), (200, InProgress), (160, Done)],
                reason: "",
                hours: 34.0,
                reported: true,
            },
            Team {
                name: "Search & Discovery",
                moves: &[(230, NotStarted), (180, InProgress), (146, Done)],
                reason: "",
                hours: 18.0,
                reported: true,
            },
        ],
        help: &[(
            HelpKind::Automation,
            "A converter from Jenkinsfiles to pipeline definitions.",
            30.0,
        )],
    },
];

fn days_ago(today: NaiveDate, days: u64) -> NaiveDate {
    today - Days::new(days)
}

pub(super) fn load(
    tx: &Transaction<'_>,
    products: &Names,
    customers: &Names,
    now: DateTime<Utc>,
) -> Result<()> {
    let today = now.date_naive();
    for plan in PLANS {
        let deadline = match u64::try_from(plan.deadline) {
            Ok(ahead) => today + Days::new(ahead),
            Err(_) => days_ago(today, plan.deadline.unsigned_abs()),
        };
        let input = MigrationInput {
            title: plan.title.into(),
            from_what: plan.from_what.into(),
            to_what: plan.to_what.into(),
            product_id: Some(products.id(plan.product)?),
            starts_on: days_ago(today, plan.started),
            deadline,
            commitment_id: plan
                .commitment
                .map(|title| titled(tx, "commitments", title))
                .transpose()?,
        };
        let migration = platform_migrations::create(tx, &input, now)?.id;
        for team in plan.teams {
            for (ago, state) in team.moves {
                let input = ConsumerTeamInput {
                    customer_id: customers.id(team.name)?,
                    state: *state,
                    reason: team.reason.into(),
                    changed_on: Some(days_ago(today, *ago)),
                    hours: team.hours,
                    hours_reported: team.reported,
                };
                teams::set(tx, migration, &input, now)?;
            }
        }
        for (kind, description, hours) in plan.help {
            let input = MigrationHelpInput {
                kind: *kind,
                description: (*description).into(),
                hours: *hours,
            };
            help::add(tx, migration, &input, now)?;
        }
    }
    Ok(())
}
