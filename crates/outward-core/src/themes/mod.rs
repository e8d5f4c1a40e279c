//! Themes: shared tags across interviews and pain points, so a team sees its clusters. Typing a
//! new tag creates its theme; names are unique ignoring case. Merging moves every link to the
//! surviving theme and records where the merged one went.

mod cluster;

use crate::error::{Error, Result};
use crate::id::Id;
use crate::pain_points::weight;
use crate::store::{live, unique_violation};
use crate::text;
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use cluster::{CLUSTER_PAGE, ThemeCluster, cluster};

/// A theme as it is attached to something: enough to show and link it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Tag {
    pub id: Id,
    pub name: String,
}

/// A theme with how much it gathers, for the themes and affinity views.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Theme {
    pub id: Id,
    pub name: String,
    pub interviews: u32,
    pub pain_points: u32,
}

/// The ids of the themes named `names`, creating those that do not exist yet. Blank names are
/// skipped and duplicates folded, ignoring case.
pub fn resolve(tx: &Transaction<'_>, names: &[String], now: DateTime<Utc>) -> Result<Vec<Tag>> {
    let mut tags: Vec<Tag> = Vec::new();
    for raw in names {
        if raw.trim().is_empty() {
            continue;
        }
        let name = text::required_name("tags", "A tag", raw)?;
        if tags.iter().any(|t| t.name.eq_ignore_ascii_case(&name)) {
            continue;
        }
        let existing: Option<Tag> = tx
            .prepare_cached(
                "SELECT id, name FROM themes WHERE name = ?1 COLLATE NOCASE
                   AND deleted_at IS NULL AND merged_into IS NULL",
            )?
            .query_row([&name], |r| {
                Ok(Tag {
                    id: r.get(0)?,
                    name: r.get(1)?,
                })
            })
            .optional()?;
        let tag = match existing {
            Some(tag) => tag,
            None => create(tx, &name, now)?,
        };
        tags.push(tag);
    }
    Ok(tags)
}

pub fn create(tx: &Transaction<'_>, name: &str, now: DateTime<Utc>) -> Result<Tag> {
    let name = text::required_name("name", "Theme name", name)?;
    let id = Id::at(now);
    tx.prepare_cached(
        "INSERT INTO themes (id, name, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)",
    )?
    .execute((id, &name, now))
    .map_err(|e| name_taken(e, &name))?;
    Ok(Tag { id, name })
}

pub fn rename(tx: &Transaction<'_>, id: Id, name: &str, now: DateTime<Utc>) -> Result<Tag> {
    let name = text::required_name("name", "Theme name", name)?;
    let changed = tx
        .prepare_cached(
            "UPDATE themes SET name = ?2, updated_at = ?3
             WHERE id = ?1 AND deleted_at IS NULL AND merged_into IS NULL",
        )?
        .execute((id, &name, now))
        .map_err(|e| name_taken(e, &name))?;
    if changed == 0 {
        return Err(Error::NotFound {
            entity: "theme",
            id: id.to_string(),
        });
    }
    Ok(Tag { id, name })
}

/// Folds `source` into `target`: every interview and pain point tagged with `source` is tagged
/// with `target` instead, and `source` records where it went.
pub fn merge(tx: &Transaction<'_>, source: Id, target: Id, now: DateTime<Utc>) -> Result<Tag> {
    if source == target {
        return Err(Error::validation(
            "targetId",
            "A theme cannot be merged into itself.",
        ));
    }
    get(tx, source)?;
    let kept = get(tx, target)?;
    for table in ["interview_themes", "pain_point_themes"] {
        tx.execute(
            &format!("UPDATE OR IGNORE {table} SET theme_id = ?2 WHERE theme_id = ?1"),
            (source, target),
        )?;
        tx.execute(
            &format!("DELETE FROM {table} WHERE theme_id = ?1"),
            [source],
        )?;
    }
    tx.prepare_cached("UPDATE themes SET merged_into = ?2, updated_at = ?3 WHERE id = ?1")?
        .execute((source, target, now))?;
    Ok(kept)
}

pub fn get(conn: &Connection, id: Id) -> Result<Tag> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, name FROM themes WHERE id = ?1 AND deleted_at IS NULL AND merged_into IS NULL",
    )?;
    live(
        stmt.query_row([id], |r| {
            Ok(Tag {
                id: r.get(0)?,
                name: r.get(1)?,
            })
        }),
        "theme",
        id,
    )
}

