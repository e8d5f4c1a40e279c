//! An interview guide as something to read before and during the interview: Markdown, or one
//! self-contained HTML page (inline CSS with print rules, no script, font or image from
//! outside). Written whole or not at all through the review's report save path
//! ([`crate::report::save`]). Both say that the guide holds no candidate data.

use super::guides::{Guide, find_guide};
use crate::error::{Error, Result};
use crate::outcomes::markdown::escape as md;
use crate::report::{ReportStep, escape_html as html};
use crate::text;
use rusqlite::Connection;
use std::fmt::Write;
use std::path::Path;

text::vocabulary! {
    /// The formats a guide exports to.
    GuideFormat, field = "format", label = "Format" {
        Markdown = "md", "Markdown";
        Html = "html", "HTML";
    }
}

/// Said on every export, so nobody mistakes the guide for a scoring sheet.
pub const NO_CANDIDATE_DATA: &str = "This guide holds questions only. Outward stores nothing about candidates: keep your notes and decisions in your hiring process.";

/// The guide rendered in `format`; a guide without questions, or with one in the Trash, is
/// refused.
pub fn render(guide: &Guide, format: GuideFormat) -> Result<String> {
    if guide.items.is_empty() {
        return Err(Error::validation(
            "items",
            format!(
                "The guide “{}” has no questions yet; add at least one before exporting it.",
                guide.name
            ),
        ));
    }
    if let Some(place) = guide.items.iter().position(|i| i.question.is_none()) {
        return Err(Error::validation(
            "items",
            format!(
                "Question {} of the guide is in the Trash; restore it or remove it from the guide.",
                place + 1
            ),
        ));
    }
    Ok(match format {
        GuideFormat::Markdown => markdown(guide),
        GuideFormat::Html => page(guide),
    })
}

/// A file name to offer: `interview-guide-platform-engineer-loop.md`.
pub fn file_name(guide: &Guide, format: GuideFormat) -> String {
    let mut slug = String::new();
    for c in guide.name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    let slug = if slug.is_empty() { "guide" } else { slug };
    format!("interview-guide-{slug}.{}", format.as_str())
}

/// The guide named `reference` (its id or name), rendered in `format`.
pub fn export(conn: &Connection, reference: &str, format: GuideFormat) -> Result<(Guide, String)> {
    let guide = find_guide(conn, reference)?;
    let text = render(&guide, format)?;
    Ok((guide, text))
}

/// Writes a rendered guide to `path`, whole or not at all.
pub fn save(path: &Path, text: &str) -> Result<()> {
    crate::report::save(path, text, &mut |_: ReportStep| {})
}

fn summary(guide: &Guide) -> String {
    let questions = text::count(guide.items.len() as u32, "question", "questions");
    if guide.total_minutes > 0 {
        format!("{questions}, {} minutes planned.", guide.total_minutes)
    } else {
        format!("{questions}.")
    }
}

fn markdown(guide: &Guide) -> String {
    let mut out = format!("# Interview guide: {}\n\n", md(&guide.name));
    if !guide.purpose.is_empty() {
        let _ = write!(out, "{}\n\n", md(&guide.purpose));
    }
    let _ = write!(out, "{}\n\n> {NO_CANDIDATE_DATA}\n", summary(guide));
    for (index, item) in guide.items.iter().enumerate() {
        let Some(q) = &item.question else { continue };
        let time = item.minutes.map_or(String::new(), |m| format!(", {m} min"));
        let _ = write!(
            out,
            "\n## {}. {}\n\n*{}{time}*\n\n",
            index + 1,
            md(&q.text),
            q.topic.label()
        );
        if !item.note.is_empty() {
            let _ = write!(out, "Note: {}\n\n", md(&item.note));
        }
        if !q.good_answer.is_empty() {
            let _ = writeln!(out, "- **A strong answer:** {}", md(&q.good_answer));
        }
        if !q.weak_answer.is_empty() {
            let _ = writeln!(out, "- **A weak answer:** {}", md(&q.weak_answer));
        }
    }
    out
}

const STYLE: &str = "
:root { color-scheme: light; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, 'Segoe UI', sans-serif;
  color: #18202b; background: #ffffff; }
main { max-width: 48rem; margin: 0 auto; padding: 2rem 1.5rem 3rem; }
h1 { font-size: 1.8rem; margin: 0 0 .25rem; }
.lead { color: #4a5566; margin: 0 0 .75rem; }
.privacy { border-left: 4px solid #8592a3; padding: .25rem .75rem; color: #34404f; }
ol { padding-left: 0; list-style: none; counter-reset: q; }
li.question { counter-increment: q; margin: 1.5rem 0; padding-top: .75rem;
  border-top: 1px solid #d3d9e1; }
li.question h2 { font-size: 1.1rem; margin: 0 0 .25rem; }
li.question h2::before { content: counter(q) \". \"; }
.topic { color: #4a5566; font-size: .9rem; margin: 0 0 .5rem; }
.note { font-style: italic; }
dl { margin: .5rem 0 0; }
dt { font-weight: 600; }
dd { margin: 0 0 .5rem 0; }
@page { size: A4; margin: 16mm 14mm; }
@media print {
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  li.question { break-inside: avoid; }
}
";

fn page(guide: &Guide) -> String {
    let name = html(&guide.name);
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>Interview guide: {name}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n\
         <h1>Interview guide: {name}</h1>\n"
    );
    if !guide.purpose.is_empty() {
        let _ = writeln!(out, "<p class=\"lead\">{}</p>", html(&guide.purpose));
    }
    let _ = write!(
        out,
        "<p>{}</p>\n<p class=\"privacy\">{}</p>\n<ol>\n",
        html(&summary(guide)),
        html(NO_CANDIDATE_DATA)
    );
    for item in &guide.items {
        let Some(q) = &item.question else { continue };
        let time = item.minutes.map_or(String::new(), |m| format!(", {m} min"));
        let _ = write!(
            out,
            "<li class=\"question\">\n<h2>{}</h2>\n<p class=\"topic\">{}{time}</p>\n",
            html(&q.text),
            html(q.topic.label())
        );
        if !item.note.is_empty() {
            let _ = writeln!(out, "<p class=\"note\">Note: {}</p>", html(&item.note));
        }
        out.push_str("<dl>\n");
        if !q.good_answer.is_empty() {
            let _ = writeln!(
                out,
                "<dt>A strong answer</dt><dd>{}</dd>",
                html(&q.good_answer)
            );
        }
        if !q.weak_answer.is_empty() {
            let _ = writeln!(
                out,
                "<dt>A weak answer</dt><dd>{}</dd>",
                html(&q.weak_answer)
            );
        }
        out.push_str("</dl>\n</li>\n");
    }
    out.push_str("</ol>\n</main>\n</body>\n</html>\n");
    out
}
