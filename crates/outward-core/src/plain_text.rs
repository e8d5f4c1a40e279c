//! Plain text from Markdown, for the places that show a few words of notes instead of rendering
//! them: list excerpts, search snippets, and an interview's own heading. One parser
//! (`pulldown-cmark`) reads the Markdown, so `**The CI queue…` reads "The CI queue…" and a
//! heading's `#` marks never show. A piece cut out of the middle of notes (a search snippet)
//! can hold half of a pair of markers; those are dropped too. The search match markers
//! ([`crate::search::MATCH_START`], [`crate::search::MATCH_END`]) are ordinary characters to
//! the parser and pass through where they stood.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// The longest heading kept as an interview's title, in characters: a name's length.
pub const HEADING_MAX: usize = crate::text::NAME_MAX;

/// Markdown as the words a person reads: markers, link targets and HTML left out, blocks
/// separated by a space, whitespace collapsed.
pub fn plain(markdown: &str) -> String {
    let mut words = Words::default();
    for event in Parser::new(markdown) {
        words.take(&event);
    }
    words.finish()
}

/// The text of the first heading in `markdown`, as plain text, if it has one (cut to
/// [`HEADING_MAX`] characters).
pub fn heading(markdown: &str) -> Option<String> {
    let mut inside = false;
    let mut words = Words::default();
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::Heading { .. }) => inside = true,
            Event::End(TagEnd::Heading(_)) => {
                let text = words.finish();
                if !text.is_empty() {
                    return Some(cut(&text, HEADING_MAX));
                }
                inside = false;
                words = Words::default();
            }
            event if inside => words.take(&event),
            _ => {}
        }
    }
    None
}

/// The first `chars` characters of the plain text of `markdown`, leaving out its first heading
/// (shown as the title beside it), cut at a word with "…" when there is more.
pub fn excerpt(markdown: &str, chars: usize) -> String {
    let mut words = Words::default();
    let mut heading_seen = false;
    let mut in_heading = false;
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::Heading { .. }) if !heading_seen => in_heading = true,
            Event::End(TagEnd::Heading(_)) if in_heading => {
                in_heading = false;
                heading_seen = true;
            }
            _ if in_heading => {}
            event => {
                words.take(&event);
                if words.text.chars().count() > chars + 1 {
                    break;
                }
            }
        }
    }
    cut(&words.finish(), chars)
}

/// `text` cut to at most `chars` characters at a word boundary, with "…" when anything was cut.
pub fn cut(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        return text.to_owned();
    }
    let kept: String = text.chars().take(chars.saturating_sub(1)).collect();
    let at_word = match kept.rfind(char::is_whitespace) {
        Some(space) if space > kept.len() / 2 => &kept[..space],
        _ => kept.as_str(),
    };
    format!("{}…", at_word.trim_end())
}

/// The words collected from a run of Markdown events.
#[derive(Default)]
struct Words {
    text: String,
}

impl Words {
    fn take(&mut self, event: &Event<'_>) {
        match event {
            Event::Text(text) | Event::Code(text) => self.text.push_str(text),
            Event::SoftBreak | Event::HardBreak | Event::Rule => self.text.push(' '),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock
                | TagEnd::TableCell,
            ) => self.text.push(' '),
            _ => {}
        }
    }

    fn finish(self) -> String {
        let unpaired = strip_unpaired_markers(&self.text);
        unpaired.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

/// Drops what is left of emphasis and code markers that lost their other half when a passage
/// was cut out of its notes: runs of two or more `*` or `_`, and backticks.
fn strip_unpaired_markers(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '`' {
            i += 1;
            continue;
        }
        if c == '*' || c == '_' {
            let run = chars[i..].iter().take_while(|&&d| d == c).count();
            if run >= 2 {
                i += run;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_reads_as_its_words() {
        let notes = "# Payments — check-in\n\nThey ship **30 times** a week. \
                     See [the runbook](https://x.test/run).\n\n- New joiners copy `YAML`\n- Drills went well\n\n> “Predictable builds.”";
        assert_eq!(
            plain(notes),
            "Payments — check-in They ship 30 times a week. See the runbook. New joiners copy \
             YAML Drills went well “Predictable builds.”"
        );
    }

    #[test]
    fn a_snippet_cut_from_the_middle_loses_its_half_markers_and_keeps_match_marks() {
        let snippet = "…waits. **The \u{E000}CI\u{E001} queue takes 40 minutes…";
        assert_eq!(
            plain(snippet),
            "…waits. The \u{E000}CI\u{E001} queue takes 40 minutes…"
        );
        assert_eq!(
            plain("minutes on Mondays**, and people"),
            "minutes on Mondays, and people"
        );
        assert_eq!(plain("5 * 3 = 15"), "5 * 3 = 15", "a lone star is a word");
    }

    #[test]
    fn the_first_heading_is_the_title_and_the_excerpt_leaves_it_out() {
        let notes =
            "Some intro.\n\n## Payments — *quarterly* check-in\n\nBody text here.\n\n# Later";
        assert_eq!(
            heading(notes).as_deref(),
            Some("Payments — quarterly check-in")
        );
        assert_eq!(excerpt(notes, 240), "Some intro. Body text here. Later");
        assert_eq!(heading("No heading at all.\n\nJust text."), None);
        assert_eq!(
            heading("#\n\n# Real"),
            Some("Real".into()),
            "an empty heading is skipped"
        );
        let setext = "Payments call\n=============\n\nText.";
        assert_eq!(heading(setext).as_deref(), Some("Payments call"));
    }

    #[test]
    fn excerpts_are_cut_at_a_word_with_an_ellipsis() {
        let long = "word ".repeat(100);
        let cut_text = excerpt(&long, 24);
        assert!(cut_text.chars().count() <= 24, "{cut_text}");
        assert!(cut_text.ends_with("word…"), "{cut_text}");
        assert_eq!(excerpt("short", 24), "short", "nothing cut, no ellipsis");
    }

    #[test]
    fn a_long_heading_is_cut_to_a_name() {
        let notes = format!("# {}", "a".repeat(500));
        assert_eq!(heading(&notes).unwrap().chars().count(), HEADING_MAX);
    }
}
