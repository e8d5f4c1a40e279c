//! Home reads the quarter at a glance: each tile agrees with the screen it links to, and the
//! Trash and the workshop's state move what it shows.

use crate::fixtures::{database, day, now};
use outward_core::commitments::{self, CommitmentInput, board};
use outward_core::coverage;
use outward_core::db::Database;
use outward_core::entity::EntityKind;
use outward_core::goals;
use outward_core::home::{self, SHOWN};
use outward_core::id::Id;
use outward_core::kudos::{self, KudosInput};
use outward_core::page::PageRequest;
use outward_core::pain_points::{self, PainPointFilter, Status};
use outward_core::quarter::{FiscalYearStart, Quarter};
use outward_core::workshops::{self, PlanInput, run};
use outward_core::{settings, trash, workspace};

fn example() -> (tempfile::TempDir, Database) {
    let (dir, db) = database();
    db.write(|tx| workspace::load_example(tx, now())).unwrap();
    (dir, db)
}

fn glance(db: &Database) -> home::Home {
    db.read(|conn| home::glance(conn, now().date_naive()))
        .unwrap()
}

#[test]
fn the_heaviest_open_pain_points_are_the_pain_points_lists_open_ones_and_leave_the_trash() {
    let (_dir, db) = example();
    // The heaviest one is addressed: Home leaves it out.
    let addressed = glance(&db).heaviest[0].id;
    db.write(|tx| pain_points::set_status(tx, addressed, Status::Addressed, None, now()))
        .unwrap();
    let all = db
        .read(|conn| {
            pain_points::list(
                conn,
                &PainPointFilter::default(),
                PageRequest {
                    offset: 0,
                    limit: 500,
                },
                now().date_naive(),
            )
        })
        .unwrap();
    let open: Vec<Id> = all
        .items
        .iter()
        .filter(|p| home::OPEN.contains(&p.status))
        .map(|p| p.id)
        .collect();
    assert!(open.len() > 1, "the example has open pain points");
    let shown = glance(&db);
    let heaviest: Vec<Id> = shown.heaviest.iter().map(|p| p.id).collect();
    assert_eq!(
        heaviest,
        open.iter()
            .copied()
            .take(SHOWN as usize)
            .collect::<Vec<_>>()
    );
    assert_eq!(shown.open_pain_points as usize, open.len());
    assert!(!open.contains(&addressed));

    db.write(|tx| trash::move_to_trash(tx, EntityKind::PainPoint, open[0], now()))
        .unwrap();
    let after = glance(&db);
    assert!(after.heaviest.iter().all(|p| p.id != open[0]));
    assert_eq!(after.open_pain_points as usize, open.len() - 1);
}

#[test]
fn the_unheard_customers_are_coverages_unheard_ones_in_its_order() {
    let (_dir, db) = example();
    for weeks in [1, 4, 52] {
        db.write(|tx| settings::set_unheard_after_weeks(tx, weeks))
            .unwrap();
        let covered = db
            .read(|conn| coverage::coverage(conn, now().date_naive()))
            .unwrap();
        let unheard: Vec<Id> = covered
            .customers
            .iter()
            .filter(|c| c.unheard)
            .map(|c| c.customer_id)
            .collect();
        let shown = glance(&db);
        assert_eq!(shown.unheard_after_weeks, weeks);
        assert_eq!(
            shown.unheard_customers as usize,
            unheard.len(),
            "after {weeks} weeks"
        );
        assert_eq!(
            shown
                .unheard
                .iter()
                .map(|c| c.customer_id)
                .collect::<Vec<_>>(),
            unheard.into_iter().take(SHOWN as usize).collect::<Vec<_>>(),
            "after {weeks} weeks"
        );
    }
}

