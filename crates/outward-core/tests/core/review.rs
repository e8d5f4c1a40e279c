//! A quarter's review, read from what the team recorded: each part checked by hand against a
//! small world with data before, in and after the reviewed quarter.

use crate::fixtures::{World, day, now, person, utf16, world};
use crate::metrics::{answer, metric, survey};
use chrono::{DateTime, TimeZone, Utc};
use outward_core::commitments::decisions::{self, CloseAction, CloseDecision};
use outward_core::commitments::{self, CommitmentInput, CommitmentState, CommitmentStatus};
use outward_core::evidence::EvidenceSource;
use outward_core::goals::{self, GoalInput};
use outward_core::id::Id;
use outward_core::interviews::{self, InterviewInput, InterviewKind, highlights};
use outward_core::kudos::{self, KudosInput};
use outward_core::metrics::{Direction, MetricKind};
use outward_core::pain_points::{self, Frequency, PainPointInput, Status};
use outward_core::people::Level;
use outward_core::products::{self, ProductInput, Stage};
use outward_core::review::{self, NotesInput, Review, chain};

const NOTES: &str = "Lena: the queue is slow on Mondays, so we batch our merges.";

/// Noon on a day of 2026.
pub fn noon(m: u32, d: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, m, d, 12, 0, 0).single().unwrap()
}

pub fn read(w: &World, quarter: &str) -> Review {
    w.db.read(|c| review::named(c, Some(quarter), now().date_naive()))
        .unwrap()
}

fn pain_point_on(w: &World, title: &str, products: Vec<Id>, at: DateTime<Utc>) -> Id {
    let input = PainPointInput {
        title: title.into(),
        description: String::new(),
        severity: 3,
        frequency: Frequency::Weekly,
        product_ids: products,
        customer_ids: vec![],
        tags: vec![],
    };
    w.db.write(|tx| pain_points::create(tx, &input, Some(w.ada), at))
        .unwrap()
        .id
}

fn talk(w: &World, customer: Id, held_on: chrono::NaiveDate, by: Vec<Id>) -> Id {
    let input = InterviewInput {
        customer_id: customer,
        held_on,
        kind: InterviewKind::Interview,
        interviewees: "Lena (tech lead)".into(),
        interviewer_ids: by,
        duration_minutes: Some(30),
        tags: vec![],
        notes: NOTES.into(),
    };
    w.db.write(|tx| interviews::create(tx, &input, now()))
        .unwrap()
        .id
}

fn workshop(w: &World, held_on: &str, ratings: &[(&str, Option<Id>, i64)]) -> Id {
    let id = Id::at(now());
    w.db.write(|tx| {
        tx.execute(
            "INSERT INTO workshops (id, team_id, exercise_key, title, held_on, starts_at,
                facilitator_id, state, created_at, updated_at)
             VALUES (?1, ?2, 'product-mindset', 'Product mindset', ?3, '10:00', ?4,
                'finished', ?5, ?5)",
            (id, w.team, held_on, w.ada, now()),
        )?;
        for (dimension, person, score) in ratings {
            tx.execute(
                "INSERT INTO workshop_ratings (workshop_id, step_position, dimension, person_id,
                    score, rated_at) VALUES (?1, 3, ?2, ?3, ?4, ?5)",
                (id, dimension, person, score, now()),
            )?;
        }
        Ok(())
    })
    .unwrap();
    id
}

fn kudos_on(w: &World, to: Id, message: &str, given_on: chrono::NaiveDate) -> Id {
    let input = KudosInput {
        from_person_id: w.ada,
        to_person_id: Some(to),
        to_team_id: None,
        message: message.into(),
        given_on: Some(given_on),
        pain_point_id: None,
        customer_id: None,
        kind: Default::default(),
        commitment_id: None,
    };
    w.db.write(|tx| kudos::create(tx, &input, now()))
        .unwrap()
        .id
}

