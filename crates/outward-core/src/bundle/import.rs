//! Reading a bundle into an empty database: the manifest first, then every table's file line by
//! line, then the links between them, all in the caller's one transaction. The first problem
//! stops the import with the file and line, and nothing is written.

use super::export::select_sql;
use super::{
    FORMAT, FORMAT_VERSION, MANIFEST, Manifest, NOT_CARRIED, Table, archive, quoted, tables,
};
use crate::db::{in_memory_at, latest_schema_version, migrate_to_latest};
use crate::error::{Error, Result};
use rusqlite::types::Value;
use rusqlite::{Connection, Transaction};
use serde_json::Value as Json;
use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::Path;

/// Rows imported between refreshes of the query planner's statistics: a large import into a new
/// database slows down quadratically while they describe empty tables (see
/// [`crate::db::refresh_statistics`]).
const STATISTICS_EVERY: u64 = 500;

/// What an import read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    pub manifest: Manifest,
    /// Rows imported, of every table.
    pub rows: u64,
}

fn problem(file: &str, line: usize, what: impl std::fmt::Display) -> Error {
    Error::validation("file", format!("{file}, line {line}: {what}"))
}

fn whole(file: &str, what: impl std::fmt::Display) -> Error {
    Error::validation("file", format!("{file}: {what}"))
}

/// Imports the bundle at `path` into the empty database of `tx`: a bundle folder, its
/// `manifest.json`, or an export packed into one zip archive (unpacked first into a private
/// folder in the system's temporary folder, removed afterwards). A bundle of an older schema is
/// read into a new database of that schema, checked, migrated, and then copied.
pub fn import(tx: &Transaction<'_>, path: &Path) -> Result<Imported> {
    if archive::is_archive(path) && path.is_file() {
        let unpacked = archive::unpack(path, &std::env::temp_dir())?;
        return import_folder(tx, &unpacked.bundle);
    }
    if path.file_name().is_some_and(|n| n == MANIFEST) && path.is_file() {
        return import_folder(tx, path.parent().unwrap_or(Path::new(".")));
    }
    import_folder(tx, path)
}

fn import_folder(tx: &Transaction<'_>, dir: &Path) -> Result<Imported> {
    let manifest = read_manifest(dir)?;
    ensure_empty(tx)?;
    let rows = if manifest.schema_version == latest_schema_version() {
        load(tx, dir, &manifest)?
    } else {
        let mut staging = in_memory_at(manifest.schema_version)?;
        let staged = staging.transaction()?;
        let rows = load(&staged, dir, &manifest)?;
        staged.commit()?;
        migrate_to_latest(&mut staging)?;
        copy(&staging, tx)?;
        rows
    };
    crate::coverage::rebuild_counts(tx)?;
    Ok(Imported { manifest, rows })
}

fn read_manifest(dir: &Path) -> Result<Manifest> {
    let path = dir.join(MANIFEST);
    let text = std::fs::read_to_string(&path).map_err(|e| {
        whole(
            MANIFEST,
            format!(
                "cannot be read from {} ({e}); is this an Outward export?",
                dir.display()
            ),
        )
    })?;
    let manifest: Manifest = serde_json::from_str(&text)
        .map_err(|e| problem(MANIFEST, e.line(), format!("not a bundle manifest ({e})")))?;
    if manifest.format != FORMAT {
        return Err(whole(
            MANIFEST,
            format!("the format is “{}”, not “{FORMAT}”", manifest.format),
        ));
    }
    if manifest.format_version == 0 || manifest.format_version > FORMAT_VERSION {
        return Err(whole(
            MANIFEST,
            format!(
                "format version {} is not one this version of Outward reads (up to {FORMAT_VERSION})",
                manifest.format_version
            ),
        ));
    }
    let latest = latest_schema_version();
    if manifest.schema_version == 0 || manifest.schema_version > latest {
        return Err(whole(
            MANIFEST,
            format!(
                "schema version {} is not one this version of Outward knows (1 to {latest}); \
                 a newer Outward wrote it",
                manifest.schema_version
            ),
        ));
    }
    Ok(manifest)
}

