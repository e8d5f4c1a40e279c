//! How records reach the terminal: left-aligned columns for people, or with `--json` the same
//! records the app receives, for scripts.

use outward_core::error::Result;
use serde::Serialize;

pub fn to_json(value: &impl Serialize) -> String {
    serde_json::to_string_pretty(value).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}

/// Prints records as JSON, or as left-aligned columns; says so when there are none.
pub fn print_list<T: Serialize>(
    json: bool,
    rows: &[T],
    columns: impl Fn(&T) -> Vec<String>,
) -> Result<()> {
    if json {
        println!("{}", to_json(&rows));
        return Ok(());
    }
    if rows.is_empty() {
        println!("(none)");
        return Ok(());
    }
    let cells: Vec<Vec<String>> = rows.iter().map(columns).collect();
    let widths: Vec<usize> = (0..cells[0].len())
        .map(|i| {
            cells
                .iter()
                .map(|row| row[i].chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    for row in cells {
        let padded: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(cell, width)| format!("{cell:<width$}"))
            .collect();
        println!("{}", padded.join("  ").trim_end());
    }
    Ok(())
}
