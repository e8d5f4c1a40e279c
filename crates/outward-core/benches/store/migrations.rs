//! Migrations at heavy size (200 over twenty quarters, each with its consumer teams' histories):
//! a migration's page with its burn-up (`platform_migrations::progress`) and the list of
//! migrations, each against hand-written reads of the same rows.

use crate::harness::{Fallible, fetch, ids, kept, paired, read};
use crate::report::Report;
use outward_core::datasets;
use outward_core::db::Database;
use outward_core::id::Id;
use outward_core::platform_migrations::{self, progress};
use rusqlite::Connection;

/// The rows a migration's page is built from, by hand: the migration, its teams, its help, its
/// teams' changes for the burn-up, and the pain points raised since it started about its
/// product or by its teams (how many, and the newest 50).
fn page_by_hand(c: &Connection, id: Id) -> Fallible {
    let (product, starts_on): (Option<Id>, String) = c
        .prepare_cached("SELECT product_id, starts_on FROM platform_migrations WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    fetch(
        c,
        "SELECT m.id, m.title, m.from_what, m.to_what, m.product_id, p.name, m.starts_on,
            m.deadline, m.commitment_id, k.title, m.metric_id, m.created_at, m.updated_at
         FROM platform_migrations m
         LEFT JOIN products p ON p.id = m.product_id AND p.deleted_at IS NULL
         LEFT JOIN commitments k ON k.id = m.commitment_id AND k.deleted_at IS NULL
         WHERE m.id = ?1",
        [id],
    )?;
    fetch(
        c,
        "SELECT t.customer_id, c.name, t.state, t.reason, t.changed_on, t.hours, t.hours_reported
         FROM migration_teams t JOIN customers c ON c.id = t.customer_id
         WHERE t.migration_id = ?1 ORDER BY c.name COLLATE NOCASE, c.id",
        [id],
    )?;
    fetch(
        c,
        "SELECT id, kind, description, hours, created_at FROM migration_help
         WHERE migration_id = ?1 ORDER BY created_at, id",
        [id],
    )?;
    fetch(
        c,
        "SELECT customer_id, changed_on, state FROM migration_team_changes
         WHERE migration_id = ?1 ORDER BY changed_on, seq",
        [id],
    )?;
    let raised = "FROM pain_points p
        WHERE p.id IN (
            SELECT pain_point_id FROM pain_point_products WHERE product_id = ?2
            UNION SELECT pc.pain_point_id FROM migration_teams t
                  JOIN pain_point_customers pc ON pc.customer_id = t.customer_id
                  WHERE t.migration_id = ?1)
          AND p.deleted_at IS NULL AND p.merged_into IS NULL AND p.created_at >= ?3";
    fetch(
        c,
        &format!("SELECT count(*) {raised}"),
        (id, product, &starts_on),
    )?;
    fetch(
        c,
        &format!(
            "SELECT p.id, p.title, p.status, p.created_at {raised}
             ORDER BY p.created_at DESC, p.id LIMIT 50"
        ),
        (id, product, &starts_on),
    )
}

/// A migration's page, for 40 of the migrations in turn (finished and under way alike).
pub fn page(db: &Database, report: &mut Report) -> Fallible {
    let today = datasets::last_day();
    let migrations = db.read(|c| {
        Ok(ids(
            c,
            "SELECT id FROM platform_migrations WHERE deleted_at IS NULL ORDER BY rowid",
            40,
        ))
    })??;
    let timings = paired(
        200,
        |i| migrations[i % migrations.len()],
        |id| read(db, |c| kept(progress::progress(c, *id, today)?)),
        |id| read(db, |c| page_by_hand(c, *id)),
    )?;
    report.compared(
        "a migration's page: burn-up, teams, help, hours, pain points raised (heavy)",
        timings,
        1.5,
    );
    Ok(())
}

/// The rows of the list of migrations, by hand: every live migration with its product's name
/// and its commitment's title, and its teams counted by state.
pub fn list_by_hand(c: &Connection) -> Fallible {
    fetch(
        c,
        "SELECT m.id, m.title, m.from_what, m.to_what, m.product_id, p.name, m.starts_on,
            m.deadline, m.commitment_id, k.title, m.metric_id, m.created_at, m.updated_at
         FROM platform_migrations m
         LEFT JOIN products p ON p.id = m.product_id AND p.deleted_at IS NULL
         LEFT JOIN commitments k ON k.id = m.commitment_id AND k.deleted_at IS NULL
         WHERE m.deleted_at IS NULL ORDER BY m.deadline, m.id",
        [],
    )?;
    fetch(
        c,
        "SELECT migration_id, state, count(*) FROM migration_teams GROUP BY 1, 2",
        [],
    )
}

/// The list of every migration with its teams done and blocked, as the migrations screen and
/// Home's tile read it.
pub fn list(db: &Database, report: &mut Report) -> Fallible {
    let timings = paired(
        100,
        |_| (),
        |_| read(db, |c| kept(platform_migrations::list(c)?)),
        |_| read(db, list_by_hand),
    )?;
    report.compared(
        "the list of migrations, with their teams done and blocked (heavy: 200)",
        timings,
        1.5,
    );
    Ok(())
}
