//! A commitment's status, derived in one place from what was decided and what the check-ins
//! say, so nobody chases a status by hand. Done, dropped and carried over are decided
//! explicitly; everything else follows from the dates and the latest check-in, by the rules in
//! [`RULES`], each shown to people in the same words.

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

crate::text::vocabulary! {
    /// What was decided about a commitment; open until someone decides otherwise.
    CommitmentState, field = "state", label = "State" {
        Open = "open", "Open";
        Done = "done", "Done";
        Dropped = "dropped", "Dropped";
        CarriedOver = "carriedOver", "Carried over";
    }
}

crate::text::vocabulary! {
    /// Where a commitment stands, as the board groups it.
    CommitmentStatus, field = "status", label = "Status" {
        OnTrack = "onTrack", "On track";
        AtRisk = "atRisk", "At risk";
        OffTrack = "offTrack", "Off track";
        Done = "done", "Done";
        Dropped = "dropped", "Dropped";
        CarriedOver = "carriedOver", "Carried over";
    }
}

/// A confidence at or below this, in the latest check-in, puts a commitment at risk.
pub const LOW_CONFIDENCE: u8 = 4;
/// Days without a check-in after which a commitment is at risk: four weeks.
pub const QUIET_DAYS: i64 = 28;
/// Percentage points progress may trail the share of the quarter gone before it is at risk.
pub const LAG_MARGIN: i64 = 30;

/// The rules, in the words the interface shows them.
pub const RULES: &[&str] = &[
    "Done, dropped and carried over are decided by the team, never guessed.",
    "Off track: its quarter has ended and it is not done.",
    "At risk: the latest check-in's confidence is 4 out of 10 or lower.",
    "At risk: no check-in for more than four weeks.",
    "At risk: progress trails the share of the quarter gone by more than 30 points.",
    "On track: none of the above.",
];

/// What the status is derived from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Facts {
    pub state: CommitmentState,
    pub quarter_starts_on: NaiveDate,
    pub quarter_ends_on: NaiveDate,
    /// The day the commitment was made: it is not quiet before it existed.
    pub created_on: NaiveDate,
    pub latest: Option<Latest>,
}

/// The latest check-in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Latest {
    pub checked_on: NaiveDate,
    pub progress: u8,
    pub confidence: u8,
}

/// A status with the reasons for it, in plain words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, rename = "DerivedStatus")]
pub struct Derived {
    pub status: CommitmentStatus,
    pub reasons: Vec<String>,
}

/// The share of the quarter gone on `today`, 0 to 100.
pub fn elapsed_percent(starts_on: NaiveDate, ends_on: NaiveDate, today: NaiveDate) -> i64 {
    let length = (ends_on - starts_on).num_days() + 1;
    let gone = (today - starts_on).num_days() + 1;
    (gone.clamp(0, length) * 100) / length.max(1)
}

/// The status of a commitment on `today`. The only place the rules live.
pub fn derive(facts: &Facts, today: NaiveDate) -> Derived {
    let decided = |status, reason: &str| Derived {
        status,
        reasons: vec![reason.to_owned()],
    };
    match facts.state {
        CommitmentState::Done => return decided(CommitmentStatus::Done, "Marked done."),
        CommitmentState::Dropped => {
            return decided(CommitmentStatus::Dropped, "Dropped by the team.");
        }
        CommitmentState::CarriedOver => {
            return decided(
                CommitmentStatus::CarriedOver,
                "Carried over into a later quarter.",
            );
        }
        CommitmentState::Open => {}
    }
    if today > facts.quarter_ends_on {
        return decided(
            CommitmentStatus::OffTrack,
            &format!(
                "Its quarter ended on {} and it is not done.",
                facts.quarter_ends_on
            ),
        );
    }
    let mut reasons = Vec::new();
    if let Some(latest) = facts.latest.filter(|l| l.confidence <= LOW_CONFIDENCE) {
        reasons.push(format!(
            "The latest check-in's confidence is {} out of 10.",
            latest.confidence
        ));
    }
    let quiet_since = facts
        .latest
        .map_or(facts.created_on.max(facts.quarter_starts_on), |latest| {
            latest.checked_on
        });
    let quiet = (today - quiet_since).num_days();
    if quiet > QUIET_DAYS {
        reasons.push(match facts.latest {
            Some(_) => format!("No check-in for {quiet} days."),
            None => format!("No check-in yet, {quiet} days in."),
        });
    }
    let progress = i64::from(facts.latest.map_or(0, |l| l.progress));
    let gone = elapsed_percent(facts.quarter_starts_on, facts.quarter_ends_on, today);
    if gone - progress > LAG_MARGIN {
        reasons.push(format!(
            "Progress is {progress}% with {gone}% of the quarter gone."
        ));
    }
    if reasons.is_empty() {
        let recent = match facts.latest {
            Some(_) => format!("last check-in {quiet} days ago"),
            None => "no check-in yet".to_owned(),
        };
        Derived {
            status: CommitmentStatus::OnTrack,
            reasons: vec![format!(
                "Progress {progress}% with {gone}% of the quarter gone; {recent}."
            )],
        }
    } else {
        Derived {
            status: CommitmentStatus::AtRisk,
            reasons,
        }
    }
}