#[test]
fn the_latest_kudos_come_first() {
    let (_dir, db) = example();
    let before = glance(&db).all_kudos;
    let (from, to): (Id, Id) = db
        .read(|conn| {
            Ok(conn.query_row(
                "SELECT a.id, b.id FROM people a JOIN people b ON b.id <> a.id LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?)
        })
        .unwrap();
    let input = KudosInput {
        from_person_id: from,
        to_person_id: Some(to),
        to_team_id: None,
        message: "Fixed the flaky runner for everyone.".into(),
        given_on: Some(now().date_naive()),
        pain_point_id: None,
        customer_id: None,
        kind: Default::default(),
        commitment_id: None,
    };
    let given = db.write(|tx| kudos::create(tx, &input, now())).unwrap();
    let shown = glance(&db);
    assert_eq!(shown.all_kudos, before + 1);
    assert_eq!(shown.kudos[0].id, given.id);
}

#[test]
fn the_next_workshop_is_the_running_one_or_else_the_earliest_planned_from_today() {
    let (_dir, db) = example();
    assert_eq!(
        glance(&db).next_workshop,
        None,
        "the example's workshop is over"
    );
    let (exercise, team, facilitator): (String, Id, Id) = db
        .read(|conn| {
            Ok(conn.query_row(
                "SELECT exercise_key, team_id, facilitator_id FROM workshops LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )?)
        })
        .unwrap();
    let plan = |held_on| PlanInput {
        exercise_id: exercise.clone(),
        team_id: team,
        held_on,
        starts_at: "10:00".into(),
        facilitator_id: facilitator,
        participant_ids: vec![facilitator],
    };
    let later = db
        .write(|tx| workshops::plan(tx, &plan(day(2026, 12, 10)), now()))
        .unwrap()
        .id;
    let sooner = db
        .write(|tx| workshops::plan(tx, &plan(day(2026, 11, 27)), now()))
        .unwrap()
        .id;
    let next = glance(&db).next_workshop.expect("a workshop is planned");
    assert_eq!(next.id, sooner);
    assert!(next.facilitator_name.is_some(), "it says who facilitates");

    db.write(|tx| run::start(tx, later, now())).unwrap();
    assert_eq!(
        glance(&db).next_workshop.map(|w| w.id),
        Some(later),
        "the running one"
    );
}

#[test]
fn the_goals_and_the_quarters_commitments_are_their_pages_and_the_board() {
    let (_dir, db) = example();
    let owner: Id = db
        .read(|conn| Ok(conn.query_row("SELECT id FROM people LIMIT 1", [], |r| r.get(0))?))
        .unwrap();
    let goal = db.read(goals::list).unwrap()[0].id;
    let input = CommitmentInput {
        title: "Halve the Monday CI queue".into(),
        owner_id: Some(owner),
        quarter: "2026-Q4".into(),
        goal_id: Some(goal),
        pain_point_ids: Vec::new(),
    };
    db.write(|tx| commitments::create(tx, &input, now()))
        .unwrap();

    let shown = glance(&db);
    let all = db.read(goals::list).unwrap();
    assert_eq!(shown.all_goals as usize, all.len());
    assert!(!shown.goals.is_empty(), "the example has goals");
    for glance in &shown.goals {
        let page = db
            .read(|conn| goals::page(conn, glance.goal_id, now().date_naive()))
            .unwrap();
        assert_eq!(glance.latest, page.latest, "{}", glance.title);
        assert_eq!(glance.reached, page.reached);
    }
    let quarter = Quarter::containing(now().date_naive(), FiscalYearStart::CALENDAR);
    let board = db
        .read(|conn| board::board(conn, quarter, now().date_naive()))
        .unwrap();
    assert_eq!(shown.all_commitments, board.total);
    assert_eq!(
        shown
            .commitments
            .iter()
            .map(|c| (c.status, c.count))
            .collect::<Vec<_>>(),
        board
            .columns
            .iter()
            .filter(|c| !c.commitments.is_empty())
            .map(|c| (c.status, c.commitments.len() as u32))
            .collect::<Vec<_>>()
    );
    assert_eq!(
        shown.all_commitments, 4,
        "the example's three, and the one made here"
    );
}
