//! The workshop the team has held: its own copy of "From pain to commitments" with a rating step
//! added, run ten days ago from the first card to the decisions, so a first-time user opens a
//! real summary. Records name each other: people by name, cards by their text.

use crate::exercises::StepKind;
use crate::pain_points::Frequency;

/// The built-in exercise the team copied, and the copy's name.
pub(super) const BASED_ON: &str = "from-pain-to-commitments";
pub(super) const COPY_NAME: &str = "From pain to commitments (with a pulse check)";

/// The rating step the team added before the decisions, and what it rates.
pub(super) const RATING_STEP: &str = "Pulse check";
pub(super) const RATING_PROMPT: &str = "How customer-focused were we this quarter, 1 to 5?";
pub(super) const DIMENSIONS: &[&str] = &["Customers over technology", "Usability over process"];

pub(super) const DAYS_AGO: i64 = 10;
pub(super) const STARTS_AT: &str = "10:00";
pub(super) const FACILITATOR: &str = "Maya Okafor";
pub(super) const PARTICIPANTS: &[&str] = &[
    "Maya Okafor",
    "Tomás Ferreira",
    "Priya Raman",
    "Jonas Lindqvist",
];

/// Minutes after the start at which the room moved into each step, by kind, in order; the
/// workshop finishes at [`FINISHED_AFTER`].
pub(super) const STEP_STARTS: &[(StepKind, i64)] = &[
    (StepKind::Brief, 0),
    (StepKind::SilentWriting, 6),
    (StepKind::Reveal, 14),
    (StepKind::Grouping, 22),
    (StepKind::DotVoting, 33),
    (StepKind::Discussion, 40),
    (StepKind::Rating, 58),
    (StepKind::Decision, 64),
];
pub(super) const FINISHED_AFTER: i64 = 82;

pub(super) const CARDS: &[&str] = &[
    "Monday CI queue still blocks Payments releases",
    "Nobody owns the flaky integration suite",
    "Flaky tests make everyone rerun builds twice",
    "Postgres tier docs are impossible to find",
    "Priya's migration guide saved Data Platform a week",
];

/// The group the room made, and the cards in it.
pub(super) const GROUP: (&str, &[&str]) = (
    "Unreliable CI",
    &[
        "Nobody owns the flaky integration suite",
        "Flaky tests make everyone rerun builds twice",
    ],
);

/// Each participant's dots: on the group (by its name) or a card (by its text).
pub(super) const VOTES: &[(&str, &[(&str, u32)])] = &[
    (
        "Maya Okafor",
        &[
            ("Unreliable CI", 2),
            ("Postgres tier docs are impossible to find", 1),
        ],
    ),
    (
        "Tomás Ferreira",
        &[
            ("Unreliable CI", 2),
            ("Monday CI queue still blocks Payments releases", 2),
        ],
    ),
    (
        "Priya Raman",
        &[
            ("Unreliable CI", 2),
            ("Postgres tier docs are impossible to find", 1),
        ],
    ),
    (
        "Jonas Lindqvist",
        &[
            ("Postgres tier docs are impossible to find", 2),
            ("Priya's migration guide saved Data Platform a week", 1),
        ],
    ),
];

/// Each participant's scores, in the order of [`DIMENSIONS`].
pub(super) const RATINGS: &[(&str, [u8; 2])] = &[
    ("Maya Okafor", [3, 2]),
    ("Tomás Ferreira", [3, 3]),
    ("Priya Raman", [4, 3]),
    ("Jonas Lindqvist", [2, 3]),
];

/// The pain point the room filed from its group.
pub(super) const PAIN: (&str, &str, u8, Frequency) = (
    "Flaky integration tests make people rerun builds",
    "Raised in the quarter's workshop: nobody owns the shared integration suite, so red builds are rerun instead of fixed.",
    3,
    Frequency::Weekly,
);

/// The action item decided from a card: its title, owner and days until due.
pub(super) const ACTION: (&str, &str, &str, i64) = (
    "Postgres tier docs are impossible to find",
    "Publish the Postgres tier guide where the service template links",
    "Priya Raman",
    21,
);

/// The kudos decided from a card: from, to, and what for.
pub(super) const KUDOS: (&str, &str, &str, &str) = (
    "Priya's migration guide saved Data Platform a week",
    "Maya Okafor",
    "Priya Raman",
    "For the migration guide that saved Data Platform a week of guessing.",
);
