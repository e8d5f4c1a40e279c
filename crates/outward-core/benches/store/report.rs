//! The report: a row per operation with its goal, printed as the table BENCHMARKS.md shows and
//! written as `store.json`.

use crate::harness::{Timings, ms, p50_p95, ratio};
use serde::Serialize;

#[derive(Serialize)]
pub struct Row {
    pub operation: String,
    pub subject: String,
    pub baseline: String,
    pub ratio: f64,
    pub goal: String,
    pub met: Option<bool>,
    /// The subject's p95 against [`OPERATION_BUDGET_MS`], for reads and writes whose ratio
    /// alone could hide a slow query (the baseline may share it).
    pub budget: Option<Budget>,
}

/// "Ordinary reads and writes take a few milliseconds in Rust at heavy size" (DESIGN.md §7),
/// stated as a number so a figure can be said to meet it or not.
pub const OPERATION_BUDGET_MS: f64 = 5.0;

#[derive(Serialize)]
pub struct Budget {
    p95_ms: f64,
    budget_ms: f64,
    met: bool,
}

impl Budget {
    fn of(t: &Timings) -> Budget {
        let p95_ms = ms(t.p95());
        Budget {
            p95_ms,
            budget_ms: OPERATION_BUDGET_MS,
            met: p95_ms <= OPERATION_BUDGET_MS,
        }
    }
}

pub fn yes_no(met: Option<bool>) -> &'static str {
    match met {
        Some(true) => "yes",
        Some(false) => "**no**",
        None => "—",
    }
}

#[derive(Default)]
pub struct Report {
    pub rows: Vec<Row>,
}

impl Report {
    pub fn add(&mut self, row: Row) {
        let budget = match &row.budget {
            Some(b) => format!(
                "; p95 {:.3} ms against {} ms: {}",
                b.p95_ms,
                b.budget_ms,
                yes_no(Some(b.met))
            ),
            None => String::new(),
        };
        eprintln!(
            "  {}: {} vs {} → {:.2}{budget}",
            row.operation, row.subject, row.baseline, row.ratio
        );
        self.rows.push(row);
    }

    /// A row whose goal is a ratio of medians no greater than `most`, with the subject's p95
    /// against the budget of an ordinary read or write.
    pub fn compared(&mut self, operation: &str, (s, b): (Timings, Timings), most: f64) {
        let r = ratio(s.p50(), b.p50());
        self.add(Row {
            operation: operation.into(),
            subject: p50_p95(&s),
            baseline: p50_p95(&b),
            ratio: r,
            goal: format!("≤ {most}"),
            met: Some(r <= most),
            budget: Some(Budget::of(&s)),
        });
    }

    pub fn print(&self) {
        println!();
        println!(
            "| Operation | Outward (p50 / p95) | Baseline (p50 / p95) | Ratio | Goal | Met \
             | Outward p95 | Budget | Met |"
        );
        println!("|---|---|---|---|---|---|---|---|---|");
        for r in &self.rows {
            let budget = match &r.budget {
                Some(b) => format!(
                    "{:.3} ms | p95 ≤ {} ms | {}",
                    b.p95_ms,
                    b.budget_ms,
                    yes_no(Some(b.met))
                ),
                None => "— | — | —".into(),
            };
            println!(
                "| {} | {} | {} | {:.2} | {} | {} | {budget} |",
                r.operation,
                r.subject,
                r.baseline,
                r.ratio,
                r.goal,
                yes_no(r.met)
            );
        }
    }
}

/// The IPC cap: no single reply carries more than this many bytes of JSON (DESIGN.md §7).
pub const REPLY_CAP: usize = 256 * 1024;

impl Report {
    /// A row for a reply of `bytes`, against the cap.
    pub fn reply(&mut self, operation: &str, bytes: usize) {
        self.add(Row {
            operation: operation.into(),
            subject: format!("{:.1} KB", bytes as f64 / 1024.0),
            baseline: "256 KB cap".into(),
            ratio: bytes as f64 / REPLY_CAP as f64,
            goal: "≤ 1".into(),
            met: Some(bytes <= REPLY_CAP),
            budget: None,
        });
    }
}
