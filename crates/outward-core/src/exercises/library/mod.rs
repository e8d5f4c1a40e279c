//! The built-in exercises: one TOML file each beside this module, compiled into the app and
//! read once. They are never stored, so a later version of the app can rewrite them freely;
//! a team's copies keep the slug they came from in `based_on`, nothing more. A test holds every
//! file to the rules a team's own copies must meet.

use super::{DEFAULT_MAX_VOTES_PER_ITEM, DEFAULT_VOTES_PER_PERSON, Exercise, Step, StepKind};
use serde::Deserialize;
use std::sync::OnceLock;

/// Every built-in's source, in the order the library offers them.
const SOURCES: &[(&str, &str)] = &[
    ("wins-and-kudos", include_str!("wins-and-kudos.toml")),
    (
        "who-are-our-customers",
        include_str!("who-are-our-customers.toml"),
    ),
    ("ticket-black-hole", include_str!("ticket-black-hole.toml")),
    (
        "who-answers-our-users",
        include_str!("who-answers-our-users.toml"),
    ),
    (
        "migration-from-the-customers-seat",
        include_str!("migration-from-the-customers-seat.toml"),
    ),
    (
        "what-do-we-celebrate",
        include_str!("what-do-we-celebrate.toml"),
    ),
    (
        "customer-empathy-practice",
        include_str!("customer-empathy-practice.toml"),
    ),
    (
        "product-mindset-self-assessment",
        include_str!("product-mindset-self-assessment.toml"),
    ),
    (
        "from-pain-to-commitments",
        include_str!("from-pain-to-commitments.toml"),
    ),
];

/// A built-in as its file spells it: timeboxes in minutes, vote settings only where they
/// differ from the defaults.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Source {
    name: String,
    purpose: String,
    idea: String,
    steps: Vec<SourceStep>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceStep {
    title: String,
    kind: StepKind,
    minutes: u32,
    prompt: String,
    script: String,
    #[serde(default)]
    dimensions: Vec<String>,
    votes_per_person: Option<u32>,
    max_votes_per_item: Option<u32>,
}

fn parse(slug: &str, toml_text: &str) -> Result<Exercise, String> {
    let source: Source =
        toml::from_str(toml_text).map_err(|e| format!("built-in exercise {slug}: {e}"))?;
    let steps: Vec<Step> = source
        .steps
        .into_iter()
        .map(|s| Step {
            title: s.title.trim().to_owned(),
            kind: s.kind,
            timebox_seconds: s.minutes * 60,
            prompt: s.prompt.trim().to_owned(),
            script: s.script.trim().to_owned(),
            dimensions: s.dimensions,
            votes_per_person: s.votes_per_person.unwrap_or(DEFAULT_VOTES_PER_PERSON),
            max_votes_per_item: s.max_votes_per_item.unwrap_or(DEFAULT_MAX_VOTES_PER_ITEM),
        })
        .collect();
    Ok(Exercise {
        id: slug.to_owned(),
        built_in: true,
        name: source.name.trim().to_owned(),
        purpose: source.purpose.trim().to_owned(),
        idea: source.idea.trim().to_owned(),
        total_seconds: super::total_seconds(&steps),
        steps,
        based_on: None,
        updated_at: None,
    })
}

/// Every built-in exercise, in the library's order.
pub fn all() -> &'static [Exercise] {
    static LIBRARY: OnceLock<Vec<Exercise>> = OnceLock::new();
    LIBRARY.get_or_init(|| {
        SOURCES
            .iter()
            .map(|(slug, text)| {
                // The test below parses and checks every file, so this cannot fail in a build
                // whose tests pass.
                parse(slug, text).unwrap_or_else(|e| panic!("{e}"))
            })
            .collect()
    })
}

/// The built-in with this slug.
pub fn find(slug: &str) -> Option<&'static Exercise> {
    all().iter().find(|e| e.id == slug.trim())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exercises::rules;
    use std::collections::HashSet;

    #[test]
    fn every_built_in_parses_and_meets_the_rules_of_a_copy() {
        for (slug, text) in SOURCES {
            let exercise = parse(slug, text).unwrap_or_else(|e| panic!("{e}"));
            let input = exercise.to_input();
            let checked = rules::validated(&input)
                .unwrap_or_else(|e| panic!("built-in {slug} breaks a rule: {e}"));
            assert_eq!(
                checked, input,
                "built-in {slug} is stored exactly as a copy of it would be"
            );
        }
    }

    #[test]
    fn slugs_are_unique_stable_words_and_names_unique() {
        let slugs: HashSet<&str> = SOURCES.iter().map(|(slug, _)| *slug).collect();
        assert_eq!(slugs.len(), SOURCES.len(), "every slug is unique");
        for slug in &slugs {
            assert!(
                slug.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "slug {slug} is lowercase words and hyphens, never mistaken for a copy's id"
            );
        }
        let names: HashSet<String> = all().iter().map(|e| e.name.to_lowercase()).collect();
        assert_eq!(names.len(), all().len(), "every built-in has its own name");
    }

    #[test]
    fn the_library_holds_what_a_facilitator_needs() {
        assert!(all().len() >= 9, "at least nine built-ins");
        for exercise in all() {
            assert!(
                exercise.steps.len() >= 3,
                "{} has a beginning, a middle and an end",
                exercise.id
            );
            assert!(
                !exercise.purpose.is_empty() && !exercise.idea.is_empty(),
                "{} says what it is for and what it teaches",
                exercise.id
            );
            for step in &exercise.steps {
                assert!(
                    step.prompt.len() >= 20 && step.script.len() >= 120,
                    "{} step “{}” has a prompt for the room and a real script",
                    exercise.id,
                    step.title
                );
            }
        }
        let assessment = find("product-mindset-self-assessment").expect("the self-assessment");
        let rating = assessment
            .steps
            .iter()
            .find(|s| s.kind == StepKind::Rating)
            .expect("a rating step");
        for dimension in [
            "Portfolio over silos",
            "Usability over process",
            "Customers over technology",
        ] {
            assert!(
                rating.dimensions.iter().any(|d| d == dimension),
                "the self-assessment rates {dimension}"
            );
        }
    }
}
