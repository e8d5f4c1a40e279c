//! The review's practices as the report shows them, in words and tables every format renders
//! alike: support by level with its warning, the ticket black-hole meter in brief, and the
//! migrations running with their blocked teams. A part with no data in the quarter is left out.

use super::shown;
use crate::metrics::MetricKind;
use crate::review::Review;

/// A table of plain cells (escaped by the format that renders it); the first cell of a row
/// heads it.
pub(super) struct Table {
    pub caption: String,
    pub header: Vec<&'static str>,
    pub rows: Vec<Vec<String>>,
    /// The columns holding numbers, aligned right.
    pub numbers: Vec<usize>,
}

/// Bars a chart draws, one per label: the HTML report draws them above the first table, which
/// holds the same numbers.
pub(super) struct Bars {
    pub caption: String,
    pub labels: Vec<&'static str>,
    pub values: Vec<f64>,
    pub axis: &'static str,
}

/// One part of the practices: a heading, what it says in words, a warning said plainly, a chart
/// where one helps, and its tables.
pub(super) struct Section {
    pub title: &'static str,
    pub lines: Vec<String>,
    pub warning: Option<String>,
    pub chart: Option<Bars>,
    pub tables: Vec<Table>,
}

fn hours(value: Option<f64>) -> String {
    value.map_or("—".into(), |h| shown(MetricKind::Duration, "hours", h))
}

fn share(value: Option<f64>) -> String {
    value.map_or("—".into(), |p| shown(MetricKind::Percentage, "", p))
}

/// The parts the quarter has data for, in the order the review shows them.
pub(super) fn sections(review: &Review) -> Vec<Section> {
    let p = &review.practices;
    let mut out = Vec::new();
    if let Some(s) = &p.support {
        out.push(Section {
            title: "Support rota",
            lines: vec![format!(
                "{} support {} in {}, {} of them taken by senior, staff and principal engineers.",
                s.weeks,
                if s.weeks == 1 { "week" } else { "weeks" },
                review.label,
                s.senior_weeks
            )],
            warning: s.warning.clone(),
            chart: Some(Bars {
                caption: format!(
                    "Support weeks in {} by the level of who took them",
                    review.label
                ),
                labels: s.by_level.iter().map(|l| l.level.label()).collect(),
                values: s.by_level.iter().map(|l| f64::from(l.weeks)).collect(),
                axis: "support weeks",
            }),
            tables: vec![Table {
                caption: "Support weeks by level".into(),
                header: vec!["Level", "Weeks"],
                rows: s
                    .by_level
                    .iter()
                    .map(|l| vec![l.level.label().to_owned(), l.weeks.to_string()])
                    .collect(),
                numbers: vec![1],
            }],
        });
    }
    if let Some(t) = &p.tickets {
        let r = &t.response;
        let mut lines = vec![format!(
            "{} requests opened, {} of them answered. Time to first response: median {}, 90th \
             percentile {}.",
            r.tickets,
            r.answered,
            hours(r.median_hours),
            hours(r.p90_hours)
        )];
        if t.old_enough > 0 {
            lines.push(format!(
                "{} of the {} requests at least {} days old had no answer within {} days ({}).",
                t.unanswered,
                t.old_enough,
                t.unanswered_after_days,
                t.unanswered_after_days,
                share(t.unanswered_share)
            ));
        }
        let mut tables = vec![Table {
            caption: "Time to first response of the quarter's requests".into(),
            header: vec![
                "Requests",
                "Answered",
                "Median",
                "90th percentile",
                "Old enough to judge",
                "Unanswered within the wait",
                "Share unanswered",
            ],
            rows: vec![vec![
                r.tickets.to_string(),
                r.answered.to_string(),
                hours(r.median_hours),
                hours(r.p90_hours),
                t.old_enough.to_string(),
                t.unanswered.to_string(),
                share(t.unanswered_share),
            ]],
            numbers: vec![1, 2, 3, 4, 5, 6],
        }];
        if !t.longest_waiting.is_empty() {
            tables.push(Table {
                caption: format!(
                    "The quarter's requests waiting longest with no answer, as of {}",
                    t.as_of.date_naive()
                ),
                header: vec![
                    "Request",
                    "Title",
                    "Customer team",
                    "Product",
                    "Opened",
                    "Days waiting",
                ],
                rows: t
                    .longest_waiting
                    .iter()
                    .map(|w| {
                        let ticket = &w.ticket;
                        let or_label = |name: &Option<String>, label: &str| {
                            name.clone().unwrap_or_else(|| {
                                if label.is_empty() {
                                    "—".into()
                                } else {
                                    label.to_owned()
                                }
                            })
                        };
                        vec![
                            ticket.key.clone(),
                            ticket.title.clone(),
                            or_label(&ticket.customer_name, &ticket.team_label),
                            or_label(&ticket.product_name, &ticket.product_label),
                            ticket.opened_at.date_naive().to_string(),
                            w.days.to_string(),
                        ]
                    })
                    .collect(),
                numbers: vec![5],
            });
        }
        out.push(Section {
            title: "Ticket black hole",
            lines,
            warning: None,
            chart: None,
            tables,
        });
    }
    if !p.migrations.is_empty() {
        let mut tables = vec![Table {
            caption: if review.current {
                format!(
                    "Migrations running in {}, as of {}",
                    review.label, review.as_of
                )
            } else {
                format!(
                    "Migrations running in {}, at the quarter's end",
                    review.label
                )
            },
            header: vec![
                "Migration",
                "Deadline",
                "Teams done",
                "Share done",
                "Blocked",
                "Consumer hours",
                "Platform hours",
            ],
            rows: p
                .migrations
                .iter()
                .map(|m| {
                    vec![
                        m.title.clone(),
                        m.deadline.to_string(),
                        format!("{} of {}", m.done, m.teams),
                        share(m.percent_done),
                        m.blocked.len().to_string(),
                        shown(MetricKind::Count, "", m.consumer_hours),
                        shown(MetricKind::Count, "", m.platform_hours),
                    ]
                })
                .collect(),
            numbers: vec![2, 3, 4, 5, 6],
        }];
        let blocked: Vec<Vec<String>> = p
            .migrations
            .iter()
            .flat_map(|m| {
                m.blocked.iter().map(|b| {
                    vec![
                        m.title.clone(),
                        b.customer_name.clone(),
                        b.since.to_string(),
                        if b.reason.is_empty() {
                            "not kept (the team has moved on since)".into()
                        } else {
                            b.reason.clone()
                        },
                    ]
                })
            })
            .collect();
        if !blocked.is_empty() {
            tables.push(Table {
                caption: "Blocked teams and what blocks them".into(),
                header: vec!["Migration", "Team", "Blocked since", "Reason"],
                rows: blocked,
                numbers: Vec::new(),
            });
        }
        let (consumer, platform) = p.migrations.iter().fold((0.0, 0.0), |(c, pl), m| {
            (c + m.consumer_hours, pl + m.platform_hours)
        });
        out.push(Section {
            title: "Migrations",
            lines: vec![format!(
                "{} {} running: the consumer teams spent {} hours, the platform team {} hours \
                 to lower them.",
                p.migrations.len(),
                if p.migrations.len() == 1 {
                    "migration"
                } else {
                    "migrations"
                },
                shown(MetricKind::Count, "", consumer),
                shown(MetricKind::Count, "", platform)
            )],
            warning: None,
            chart: None,
            tables,
        });
    }
    out
}
