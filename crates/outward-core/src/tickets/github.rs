//! GitHub issues exported as JSON — `gh issue list --json number,title,state,createdAt,closedAt,
//! labels,author,comments,url` or the REST API's list of issues — read as a table with the
//! columns the mapping names, so they import like any CSV export. The first response is the
//! earliest comment by someone other than the issue's author (the REST list carries no
//! comments, so there it stays empty); pull requests in a REST list are left out.

use crate::error::{Error, Result};
use crate::surveys::import::{Sheet, SheetRow};
use serde_json::Value;

pub const HEADERS: [&str; 8] = [
    "key",
    "title",
    "state",
    "createdAt",
    "firstResponseAt",
    "closedAt",
    "labels",
    "author",
];

fn text(v: Option<&Value>) -> String {
    match v {
        Some(Value::String(s)) => s.trim().to_owned(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

fn field<'a>(issue: &'a Value, names: &[&str]) -> Option<&'a Value> {
    names.iter().find_map(|n| issue.get(*n))
}

fn login(v: Option<&Value>) -> String {
    text(v.and_then(|a| a.get("login")))
}

/// `owner/repo#12` from the issue's address, or `#12` when it has none.
fn key(issue: &Value) -> String {
    let number = text(issue.get("number"));
    let url = text(field(issue, &["html_url", "url"]));
    let repo = url
        .split("/issues/")
        .next()
        .filter(|_| url.contains("/issues/"))
        .and_then(|base| {
            let parts: Vec<&str> = base.trim_end_matches('/').rsplit('/').take(2).collect();
            (parts.len() == 2).then(|| format!("{}/{}", parts[1], parts[0]))
        });
    match repo {
        Some(repo) if !number.is_empty() => format!("{repo}#{number}"),
        _ if !number.is_empty() => format!("#{number}"),
        _ => String::new(),
    }
}

fn first_response(issue: &Value, author: &str) -> String {
    let Some(Value::Array(comments)) = issue.get("comments") else {
        return String::new();
    };
    comments
        .iter()
        .filter(|c| {
            let by = login(field(c, &["author", "user"]));
            by.is_empty() || !by.eq_ignore_ascii_case(author)
        })
        .map(|c| text(field(c, &["createdAt", "created_at"])))
        .filter(|t| !t.is_empty())
        .min()
        .unwrap_or_default()
}

/// Reads the issues of `bytes`, a JSON array (or an object with an `items` array, as the
/// search API gives).
pub fn read(bytes: &[u8], name: &str) -> Result<Sheet> {
    let value: Value = serde_json::from_slice(bytes).map_err(|e| {
        Error::validation(
            "file",
            format!(
                "{name} is not readable JSON: line {}, column {}: {e}.",
                e.line(),
                e.column()
            ),
        )
    })?;
    let items = match &value {
        Value::Array(items) => items,
        Value::Object(o) => match o.get("items") {
            Some(Value::Array(items)) => items,
            _ => {
                return Err(Error::validation(
                    "file",
                    format!("{name} is JSON but not a list of issues."),
                ));
            }
        },
        _ => {
            return Err(Error::validation(
                "file",
                format!("{name} is JSON but not a list of issues."),
            ));
        }
    };
    let mut rows = Vec::with_capacity(items.len());
    for (index, issue) in items.iter().enumerate() {
        let number = index as u64 + 1;
        if !issue.is_object() {
            return Err(Error::validation(
                "file",
                format!("Issue {number} of {name} is not an object."),
            ));
        }
        if issue.get("pull_request").is_some() {
            continue;
        }
        let author = login(field(issue, &["author", "user"]));
        let labels = match issue.get("labels") {
            Some(Value::Array(labels)) => labels
                .iter()
                .map(|l| match l {
                    Value::String(s) => s.clone(),
                    other => text(other.get("name")),
                })
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join(", "),
            _ => String::new(),
        };
        let cells = vec![
            key(issue),
            text(issue.get("title")),
            text(issue.get("state")).to_lowercase(),
            text(field(issue, &["createdAt", "created_at"])),
            first_response(issue, &author),
            text(field(issue, &["closedAt", "closed_at"])),
            labels,
            author,
        ];
        rows.push(SheetRow { number, cells });
    }
    Ok(Sheet {
        headers: HEADERS.iter().map(|h| (*h).to_owned()).collect(),
        rows,
        place: "Issue",
        note: None,
    })
}
