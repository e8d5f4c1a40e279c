//! `outward surveys`: survey rounds, and importing a form tool's export into one.

use crate::output::{print_list, to_json};
use chrono::Utc;
use clap::Subcommand;
use outward_core::db::Database;
use outward_core::error::{Error, Result};
use outward_core::metrics;
use outward_core::surveys::import::{self, ImportMapping};
use outward_core::surveys::{self, QuestionInput, QuestionKind, SurveyInput};
use outward_core::text::count;
use std::path::{Path, PathBuf};

#[derive(Subcommand)]
pub enum SurveyAction {
    /// Survey rounds, newest quarter first
    List {
        #[arg(long)]
        quarter: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Create a survey round
    Add {
        title: String,
        /// A quarter such as 2026-Q3
        #[arg(long)]
        quarter: String,
        /// How many it was sent to
        #[arg(long)]
        audience: Option<u32>,
        /// A score question measuring a metric, as METRIC=PROMPT (the metric by name or id);
        /// repeat for several
        #[arg(long = "score")]
        scores: Vec<String>,
        /// A free-text question; repeat for several
        #[arg(long = "comment")]
        comments: Vec<String>,
    },
    /// Import responses from a CSV or XLSX export into a survey: every row or none
    Import {
        file: PathBuf,
        /// The survey, by id
        #[arg(long)]
        survey: String,
        /// A JSON column mapping; without it, the one remembered for this file's header row,
        /// or one suggested from the headers
        #[arg(long)]
        mapping: Option<PathBuf>,
        /// Check the file and show what would be imported, writing nothing
        #[arg(long)]
        dry_run: bool,
        #[arg(long)]
        json: bool,
    },
}

fn read_file(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| Error::io(format!("reading {}", path.display()), e))
}

pub fn run(db: &Database, action: SurveyAction) -> Result<()> {
    match action {
        SurveyAction::List { quarter, json } => {
            let q = match quarter {
                Some(text) => Some(crate::metrics::quarter(db, Some(&text))?.key()),
                None => None,
            };
            let list = db.read(|c| surveys::list(c, q.as_deref()))?;
            print_list(json, &list, |s| {
                vec![
                    s.quarter.clone(),
                    s.title.clone(),
                    format!("{} responses", s.responses),
                    s.audience_size.map_or(String::new(), |a| format!("of {a}")),
                    s.id.to_string(),
                ]
            })
        }
        SurveyAction::Add {
            title,
            quarter,
            audience,
            scores,
            comments,
        } => {
            let survey = db.write(|tx| {
                let mut questions = Vec::new();
                for score in &scores {
                    let Some((metric, prompt)) = score.split_once('=') else {
                        return Err(Error::validation(
                            "score",
                            format!("“{score}”: write a score question as METRIC=PROMPT."),
                        ));
                    };
                    questions.push(QuestionInput {
                        prompt: prompt.into(),
                        kind: QuestionKind::Score,
                        metric_id: Some(metrics::find(tx, metric)?.id),
                        scale_min: None,
                        scale_max: None,
                    });
                }
                for prompt in &comments {
                    questions.push(QuestionInput {
                        prompt: prompt.clone(),
                        kind: QuestionKind::Comment,
                        metric_id: None,
                        scale_min: None,
                        scale_max: None,
                    });
                }
                let input = SurveyInput {
                    title,
                    quarter,
                    opened_on: None,
                    audience_size: audience,
                    team_id: None,
                    questions,
                };
                surveys::create(tx, &input, Utc::now())
            })?;
            println!(
                "Added survey “{}” for {} ({}).",
                survey.title, survey.quarter, survey.id
            );
            Ok(())
        }
        SurveyAction::Import {
            file,
            survey,
            mapping,
            dry_run,
            json,
        } => {
            let survey = survey.trim().parse().map_err(|_| {
                Error::validation("survey", format!("“{survey}” is not a survey id."))
            })?;
            let name = file
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let sheet = import::read(&read_file(&file)?, &name)?;
            let given: Option<ImportMapping> = match &mapping {
                Some(path) => Some(serde_json::from_slice(&read_file(path)?).map_err(|e| {
                    Error::validation("mapping", format!("{}: {e}", path.display()))
                })?),
                None => None,
            };
            let preview = db.read(|c| import::preview(c, survey, &sheet, given.as_ref()))?;
            if dry_run {
                if json {
                    println!("{}", to_json(&preview));
                } else {
                    println!(
                        "{} rows; mapping {}:",
                        preview.total_rows,
                        if preview.remembered {
                            "remembered"
                        } else if given.is_some() {
                            "given"
                        } else {
                            "suggested"
                        }
                    );
                    println!("{}", to_json(&preview.mapping));
                    for u in &preview.unmatched {
                        println!(
                            "unmatched team “{}”: {}",
                            u.team_label,
                            count(u.responses, "response", "responses")
                        );
                    }
                }
                return match preview.problem {
                    Some(problem) => Err(Error::validation("file", problem)),
                    None => {
                        if !json {
                            println!(
                                "{} responses would be imported; nothing was written.",
                                preview.responses
                            );
                        }
                        Ok(())
                    }
                };
            }
            if let Some(problem) = preview.problem {
                return Err(Error::validation("file", problem));
            }
            let done = db.write(|tx| {
                import::import(
                    tx,
                    survey,
                    &sheet,
                    &preview.mapping,
                    Utc::now(),
                    &mut |_| true,
                )
            })?;
            if json {
                println!("{}", to_json(&done));
            } else {
                println!(
                    "Imported {} responses ({} answers).",
                    done.responses, done.answers
                );
                for u in &done.unmatched {
                    println!(
                        "unmatched team “{}”: {}",
                        u.team_label,
                        count(u.responses, "response", "responses")
                    );
                }
            }
            Ok(())
        }
    }
}
