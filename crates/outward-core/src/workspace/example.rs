//! The example workspace: one platform team with its people, products and the internal teams it
//! serves. Hand-written so a first-time user meets a believable organisation.

use crate::customers::{self, CustomerInput};
use crate::error::Result;
use crate::id::Id;
use crate::interviews::{self, InterviewInput, InterviewKind, highlights};
use crate::pain_points::{self, Frequency, PainPointInput, Status};
use crate::people::{self, Level, PersonInput};
use crate::products::{self, ProductInput, Stage};
use crate::teams::{self, TeamInput};
use chrono::{DateTime, Utc};
use rusqlite::Transaction;

const PEOPLE: &[(&str, &str, Level)] = &[
    ("Maya Okafor", "Engineering manager", Level::Senior),
    ("Tomás Ferreira", "Principal engineer", Level::Principal),
    ("Priya Raman", "Staff engineer", Level::Staff),
    (
        "Jonas Lindqvist",
        "Site reliability engineer",
        Level::Senior,
    ),
    ("Aiko Tanaka", "Software engineer", Level::Mid),
    ("Sam Whitfield", "Software engineer", Level::Junior),
];

const PRODUCTS: &[(&str, Stage, &str)] = &[
    (
        "Build & CI",
        Stage::GenerallyAvailable,
        "Hosted build runners, shared pipeline templates and the build cache every service uses.",
    ),
    (
        "Managed Postgres",
        Stage::GenerallyAvailable,
        "Self-service Postgres clusters with backups, failover and connection pooling.",
    ),
    (
        "Deploy pipeline",
        Stage::Incubating,
        "Progressive delivery to production: canaries, automatic rollback, deploy windows.",
    ),
    (
        "Legacy VM images",
        Stage::Deprecated,
        "Hardened VM images for services not yet on containers. Replaced by the deploy pipeline.",
    ),
];

/// Customer teams: name, department, headcount, contacts, and indexes into `PRODUCTS`.
const CUSTOMERS: &[(&str, &str, u32, &str, &[usize])] = &[
    (
        "Payments",
        "Commerce",
        14,
        "Lena Brandt (tech lead)\n#payments-eng",
        &[0, 1, 2],
    ),
    ("Checkout", "Commerce", 9, "Ravi Shah (EM)", &[0, 2]),
    (
        "Search & Discovery",
        "Product",
        11,
        "Chloé Martin (staff engineer)",
        &[0, 1],
    ),
    (
        "Data Platform",
        "Data",
        16,
        "Kwame Mensah (EM)\n#data-platform",
        &[0, 1, 3],
    ),
    ("Mobile Apps", "Product", 12, "Hana Kim (mobile lead)", &[0]),
    (
        "Risk & Fraud",
        "Finance",
        6,
        "Diego Alvarez (tech lead)",
        &[1, 3],
    ),
];

/// Conversations: customer index, days ago, kind, who was spoken to, interviewer indexes into
/// `PEOPLE`, minutes, tags, notes. The notes are Markdown files in `example/`, written as a person
/// types them (no indentation, one line per paragraph), so the UI's tests render the same text.
type Conversation = (
    usize,
    i64,
    InterviewKind,
    &'static str,
    &'static [usize],
    u32,
    &'static [&'static str],
    &'static str,
);

const CONVERSATIONS: &[Conversation] = &[
    (
        0,
        9,
        InterviewKind::Interview,
        "Lena Brandt (tech lead), two engineers",
        &[2, 4],
        45,
        &["ci", "onboarding"],
        include_str!("example/payments-check-in.md"),
    ),
    (
        1,
        23,
        InterviewKind::SupportConversation,
        "Ravi Shah (EM)",
        &[5],
        20,
        &["deploys"],
        include_str!("example/checkout-stuck-deploy.md"),
    ),
    (
        3,
        51,
        InterviewKind::Shadowing,
        "Kwame Mensah (EM), Aisha (data engineer)",
        &[1, 3],
        90,
        &["migrations", "ci"],
        include_str!("example/data-platform-migration-day.md"),
    ),
    (
        5,
        130,
        InterviewKind::OfficeHours,
        "Diego Alvarez (tech lead)",
        &[0],
        30,
        &["migrations"],
        include_str!("example/risk-fraud-office-hours.md"),
    ),
];

/// Pain points: title, description, severity, frequency, status, evidence as
/// (conversation index, quoted passage).
type Pain = (
    &'static str,
    &'static str,
    u8,
    Frequency,
    Status,
    &'static [(usize, &'static str)],
);