/// Refuses a database that holds any record: a bundle never mixes with other data.
fn ensure_empty(conn: &Connection) -> Result<()> {
    let mut holding = Vec::new();
    for table in tables(conn)? {
        let any: bool = conn.query_row(
            &format!("SELECT EXISTS (SELECT 1 FROM {})", quoted(&table.name)),
            [],
            |r| r.get(0),
        )?;
        if any {
            holding.push(table.name);
        }
    }
    if holding.is_empty() {
        Ok(())
    } else {
        Err(Error::conflict(
            None,
            format!(
                "An export imports only into an empty workspace, and this one holds records \
                 ({}). Start a new workspace and import there.",
                holding.join(", ")
            ),
        ))
    }
}

/// Reads every file the manifest lists into the tables of `conn`, whose schema is the
/// manifest's, and checks the links between the rows. Returns how many rows it read.
fn load(conn: &Connection, dir: &Path, manifest: &Manifest) -> Result<u64> {
    // Rows may come in any order, and themes and pain points refer to their own table: links
    // are checked once every row is in, below, where a broken one can be named.
    conn.pragma_update(None, "defer_foreign_keys", true)?;
    let tables = tables(conn)?;
    for entry in &manifest.files {
        if NOT_CARRIED.contains(&entry.table.as_str())
            && entry.file == format!("{}.jsonl", entry.table)
        {
            continue;
        }
        if !tables
            .iter()
            .any(|t| t.name == entry.table && t.file() == entry.file)
        {
            return Err(whole(
                MANIFEST,
                format!(
                    "lists {} for a table “{}” that schema {} does not have",
                    entry.file, entry.table, manifest.schema_version
                ),
            ));
        }
    }
    for table in &tables {
        if manifest
            .files
            .iter()
            .filter(|e| e.table == table.name)
            .count()
            != 1
        {
            return Err(whole(
                MANIFEST,
                format!("must list the file {} exactly once", table.file()),
            ));
        }
    }
    for name in jsonl_files(dir)? {
        if !manifest.files.iter().any(|e| e.file == name) {
            return Err(whole(
                &name,
                "is not listed in the manifest (an unknown table)",
            ));
        }
    }
    let mut lines = HashMap::new();
    let mut total = 0;
    for table in &tables {
        let entry = manifest
            .files
            .iter()
            .find(|e| e.table == table.name)
            .expect("checked above");
        let (rows, keys) = load_table(conn, dir, table)?;
        if rows != entry.rows {
            return Err(whole(
                &entry.file,
                format!("holds {rows} rows, but the manifest says {}", entry.rows),
            ));
        }
        total += rows;
        lines.insert(table.name.clone(), keys);
    }
    check_links(conn, &tables, &lines)?;
    Ok(total)
}

/// The `.jsonl` files in `dir`.
fn jsonl_files(dir: &Path) -> Result<Vec<String>> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| Error::io(format!("cannot read the folder {}", dir.display()), e))?;
    Ok(entries
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".jsonl"))
        .collect())
}

/// Inserts one row of `table`, its columns in schema order.
fn insert_sql(table: &Table) -> String {
    let columns: Vec<String> = table.columns.iter().map(|c| quoted(c)).collect();
    let marks: Vec<String> = (1..=columns.len()).map(|i| format!("?{i}")).collect();
    format!(
        "INSERT INTO {} ({}) VALUES ({})",
        quoted(&table.name),
        columns.join(", "),
        marks.join(", ")
    )
}

/// Each row's key, as text, with the line it was read from.
type Lines = HashMap<String, usize>;

