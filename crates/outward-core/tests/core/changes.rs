//! What a write announces, against a real database file: the store records exactly the kinds and
//! records each write touched, so views refresh only for what can have changed.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use outward_core::customers::{self, CustomerInput};
use outward_core::db::Database;
use outward_core::entity::{Changed, EntityKind};
use outward_core::id::Id;
use outward_core::interviews::{self, InterviewInput, InterviewKind, highlights};
use outward_core::pain_points::{self, Frequency, PainPointInput};
use outward_core::teams::{self, TeamInput};
use outward_core::trash;
use tempfile::TempDir;

const NOTES: &str = "The deploy queue stalls every Friday afternoon.";
const QUOTE: &str = "deploy queue stalls";

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 20, 10, 0, 0)
        .single()
        .expect("valid")
}

fn database() -> (TempDir, Database) {
    let dir = tempfile::tempdir().unwrap();
    let db = Database::open(&dir.path().join("outward.db"), now()).unwrap();
    (dir, db)
}

/// What was announced since the last call, or an empty change.
fn announced(db: &Database) -> Changed {
    db.take_changes().unwrap_or_default()
}

fn pain_point_input(title: &str, tags: &[&str]) -> PainPointInput {
    PainPointInput {
        title: title.into(),
        description: String::new(),
        severity: 3,
        frequency: Frequency::Weekly,
        product_ids: Vec::new(),
        customer_ids: Vec::new(),
        tags: tags.iter().map(|t| t.to_string()).collect(),
    }
}

/// A customer, an interview of it with [`NOTES`], and a pain point that [`QUOTE`] supports.
struct Evidence {
    customer: Id,
    interview: Id,
    pain_point: Id,
}

fn evidence(db: &Database) -> Evidence {
    let input = CustomerInput {
        name: "Payments".into(),
        ..Default::default()
    };
    let customer = db
        .write(|tx| customers::create(tx, &input, now()))
        .unwrap()
        .id;
    let input = InterviewInput {
        customer_id: customer,
        held_on: NaiveDate::from_ymd_opt(2026, 11, 18).unwrap(),
        kind: InterviewKind::Interview,
        interviewees: String::new(),
        interviewer_ids: Vec::new(),
        duration_minutes: None,
        tags: Vec::new(),
        notes: NOTES.into(),
    };
    let interview = db
        .write(|tx| interviews::create(tx, &input, now()))
        .unwrap()
        .id;
    let pain_point = db
        .write(|tx| pain_points::create(tx, &pain_point_input("Slow deploys", &[]), None, now()))
        .unwrap()
        .id;
    let start = NOTES.find(QUOTE).unwrap() as u32;
    let end = start + QUOTE.len() as u32;
    db.write(|tx| highlights::mark(tx, interview, start, end, pain_point, now()))
        .unwrap();
    announced(db);
    Evidence {
        customer,
        interview,
        pain_point,
    }
}

#[test]
fn saving_notes_that_move_a_quote_announces_only_the_interview() {
    let (_dir, db) = database();
    let e = evidence(&db);
    let notes = format!("Met on Tuesday. {NOTES}");
    db.write(|tx| interviews::save_notes(tx, e.interview, &notes, now()))
        .unwrap();
    assert_eq!(
        announced(&db),
        Changed {
            kinds: vec![EntityKind::Interview],
            ids: vec![e.interview],
            settings: false,
            counts: false,
        },
        "the quote only moved: its pain point's weight and evidence are unchanged"
    );
}

#[test]
fn saving_notes_that_detach_a_quote_announces_its_pain_point_too() {
    let (_dir, db) = database();
    let e = evidence(&db);
    db.write(|tx| interviews::save_notes(tx, e.interview, "Nothing about deploys.", now()))
        .unwrap();
    let changed = announced(&db);
    assert_eq!(
        changed.kinds,
        vec![EntityKind::Interview, EntityKind::PainPoint],
        "the pain point shows its quote as detached now"
    );
    assert!(changed.ids.contains(&e.pain_point) && changed.ids.contains(&e.interview));
    assert!(!changed.counts, "nothing was created or removed");
}

