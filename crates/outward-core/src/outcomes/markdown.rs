//! A workshop's summary as Markdown, for the export the app saves and the CLI prints. What the
//! room typed is escaped, so a card that reads `# done | *all*` stays text and never becomes a
//! heading, a table cell or emphasis.

use super::summary::{self, WorkshopSummary};
use super::{Outcome, OutcomeKind};
use crate::error::{Error, Result};
use crate::id::Id;
use chrono::{DateTime, Utc};
use rusqlite::Connection;
use std::fmt::Write;
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// The workshop's summary as Markdown, as of `now`.
pub fn export(conn: &Connection, workshop: Id, now: DateTime<Utc>) -> Result<String> {
    Ok(render(&summary::summary(conn, workshop, now)?))
}

/// A file name to offer when saving the export: the date and the title, without characters a
/// file system may refuse.
pub fn file_name(conn: &Connection, workshop: Id, now: DateTime<Utc>) -> Result<String> {
    let summary = summary::summary(conn, workshop, now)?;
    let title: String = summary
        .title
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == ' ' || c == '-' {
                c
            } else {
                ' '
            }
        })
        .collect();
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    Ok(format!("{} {title}.md", summary.held_on.format("%Y-%m-%d")))
}

/// Writes `text` to `path` whole or not at all: into a temporary file beside it, flushed to
/// disk, then renamed into place, so a full disk or a read-only folder leaves no partial file
/// and a message that says so.
pub fn save(path: &Path, text: &str) -> Result<()> {
    let name = path
        .file_name()
        .ok_or_else(|| Error::validation("path", "Choose a file to save the summary to."))?;
    let mut partial_name = std::ffi::OsString::from(".");
    partial_name.push(name);
    partial_name.push(".partial");
    let partial: PathBuf = path.with_file_name(partial_name);
    let written = std::fs::File::create(&partial)
        .and_then(|mut file| {
            file.write_all(text.as_bytes())?;
            file.sync_all()
        })
        .and_then(|()| std::fs::rename(&partial, path));
    written.map_err(|source| {
        let _ = std::fs::remove_file(&partial);
        // Shown to the person, who can act on it: another folder, some free space.
        Error::conflict(
            Some("path"),
            format!(
                "Could not save {}: {source}. Nothing was written; choose another place.",
                path.display()
            ),
        )
    })
}

/// The summary as a Markdown document.
pub fn render(summary: &WorkshopSummary) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", escape(&summary.title));
    let mut about = vec![summary.held_on.format("%Y-%m-%d").to_string()];
    if let Some(team) = &summary.team_name {
        about.push(escape(team));
    }
    if let Some(facilitator) = &summary.facilitator_name {
        about.push(format!("facilitated by {}", escape(facilitator)));
    }
    if !summary.finished {
        about.push("still running".to_owned());
    }
    let _ = writeln!(out, "{}\n", about.join(" · "));

    out.push_str("## Who attended\n\n");
    if summary.attendees.is_empty() {
        out.push_str("No participants were recorded.\n\n");
    } else {
        let names: Vec<String> = summary.attendees.iter().map(|n| escape(n)).collect();
        let _ = writeln!(
            out,
            "{} ({}), with {} on the board.\n",
            names.join(", "),
            crate::text::count(names.len() as u32, "person", "people"),
            crate::text::count(summary.card_count, "card", "cards"),
        );
    }

    out.push_str("## Outcomes\n\n");
    if summary.outcomes.is_empty() {
        out.push_str("The room recorded no decisions.\n\n");
    } else {
        for outcome in &summary.outcomes {
            let _ = writeln!(out, "- {}", outcome_line(outcome));
        }
        out.push('\n');
    }

    out.push_str("## Top-voted\n\n");
    if summary.top_voted.is_empty() {
        out.push_str("No votes were cast.\n\n");
    } else {
        for (index, item) in summary.top_voted.iter().enumerate() {
            let what = if item.is_group { " (group)" } else { "" };
            let _ = writeln!(
                out,
                "{}. {}{what} — {}",
                index + 1,
                escape(&item.text),
                crate::text::count(item.votes, "vote", "votes")
            );
        }
        out.push('\n');
    }

    if !summary.ratings.is_empty() {
        out.push_str("## Ratings\n\n| Dimension | Mean (1–5) | Ratings |\n| --- | ---: | ---: |\n");
        for rating in &summary.ratings {
            let _ = writeln!(
                out,
                "| {} | {:.1} | {} |",
                escape(&rating.dimension),
                rating.mean,
                rating.ratings
            );
        }
        out.push('\n');
    }

    out.push_str("## Time per step\n\n| Step | Planned | Spent |\n| --- | ---: | ---: |\n");
    let (mut planned, mut spent) = (0u32, 0u32);
    for step in &summary.steps {
        planned += step.planned_seconds;
        spent += step.spent_seconds;
        let _ = writeln!(
            out,
            "| {}. {} | {} | {} |",
            step.position + 1,
            escape(&step.title),
            duration(step.planned_seconds),
            duration(step.spent_seconds)
        );
    }
    let _ = writeln!(
        out,
        "| **Total** | {} | {} |",
        duration(planned),
        duration(spent)
    );
    out
}

fn outcome_line(outcome: &Outcome) -> String {
    let source = match (outcome.card_id, outcome.group_id) {
        (_, Some(_)) => "the group",
        _ => "the card",
    };
    let gone = if outcome.record_live {
        ""
    } else {
        " (since removed)"
    };
    format!(
        "**{}:** {}{gone} — from {source} “{}”",
        label(outcome.kind),
        escape(&outcome.decided),
        escape(&outcome.source_text)
    )
}

fn label(kind: OutcomeKind) -> &'static str {
    kind.label()
}

/// "45 s", "5 min", "4 min 30 s".
fn duration(seconds: u32) -> String {
    match (seconds / 60, seconds % 60) {
        (0, s) => format!("{s} s"),
        (m, 0) => format!("{m} min"),
        (m, s) => format!("{m} min {s} s"),
    }
}

/// Text as Markdown shows it literally, on one line.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '<' | '>' | '|' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::{Event, Parser, Tag};

    #[test]
    fn what_the_room_typed_stays_text() {
        let typed = "# done | *all* [link](x) <b>\nnext";
        let escaped = escape(typed);
        let events: Vec<Event<'_>> = Parser::new(&escaped).collect();
        assert!(
            !events.iter().any(|e| matches!(
                e,
                Event::Start(Tag::Heading { .. } | Tag::Emphasis | Tag::Link { .. })
                    | Event::Html(_)
                    | Event::InlineHtml(_)
            )),
            "no heading, emphasis, link or HTML: {events:?}"
        );
        let text: String = events
            .iter()
            .filter_map(|e| match e {
                Event::Text(t) => Some(t.to_string()),
                _ => None,
            })
            .collect();
        assert_eq!(
            text, "# done | *all* [link](x) <b> next",
            "read back as typed"
        );
    }

    #[test]
    fn durations_read_as_minutes_and_seconds() {
        assert_eq!(duration(45), "45 s");
        assert_eq!(duration(300), "5 min");
        assert_eq!(duration(270), "4 min 30 s");
    }
}
