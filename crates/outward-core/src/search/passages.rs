//! Interview notes are indexed by passage: a few paragraphs each, cut where the text itself
//! says, so an edit re-indexes the passage it falls in and leaves the others alone.
//!
//! A passage ends at a blank line once it holds [`MIN_BYTES`], when the paragraph just ended
//! hashes to a cut or the next line is a heading; and at any line's end once it holds
//! [`MAX_BYTES`]. A cut depends only on the paragraph before it, so typing in one paragraph
//! moves at most the cuts around it. The passages, in order, are the notes exactly.
//!
//! SQLite calls [`passages`] as `outward_passages(notes)` (a JSON array of the distinct
//! passages), from the triggers that keep `interview_passages` in step with the notes
//! (migration 0026): a save deletes the passages that are gone and indexes the new ones.

use rusqlite::Connection;
use rusqlite::functions::FunctionFlags;

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
            held >= MIN_BYTES && (next_is_heading || fnv1a(ended.trim()) % CUT_EVERY == 0)
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

/// Makes `outward_passages(notes)` callable on `conn`: the distinct passages of `notes` as a
/// JSON array of strings, for the index's triggers.
pub fn register(conn: &Connection) -> rusqlite::Result<()> {
    conn.create_scalar_function(
        "outward_passages",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            let notes = ctx.get_raw(0).as_str_or_null()?.unwrap_or_default();
            let mut distinct: Vec<&str> = Vec::new();
            for passage in passages(notes) {
                if !distinct.contains(&passage) {
                    distinct.push(passage);
                }
            }
            serde_json::to_string(&distinct)
                .map_err(|e| rusqlite::Error::UserFunctionError(Box::new(e)))
        },
    )
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
    }
}
