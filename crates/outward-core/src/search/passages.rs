//! Interview notes are indexed by passage: a few paragraphs each, cut where the text itself
//! says, so an edit re-indexes the passage it falls in and leaves the others alone.
//!
//! A passage ends at a blank line once it holds [`MIN_BYTES`], when the paragraph just ended
//! hashes to a cut or the next line is a heading; and at any line's end once it holds
//! [`MAX_BYTES`]. A cut depends only on the paragraph before it, so typing in one paragraph
//! moves at most the cuts around it. The passages, in order, are the notes exactly.
//!
//! SQLite calls these from the triggers that keep `interview_passages` in step with the notes
//! (migration 0026): `outward_passages(notes)` gives the distinct passages of new notes, and a
//! save deletes `outward_passages_gone(old, new)` and indexes `outward_passages_added(old,
//! new)`, each a JSON array. A save trusts that the index holds the passages of the old notes,
//! so changing where passages end needs a migration that indexes every interview again
//! ([`index_all`]).

use rusqlite::Connection;
use rusqlite::functions::{Context, FunctionFlags};
use std::cell::RefCell;

/// The full-text table of the interviews' passages.
pub(crate) const TABLE: &str = "interview_passages";

/// An interview's rows in [`TABLE`] are numbered from its row id shifted this far: the
/// interviewees at the shifted id, its passages after it.
const ROW_BITS: u32 = 32;

/// The row id in `interviews` of the passage numbered `rowid`.
pub(crate) fn interview_of(rowid: i64) -> i64 {
    rowid >> ROW_BITS
}

/// The row ids of `interview`'s passages, the interviewees' row left out: `(after, before)`.
pub(crate) fn rows_of(interview: i64) -> (i64, i64) {
    (interview << ROW_BITS, (interview + 1) << ROW_BITS)
}

/// A passage is not cut before it holds this many bytes.
pub const MIN_BYTES: usize = 512;

/// A passage is cut at the next line's end once it holds this many bytes, blank line or not.
pub const MAX_BYTES: usize = 4096;

/// One paragraph in this many ends a passage (once it is long enough).
const CUT_EVERY: u32 = 4;

/// The passages of `notes`, in order: joined, they are `notes`.
pub fn passages(notes: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut paragraph = 0;
    let mut lines = notes.split_inclusive('\n').peekable();
    let mut end = 0;
    while let Some(line) = lines.next() {
        end += line.len();
        let held = end - start;
        let cut = if line.trim().is_empty() && line.ends_with('\n') {
            let next_is_heading = lines.peek().is_some_and(|l| l.starts_with('#'));
            let ended = &notes[paragraph..end];
            paragraph = end;
            held >= MIN_BYTES && (next_is_heading || fnv1a(ended.trim()).is_multiple_of(CUT_EVERY))
        } else {
            held >= MAX_BYTES && line.ends_with('\n')
        };
        if cut {
            out.push(&notes[start..end]);
            start = end;
        }
    }
    if start < notes.len() {
        out.push(&notes[start..]);
    }
    out
}

/// The 32-bit FNV-1a hash: stable across versions and platforms, unlike the standard library's.
fn fnv1a(text: &str) -> u32 {
    text.bytes().fold(0x811c_9dc5, |hash, byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    })
}

/// The distinct passages of `notes`, in order.
fn distinct(notes: &str) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for passage in passages(notes) {
        if !out.contains(&passage) {
            out.push(passage);
        }
    }
    out
}

/// What a save changes in the index: the passages of the old notes that are gone, and those of
/// the new notes that are new, each as a JSON array.
struct Diff {
    old: String,
    new: String,
    gone: String,
    added: String,
}

impl Diff {
    fn of(old: &str, new: &str) -> rusqlite::Result<Self> {
        let (before, after) = (distinct(old), distinct(new));
        let not_in = |these: &[&str], those: &[&str]| {
            let left: Vec<&str> = these
                .iter()
                .copied()
                .filter(|p| !those.contains(p))
                .collect();
            json(&left)
        };
        Ok(Diff {
            old: old.to_owned(),
            new: new.to_owned(),
            gone: not_in(&before, &after)?,
            added: not_in(&after, &before)?,
        })
    }
}

thread_local! {
    /// The last save's diff: its trigger asks for what is gone, then for what was added.
    static LAST: RefCell<Option<Diff>> = const { RefCell::new(None) };
}

fn json(passages: &[&str]) -> rusqlite::Result<String> {
    serde_json::to_string(passages).map_err(|e| rusqlite::Error::UserFunctionError(Box::new(e)))
}

fn text<'a>(ctx: &'a Context<'_>, index: usize) -> rusqlite::Result<&'a str> {
    Ok(ctx.get_raw(index).as_str_or_null()?.unwrap_or_default())
}

/// The part of the diff of the call's old and new notes that `pick` takes.
fn diff(ctx: &Context<'_>, pick: fn(&Diff) -> &String) -> rusqlite::Result<String> {
    let (old, new) = (text(ctx, 0)?, text(ctx, 1)?);
    LAST.with_borrow_mut(|last| {
        let diff = match last {
            Some(d) if d.old == old && d.new == new => d,
            _ => last.insert(Diff::of(old, new)?),
        };
        Ok(pick(diff).clone())
    })
}

