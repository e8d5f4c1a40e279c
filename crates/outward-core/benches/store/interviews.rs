//! Reading interviews: one by id, and a page of one customer's newest first, each against
//! hand-written queries for the same rows.

use crate::harness::{Fallible, fetch, ids, kept, paired, read};
use crate::report::Report;
use outward_core::db::Database;
use outward_core::id::Id;
use outward_core::interviews::{self, InterviewFilter};
use outward_core::page::PageRequest;
use outward_core::plain_text;
use rusqlite::Connection;

/// `interviews::get` against the same rows read by hand.
pub fn by_id(db: &Database, report: &mut Report) -> Fallible {
    let talks = db.read(|c| {
        Ok(ids(
            c,
            "SELECT id FROM interviews WHERE deleted_at IS NULL ORDER BY rowid",
            2_000,
        ))
    })??;
    let timings = paired(
        talks.len(),
        |i| talks[i],
        |id| read(db, |c| kept(interviews::get(c, *id)?)),
        |id| read(db, |c| interview_by_hand(c, *id)),
    )?;
    report.compared("get an interview by id", timings, 1.3);
    Ok(())
}

/// A page of 50 of one of `customers`, newest first.
pub fn pages(db: &Database, customers: &[Id], report: &mut Report) -> Fallible {
    let timings = paired(
        600,
        |i| customers[i % customers.len()],
        |customer| {
            let filter = InterviewFilter {
                customer_id: Some(*customer),
                ..Default::default()
            };
            read(db, |c| {
                kept(interviews::list(c, &filter, PageRequest::default())?)
            })
        },
        |customer| read(db, |c| interview_page_by_hand(c, *customer)),
    )?;
    report.compared(
        "a page of 50 interviews of one customer, newest first",
        timings,
        1.3,
    );
    Ok(())
}

/// The same rows `interviews::get` returns, by hand.
fn interview_by_hand(conn: &Connection, id: Id) -> Fallible {
    fetch(
        conn,
        "SELECT id, customer_id, held_on, kind, interviewees, duration_minutes, notes,
                created_at, updated_at
         FROM interviews WHERE id = ?1 AND deleted_at IS NULL",
        [id],
    )?;
    fetch(
        conn,
        "SELECT person_id, NULL FROM interview_interviewers WHERE interview_id = ?1
         UNION ALL SELECT t.id, t.name FROM interview_themes x JOIN themes t
            ON t.id = x.theme_id WHERE x.interview_id = ?1
         ORDER BY 2 COLLATE NOCASE",
        [id],
    )?;
    fetch(
        conn,
        "SELECT id, pain_point_id, start_offset, end_offset, quote, detached
         FROM highlights WHERE interview_id = ?1 ORDER BY start_offset, id",
        [id],
    )
}

/// What a page of one customer's interviews shows, by hand: the opening of each one's notes
/// (as much as the list reads to find a heading) made into its heading and plain-text excerpt
/// the way the list makes them.
fn interview_page_by_hand(conn: &Connection, customer: Id) -> Fallible {
    fetch(
        conn,
        "SELECT count(*) FROM interviews i
         JOIN customers c ON c.id = i.customer_id AND c.deleted_at IS NULL
         WHERE i.customer_id = ?1 AND i.deleted_at IS NULL",
        [customer],
    )?;
    let mut stmt = conn.prepare_cached(
        "SELECT i.id, i.customer_id, c.name, i.held_on, i.kind, i.interviewees,
                substr(i.notes, 1, 2000),
                (SELECT count(*) FROM highlights h WHERE h.interview_id = i.id),
                (SELECT group_concat(t.id || ' ' || t.name, ';') FROM interview_themes x
                 JOIN themes t ON t.id = x.theme_id WHERE x.interview_id = i.id)
         FROM interviews i JOIN customers c ON c.id = i.customer_id AND c.deleted_at IS NULL
         WHERE i.customer_id = ?1 AND i.deleted_at IS NULL
         ORDER BY i.held_on DESC, i.id DESC LIMIT 50",
    )?;
    let mut rows = stmt.query([customer])?;
    while let Some(row) = rows.next()? {
        for column in 0..9 {
            std::hint::black_box(row.get_ref(column)?);
        }
        let opening = row.get_ref(6)?.as_str()?;
        std::hint::black_box((
            plain_text::heading(opening),
            plain_text::excerpt(opening, 240),
        ));
    }
    Ok(())
}
