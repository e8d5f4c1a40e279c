//! Writing a bundle: every table as JSON Lines, the interviews as Markdown, then the manifest,
//! into a hidden sibling folder that is renamed into place only when all of it is on disk.

use super::{
    FORMAT, FORMAT_VERSION, FileEntry, INTERVIEWS_FOLDER, MANIFEST, Manifest, MarkdownEntry,
    Progress, Table, archive, markdown, quoted, tables,
};
use crate::db::backup::sync_folder;
use crate::db::schema_version;
use crate::error::{Error, Result};
use chrono::{DateTime, SecondsFormat, Utc};
use rusqlite::Connection;
use rusqlite::types::ValueRef;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// Rows written between two progress reports (and chances to cancel).
const REPORT_EVERY: u64 = 500;

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exported {
    pub path: PathBuf,
    pub manifest: Manifest,
    /// The size of every file written, together.
    pub bytes: u64,
}

/// Writes the whole database `conn` reads (run it in one read transaction, so the bundle is one
/// snapshot) to a new folder at `out`, or to one zip archive there when `out` ends in `.zip`. `progress` hears how far it got at the start, every few
/// hundred records and before the folder is put in place, and stops the export by returning
/// `false`: then nothing is left at `out` and the result is `None`. An existing file or folder at `out` is never overwritten.
pub fn export(
    conn: &Connection,
    out: &Path,
    now: DateTime<Utc>,
    progress: &mut dyn FnMut(Progress) -> bool,
) -> Result<Option<Exported>> {
    if out.exists() {
        return Err(Error::conflict(
            Some("path"),
            format!(
                "{} already exists; choose a new name for the export.",
                out.display()
            ),
        ));
    }
    let partial = partial_for(out)?;
    clean_up_interrupted(out.parent().unwrap_or(Path::new(".")));
    if partial.exists() {
        return Err(Error::conflict(
            Some("path"),
            format!(
                "{} is in the way of the export and is not one it left; move it or choose \
                 another name.",
                partial.display()
            ),
        ));
    }
    let written = write_all(conn, &partial, now, progress).and_then(|written| {
        let Some((manifest, bytes)) = written else {
            return Ok(None);
        };
        if !archive::is_archive(out) {
            return Ok(Some((manifest, bytes, partial.clone())));
        }
        let packed = partial.join(archive::PACKING);
        let top = out
            .file_stem()
            .map_or_else(|| "export".to_owned(), |s| s.to_string_lossy().into_owned());
        let files = bundle_files(&partial, &manifest)?;
        let keep_going = &mut || progress(Progress { done: 1, total: 1 });
        Ok(archive::pack(&partial, &files, &packed, &top, keep_going)?
            .map(|size| (manifest, size, packed)))
    });
    let placed = written.and_then(|written| {
        let Some((manifest, bytes, from)) = written else {
            return Ok(None);
        };
        std::fs::rename(&from, out)
            .map_err(|e| Error::io(format!("cannot move the export to {}", out.display()), e))?;
        Ok(Some((manifest, bytes)))
    });
    if partial.exists() {
        let _ = std::fs::remove_dir_all(&partial);
    }
    let Some((manifest, bytes)) = placed? else {
        return Ok(None);
    };
    if let Some(parent) = out.parent() {
        sync_folder(parent);
    }
    Ok(Some(Exported {
        path: out.to_owned(),
        manifest,
        bytes,
    }))
}

/// Every file of the finished bundle in `dir`, relative to it, in the order an archive holds
/// them: the manifest, the tables' files, then the interviews.
fn bundle_files(dir: &Path, manifest: &Manifest) -> Result<Vec<String>> {
    let mut files = vec![MANIFEST.to_owned()];
    files.extend(manifest.files.iter().map(|f| f.file.clone()));
    let folder = dir.join(INTERVIEWS_FOLDER);
    let mut interviews: Vec<String> = std::fs::read_dir(&folder)
        .map_err(|e| Error::io(format!("cannot read {}", folder.display()), e))?
        .map(|entry| {
            entry.map(|e| format!("{INTERVIEWS_FOLDER}/{}", e.file_name().to_string_lossy()))
        })
        .collect::<std::io::Result<_>>()
        .map_err(|e| Error::io(format!("cannot read {}", folder.display()), e))?;
    interviews.sort();
    files.extend(interviews);
    Ok(files)
}

