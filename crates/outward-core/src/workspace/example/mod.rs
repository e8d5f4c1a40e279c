//! The example workspace: one platform team with its people, products and the internal teams it
//! serves. Hand-written so a first-time user meets a believable organisation.
//!
//! One file per feature. A record names the records it refers to (an interview names its
//! customer "Payments" and its interviewers "Priya Raman"), and loading resolves each name to the
//! id of the record created under it, so a misspelt name stops the load and says which.

mod commitments;
mod conversations;
mod customers;
mod hiring;
mod migrations;
mod organisation;
mod pain_points;
mod rota;
mod surveys;
mod tickets;
mod workshops;

use crate::customers::CustomerInput;
use crate::error::{Error, Result};
use crate::id::Id;
use crate::interviews::{self, InterviewInput, highlights};
use crate::pain_points::{PainPointInput, Status};
use crate::people::PersonInput;
use crate::products::ProductInput;
use crate::teams::TeamInput;
use chrono::{DateTime, Utc};
use rusqlite::Transaction;
use std::collections::HashMap;

/// The ids of the records created so far, by the name the example gives them.
struct Names {
    kind: &'static str,
    ids: HashMap<&'static str, Id>,
}

impl Names {
    fn of(kind: &'static str) -> Self {
        Names {
            kind,
            ids: HashMap::new(),
        }
    }

    fn add(&mut self, name: &'static str, id: Id) {
        self.ids.insert(name, id);
    }

    fn id(&self, name: &str) -> Result<Id> {
        self.ids.get(name).copied().ok_or_else(|| {
            Error::validation(
                "example",
                format!(
                    "the example names the {} “{name}”, which it does not hold",
                    self.kind
                ),
            )
        })
    }

    fn ids(&self, names: &[&str]) -> Result<Vec<Id>> {
        names.iter().map(|name| self.id(name)).collect()
    }
}

pub(super) fn load(tx: &Transaction<'_>, now: DateTime<Utc>) -> Result<()> {
    let team = crate::teams::create(
        tx,
        &TeamInput {
            name: organisation::TEAM.name.into(),
            description: organisation::TEAM.description.into(),
        },
        now,
    )?;
    let mut people = Names::of("person");
    for person in organisation::PEOPLE {
        let input = PersonInput {
            team_id: team.id,
            name: person.name.into(),
            role: person.role.into(),
            level: person.level,
        };
        people.add(person.name, crate::people::create(tx, &input, now)?.id);
    }
    let mut products = Names::of("product");
    for product in organisation::PRODUCTS {
        let input = ProductInput {
            team_id: team.id,
            name: product.name.into(),
            stage: product.stage,
            description: product.description.into(),
        };
        products.add(product.name, crate::products::create(tx, &input, now)?.id);
    }
    let mut customers = Names::of("customer");
    for customer in customers::CUSTOMERS {
        let input = CustomerInput {
            name: customer.name.into(),
            department: customer.department.into(),
            size: Some(customer.size),
            contacts: customer.contacts.into(),
            product_ids: products.ids(customer.uses)?,
        };
        customers.add(customer.name, crate::customers::create(tx, &input, now)?.id);
    }
    let conversations = conversations(tx, &customers, &people, now)?;
    pain_points(tx, &conversations, &people, now)?;
    surveys::load(tx, team.id, &customers, now)?;
    tickets::load(tx, now)?;
    rota::load(tx, team.id, &people, &customers, &products, now)?;
    hiring::load(tx, now)?;
    workshop(tx, team.id, &people, now)?;
    commitments::load(tx, &people, now)?;
    migrations::load(tx, &products, &customers, now)
}

