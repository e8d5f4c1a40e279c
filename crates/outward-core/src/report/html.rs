//! The review as one self-contained HTML file: inline CSS that reads on screen and prints
//! cleanly (A4, no cut tables or charts, links shown as text), each metric's trend as an
//! inline SVG chart with its numbers in a table, and no script, image, font or any other
//! resource from outside the file. Everything the team typed is escaped.

use super::markdown::about;
use super::practices::sections;
use super::{charts, shown, shown_change, shown_quarter, shown_value};
use crate::review::Review;
use std::fmt::Write;

const STYLE: &str = "
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, 'Segoe UI', sans-serif;
  color: #18202b; background: #ffffff; }
main { max-width: 52rem; margin: 0 auto; padding: 2rem 1.5rem 3rem; }
h1 { font-size: 1.9rem; margin: 0 0 .25rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .5rem; padding-bottom: .25rem;
  border-bottom: 2px solid #d3d9e1; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .25rem; }
.lead { color: #4a5566; margin: 0 0 1rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .92rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid #d3d9e1;
  vertical-align: top; }
thead th { border-bottom: 2px solid #8592a3; }
td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
figure { margin: .5rem 0 1rem; }
figure svg { max-width: 100%; height: auto; display: block; }
.noise { color: #4a5566; }
.beyond { color: #1d6b3a; font-weight: 600; }
.written { white-space: pre-wrap; }
.warning { padding-left: .6rem; border-left: 4px solid #b3261e; }
ul.kudos { padding-left: 1.2rem; }
footer { margin-top: 2.5rem; color: #4a5566; font-size: .85rem; }
@page { size: A4; margin: 16mm 14mm; }
@media print {
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  table, figure, .metric { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
";

/// `text` safe inside HTML text and attribute values.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

pub fn render(review: &Review) -> String {
    let mut out = String::new();
    let label = escape(&review.label);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>Quarterly review: {label}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n\
         <h1>Quarterly review: {label}</h1>\n<p class=\"lead\">{} to {}. {}</p>\n",
        review.first_day,
        review.last_day,
        escape(&about(review))
    );
    metrics(&mut out, review);
    commitments(&mut out, review);
    pain_points(&mut out, review);
    conversations(&mut out, review);
    practices(&mut out, review);
    assessment(&mut out, review);
    kudos(&mut out, review);
    celebrated(&mut out, review);
    for (title, text) in [("Notes", &review.notes), ("Decisions", &review.decisions)] {
        let _ = write!(out, "<h2>{title}</h2>\n<p class=\"written\">");
        if text.trim().is_empty() {
            out.push_str("None written.");
        } else {
            out.push_str(&escape(text.trim()));
        }
        out.push_str("</p>\n");
    }
    let _ = write!(
        out,
        "<footer>Made by Outward from what the team recorded; as of {}.</footer>\n\
         </main>\n</body>\n</html>\n",
        review.as_of
    );
    out
}

fn metrics(out: &mut String, review: &Review) {
    out.push_str("<h2>Satisfaction goals and metrics</h2>\n");
    if review.metrics.is_empty() {
        out.push_str("<p>No metrics are measured yet.</p>\n");
        return;
    }
    for (index, m) in review.metrics.iter().enumerate() {
        let id = format!("metric-{index}");
        let _ = write!(
            out,
            "<section class=\"metric\" aria-labelledby=\"{id}\">\n<h3 id=\"{id}\">{}</h3>\n",
            escape(&m.name)
        );
        let mut lead = match &m.value {
            Some(v) => format!("{}: {}", review.label, shown_value(m.kind, &m.unit, v)),
            None => format!("No value in {}", review.label),
        };
        if let Some(change) = &m.change {
            lead.push_str(&format!("; {} from last quarter", shown_change(change)));
        }
        for g in &m.goals {
            lead.push_str(&format!(
                "; goal “{}”: {} by {}",
                g.title,
                shown(m.kind, &m.unit, g.target),
                shown_quarter(&g.due_quarter)
            ));
        }
        let class = match &m.change {
            Some(c) if !c.within_noise => "beyond",
            _ => "noise",
        };
        let _ = writeln!(out, "<p class=\"{class}\">{}.</p>", escape(&lead));
        if let Some(svg) = charts::trend(m, &review.quarters, &id) {
            let _ = writeln!(out, "<figure>{svg}</figure>");
        }
        if !m.trend.is_empty() {
            let _ = write!(
                out,
                "<table>\n<caption>{} by quarter</caption>\n<thead><tr><th scope=\"col\">Quarter</th>\
                 <th scope=\"col\" class=\"number\">Value</th><th scope=\"col\" class=\"number\">95 % interval</th>\
                 <th scope=\"col\" class=\"number\">n</th></tr></thead>\n<tbody>\n",
                escape(&m.name)
            );
            for v in &m.trend {
                let _ = writeln!(
                    out,
                    "<tr><th scope=\"row\">{}</th><td class=\"number\">{}</td><td class=\"number\">{}</td>\
                     <td class=\"number\">{}</td></tr>",
                    escape(&v.quarter),
                    escape(&shown(m.kind, &m.unit, v.value)),
                    v.interval.map_or("—".into(), |i| escape(&format!(
                        "{}–{}",
                        shown(m.kind, &m.unit, i.low),
                        shown(m.kind, &m.unit, i.high)
                    ))),
                    v.n.map_or("—".into(), |n| n.to_string())
                );
            }
            out.push_str("</tbody>\n</table>\n");
        }
        out.push_str("</section>\n");
    }
}

/// A table with a caption, column headings and rows of already escaped cells; the first cell
/// of each row heads it.
fn table(
    out: &mut String,
    caption: &str,
    header: &[&str],
    rows: &[Vec<String>],
    numbers: &[usize],
) {
    let _ = write!(
        out,
        "<table>\n<caption>{}</caption>\n<thead><tr>",
        escape(caption)
    );
    for (i, h) in header.iter().enumerate() {
        let class = if numbers.contains(&i) {
            " class=\"number\""
        } else {
            ""
        };
        let _ = write!(out, "<th scope=\"col\"{class}>{h}</th>");
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in rows {
        out.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            let class = if numbers.contains(&i) {
                " class=\"number\""
            } else {
                ""
            };
            if i == 0 {
                let _ = write!(out, "<th scope=\"row\">{cell}</th>");
            } else {
                let _ = write!(out, "<td{class}>{cell}</td>");
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

fn commitments(out: &mut String, review: &Review) {
    out.push_str("<h2>Commitments</h2>\n");
    if review.commitments.is_empty() {
        out.push_str("<p>Nothing was committed for this quarter.</p>\n");
        return;
    }
    let rows: Vec<Vec<String>> = review
        .commitments
        .iter()
        .map(|c| {
            vec![
                escape(&c.title),
                c.owner_name.as_deref().map_or("—".into(), escape),
                c.goal_title.as_deref().map_or("—".into(), escape),
                escape(&c.status_label),
                c.progress.map_or("—".into(), |p| format!("{p} %")),
                c.decision.as_deref().map_or("—".into(), escape),
            ]
        })
        .collect();
    table(
        out,
        &format!("The commitments of {}", review.label),
        &[
            "Commitment",
            "Owner",
            "Goal",
            "Status",
            "Progress",
            "Decision",
        ],
        &rows,
        &[4],
    );
}

fn pain_points(out: &mut String, review: &Review) {
    out.push_str("<h2>Pain points by product</h2>\n");
    if review.pain_points.is_empty() {
        out.push_str("<p>No pain points were recorded.</p>\n");
        return;
    }
    let rows: Vec<Vec<String>> = review
        .pain_points
        .iter()
        .map(|p| {
            vec![
                p.product_name
                    .as_deref()
                    .map_or("No product".into(), escape),
                p.opened.to_string(),
                p.addressed.to_string(),
                p.still_open.to_string(),
            ]
        })
        .collect();
    table(
        out,
        "Pain points opened, addressed and still open",
        &["Product", "Opened", "Addressed", "Still open"],
        &rows,
        &[1, 2, 3],
    );
}

fn conversations(out: &mut String, review: &Review) {
    let talks = &review.conversations;
    let _ = write!(
        out,
        "<h2>Conversations with customers</h2>\n<p>{} conversations with {} customer teams.</p>\n",
        talks.total, talks.customers
    );
    if talks.by_member.is_empty() {
        return;
    }
    let rows: Vec<Vec<String>> = talks
        .by_member
        .iter()
        .map(|m| {
            vec![
                escape(&m.name),
                m.level.label().to_owned(),
                m.conversations.to_string(),
                m.customers.to_string(),
            ]
        })
        .collect();
    table(
        out,
        "Conversations by team member",
        &["Team member", "Level", "Conversations", "Customer teams"],
        &rows,
        &[2, 3],
    );
}

fn assessment(out: &mut String, review: &Review) {
    let a = &review.self_assessment;
    if a.dimensions.is_empty() {
        return;
    }
    out.push_str("<h2>Product-mindset self-assessment</h2>\n");
    let header: Vec<String> = std::iter::once("Quarter".to_owned())
        .chain(a.dimensions.iter().map(|d| escape(d)))
        .collect();
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let rows: Vec<Vec<String>> = a
        .quarters
        .iter()
        .map(|q| {
            std::iter::once(escape(&q.quarter))
                .chain(
                    q.means
                        .iter()
                        .map(|m| m.map_or("—".into(), |m| format!("{m:.1}"))),
                )
                .collect()
        })
        .collect();
    let numbers: Vec<usize> = (1..header.len()).collect();
    table(
        out,
        "Mean rating, 1 to 5, by quarter",
        &header,
        &rows,
        &numbers,
    );
}

fn kudos(out: &mut String, review: &Review) {
    out.push_str("<h2>Kudos</h2>\n");
    if review.kudos.is_empty() {
        out.push_str("<p>No kudos were given this quarter.</p>\n");
        return;
    }
    out.push_str("<ul class=\"kudos\">\n");
    for k in &review.kudos {
        let _ = writeln!(
            out,
            "<li>{}: to <strong>{}</strong> from {}: {}</li>",
            k.given_on,
            k.to_name.as_deref().map_or("someone".into(), escape),
            k.from_name.as_deref().map_or("someone".into(), escape),
            escape(&k.message)
        );
    }
    if review.all_kudos as usize > review.kudos.len() {
        let _ = writeln!(
            out,
            "<li>and {} more</li>",
            review.all_kudos as usize - review.kudos.len()
        );
    }
    out.push_str("</ul>\n");
}

/// What the team thanked people for, by kind, in each quarter of the review.
fn celebrated(out: &mut String, review: &Review) {
    let Some(last) = review.celebrated.last() else {
        return;
    };
    out.push_str("<h2>What the team thanked people for</h2>\n");
    let _ = writeln!(
        out,
        "<p>{}</p>",
        escape(&crate::kudos::celebrated::summary(last))
    );
    out.push_str(
        "<table>\n<caption>Kudos by kind of work, per quarter</caption>\n<thead><tr><th scope=\"col\">Kind</th>",
    );
    for q in &review.celebrated {
        let _ = write!(
            out,
            "<th scope=\"col\" class=\"number\">{}</th>",
            escape(&q.label)
        );
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for (row, kind) in last.kinds.iter().enumerate() {
        let _ = write!(out, "<tr><th scope=\"row\">{}</th>", escape(&kind.label));
        for q in &review.celebrated {
            let _ = write!(
                out,
                "<td class=\"number\">{}</td>",
                q.kinds.get(row).map_or(0, |k| k.count)
            );
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

/// Support, the black-hole meter and migrations, each where the quarter has data.
fn practices(out: &mut String, review: &Review) {
    for (index, section) in sections(review).into_iter().enumerate() {
        let _ = writeln!(out, "<h2>{}</h2>", section.title);
        for line in &section.lines {
            let _ = writeln!(out, "<p>{}</p>", escape(line));
        }
        if let Some(warning) = &section.warning {
            let _ = writeln!(
                out,
                "<p class=\"warning\"><strong>Warning:</strong> {}</p>",
                escape(warning)
            );
        }
        if let Some(bars) = &section.chart {
            let id = format!("practice-{index}");
            if let Some(svg) = charts::bars(&bars.labels, &bars.values, bars.axis, &id) {
                let _ = writeln!(
                    out,
                    "<figure>{svg}<figcaption id=\"{id}\">{}</figcaption></figure>",
                    escape(&bars.caption)
                );
            }
        }
        for t in &section.tables {
            let rows: Vec<Vec<String>> = t
                .rows
                .iter()
                .map(|row| row.iter().map(|c| escape(c)).collect())
                .collect();
            table(out, &t.caption, &t.header, &rows, &t.numbers);
        }
    }
}
