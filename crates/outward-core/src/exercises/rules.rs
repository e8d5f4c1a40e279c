//! What makes an exercise runnable: at least one step, every timebox between a second and four
//! hours, a rating step with dimensions to rate, vote settings a person can follow, and text
//! bounded so the largest exercise still fits one reply to the app. Each failure names the
//! field and, for a step, which one ("Step 3 …", field `steps.2.timeboxSeconds`).

use super::{ExerciseInput, Step, StepKind};
use crate::error::{Error, Result};
use crate::text;

/// The longest a step may run: four hours.
pub const TIMEBOX_MAX_SECONDS: u32 = 4 * 60 * 60;
/// Most steps in one exercise.
pub const STEPS_MAX: usize = 20;
/// Longest purpose of an exercise.
pub const PURPOSE_MAX: usize = 600;
/// Longest idea an exercise teaches.
pub const IDEA_MAX: usize = 1_500;
/// Longest title of a step.
pub const TITLE_MAX: usize = 120;
/// Longest prompt the room sees.
pub const PROMPT_MAX: usize = 800;
/// Longest facilitator script of a step.
pub const SCRIPT_MAX: usize = 2_500;
/// Most dimensions a rating step rates.
pub const DIMENSIONS_MAX: usize = 10;
/// Longest name of a dimension.
pub const DIMENSION_MAX: usize = 60;
/// Most votes a dot-voting step can give one person.
pub const VOTES_MAX: u32 = 20;

