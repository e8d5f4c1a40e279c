//! Reading pain points: one by id, and a page of a filtered list heaviest first, each against
//! hand-written queries for the same rows.

use crate::harness::{Fallible, fetch, ids, kept, paired, read, rows};
use crate::report::Report;
use chrono::NaiveDate;
use outward_core::db::Database;
use outward_core::id::Id;
use outward_core::page::PageRequest;
use outward_core::pain_points::{self, PainPointFilter, Status};
use rusqlite::Connection;

/// `pain_points::get` against the same rows read by hand.
pub fn by_id(db: &Database, today: NaiveDate, report: &mut Report) -> Fallible {
    // Records a person can open: not in the Trash, not merged into another. The trashed and
    // merged rows stay in the tables, where every list, page and search must skip them.
    let pains = db.read(|c| {
        Ok(ids(
            c,
            "SELECT id FROM pain_points WHERE deleted_at IS NULL AND merged_into IS NULL
             ORDER BY rowid",
            2_000,
        ))
    })??;
    let timings = paired(
        pains.len(),
        |i| pains[i],
        |id| read(db, |c| kept(pain_points::get(c, *id, today)?)),
        |id| read(db, |c| pain_point_by_hand(c, *id)),
    )?;
    report.compared("get a pain point by id", timings, 1.3);
    Ok(())
}

/// A page of 50 by status, then a page of one of `customers`, heaviest first.
pub fn pages(db: &Database, today: NaiveDate, customers: &[Id], report: &mut Report) -> Fallible {
    let statuses = [Status::Accepted, Status::New, Status::Planned];
    let timings = paired(
        600,
        |i| (statuses[i % 3], (i / 3 % 20) as u32 * 50),
        |(status, offset)| {
            let filter = PainPointFilter {
                status: Some(*status),
                ..Default::default()
            };
            let page = PageRequest {
                offset: *offset,
                limit: 50,
            };
            read(db, |c| kept(pain_points::list(c, &filter, page, today)?))
        },
        |(status, offset)| {
            read(db, |c| {
                pain_point_page_by_hand(c, "p.status = ?1", [status], *offset)
            })
        },
    )?;
    report.compared(
        "a page of 50 pain points by status, heaviest first",
        timings,
        1.3,
    );

    let timings = paired(
        300,
        |i| customers[i % customers.len()],
        |customer| {
            let filter = PainPointFilter {
                customer_id: Some(*customer),
                ..Default::default()
            };
            read(db, |c| {
                kept(pain_points::list(
                    c,
                    &filter,
                    PageRequest::default(),
                    today,
                )?)
            })
        },
        |customer| {
            let reached = "p.id IN (
                SELECT pain_point_id FROM pain_point_customers WHERE customer_id = ?1
                UNION SELECT h.pain_point_id FROM interviews i
                JOIN highlights h ON h.interview_id = i.id
                WHERE i.customer_id = ?1 AND i.deleted_at IS NULL)";
            read(db, |c| pain_point_page_by_hand(c, reached, [customer], 0))
        },
    )?;
    report.compared(
        "a page of 50 pain points of one customer, heaviest first",
        timings,
        1.3,
    );
    Ok(())
}

/// Every piece of evidence of the pain point `?1` from its three sources, each counted while
/// its record is out of the Trash: quotes marked in interviews, workshop cards, survey comments.
/// Each row holds what a page of evidence shows, or only `1` when `counted`.
fn evidence_by_hand(counted: bool) -> String {
    let [interview, card, survey] = [
        "h.id, 'interview', h.interview_id, c.id, c.name, i.held_on, h.quote, h.start_offset,
         h.end_offset, h.detached, NULL, NULL, NULL",
        "e.id, 'card', e.card_id, NULL, NULL, w.held_on, e.quote, NULL, NULL, 0, w.id, w.title,
         NULL",
        "e.id, 'survey', e.response_id, c.id, c.name, coalesce(r.responded_on, s.opened_on),
         e.quote, NULL, NULL, 0, NULL, NULL, s.id",
    ]
    .map(|columns| if counted { "1" } else { columns });
    format!(
        "SELECT {interview} FROM highlights h
            JOIN interviews i ON i.id = h.interview_id AND i.deleted_at IS NULL
            LEFT JOIN customers c ON c.id = i.customer_id
            WHERE h.pain_point_id = ?1
         UNION ALL SELECT {card} FROM card_evidence e
            JOIN workshop_cards k ON k.id = e.card_id AND k.deleted_at IS NULL
            JOIN workshops w ON w.id = k.workshop_id AND w.deleted_at IS NULL
            WHERE e.pain_point_id = ?1
         UNION ALL SELECT {survey} FROM survey_comment_evidence e
            JOIN survey_responses r ON r.id = e.response_id AND r.deleted_at IS NULL
            JOIN surveys s ON s.id = r.survey_id AND s.deleted_at IS NULL
            LEFT JOIN customers c ON c.id = r.customer_id
            WHERE e.pain_point_id = ?1"
    )
}

