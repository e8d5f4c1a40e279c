//! A bundle as one `.zip` file: the same files as the folder, under one top folder named after
//! the archive, so unpacking it anywhere gives the folder back. Writing packs a finished bundle
//! folder; reading unpacks an archive into a private folder and imports from there. Reading
//! treats the archive as hostile: only a bundle's own file names are accepted, never a path
//! that leaves the folder or a link, and the unpacked size is bounded.

use super::{INTERVIEWS_FOLDER, MANIFEST};
use crate::error::{Error, Result};
use std::fs::File;
use std::io::{BufWriter, Read, Write};
use std::path::{Component, Path, PathBuf};
use zip::ZipArchive;
use zip::write::{SimpleFileOptions, ZipWriter};

/// The file name an archive is packed into inside the hidden folder an export writes, before
/// it is renamed into place; [`super::export::clean_up_interrupted`] knows it.
pub(super) const PACKING: &str = "packing.zip";

/// The most an archive may unpack to, in bytes: ten times the largest bundle the benchmarks
/// write (`heavy`, about 330 MB), so a real export always fits and a zip bomb does not.
const MAX_UNPACKED: u64 = 4 << 30;

/// Whether `path` names a zip archive (by its extension): an export there is packed into one.
pub fn is_archive(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("zip"))
}

/// Packs the bundle folder `dir`, whose files are `files` (relative paths), into a new archive at
/// `to`, under the top folder `top`. `keep_going` is asked before each file; `false` stops
/// (the caller removes what was written). Returns the archive's size, or `None` when stopped.
pub(super) fn pack(
    dir: &Path,
    files: &[String],
    to: &Path,
    top: &str,
    keep_going: &mut dyn FnMut() -> bool,
) -> Result<Option<u64>> {
    let io = |e: std::io::Error| Error::io(format!("cannot write {}", to.display()), e);
    let zipped = |e: zip::result::ZipError| io(std::io::Error::other(e));
    let mut zip = ZipWriter::new(BufWriter::new(File::create(to).map_err(io)?));
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    for file in files {
        if !keep_going() {
            return Ok(None);
        }
        zip.start_file(format!("{top}/{file}"), options)
            .map_err(zipped)?;
        let mut from = File::open(dir.join(file))
            .map_err(|e| Error::io(format!("cannot read {}", dir.join(file).display()), e))?;
        std::io::copy(&mut from, &mut zip).map_err(io)?;
    }
    let out = zip.finish().map_err(zipped)?;
    let file = out.into_inner().map_err(|e| io(e.into_error()))?;
    file.sync_all().map_err(io)?;
    Ok(Some(file.metadata().map_err(io)?.len()))
}

/// A bundle unpacked from an archive into a private folder, removed when this is dropped.
pub(super) struct Unpacked {
    folder: PathBuf,
    /// The bundle's own folder inside `folder`: where its manifest is.
    pub bundle: PathBuf,
}

impl Drop for Unpacked {
    fn drop(&mut self) {
        if let Err(e) = std::fs::remove_dir_all(&self.folder) {
            log::warn!("cannot remove {}: {e}", self.folder.display());
        }
    }
}

/// Unpacks the archive at `path` into a new folder inside `into`. Refused whole, naming the
/// entry, when the file is not a zip archive, holds anything but a bundle's files (in one top
/// folder or none), or unpacks to more than [`MAX_UNPACKED`] bytes.
pub(super) fn unpack(path: &Path, into: &Path) -> Result<Unpacked> {
    unpack_at_most(path, into, MAX_UNPACKED)
}

