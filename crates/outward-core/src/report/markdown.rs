//! The review as Markdown: headings, one table per section, the team's notes as written.
//! Everything the team typed is escaped, so a title never becomes a heading or breaks a table.

use super::practices::sections;
use super::{shown, shown_change, shown_quarter, shown_value};
use crate::outcomes::markdown::escape;
use crate::review::Review;
use std::fmt::Write;

pub fn render(review: &Review) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Quarterly review: {}\n", review.label);
    let _ = writeln!(
        out,
        "{} to {}. {}\n",
        review.first_day,
        review.last_day,
        about(review)
    );

    out.push_str("## Satisfaction goals and metrics\n\n");
    if review.metrics.is_empty() {
        out.push_str("No metrics are measured yet.\n\n");
    } else {
        out.push_str("| Metric | This quarter | Last quarter | Change | Targets |\n");
        out.push_str("| --- | --- | --- | --- | --- |\n");
        for m in &review.metrics {
            let value = m
                .value
                .as_ref()
                .map_or("no value".into(), |v| shown_value(m.kind, &m.unit, v));
            let previous = m
                .previous
                .as_ref()
                .map_or("no value".into(), |v| shown(m.kind, &m.unit, v.value));
            let change = m.change.as_ref().map_or("—".into(), shown_change);
            let targets: Vec<String> = m
                .goals
                .iter()
                .map(|g| {
                    format!(
                        "{}: {} by {}",
                        escape(&g.title),
                        shown(m.kind, &m.unit, g.target),
                        shown_quarter(&g.due_quarter)
                    )
                })
                .collect();
            let _ = writeln!(
                out,
                "| {} | {value} | {previous} | {change} | {} |",
                escape(&m.name),
                if targets.is_empty() {
                    "—".into()
                } else {
                    targets.join("; ")
                }
            );
        }
        out.push('\n');
    }

    out.push_str("## Commitments\n\n");
    if review.commitments.is_empty() {
        out.push_str("Nothing was committed for this quarter.\n\n");
    } else {
        out.push_str("| Commitment | Owner | Goal | Status | Progress | Decision |\n");
        out.push_str("| --- | --- | --- | --- | --- | --- |\n");
        for c in &review.commitments {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} |",
                escape(&c.title),
                c.owner_name.as_deref().map_or("—".into(), escape),
                c.goal_title.as_deref().map_or("—".into(), escape),
                c.status_label,
                c.progress.map_or("—".into(), |p| format!("{p} %")),
                c.decision.as_deref().map_or("—".into(), escape),
            );
        }
        out.push('\n');
    }

    out.push_str("## Pain points by product\n\n");
    if review.pain_points.is_empty() {
        out.push_str("No pain points were recorded.\n\n");
    } else {
        out.push_str("| Product | Opened | Addressed | Still open |\n| --- | --- | --- | --- |\n");
        for p in &review.pain_points {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                p.product_name
                    .as_deref()
                    .map_or("No product".into(), escape),
                p.opened,
                p.addressed,
                p.still_open
            );
        }
        out.push('\n');
    }

    let talks = &review.conversations;
    out.push_str("## Conversations with customers\n\n");
    let _ = writeln!(
        out,
        "{} conversations with {} customer teams.\n",
        talks.total, talks.customers
    );
    if !talks.by_member.is_empty() {
        out.push_str("| Team member | Level | Conversations | Customer teams |\n");
        out.push_str("| --- | --- | --- | --- |\n");
        for m in &talks.by_member {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                escape(&m.name),
                m.level.label(),
                m.conversations,
                m.customers
            );
        }
        out.push('\n');
    }

    practices(&mut out, review);

    let assessment = &review.self_assessment;
    if !assessment.dimensions.is_empty() {
        out.push_str("## Product-mindset self-assessment (1–5)\n\n");
        let _ = write!(out, "| Quarter |");
        for d in &assessment.dimensions {
            let _ = write!(out, " {} |", escape(d));
        }
        out.push_str("\n| --- |");
        out.push_str(&" --- |".repeat(assessment.dimensions.len()));
        out.push('\n');
        for q in &assessment.quarters {
            let _ = write!(out, "| {} |", q.quarter);
            for mean in &q.means {
                let _ = write!(out, " {} |", mean.map_or("—".into(), |m| format!("{m:.1}")));
            }
            out.push('\n');
        }
        out.push('\n');
    }

    out.push_str("## Kudos\n\n");
    if review.kudos.is_empty() {
        out.push_str("No kudos were given this quarter.\n\n");
    } else {
        for k in &review.kudos {
            let _ = writeln!(
                out,
                "- {}: to {} from {}: {}",
                k.given_on,
                k.to_name.as_deref().map_or("someone".into(), escape),
                k.from_name.as_deref().map_or("someone".into(), escape),
                escape(&k.message)
            );
        }
        if review.all_kudos as usize > review.kudos.len() {
            let _ = writeln!(
                out,
                "- and {} more",
                review.all_kudos as usize - review.kudos.len()
            );
        }
        out.push('\n');
    }

    celebrated(&mut out, review);

    out.push_str("## Notes\n\n");
    out.push_str(if review.notes.trim().is_empty() {
        "None written."
    } else {
        review.notes.trim()
    });
    out.push_str("\n\n## Decisions\n\n");
    out.push_str(if review.decisions.trim().is_empty() {
        "None written."
    } else {
        review.decisions.trim()
    });
    out.push('\n');
    out
}