/// A key as text, the same whether a value is read from a line or from the table: a column may
/// store a line's `0` as the text `'0'` (its type's affinity), and both must find the line.
fn key_text(values: &[Value]) -> String {
    let parts: Vec<String> = values
        .iter()
        .map(|value| match value {
            Value::Null => "\u{0}null".to_owned(),
            Value::Integer(i) => i.to_string(),
            Value::Real(r) => r.to_string(),
            Value::Text(t) => t.clone(),
            Value::Blob(b) => b.iter().map(|byte| format!("{byte:02x}")).collect(),
        })
        .collect();
    parts.join("\u{1f}")
}

fn load_table(conn: &Connection, dir: &Path, table: &Table) -> Result<(u64, Lines)> {
    let name = table.file();
    let file = std::fs::File::open(dir.join(&name))
        .map_err(|e| whole(&name, format!("is missing from the bundle ({e})")))?;
    let mut insert = conn.prepare(&insert_sql(table))?;
    let key_at: Vec<usize> = table
        .key
        .iter()
        .map(|k| {
            table
                .columns
                .iter()
                .position(|c| c == k)
                .expect("a key is a column")
        })
        .collect();
    let mut keys = Lines::new();
    let mut rows: u64 = 0;
    for (index, line) in BufReader::new(file).lines().enumerate() {
        let number = index + 1;
        let line = line.map_err(|e| problem(&name, number, format!("cannot be read ({e})")))?;
        let object: serde_json::Map<String, Json> = serde_json::from_str(&line)
            .map_err(|e| problem(&name, number, format!("is not a JSON object ({e})")))?;
        if let Some(unknown) = object.keys().find(|k| !table.columns.contains(k)) {
            return Err(problem(
                &name,
                number,
                format!("the table {} has no column “{unknown}”", table.name),
            ));
        }
        let values = table
            .columns
            .iter()
            .map(|column| {
                let value = object.get(column).ok_or_else(|| {
                    problem(&name, number, format!("the column “{column}” is missing"))
                })?;
                sql_value(value)
                    .map_err(|what| problem(&name, number, format!("“{column}”: {what}")))
            })
            .collect::<Result<Vec<Value>>>()?;
        insert
            .execute(rusqlite::params_from_iter(values.iter()))
            .map_err(|e| problem(&name, number, e))?;
        let key: Vec<Value> = key_at.iter().map(|&i| values[i].clone()).collect();
        keys.insert(key_text(&key), number);
        rows += 1;
        if rows.is_multiple_of(STATISTICS_EVERY) {
            crate::db::refresh_statistics(conn);
        }
    }
    Ok((rows, keys))
}

/// A JSON value as SQLite stores it; see the export's `write_value`.
fn sql_value(value: &Json) -> std::result::Result<Value, String> {
    Ok(match value {
        Json::Null => Value::Null,
        Json::String(text) => Value::Text(text.clone()),
        Json::Number(n) => match (n.as_i64(), n.as_f64()) {
            (Some(i), _) if !n.to_string().contains(['.', 'e', 'E']) => Value::Integer(i),
            (_, Some(r)) if n.to_string().contains(['.', 'e', 'E']) => Value::Real(r),
            _ => return Err(format!("{n} is too large")),
        },
        Json::Object(o) if o.len() == 1 && o.get("blob").is_some_and(Json::is_string) => {
            let hex = o["blob"].as_str().unwrap_or_default();
            let bytes = (0..hex.len())
                .step_by(2)
                .map(|i| {
                    hex.get(i..i + 2)
                        .and_then(|b| u8::from_str_radix(b, 16).ok())
                })
                .collect::<Option<Vec<u8>>>()
                .ok_or("the blob is not hexadecimal")?;
            Value::Blob(bytes)
        }
        other => return Err(format!("{other} is not a value a column holds")),
    })
}