/// Makes the index's functions callable on `conn`: `outward_passages(notes)`, and
/// `outward_passages_gone(old, new)` and `outward_passages_added(old, new)`.
pub fn register(conn: &Connection) -> rusqlite::Result<()> {
    let flags = FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC;
    conn.create_scalar_function("outward_passages", 1, flags, |ctx| {
        json(&distinct(text(ctx, 0)?))
    })?;
    conn.create_scalar_function("outward_passages_gone", 2, flags, |ctx| {
        diff(ctx, |d| &d.gone)
    })?;
    conn.create_scalar_function("outward_passages_added", 2, flags, |ctx| {
        diff(ctx, |d| &d.added)
    })
}

/// Indexes every interview's interviewees and passages into an empty `interview_passages`, as
/// its triggers would have (migration 0026's hook).
pub fn index_all(conn: &Connection) -> rusqlite::Result<()> {
    register(conn)?;
    conn.execute_batch(
        "INSERT INTO interview_passages (rowid, interviewees, notes)
         SELECT rowid << 32, interviewees, '' FROM interviews;
         INSERT INTO interview_passages (rowid, interviewees, notes)
         SELECT (i.rowid << 32) + 1 + p.key, '', p.value
         FROM interviews i, json_each(outward_passages(i.notes)) p;",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn notes(paragraphs: usize) -> String {
        (0..paragraphs)
            .map(|n| {
                let heading = if n % 9 == 0 { format!("## Part {n}\n\n") } else { String::new() };
                format!("{heading}Paragraph {n} says something about deploys and queues.\nA second line {n}.\n\n")
            })
            .collect()
    }

    #[test]
    fn the_passages_are_the_notes_cut_at_blank_lines() {
        for text in [
            String::new(),
            "one line".into(),
            "a\n\n\n\nb\n".into(),
            notes(3),
            notes(120),
        ] {
            let cut = passages(&text);
            assert_eq!(cut.concat(), text);
            assert!(cut.iter().all(|p| !p.is_empty()));
        }
        let long = notes(120);
        let cut = passages(&long);
        assert!(cut.len() > 5, "{} passages", cut.len());
        for passage in &cut[..cut.len() - 1] {
            assert!(passage.len() >= MIN_BYTES, "{passage:?}");
            assert!(
                passage.ends_with("\n\n"),
                "cut at a blank line: {passage:?}"
            );
        }
    }

    #[test]
    fn a_paragraph_without_blank_lines_is_cut_at_a_line_once_long() {
        let text = "a line of words that goes on\n".repeat(600);
        let cut = passages(&text);
        assert_eq!(cut.concat(), text);
        assert!(cut.len() >= 4);
        assert!(
            cut.iter()
                .all(|p| p.len() <= MAX_BYTES + 30 && p.ends_with('\n'))
        );
        assert_eq!(
            passages(&"x".repeat(10_000)).len(),
            1,
            "one line is never split"
        );
    }

    #[test]
    fn an_edit_changes_only_the_passages_around_it() {
        let before = notes(120);
        let at = before.find("Paragraph 60 says").unwrap();
        let after = format!("{}Just typed: {}", &before[..at], &before[at..]);
        let (old, new) = (passages(&before), passages(&after));
        let changed = new.iter().filter(|p| !old.contains(p)).count();
        assert!(changed <= 2, "{changed} of {} passages changed", new.len());
    }

    #[test]
    fn sqlite_gets_the_distinct_passages_as_json() {
        let conn = Connection::open_in_memory().unwrap();
        register(&conn).unwrap();
        let text = format!("{}{}", notes(40), notes(40));
        let json: String = conn
            .query_row("SELECT outward_passages(?1)", [&text], |r| r.get(0))
            .unwrap();
        let got: Vec<String> = serde_json::from_str(&json).unwrap();
        assert!(
            got.len() < passages(&text).len(),
            "the repeated half is not indexed twice"
        );
        assert!(got.iter().all(|p| text.contains(p.as_str())));
        let null: String = conn
            .query_row("SELECT outward_passages(NULL)", [], |r| r.get(0))
            .unwrap();
        assert_eq!(null, "[]");

        let once = notes(40);
        let edited = once.replacen("Paragraph 20 says", "Paragraph twenty says", 1);
        let (gone, added): (String, String) = conn
            .query_row(
                "SELECT outward_passages_gone(?1, ?2), outward_passages_added(?1, ?2)",
                [&once, &edited],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        let (gone, added): (Vec<String>, Vec<String>) = (
            serde_json::from_str(&gone).unwrap(),
            serde_json::from_str(&added).unwrap(),
        );
        assert_eq!((gone.len(), added.len()), (1, 1), "{gone:?} {added:?}");
        assert!(
            gone[0].contains("Paragraph 20 says") && added[0].contains("Paragraph twenty says")
        );
    }
}
