//! Surveys: typed-in responses checked against their questions, and imports of real-shaped
//! exports (Google Forms, Microsoft Forms, Typeform, plain CSV) that either take every row
//! correctly or write nothing and name the line (or row) and column of the problem.

use crate::fixtures::{now, pain_point, world};
use crate::metrics::{metric, survey};
use outward_core::bundle::Progress;
use outward_core::db::Database;
use outward_core::metrics::values;
use outward_core::metrics::{Direction, MetricKind};
use outward_core::quarter::{FiscalYearStart, Quarter};
use outward_core::surveys::import::{self, ImportMapping, QuestionColumn, Sheet};
use outward_core::surveys::{
    self, AnswerInput, QuestionInput, QuestionKind, ResponseInput, Survey, SurveyInput,
};
use proptest::prelude::*;

fn fixture(name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/survey-exports")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A survey asking CSAT (1–5), NPS (0–10) and for a comment.
fn full_survey(db: &Database) -> Survey {
    let csat = metric(
        db,
        "CI satisfaction",
        MetricKind::Csat,
        Direction::HigherIsBetter,
    );
    let nps = metric(
        db,
        "Platform NPS",
        MetricKind::Nps,
        Direction::HigherIsBetter,
    );
    let question = |prompt: &str, kind, metric| QuestionInput {
        prompt: prompt.into(),
        kind,
        metric_id: metric,
        scale_min: None,
        scale_max: None,
    };
    let input = SurveyInput {
        title: "Developer survey".into(),
        quarter: "2026-Q3".into(),
        opened_on: None,
        audience_size: Some(40),
        team_id: None,
        questions: vec![
            question(
                "How satisfied are you with CI?",
                QuestionKind::Score,
                Some(csat),
            ),
            question(
                "How likely are you to recommend the platform to a colleague?",
                QuestionKind::Score,
                Some(nps),
            ),
            question(
                "Anything else you want to tell us?",
                QuestionKind::Comment,
                None,
            ),
        ],
    };
    db.write(|tx| surveys::create(tx, &input, now())).unwrap()
}

fn import_all(
    db: &Database,
    survey: &Survey,
    sheet: &Sheet,
    mapping: &ImportMapping,
) -> outward_core::error::Result<import::Imported> {
    db.write(|tx| import::import(tx, survey.id, sheet, mapping, now(), &mut |_| true))
}

fn responses(db: &Database, survey: &Survey) -> u32 {
    db.read(|c| surveys::get(c, survey.id)).unwrap().responses
}

fn q3() -> Quarter {
    Quarter::parse("2026-Q3", FiscalYearStart::CALENDAR, "quarter").unwrap()
}

#[test]
fn each_form_tools_export_imports_through_its_suggested_or_remembered_mapping() {
    for (file, rows, note) in [
        ("google-forms.csv", 6, false),
        ("typeform.csv", 5, false),
        ("plain-semicolon.csv", 5, false),
        ("microsoft-forms.xlsx", 5, true),
    ] {
        let w = world();
        let s = full_survey(&w.db);
        let sheet = import::read(&fixture(file), file).unwrap();
        let preview =
            w.db.read(|c| import::preview(c, s.id, &sheet, None))
                .unwrap();
        assert_eq!(preview.problem, None, "{file}: {preview:?}");
        assert_eq!(preview.responses, rows, "{file}");
        assert_eq!(
            preview.mapping.questions.len(),
            3,
            "{file}: {:?}",
            preview.mapping
        );
        assert!(!preview.remembered);
        assert_eq!(preview.note.is_some(), note, "{file}: {:?}", preview.note);
        assert!(preview.rows.len() <= import::PREVIEW_ROWS);
        // Labels no customer team matched are listed for review.
        assert!(
            preview
                .unmatched
                .iter()
                .any(|u| u.team_label == "Data Platform"),
            "{file}: {:?}",
            preview.unmatched
        );
        let done = import_all(&w.db, &s, &sheet, &preview.mapping).unwrap();
        assert_eq!(done.responses, rows, "{file}");
        assert_eq!(responses(&w.db, &s), rows, "{file}");
        let shown = w.db.read(|c| values::quarter(c, q3())).unwrap();
        let csat = shown
            .iter()
            .find(|m| m.metric.name == "CI satisfaction")
            .unwrap();
        assert_eq!(csat.value.as_ref().unwrap().n, Some(rows), "{file}");
        // The next round's export of the same form maps itself.
        let again =
            w.db.read(|c| import::preview(c, s.id, &sheet, None))
                .unwrap();
        assert!(again.remembered, "{file}");
        assert_eq!(again.mapping, preview.mapping);
        // Reviewing an unmatched label assigns those responses to a customer team.
        let n =
            w.db.write(|tx| surveys::assign_customer(tx, s.id, "Data Platform", w.checkout, now()))
                .unwrap();
        assert!(n >= 1);
        assert!(
            w.db.read(|c| surveys::unmatched(c, s.id))
                .unwrap()
                .iter()
                .all(|u| u.team_label != "Data Platform")
        );
    }
}

#[test]
fn quoted_newlines_bom_and_blank_lines_are_read_as_meant() {
    let w = world();
    let s = full_survey(&w.db);
    let sheet = import::read(&fixture("google-forms.csv"), "google-forms.csv").unwrap();
    // The file starts with a byte-order mark, has a blank line, and a comment over two lines.
    assert_eq!(sheet.headers[0], "Timestamp");
    let multi = sheet
        .rows
        .iter()
        .find(|r| r.cells.iter().any(|c| c.contains('\n')))
        .expect("a comment over two lines");
    assert!(multi.cells.iter().any(|c| c.starts_with("Builds queue")));
    let preview =
        w.db.read(|c| import::preview(c, s.id, &sheet, None))
            .unwrap();
    import_all(&w.db, &s, &sheet, &preview.mapping).unwrap();
    let found =
        w.db.read(|c| surveys::search_comments(c, "queue", 10))
            .unwrap();
    assert_eq!(found.len(), 1, "comments are searchable");
    // A comment kept as evidence shows on the pain point.
    let pain = pain_point(&w, "Slow CI", 3);
    w.db.write(|tx| {
        surveys::quote_comment(
            tx,
            found[0].response_id,
            found[0].question_id,
            pain,
            Some("Builds queue"),
            now(),
        )
    })
    .unwrap();
    let evidence =
        w.db.read(|c| {
            outward_core::evidence::page_of(c, pain, outward_core::page::PageRequest::default())
        })
        .unwrap();
    assert_eq!(evidence.items.len(), 1);
    assert_eq!(
        evidence.items[0].source,
        outward_core::evidence::EvidenceSource::Survey
    );
    assert_eq!(evidence.items[0].survey_id, Some(s.id));
}

/// A plain CSV with `body` under the header `Team,Email,Date,CSAT,NPS,Comment`.
fn plain(body: &str) -> Sheet {
    let text = format!("Team,Email,Date,CSAT,NPS,Comment\n{body}");
    import::read(text.as_bytes(), "plain.csv").unwrap()
}

fn mapping() -> ImportMapping {
    ImportMapping {
        team_column: Some("Team".into()),
        respondent_column: Some("Email".into()),
        date_column: Some("Date".into()),
        questions: ["CSAT", "NPS", "Comment"]
            .iter()
            .enumerate()
            .map(|(i, c)| QuestionColumn {
                column: (*c).into(),
                position: i as u32,
            })
            .collect(),
        teams: Default::default(),
    }
}

#[test]
fn every_bad_input_stops_before_writing_and_names_the_line_and_column() {
    let w = world();
    let s = full_survey(&w.db);
    let good = "Payments,a@x.io,2026-07-14,5,9,Fine\n";
    for (body, expected) in [
        (
            "Payments,b@x.io,2026-07-14,7,9,\n",
            "Line 3, column “CSAT”: 7 is outside the scale",
        ),
        (
            "Payments,b@x.io,2026-07-14,great,9,\n",
            "Line 3, column “CSAT”: “great” is not a score",
        ),
        (
            "Payments,b@x.io,2026-07-14,4,11,\n",
            "Line 3, column “NPS”: 11 is outside",
        ),
        (
            "Payments,a@x.io,2026-07-15,4,9,\n",
            "Line 3, column “Email”: “a@x.io” answered already, on line 2",
        ),
        (
            "Payments,b@x.io,14th of July,4,9,\n",
            "Line 3, column “Date”: “14th of July” is not a date",
        ),
        (
            "Payments,b@x.io,2026-07-14,4,9\n",
            "Line 3 has 5 columns, but the header row has 6",
        ),
    ] {
        let sheet = import::read(
            format!("Team,Email,Date,CSAT,NPS,Comment\n{good}{body}").as_bytes(),
            "plain.csv",
        );
        let error = match sheet {
            Err(e) => e,
            Ok(sheet) => import_all(&w.db, &s, &sheet, &mapping()).unwrap_err(),
        };
        assert_eq!(error.field(), Some("file"), "{error}");
        assert!(
            error.to_string().contains(expected),
            "{error}\nexpected: {expected}"
        );
        assert_eq!(responses(&w.db, &s), 0, "nothing written for: {body}");
    }
    // A file imported twice is refused the second time: its respondents are already there.
    import_all(&w.db, &s, &plain(good), &mapping()).unwrap();
    let again = import_all(&w.db, &s, &plain(good), &mapping()).unwrap_err();
    assert!(
        again.to_string().contains("already has a response"),
        "{again}"
    );
    assert_eq!(responses(&w.db, &s), 1);
    // A mapping naming a column the file lacks, and one with no question.
    let mut wrong = mapping();
    wrong.team_column = Some("Squad".into());
    let e = import_all(&w.db, &s, &plain("Payments,c@x.io,,4,9,\n"), &wrong).unwrap_err();
    assert_eq!(e.field(), Some("mapping"));
    let e = import_all(
        &w.db,
        &s,
        &plain("Payments,c@x.io,,4,9,\n"),
        &ImportMapping::default(),
    )
    .unwrap_err();
    assert_eq!(e.field(), Some("mapping"));
}

#[test]
fn dates_in_the_formats_form_tools_write_are_read() {
    use chrono::NaiveDate;
    let july = NaiveDate::from_ymd_opt(2026, 7, 14).unwrap();
    for text in [
        "2026-07-14",
        "2026-07-14 10:32:11",
        "2026/07/14 10:32:11 AM GMT+1",
        "7/14/2026 10:32:11",
        "14.07.2026",
        "2026-07-14T10:32:11Z",
    ] {
        assert_eq!(import::parse_day(text), Some(july), "{text}");
    }
    for bad in ["14/07/2026", "July 14", "2026-13-01", ""] {
        assert_eq!(import::parse_day(bad), None, "{bad}");
    }
}

#[test]
fn an_xlsx_with_merged_cells_is_refused_naming_where() {
    let e = import::read(&fixture("merged-cells.xlsx"), "merged-cells.xlsx").unwrap_err();
    assert_eq!(e.field(), Some("file"));
    assert!(e.to_string().contains("merged cells"), "{e}");
    assert!(e.to_string().contains("Row 3, column D"), "{e}");
}

#[test]
fn a_file_too_large_is_refused_before_it_is_read() {
    let big = vec![b'a'; import::FILE_MAX_BYTES as usize + 1];
    let e = import::read(&big, "huge.csv").unwrap_err();
    assert!(
        e.to_string().contains("the most an import reads is 100 MB"),
        "{e}"
    );
}

#[test]
fn a_cancelled_import_writes_nothing_and_progress_is_heard() {
    let w = world();
    let s = full_survey(&w.db);
    let mut body = String::new();
    for i in 0..1200 {
        body.push_str(&format!(
            "Payments,p{i}@x.io,2026-07-14,{},{},\n",
            1 + i % 5,
            i % 11
        ));
    }
    let sheet = plain(&body);
    let mut heard = Vec::new();
    let e =
        w.db.write(|tx| {
            import::import(tx, s.id, &sheet, &mapping(), now(), &mut |p: Progress| {
                heard.push(p.done);
                p.done < 1000
            })
        })
        .unwrap_err();
    assert!(e.to_string().contains("cancelled"), "{e}");
    assert_eq!(heard, [0, 500, 1000]);
    assert_eq!(responses(&w.db, &s), 0);
    let done = import_all(&w.db, &s, &sheet, &mapping()).unwrap();
    assert_eq!(done.responses, 1200);
    assert_eq!(done.answers, 2400);
}

#[test]
fn typed_in_responses_are_checked_against_their_questions() {
    let w = world();
    let s = full_survey(&w.db);
    let base = ResponseInput {
        survey_id: s.id,
        customer_id: None,
        team_label: "Payments".into(),
        respondent: String::new(),
        responded_on: None,
        answers: vec![],
    };
    let with = |answers: Vec<AnswerInput>| ResponseInput {
        answers,
        ..base.clone()
    };
    let score = |i: usize, v: i64| AnswerInput {
        question_id: s.questions[i].id,
        value: Some(v),
        text: None,
    };
    for (bad, what) in [
        (with(vec![]), "at least one question"),
        (with(vec![score(0, 6)]), "outside the scale"),
        (with(vec![score(0, 4), score(0, 5)]), "answered twice"),
        (
            with(vec![AnswerInput {
                question_id: s.questions[0].id,
                value: None,
                text: Some("great".into()),
            }]),
            "answered with a score",
        ),
    ] {
        let e =
            w.db.write(|tx| surveys::add_response(tx, &bad, now()))
                .unwrap_err();
        assert_eq!(e.field(), Some("answers"));
        assert!(e.to_string().contains(what), "{e}");
    }
    w.db.write(|tx| surveys::add_response(tx, &with(vec![score(0, 4), score(1, 10)]), now()))
        .unwrap();
    let saved = w.db.read(|c| surveys::get(c, s.id)).unwrap();
    assert_eq!(
        (saved.responses, saved.unmatched),
        (1, 0),
        "Payments matched by name"
    );
    let _ = survey;
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn no_input_makes_the_reader_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = import::read(&bytes, "any.csv");
        let _ = import::read(&bytes, "any.xlsx");
        let mut zip = b"PK\x03\x04".to_vec();
        zip.extend_from_slice(&bytes);
        let _ = import::read(&zip, "any.xlsx");
    }

    #[test]
    fn no_csv_text_makes_the_reader_or_planner_panic(text in "[a-z0-9,;\"\n\r\t .:/@-]{0,300}") {
        if let Ok(sheet) = import::read(text.as_bytes(), "any.csv") {
            let _ = import::suggest(&empty_survey(), &sheet);
        }
    }
}

