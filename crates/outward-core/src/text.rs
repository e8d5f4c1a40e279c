//! Rules for the text people type: trimmed, required where it names something, and bounded so a
//! stray paste can never bloat the store. Every failure names the field it is about.

use crate::error::{Error, Result};

/// Longest name of anything (team, person, product, customer, role).
pub const NAME_MAX: usize = 200;
/// Longest free text (descriptions, contact lists).
pub const TEXT_MAX: usize = 20_000;

/// A required, single-line name: trimmed, not empty, at most [`NAME_MAX`] characters.
pub fn required_name(field: &'static str, label: &str, value: &str) -> Result<String> {
    let value = value.trim();
    if value.is_empty() {
        return Err(Error::validation(field, format!("{label} is required.")));
    }
    bounded(field, label, value, NAME_MAX)
}

/// An optional single-line value such as a role: trimmed, at most [`NAME_MAX`] characters.
pub fn optional_name(field: &'static str, label: &str, value: &str) -> Result<String> {
    bounded(field, label, value.trim(), NAME_MAX)
}

/// Optional free text such as a description: trimmed, at most [`TEXT_MAX`] characters.
pub fn free_text(field: &'static str, label: &str, value: &str) -> Result<String> {
    bounded(field, label, value.trim(), TEXT_MAX)
}

/// "1 person", "3 people": a count with the right noun.
pub fn count(n: u32, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

fn bounded(field: &'static str, label: &str, value: &str, max: usize) -> Result<String> {
    let length = value.chars().count();
    if length > max {
        return Err(Error::validation(
            field,
            format!("{label} is {length} characters long; the limit is {max}."),
        ));
    }
    Ok(value.to_owned())
}

/// "a", "a and b", "a, b and c"; "nothing" for none.
pub fn in_words(parts: &[String]) -> String {
    match parts {
        [] => "nothing".to_owned(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Declares a closed vocabulary stored as TEXT: its wire names, its labels for people, parsing
/// with a validation error that lists the allowed words, and the SQLite conversions.
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        $name:ident, field = $field:literal, label = $label:literal {
            $($variant:ident = $wire:literal, $human:literal;)+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize, ts_rs::TS)]
        #[ts(export)]
        pub enum $name {
            $(#[serde(rename = $wire)] $variant,)+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stored and wire name.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $wire,)+ }
            }

            /// The name shown to people.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $human,)+ }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.label())
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::error::Error;
            fn from_str(s: &str) -> $crate::error::Result<Self> {
                let wanted = s.trim();
                $name::ALL
                    .iter()
                    .copied()
                    .find(|v| v.as_str().eq_ignore_ascii_case(wanted) || v.label().eq_ignore_ascii_case(wanted))
                    .ok_or_else(|| {
                        let allowed: Vec<&str> = $name::ALL.iter().map(|v| v.as_str()).collect();
                        $crate::error::Error::validation(
                            $field,
                            format!("{} “{}” is not one of: {}.", $label, wanted, allowed.join(", ")),
                        )
                    })
            }
        }

        impl rusqlite::types::ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                Ok(rusqlite::types::ToSqlOutput::from(self.as_str()))
            }
        }

        impl rusqlite::types::FromSql for $name {
            fn column_result(value: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
                let text = value.as_str()?;
                $name::ALL
                    .iter()
                    .copied()
                    .find(|v| v.as_str() == text)
                    .ok_or_else(|| rusqlite::types::FromSqlError::Other(format!("unknown {} {text:?}", $label).into()))
            }
        }
    };
}
pub(crate) use vocabulary;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;

    #[test]
    fn names_are_trimmed_and_required() {
        assert_eq!(
            required_name("name", "Name", "  Platform  ").unwrap(),
            "Platform"
        );
        let err = required_name("name", "Name", " \t ").unwrap_err();
        assert!(
            matches!(err, Error::Validation { field: "name", .. }),
            "whitespace-only is empty"
        );
    }

    #[test]
    fn limits_count_characters_not_bytes() {
        let exactly = "é".repeat(NAME_MAX);
        assert!(
            required_name("name", "Name", &exactly).is_ok(),
            "200 two-byte chars fit"
        );
        let over = "a".repeat(NAME_MAX + 1);
        let err = required_name("name", "Name", &over).unwrap_err();
        assert_eq!(
            err.to_string(),
            "Name is 201 characters long; the limit is 200."
        );
        assert!(free_text("description", "Description", &"x".repeat(TEXT_MAX + 1)).is_err());
    }
}