/// Whether the quarter runs, or was closed and kept (and regenerated since).
pub(super) fn about(review: &Review) -> String {
    match &review.snapshot {
        Some(s) => {
            let mut words = format!(
                "Closed on {}; this is the review as kept then.",
                s.closed_at.date_naive()
            );
            if let Some(again) = s.regenerated_at {
                words = format!(
                    "Closed on {}; regenerated on purpose on {}.",
                    s.closed_at.date_naive(),
                    again.date_naive()
                );
            }
            words
        }
        None if review.current => format!("The quarter is running; as of {}.", review.as_of),
        None => format!("As of {}.", review.as_of),
    }
}

/// What the team thanked people for, by kind, in each quarter of the review: a table with one
/// row per kind and the chosen quarter in words.
fn celebrated(out: &mut String, review: &Review) {
    let Some(last) = review.celebrated.last() else {
        return;
    };
    out.push_str("## What the team thanked people for\n\n");
    let _ = writeln!(out, "{}\n", crate::kudos::celebrated::summary(last));
    out.push_str("| Kind |");
    for q in &review.celebrated {
        let _ = write!(out, " {} |", q.label);
    }
    out.push_str("\n| --- |");
    for _ in &review.celebrated {
        out.push_str(" ---: |");
    }
    out.push('\n');
    for (row, kind) in last.kinds.iter().enumerate() {
        let _ = write!(out, "| {} |", kind.label);
        for q in &review.celebrated {
            let _ = write!(out, " {} |", q.kinds.get(row).map_or(0, |k| k.count));
        }
        out.push('\n');
    }
    out.push('\n');
}

/// Support, the black-hole meter and migrations, each where the quarter has data.
fn practices(out: &mut String, review: &Review) {
    for section in sections(review) {
        let _ = writeln!(out, "## {}\n", section.title);
        for line in &section.lines {
            let _ = writeln!(out, "{}\n", escape(line));
        }
        if let Some(warning) = &section.warning {
            let _ = writeln!(out, "**Warning:** {}\n", escape(warning));
        }
        for table in &section.tables {
            let _ = writeln!(out, "{}:\n", escape(&table.caption));
            let _ = writeln!(out, "| {} |", table.header.join(" | "));
            out.push('|');
            for i in 0..table.header.len() {
                out.push_str(if table.numbers.contains(&i) {
                    " ---: |"
                } else {
                    " --- |"
                });
            }
            out.push('\n');
            for row in &table.rows {
                let cells: Vec<String> = row.iter().map(|c| escape(c)).collect();
                let _ = writeln!(out, "| {} |", cells.join(" | "));
            }
            out.push('\n');
        }
    }
}