/// Fails on the first row whose link points at a row the bundle does not hold, naming its file
/// and line.
fn check_links(conn: &Connection, tables: &[Table], lines: &HashMap<String, Lines>) -> Result<()> {
    // A derived table's rows follow the bundle's, so a link broken there is one broken in a
    // table of the bundle: that one is named.
    let mut check = conn.prepare("SELECT \"table\", parent, fkid FROM pragma_foreign_key_check")?;
    let mut rows = check.query([])?;
    let mut broken = None;
    while let Some(row) = rows.next()? {
        let child: String = row.get(0)?;
        if let Some(table) = tables.iter().find(|t| t.name == child) {
            broken = Some((table, row.get::<_, String>(1)?, row.get::<_, i64>(2)?));
            break;
        }
    }
    let Some((table, parent, fkid)) = broken else {
        return Ok(());
    };
    let child = table.name.clone();
    let mut stmt = conn.prepare(
        "SELECT \"from\", \"to\" FROM pragma_foreign_key_list(?1) WHERE id = ?2 ORDER BY seq",
    )?;
    let pairs: Vec<(String, Option<String>)> = stmt
        .query_map(rusqlite::params![child, fkid], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let parent_key: Vec<String> = match tables.iter().find(|t| t.name == parent) {
        Some(p) => p.key.clone(),
        None => Vec::new(),
    };
    let matches: Vec<String> = pairs
        .iter()
        .enumerate()
        .map(|(i, (from, to))| {
            let to = to
                .clone()
                .or_else(|| parent_key.get(i).cloned())
                .unwrap_or_else(|| "rowid".into());
            format!("p.{} = c.{}", quoted(&to), quoted(from))
        })
        .collect();
    let present: Vec<String> = pairs
        .iter()
        .map(|(from, _)| format!("c.{} IS NOT NULL", quoted(from)))
        .collect();
    let key: Vec<String> = table
        .key
        .iter()
        .map(|k| format!("c.{}", quoted(k)))
        .collect();
    let sql = format!(
        "SELECT {} FROM {} c WHERE {} AND NOT EXISTS (SELECT 1 FROM {} p WHERE {}) LIMIT 1",
        key.join(", "),
        quoted(&child),
        present.join(" AND "),
        quoted(&parent),
        matches.join(" AND ")
    );
    let found: Vec<Value> = conn.query_row(&sql, [], |r| {
        (0..table.key.len()).map(|i| r.get::<_, Value>(i)).collect()
    })?;
    let line = lines
        .get(&child)
        .and_then(|l| l.get(&key_text(&found)))
        .copied();
    let columns: Vec<&str> = pairs.iter().map(|(from, _)| from.as_str()).collect();
    let what = format!(
        "{} refers to a row of {parent} that the bundle does not hold",
        columns.join(", ")
    );
    Err(match line {
        Some(line) => problem(&table.file(), line, what),
        None => whole(&table.file(), what),
    })
}

/// Copies every row of the migrated database `from` into `to`, whose schema is the same.
fn copy(from: &Connection, to: &Transaction<'_>) -> Result<()> {
    to.pragma_update(None, "defer_foreign_keys", true)?;
    let target = tables(to)?;
    let mut copied: u64 = 0;
    for table in tables(from)? {
        if !target.contains(&table) {
            return Err(Error::conflict(
                None,
                format!(
                    "the table {} differs after migrating the bundle",
                    table.name
                ),
            ));
        }
        let mut insert = to.prepare(&insert_sql(&table))?;
        let mut select = from.prepare(&select_sql(&table))?;
        let mut rows = select.query([])?;
        while let Some(row) = rows.next()? {
            let values: Vec<Value> = (0..table.columns.len())
                .map(|i| row.get::<_, Value>(i))
                .collect::<rusqlite::Result<_>>()?;
            insert.execute(rusqlite::params_from_iter(values.iter()))?;
            copied += 1;
            if copied.is_multiple_of(STATISTICS_EVERY) {
                crate::db::refresh_statistics(to);
            }
        }
    }
    Ok(())
}
