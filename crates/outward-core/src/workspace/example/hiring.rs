//! The example's hiring kit: one question of the team's own and the interview guide its
//! platform engineer loop uses, built from the bank through the same rules the app uses.

use crate::error::Result;
use crate::hiring::guides::{self, GuideInput, GuideItemInput};
use crate::hiring::{self, HiringQuestionInput, HiringTopic};
use chrono::{DateTime, Utc};
use rusqlite::Transaction;

fn item(question: &str, minutes: u32, note: &str) -> GuideItemInput {
    GuideItemInput {
        question: question.into(),
        minutes: Some(minutes),
        note: note.into(),
    }
}

pub(super) fn load(tx: &Transaction<'_>, now: DateTime<Utc>) -> Result<()> {
    let own = hiring::create(
        tx,
        &HiringQuestionInput {
            topic: HiringTopic::Support,
            text: "Our CI service pages whoever is on support when builds queue for more than ten minutes. Walk us through your first half hour of that page.".into(),
            good_answer: "Tells the affected teams early, works out who is blocked, fixes or routes the cause, and follows up with the teams afterwards.".into(),
            weak_answer: "Restarts the runners and closes the page; the teams who waited never hear what happened.".into(),
        },
        now,
    )?;
    guides::create(
        tx,
        &GuideInput {
            name: "Platform engineer loop".into(),
            purpose: "The customer-empathy conversation of the onsite loop for platform engineers, 45 minutes with two interviewers.".into(),
            items: vec![
                item("who-used-it", 8, "Ask for names of teams, not roles."),
                item("first-week-user", 6, ""),
                item("answered-support", 7, ""),
                item(&own.id, 8, "Our real page; share the dashboard screenshot."),
                item("migration-cost", 8, ""),
                item("said-no", 8, "Only if there is time left."),
            ],
        },
        now,
    )?;
    Ok(())
}