/// The world of the review tests: what happened in 2026-Q2, Q3 and Q4 (today is in Q4).
pub struct Quarters {
    pub w: World,
    pub ben: Id,
    pub csat: Id,
    pub goal: Id,
    pub shipped: Id,
    pub slipped: Id,
    pub slow_ci: Id,
    pub ci: Id,
    /// The Q3 interview with Payments, quoted as evidence for slow CI.
    pub heard: Id,
    /// The Q3 workshop, one of whose cards is evidence for slow CI.
    pub rated: Id,
}

pub fn quarters() -> Quarters {
    let w = world();
    let ben = person(&w, "Ben");
    // CSAT: 2 of 5 satisfied in Q2 (40 %), 3 of 4 in Q3 (75 %).
    let csat = metric(
        &w.db,
        "CI satisfaction",
        MetricKind::Csat,
        Direction::HigherIsBetter,
    );
    let q2 = survey(&w.db, "2026-Q2", csat, None);
    for score in [5, 4, 2, 1, 3] {
        answer(&w.db, &q2, "Payments", score);
    }
    let q3 = survey(&w.db, "2026-Q3", csat, None);
    for score in [5, 5, 4, 2] {
        answer(&w.db, &q3, "Payments", score);
    }
    let goal =
        w.db.write(|tx| {
            let input = GoalInput {
                title: "CI people are happy with".into(),
                metric_id: csat,
                target: 80.0,
                due_quarter: "2027-Q2".into(),
                team_id: None,
            };
            goals::create(tx, &input, now().date_naive(), now())
        })
        .unwrap()
        .id;

    let ci =
        w.db.write(|tx| {
            let input = ProductInput {
                team_id: w.team,
                name: "CI".into(),
                stage: Stage::GenerallyAvailable,
                description: String::new(),
            };
            products::create(tx, &input, now())
        })
        .unwrap()
        .id;
    // Slow CI: recorded in Q2, addressed in Q3. Flaky deploys: recorded in Q3, still new.
    // Missing docs (no product): recorded in Q3, addressed in Q4. Old runners: recorded in Q4.
    let slow_ci = pain_point_on(&w, "Slow CI", vec![ci], noon(5, 10));
    w.db.write(|tx| pain_points::set_status(tx, slow_ci, Status::Addressed, None, noon(8, 15)))
        .unwrap();
    pain_point_on(&w, "Flaky deploys", vec![ci], noon(8, 1));
    let docs = pain_point_on(&w, "Missing docs", vec![], noon(9, 1));
    w.db.write(|tx| pain_points::set_status(tx, docs, Status::Addressed, None, noon(10, 5)))
        .unwrap();
    pain_point_on(&w, "Old runners", vec![ci], noon(10, 10));

    let commit = |title: &str, quarter: &str, pain_points: Vec<Id>| {
        let input = CommitmentInput {
            title: title.into(),
            owner_id: Some(ben),
            quarter: quarter.into(),
            goal_id: Some(goal),
            pain_point_ids: pain_points,
        };
        w.db.write(|tx| commitments::create(tx, &input, noon(7, 2)))
            .unwrap()
            .id
    };
    let shipped = commit("Cache the build", "2026-Q3", vec![slow_ci]);
    let slipped = commit("Retry flaky deploys", "2026-Q3", vec![]);
    commit("Faster runners", "2026-Q4", vec![]);
    w.db.write(|tx| {
        decisions::set_state(
            tx,
            shipped,
            CommitmentState::Done,
            "Shipped the cache",
            None,
            noon(9, 20),
        )
    })
    .unwrap();

    // Conversations: Ada twice alone and once with Ben in Q3; once more in Q4.
    let heard = talk(&w, w.payments, day(2026, 7, 10), vec![w.ada]);
    let (start, end) = utf16(NOTES, "slow on Mondays");
    w.db.write(|tx| highlights::mark(tx, heard, start, end, slow_ci, now()))
        .unwrap();
    talk(&w, w.checkout, day(2026, 8, 10), vec![w.ada]);
    talk(&w, w.payments, day(2026, 9, 10), vec![w.ada, ben]);
    talk(&w, w.payments, day(2026, 10, 10), vec![w.ada]);

    workshop(
        &w,
        "2026-05-20",
        &[("Focus", Some(w.ada), 3), ("Focus", Some(ben), 4)],
    );
    let rated = workshop(
        &w,
        "2026-08-20",
        &[
            ("Focus", Some(w.ada), 4),
            ("Focus", Some(ben), 5),
            ("outcomes", None, 2),
        ],
    );
    workshop(&w, "2026-10-20", &[("Focus", None, 1)]);
    w.db.write(|tx| {
        let card = Id::at(now());
        tx.execute(
            "INSERT INTO workshop_cards (id, workshop_id, step_position, text, created_at,
                updated_at) VALUES (?1, ?2, 1, 'CI is too slow to wait for', ?3, ?3)",
            (card, rated, now()),
        )?;
        tx.execute(
            "INSERT INTO card_evidence (id, card_id, pain_point_id, quote, created_at)
             VALUES (?1, ?2, ?3, 'CI is too slow to wait for', ?4)",
            (Id::at(now()), card, slow_ci, now()),
        )?;
        Ok(())
    })
    .unwrap();

    kudos_on(&w, ben, "For the build cache.", day(2026, 8, 2));
    kudos_on(&w, ben, "For the deploy retries.", day(2026, 9, 3));
    kudos_on(&w, ben, "For the runners.", day(2026, 10, 1));

    Quarters {
        w,
        ben,
        csat,
        goal,
        shipped,
        slipped,
        slow_ci,
        ci,
        heard,
        rated,
    }
}

