//! The support rota at heavy size (every team's weekly rota over five years): the coverage of a
//! quarter across every team, as Home's tile and the review's line read it, and the rota
//! screen's reads of one team, each against hand-written reads of the same rows.

use crate::harness::{Fallible, fetch, ids, kept, last_quarters, paired, read};
use crate::report::Report;
use outward_core::datasets;
use outward_core::db::Database;
use outward_core::id::Id;
use outward_core::rota::{self, coverage};
use rusqlite::Connection;

/// Support weeks by team and level in a quarter, by hand.
pub fn coverage_by_hand(
    c: &Connection,
    first: chrono::NaiveDate,
    last: chrono::NaiveDate,
) -> Fallible {
    fetch(
        c,
        "SELECT w.team_id, p.level, count(*) FROM support_weeks w
         JOIN people p ON p.id = coalesce(w.done_by_person_id, w.planned_person_id)
         WHERE w.week_of BETWEEN ?1 AND ?2 AND w.deleted_at IS NULL
         GROUP BY w.team_id, p.level",
        (first, last),
    )
}

/// The coverage of each of the last eight quarters in turn, every team.
pub fn quarter_coverage(db: &Database, report: &mut Report) -> Fallible {
    let quarters = last_quarters(datasets::last_day(), 8);
    let timings = paired(
        200,
        |i| quarters[i % quarters.len()],
        |q| read(db, |c| kept(coverage::of_quarter(c, *q, None)?)),
        |q| read(db, |c| coverage_by_hand(c, q.first_day(), q.last_day())),
    )?;
    report.compared(
        "the rota's coverage of a quarter by level, every team (Home, the review)",
        timings,
        1.5,
    );
    Ok(())
}

/// What the rota screen reads of a team: its next twelve weeks with who is away, its coverage
/// over four quarters, its latest twenty support conversations; for each team in turn, as of
/// the last day of the history.
pub fn screen(db: &Database, report: &mut Report) -> Fallible {
    let today = datasets::last_day();
    let teams = db.read(|c| {
        Ok(ids(
            c,
            "SELECT id FROM teams WHERE deleted_at IS NULL ORDER BY rowid",
            100,
        ))
    })??;
    let quarters = last_quarters(today, 4);
    let monday = rota::plan::monday_of(today);
    let last = monday + chrono::Days::new(7 * 11);
    let timings = paired(
        200,
        |i| teams[i % teams.len()],
        |team| {
            read(db, |c| {
                kept(rota::view(c, *team, today, 12)?)?;
                kept(coverage::quarters(c, today, 4, Some(*team))?)?;
                kept(rota::conversations(c, Some(*team), 20)?)
            })
        },
        |team| {
            read(db, |c| {
                let team: Id = *team;
                fetch(
                    c,
                    "SELECT id, name, level FROM people
                     WHERE team_id = ?1 AND deleted_at IS NULL ORDER BY name COLLATE NOCASE, id",
                    [team],
                )?;
                fetch(
                    c,
                    "SELECT w.week_of, w.id, pp.id, pp.name, pp.level, dp.id, dp.name, dp.level
                     FROM support_weeks w
                     LEFT JOIN people pp ON pp.id = w.planned_person_id
                     LEFT JOIN people dp ON dp.id = w.done_by_person_id
                     WHERE w.team_id = ?1 AND w.week_of BETWEEN ?2 AND ?3
                       AND w.deleted_at IS NULL",
                    (team, monday, last),
                )?;
                fetch(
                    c,
                    "SELECT a.id, a.person_id, p.name, a.starts_on, a.ends_on, a.reason
                     FROM rota_absences a JOIN people p ON p.id = a.person_id
                     WHERE p.team_id = ?1 AND p.deleted_at IS NULL AND a.deleted_at IS NULL
                       AND a.ends_on >= ?2
                     ORDER BY a.starts_on, p.name COLLATE NOCASE",
                    (team, monday),
                )?;
                for q in &quarters {
                    fetch(
                        c,
                        "SELECT p.level, count(*) FROM support_weeks w
                         JOIN people p ON p.id = coalesce(w.done_by_person_id, w.planned_person_id)
                         WHERE w.team_id = ?1 AND w.week_of BETWEEN ?2 AND ?3
                           AND w.deleted_at IS NULL
                         GROUP BY p.level",
                        (team, q.first_day(), q.last_day()),
                    )?;
                }
                fetch(
                    c,
                    "SELECT s.id, s.person_id, p.name, s.held_on, s.customer_id, c.name,
                        s.product_id, pr.name, s.note
                     FROM support_conversations s
                     JOIN people p ON p.id = s.person_id
                     LEFT JOIN customers c ON c.id = s.customer_id AND c.deleted_at IS NULL
                     LEFT JOIN products pr ON pr.id = s.product_id AND pr.deleted_at IS NULL
                     WHERE s.deleted_at IS NULL AND p.team_id = ?1
                     ORDER BY s.held_on DESC, s.id DESC LIMIT 20",
                    [team],
                )
            })
        },
    )?;
    report.compared(
        "the rota screen of a team: 12 weeks, coverage of 4 quarters, 20 conversations",
        timings,
        1.5,
    );
    Ok(())
}
