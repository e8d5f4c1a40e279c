//! The HTML export of a quarter's review at heavy size: reading the review and rendering it as
//! one self-contained HTML file with its SVG charts, against reading the review alone (the
//! baseline, in the same run), and against the two seconds the issue sets; and the rendering
//! alone, of a review read once, against rendering it as Markdown (the same text, no charts).

use crate::harness::{Fallible, kept, ms, p50_p95, paired, ratio};
use crate::report::{Report, Row};
use outward_core::datasets;
use outward_core::db::Database;
use outward_core::quarter::{FiscalYearStart, Quarter};
use outward_core::report::{self as export, ReportFormat};
use outward_core::review;

/// The budget for the HTML export of a quarter at heavy size.
const EXPORT_BUDGET_MS: f64 = 2_000.0;

pub fn html_export(db: &Database, report: &mut Report) -> Fallible {
    let today = datasets::last_day();
    let quarter = Quarter::containing(today, FiscalYearStart::CALENDAR).previous();
    let (subject, baseline) = db.read(|c| {
        Ok(paired(
            10,
            |_| (),
            |_| {
                let review = review::quarter(c, quarter, today)?;
                kept(export::render(&review, ReportFormat::Html)?)
            },
            |_| kept(review::quarter(c, quarter, today)?),
        ))
    })??;
    let p95 = ms(subject.p95());
    report.add(Row {
        operation: "the review of a quarter exported as HTML with its charts (heavy)".into(),
        subject: p50_p95(&subject),
        baseline: p50_p95(&baseline),
        ratio: ratio(subject.p50(), baseline.p50()),
        goal: format!("p95 ≤ {EXPORT_BUDGET_MS} ms"),
        met: Some(p95 <= EXPORT_BUDGET_MS),
        budget: None,
    });
    let review = db.read(|c| review::quarter(c, quarter, today))?;
    let (subject, baseline) = paired(
        20,
        |_| (),
        |_| kept(export::render(&review, ReportFormat::Html)?),
        |_| kept(export::render(&review, ReportFormat::Markdown)?),
    )?;
    let p95 = ms(subject.p95());
    report.add(Row {
        operation: format!(
            "rendering alone: a review of {} metrics as HTML with its charts (heavy)",
            review.metrics.len()
        ),
        subject: p50_p95(&subject),
        baseline: format!("{} (as Markdown)", p50_p95(&baseline)),
        ratio: ratio(subject.p50(), baseline.p50()),
        goal: format!("p95 ≤ {EXPORT_BUDGET_MS} ms"),
        met: Some(p95 <= EXPORT_BUDGET_MS),
        budget: None,
    });
    Ok(())
}
