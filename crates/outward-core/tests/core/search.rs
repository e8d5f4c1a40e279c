//! Search: kept in step with every write, ranked among the newest matches, blind to the Trash.

use crate::fixtures::{day, interview, now, pain_point, utf16, world};
use outward_core::entity::EntityKind;
use outward_core::error::Error;
use outward_core::id::Id;
use outward_core::interviews;
use outward_core::pain_points::{self, Frequency, PainPointInput};
use outward_core::search::{self, HitKind};
use outward_core::trash;

#[test]
fn search_stays_in_step_with_inserts_updates_and_deletes() {
    let w = world();
    let i = interview(
        &w,
        w.payments,
        day(2026, 11, 18),
        "Flaky canaries block Friday releases.",
    );
    pain_point(&w, "Canary analysis is opaque", 2);
    let hits =
        w.db.read(|c| search::search(c, "canar", now().date_naive()))
            .unwrap();
    let kinds: Vec<HitKind> = hits.iter().map(|h| h.kind).collect();
    assert!(
        kinds.contains(&HitKind::Interview) && kinds.contains(&HitKind::PainPoint),
        "{kinds:?}"
    );
    let hit = hits.iter().find(|h| h.kind == HitKind::Interview).unwrap();
    assert_eq!((hit.id, hit.title.as_str()), (i, "Payments"));
    assert!(
        hit.snippet.contains("\u{E000}canaries\u{E001}"),
        "{}",
        hit.snippet
    );

    w.db.write(|tx| interviews::save_notes(tx, i, "Rollbacks take an hour.", now()))
        .unwrap();
    let interviews_found = |q: &str| {
        w.db.read(|c| search::search(c, q, now().date_naive()))
            .unwrap()
            .into_iter()
            .filter(|h| h.kind == HitKind::Interview)
            .count()
    };
    assert_eq!(interviews_found("canaries"), 0, "old words leave the index");
    assert_eq!(
        interviews_found("\"rollbacks take\""),
        1,
        "phrases match the new words"
    );
    w.db.write(|tx| trash::move_to_trash(tx, EntityKind::Interview, i, now()))
        .unwrap();
    assert_eq!(
        interviews_found("rollbacks"),
        0,
        "trashed interviews are not found"
    );
    trash::empty(&w.db, now()).unwrap();
    assert_eq!(
        interviews_found("rollbacks"),
        0,
        "destroyed rows leave the index"
    );
    let err =
        w.db.read(|c| search::search(c, "?!*", now().date_naive()))
            .unwrap_err();
    assert!(matches!(err, Error::Validation { field: "query", .. }));
}

#[test]
fn a_term_found_nearly_everywhere_is_ranked_among_its_newest_matches() {
    let w = world();
    let oldest_best = pain_point(&w, "Deploy deploy deploy deploy", 2);
    w.db.write(|tx| {
        for n in 0..search::RANKED_MAX {
            let input = PainPointInput {
                title: format!("Slow deploy {n}"),
                description: String::new(),
                severity: 2,
                frequency: Frequency::Weekly,
                product_ids: vec![],
                customer_ids: vec![],
                tags: vec![],
            };
            pain_points::create(tx, &input, None, now())?;
        }
        Ok(())
    })
    .unwrap();
    let newest_best = pain_point(&w, "Deploy deploy deploy waits", 2);
    let found: Vec<Id> =
        w.db.read(|c| search::search(c, "deploy", now().date_naive()))
            .unwrap()
            .into_iter()
            .filter(|h| h.kind == HitKind::PainPoint)
            .map(|h| h.id)
            .collect();
    assert_eq!(
        found.len() as u32,
        search::LIMIT_PER_KIND,
        "hits are capped"
    );
    assert_eq!(
        found[0], newest_best,
        "the best of the newest matches comes first"
    );
    assert!(
        !found.contains(&oldest_best),
        "a match older than the newest {} is not ranked",
        search::RANKED_MAX
    );
}

