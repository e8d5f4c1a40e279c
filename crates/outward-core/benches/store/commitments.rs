//! Commitments at heavy size: the board of a quarter (its commitments with their latest check-in,
//! pain points and derived status) against hand-written queries for the same rows.

use crate::harness::{Fallible, fetch, kept, paired, read};
use crate::report::Report;
use outward_core::commitments::board;
use outward_core::datasets;
use outward_core::db::Database;

/// The board of each of the last eight quarters in turn, the newest still running.
pub fn quarter_board(db: &Database, report: &mut Report) -> Fallible {
    let today = datasets::last_day();
    let quarters = crate::harness::last_quarters(today, 8);
    let timings = paired(
        200,
        |i| quarters[i % quarters.len()],
        |q| read(db, |c| kept(board::board(c, *q, today)?)),
        |q| {
            read(db, |c| {
                fetch(
                    c,
                    "SELECT c.id, c.title, c.team_id, c.owner_id, o.name, c.goal_id, c.state,
                            c.quarter_starts_on, c.quarter_ends_on, c.created_at,
                            k.checked_on, k.progress, k.confidence
                     FROM commitments c
                     LEFT JOIN people o ON o.id = c.owner_id
                     LEFT JOIN check_ins k ON k.id = (
                         SELECT id FROM check_ins WHERE commitment_id = c.id
                         ORDER BY checked_on DESC, created_at DESC LIMIT 1)
                     WHERE c.quarter_starts_on BETWEEN ?1 AND ?2 AND c.deleted_at IS NULL
                     ORDER BY c.title, c.id LIMIT 400",
                    (q.first_day(), q.last_day()),
                )?;
                fetch(
                    c,
                    "SELECT l.commitment_id, p.id, p.title FROM commitments c
                     JOIN commitment_pain_points l ON l.commitment_id = c.id
                     JOIN pain_points p ON p.id = l.pain_point_id
                     WHERE c.quarter_starts_on BETWEEN ?1 AND ?2 AND c.deleted_at IS NULL
                       AND p.deleted_at IS NULL",
                    (q.first_day(), q.last_day()),
                )
            })
        },
    )?;
    report.compared(
        "a quarter's commitments board: 500 commitments, latest check-ins, pain points",
        timings,
        1.5,
    );
    Ok(())
}
