//! The workspace as a whole: what it holds, where it lives, and the example workspace a new user
//! can load to see Outward with realistic data.

mod example;

use crate::db::{self, backup};
use crate::entity::EntityKind;
use crate::error::{Error, Result};
use crate::text::count;
use chrono::{DateTime, Utc};
use rusqlite::{Connection, Transaction};
use serde::Serialize;
use std::path::Path;
use ts_rs::TS;

/// Counts per kind of record, and where the data lives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Overview {
    pub database_path: String,
    pub schema_version: u32,
    pub teams: u32,
    pub people: u32,
    pub products: u32,
    pub customers: u32,
    pub interviews: u32,
    pub pain_points: u32,
    /// Interviews with no evidence marked in them yet: what is heard but not yet worked through.
    pub inbox: u32,
    /// Records in the Trash, of every kind.
    pub trash: u32,
    pub latest_backup: Option<String>,
    /// True when nothing at all is stored, not even in the Trash: a first run.
    pub is_empty: bool,
}

/// Why the app could not open its database, for the screen that explains it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StartupFailure {
    pub database_path: String,
    pub reason: String,
    pub latest_backup: Option<String>,
}

impl StartupFailure {
    pub fn new(db_path: &Path, error: &Error) -> Self {
        StartupFailure {
            database_path: db_path.display().to_string(),
            reason: error.to_string(),
            latest_backup: backup::latest_for(db_path).map(|p| p.display().to_string()),
        }
    }
}

pub fn overview(conn: &Connection, db_path: &Path) -> Result<Overview> {
    let live = |table: &str, extra: &str| -> Result<u32> {
        let sql = format!("SELECT count(*) FROM {table} WHERE deleted_at IS NULL {extra}");
        Ok(conn.prepare_cached(&sql)?.query_row([], |r| r.get(0))?)
    };
    let trash = crate::trash::size(conn)?;
    let mut overview = Overview {
        database_path: db_path.display().to_string(),
        schema_version: db::schema_version(conn)?,
        teams: live("teams", "")?,
        people: live("people", "")?,
        products: live("products", "")?,
        customers: live("customers", "")?,
        interviews: live("interviews", "")?,
        pain_points: live("pain_points", "AND merged_into IS NULL")?,
        inbox: live(
            "interviews i",
            "AND NOT EXISTS (SELECT 1 FROM highlights h WHERE h.interview_id = i.id)",
        )?,
        trash,
        latest_backup: backup::latest_for(db_path).map(|p| p.display().to_string()),
        is_empty: false,
    };
    overview.is_empty = holds_nothing(conn)?;
    Ok(overview)
}

/// Whether no record of any kind is stored, in or out of the Trash: every kind the core knows,
/// so a new kind of record counts without being added here.
fn holds_nothing(conn: &Connection) -> Result<bool> {
    for kind in EntityKind::ALL {
        let sql = format!("SELECT EXISTS (SELECT 1 FROM {})", kind.table());
        if conn
            .prepare_cached(&sql)?
            .query_row([], |r| r.get::<_, bool>(0))?
        {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Loads the example workspace. Only into an empty database: it never mixes with real data.
pub fn load_example(tx: &Transaction<'_>, now: DateTime<Utc>) -> Result<()> {
    let current = overview(tx, Path::new(""))?;
    if !current.is_empty {
        return Err(Error::conflict(
            None,
            format!(
                "The example workspace loads only into an empty database, and this one holds \
                 {}, {}, {}, {} and {} in the Trash.",
                count(current.teams, "team", "teams"),
                count(current.people, "person", "people"),
                count(current.products, "product", "products"),
                count(current.customers, "customer", "customers"),
                count(current.trash, "item", "items"),
            ),
        ));
    }
    example::load(tx, now)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::Database;
    use crate::testing::{now, seeded_team};
    use crate::{customers, people, products, teams};

    #[test]
    fn the_example_is_a_small_realistic_workspace() {
        let db = Database::open_in_memory().unwrap();
        db.write(|tx| load_example(tx, now())).unwrap();
        let o = db.read(|c| overview(c, Path::new("x.db"))).unwrap();
        assert_eq!((o.teams, o.products, o.customers), (1, 4, 6));
        assert!((5..=6).contains(&o.people), "5–6 people, got {}", o.people);
        let levels: std::collections::BTreeSet<_> = db
            .read(|c| people::list(c, None))
            .unwrap()
            .into_iter()
            .map(|p| p.level)
            .collect();
        assert!(levels.len() >= 4, "people span the levels: {levels:?}");
        let every_customer_uses_a_product = db
            .read(customers::list)
            .unwrap()
            .iter()
            .all(|c| !c.product_ids.is_empty());
        assert!(every_customer_uses_a_product);
        let interviews = db
            .read(|c| crate::interviews::list(c, &Default::default(), Default::default()))
            .unwrap();
        assert_eq!(interviews.total, 4, "a handful of conversations");
        let pains = db
            .read(|c| {
                crate::pain_points::list(
                    c,
                    &Default::default(),
                    Default::default(),
                    now().date_naive(),
                )
            })
            .unwrap();
        assert_eq!(
            pains.total, 5,
            "four heard in conversations, one raised in the workshop"
        );
        assert!(
            pains.items.iter().all(|p| p.evidence_count > 0),
            "every pain point has evidence"
        );
        let team = &db.read(teams::list).unwrap()[0];
        assert_eq!(
            db.read(|c| products::list(c, Some(team.id))).unwrap().len(),
            4
        );
    }

    #[test]
    fn the_example_refuses_a_database_that_holds_anything() {
        let db = Database::open_in_memory().unwrap();
        seeded_team(&db, "Mine");
        let err = db.write(|tx| load_example(tx, now())).unwrap_err();
        assert!(matches!(err, Error::Conflict { .. }));
        assert!(err.to_string().contains("holds 1 team, 0 people"), "{err}");
        assert_eq!(db.read(teams::list).unwrap().len(), 1, "nothing was added");
    }
}