#[test]
fn records_in_the_trash_take_no_place_among_the_hits() {
    let w = world();
    let weaker = pain_point(&w, "Queue is slow", 2);
    for n in 0..=search::LIMIT_PER_KIND {
        let better = pain_point(&w, &format!("Queue queue queue {n}"), 2);
        w.db.write(|tx| trash::move_to_trash(tx, EntityKind::PainPoint, better, now()))
            .unwrap();
    }
    let found: Vec<Id> =
        w.db.read(|c| search::search(c, "queue", now().date_naive()))
            .unwrap()
            .into_iter()
            .map(|h| h.id)
            .collect();
    assert_eq!(
        found,
        [weaker],
        "better matches in the Trash do not crowd it out"
    );
}

/// The UTF-16 passage `range` selects in `text`, as the editor would select it.
fn passage(text: &str, range: search::NotesRange) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[range.start as usize..range.end as usize]).unwrap()
}

#[test]
fn an_interview_hit_says_where_its_first_match_is_in_the_notes() {
    let w = world();
    let notes = "Zoë’s café in Zürich 😀: la réunion a dit — the Canaries fail, and canaries again.\nDéploiement lent.";
    let i = interview(&w, w.payments, day(2026, 11, 18), notes);
    let found = |q: &str| {
        w.db.read(|c| search::search(c, q, now().date_naive()))
            .unwrap()
            .into_iter()
            .find(|h| h.kind == HitKind::Interview && h.id == i)
            .expect("the interview is found")
            .notes_match
    };

    let range = found("canar").expect("a match in the notes");
    assert_eq!(passage(notes, range), "Canaries", "{range:?}");
    assert_eq!(
        (range.start, range.end),
        utf16(notes, "Canaries"),
        "UTF-16 units, not bytes"
    );
    let deploy = found("deploiement").expect("diacritics are folded as the index folds them");
    assert_eq!(passage(notes, deploy), "Déploiement");
    let phrase = found("\"fail and canaries\"").expect("a phrase is found whole");
    assert_eq!(passage(notes, phrase), "fail, and canaries");
    assert_eq!(
        found("lena"),
        None,
        "a match only among the interviewees is not in the notes"
    );
    let mixed = found("lena zurich").expect("the notes hold one of the words");
    assert_eq!(passage(notes, mixed), "Zürich");
}

#[test]
fn hits_read_as_plain_text_never_repeat_the_title_and_carry_what_tells_them_apart() {
    let w = world();
    interview(
        &w,
        w.payments,
        day(2026, 11, 18),
        "# Payments — release day\n\nThe **flaky canaries** block Friday releases.",
    );
    let described = |title: &str, description: &str| {
        let input = PainPointInput {
            title: title.into(),
            description: description.into(),
            severity: 3,
            frequency: Frequency::Weekly,
            product_ids: vec![],
            customer_ids: vec![],
            tags: vec![],
        };
        w.db.write(|tx| pain_points::create(tx, &input, None, now()))
            .unwrap()
            .id
    };
    let with_words = described(
        "Canaries are flaky",
        "Checkout's **canary** stage fails at random.",
    );
    let bare = described("Canaries are flaky too", "");
    w.db.write(|tx| pain_points::set_status(tx, bare, pain_points::Status::Planned, None, now()))
        .unwrap();
    let hits =
        w.db.read(|c| search::search(c, "canar", now().date_naive()))
            .unwrap();
    let talk = hits.iter().find(|h| h.kind == HitKind::Interview).unwrap();
    assert_eq!(talk.heading.as_deref(), Some("Payments — release day"));
    assert!(
        !talk.snippet.contains("**") && talk.snippet.contains("\u{E000}canaries\u{E001}"),
        "plain text, the match still marked: {}",
        talk.snippet
    );
    let hit_of = |id| hits.iter().find(|h| h.id == id).unwrap();
    assert_eq!(
        hit_of(with_words).snippet,
        "Checkout's \u{E000}canary\u{E001} stage fails at random.",
        "a pain point's snippet comes from its description, as plain text"
    );
    assert_eq!(
        hit_of(bare).snippet,
        "",
        "no description: no snippet, never the title again"
    );
    assert_eq!(hit_of(bare).status, Some(pain_points::Status::Planned));
    assert_eq!(hit_of(with_words).status, Some(pain_points::Status::New));
    assert_eq!(hit_of(with_words).evidence_count, Some(0));
    assert!(hit_of(with_words).weight.is_some_and(|w| w > 0.0));
}

