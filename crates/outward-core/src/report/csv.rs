//! The review's tables as CSV, one after another, each headed by a row naming it and followed
//! by a blank row. A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets
//! a leading `'`, so a spreadsheet shows it as text instead of running it as a formula.

use super::{shown, shown_change};
use crate::error::{Error, Result};
use crate::review::Review;

/// `cell` as a spreadsheet may safely open it.
pub fn protect(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_owned(),
    }
}

struct Sheet(::csv::Writer<Vec<u8>>);

impl Sheet {
    fn row<S: AsRef<str>>(&mut self, cells: &[S]) -> Result<()> {
        self.0
            .write_record(cells.iter().map(|c| protect(c.as_ref())))
            .map_err(|e| Error::io("writing the CSV report", e.into()))
    }

    fn table(&mut self, name: &str, header: &[&str]) -> Result<()> {
        self.row(&[name])?;
        self.row(header)
    }

    fn end(&mut self) -> Result<()> {
        self.row(&[""])
    }
}

pub fn render(review: &Review) -> Result<String> {
    let writer = ::csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::new());
    let mut sheet = Sheet(writer);
    sheet.table(
        &format!("Metrics, {}", review.label),
        &[
            "Metric",
            "This quarter",
            "n",
            "Low",
            "High",
            "Last quarter",
            "Change",
        ],
    )?;
    for m in &review.metrics {
        let value = m.value.as_ref();
        sheet.row(&[
            m.name.clone(),
            value.map_or(String::new(), |v| shown(m.kind, &m.unit, v.value)),
            value
                .and_then(|v| v.n)
                .map_or(String::new(), |n| n.to_string()),
            value
                .and_then(|v| v.interval)
                .map_or(String::new(), |i| shown(m.kind, &m.unit, i.low)),
            value
                .and_then(|v| v.interval)
                .map_or(String::new(), |i| shown(m.kind, &m.unit, i.high)),
            m.previous
                .as_ref()
                .map_or(String::new(), |v| shown(m.kind, &m.unit, v.value)),
            m.change.as_ref().map_or(String::new(), shown_change),
        ])?;
    }
    sheet.end()?;

    sheet.table(
        "Commitments",
        &[
            "Commitment",
            "Owner",
            "Goal",
            "Status",
            "Progress",
            "Decision",
        ],
    )?;
    for c in &review.commitments {
        sheet.row(&[
            c.title.clone(),
            c.owner_name.clone().unwrap_or_default(),
            c.goal_title.clone().unwrap_or_default(),
            c.status_label.clone(),
            c.progress.map_or(String::new(), |p| p.to_string()),
            c.decision.clone().unwrap_or_default(),
        ])?;
    }
    sheet.end()?;

    sheet.table(
        "Pain points by product",
        &["Product", "Opened", "Addressed", "Still open"],
    )?;
    for p in &review.pain_points {
        sheet.row(&[
            p.product_name
                .clone()
                .unwrap_or_else(|| "No product".into()),
            p.opened.to_string(),
            p.addressed.to_string(),
            p.still_open.to_string(),
        ])?;
    }
    sheet.end()?;

    sheet.table(
        "Conversations by team member",
        &["Team member", "Level", "Conversations", "Customer teams"],
    )?;
    for m in &review.conversations.by_member {
        sheet.row(&[
            m.name.clone(),
            m.level.label().to_owned(),
            m.conversations.to_string(),
            m.customers.to_string(),
        ])?;
    }
    sheet.end()?;

    for section in super::practices::sections(review) {
        for (index, table) in section.tables.iter().enumerate() {
            sheet.table(&table.caption, &table.header)?;
            for row in &table.rows {
                sheet.row(row)?;
            }
            // The section's warning closes its first table, as a row of its own.
            if let Some(warning) = section.warning.as_ref().filter(|_| index == 0) {
                sheet.row(&["Warning", warning.as_str()])?;
            }
            sheet.end()?;
        }
    }

    sheet.table("Kudos", &["Given on", "To", "From", "Message"])?;
    for k in &review.kudos {
        sheet.row(&[
            k.given_on.to_string(),
            k.to_name.clone().unwrap_or_default(),
            k.from_name.clone().unwrap_or_default(),
            k.message.clone(),
        ])?;
    }
    sheet.end()?;

    if let Some(last) = review.celebrated.last() {
        let mut head = vec!["Kind"];
        head.extend(review.celebrated.iter().map(|q| q.label.as_str()));
        sheet.table("Kudos by kind", &head)?;
        for (row, kind) in last.kinds.iter().enumerate() {
            let mut cells = vec![kind.label.clone()];
            cells.extend(
                review
                    .celebrated
                    .iter()
                    .map(|q| q.kinds.get(row).map_or(0, |k| k.count).to_string()),
            );
            sheet.row(&cells)?;
        }
    }
    let bytes = sheet
        .0
        .into_inner()
        .map_err(|e| Error::io("writing the CSV report", e.into_error()))?;
    String::from_utf8(bytes)
        .map_err(|e| Error::io("writing the CSV report", std::io::Error::other(e)))
}

#[cfg(test)]
mod tests {
    use super::protect;

    #[test]
    fn cells_a_spreadsheet_would_run_are_kept_as_text() {
        for cell in ["=SUM(A1)", "+1", "-2", "@cmd", "\tx", "\rx"] {
            assert_eq!(protect(cell), format!("'{cell}"), "{cell:?} is neutralised");
        }
        for cell in ["Halve CI queue time", "", "42", "a=b"] {
            assert_eq!(protect(cell), cell, "{cell:?} stays as written");
        }
    }
}