#[test]
fn a_quarters_review_gathers_what_the_team_recorded_in_it() {
    let Quarters {
        w,
        ben,
        csat,
        goal,
        shipped,
        slipped,
        slow_ci,
        ci,
        ..
    } = quarters();
    let r = read(&w, "2026-q3");
    assert_eq!(
        (r.quarter.as_str(), r.label.as_str()),
        ("2026-Q3", "2026 Q3")
    );
    assert_eq!(
        (r.first_day, r.last_day),
        (day(2026, 7, 1), day(2026, 9, 30))
    );
    assert!(!r.current, "today is in Q4");
    assert_eq!(r.quarters.len(), review::QUARTERS as usize);
    assert_eq!(r.quarters.first().map(String::as_str), Some("2024-Q4"));
    assert_eq!(r.quarters.last().map(String::as_str), Some("2026-Q3"));

    // The metric: 40 % then 75 %, the goal's target line at 80.
    assert_eq!(r.metrics.len(), 1);
    let m = &r.metrics[0];
    assert_eq!(m.metric_id, csat);
    let trend: Vec<(&str, f64, Option<u32>)> = m
        .trend
        .iter()
        .map(|v| (v.quarter.as_str(), v.value, v.n))
        .collect();
    assert_eq!(
        trend,
        vec![("2026-Q2", 40.0, Some(5)), ("2026-Q3", 75.0, Some(4))]
    );
    assert!(m.trend.iter().all(|v| v.interval.is_some()), "intervals");
    assert_eq!(m.value.as_ref().map(|v| v.value), Some(75.0));
    assert_eq!(m.previous.as_ref().map(|v| v.value), Some(40.0));
    assert_eq!(m.change.map(|c| c.difference), Some(35.0));
    assert_eq!(m.goals.len(), 1);
    assert_eq!((m.goals[0].goal_id, m.goals[0].target), (goal, 80.0));

    // The commitments of Q3, by title: the retries slipped (off track, its quarter is over),
    // the cache shipped with its decision.
    let titles: Vec<&str> = r.commitments.iter().map(|c| c.title.as_str()).collect();
    assert_eq!(titles, vec!["Cache the build", "Retry flaky deploys"]);
    let done = &r.commitments[0];
    assert_eq!(done.commitment_id, shipped);
    assert_eq!(
        (done.state, done.status),
        (CommitmentState::Done, CommitmentStatus::Done)
    );
    assert_eq!(done.decision.as_deref(), Some("Shipped the cache"));
    assert_eq!(done.decided_on, Some(day(2026, 9, 20)));
    assert_eq!(done.owner_name.as_deref(), Some("Ben"));
    assert_eq!(done.goal_title.as_deref(), Some("CI people are happy with"));
    assert_eq!(done.pain_point_ids, vec![slow_ci]);
    let open = &r.commitments[1];
    assert_eq!(open.commitment_id, slipped);
    assert_eq!(
        (open.state, open.status, open.decision.as_deref()),
        (CommitmentState::Open, CommitmentStatus::OffTrack, None)
    );
    assert_eq!(open.status_label, "Off track");

    // Pain points by product: CI opened one (flaky deploys), addressed one (slow CI), and
    // had one still open at the quarter's end; the docs, on no product, were opened in Q3 and
    // still open when it ended (addressed only in Q4). Old runners came after.
    let by_product: Vec<(Option<Id>, u32, u32, u32)> = r
        .pain_points
        .iter()
        .map(|p| (p.product_id, p.opened, p.addressed, p.still_open))
        .collect();
    assert_eq!(by_product, vec![(Some(ci), 1, 1, 1), (None, 1, 0, 1)]);
    assert_eq!(r.pain_points[0].product_name.as_deref(), Some("CI"));
    assert_eq!(r.pain_points[0].addressed_shown[0].id, slow_ci);

    // Conversations: three in Q3 with two customer teams; Ada in all, Ben in one.
    let c = &r.conversations;
    assert_eq!((c.total, c.customers), (3, 2));
    let members: Vec<(&str, Level, u32, u32)> = c
        .by_member
        .iter()
        .map(|m| (m.name.as_str(), m.level, m.conversations, m.customers))
        .collect();
    assert_eq!(
        members,
        vec![("Ada", Level::Staff, 3, 2), ("Ben", Level::Mid, 1, 1)]
    );
    assert_eq!(c.by_member[1].person_id, ben);
    let levels: Vec<(Level, u32, u32)> = c
        .by_level
        .iter()
        .map(|l| (l.level, l.people, l.conversations))
        .collect();
    assert_eq!(levels, vec![(Level::Mid, 1, 1), (Level::Staff, 1, 3)]);

    // Self-assessment: Focus 3.5 in Q2 and 4.5 in Q3; outcomes rated once, in Q3, at 2.
    // The Q4 workshop is after the reviewed quarter.
    let s = &r.self_assessment;
    assert_eq!(s.dimensions, vec!["Focus", "outcomes"]);
    type Row<'a> = (&'a str, Vec<Option<f64>>, Vec<u32>);
    let quarters: Vec<Row<'_>> = s
        .quarters
        .iter()
        .map(|q| (q.quarter.as_str(), q.means.clone(), q.ratings.clone()))
        .collect();
    assert_eq!(
        quarters,
        vec![
            ("2026-Q2", vec![Some(3.5), None], vec![2, 0]),
            ("2026-Q3", vec![Some(4.5), Some(2.0)], vec![2, 1]),
        ]
    );

    // Kudos of Q3, newest first.
    assert_eq!(r.all_kudos, 2);
    let kudos: Vec<&str> = r.kudos.iter().map(|k| k.message.as_str()).collect();
    assert_eq!(
        kudos,
        vec!["For the deploy retries.", "For the build cache."]
    );
    assert_eq!(r.kudos[0].to_name.as_deref(), Some("Ben"));
    assert_eq!(r.kudos[0].from_name.as_deref(), Some("Ada"));
    assert_eq!((r.notes.as_str(), r.decisions.as_str()), ("", ""));
}