/// Rows of the notes' index: each segment a save writes adds one here (these notes fit on one
/// page), and merging segments leaves fewer.
fn notes_index_pages(w: &crate::fixtures::World) -> i64 {
    w.db.read(|c| {
        Ok(
            c.query_row("SELECT count(*) FROM interview_passages_data", [], |r| {
                r.get(0)
            })?,
        )
    })
    .unwrap()
}

#[test]
fn saving_notes_leaves_merging_the_index_to_idle_time_and_search_finds_the_same() {
    let w = world();
    let i = interview(
        &w,
        w.payments,
        day(2026, 11, 18),
        "Flaky canaries block Friday releases.",
    );
    let automerge: i64 =
        w.db.read(|c| {
            Ok(c.query_row(
                "SELECT v FROM interview_passages_config WHERE k = 'automerge'",
                [],
                |r| r.get(0),
            )?)
        })
        .unwrap();
    assert_eq!(automerge, 0, "a save does not merge the notes' index");

    let before = notes_index_pages(&w);
    for n in 0..10 {
        let notes = format!("Rollbacks take an hour, said caller {n}. Flaky canaries too.");
        w.db.write(|tx| interviews::save_notes(tx, i, &notes, now()))
            .unwrap();
    }
    let piled = notes_index_pages(&w);
    assert!(
        piled >= before + 10,
        "each save wrote a segment of its own: {before} → {piled}"
    );
    let found = |q: &str| {
        w.db.read(|c| search::search(c, q, now().date_naive()))
            .unwrap()
            .into_iter()
            .filter(|h| h.kind == HitKind::Interview)
            .map(|h| (h.id, h.snippet, h.notes_match))
            .collect::<Vec<_>>()
    };
    let queries = [
        "canar",
        "\"rollbacks take\"",
        "caller 9",
        "caller 3",
        "friday",
    ];
    let seen: Vec<_> = queries.iter().map(|q| found(q)).collect();
    assert_eq!(seen[0].len(), 1, "{seen:?}");
    assert_eq!(seen[2].len(), 1, "the last save is searchable at once");
    assert!(
        seen[0][0].1.contains("\u{E000}canaries\u{E001}"),
        "{:?}",
        seen[0]
    );
    assert!(seen[3].is_empty(), "an older save's words left the index");
    assert!(seen[4].is_empty(), "the first notes' words left the index");

    let mut steps = 0;
    while w.db.write(search::tidy_index).unwrap() {
        steps += 1;
        assert!(steps < 100, "tidying ends");
    }
    assert!(steps > 0, "there was something to merge");
    let tidied = notes_index_pages(&w);
    assert!(
        tidied < piled,
        "tidying merged the segments: {piled} → {tidied}"
    );
    assert!(
        !w.db.write(search::tidy_index).unwrap(),
        "nothing is left to merge"
    );
    w.db.write(|tx| {
        tx.execute_batch(
            "INSERT INTO interview_passages (interview_passages, rank) VALUES ('integrity-check', 1)",
        )?;
        Ok(())
    })
    .expect("the index matches the notes");
    let after: Vec<_> = queries.iter().map(|q| found(q)).collect();
    assert_eq!(after, seen, "tidying changes no hit, snippet or match");
}

/// Rows of `table`'s index data: every save that indexes text writes a new segment there.
fn index_rows(w: &crate::fixtures::World, table: &str) -> i64 {
    w.db.read(|c| {
        Ok(
            c.query_row(&format!("SELECT count(*) FROM {table}_data"), [], |r| {
                r.get(0)
            })?,
        )
    })
    .unwrap()
}

