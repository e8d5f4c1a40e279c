//! Turning what a person typed into an FTS5 query that cannot fail to parse.

use crate::error::{Error, Result};

/// The longest query accepted, in characters.
const QUERY_MAX: usize = 500;

/// Words shorter than this are not turned into prefixes on their own: a one-letter prefix
/// matches most of the index and ranks slowly.
const PREFIX_MIN_CHARS: usize = 3;

/// Builds an FTS5 query: every word quoted, phrases kept, `word*` a prefix, and the last word a
/// prefix too when it is long enough. Punctuation alone is refused with a message.
pub fn to_fts_query(text: &str) -> Result<String> {
    Ok(to_fts_terms(text)?.join(" "))
}

/// The terms of [`to_fts_query`], each a query of its own: a quoted word, a phrase or a prefix.
pub fn to_fts_terms(text: &str) -> Result<Vec<String>> {
    if text.chars().count() > QUERY_MAX {
        return Err(Error::validation(
            "query",
            format!("Search for at most {QUERY_MAX} characters."),
        ));
    }
    let mut terms: Vec<String> = Vec::new();
    let mut rest = text;
    while let Some(quote) = rest.find('"') {
        terms.extend(words(&rest[..quote], false));
        let after = &rest[quote + 1..];
        let (phrase, next) = match after.find('"') {
            Some(end) => (&after[..end], &after[end + 1..]),
            None => (after, ""),
        };
        let phrase_words: Vec<String> = words(phrase, false);
        if !phrase_words.is_empty() {
            let inner: Vec<&str> = phrase_words.iter().map(|w| w.trim_matches('"')).collect();
            terms.push(format!("\"{}\"", inner.join(" ")));
        }
        rest = next;
    }
    terms.extend(words(rest, !rest.ends_with(char::is_whitespace)));
    if terms.is_empty() {
        return Err(Error::validation(
            "query",
            "Type a word to search for: punctuation alone matches nothing.",
        ));
    }
    Ok(terms)
}

/// The words of `text` as quoted FTS5 strings; `word*` becomes a prefix, and so does the last
/// word when `last_is_prefix`.
fn words(text: &str, last_is_prefix: bool) -> Vec<String> {
    let pieces: Vec<&str> = text.split_whitespace().collect();
    let mut out = Vec::new();
    for (index, piece) in pieces.iter().enumerate() {
        let explicit = piece.ends_with('*');
        let is_last = index + 1 == pieces.len();
        for word in piece
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            let long_enough = word.chars().count() >= PREFIX_MIN_CHARS;
            let prefix = explicit || (last_is_prefix && is_last && long_enough);
            out.push(if prefix {
                format!("\"{word}\"*")
            } else {
                format!("\"{word}\"")
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_quoted_so_operators_stay_words() {
        assert_eq!(
            to_fts_query("deploy OR rollback ").unwrap(),
            "\"deploy\" \"OR\" \"rollback\""
        );
        assert_eq!(to_fts_query("-x: NEAR(").unwrap(), "\"x\" \"NEAR\"*");
    }

    #[test]
    fn phrases_and_prefixes() {
        assert_eq!(
            to_fts_query("\"slow builds\" cach").unwrap(),
            "\"slow builds\" \"cach\"*"
        );
        assert_eq!(to_fts_query("migr* plan ").unwrap(), "\"migr\"* \"plan\"");
        assert_eq!(
            to_fts_query("\"unclosed phrase").unwrap(),
            "\"unclosed phrase\""
        );
        assert_eq!(
            to_fts_query("go").unwrap(),
            "\"go\"",
            "too short to be a prefix"
        );
    }

    #[test]
    fn punctuation_alone_is_refused_with_a_message() {
        for bad in ["", "   ", "?!", "\"\"", "*** ---"] {
            let err = to_fts_query(bad).unwrap_err();
            assert!(
                matches!(err, Error::Validation { field: "query", .. }),
                "{bad:?}"
            );
        }
    }
}