#[test]
fn the_current_quarter_counts_what_is_open_today() {
    let Quarters { w, .. } = quarters();
    let r = read(&w, "2026-Q4");
    assert!(r.current);
    assert_eq!(r.metrics[0].value, None, "no survey in Q4 yet");
    assert_eq!(
        r.metrics[0].trend.len(),
        2,
        "the earlier quarters still show"
    );
    // CI: old runners opened; flaky deploys and old runners open. Docs addressed in Q4.
    let by_product: Vec<(u32, u32, u32)> = r
        .pain_points
        .iter()
        .map(|p| (p.opened, p.addressed, p.still_open))
        .collect();
    assert_eq!(by_product, vec![(1, 0, 2), (0, 1, 0)]);
    assert_eq!(r.conversations.total, 1);
    assert_eq!(
        r.self_assessment
            .quarters
            .last()
            .map(|q| q.quarter.as_str()),
        Some("2026-Q4")
    );
    assert_eq!(r.all_kudos, 1);
}

#[test]
fn notes_and_decisions_are_stored_per_quarter_and_bad_quarters_are_refused() {
    let Quarters { w, .. } = quarters();
    let input = NotesInput {
        quarter: "2026-Q3".into(),
        notes: "  CI got faster; deploys did not.  ".into(),
        decisions: "Keep the cache; retry deploys next quarter.".into(),
    };
    w.db.write(|tx| review::save_notes(tx, &input, now()))
        .unwrap();
    let r = read(&w, "2026-Q3");
    assert_eq!(r.notes, "CI got faster; deploys did not.");
    assert_eq!(r.decisions, "Keep the cache; retry deploys next quarter.");
    assert_eq!(
        read(&w, "2026-Q2").notes,
        "",
        "other quarters have their own"
    );
    let again = NotesInput {
        notes: "Rewritten.".into(),
        ..input.clone()
    };
    w.db.write(|tx| review::save_notes(tx, &again, now()))
        .unwrap();
    assert_eq!(read(&w, "2026-Q3").notes, "Rewritten.");

    let bad =
        w.db.read(|c| review::parse_quarter(c, "2026-Q5", "quarter"))
            .unwrap_err();
    assert_eq!(bad.field(), Some("quarter"));
    assert!(bad.to_string().contains("Q5 does not exist"), "{bad}");
    let long = NotesInput {
        notes: "x".repeat(20_001),
        ..input
    };
    let e =
        w.db.write(|tx| review::save_notes(tx, &long, now()))
            .unwrap_err();
    assert_eq!(e.field(), Some("notes"));
    assert_eq!(read(&w, "2026-Q3").notes, "Rewritten.", "nothing written");
}