#[test]
fn saves_that_leave_the_text_unchanged_leave_the_index_alone() {
    let w = world();
    let notes = "Flaky canaries block Friday releases.";
    let i = interview(&w, w.payments, day(2026, 11, 18), notes);
    let found = |q: &str, kind: HitKind| {
        w.db.read(|c| search::search(c, q, now().date_naive()))
            .unwrap()
            .into_iter()
            .filter(|h| h.kind == kind)
            .map(|h| (h.id, h.snippet))
            .collect::<Vec<_>>()
    };
    let before = index_rows(&w, "interview_passages");
    let stored = w.db.read(|c| interviews::get(c, i)).unwrap();
    let mut input = interviews::InterviewInput {
        customer_id: w.payments,
        held_on: day(2026, 11, 19),
        kind: stored.kind,
        interviewees: stored.interviewees.clone(),
        interviewer_ids: vec![w.ada],
        duration_minutes: Some(45),
        tags: vec!["CI".into()],
        notes: notes.into(),
    };
    w.db.write(|tx| interviews::update(tx, i, &input, now()))
        .unwrap();
    w.db.write(|tx| interviews::save_notes(tx, i, notes, now()))
        .unwrap();
    assert_eq!(
        index_rows(&w, "interview_passages"),
        before,
        "a new date and length, and notes saved as they were, index nothing"
    );
    let hits = found("canar", HitKind::Interview);
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert!(hits[0].1.contains("\u{E000}canaries\u{E001}"), "{hits:?}");

    input.interviewees = "Noor (SRE)".into();
    w.db.write(|tx| interviews::update(tx, i, &input, now()))
        .unwrap();
    assert!(
        index_rows(&w, "interview_passages") > before,
        "changed interviewees are indexed"
    );
    assert_eq!(found("noor", HitKind::Interview).len(), 1);
    assert!(
        found("lena", HitKind::Interview).is_empty(),
        "the old name left the index"
    );

    let p = pain_point(&w, "Canary analysis is opaque", 2);
    let before = index_rows(&w, "pain_points_fts");
    let mut edit = PainPointInput {
        title: "Canary analysis is opaque".into(),
        description: String::new(),
        severity: 4,
        frequency: Frequency::Daily,
        product_ids: vec![],
        customer_ids: vec![],
        tags: vec![],
    };
    w.db.write(|tx| pain_points::update(tx, p, &edit, now()))
        .unwrap();
    assert_eq!(
        index_rows(&w, "pain_points_fts"),
        before,
        "a new severity indexes nothing"
    );
    edit.description = "Nobody can read the verdict.".into();
    w.db.write(|tx| pain_points::update(tx, p, &edit, now()))
        .unwrap();
    assert!(index_rows(&w, "pain_points_fts") > before);
    assert_eq!(found("verdict", HitKind::PainPoint).len(), 1);
    assert_eq!(found("canary", HitKind::PainPoint).len(), 1);

    w.db.write(|tx| {
        tx.execute_batch(
            "INSERT INTO interview_passages (interview_passages, rank) VALUES ('integrity-check', 1);
             INSERT INTO pain_points_fts (pain_points_fts, rank) VALUES ('integrity-check', 1);",
        )?;
        Ok(())
    })
    .expect("both indexes match their rows");
}

/// Notes of `paragraphs` paragraphs, a heading every ninth, long enough to make many passages.
fn long_notes(paragraphs: usize) -> String {
    (0..paragraphs)
        .map(|n| {
            let heading = if n % 9 == 0 {
                format!("## Part {n}\n\n")
            } else {
                String::new()
            };
            format!("{heading}Paragraph {n}: the team said something about queues and load.\n\n")
        })
        .collect()
}