fn empty_survey() -> Survey {
    Survey {
        id: outward_core::id::Id::at(now()),
        title: "t".into(),
        quarter: "2026-Q3".into(),
        opened_on: chrono::NaiveDate::from_ymd_opt(2026, 7, 1).unwrap(),
        audience_size: None,
        team_id: None,
        questions: vec![],
        responses: 0,
        unmatched: 0,
        created_at: now(),
        updated_at: now(),
    }
}

#[test]
fn comments_are_found_by_the_search_everywhere_one_hit_per_round_and_none_from_the_trash() {
    use outward_core::entity::EntityKind;
    use outward_core::search::{self, HitKind, MATCH_START};
    let w = world();
    let s = full_survey(&w.db);
    let comment = s
        .questions
        .iter()
        .find(|q| q.kind == QuestionKind::Comment)
        .unwrap()
        .id;
    for text in [
        "Runners are slow on Mondays",
        "Slow builds, slow reviews",
        "All good",
    ] {
        let input = ResponseInput {
            survey_id: s.id,
            customer_id: None,
            team_label: "Payments".into(),
            respondent: String::new(),
            responded_on: None,
            answers: vec![AnswerInput {
                question_id: comment,
                value: None,
                text: Some(text.into()),
            }],
        };
        w.db.write(|tx| surveys::add_response(tx, &input, now()))
            .unwrap();
    }
    let hits = |query: &str| {
        w.db.read(|c| search::search(c, query, now().date_naive()))
            .unwrap()
            .into_iter()
            .filter(|h| h.kind == HitKind::Survey)
            .collect::<Vec<_>>()
    };
    let found = hits("slow");
    assert_eq!(
        found.len(),
        1,
        "two comments of one round: one hit, {found:?}"
    );
    assert_eq!(found[0].id, s.id, "the hit opens the round");
    assert_eq!(found[0].title, "Developer survey");
    assert!(
        found[0].snippet.contains(MATCH_START) && found[0].snippet.to_lowercase().contains("slow"),
        "the snippet is the comment with the match marked: {}",
        found[0].snippet
    );
    assert!(hits("mondays").len() == 1 && hits("nowhere").is_empty());
    w.db.write(|tx| outward_core::trash::move_to_trash(tx, EntityKind::Survey, s.id, now()))
        .unwrap();
    assert!(hits("slow").is_empty(), "a round in the Trash is not found");
}

