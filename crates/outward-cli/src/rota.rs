//! `outward rota`: the support rota's weeks ahead, team by team, and planning them.

use crate::output::{print_list, to_json};
use chrono::{NaiveDate, Utc};
use clap::Subcommand;
use outward_core::db::Database;
use outward_core::error::Result;
use outward_core::rota::{self, PlanInput, Rota, SupportWeek, coverage};
use outward_core::teams;

#[derive(Subcommand)]
pub enum RotaAction {
    /// Who is on support each week ahead, for every team (or one with --team)
    Show {
        /// Team name or id
        #[arg(long)]
        team: Option<String>,
        /// How many weeks, from this week (1 to 104)
        #[arg(long, default_value_t = 8)]
        weeks: u32,
        /// Start at the week holding this day (YYYY-MM-DD) instead of this week
        #[arg(long)]
        from: Option<NaiveDate>,
        #[arg(long)]
        json: bool,
    },
    /// Plan a team's rota fairly around absences, replacing the plan of those weeks
    Plan {
        /// Team name or id
        #[arg(long)]
        team: String,
        /// How many weeks (1 to 104)
        #[arg(long, default_value_t = 13)]
        weeks: u32,
        /// Start at the week holding this day (YYYY-MM-DD) instead of this week
        #[arg(long)]
        from: Option<NaiveDate>,
    },
}

fn week_line(week: &SupportWeek) -> Vec<String> {
    let who = match (&week.planned, &week.done_by) {
        (_, Some(done)) => format!("{} ({}), done", done.name, done.level.label()),
        (Some(planned), None) => format!("{} ({})", planned.name, planned.level.label()),
        (None, None) => "not planned".to_owned(),
    };
    let away = if week.away.is_empty() {
        String::new()
    } else {
        format!("away: {}", week.away.join(", "))
    };
    vec![format!("week of {}", week.week_of), who, away]
}

pub fn run(db: &Database, action: RotaAction) -> Result<()> {
    let today = Utc::now().date_naive();
    match action {
        RotaAction::Show {
            team,
            weeks,
            from,
            json,
        } => {
            let from = from.unwrap_or(today);
            let (rotas, warnings) = db.read(|conn| {
                let teams = match team {
                    Some(team) => vec![teams::find(conn, &team)?],
                    None => teams::list(conn)?,
                };
                let rotas = teams
                    .iter()
                    .map(|team| rota::view(conn, team.id, from, weeks))
                    .collect::<Result<Vec<Rota>>>()?;
                let mut warnings = Vec::new();
                for team in &teams {
                    let quarter = coverage::quarters(conn, from, 1, Some(team.id))?;
                    warnings.extend(quarter.into_iter().filter_map(|q| q.warning));
                }
                Ok((rotas, warnings))
            })?;
            if json {
                println!("{}", to_json(&rotas));
                return Ok(());
            }
            for rota in &rotas {
                println!("{}", rota.team_name);
                print_list(false, &rota.weeks, week_line)?;
                println!();
            }
            for warning in warnings {
                println!("Warning: {warning}");
            }
            Ok(())
        }
        RotaAction::Plan { team, weeks, from } => {
            let planned = db.write(|tx| {
                let input = PlanInput {
                    team_id: teams::find(tx, &team)?.id,
                    starts_on: from.unwrap_or(today),
                    weeks,
                };
                rota::plan(tx, &input, Utc::now())
            })?;
            println!(
                "Planned {} weeks of {}'s rota from the week of {}.",
                planned.weeks.len(),
                planned.team_name,
                planned.weeks[0].week_of
            );
            print_list(false, &planned.weeks, week_line)
        }
    }
}
