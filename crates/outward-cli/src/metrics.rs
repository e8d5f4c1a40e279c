//! `outward metrics`: each metric's value for a quarter with its n, response rate, 95 %
//! interval and change; defining a metric and entering a measurement.

use crate::output::{print_list, to_json};
use chrono::Utc;
use clap::Subcommand;
use outward_core::db::Database;
use outward_core::error::Result;
use outward_core::metrics::values::{self, MetricValue};
use outward_core::metrics::{self, MeasurementInput, MetricInput, MetricScope};
use outward_core::quarter::Quarter;
use outward_core::settings;

#[derive(Subcommand)]
pub enum MetricAction {
    /// Every metric's value in a quarter (this quarter unless given), with n, response rate,
    /// 95 % interval and the change from the quarter before
    Show {
        /// A quarter such as 2026-Q3
        #[arg(long)]
        quarter: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Define a metric
    Add {
        name: String,
        /// csat, nps, likertMean, percentage, duration or count
        #[arg(long)]
        kind: String,
        /// higherIsBetter or lowerIsBetter
        #[arg(long)]
        direction: String,
        /// The unit of a duration or count
        #[arg(long, default_value = "")]
        unit: String,
        #[arg(long, default_value = "")]
        description: String,
    },
    /// Enter a metric's value for a quarter, with where it came from
    Measure {
        /// The metric, by name or id
        metric: String,
        #[arg(long)]
        quarter: String,
        #[arg(long)]
        value: f64,
        /// Where the number came from
        #[arg(long)]
        source: String,
        /// How many it was measured over
        #[arg(long)]
        n: Option<u32>,
    },
}

/// A quarter typed on the command line, or the one today is in.
pub fn quarter(db: &Database, typed: Option<&str>) -> Result<Quarter> {
    let start = db.read(settings::fiscal_year_start)?;
    match typed {
        Some(text) => Quarter::parse(text, start, "quarter"),
        None => Ok(Quarter::containing(Utc::now().date_naive(), start)),
    }
}

fn shown(value: &MetricValue, unit: &str) -> String {
    let mut text = format!(
        "{:.1}{}",
        value.value,
        if unit.is_empty() {
            String::new()
        } else {
            format!(" {unit}")
        }
    );
    if let Some(i) = value.interval {
        text.push_str(&format!(" ({:.1}–{:.1})", i.low, i.high));
    }
    text
}

pub fn run(db: &Database, action: MetricAction) -> Result<()> {
    match action {
        MetricAction::Show {
            quarter: typed,
            json,
        } => {
            let q = quarter(db, typed.as_deref())?;
            let rows = db.read(|c| values::quarter(c, q))?;
            if json {
                println!("{}", to_json(&rows));
                return Ok(());
            }
            println!("{q}");
            print_list(false, &rows, |m| {
                let Some(v) = &m.value else {
                    return vec![
                        m.metric.name.clone(),
                        "no value".into(),
                        String::new(),
                        String::new(),
                        String::new(),
                    ];
                };
                let n = v.n.map_or("n unknown".into(), |n| format!("n = {n}"));
                let rate = v
                    .response_rate
                    .map_or(String::new(), |r| format!("{r:.0} % responded"));
                let change = match &m.change {
                    Some(c) if c.within_noise => format!("{:+.1}, within noise", c.difference),
                    Some(c) => format!("{:+.1}", c.difference),
                    None => String::new(),
                };
                vec![
                    m.metric.name.clone(),
                    shown(v, &m.metric.unit),
                    n,
                    rate,
                    change,
                ]
            })
        }
        MetricAction::Add {
            name,
            kind,
            direction,
            unit,
            description,
        } => {
            let input = MetricInput {
                name,
                description,
                kind: kind.parse()?,
                direction: direction.parse()?,
                scope: MetricScope::Team,
                team_id: None,
                product_id: None,
                customer_id: None,
                unit,
            };
            let metric = db.write(|tx| metrics::create(tx, &input, Utc::now()))?;
            println!("Added metric “{}” ({}).", metric.name, metric.id);
            Ok(())
        }
        MetricAction::Measure {
            metric,
            quarter,
            value,
            source,
            n,
        } => {
            let saved = db.write(|tx| {
                let metric = metrics::find(tx, &metric)?;
                let input = MeasurementInput {
                    metric_id: metric.id,
                    quarter,
                    value,
                    n,
                    source,
                };
                metrics::record_measurement(tx, &input, Utc::now())
            })?;
            println!(
                "Recorded {} for {} ({}).",
                saved.value, saved.quarter, saved.id
            );
            Ok(())
        }
    }
}
