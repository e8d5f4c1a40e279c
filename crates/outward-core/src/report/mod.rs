//! The review of a quarter as a report leadership reads: Markdown, one self-contained HTML
//! file (inline CSS that prints cleanly, each metric's trend as an SVG chart drawn by
//! `plotters`, no external resource), or CSV of its tables (cells that a spreadsheet would run
//! as a formula are neutralised). Every format renders the same [`Review`] — for a closed
//! quarter, the one kept when it closed — so the exports never disagree with the review screen.
//!
//! A report is written whole or not at all: into a temporary file beside the target, flushed,
//! then renamed (see [`crate::outcomes::markdown::save`]).

mod charts;
pub mod csv;
mod html;
mod markdown;
mod practices;

pub(crate) use html::escape as escape_html;

use crate::error::Result;
use crate::metrics::MetricKind;
use crate::metrics::values::MetricValue;
use crate::quarter::{FiscalYearStart, Quarter};
use crate::review::{self, Review};
use crate::text;
use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;
use std::path::Path;
use ts_rs::TS;

text::vocabulary! {
    /// The formats a review exports to.
    ReportFormat, field = "format", label = "Format" {
        Markdown = "md", "Markdown";
        Html = "html", "HTML";
        Csv = "csv", "CSV";
    }
}

impl ReportFormat {
    /// The file name extension.
    pub fn extension(self) -> &'static str {
        self.as_str()
    }
}

/// The steps of an export, reported as they begin so a long one shows where it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ReportStep {
    Reading,
    Rendering,
    Writing,
    Done,
}

/// The review rendered in `format`.
pub fn render(review: &Review, format: ReportFormat) -> Result<String> {
    Ok(match format {
        ReportFormat::Markdown => markdown::render(review),
        ReportFormat::Html => html::render(review),
        ReportFormat::Csv => csv::render(review)?,
    })
}

/// A file name to offer: `outward-review-2026-Q3.html`.
pub fn file_name(review: &Review, format: ReportFormat) -> String {
    format!("outward-review-{}.{}", review.quarter, format.extension())
}

/// The review of the quarter named `quarter` (or today's), rendered in `format`, as of
/// `today`; `progress` hears each step as it begins.
pub fn report(
    conn: &Connection,
    quarter: Option<&str>,
    format: ReportFormat,
    today: NaiveDate,
    progress: &mut dyn FnMut(ReportStep),
) -> Result<(Review, String)> {
    progress(ReportStep::Reading);
    let review = review::named(conn, quarter, today)?;
    progress(ReportStep::Rendering);
    let text = render(&review, format)?;
    Ok((review, text))
}

/// Writes a rendered report to `path`, whole or not at all.
pub fn save(path: &Path, text: &str, progress: &mut dyn FnMut(ReportStep)) -> Result<()> {
    progress(ReportStep::Writing);
    crate::outcomes::markdown::save(path, text)?;
    progress(ReportStep::Done);
    Ok(())
}

/// A metric's value as the report prints it: shares with a percent sign, NPS signed, a unit
/// after durations and counts, one decimal at most.
pub(crate) fn shown(kind: MetricKind, unit: &str, value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    let number = if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}")
    };
    match kind {
        MetricKind::Csat | MetricKind::Percentage => format!("{number} %"),
        MetricKind::Nps if rounded > 0.0 => format!("+{number}"),
        _ if unit.is_empty() => number,
        _ => format!("{number} {unit}"),
    }
}

/// A value with its interval and `n`, when known: "56.1 % (45.2–66.4, n = 41)".
pub(crate) fn shown_value(kind: MetricKind, unit: &str, value: &MetricValue) -> String {
    let mut out = shown(kind, unit, value.value);
    let mut about = Vec::new();
    if let Some(interval) = value.interval {
        about.push(format!(
            "{}–{}",
            shown(kind, "", interval.low),
            shown(kind, "", interval.high)
        ));
    }
    if let Some(n) = value.n {
        about.push(format!("n = {n}"));
    }
    if !about.is_empty() {
        out.push_str(&format!(" ({})", about.join(", ")));
    }
    out
}

/// A quarter stored by its key (`2027-Q2`) named as the review screen names quarters, "2027 Q2":
/// read back into a [`Quarter`] and written by its `Display`. A quarter's name does not depend
/// on when the fiscal year starts; a key that does not read (none is stored) is written as is.
pub(crate) fn shown_quarter(key: &str) -> String {
    Quarter::parse(key, FiscalYearStart::CALENDAR, "quarter")
        .map_or_else(|_| key.to_owned(), |q| q.to_string())
}

/// How a metric moved, in words: "+2.3, within noise".
pub(crate) fn shown_change(change: &crate::metrics::stats::Change) -> String {
    let d = (change.difference * 10.0).round() / 10.0;
    let sign = if d > 0.0 { "+" } else { "" };
    if change.within_noise {
        format!("{sign}{d}, within noise")
    } else {
        format!("{sign}{d}, beyond noise")
    }
}