#[test]
fn a_review_reads_back_from_json_as_it_was() {
    let Quarters { w, .. } = quarters();
    let r = read(&w, "2026-Q3");
    let json = serde_json::to_string(&r).unwrap();
    let back: Review = serde_json::from_str(&json).unwrap();
    assert_eq!(serde_json::to_string(&back).unwrap(), json);
    assert_eq!(
        back.metrics[0].trend[1].interval,
        r.metrics[0].trend[1].interval
    );
}

#[test]
fn a_goals_chain_runs_from_customer_evidence_through_commitments_to_the_metric() {
    let Quarters {
        w,
        goal,
        shipped,
        slipped,
        slow_ci,
        heard,
        rated,
        ..
    } = quarters();
    let c =
        w.db.read(|conn| chain::goal(conn, goal, now().date_naive()))
            .unwrap();
    assert_eq!((c.goal_id, c.target), (goal, 80.0));
    assert_eq!(c.metric_name, "CI satisfaction");
    // Oldest quarter first, then by title.
    let commitments: Vec<(&str, &str)> = c
        .commitments
        .iter()
        .map(|c| (c.quarter.as_str(), c.title.as_str()))
        .collect();
    assert_eq!(
        commitments,
        vec![
            ("2026-Q3", "Cache the build"),
            ("2026-Q3", "Retry flaky deploys"),
            ("2026-Q4", "Faster runners"),
        ]
    );
    assert_eq!(c.commitments[0].commitment_id, shipped);
    assert_eq!(c.commitments[1].commitment_id, slipped);
    assert_eq!(c.commitments[0].status_label, "Done");
    // The cache addressed slow CI, which rests on a workshop card (20 August) and an
    // interview quote (10 July), newest first, each naming where to go back to.
    let points = &c.commitments[0].pain_points;
    assert_eq!(points.len(), 1);
    assert_eq!(
        (points[0].id, points[0].status),
        (slow_ci, Status::Addressed)
    );
    assert_eq!(points[0].all_evidence, 2);
    let evidence: Vec<(EvidenceSource, Option<Id>, &str)> = points[0]
        .evidence
        .iter()
        .map(|e| (e.source, e.interview_id.or(e.workshop_id), e.quote.as_str()))
        .collect();
    assert_eq!(
        evidence,
        vec![
            (
                EvidenceSource::Card,
                Some(rated),
                "CI is too slow to wait for"
            ),
            (EvidenceSource::Interview, Some(heard), "slow on Mondays"),
        ]
    );
    assert_eq!(
        points[0].evidence[1].customer_name.as_deref(),
        Some("Payments")
    );
    assert!(c.commitments[1].pain_points.is_empty());
    // The metric from the quarter before the first commitment (Q2, 40 %) to the latest (Q3,
    // 75 %): up 35 points, but with four and five answers that is within noise.
    let trend: Vec<(&str, f64)> = c
        .trend
        .iter()
        .map(|v| (v.quarter.as_str(), v.value))
        .collect();
    assert_eq!(trend, vec![("2026-Q2", 40.0), ("2026-Q3", 75.0)]);
    assert_eq!(c.before.as_ref().map(|v| v.value), Some(40.0));
    assert_eq!(c.latest.as_ref().map(|v| v.value), Some(75.0));
    let change = c.change.expect("a change");
    assert_eq!(change.difference, 35.0);
    assert!(change.within_noise);
    assert!(!c.improved);

    let all =
        w.db.read(|conn| chain::all(conn, now().date_naive()))
            .unwrap();
    assert_eq!(all, vec![c]);
    let missing =
        w.db.read(|conn| chain::goal(conn, Id::at(now()), now().date_naive()))
            .unwrap_err();
    assert!(missing.to_string().contains("goal"), "{missing}");
}