/// A theme's columns with how many live interviews and pain points carry it, counted through the
/// indexes that hold whether a row is live (migration 8), so no row's notes are read.
const WITH_COUNTS: &str = "SELECT t.id, t.name,
   (SELECT count(*) FROM interview_themes it
     JOIN interviews i INDEXED BY interviews_live ON i.id = it.interview_id
     WHERE it.theme_id = t.id AND i.deleted_at IS NULL),
   (SELECT count(*) FROM pain_point_themes pt
     JOIN pain_points p INDEXED BY pain_points_live_status ON p.id = pt.pain_point_id
     WHERE pt.theme_id = t.id AND p.deleted_at IS NULL AND p.merged_into IS NULL)
 FROM themes t WHERE t.deleted_at IS NULL AND t.merged_into IS NULL";

fn theme_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Theme> {
    Ok(Theme {
        id: r.get(0)?,
        name: r.get(1)?,
        interviews: r.get(2)?,
        pain_points: r.get(3)?,
    })
}

/// Every live theme with how many live interviews and pain points carry it, largest first.
///
/// The same counts as [`counted`], taken the other way round for all themes at once: each
/// theme's links, less those to records in the Trash or merged away. The links are counted
/// from their theme index and only the few records that are not live are looked up, where
/// looking up every linked record's liveness cost a search per link (60,000 at heavy).
/// Foreign keys keep every link pointing at a record, so the two ways agree.
pub fn list(conn: &Connection) -> Result<Vec<Theme>> {
    let mut stmt = conn.prepare_cached(
        "WITH gone_interviews AS (
           SELECT it.theme_id, count(*) AS n FROM interviews i INDEXED BY interviews_trashed
           JOIN interview_themes it ON it.interview_id = i.id
           WHERE i.deleted_at IS NOT NULL GROUP BY it.theme_id),
         gone_pain_points AS (
           SELECT pt.theme_id, count(*) AS n FROM (
             SELECT id FROM pain_points WHERE deleted_at IS NOT NULL
             UNION SELECT id FROM pain_points WHERE merged_into IS NOT NULL) p
           JOIN pain_point_themes pt ON pt.pain_point_id = p.id GROUP BY pt.theme_id)
         SELECT t.id, t.name,
           (SELECT count(*) FROM interview_themes WHERE theme_id = t.id)
             - coalesce((SELECT n FROM gone_interviews WHERE theme_id = t.id), 0),
           (SELECT count(*) FROM pain_point_themes WHERE theme_id = t.id)
             - coalesce((SELECT n FROM gone_pain_points WHERE theme_id = t.id), 0)
         FROM themes t WHERE t.deleted_at IS NULL AND t.merged_into IS NULL
         ORDER BY 4 DESC, 3 DESC, t.name COLLATE NOCASE",
    )?;
    let themes = stmt
        .query_map([], theme_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(themes)
}

/// One live theme with how many live interviews and pain points carry it.
pub fn counted(conn: &Connection, id: Id) -> Result<Theme> {
    let mut stmt = conn.prepare_cached(&format!("{WITH_COUNTS} AND t.id = ?1"))?;
    live(stmt.query_row([id], theme_from_row), "theme", id)
}

/// How many of each theme's pain points the themes view shows.
pub const HEAVIEST_SHOWN: u32 = 5;

/// One of a theme's heaviest pain points, as the themes view shows it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct HeaviestPoint {
    pub id: Id,
    pub title: String,
    pub weight: f64,
}

/// A live theme with its heaviest live pain points.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ThemeHeaviest {
    pub theme_id: Id,
    pub pain_points: Vec<HeaviestPoint>,
}

