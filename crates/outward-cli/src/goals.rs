//! `outward goals`: where the team wants a metric to be, and by when.

use crate::output::print_list;
use chrono::Utc;
use clap::Subcommand;
use outward_core::db::Database;
use outward_core::error::Result;
use outward_core::goals::{self, GoalInput};
use outward_core::metrics;

#[derive(Subcommand)]
pub enum GoalAction {
    /// Goals, soonest due first
    List {
        #[arg(long)]
        json: bool,
    },
    /// Set a goal; its baseline is the metric's latest value
    Add {
        title: String,
        /// The metric, by name or id
        #[arg(long)]
        metric: String,
        #[arg(long, allow_negative_numbers = true)]
        target: f64,
        /// The quarter it is due, such as 2027-Q2
        #[arg(long)]
        due: String,
    },
}

pub fn run(db: &Database, action: GoalAction) -> Result<()> {
    match action {
        GoalAction::List { json } => {
            let list = db.read(goals::list)?;
            print_list(json, &list, |g| {
                vec![
                    g.due_quarter.clone(),
                    g.title.clone(),
                    g.metric_name.clone(),
                    g.baseline
                        .map_or("no baseline".into(), |b| format!("from {b:.1}")),
                    format!("to {:.1}", g.target),
                    g.id.to_string(),
                ]
            })
        }
        GoalAction::Add {
            title,
            metric,
            target,
            due,
        } => {
            let now = Utc::now();
            let goal = db.write(|tx| {
                let metric = metrics::find(tx, &metric)?;
                let input = GoalInput {
                    title,
                    metric_id: metric.id,
                    target,
                    due_quarter: due,
                    team_id: None,
                };
                goals::create(tx, &input, now.date_naive(), now)
            })?;
            println!("Set goal “{}” ({}).", goal.title, goal.id);
            Ok(())
        }
    }
}