/// The same rows `pain_points::get` returns, with as few hand-written queries as it takes:
/// the first page of its evidence from all three sources (and their count when the page is
/// full), and its reach.
fn pain_point_by_hand(conn: &Connection, id: Id) -> Fallible {
    fetch(
        conn,
        "SELECT id, title, description, severity, frequency, status, weight, created_at,
                updated_at FROM pain_points
         WHERE id = ?1 AND deleted_at IS NULL AND merged_into IS NULL",
        [id],
    )?;
    fetch(
        conn,
        "SELECT 'product', x.product_id, t.name FROM pain_point_products x
            JOIN products t ON t.id = x.product_id
            WHERE x.pain_point_id = ?1 AND t.deleted_at IS NULL
         UNION ALL SELECT 'customer', x.customer_id, t.name FROM pain_point_customers x
            JOIN customers t ON t.id = x.customer_id
            WHERE x.pain_point_id = ?1 AND t.deleted_at IS NULL
         UNION ALL SELECT 'theme', t.id, t.name FROM pain_point_themes x
            JOIN themes t ON t.id = x.theme_id WHERE x.pain_point_id = ?1
         UNION ALL SELECT 'merged', id, title FROM pain_points WHERE merged_into = ?1
         UNION ALL SELECT 'status', to_status, changed_at FROM pain_point_status_changes
            WHERE pain_point_id = ?1
         ORDER BY 1, 3 COLLATE NOCASE",
        [id],
    )?;
    let shown = rows(
        conn,
        &format!("{} ORDER BY 6 DESC, 3, 8 LIMIT 50", evidence_by_hand(false)),
        [id],
    )?;
    if shown == 50 {
        fetch(
            conn,
            &format!("SELECT count(*) FROM ({})", evidence_by_hand(true)),
            [id],
        )?;
    }
    fetch(
        conn,
        "SELECT count(*) FROM customers c WHERE c.deleted_at IS NULL AND c.id IN (
           SELECT customer_id FROM pain_point_customers WHERE pain_point_id = ?1
           UNION
           SELECT i.customer_id FROM highlights h JOIN interviews i ON i.id = h.interview_id
           WHERE h.pain_point_id = ?1 AND i.deleted_at IS NULL)",
        [id],
    )
}

/// What a page of pain points shows, for the pain points `matching` selects (`?1` is bound).
fn pain_point_page_by_hand(
    conn: &Connection,
    matching: &str,
    params: impl rusqlite::Params + Copy,
    offset: u32,
) -> Fallible {
    fetch(
        conn,
        &format!(
            "SELECT count(*) FROM pain_points p
             WHERE p.deleted_at IS NULL AND p.merged_into IS NULL AND {matching}"
        ),
        params,
    )?;
    fetch(
        conn,
        &format!(
            "WITH page AS (
               SELECT p.id FROM pain_points p
               WHERE p.deleted_at IS NULL AND p.merged_into IS NULL AND {matching}
               ORDER BY p.weight DESC, p.id LIMIT 50 OFFSET {offset})
             SELECT p.id, p.title, p.severity, p.frequency, p.status, p.weight,
                    (SELECT count(*) FROM highlights h
                     JOIN interviews i ON i.id = h.interview_id AND i.deleted_at IS NULL
                     WHERE h.pain_point_id = p.id)
                    + (SELECT count(*) FROM card_evidence e
                       JOIN workshop_cards k ON k.id = e.card_id AND k.deleted_at IS NULL
                       JOIN workshops w ON w.id = k.workshop_id AND w.deleted_at IS NULL
                       WHERE e.pain_point_id = p.id)
                    + (SELECT count(*) FROM survey_comment_evidence e
                       JOIN survey_responses r ON r.id = e.response_id AND r.deleted_at IS NULL
                       JOIN surveys s ON s.id = r.survey_id AND s.deleted_at IS NULL
                       WHERE e.pain_point_id = p.id),
                    (SELECT group_concat(t.id || ' ' || t.name, ';') FROM pain_point_themes x
                     JOIN themes t ON t.id = x.theme_id WHERE x.pain_point_id = p.id)
             FROM page JOIN pain_points p ON p.id = page.id
             ORDER BY p.weight DESC, p.id"
        ),
        params,
    )
}
