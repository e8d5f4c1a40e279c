//! The front matter of one interview file: `key: value` lines of YAML between two `---` lines,
//! then the notes. Every problem names the file and the line.

use super::{ImportedInterview, problem};
use crate::error::Result;
use crate::interviews::{
    InterviewKind, check_duration, check_interviewees, check_notes, parse_date,
};
use crate::text;
use std::path::Path;
use yaml_rust2::{Yaml, YamlLoader};

/// Parses one file's text; `path` only names it in messages.
pub fn parse(path: &Path, text: &str) -> Result<ImportedInterview> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.split_inclusive('\n');
    if lines.next().map(str::trim_end) != Some("---") {
        return Err(problem(
            path,
            1,
            "the file does not start with front matter (a line `---`)",
        ));
    }
    let mut front = String::new();
    let mut closed_at = None;
    for (index, line) in lines.by_ref().enumerate() {
        if line.trim_end() == "---" {
            closed_at = Some(index + 2);
            break;
        }
        front.push_str(line);
    }
    let Some(closing_line) = closed_at else {
        return Err(problem(
            path,
            1,
            "the front matter is never closed with a line `---`",
        ));
    };
    let notes: String = lines
        .collect::<String>()
        .trim_start_matches(['\n', '\r'])
        .to_owned();
    let docs = YamlLoader::load_from_str(&front).map_err(|e| {
        problem(
            path,
            e.marker().line() + 1,
            format!("the front matter is not valid YAML ({})", e.info()),
        )
    })?;
    let meta = docs.into_iter().next().unwrap_or(Yaml::Null);
    if !matches!(meta, Yaml::Hash(_)) {
        return Err(problem(
            path,
            2,
            "the front matter must be `key: value` lines",
        ));
    }
    let line_of = |key: &str| {
        front
            .lines()
            .position(|l| l.trim_start().starts_with(&format!("{key}:")))
            .map_or(2, |i| i + 2)
    };
    let field = |key: &str| -> Option<String> { scalar(&meta[key]) };

    let date = field("date").ok_or_else(|| problem(path, 2, "`date:` is missing"))?;
    let held_on = parse_date("date", &date).map_err(|_| {
        problem(
            path,
            line_of("date"),
            format!("the date “{date}” is not in the form 2026-03-14"),
        )
    })?;
    let customer = field("customer")
        .filter(|c| !c.trim().is_empty())
        .ok_or_else(|| problem(path, 2, "`customer:` is missing"))?;
    // Checked here, not only when importing, so a preview shows every problem the import would
    // meet and its summary stays small.
    let customer = text::required_name("customer", "The customer's name", &customer)
        .map_err(|e| problem(path, line_of("customer"), e))?;
    let interviewees = check_interviewees(&list(&meta["interviewees"]).join(", "))
        .map_err(|e| problem(path, line_of("interviewees"), e))?;
    let kind = match field("kind") {
        Some(kind) => kind
            .parse::<InterviewKind>()
            .map_err(|e| problem(path, line_of("kind"), e))?,
        None => InterviewKind::Interview,
    };
    let duration_minutes = match field("duration") {
        Some(d) => Some(d.trim().parse::<u32>().map_err(|_| {
            problem(
                path,
                line_of("duration"),
                format!("the duration “{d}” is not a number of minutes"),
            )
        })?),
        None => None,
    };
    check_duration(duration_minutes).map_err(|e| problem(path, line_of("duration"), e))?;
    check_notes(&notes).map_err(|e| problem(path, closing_line + 1, e))?;
    Ok(ImportedInterview {
        file: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        held_on,
        customer,
        kind,
        interviewees,
        tags: list(&meta["tags"]),
        duration_minutes,
        notes,
    })
}

/// A YAML scalar as text.
fn scalar(value: &Yaml) -> Option<String> {
    match value {
        Yaml::String(s) | Yaml::Real(s) => Some(s.clone()),
        Yaml::Integer(i) => Some(i.to_string()),
        Yaml::Boolean(b) => Some(b.to_string()),
        _ => None,
    }
}

/// A YAML list, or a comma-separated scalar, as trimmed non-empty strings.
fn list(value: &Yaml) -> Vec<String> {
    let items: Vec<String> = match value {
        Yaml::Array(items) => items.iter().filter_map(scalar).collect(),
        other => scalar(other)
            .map(|s| s.split(',').map(str::to_owned).collect())
            .unwrap_or_default(),
    };
    items
        .into_iter()
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn parse_str(text: &str) -> Result<ImportedInterview> {
        parse(Path::new("call.md"), text)
    }

    #[test]
    fn front_matter_and_notes_are_read() {
        let text = "---\ndate: 2026-03-14\ncustomer: Payments\ninterviewees: [Lena (TL), Ravi]\ntags: ci, onboarding\nkind: support conversation\nduration: 45\n---\n\n# Notes\nSlow CI.\n";
        let got = parse_str(text).unwrap();
        assert_eq!(got.held_on, NaiveDate::from_ymd_opt(2026, 3, 14).unwrap());
        assert_eq!(got.customer, "Payments");
        assert_eq!(got.interviewees, "Lena (TL), Ravi");
        assert_eq!(got.tags, ["ci", "onboarding"]);
        assert_eq!(got.kind, InterviewKind::SupportConversation);
        assert_eq!(got.duration_minutes, Some(45));
        assert_eq!(got.notes, "# Notes\nSlow CI.\n");
    }

    #[test]
    fn problems_name_the_file_and_line() {
        let long_customer = format!(
            "---\ndate: 2026-03-14\ncustomer: {}\n---\n",
            "P".repeat(201)
        );
        let cases = [
            (
                "no front matter",
                "Just notes",
                "call.md, line 1: the file does not start",
            ),
            (
                "unclosed",
                "---\ndate: 2026-03-14\n",
                "line 1: the front matter is never closed",
            ),
            (
                "bad date",
                "---\ncustomer: P\ndate: 14/03/2026\n---\n",
                "call.md, line 3: the date “14/03/2026”",
            ),
            (
                "bad yaml",
                "---\ndate: [2026\ncustomer: P\n---\n",
                "call.md, line",
            ),
            (
                "no customer",
                "---\ndate: 2026-03-14\n---\n",
                "`customer:` is missing",
            ),
            (
                "long customer",
                long_customer.as_str(),
                "call.md, line 3: The customer's name is 201 characters long",
            ),
            (
                "day-long call",
                "---\ndate: 2026-03-14\ncustomer: P\nduration: 1500\n---\n",
                "call.md, line 4: A conversation of 1500 minutes",
            ),
            (
                "bad kind",
                "---\ndate: 2026-03-14\ncustomer: P\nkind: chat\n---\n",
                "line 4: Kind “chat”",
            ),
        ];
        for (name, text, expected) in cases {
            let err = parse_str(text).unwrap_err().to_string();
            assert!(err.contains(expected), "{name}: {err}");
        }
    }
}
