//! Home and a quarter's review at heavy size, against the 200 ms budget DESIGN.md §7 sets and a
//! baseline in the same run: hand-written queries for the rows each is built from (every
//! metric's tallies of the quarter and the one before, from the roll-up the core reads, the quarter's commitments, the pain
//! points with their status changes, the quarter's conversations, ratings and kudos, its support
//! weeks, tickets and migrations' changes); and all Home's screen reads, its tiles of the
//! black-hole meter, the migrations and the rota included.

use crate::goals::budget_row;
use crate::harness::{Fallible, fetch, kept, paired, read};
use crate::report::Report;
use outward_core::datasets;
use outward_core::db::Database;
use outward_core::home;
use outward_core::platform_migrations;
use outward_core::quarter::Quarter;
use outward_core::review;
use outward_core::rota::coverage;
use outward_core::tickets::report::{self as tickets_report, start_of};
use rusqlite::Connection;

/// The rows a quarter's review reads, by hand, without assembling anything.
fn rows_by_hand(c: &Connection, q: Quarter) -> Fallible {
    let (first, last, after) = (q.first_day(), q.last_day(), q.next().first_day());
    for quarter in [q.key(), q.previous().key()] {
        fetch(
            c,
            "SELECT q.metric_id, t.value, sum(t.n) FROM surveys s
             JOIN survey_questions q ON q.survey_id = s.id
             JOIN survey_score_tallies t ON t.question_id = q.id
             WHERE s.quarter = ?1 AND s.deleted_at IS NULL GROUP BY q.metric_id, t.value",
            [quarter],
        )?;
    }
    fetch(
        c,
        "SELECT c.id, c.title, o.name, c.goal_id, c.state FROM commitments c
         LEFT JOIN people o ON o.id = c.owner_id
         WHERE c.quarter_starts_on BETWEEN ?1 AND ?2 AND c.deleted_at IS NULL
         ORDER BY c.title, c.id LIMIT 400",
        (first, last),
    )?;
    fetch(
        c,
        "SELECT p.id, p.title, pp.product_id, p.status FROM pain_points p
         LEFT JOIN pain_point_products pp ON pp.pain_point_id = p.id
         WHERE p.deleted_at IS NULL AND p.merged_into IS NULL AND p.created_at < ?1",
        [after],
    )?;
    fetch(
        c,
        "SELECT ii.person_id, count(*) FROM interviews i
         JOIN interview_interviewers ii ON ii.interview_id = i.id
         WHERE i.deleted_at IS NULL AND i.held_on BETWEEN ?1 AND ?2 GROUP BY ii.person_id",
        (first, last),
    )?;
    fetch(
        c,
        "SELECT r.dimension, sum(r.score), count(*) FROM workshops w
         JOIN workshop_ratings r ON r.workshop_id = w.id
         WHERE w.deleted_at IS NULL AND w.held_on BETWEEN ?1 AND ?2 GROUP BY r.dimension",
        (first, last),
    )?;
    practices_by_hand(c, q)?;
    fetch(
        c,
        "SELECT id, message FROM kudos WHERE deleted_at IS NULL AND given_on BETWEEN ?1 AND ?2
         ORDER BY given_on DESC LIMIT 10",
        (first, last),
    )
}

/// The rows a quarter's practices read, by hand: its support weeks by level, its tickets'
/// response times from the covering index, and every recorded change of the migrations started
/// by its end.
fn practices_by_hand(c: &Connection, q: Quarter) -> Fallible {
    let (first, last, after) = (q.first_day(), q.last_day(), q.next().first_day());
    fetch(
        c,
        "SELECT w.team_id, p.level, count(*) FROM support_weeks w
         JOIN people p ON p.id = coalesce(w.done_by_person_id, w.planned_person_id)
         WHERE w.week_of BETWEEN ?1 AND ?2 AND w.deleted_at IS NULL GROUP BY w.team_id, p.level",
        (first, last),
    )?;
    fetch(
        c,
        "SELECT response_seconds, product_id, customer_id FROM tickets INDEXED BY tickets_by_opened
         WHERE opened_at >= ?1 AND opened_at < ?2 AND deleted_at IS NULL",
        (start_of(first), start_of(after)),
    )?;
    fetch(
        c,
        "SELECT c.migration_id, c.customer_id, c.changed_on, c.state
         FROM platform_migrations m JOIN migration_team_changes c ON c.migration_id = m.id
         WHERE m.starts_on <= ?1 AND m.deleted_at IS NULL",
        [last],
    )
}

/// The review of each of the last eight quarters in turn, read live, and Home.
pub fn quarters(db: &Database, report: &mut Report) -> Fallible {
    let today = datasets::last_day();
    let quarters = crate::harness::last_quarters(today, 8);
    let timings = paired(
        24,
        |i| quarters[i % quarters.len()],
        |q| read(db, |c| kept(review::quarter(c, *q, today)?)),
        |q| read(db, |c| rows_by_hand(c, *q)),
    );
    budget_row(
        report,
        "a quarter's review, read live, any of the last eight (heavy)",
        timings?,
    );
    let timings = paired(
        24,
        |i| quarters[i % quarters.len()],
        |q| read(db, |c| kept(review::practices::of_quarter(c, *q, today)?)),
        |q| read(db, |c| practices_by_hand(c, *q)),
    );
    budget_row(
        report,
        "the practices of a quarter's review alone, any of the last eight (heavy)",
        timings?,
    );
    let current = quarters[0];
    let timings = paired(
        24,
        |_| (),
        |_| read(db, |c| kept(home::glance(c, today)?)),
        |_| read(db, |c| rows_by_hand(c, current)),
    );
    budget_row(report, "Home, this quarter at a glance (heavy)", timings?);
    Ok(())
}

/// Everything Home's screen reads, each in a read of its own as the screen asks for it: the
/// glance, and the tiles of the black-hole meter, the migrations under way and the rota's
/// coverage of the quarter.
pub fn home_screen(db: &Database, report: &mut Report) -> Fallible {
    let today = datasets::last_day();
    let now = tickets_report::start_of(today) + chrono::Duration::hours(12);
    let current = crate::harness::last_quarters(today, 1)[0];
    let timings = paired(
        24,
        |_| (),
        |_| {
            read(db, |c| kept(home::glance(c, today)?))?;
            read(db, |c| kept(tickets_report::meter(c, None, 3, now)?))?;
            read(db, |c| kept(platform_migrations::list(c)?))?;
            read(db, |c| kept(coverage::quarters(c, today, 1, None)?))
        },
        |_| {
            read(db, |c| rows_by_hand(c, current))?;
            read(db, |c| crate::tickets::response_times_by_hand(c, current))?;
            read(db, crate::migrations::list_by_hand)?;
            read(db, |c| {
                crate::rota::coverage_by_hand(c, current.first_day(), current.last_day())
            })
        },
    );
    budget_row(
        report,
        "Home's screen: the glance, the meter, the migrations, the rota (heavy)",
        timings?,
    );
    Ok(())
}