/// Runs the team's workshop from its plan to its decisions, through the same rules the app
/// uses, at the minutes `workshops::STEP_STARTS` gives.
fn workshop(tx: &Transaction<'_>, team: Id, people: &Names, now: DateTime<Utc>) -> Result<()> {
    use crate::exercises::{self, ExerciseInput, Step};
    use crate::workshops::{self as run_of, cards, groups, ratings, run, votes};
    use workshops::*;

    let copy = exercises::duplicate(tx, BASED_ON, now)?;
    let mut steps = copy.steps.clone();
    let decision = steps
        .iter()
        .position(|s| s.kind == crate::exercises::StepKind::Decision)
        .unwrap_or(steps.len());
    steps.insert(
        decision,
        Step {
            title: RATING_STEP.into(),
            kind: crate::exercises::StepKind::Rating,
            timebox_seconds: 6 * 60,
            prompt: RATING_PROMPT.into(),
            script: "Everyone rates both lines; read the spread aloud before the mean.".into(),
            dimensions: DIMENSIONS.iter().map(|d| (*d).to_owned()).collect(),
            votes_per_person: exercises::DEFAULT_VOTES_PER_PERSON,
            max_votes_per_item: exercises::DEFAULT_MAX_VOTES_PER_ITEM,
        },
    );
    let input = ExerciseInput {
        name: COPY_NAME.into(),
        purpose: copy.purpose.clone(),
        idea: copy.idea.clone(),
        steps,
    };
    let exercise = exercises::save(tx, &copy.id, &input, now)?;
    let kinds: Vec<_> = exercise.steps.iter().map(|s| s.kind).collect();
    let planned: Vec<_> = STEP_STARTS.iter().map(|(kind, _)| *kind).collect();
    if kinds != planned {
        return Err(Error::validation(
            "example",
            format!(
                "the example's workshop runs the steps {planned:?}, its exercise has {kinds:?}"
            ),
        ));
    }

    let held_on = now.date_naive() - chrono::Duration::days(DAYS_AGO);
    let start = held_on.and_time(run_of::parse_start(STARTS_AT)?).and_utc();
    let at = |minutes: i64| start + chrono::Duration::minutes(minutes);
    let plan = run_of::PlanInput {
        exercise_id: exercise.id.clone(),
        team_id: team,
        held_on,
        starts_at: STARTS_AT.into(),
        facilitator_id: people.id(FACILITATOR)?,
        participant_ids: people.ids(PARTICIPANTS)?,
    };
    let workshop = run_of::plan(tx, &plan, at(-3 * 24 * 60))?.id;
    run::start(tx, workshop, at(0))?;

    let mut cards_by_text = Names::of("card");
    let mut groups_by_name = Names::of("group");
    for (position, (kind, minute)) in STEP_STARTS.iter().enumerate() {
        run::go_to(tx, workshop, position as u32, at(*minute))?;
        match kind {
            crate::exercises::StepKind::SilentWriting => {
                for (index, text) in CARDS.iter().enumerate() {
                    let input = cards::CardInput {
                        text: (*text).into(),
                        author_id: None,
                    };
                    let card = cards::add(tx, workshop, &input, at(minute + 1 + index as i64))?;
                    cards_by_text.add(text, card.id);
                }
            }
            crate::exercises::StepKind::Grouping => {
                let (name, members) = GROUP;
                let ids = cards_by_text.ids(members)?;
                let group = groups::create(tx, workshop, name, &ids, at(minute + 4))?;
                groups_by_name.add(name, group.id);
            }
            crate::exercises::StepKind::DotVoting => {
                for (person, dots) in VOTES {
                    let ballot = dots
                        .iter()
                        .map(|(item, count)| {
                            let group = groups_by_name.ids.get(item).copied();
                            let card = match group {
                                Some(_) => None,
                                None => Some(cards_by_text.id(item)?),
                            };
                            Ok(votes::VoteInput {
                                card_id: card,
                                group_id: group,
                                count: *count,
                            })
                        })
                        .collect::<Result<Vec<_>>>()?;
                    votes::cast(tx, workshop, people.id(person)?, &ballot, at(minute + 3))?;
                }
            }
            crate::exercises::StepKind::Rating => {
                for (person, scores) in RATINGS {
                    let input = ratings::RatingInput {
                        person_id: Some(people.id(person)?),
                        scores: DIMENSIONS
                            .iter()
                            .zip(scores)
                            .map(|(dimension, score)| ratings::Score {
                                dimension: (*dimension).into(),
                                score: *score,
                            })
                            .collect(),
                    };
                    ratings::rate(tx, workshop, &input, at(minute + 2))?;
                }
            }
            crate::exercises::StepKind::Decision => {
                decide(
                    tx,
                    workshop,
                    team,
                    people,
                    &cards_by_text,
                    &groups_by_name,
                    at(minute + 5),
                )?;
            }
            _ => {}
        }
    }
    run::finish(tx, workshop, at(FINISHED_AFTER))
}