fn q(w: &World, text: &str) -> outward_core::quarter::Quarter {
    w.db.read(|c| review::parse_quarter(c, text, "quarter"))
        .unwrap()
}

#[test]
fn a_closed_quarter_keeps_its_review_until_it_is_regenerated_on_purpose() {
    let Quarters {
        w, slipped, csat, ..
    } = quarters();
    let q3 = q(&w, "2026-Q3");
    assert_eq!(read(&w, "2026-Q3").snapshot, None, "read live while open");
    let carry = vec![CloseDecision {
        commitment_id: slipped,
        action: CloseAction::CarryOver,
    }];
    let closed =
        w.db.write(|tx| review::close(tx, q3, &carry, None, noon(10, 2)))
            .unwrap();
    assert_eq!(
        closed.carried_into.len(),
        1,
        "closing hands over to the carry-over"
    );
    let kept = read(&w, "2026-Q3");
    let note = kept.snapshot.clone().expect("kept when it closed");
    assert_eq!((note.closed_at, note.taken_at), (noon(10, 2), noon(10, 2)));
    assert_eq!(note.regenerated_at, None);
    let retries = &kept.commitments[1];
    assert_eq!(retries.state, CommitmentState::CarriedOver);
    assert_eq!(retries.carried_into, Some(closed.carried_into[0].id));

    // Later edits: a late survey answer for Q3 and a renamed commitment. The kept review
    // does not move; today's data does.
    let late = survey(&w.db, "2026-Q3", csat, None);
    for _ in 0..6 {
        answer(&w.db, &late, "Checkout", 1);
    }
    w.db.write(|tx| {
        tx.execute(
            "UPDATE commitments SET title = 'Renamed later' WHERE id = ?1",
            [slipped],
        )?;
        Ok(())
    })
    .unwrap();
    let notes = NotesInput {
        quarter: "2026-Q3".into(),
        notes: "Written after closing.".into(),
        decisions: String::new(),
    };
    w.db.write(|tx| review::save_notes(tx, &notes, now()))
        .unwrap();
    let after = read(&w, "2026-Q3");
    assert_eq!(after.metrics, kept.metrics);
    assert_eq!(after.commitments, kept.commitments);
    assert_eq!(after.notes, "Written after closing.", "notes stay editable");
    let live =
        w.db.read(|c| review::quarter(c, q3, now().date_naive()))
            .unwrap();
    assert_ne!(
        live.metrics[0].value, kept.metrics[0].value,
        "today's data moved"
    );

    // Closing twice, a quarter not begun, a quarter that does not exist: clear refusals,
    // and nothing kept changes.
    let twice =
        w.db.write(|tx| review::close(tx, q3, &[], None, now()))
            .unwrap_err();
    assert_eq!(twice.field(), Some("quarter"));
    assert!(
        twice
            .to_string()
            .contains("already closed on 2 October 2026"),
        "{twice}"
    );
    let future = q(&w, "2027-Q2");
    let early =
        w.db.write(|tx| review::close(tx, future, &[], None, now()))
            .unwrap_err();
    assert!(early.to_string().contains("has not begun"), "{early}");
    let bad =
        w.db.read(|c| review::named(c, Some("2026-Q5"), now().date_naive()))
            .unwrap_err();
    assert_eq!(bad.field(), Some("quarter"));
    let q2 = q(&w, "2026-Q2");
    let open =
        w.db.write(|tx| review::regenerate(tx, q2, now()))
            .unwrap_err();
    assert!(open.to_string().contains("is not closed"), "{open}");
    assert_eq!(read(&w, "2026-Q3").commitments, kept.commitments);

    // Regenerated on purpose: today's data, and the review says so.
    let again = w.db.write(|tx| review::regenerate(tx, q3, now())).unwrap();
    let note = again.snapshot.clone().expect("still closed");
    assert_eq!(
        (note.closed_at, note.taken_at, note.regenerated_at),
        (noon(10, 2), now(), Some(now()))
    );
    assert_eq!(
        again.metrics[0].value.as_ref().map(|v| (v.value, v.n)),
        Some((30.0, Some(10))),
        "3 of 10 satisfied once the late answers count"
    );
    assert_eq!(again.commitments[0].title, "Cache the build");
    assert!(again.commitments.iter().any(|c| c.title == "Renamed later"));
    assert_eq!(read(&w, "2026-Q3"), again);
    assert_eq!(again.notes, "Written after closing.");
}

