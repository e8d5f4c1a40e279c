//! `outward search`: interview notes, pain points and themes, matches marked with `*`.

use crate::output::to_json;
use outward_core::db::Database;
use outward_core::error::Result;
use outward_core::search::{self, MATCH_END, MATCH_START};

pub fn run(db: &Database, query: &str, json: bool) -> Result<()> {
    let today = chrono::Utc::now().date_naive();
    let hits = db.read(|conn| search::search(conn, query, today))?;
    if json {
        println!("{}", to_json(&hits));
        return Ok(());
    }
    if hits.is_empty() {
        println!("Nothing matches “{query}”.");
    }
    for hit in hits {
        let snippet: String = hit
            .snippet
            .chars()
            .map(|c| {
                if c == MATCH_START || c == MATCH_END {
                    '*'
                } else {
                    c
                }
            })
            .filter(|c| *c != '\n')
            .collect();
        println!("{} · {}\n    {snippet}", hit.kind.label(), hit.title);
    }
    Ok(())
}