/// The room's three decisions: its group into a pain point, a card into an action item, and a
/// card into kudos.
fn decide(
    tx: &Transaction<'_>,
    workshop: Id,
    team: Id,
    people: &Names,
    cards: &Names,
    groups: &Names,
    now: DateTime<Utc>,
) -> Result<()> {
    use crate::outcomes::{self, DecisionSource};
    use workshops::{ACTION, GROUP, KUDOS, PAIN};

    let (title, description, severity, frequency) = PAIN;
    let pain = PainPointInput {
        title: title.into(),
        description: description.into(),
        severity,
        frequency,
        product_ids: Vec::new(),
        customer_ids: Vec::new(),
        tags: Vec::new(),
    };
    let from_group = DecisionSource::Group(groups.id(GROUP.0)?);
    let by = Some(people.id(pain_points::FILED_BY)?);
    outcomes::decide_pain_point(tx, workshop, from_group, &pain, by, now)?;

    let (card, title, owner, due_in) = ACTION;
    let action = crate::action_items::ActionItemInput {
        title: title.into(),
        team_id: team,
        owner_id: people.id(owner)?,
        due_on: now.date_naive() + chrono::Duration::days(due_in),
    };
    let from_card = DecisionSource::Card(cards.id(card)?);
    outcomes::decide_action_item(tx, workshop, from_card, &action, now)?;

    let (card, from, to, message) = KUDOS;
    let kudos = crate::kudos::KudosInput {
        from_person_id: people.id(from)?,
        to_person_id: Some(people.id(to)?),
        to_team_id: None,
        message: message.into(),
        given_on: None,
        pain_point_id: None,
        customer_id: None,
        kind: Default::default(),
        commitment_id: None,
    };
    outcomes::decide_kudos(
        tx,
        workshop,
        DecisionSource::Card(cards.id(card)?),
        &kudos,
        now,
    )?;
    Ok(())
}

/// Creates the conversations; returns their ids by name.
fn conversations(
    tx: &Transaction<'_>,
    customers: &Names,
    people: &Names,
    now: DateTime<Utc>,
) -> Result<Names> {
    let mut created = Names::of("conversation");
    for conversation in conversations::CONVERSATIONS {
        let input = InterviewInput {
            customer_id: customers.id(conversation.customer)?,
            held_on: now.date_naive() - chrono::Duration::days(conversation.days_ago),
            kind: conversation.kind,
            interviewees: conversation.interviewees.into(),
            interviewer_ids: people.ids(conversation.interviewers)?,
            duration_minutes: Some(conversation.minutes),
            tags: conversation.tags.iter().map(|t| (*t).to_owned()).collect(),
            notes: conversation.notes.into(),
        };
        created.add(conversation.name, interviews::create(tx, &input, now)?.id);
    }
    Ok(created)
}

/// Files the pain points, sets their status and marks their quotes in the conversations.
fn pain_points(
    tx: &Transaction<'_>,
    conversations: &Names,
    people: &Names,
    now: DateTime<Utc>,
) -> Result<()> {
    let filed_by = people.id(pain_points::FILED_BY)?;
    for pain in pain_points::PAINS {
        let input = PainPointInput {
            title: pain.title.into(),
            description: pain.description.into(),
            severity: pain.severity,
            frequency: pain.frequency,
            product_ids: Vec::new(),
            customer_ids: Vec::new(),
            tags: pain.themes.iter().map(|t| (*t).to_owned()).collect(),
        };
        let pain_point = crate::pain_points::create(tx, &input, Some(filed_by), now)?.id;
        if pain.status != Status::New {
            crate::pain_points::set_status(tx, pain_point, pain.status, Some(filed_by), now)?;
        }
        for (conversation, passage) in pain.evidence {
            let interview = conversations.id(conversation)?;
            let notes = notes_of(conversation)?;
            let (start, end) = utf16_span(notes, passage)?;
            highlights::mark(tx, interview, start, end, pain_point, now)?;
        }
    }
    Ok(())
}