#[test]
fn a_closed_quarter_keeps_its_chains_from_evidence_to_outcome_until_regenerated() {
    let Quarters {
        w,
        goal,
        shipped,
        slipped,
        slow_ci,
        csat,
        ..
    } = quarters();
    let q3 = q(&w, "2026-Q3");
    assert_eq!(
        read(&w, "2026-Q3").chains,
        None,
        "read on their own while open"
    );
    let carry = vec![CloseDecision {
        commitment_id: slipped,
        action: CloseAction::CarryOver,
    }];
    w.db.write(|tx| review::close(tx, q3, &carry, None, noon(10, 2)))
        .unwrap();
    let kept = read(&w, "2026-Q3")
        .chains
        .expect("kept when the quarter closed");
    assert_eq!(kept.len(), 1);
    let c = &kept[0];
    assert_eq!(c.goal_id, goal);
    // The chain as it stood at the quarter's end: its commitments and the ones before (not
    // Q4's), and the metric up to it.
    let titles: Vec<&str> = c.commitments.iter().map(|m| m.title.as_str()).collect();
    assert_eq!(titles, vec!["Cache the build", "Retry flaky deploys"]);
    assert_eq!(c.commitments[0].pain_points[0].id, slow_ci);
    assert_eq!(c.commitments[0].pain_points[0].all_evidence, 2);
    let quarters: Vec<&str> = c.trend.iter().map(|v| v.quarter.as_str()).collect();
    assert_eq!(quarters, vec!["2026-Q2", "2026-Q3"]);
    assert_eq!(c.latest.as_ref().map(|v| v.value), Some(75.0));

    // Later edits to every link of the chain: the goal, the commitment, the pain point, its
    // evidence, and a late survey answer for the quarter.
    w.db.write(|tx| {
        tx.execute(
            "UPDATE goals SET title = 'Goal renamed later' WHERE id = ?1",
            [goal],
        )?;
        tx.execute(
            "UPDATE commitments SET title = 'Commitment renamed later' WHERE id = ?1",
            [shipped],
        )?;
        tx.execute(
            "UPDATE pain_points SET title = 'Pain point renamed later' WHERE id = ?1",
            [slow_ci],
        )?;
        tx.execute(
            "DELETE FROM card_evidence WHERE pain_point_id = ?1",
            [slow_ci],
        )?;
        Ok(())
    })
    .unwrap();
    let late = survey(&w.db, "2026-Q3", csat, None);
    for _ in 0..6 {
        answer(&w.db, &late, "Checkout", 1);
    }
    let live =
        w.db.read(|conn| chain::goal(conn, goal, now().date_naive()))
            .unwrap();
    assert_eq!(live.title, "Goal renamed later", "today's chain moved");
    assert_eq!(live.commitments[0].pain_points[0].all_evidence, 1);
    assert_eq!(
        read(&w, "2026-Q3").chains.as_deref(),
        Some(kept.as_slice()),
        "the kept chains did not"
    );

    // Regenerated on purpose: the chains are read again from today's data, still to Q3.
    let again = w.db.write(|tx| review::regenerate(tx, q3, now())).unwrap();
    let chains = again.chains.expect("kept again");
    let c = &chains[0];
    assert_eq!(c.title, "Goal renamed later");
    let titles: Vec<&str> = c.commitments.iter().map(|m| m.title.as_str()).collect();
    assert_eq!(
        titles,
        vec!["Commitment renamed later", "Retry flaky deploys"]
    );
    let point = &c.commitments[0].pain_points[0];
    assert_eq!(
        (point.title.as_str(), point.all_evidence),
        ("Pain point renamed later", 1)
    );
    assert_eq!(
        c.latest.as_ref().map(|v| (v.quarter.as_str(), v.value)),
        Some(("2026-Q3", 30.0))
    );
}