/// A count of one score given to one question: question, score, count.
type ScoreCount = (String, i64, i64);

/// Score counts per question and score: as the roll-up keeps them, and recounted from the live
/// responses' answers.
fn score_roll_up(conn: &rusqlite::Connection) -> (Vec<ScoreCount>, Vec<ScoreCount>) {
    let rows = |sql: &str| -> Vec<ScoreCount> {
        conn.prepare(sql)
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    };
    (
        rows("SELECT question_id, value, n FROM survey_score_tallies WHERE n <> 0 ORDER BY 1, 2"),
        rows(
            "SELECT a.question_id, a.value, count(*)
             FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id
             WHERE a.value IS NOT NULL AND r.deleted_at IS NULL
             GROUP BY 1, 2 ORDER BY 1, 2",
        ),
    )
}

#[track_caller]
fn assert_roll_up_in_step(db: &Database, after: &str) {
    let (kept, recounted) = db.read(|c| Ok(score_roll_up(c))).unwrap();
    assert_eq!(
        kept, recounted,
        "the score roll-up equals a recount after {after}"
    );
}

#[test]
fn the_score_roll_up_equals_a_recount_after_every_kind_of_write() {
    use outward_core::entity::EntityKind;
    use outward_core::trash;
    let w = world();
    let db = &w.db;
    let s = full_survey(db);
    let again = SurveyInput {
        title: "Developer survey, again".into(),
        quarter: "2026-Q4".into(),
        opened_on: None,
        audience_size: None,
        team_id: None,
        questions: s
            .questions
            .iter()
            .map(|q| QuestionInput {
                prompt: q.prompt.clone(),
                kind: q.kind,
                metric_id: q.metric_id,
                scale_min: None,
                scale_max: None,
            })
            .collect(),
    };
    let other = db.write(|tx| surveys::create(tx, &again, now())).unwrap();
    assert_roll_up_in_step(db, "nothing");
    let sheet = plain(
        "Payments,a@x,2026-07-01,5,9,Great\n\
         Payments,b@x,2026-07-01,4,10,\n\
         Nobody we know,c@x,2026-07-02,2,3,Slow\n\
         Nobody we know,d@x,2026-07-02,4,7,\n",
    );
    import_all(db, &s, &sheet, &mapping()).unwrap();
    import_all(db, &other, &sheet, &mapping()).unwrap();
    assert_roll_up_in_step(db, "imports");
    let csat = s.questions[0].id;
    let input = ResponseInput {
        survey_id: s.id,
        customer_id: None,
        team_label: "Nobody we know".into(),
        respondent: String::new(),
        responded_on: None,
        answers: vec![AnswerInput {
            question_id: csat,
            value: Some(3),
            text: None,
        }],
    };
    let typed = db
        .write(|tx| surveys::add_response(tx, &input, now()))
        .unwrap();
    assert_roll_up_in_step(db, "a typed-in response");
    db.write(|tx| surveys::assign_customer(tx, s.id, "Nobody we know", w.payments, now()))
        .unwrap();
    assert_roll_up_in_step(db, "matching a team label to a customer team");
    let raw = |sql: &str| {
        db.write(|tx| Ok(tx.execute(sql, [])?)).unwrap();
    };
    raw("UPDATE survey_answers SET value = 1 WHERE value = 5");
    assert_roll_up_in_step(db, "changing answers' scores");
    db.write(|tx| Ok(tx.execute("DELETE FROM survey_answers WHERE response_id = ?1", [typed])?))
        .unwrap();
    assert_roll_up_in_step(db, "deleting answers");
    raw(
        "UPDATE survey_responses SET deleted_at = '2026-11-20T10:00:00Z' WHERE team_label = 'Payments'",
    );
    assert_roll_up_in_step(db, "trashing responses");
    raw("UPDATE survey_responses SET deleted_at = NULL");
    assert_roll_up_in_step(db, "restoring them");
    raw("DELETE FROM survey_responses WHERE respondent = 'a@x'");
    assert_roll_up_in_step(db, "deleting responses outright");
    db.write(|tx| trash::move_to_trash(tx, EntityKind::Survey, other.id, now()))
        .unwrap();
    trash::empty(db, now()).unwrap();
    assert_roll_up_in_step(db, "destroying a survey from the Trash");
    let (kept, _) = db.read(|c| Ok(score_roll_up(c))).unwrap();
    assert!(
        !kept.is_empty(),
        "the first survey's scores are still counted"
    );

    // A bundle carries the answers; its import rebuilds the roll-up.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("bundle");
    db.read(|c| outward_core::bundle::export(c, &out, now(), &mut |_| true))
        .unwrap();
    let copy = Database::open(&dir.path().join("copy.db"), now()).unwrap();
    copy.write(|tx| outward_core::bundle::import(tx, &out))
        .unwrap();
    assert_roll_up_in_step(&copy, "a bundle's import");
    assert_eq!(
        copy.read(|c| Ok(score_roll_up(c).0)).unwrap(),
        kept,
        "the imported roll-up holds the same counts"
    );
}
