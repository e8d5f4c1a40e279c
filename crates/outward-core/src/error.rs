//! The one error type of the core, and the small serialisable report of it that the app and the
//! CLI show to people. Only the report's `kind` is meant to be branched on.

use serde::Serialize;
use std::path::PathBuf;
use ts_rs::TS;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Input that breaks a rule; `field` names the input field (camelCase, as on the wire).
    #[error("{message}")]
    Validation {
        field: &'static str,
        message: String,
    },
    #[error("no {entity} with id {id}")]
    NotFound { entity: &'static str, id: String },
    /// The request is valid on its own but clashes with what is stored.
    #[error("{message}")]
    Conflict {
        field: Option<&'static str>,
        message: String,
    },
    /// The database file cannot be used at all (not a database, damaged, unreadable).
    #[error("cannot open the database at {}: {reason}", path.display())]
    Unreadable { path: PathBuf, reason: String },
    #[error("{context}: {source}")]
    Io {
        context: String,
        source: std::io::Error,
    },
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
    #[error(transparent)]
    Migration(#[from] rusqlite_migration::Error),
}

impl Error {
    pub fn validation(field: &'static str, message: impl Into<String>) -> Self {
        Error::Validation {
            field,
            message: message.into(),
        }
    }

    pub fn conflict(field: Option<&'static str>, message: impl Into<String>) -> Self {
        Error::Conflict {
            field,
            message: message.into(),
        }
    }

    pub fn io(context: impl Into<String>, source: std::io::Error) -> Self {
        Error::Io {
            context: context.into(),
            source,
        }
    }

    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Validation { .. } => ErrorKind::Validation,
            Error::NotFound { .. } => ErrorKind::NotFound,
            Error::Conflict { .. } => ErrorKind::Conflict,
            _ => ErrorKind::Internal,
        }
    }

    pub fn field(&self) -> Option<&'static str> {
        match self {
            Error::Validation { field, .. } => Some(field),
            Error::Conflict { field, .. } => *field,
            _ => None,
        }
    }
}

/// The kinds a user interface acts on. Anything unexpected is `Internal`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ErrorKind {
    Validation,
    NotFound,
    Conflict,
    Internal,
}

impl ErrorKind {
    /// Every kind, for the user interface to recognise the app's own reports.
    pub const ALL: &'static [ErrorKind] = &[
        ErrorKind::Validation,
        ErrorKind::NotFound,
        ErrorKind::Conflict,
        ErrorKind::Internal,
    ];
}

/// What crosses to a user interface: `{ kind, message, field? }`. Internal errors carry a
/// generic message; their details belong in the log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ErrorReport {
    pub kind: ErrorKind,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub field: Option<String>,
}

impl From<&Error> for ErrorReport {
    fn from(error: &Error) -> Self {
        let kind = error.kind();
        let message = match kind {
            ErrorKind::Internal => {
                "Something went wrong while saving or reading your data. Details are in the log."
                    .to_owned()
            }
            _ => error.to_string(),
        };
        ErrorReport {
            kind,
            message,
            field: error.field().map(str::to_owned),
        }
    }
}
