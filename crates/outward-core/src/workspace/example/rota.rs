//! The example's support rota: last quarter support fell to the two least senior engineers
//! (which the coverage warns about); this quarter the team planned a fair rota that everyone,
//! principal included, takes turns in, around two absences, with the weeks already behind it
//! recorded (one of them swapped) and a few conversations logged by whoever was on support.

use super::Names;
use crate::error::Result;
use crate::id::Id;
use crate::quarter::Quarter;
use crate::rota::{self, AbsenceInput, ConversationInput, PlanInput, ShiftInput, plan};
use chrono::{DateTime, Days, Utc};
use rusqlite::Transaction;

/// Last quarter's support, week by week, before the team planned a rota.
const LAST_QUARTER: [&str; 2] = ["Aiko Tanaka", "Sam Whitfield"];

/// Who was away, from how many days after this week's Monday, for how many days, and why.
const ABSENCES: [(&str, u64, u64, &str); 2] = [
    ("Maya Okafor", 14, 11, "Holiday"),
    ("Jonas Lindqvist", 35, 4, "Conference"),
];

/// What the person on support heard: who, how many days ago, the customer team, the product.
const CONVERSATIONS: [(&str, u64, &str, &str, &str); 4] = [
    (
        "Tomás Ferreira",
        2,
        "Payments",
        "Deploy pipeline",
        "Canary step times out on their slow health checks; showed them the per-service timeout.",
    ),
    (
        "Priya Raman",
        9,
        "Data Platform",
        "Managed Postgres",
        "Batch jobs hit the connection pool limit every night at two.",
    ),
    (
        "Aiko Tanaka",
        16,
        "Checkout",
        "Build & CI",
        "Asked again how to pin the base image version: the docs page is hard to find.",
    ),
    (
        "Maya Okafor",
        23,
        "Risk & Fraud",
        "Legacy VM images",
        "Wants a date for the VM image retirement before planning next quarter.",
    ),
];

pub(super) fn load(
    tx: &Transaction<'_>,
    team: Id,
    people: &Names,
    customers: &Names,
    products: &Names,
    now: DateTime<Utc>,
) -> Result<()> {
    let today = now.date_naive();
    let this_week = plan::monday_of(today);
    let quarter = Quarter::containing(today, crate::settings::fiscal_year_start(tx)?);
    // A week belongs to the quarter holding its Monday: each quarter's weeks begin on its first
    // Monday, so last quarter's support is all last quarter's, as the coverage counts it.
    let first_monday = |q: Quarter| plan::monday_of(q.first_day() + Days::new(6));
    let this_quarter = first_monday(quarter);
    let last_quarter = first_monday(quarter.previous());
    for (i, week) in plan::weeks_from(last_quarter, 13).into_iter().enumerate() {
        if week >= this_quarter {
            break;
        }
        let shift = ShiftInput {
            team_id: team,
            week_of: week,
            person_id: people.id(LAST_QUARTER[i % LAST_QUARTER.len()])?,
        };
        rota::record_shift(tx, &shift, now)?;
    }
    for (name, after, days, reason) in ABSENCES {
        let starts_on = this_week + Days::new(after);
        let input = AbsenceInput {
            person_id: people.id(name)?,
            starts_on,
            ends_on: starts_on + Days::new(days),
            reason: reason.into(),
        };
        rota::add_absence(tx, &input, now)?;
    }
    let weeks_behind = u32::try_from((this_week - this_quarter).num_weeks()).unwrap_or(0);
    let planned = rota::plan(
        tx,
        &PlanInput {
            team_id: team,
            starts_on: this_quarter,
            weeks: weeks_behind + 13,
        },
        now,
    )?;
    // The weeks behind are recorded as done; Sam took one of Priya's.
    for week in planned.weeks.iter().filter(|w| w.week_of < this_week) {
        let Some(planned) = &week.planned else {
            continue;
        };
        let person_id =
            if planned.name == "Priya Raman" && week.week_of + Days::new(21) >= this_week {
                people.id("Sam Whitfield")?
            } else {
                planned.id
            };
        let shift = ShiftInput {
            team_id: team,
            week_of: week.week_of,
            person_id,
        };
        rota::record_shift(tx, &shift, now)?;
    }
    for (name, ago, customer, product, note) in CONVERSATIONS {
        let input = ConversationInput {
            person_id: people.id(name)?,
            held_on: Some(today - Days::new(ago)),
            customer_id: Some(customers.id(customer)?),
            product_id: Some(products.id(product)?),
            note: note.into(),
        };
        rota::add_conversation(tx, &input, now)?;
    }
    Ok(())
}
