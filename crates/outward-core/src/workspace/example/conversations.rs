//! The conversations held with customers, each naming its customer and interviewers. The notes
//! are Markdown files beside this one, written as a person types them (no indentation, one line
//! per paragraph), so the UI's tests render the same text.

use crate::interviews::InterviewKind;

pub(super) struct Conversation {
    /// How a pain point's evidence names this conversation: its notes file, without `.md`.
    pub name: &'static str,
    /// A name in `customers::CUSTOMERS`.
    pub customer: &'static str,
    pub days_ago: i64,
    pub kind: InterviewKind,
    pub interviewees: &'static str,
    /// Names in `organisation::PEOPLE`.
    pub interviewers: &'static [&'static str],
    pub minutes: u32,
    pub tags: &'static [&'static str],
    pub notes: &'static str,
}

pub(super) const CONVERSATIONS: &[Conversation] = &[
    Conversation {
        name: "payments-check-in",
        customer: "Payments",
        days_ago: 9,
        kind: InterviewKind::Interview,
        interviewees: "Lena Brandt (tech lead), two engineers",
        interviewers: &["Priya Raman", "Aiko Tanaka"],
        minutes: 45,
        tags: &["ci", "onboarding"],
        notes: include_str!("payments-check-in.md"),
    },
    Conversation {
        name: "checkout-stuck-deploy",
        customer: "Checkout",
        days_ago: 23,
        kind: InterviewKind::SupportConversation,
        interviewees: "Ravi Shah (EM)",
        interviewers: &["Sam Whitfield"],
        minutes: 20,
        tags: &["deploys"],
        notes: include_str!("checkout-stuck-deploy.md"),
    },
    Conversation {
        name: "data-platform-migration-day",
        customer: "Data Platform",
        days_ago: 51,
        kind: InterviewKind::Shadowing,
        interviewees: "Kwame Mensah (EM), Aisha (data engineer)",
        interviewers: &["Tomás Ferreira", "Jonas Lindqvist"],
        minutes: 90,
        tags: &["migrations", "ci"],
        notes: include_str!("data-platform-migration-day.md"),
    },
    Conversation {
        name: "risk-fraud-office-hours",
        customer: "Risk & Fraud",
        days_ago: 130,
        kind: InterviewKind::OfficeHours,
        interviewees: "Diego Alvarez (tech lead)",
        interviewers: &["Maya Okafor"],
        minutes: 30,
        tags: &["migrations"],
        notes: include_str!("risk-fraud-office-hours.md"),
    },
];