#[test]
fn creating_a_pain_point_announces_a_theme_only_when_one_is_created() {
    let (_dir, db) = database();
    db.write(|tx| pain_points::create(tx, &pain_point_input("Flaky CI", &[]), None, now()))
        .unwrap();
    let changed = announced(&db);
    assert_eq!(changed.kinds, vec![EntityKind::PainPoint]);
    assert!(changed.counts, "one more pain point to count");

    db.write(|tx| pain_points::create(tx, &pain_point_input("Slow CI", &["Speed"]), None, now()))
        .unwrap();
    let changed = announced(&db);
    assert_eq!(
        changed.kinds,
        vec![EntityKind::PainPoint, EntityKind::Theme],
        "the tag “Speed” created a theme"
    );
    assert_eq!(changed.ids.len(), 2, "the pain point and its new theme");
}

#[test]
fn emptying_the_trash_announces_every_kind_it_removed() {
    let (_dir, db) = database();
    let e = evidence(&db);
    let team = db
        .write(|tx| {
            let input = TeamInput {
                name: "Platform".into(),
                description: String::new(),
            };
            teams::create(tx, &input, now())
        })
        .unwrap()
        .id;
    db.write(|tx| trash::move_to_trash(tx, EntityKind::Customer, e.customer, now()))
        .unwrap();
    db.write(|tx| trash::move_to_trash(tx, EntityKind::Team, team, now()))
        .unwrap();
    let trashed = announced(&db);
    assert!(trashed.counts, "trashing changes the counts");
    assert!(
        trashed.kinds.contains(&EntityKind::Interview),
        "the interview followed its customer into the Trash: {trashed:?}"
    );

    trash::empty(&db, now()).unwrap();
    let changed = announced(&db);
    for kind in [
        EntityKind::Team,
        EntityKind::Customer,
        EntityKind::Interview,
        EntityKind::PainPoint,
    ] {
        assert!(
            changed.kinds.contains(&kind),
            "destroying the customer's interview destroys its quote of the pain point, so {kind} is announced: {changed:?}"
        );
    }
    assert!(changed.counts);
}

#[test]
fn a_setting_is_announced_as_a_setting() {
    let (_dir, db) = database();
    db.write(|tx| outward_core::settings::set_unheard_after_weeks(tx, 6))
        .unwrap();
    assert_eq!(
        announced(&db),
        Changed {
            settings: true,
            ..Changed::default()
        }
    );
}

#[test]
fn a_refused_write_and_a_read_announce_nothing() {
    let (_dir, db) = database();
    let refused = db.write(|tx| {
        pain_points::create(tx, &pain_point_input("Kept", &["New theme"]), None, now())?;
        pain_points::create(tx, &pain_point_input("", &[]), None, now())
    });
    assert!(refused.is_err(), "a pain point needs a title");
    db.read(|conn| pain_points::get(conn, Id::at(now()), now().date_naive()))
        .unwrap_err();
    assert_eq!(
        db.take_changes(),
        None,
        "the rolled-back write changed nothing"
    );
}

#[test]
fn changes_of_several_writes_are_announced_once() {
    let (_dir, db) = database();
    let e = evidence(&db);
    db.write(|tx| {
        let input = TeamInput {
            name: "Platform".into(),
            description: String::new(),
        };
        teams::create(tx, &input, now())
    })
    .unwrap();
    db.write(|tx| interviews::save_notes(tx, e.interview, "Moved. Nothing else.", now()))
        .unwrap();
    let changed = announced(&db);
    assert!(changed.kinds.contains(&EntityKind::Team));
    assert!(changed.kinds.contains(&EntityKind::Interview));
    assert_eq!(db.take_changes(), None, "taken once");
}