/// Field names of a step's inputs, as the UI names them: `steps.<index>.<field>`. Fields of a
/// validation error are static, so the first [`STEPS_MAX`] steps' names are spelled out once.
fn step_field(index: usize, field: &'static str) -> &'static str {
    use std::collections::HashMap;
    use std::sync::{Mutex, OnceLock};
    static NAMES: OnceLock<Mutex<HashMap<(usize, &'static str), &'static str>>> = OnceLock::new();
    let names = NAMES.get_or_init(Default::default);
    let mut names = names.lock().unwrap_or_else(|e| e.into_inner());
    let index = index.min(STEPS_MAX);
    names
        .entry((index, field))
        .or_insert_with(|| Box::leak(format!("steps.{index}.{field}").into_boxed_str()))
}

/// `input` trimmed and checked: the exercise as it is stored. A non-rating step keeps no
/// dimensions (a step whose kind was changed away from rating drops them).
pub(crate) fn validated(input: &ExerciseInput) -> Result<ExerciseInput> {
    let name = text::required_name("name", "Exercise name", &input.name)?;
    let purpose = bounded("purpose", "Purpose", &input.purpose, PURPOSE_MAX)?;
    let idea = bounded("idea", "The idea it teaches", &input.idea, IDEA_MAX)?;
    if input.steps.is_empty() {
        return Err(Error::validation(
            "steps",
            "An exercise needs at least one step; add one before saving.",
        ));
    }
    if input.steps.len() > STEPS_MAX {
        return Err(Error::validation(
            "steps",
            format!(
                "An exercise has at most {STEPS_MAX} steps; this one has {}.",
                input.steps.len()
            ),
        ));
    }
    let steps = input
        .steps
        .iter()
        .enumerate()
        .map(|(index, step)| validated_step(index, step))
        .collect::<Result<_>>()?;
    Ok(ExerciseInput {
        name,
        purpose,
        idea,
        steps,
    })
}

fn validated_step(index: usize, step: &Step) -> Result<Step> {
    let n = index + 1;
    let field = |name| step_field(index, name);
    let title = text::required_name(field("title"), &format!("Step {n}'s title"), &step.title)?;
    let title = bounded(
        field("title"),
        &format!("Step {n}'s title"),
        &title,
        TITLE_MAX,
    )?;
    let named = |what: &str| format!("Step {n} (“{title}”) {what}");
    if step.timebox_seconds == 0 || step.timebox_seconds > TIMEBOX_MAX_SECONDS {
        return Err(Error::validation(
            field("timeboxSeconds"),
            named(&format!(
                "needs a timebox between 1 second and 4 hours; it has {}.",
                duration(step.timebox_seconds)
            )),
        ));
    }
    let prompt = bounded(field("prompt"), &named("prompt"), &step.prompt, PROMPT_MAX)?;
    let script = bounded(field("script"), &named("script"), &step.script, SCRIPT_MAX)?;
    let dimensions = if step.kind == StepKind::Rating {
        dimensions(field("dimensions"), &named(""), &step.dimensions)?
    } else {
        Vec::new()
    };
    if step.votes_per_person == 0 || step.votes_per_person > VOTES_MAX {
        return Err(Error::validation(
            field("votesPerPerson"),
            named(&format!(
                "gives each person between 1 and {VOTES_MAX} votes; it says {}.",
                step.votes_per_person
            )),
        ));
    }
    if step.max_votes_per_item == 0 || step.max_votes_per_item > step.votes_per_person {
        return Err(Error::validation(
            field("maxVotesPerItem"),
            named(&format!(
                "caps one person's votes on one item between 1 and their {} votes; it says {}.",
                step.votes_per_person, step.max_votes_per_item
            )),
        ));
    }
    Ok(Step {
        title,
        kind: step.kind,
        timebox_seconds: step.timebox_seconds,
        prompt,
        script,
        dimensions,
        votes_per_person: step.votes_per_person,
        max_votes_per_item: step.max_votes_per_item,
    })
}

/// A rating step's dimensions: at least one, each named once, single-line and bounded.
fn dimensions(field: &'static str, step: &str, given: &[String]) -> Result<Vec<String>> {
    let step = step.trim_end();
    if given.is_empty() {
        return Err(Error::validation(
            field,
            format!("{step} is a rating step: name at least one dimension to rate."),
        ));
    }
    if given.len() > DIMENSIONS_MAX {
        return Err(Error::validation(
            field,
            format!(
                "{step} rates {} dimensions; the limit is {DIMENSIONS_MAX}.",
                given.len()
            ),
        ));
    }
    let mut kept: Vec<String> = Vec::with_capacity(given.len());
    for (index, dimension) in given.iter().enumerate() {
        let label = format!("{step}: dimension {}", index + 1);
        let name = text::required_name(field, &label, dimension)?;
        let name = bounded(field, &label, &name, DIMENSION_MAX)?;
        if name.contains(['\n', '\r']) {
            return Err(Error::validation(
                field,
                format!("{label} is one line; it has a line break."),
            ));
        }
        if kept.iter().any(|k| k.to_lowercase() == name.to_lowercase()) {
            return Err(Error::validation(
                field,
                format!("{step} names the dimension “{name}” twice."),
            ));
        }
        kept.push(name);
    }
    Ok(kept)
}

/// Trimmed text of at most `max` characters.
fn bounded(field: &'static str, label: &str, value: &str, max: usize) -> Result<String> {
    let value = value.trim();
    let length = value.chars().count();
    if length > max {
        return Err(Error::validation(
            field,
            format!("{label} is {length} characters long; the limit is {max}."),
        ));
    }
    Ok(value.to_owned())
}

/// "0 seconds", "4 h 0 min 1 s": a timebox in words for messages.
fn duration(seconds: u32) -> String {
    match seconds {
        0 => "0 seconds".to_owned(),
        s if s % 60 == 0 && s < 3600 => format!("{} min", s / 60),
        s => {
            let (h, m, s) = (s / 3600, s % 3600 / 60, s % 60);
            let mut parts = Vec::new();
            if h > 0 {
                parts.push(format!("{h} h"));
            }
            if m > 0 {
                parts.push(format!("{m} min"));
            }
            if s > 0 {
                parts.push(format!("{s} s"));
            }
            parts.join(" ")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_as_people_say_them() {
        assert_eq!(duration(0), "0 seconds");
        assert_eq!(duration(300), "5 min");
        assert_eq!(duration(14_401), "4 h 1 s");
        assert_eq!(duration(5_400), "1 h 30 min");
    }

    #[test]
    fn step_fields_name_the_step_by_index() {
        assert_eq!(step_field(2, "timeboxSeconds"), "steps.2.timeboxSeconds");
        assert!(
            std::ptr::eq(step_field(2, "prompt"), step_field(2, "prompt")),
            "each field name is made once"
        );
    }
}