/// [`export`] from the database file at `db_path` on a read-only connection of its own, in one
/// read transaction: the app keeps using its connection while a large export runs, and the
/// bundle is one snapshot.
pub fn export_from(
    db_path: &Path,
    out: &Path,
    now: DateTime<Utc>,
    progress: &mut dyn FnMut(Progress) -> bool,
) -> Result<Option<Exported>> {
    let mut conn = crate::db::connect(db_path, crate::db::Access::ReadOnly)?;
    let snapshot = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Deferred)?;
    let exported = export(&snapshot, out, now, progress)?;
    snapshot.commit()?;
    Ok(exported)
}

/// The hidden folder an export to `out` is written into before it is renamed.
pub(crate) fn partial_for(out: &Path) -> Result<PathBuf> {
    let name = out.file_name().ok_or_else(|| {
        Error::validation(
            "path",
            format!("{} does not name a folder to export to.", out.display()),
        )
    })?;
    let parent = out.parent().unwrap_or(Path::new("."));
    Ok(parent.join(format!(".{}.partial", name.to_string_lossy())))
}

/// Removes the hidden folders exports into `folder` left when they were cut short (the process
/// killed mid-way): `.<name>.partial` holding nothing but a bundle's files. They were never
/// renamed, so none was ever taken for a finished export. Best effort: what cannot be removed
/// is left for the next export.
pub fn clean_up_interrupted(folder: &Path) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        if name.starts_with('.') && name.ends_with(".partial") && is_bundle_in_progress(&path) {
            match std::fs::remove_dir_all(&path) {
                Ok(()) => log::info!("removed the interrupted export {}", path.display()),
                Err(e) => log::warn!("cannot remove {}: {e}", path.display()),
            }
        }
    }
}

/// Whether `dir` is a folder holding only what an export writes: `.jsonl` files, the manifest,
/// and the interviews' folder of `.md` files.
fn is_bundle_in_progress(dir: &Path) -> bool {
    let only = |dir: &Path, allowed: &dyn Fn(&str, bool) -> bool| -> bool {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return false;
        };
        let mut entries = entries;
        entries.all(|entry| {
            entry.is_ok_and(|e| {
                let is_dir = e.file_type().is_ok_and(|t| t.is_dir());
                allowed(&e.file_name().to_string_lossy(), is_dir)
            })
        })
    };
    std::fs::symlink_metadata(dir).is_ok_and(|m| m.is_dir())
        && only(dir, &|name, is_dir| {
            if is_dir {
                name == INTERVIEWS_FOLDER
                    && only(&dir.join(INTERVIEWS_FOLDER), &|md, sub| {
                        !sub && md.ends_with(".md")
                    })
            } else {
                name.ends_with(".jsonl") || name == MANIFEST || name == archive::PACKING
            }
        })
}

