//! A plain-text dump of everything a workspace stores, to compare databases by their contents.

use crate::error::Result;
use rusqlite::Connection;
use rusqlite::types::ValueRef;
use std::fmt::Write;

/// The tables that hold a workspace's records, parents before children. The full-text tables
/// are left out: triggers derive them from these. Rows come in the order they were written,
/// or by key for the tables without rowids.
const TABLES: &[(&str, &str)] = &[
    ("teams", "rowid"),
    ("people", "rowid"),
    ("products", "rowid"),
    ("customers", "rowid"),
    ("customer_products", "1, 2"),
    ("themes", "rowid"),
    ("interviews", "rowid"),
    ("interview_interviewers", "1, 2"),
    ("interview_themes", "1, 2"),
    ("pain_points", "rowid"),
    ("pain_point_products", "1, 2"),
    ("pain_point_customers", "1, 2"),
    ("pain_point_themes", "1, 2"),
    ("pain_point_status_changes", "rowid"),
    ("highlights", "rowid"),
    ("workshops", "rowid"),
    ("workshop_participants", "1, 2"),
    ("workshop_steps", "1, 2"),
    ("workshop_step_visits", "1, 2, 3"),
    ("workshop_groups", "rowid"),
    ("workshop_cards", "rowid"),
    ("workshop_ballots", "1, 2, 3"),
    ("workshop_votes", "rowid"),
    ("workshop_ratings", "rowid"),
    ("metrics", "rowid"),
    ("surveys", "rowid"),
    ("survey_questions", "rowid"),
    ("survey_responses", "rowid"),
    ("survey_answers", "rowid"),
    ("measurements", "rowid"),
    ("goals", "rowid"),
    ("commitments", "rowid"),
    ("commitment_pain_points", "1, 2"),
    ("check_ins", "rowid"),
    ("commitment_decisions", "rowid"),
    ("kudos", "rowid"),
    ("tickets", "rowid"),
    ("rota_absences", "rowid"),
    ("support_weeks", "rowid"),
    ("support_conversations", "rowid"),
    ("platform_migrations", "rowid"),
    ("migration_teams", "1, 2"),
    ("migration_team_changes", "1, 2, 3"),
    ("migration_help", "rowid"),
    ("settings", "1"),
];

/// Every row of every table, one line each (`table|value|value…`), in a stable order.
pub fn dump(conn: &Connection) -> Result<String> {
    let mut out = String::new();
    for (table, order) in TABLES {
        let mut stmt = conn.prepare(&format!("SELECT * FROM {table} ORDER BY {order}"))?;
        let columns = stmt.column_count();
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            out.push_str(table);
            for column in 0..columns {
                out.push('|');
                match row.get_ref(column)? {
                    ValueRef::Null => out.push_str("NULL"),
                    ValueRef::Integer(n) => write!(out, "{n}").expect("write to a String"),
                    ValueRef::Real(x) => write!(out, "{x:?}").expect("write to a String"),
                    ValueRef::Text(text) => out.push_str(&String::from_utf8_lossy(text)),
                    ValueRef::Blob(bytes) => {
                        bytes
                            .iter()
                            .for_each(|b| write!(out, "{b:02x}").expect("write"));
                    }
                }
            }
            out.push('\n');
        }
    }
    Ok(out)
}