fn unpack_at_most(path: &Path, into: &Path, most: u64) -> Result<Unpacked> {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let refused = |what: String| Error::validation("file", format!("{name}: {what}"));
    let file =
        File::open(path).map_err(|e| Error::io(format!("cannot read {}", path.display()), e))?;
    let mut archive = ZipArchive::new(file)
        .map_err(|e| refused(format!("not a zip archive that Outward can read ({e})")))?;
    let entries: Vec<(usize, PathBuf)> = (0..archive.len())
        .map(|i| {
            let entry = archive
                .by_index_raw(i)
                .map_err(|e| refused(format!("entry {} cannot be read ({e})", i + 1)))?;
            let raw = entry.name().map(|n| n.into_owned()).unwrap_or_default();
            // Only a plain relative name, as written: never one that climbs out, starts at
            // the root or is a link.
            let inside = entry
                .enclosed_name()
                .filter(|inside| {
                    !entry.is_symlink() && inside == Path::new(raw.trim_end_matches('/'))
                })
                .ok_or_else(|| refused(format!("“{raw}” is not a file of an export")))?;
            Ok((i, inside))
        })
        .collect::<Result<_>>()?;
    let top = common_top(&entries);
    let folder = into.join(format!(".outward-import-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir(&folder)
        .map_err(|e| Error::io(format!("cannot create {}", folder.display()), e))?;
    let unpacked = Unpacked {
        bundle: top
            .as_ref()
            .map_or_else(|| folder.clone(), |t| folder.join(t)),
        folder,
    };
    let mut budget = most;
    for (index, inside) in entries {
        let relative = match &top {
            Some(top) => inside.strip_prefix(top).unwrap_or(&inside).to_owned(),
            None => inside.clone(),
        };
        let mut entry = archive
            .by_index(index)
            .map_err(|e| refused(format!("“{}” cannot be read ({e})", inside.display())))?;
        if entry.is_dir() {
            if relative.as_os_str().is_empty() || relative == Path::new(INTERVIEWS_FOLDER) {
                continue;
            }
            return Err(refused(format!(
                "“{}” is not a folder of an export",
                inside.display()
            )));
        }
        if !is_bundle_file(&relative) {
            return Err(refused(format!(
                "“{}” is not a file of an export",
                inside.display()
            )));
        }
        let to = unpacked.bundle.join(&relative);
        if let Some(parent) = to.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| Error::io(format!("cannot create {}", parent.display()), e))?;
        }
        let write_error = |e| Error::io(format!("cannot write {}", to.display()), e);
        let mut out = BufWriter::new(File::create(&to).map_err(write_error)?);
        let copied = std::io::copy(&mut (&mut entry).take(budget + 1), &mut out)
            .map_err(|e| refused(format!("“{}” cannot be unpacked ({e})", inside.display())))?;
        if copied > budget {
            return Err(refused(format!(
                "it unpacks to more than {} MB, more than any export",
                most >> 20
            )));
        }
        budget -= copied;
        out.flush().map_err(write_error)?;
    }
    if !unpacked.bundle.join(MANIFEST).is_file() {
        return Err(refused(format!(
            "it holds no {MANIFEST}, so it is not an Outward export"
        )));
    }
    Ok(unpacked)
}

/// The one folder every entry of an archive is in, when there is one: an export packs its files
/// under a folder named after the archive, and a bundle zipped by hand may have none.
fn common_top(entries: &[(usize, PathBuf)]) -> Option<PathBuf> {
    let first = |p: &Path| match p.components().next() {
        Some(Component::Normal(top)) if p.components().count() > 1 => Some(PathBuf::from(top)),
        _ => None,
    };
    let top = first(&entries.first()?.1)?;
    entries
        .iter()
        .all(|(_, p)| p.starts_with(&top))
        .then_some(top)
        .filter(|top| top.as_os_str() != INTERVIEWS_FOLDER && top.as_os_str() != MANIFEST)
}

/// Whether `relative` is a file an export writes: the manifest, a table's `.jsonl`, or an
/// interview's `.md` in the interviews' folder.
fn is_bundle_file(relative: &Path) -> bool {
    let parts: Vec<&str> = relative
        .components()
        .map(|c| c.as_os_str().to_str().unwrap_or(""))
        .collect();
    match parts.as_slice() {
        [name] => *name == MANIFEST || (name.ends_with(".jsonl") && name.len() > 6),
        [folder, name] => *folder == INTERVIEWS_FOLDER && name.ends_with(".md"),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_archive_that_unpacks_to_more_than_the_bound_is_refused_and_removed() {
        let dir = tempfile::tempdir().unwrap();
        let bomb = dir.path().join("bomb.zip");
        let mut zip = ZipWriter::new(File::create(&bomb).unwrap());
        let options =
            SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        zip.start_file("b/manifest.json", options).unwrap();
        zip.write_all(b"{}").unwrap();
        zip.start_file("b/teams.jsonl", options).unwrap();
        zip.write_all(&vec![b' '; 3 << 20]).unwrap();
        zip.finish().unwrap();
        assert!(
            std::fs::metadata(&bomb).unwrap().len() < 64 << 10,
            "it compresses well"
        );

        let scratch = dir.path().join("scratch");
        std::fs::create_dir(&scratch).unwrap();
        let err = unpack_at_most(&bomb, &scratch, 1 << 20).err().unwrap();
        assert!(
            err.to_string()
                .contains("bomb.zip: it unpacks to more than"),
            "{err}"
        );
        assert_eq!(
            std::fs::read_dir(&scratch).unwrap().count(),
            0,
            "nothing is left"
        );
        assert!(unpack_at_most(&bomb, &scratch, 4 << 20).is_ok());
    }
}