#[test]
fn homes_goal_tile_says_the_change_from_the_quarter_before_and_the_distance_to_target() {
    let Quarters { w, goal, csat, .. } = quarters();
    let glance = |w: &World| {
        w.db.read(|c| outward_core::home::glance(c, now().date_naive()))
            .unwrap()
    };
    let home = glance(&w);
    let tile = &home.goals[0];
    assert_eq!(tile.goal_id, goal);
    // Latest 75 % in Q3, 40 % in Q2: +35 points, within noise with so few answers; 5 to go.
    assert_eq!(tile.latest.as_ref().map(|v| v.value), Some(75.0));
    assert_eq!(
        tile.previous.as_ref().map(|v| v.quarter.as_str()),
        Some("2026-Q2")
    );
    let change = tile.change.expect("a change");
    assert_eq!(change.difference, 35.0);
    assert!(change.within_noise);
    assert_eq!(tile.to_target, Some(5.0));
    assert!(!tile.reached);

    // A Q4 round of 20 satisfied answers of 20: the target is reached, so nothing is left to
    // go; Q3's four answers still leave the move within noise.
    let q4 = survey(&w.db, "2026-Q4", csat, None);
    for _ in 0..20 {
        answer(&w.db, &q4, "Payments", 5);
    }
    let tile = glance(&w).goals[0].clone();
    assert_eq!(
        tile.previous.as_ref().map(|v| v.quarter.as_str()),
        Some("2026-Q3")
    );
    let change = tile.change.expect("a change");
    assert_eq!(change.difference, 25.0);
    assert!(change.within_noise, "{change:?}");
    assert_eq!(tile.to_target, Some(0.0));
    assert!(tile.reached);
}