/// The notes of the conversation named `name`.
fn notes_of(name: &str) -> Result<&'static str> {
    conversations::CONVERSATIONS
        .iter()
        .find(|c| c.name == name)
        .map(|c| c.notes)
        .ok_or_else(|| Error::validation("example", format!("no conversation is named “{name}”")))
}

/// Where `passage` stands in `notes`, in the UTF-16 units highlights use.
fn utf16_span(notes: &str, passage: &str) -> Result<(u32, u32)> {
    let byte = notes.find(passage).ok_or_else(|| {
        crate::error::Error::validation(
            "notes",
            format!("the example quotes “{passage}”, which its notes lack"),
        )
    })?;
    let start = notes[..byte].encode_utf16().count() as u32;
    Ok((start, start + passage.encode_utf16().count() as u32))
}

#[cfg(test)]
mod tests {
    use crate::db::Database;
    use crate::interviews;
    use crate::testing::now;
    use pulldown_cmark::{Event, Parser, Tag};

    /// The notes of every example interview, read back from the database the example was
    /// loaded into.
    fn stored_notes() -> Vec<String> {
        let dir = tempfile::tempdir().unwrap();
        let db = Database::open(&dir.path().join("example.db"), now()).unwrap();
        db.write(|tx| super::super::load_example(tx, now()))
            .unwrap();
        db.read(|c| {
            let page = interviews::list(c, &Default::default(), Default::default())?;
            page.items
                .iter()
                .map(|summary| Ok(interviews::get(c, summary.id)?.notes))
                .collect()
        })
        .unwrap()
    }

    #[test]
    fn a_name_the_example_does_not_hold_stops_the_load_and_says_which() {
        let mut people = super::Names::of("person");
        people.add("Maya Okafor", crate::id::Id::at(now()));
        let err = people.ids(&["Maya Okafor", "Maya Okafur"]).unwrap_err();
        assert!(
            matches!(err, crate::error::Error::Validation { .. }),
            "{err:?}"
        );
        assert!(
            err.to_string().contains("the person “Maya Okafur”"),
            "the message names the kind and the misspelt name: {err}"
        );
    }

    #[test]
    fn the_example_notes_render_as_prose_and_lists_never_as_code() {
        let notes = stored_notes();
        assert_eq!(
            notes.len(),
            super::conversations::CONVERSATIONS.len(),
            "every conversation was stored"
        );
        let mut lists = 0;
        for note in &notes {
            let events: Vec<Event<'_>> = Parser::new(note).collect();
            let title = note.lines().next().unwrap_or_default();
            assert!(
                !events
                    .iter()
                    .any(|e| matches!(e, Event::Start(Tag::CodeBlock(_)))),
                "“{title}” renders no code block: a new user reads these notes as prose"
            );
            assert!(
                events
                    .iter()
                    .any(|e| matches!(e, Event::Start(Tag::Paragraph))),
                "“{title}” has paragraphs"
            );
            assert!(
                events
                    .iter()
                    .any(|e| matches!(e, Event::Start(Tag::Strong))),
                "“{title}” shows its key sentence in bold"
            );
            assert!(
                !events
                    .iter()
                    .any(|e| matches!(e, Event::Text(t) if t.contains("**"))),
                "“{title}” shows no literal Markdown markers"
            );
            lists += events
                .iter()
                .filter(|e| matches!(e, Event::Start(Tag::List(_))))
                .count();
        }
        assert!(lists > 0, "the example notes show a list somewhere");
    }
}