/// The interview's notes passages as the index holds them, by row id.
fn indexed_passages(w: &crate::fixtures::World, i: Id) -> Vec<(i64, String)> {
    w.db.read(|c| {
        let rowid: i64 = c.query_row("SELECT rowid FROM interviews WHERE id = ?1", [i], |r| {
            r.get(0)
        })?;
        let mut stmt = c.prepare(
            "SELECT rowid, notes FROM interview_passages
             WHERE rowid > ?1 << 32 AND rowid < (?1 + 1) << 32 ORDER BY rowid",
        )?;
        let rows = stmt.query_map([rowid], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    })
    .unwrap()
}

#[test]
fn a_save_re_indexes_only_the_passages_it_changed_and_the_index_holds_the_notes() {
    let w = world();
    let notes = long_notes(150);
    let i = interview(&w, w.payments, day(2026, 11, 18), &notes);
    let distinct = |text: &str| {
        let mut cut: Vec<String> = search::passages::passages(text)
            .into_iter()
            .map(str::to_owned)
            .collect();
        cut.sort();
        cut.dedup();
        cut
    };
    let held = |w: &crate::fixtures::World| {
        let mut texts: Vec<String> = indexed_passages(w, i).into_iter().map(|(_, t)| t).collect();
        texts.sort();
        texts
    };
    let before = indexed_passages(&w, i);
    assert!(before.len() >= 10, "{} passages", before.len());
    assert_eq!(held(&w), distinct(&notes));

    let at = notes.find("Paragraph 70:").unwrap();
    let edited = format!(
        "{}A sentence typed just now about canaries. {}",
        &notes[..at],
        &notes[at..]
    );
    w.db.write(|tx| interviews::save_notes(tx, i, &edited, now()))
        .unwrap();
    let after = indexed_passages(&w, i);
    let kept = after.iter().filter(|row| before.contains(row)).count();
    assert!(
        after.len() - kept <= 2,
        "{} of {} passages re-indexed",
        after.len() - kept,
        after.len()
    );
    assert_eq!(held(&w), distinct(&edited));

    // Whatever a save does (a paragraph repeated, a part removed, everything cleared), the
    // index holds the distinct passages of the notes and FTS5 finds it sound.
    let repeated = format!("{edited}{}", &edited[..edited.len() / 3]);
    let shortened = edited.replacen("Paragraph 12:", "", 1)[..edited.len() / 2].to_owned();
    for text in [repeated.as_str(), shortened.as_str(), "", notes.as_str()] {
        w.db.write(|tx| interviews::save_notes(tx, i, text, now()))
            .unwrap();
        assert_eq!(held(&w), distinct(text));
    }
    w.db.write(|tx| {
        tx.execute_batch(
            "INSERT INTO interview_passages (interview_passages, rank) VALUES ('integrity-check', 1)",
        )?;
        Ok(())
    })
    .expect("the index matches its passages");
}

#[test]
fn words_spread_over_passages_find_the_interview_after_those_found_together() {
    let w = world();
    let notes = long_notes(150);
    let first = notes.find("Paragraph 3:").unwrap();
    let last = notes.find("Paragraph 140:").unwrap();
    let spread_notes = format!(
        "{}Kubernetes upgrades stall. {}Terraform drift again. {}",
        &notes[..first],
        &notes[first..last],
        &notes[last..]
    );
    let spread = interview(&w, w.payments, day(2026, 11, 10), &spread_notes);
    let together = interview(
        &w,
        w.payments,
        day(2026, 11, 12),
        "Kubernetes and Terraform fight over the same load balancer.",
    );
    let hits: Vec<search::SearchHit> =
        w.db.read(|c| search::search(c, "kubernetes terraform", now().date_naive()))
            .unwrap()
            .into_iter()
            .filter(|h| h.kind == HitKind::Interview)
            .collect();
    let ids: Vec<Id> = hits.iter().map(|h| h.id).collect();
    assert_eq!(
        ids,
        [together, spread],
        "both found, the one with the words together first"
    );
    let place = hits[1]
        .notes_match
        .expect("the spread hit says where a word is");
    let word = passage(&spread_notes, place);
    assert!(
        ["Kubernetes", "Terraform"].contains(&word.as_str()),
        "{word}"
    );
    assert!(hits[1].snippet.contains('\u{E000}'), "{}", hits[1].snippet);
    assert!(
        w.db.read(|c| search::search(c, "kubernetes canaries", now().date_naive()))
            .unwrap()
            .iter()
            .all(|h| h.kind != HitKind::Interview),
        "every word must be in the interview"
    );
    w.db.write(|tx| trash::move_to_trash(tx, EntityKind::Interview, spread, now()))
        .unwrap();
    let ids: Vec<Id> =
        w.db.read(|c| search::search(c, "kubernetes terraform", now().date_naive()))
            .unwrap()
            .into_iter()
            .filter(|h| h.kind == HitKind::Interview)
            .map(|h| h.id)
            .collect();
    assert_eq!(ids, [together], "a spread match in the Trash is not found");
}