fn write_all(
    conn: &Connection,
    dir: &Path,
    now: DateTime<Utc>,
    progress: &mut dyn FnMut(Progress) -> bool,
) -> Result<Option<(Manifest, u64)>> {
    let io = |what: &Path| {
        let what = what.display().to_string();
        move |e| Error::io(format!("cannot write {what}"), e)
    };
    std::fs::create_dir_all(dir.join(INTERVIEWS_FOLDER)).map_err(io(dir))?;
    let tables = tables(conn)?;
    let mut counts = Vec::with_capacity(tables.len());
    for table in &tables {
        let rows: i64 = conn.query_row(
            &format!("SELECT count(*) FROM {}", quoted(&table.name)),
            [],
            |r| r.get(0),
        )?;
        counts.push(rows as u64);
    }
    let markdown_total = markdown::count(conn)?;
    let total = counts.iter().sum::<u64>() + markdown_total;
    let mut done = 0;
    if !progress(Progress { done, total }) {
        return Ok(None);
    }
    let mut bytes = 0;
    let mut files = Vec::with_capacity(tables.len());
    for table in &tables {
        let path = dir.join(table.file());
        let file = File::create(&path).map_err(io(&path))?;
        let mut out = BufWriter::new(file);
        let mut rows = 0;
        let mut stmt = conn.prepare(&select_sql(table))?;
        let mut cursor = stmt.query([])?;
        let mut line = String::new();
        while let Some(row) = cursor.next()? {
            line.clear();
            line.push('{');
            for (i, column) in table.columns.iter().enumerate() {
                if i > 0 {
                    line.push(',');
                }
                line.push_str(&json_string(column));
                line.push(':');
                write_value(&mut line, row.get_ref(i)?);
            }
            line.push_str("}\n");
            out.write_all(line.as_bytes()).map_err(io(&path))?;
            bytes += line.len() as u64;
            rows += 1;
            done += 1;
            if done.is_multiple_of(REPORT_EVERY) && !progress(Progress { done, total }) {
                return Ok(None);
            }
        }
        finish(out).map_err(io(&path))?;
        files.push(FileEntry {
            file: table.file(),
            table: table.name.clone(),
            rows,
        });
    }
    let folder = dir.join(INTERVIEWS_FOLDER);
    let mut written = 0;
    let mut stopped = false;
    markdown::write(conn, &folder, &mut |size| {
        bytes += size;
        written += 1;
        done += 1;
        if done.is_multiple_of(REPORT_EVERY) && !progress(Progress { done, total }) {
            stopped = true;
        }
        !stopped
    })?;
    if stopped {
        return Ok(None);
    }
    sync_folder(&folder);
    let manifest = Manifest {
        format: FORMAT.to_owned(),
        format_version: FORMAT_VERSION,
        schema_version: schema_version(conn)?,
        app_version: env!("CARGO_PKG_VERSION").to_owned(),
        exported_at: now.to_rfc3339_opts(SecondsFormat::Millis, true),
        files,
        markdown: MarkdownEntry {
            folder: INTERVIEWS_FOLDER.to_owned(),
            files: written,
        },
    };
    let mut text = serde_json::to_string_pretty(&manifest)
        .map_err(|e| Error::io("cannot write the manifest", std::io::Error::other(e)))?;
    text.push('\n');
    let path = dir.join(MANIFEST);
    let file = File::create(&path).map_err(io(&path))?;
    let mut out = BufWriter::new(file);
    out.write_all(text.as_bytes()).map_err(io(&path))?;
    finish(out).map_err(io(&path))?;
    bytes += text.len() as u64;
    sync_folder(dir);
    if !progress(Progress { done: total, total }) {
        return Ok(None);
    }
    Ok(Some((manifest, bytes)))
}

/// Every row of `table`, its columns in schema order, ordered by its key.
pub(crate) fn select_sql(table: &Table) -> String {
    let columns: Vec<String> = table.columns.iter().map(|c| quoted(c)).collect();
    let key: Vec<String> = table.key.iter().map(|c| quoted(c)).collect();
    format!(
        "SELECT {} FROM {} ORDER BY {}",
        columns.join(", "),
        quoted(&table.name),
        key.join(", ")
    )
}

/// Flushes a file and makes it durable.
pub(super) fn finish(out: BufWriter<File>) -> std::io::Result<()> {
    out.into_inner()
        .map_err(|e| e.into_error())
        .and_then(|f| f.sync_all())
}

pub(super) fn json_string(text: &str) -> String {
    serde_json::Value::String(text.to_owned()).to_string()
}

/// A stored value as JSON: NULL as `null`, integers and reals as numbers (a real always with a
/// fraction or exponent, so it reads back as a real), text as a string, a blob as
/// `{"blob": "<hex>"}`.
fn write_value(line: &mut String, value: ValueRef<'_>) {
    match value {
        ValueRef::Null => line.push_str("null"),
        ValueRef::Integer(i) => line.push_str(&i.to_string()),
        ValueRef::Real(r) => line.push_str(&serde_json::Number::from_f64(r).map_or_else(
            || "null".to_owned(),
            |n| {
                let text = n.to_string();
                if text.contains(['.', 'e', 'E']) {
                    text
                } else {
                    format!("{text}.0")
                }
            },
        )),
        ValueRef::Text(t) => line.push_str(&json_string(&String::from_utf8_lossy(t))),
        ValueRef::Blob(b) => {
            let hex: String = b.iter().map(|byte| format!("{byte:02x}")).collect();
            line.push_str(&format!("{{\"blob\":\"{hex}\"}}"));
        }
    }
}
