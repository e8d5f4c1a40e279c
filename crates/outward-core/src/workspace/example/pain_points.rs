//! The pain points the team has filed, each quoting the conversations that show it by name.

use crate::pain_points::{Frequency, Status};

/// The person in `organisation::PEOPLE` who filed every pain point and set its status.
pub(super) const FILED_BY: &str = "Maya Okafor";

pub(super) struct Pain {
    pub title: &'static str,
    pub description: &'static str,
    pub severity: u8,
    pub frequency: Frequency,
    pub status: Status,
    /// Its themes: tags the conversations in `conversations::CONVERSATIONS` carry too, so each
    /// theme gathers pain points as well as interviews.
    pub themes: &'static [&'static str],
    /// Quoted passages, each with the name of the conversation in
    /// `conversations::CONVERSATIONS` whose notes hold it.
    pub evidence: &'static [(&'static str, &'static str)],
}

pub(super) const PAINS: &[Pain] = &[
    Pain {
        title: "CI queue is slow at peak times",
        description: "Builds wait for runners on Monday mornings and after releases.",
        severity: 3,
        frequency: Frequency::Weekly,
        status: Status::Accepted,
        themes: &["ci"],
        evidence: &[
            (
                "payments-check-in",
                "The CI queue takes 40 minutes on Monday mornings",
            ),
            (
                "data-platform-migration-day",
                "The CI queue was slow here too",
            ),
        ],
    },
    Pain {
        title: "Rollback safety is unclear during canaries",
        description: "The pipeline does not say when rolling back is safe.",
        severity: 4,
        frequency: Frequency::Monthly,
        status: Status::New,
        themes: &["deploys"],
        evidence: &[(
            "checkout-stuck-deploy",
            "nobody on Checkout could tell whether it was safe to roll back",
        )],
    },
    Pain {
        title: "Migration guide for VM images is incomplete",
        description: "Missing IAM steps make each move take half a day.",
        severity: 2,
        frequency: Frequency::Weekly,
        status: Status::Planned,
        themes: &["migrations"],
        evidence: &[
            (
                "data-platform-migration-day",
                "Each job took half a day because the migration guide skips the IAM changes.",
            ),
            (
                "risk-fraud-office-hours",
                "the deprecation date was announced without a migration plan",
            ),
        ],
    },
    Pain {
        title: "No single current pipeline template",
        description: "Teams copy stale YAML because the current template is hard to find.",
        severity: 2,
        frequency: Frequency::Monthly,
        status: Status::New,
        themes: &["ci", "onboarding"],
        evidence: &[(
            "payments-check-in",
            "nobody knows which template is current",
        )],
    },
];