/// Every live theme's [`HEAVIEST_SHOWN`] heaviest live pain points, weights as of `today`, in
/// one read for the whole themes view.
///
/// Live pain points are read heaviest first with their themes, and each theme keeps the first
/// it meets until every theme has its fill: a few hundred rows at heavy, where choosing each
/// theme's from its own links looked up every linked pain point (60,000). A theme still short
/// after a bounded read (it has few live pain points, or only light ones) has its own chosen
/// from its links, as before.
pub fn heaviest(conn: &Connection, today: NaiveDate) -> Result<Vec<ThemeHeaviest>> {
    let themes: Vec<Id> = conn
        .prepare_cached("SELECT id FROM themes WHERE deleted_at IS NULL AND merged_into IS NULL")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let shown = HEAVIEST_SHOWN as usize;
    let point = |r: &rusqlite::Row<'_>, at: usize| -> rusqlite::Result<HeaviestPoint> {
        Ok(HeaviestPoint {
            id: r.get(at)?,
            title: r.get(at + 1)?,
            weight: weight::on(r.get(at + 2)?, today),
        })
    };
    let mut chosen: std::collections::HashMap<Id, Vec<HeaviestPoint>> =
        themes.iter().map(|id| (*id, Vec::new())).collect();
    let mut short = themes.len();
    let mut heaviest_first = conn.prepare_cached(
        "SELECT pt.theme_id, p.id, p.title, p.weight
         FROM pain_points p INDEXED BY pain_points_by_weight
         CROSS JOIN pain_point_themes pt ON pt.pain_point_id = p.id
         WHERE p.deleted_at IS NULL AND p.merged_into IS NULL
         ORDER BY p.weight DESC, p.id LIMIT ?1",
    )?;
    let mut rows = heaviest_first.query([(themes.len() * shown * 4) as i64])?;
    while short > 0
        && let Some(row) = rows.next()?
    {
        if let Some(points) = chosen.get_mut(&row.get::<_, Id>(0)?)
            && points.len() < shown
        {
            points.push(point(row, 1)?);
            if points.len() == shown {
                short -= 1;
            }
        }
    }
    drop(rows);
    let mut own = conn.prepare_cached(&format!(
        "WITH top AS (
           SELECT p.id, p.weight FROM pain_points p INDEXED BY pain_points_live
           WHERE p.deleted_at IS NULL AND p.merged_into IS NULL
             AND p.id IN (SELECT pain_point_id FROM pain_point_themes WHERE theme_id = ?1)
           ORDER BY p.weight DESC, p.id LIMIT {HEAVIEST_SHOWN})
         SELECT p.id, p.title, top.weight FROM top JOIN pain_points p ON p.id = top.id
         ORDER BY top.weight DESC, p.id"
    ))?;
    let mut all = Vec::with_capacity(themes.len());
    for theme_id in themes {
        let mut pain_points = chosen.remove(&theme_id).unwrap_or_default();
        if pain_points.len() < shown {
            pain_points = own
                .query_map([theme_id], |r| point(r, 0))?
                .collect::<rusqlite::Result<_>>()?;
        }
        all.push(ThemeHeaviest {
            theme_id,
            pain_points,
        });
    }
    Ok(all)
}

/// The tags on one record, by name, from a link table keyed by `owner_column`.
pub(crate) fn tags_of(
    conn: &Connection,
    link_table: &str,
    owner_column: &str,
    owner: Id,
) -> Result<Vec<Tag>> {
    let sql = format!(
        "SELECT t.id, t.name FROM {link_table} l JOIN themes t ON t.id = l.theme_id
         WHERE l.{owner_column} = ?1 ORDER BY t.name COLLATE NOCASE"
    );
    named(conn, &sql, owner)
}

/// Records of one owner as tags (id, name), read by `sql`: its one parameter is the owner.
pub(crate) fn named(conn: &Connection, sql: &str, owner: Id) -> Result<Vec<Tag>> {
    let tags = conn
        .prepare_cached(sql)?
        .query_map([owner], |r| {
            Ok(Tag {
                id: r.get(0)?,
                name: r.get(1)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(tags)
}

/// The tags on each of `owners` (in their order), by name, with one query for all of them: what
/// a page of a list shows.
pub(crate) fn tags_of_each(
    conn: &Connection,
    link_table: &str,
    owner_column: &str,
    owners: &[Id],
) -> Result<Vec<Vec<Tag>>> {
    let position: std::collections::HashMap<Id, usize> =
        owners.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    // Ids are UUIDs, so the JSON array needs no escaping.
    let list = owners
        .iter()
        .map(|id| format!("\"{id}\""))
        .collect::<Vec<_>>()
        .join(",");
    let sql = format!(
        "SELECT l.{owner_column}, t.id, t.name FROM {link_table} l
         JOIN themes t ON t.id = l.theme_id
         WHERE l.{owner_column} IN (SELECT value FROM json_each(?1))
         ORDER BY t.name COLLATE NOCASE"
    );
    let mut tags = vec![Vec::new(); owners.len()];
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query([format!("[{list}]")])?;
    while let Some(row) = rows.next()? {
        let owner: Id = row.get(0)?;
        if let Some(&i) = position.get(&owner) {
            tags[i].push(Tag {
                id: row.get(1)?,
                name: row.get(2)?,
            });
        }
    }
    Ok(tags)
}

/// Makes the tags of one record exactly `tags`.
pub(crate) fn set_tags(
    tx: &Transaction<'_>,
    link_table: &str,
    owner_column: &str,
    owner: Id,
    tags: &[Tag],
) -> Result<()> {
    tx.prepare_cached(&format!(
        "DELETE FROM {link_table} WHERE {owner_column} = ?1"
    ))?
    .execute([owner])?;
    let mut insert = tx.prepare_cached(&format!(
        "INSERT OR IGNORE INTO {link_table} ({owner_column}, theme_id) VALUES (?1, ?2)"
    ))?;
    for tag in tags {
        insert.execute((owner, tag.id))?;
    }
    Ok(())
}

fn name_taken(error: rusqlite::Error, name: &str) -> Error {
    unique_violation(error, "name", || {
        format!("A theme named “{name}” already exists.")
    })
}