const PAINS: &[Pain] = &[
    (
        "CI queue is slow at peak times",
        "Builds wait for runners on Monday mornings and after releases.",
        3,
        Frequency::Weekly,
        Status::Accepted,
        &[
            (0, "The CI queue takes 40 minutes on Monday mornings"),
            (2, "The CI queue was slow here too"),
        ],
    ),
    (
        "Rollback safety is unclear during canaries",
        "The pipeline does not say when rolling back is safe.",
        4,
        Frequency::Monthly,
        Status::New,
        &[(
            1,
            "nobody on Checkout could tell whether it was safe to roll back",
        )],
    ),
    (
        "Migration guide for VM images is incomplete",
        "Missing IAM steps make each move take half a day.",
        2,
        Frequency::Weekly,
        Status::Planned,
        &[
            (
                2,
                "Each job took half a day because the migration guide skips the IAM changes.",
            ),
            (
                3,
                "the deprecation date was announced without a migration plan",
            ),
        ],
    ),
    (
        "No single current pipeline template",
        "Teams copy stale YAML because the current template is hard to find.",
        2,
        Frequency::Monthly,
        Status::New,
        &[(0, "nobody knows which template is current")],
    ),
];

pub(super) fn load(tx: &Transaction<'_>, now: DateTime<Utc>) -> Result<()> {
    let team = teams::create(
        tx,
        &TeamInput {
            name: "Developer Platform".into(),
            description: "Builds the paved road: CI, databases and deploys for every product team."
                .into(),
        },
        now,
    )?;
    let mut person_ids = Vec::new();
    for (name, role, level) in PEOPLE {
        let input = PersonInput {
            team_id: team.id,
            name: (*name).into(),
            role: (*role).into(),
            level: *level,
        };
        person_ids.push(people::create(tx, &input, now)?.id);
    }
    let mut product_ids = Vec::new();
    for (name, stage, description) in PRODUCTS {
        let input = ProductInput {
            team_id: team.id,
            name: (*name).into(),
            stage: *stage,
            description: (*description).into(),
        };
        product_ids.push(products::create(tx, &input, now)?.id);
    }
    let mut customer_ids = Vec::new();
    for (name, department, size, contacts, uses) in CUSTOMERS {
        let input = CustomerInput {
            name: (*name).into(),
            department: (*department).into(),
            size: Some(*size),
            contacts: (*contacts).into(),
            product_ids: uses.iter().map(|i| product_ids[*i]).collect(),
        };
        customer_ids.push(customers::create(tx, &input, now)?.id);
    }
    let conversations = conversations(tx, &customer_ids, &person_ids, now)?;
    for (title, description, severity, frequency, status, evidence) in PAINS {
        let input = PainPointInput {
            title: (*title).into(),
            description: (*description).into(),
            severity: *severity,
            frequency: *frequency,
            product_ids: Vec::new(),
            customer_ids: Vec::new(),
            tags: Vec::new(),
        };
        let pain_point = pain_points::create(tx, &input, Some(person_ids[0]), now)?.id;
        if *status != Status::New {
            pain_points::set_status(tx, pain_point, *status, Some(person_ids[0]), now)?;
        }
        for (conversation, passage) in *evidence {
            let (interview, notes) = &conversations[*conversation];
            let (start, end) = utf16_span(notes, passage)?;
            highlights::mark(tx, *interview, start, end, pain_point, now)?;
        }
    }
    Ok(())
}

fn conversations(
    tx: &Transaction<'_>,
    customers: &[Id],
    people: &[Id],
    now: DateTime<Utc>,
) -> Result<Vec<(Id, &'static str)>> {
    let mut created = Vec::new();
    for (customer, days_ago, kind, interviewees, interviewers, minutes, tags, notes) in
        CONVERSATIONS
    {
        let input = InterviewInput {
            customer_id: customers[*customer],
            held_on: now.date_naive() - chrono::Duration::days(*days_ago),
            kind: *kind,
            interviewees: (*interviewees).into(),
            interviewer_ids: interviewers.iter().map(|i| people[*i]).collect(),
            duration_minutes: Some(*minutes),
            tags: tags.iter().map(|t| (*t).to_owned()).collect(),
            notes: (*notes).into(),
        };
        created.push((interviews::create(tx, &input, now)?.id, *notes));
    }
    Ok(created)
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
    fn the_example_notes_render_as_prose_and_lists_never_as_code() {
        let notes = stored_notes();
        assert_eq!(
            notes.len(),
            super::CONVERSATIONS.len(),
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
