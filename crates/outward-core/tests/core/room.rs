//! Room mode against a real database file: what a device may do at each step, its budgets and
//! caps, submissions sent twice, and what is (not) stored about who wrote what.

use crate::fixtures::now;
use crate::workshops::room::{board, card as laptop_card, vote};
use crate::workshops::{GROUPING, RATING, Room, VOTING, WRITING, message, room as world};
use outward_core::error::Error;
use outward_core::exercises::StepKind;
use outward_core::id::Id;
use outward_core::review;
use outward_core::room::{
    self, Ballot, CARDS_PER_STEP, CardChange, Join, NewCard, PARTICIPANTS_MAX, Rating,
};
use outward_core::workshops::board::Audience;
use outward_core::workshops::ratings::{self, RatingInput, Score};
use outward_core::workshops::votes::VoteInput;
use outward_core::workshops::{cards, run, votes};
use std::sync::atomic::{AtomicU32, Ordering};

static SERIAL: AtomicU32 = AtomicU32::new(0);

/// A fresh random-looking key or submission id, as a device would draw.
fn key(what: &str) -> String {
    format!(
        "{what}-{:08}-{}",
        SERIAL.fetch_add(1, Ordering::Relaxed),
        "k".repeat(12)
    )
}

/// A running workshop on `step` with its room open.
fn open_at(r: &Room, step: u32) -> Id {
    let id = r.at_step(step);
    r.w.db
        .write(|tx| room::open(tx, id, "127.0.0.1", 0, now()))
        .unwrap();
    id
}

fn join(r: &Room, id: Id) -> String {
    let participant = key("participant");
    r.w.db
        .write(|tx| {
            room::join(
                tx,
                id,
                &Join {
                    participant: participant.clone(),
                },
            )
        })
        .unwrap();
    participant
}

fn new_card(participant: &str, text: &str) -> NewCard {
    NewCard {
        submission: key("submission"),
        participant: participant.into(),
        key: key("card"),
        text: text.into(),
        name: None,
    }
}

fn add(r: &Room, id: Id, card: &NewCard) -> Result<room::Ack, Error> {
    r.w.db.write(|tx| room::add_card(tx, id, card, now()))
}

fn count(r: &Room, sql: &str) -> i64 {
    r.w.db
        .read(|c| Ok(c.query_row(sql, [], |row| row.get(0))?))
        .unwrap()
}

#[test]
fn a_card_from_the_room_is_stored_like_a_laptop_card_and_hidden_until_the_reveal() {
    let r = world();
    let id = open_at(&r, WRITING);
    let me = join(&r, id);
    let ack = add(&r, id, &new_card(&me, "  Deploys take a day  ")).unwrap();
    let card =
        r.w.db
            .read(|c| cards::get(c, ack.card_id.unwrap()))
            .unwrap();
    assert_eq!(card.text, "Deploys take a day");
    assert_eq!((card.author_id, card.signed_name), (None, None));
    assert_eq!(card.step_position, WRITING);
    // The facilitator sees it at once; the room and its devices only how many there are.
    assert_eq!(board(&r, id, Audience::Facilitator).cards.len(), 1);
    let view = r.w.db.read(|c| room::view(c, id, now())).unwrap();
    assert_eq!(
        (view.cards.len(), view.hidden_cards, view.joined),
        (0, 1, 1)
    );
    r.w.db
        .write(|tx| run::go_to(tx, id, WRITING + 1, now()))
        .unwrap();
    let view = r.w.db.read(|c| room::view(c, id, now())).unwrap();
    assert_eq!(view.cards.len(), 1);
    assert_eq!(view.cards[0].text, "Deploys take a day");
    assert_eq!(view.step.unwrap().position, WRITING + 1);
}

#[test]
fn nothing_stored_links_an_unsigned_card_to_its_device() {
    let r = world();
    let id = open_at(&r, WRITING);
    let me = join(&r, id);
    let card = new_card(&me, "Our on-call rota burns people out");
    let ack = add(&r, id, &card).unwrap();
    let card_id = ack.card_id.unwrap().to_string();
    // Every stored value of every table: none holds the participant key or its hash next to
    // the card, and the card's own row holds neither.
    let hashed = |k: &str| {
        use sha2::Digest;
        format!("{:x}", sha2::Sha256::digest(k.as_bytes()))
    };
    let rows: Vec<String> =
        r.w.db
            .read(|c| {
                let tables: Vec<String> = c
                    .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")?
                    .query_map([], |row| row.get(0))?
                    .collect::<rusqlite::Result<_>>()?;
                let mut rows = Vec::new();
                for table in tables {
                    let mut stmt = c.prepare(&format!("SELECT * FROM \"{table}\""))?;
                    let n = stmt.column_count();
                    let mut q = stmt.query([])?;
                    while let Some(row) = q.next()? {
                        let values: Vec<String> = (0..n)
                            .map(|i| match row.get_ref(i).unwrap() {
                                rusqlite::types::ValueRef::Text(t) => {
                                    String::from_utf8_lossy(t).into_owned()
                                }
                                other => format!("{other:?}"),
                            })
                            .collect();
                        rows.push(format!("{table}|{}", values.join("|")));
                    }
                }
                Ok(rows)
            })
            .unwrap();
    let with_card: Vec<&String> = rows.iter().filter(|r| r.contains(&card_id)).collect();
    assert!(!with_card.is_empty());
    for row in &with_card {
        assert!(!row.contains(&me) && !row.contains(&hashed(&me)), "{row}");
        assert!(
            !row.contains(&card.key),
            "a key is stored only hashed: {row}"
        );
    }
    assert!(
        rows.iter().any(|r| r.contains(&hashed(&card.key))),
        "the card's edit key is kept, hashed"
    );
    assert!(rows.iter().all(|r| !r.contains(&me)));
}

#[test]
fn a_signed_card_carries_the_name_typed_and_a_too_long_name_is_refused() {
    let r = world();
    let id = open_at(&r, WRITING);
    let me = join(&r, id);
    let mut card = new_card(&me, "Kudos to the docs team");
    card.name = Some("  Priya ".into());
    let ack = add(&r, id, &card).unwrap();
    let stored =
        r.w.db
            .read(|c| cards::get(c, ack.card_id.unwrap()))
            .unwrap();
    assert_eq!(stored.signed_name.as_deref(), Some("Priya"));
    let mut long = new_card(&me, "Another");
    long.name = Some("n".repeat(81));
    let refused = message(add(&r, id, &long));
    assert!(refused.contains("81 characters"), "{refused}");
}

#[test]
fn a_submission_sent_twice_is_answered_the_same_and_stored_once() {
    let r = world();
    let id = open_at(&r, WRITING);
    let me = join(&r, id);
    let card = new_card(&me, "Flaky staging");
    let first = add(&r, id, &card).unwrap();
    let again = add(&r, id, &card).unwrap();
    assert!(!first.replayed && again.replayed);
    assert_eq!(first.card_id, again.card_id);
    assert_eq!(count(&r, "SELECT count(*) FROM workshop_cards"), 1);
}

#[test]
fn cards_are_written_only_during_silent_writing_and_within_the_per_device_cap() {
    let r = world();
    let id = open_at(&r, WRITING);
    let me = join(&r, id);
    for n in 0..CARDS_PER_STEP {
        add(&r, id, &new_card(&me, &format!("Card {n}"))).unwrap();
    }
    let refused = message(add(&r, id, &new_card(&me, "One more")));
    assert!(refused.contains("25 cards in this step"), "{refused}");
    // Another device is not held back by the first one's cap.
    let other = join(&r, id);
    add(&r, id, &new_card(&other, "Mine")).unwrap();
    r.w.db
        .write(|tx| run::go_to(tx, id, GROUPING, now()))
        .unwrap();
    let refused = message(add(&r, id, &new_card(&other, "Too late")));
    assert!(refused.contains("writing step has ended"), "{refused}");
    assert_eq!(
        count(&r, "SELECT count(*) FROM workshop_cards"),
        i64::from(CARDS_PER_STEP) + 1
    );
}

#[test]
fn bad_text_and_bad_keys_are_refused_naming_the_field() {
    let r = world();
    let id = open_at(&r, WRITING);
    let me = join(&r, id);
    let error = add(&r, id, &new_card(&me, &"x".repeat(2_001))).unwrap_err();
    assert_eq!(error.field(), Some("text"));
    assert!(error.to_string().contains("2001 characters"), "{error}");
    assert_eq!(
        add(&r, id, &new_card(&me, "   ")).unwrap_err().field(),
        Some("text")
    );
    let mut bad = new_card(&me, "ok");
    bad.key = "short".into();
    assert_eq!(add(&r, id, &bad).unwrap_err().field(), Some("card"));
    let mut bad = new_card(&me, "ok");
    bad.submission = "<script>alert(1)</script>-------".into();
    assert_eq!(add(&r, id, &bad).unwrap_err().field(), Some("submission"));
    // A device that never joined cannot write.
    let stranger = new_card(&key("participant"), "Who am I");
    assert_eq!(
        add(&r, id, &stranger).unwrap_err().field(),
        Some("participant")
    );
    assert_eq!(count(&r, "SELECT count(*) FROM workshop_cards"), 0);
}

#[test]
fn a_device_edits_and_deletes_only_its_own_cards_and_only_before_the_reveal() {
    let r = world();
    let id = open_at(&r, WRITING);
    let me = join(&r, id);
    let mine = new_card(&me, "Slow builds");
    let card = add(&r, id, &mine).unwrap().card_id.unwrap();
    let change = |key: &str, text: Option<&str>| CardChange {
        submission: self::key("submission"),
        participant: me.clone(),
        key: key.into(),
        text: text.map(Into::into),
    };
    let apply = |c: &CardChange| r.w.db.write(|tx| room::change_card(tx, id, card, c, now()));
    r.w.db
        .write(|tx| {
            room::change_card(
                tx,
                id,
                card,
                &change(&mine.key, Some("Slow CI builds")),
                now(),
            )
        })
        .unwrap();
    assert_eq!(
        r.w.db.read(|c| cards::get(c, card)).unwrap().text,
        "Slow CI builds"
    );
    // Someone else's key (or a guess) finds no card.
    let stolen = apply(&change(&key("card"), Some("Hacked")));
    assert!(matches!(stolen, Err(Error::NotFound { .. })), "{stolen:?}");
    // Deleting frees a place under the cap and sends the card to the Trash.
    apply(&change(&mine.key, None)).unwrap();
    assert!(r.w.db.read(|c| cards::get(c, card)).is_err());
    assert_eq!(
        count(&r, "SELECT sum(cards) FROM room_card_counts"),
        0,
        "the deleted card no longer counts"
    );
    // After the reveal a card stays as the room read it.
    let kept = new_card(&me, "Docs are stale");
    let kept_id = add(&r, id, &kept).unwrap().card_id.unwrap();
    r.w.db
        .write(|tx| run::go_to(tx, id, WRITING + 1, now()))
        .unwrap();
    let refused = r
        .w
        .db
        .write(|tx| room::change_card(tx, id, kept_id, &change(&kept.key, Some("Changed")), now()));
    assert!(message(refused).contains("writing step has ended"));
}

#[test]
fn room_votes_keep_the_budget_and_cap_replace_the_ballot_and_stay_hidden_until_the_reveal() {
    let r = world();
    let id = open_at(&r, WRITING);
    let [a, b, c] = ["Slow builds", "Flaky tests", "Stale docs"].map(|t| laptop_card(&r, id, t));
    r.w.db
        .write(|tx| run::go_to(tx, id, VOTING, now()))
        .unwrap();
    let voter = key("voter");
    let cast = |votes: Vec<VoteInput>| {
        let ballot = Ballot {
            submission: key("submission"),
            voter: voter.clone(),
            votes,
        };
        r.w.db.write(|tx| room::vote(tx, id, &ballot, now()))
    };
    let refused = message(cast(vec![vote(a, 2), vote(b, 1), vote(c, 1)]));
    assert!(
        refused.contains("You gave 4 votes; each person has 3"),
        "{refused}"
    );
    let refused = message(cast(vec![vote(a, 3)]));
    assert!(refused.contains("at most 2 votes"), "{refused}");
    cast(vec![vote(a, 2), vote(b, 1)]).unwrap();
    // Sent again, a ballot replaces the one before.
    cast(vec![vote(a, 1), vote(c, 2)]).unwrap();
    let view = r.w.db.read(|conn| room::view(conn, id, now())).unwrap();
    let voting = view.voting.unwrap();
    assert_eq!((voting.voted, voting.revealed), (1, false));
    assert!(view.cards.iter().all(|card| card.votes.is_none()));
    assert!(r.w.db.read(|conn| votes::results(conn, id)).is_err());
    // A laptop ballot and the room's count together once revealed.
    r.w.db
        .write(|tx| votes::cast(tx, id, r.bo, &[vote(c, 1)], now()))
        .unwrap();
    r.w.db
        .write(|tx| run::go_to(tx, id, RATING, now()))
        .unwrap();
    let results = r.w.db.read(|conn| votes::results(conn, id)).unwrap();
    let tally: Vec<(Option<Id>, u32)> = results.iter().map(|v| (v.card_id, v.votes)).collect();
    assert_eq!(tally, vec![(Some(c), 3), (Some(a), 1)]);
    let view = r.w.db.read(|conn| room::view(conn, id, now())).unwrap();
    assert_eq!(view.voting.unwrap().voted, 2);
    // And a vote after the voting step is refused.
    assert!(message(cast(vec![vote(a, 1)])).contains("not on a dot-voting step"));
}

#[test]
fn room_ratings_count_in_the_means_and_a_device_rating_again_replaces_its_rating() {
    let r = world();
    let id = open_at(&r, RATING);
    let voter = key("voter");
    let rate = |dimension: &str, score: u8| {
        let rating = Rating {
            submission: key("submission"),
            voter: voter.clone(),
            scores: vec![Score {
                dimension: dimension.into(),
                score,
            }],
        };
        r.w.db.write(|tx| room::rate(tx, id, &rating, now()))
    };
    rate("Customers", 2).unwrap();
    rate("Customers", 4).unwrap();
    assert_eq!(rate("Customers", 6).unwrap_err().field(), Some("score"));
    assert_eq!(rate("Speed", 3).unwrap_err().field(), Some("dimension"));
    let view = r.w.db.read(|c| room::view(c, id, now())).unwrap();
    let customers = view
        .ratings
        .iter()
        .find(|m| m.dimension == "Customers")
        .unwrap();
    assert_eq!((customers.mean, customers.n), (4.0, 1));
    assert_eq!(view.step.unwrap().kind, StepKind::Rating);
}

#[test]
fn the_reviews_self_assessment_counts_the_rooms_ratings_with_the_laptops() {
    let r = world();
    let id = open_at(&r, RATING);
    // The laptop rates Customers 2 for Bo; two devices rate it 4 and 5 from the room.
    r.w.db
        .write(|tx| {
            ratings::rate(
                tx,
                id,
                &RatingInput {
                    person_id: Some(r.bo),
                    scores: vec![Score {
                        dimension: "Customers".into(),
                        score: 2,
                    }],
                },
                now(),
            )
        })
        .unwrap();
    for score in [4, 5] {
        let rating = Rating {
            submission: key("submission"),
            voter: key("voter"),
            scores: vec![Score {
                dimension: "Customers".into(),
                score,
            }],
        };
        r.w.db
            .write(|tx| room::rate(tx, id, &rating, now()))
            .unwrap();
    }
    let review =
        r.w.db
            .read(|c| review::named(c, Some("2026-Q4"), now().date_naive()))
            .unwrap();
    let s = &review.self_assessment;
    assert_eq!(s.dimensions, vec!["Customers"]);
    let q4: Vec<_> = s
        .quarters
        .iter()
        .map(|q| (q.quarter.as_str(), q.means.clone(), q.ratings.clone()))
        .collect();
    assert_eq!(q4, vec![("2026-Q4", vec![Some(3.67)], vec![3])]);
}

#[test]
fn the_token_rotates_when_the_room_opens_again_and_closing_it_stops_every_write() {
    let r = world();
    let id = open_at(&r, WRITING);
    let first = r.w.db.read(|c| room::get(c, id)).unwrap().unwrap();
    assert_eq!(first.token.len(), 32, "160 bits, five to a character");
    assert!(
        first
            .token
            .bytes()
            .all(|b| b"0123456789abcdefghjkmnpqrstvwxyz".contains(&b)),
        "Crockford's base32: {}",
        first.token
    );
    let me = join(&r, id);
    r.w.db.write(|tx| room::close(tx, id)).unwrap();
    assert!(r.w.db.read(|c| room::get(c, id)).unwrap().is_none());
    let refused = message(add(&r, id, &new_card(&me, "After closing")));
    assert!(refused.contains("not open"), "{refused}");
    let second =
        r.w.db
            .write(|tx| room::open(tx, id, "127.0.0.1", 8080, now()))
            .unwrap();
    assert_ne!(first.token, second.token);
    assert_eq!((second.port, second.joined), (8080, 1), "who joined stays");
    assert_eq!(
        r.w.db
            .read(room::reopenable)
            .unwrap()
            .map(|room| room.token),
        Some(second.token)
    );
    // Finishing the workshop closes its room; a planned one cannot open.
    r.w.db.write(|tx| run::finish(tx, id, now())).unwrap();
    assert_eq!(r.w.db.read(room::reopenable).unwrap(), None);
    assert_eq!(r.w.db.read(|c| room::get(c, id)).unwrap(), None);
    let planned = r.plan();
    assert!(
        message(
            r.w.db
                .write(|tx| room::open(tx, planned, "127.0.0.1", 0, now()))
        )
        .contains("not started")
    );
    let bad = r.w.db.write(|tx| room::open(tx, id, "my laptop", 0, now()));
    assert!(bad.is_err());
}

#[test]
fn the_room_fills_up_at_its_limit_but_a_device_that_joined_can_join_again() {
    let r = world();
    let id = open_at(&r, WRITING);
    let first = join(&r, id);
    for _ in 1..PARTICIPANTS_MAX {
        join(&r, id);
    }
    let refused = r.w.db.write(|tx| {
        room::join(
            tx,
            id,
            &Join {
                participant: key("participant"),
            },
        )
    });
    assert!(message(refused).contains("The room is full"));
    let again = r.w.db.write(|tx| {
        room::join(
            tx,
            id,
            &Join {
                participant: first.clone(),
            },
        )
    });
    assert_eq!(again.unwrap().joined, PARTICIPANTS_MAX);
}

#[test]
fn a_room_left_open_resumes_with_its_token_and_port_and_one_on_another_address_opens_anew() {
    let r = world();
    let id = open_at(&r, WRITING);
    let left =
        r.w.db
            .write(|tx| room::listening_on(tx, id, 48_123))
            .unwrap();
    let resumed =
        r.w.db
            .write(|tx| room::resume(tx, id, "127.0.0.1", now()))
            .unwrap();
    assert_eq!(
        (resumed.token.as_str(), resumed.port),
        (left.token.as_str(), 48_123)
    );
    let elsewhere =
        r.w.db
            .write(|tx| room::resume(tx, id, "10.0.0.7", now()))
            .unwrap();
    assert_ne!(elsewhere.token, left.token);
    assert_eq!(elsewhere.address, "10.0.0.7");
    r.w.db.write(|tx| room::close(tx, id)).unwrap();
    let fresh =
        r.w.db
            .write(|tx| room::resume(tx, id, "10.0.0.7", now()))
            .unwrap();
    assert_ne!(fresh.token, elsewhere.token);
}

#[test]
fn an_export_leaves_out_the_open_rooms_token_and_an_import_has_no_open_room() {
    use outward_core::bundle;
    let r = world();
    let id = open_at(&r, WRITING);
    let me = join(&r, id);
    add(&r, id, &new_card(&me, "Written from a phone")).unwrap();
    let token = r.w.db.read(|c| room::get(c, id)).unwrap().unwrap().token;
    let out = tempfile::tempdir().unwrap();
    let folder = out.path().join("bundle");
    let manifest =
        r.w.db
            .read(|c| bundle::export(c, &folder, now(), &mut |_| true))
            .unwrap()
            .expect("not cancelled")
            .manifest;
    for (file, bytes) in crate::bundle::files(&folder) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains(&token), "{file} carries the room's token");
    }
    assert!(
        !manifest.files.iter().any(|f| f.table == "workshop_rooms"),
        "the manifest lists no rooms"
    );

    let (_dir, imported) = crate::fixtures::database();
    imported.write(|tx| bundle::import(tx, &folder)).unwrap();
    assert_eq!(imported.read(room::reopenable).unwrap(), None);
    assert_eq!(imported.read(|c| room::get(c, id)).unwrap(), None);
    let cards: i64 = imported
        .read(|c| {
            Ok(c.query_row(
                "SELECT count(*) FROM workshop_cards WHERE text = 'Written from a phone'",
                [],
                |row| row.get(0),
            )?)
        })
        .unwrap();
    assert_eq!(cards, 1, "what the room sent is in the export");

    // A bundle written before rooms were left out lists their file: its rows are not read.
    let row = format!(
        "{{\"workshop_id\":\"{id}\",\"token\":\"{token}\",\"address\":\"127.0.0.1\",\
         \"port\":0,\"opened_at\":\"2026-11-20T10:00:00Z\"}}\n"
    );
    std::fs::write(folder.join("workshop_rooms.jsonl"), row).unwrap();
    let mut older = manifest.clone();
    older.files.push(bundle::FileEntry {
        file: "workshop_rooms.jsonl".into(),
        table: "workshop_rooms".into(),
        rows: 1,
    });
    older.files.sort_by(|a, b| a.table.cmp(&b.table));
    std::fs::write(
        folder.join(bundle::MANIFEST),
        serde_json::to_string_pretty(&older).unwrap(),
    )
    .unwrap();
    let (_dir, again) = crate::fixtures::database();
    again.write(|tx| bundle::import(tx, &folder)).unwrap();
    assert_eq!(again.read(room::reopenable).unwrap(), None);
}

#[test]
fn the_token_is_shown_in_groups_of_four_and_read_back_however_it_was_typed() {
    let r = world();
    let id = open_at(&r, WRITING);
    let token = r.w.db.read(|c| room::get(c, id)).unwrap().unwrap().token;
    let shown = room::grouped(&token);
    assert_eq!(shown.len(), 39, "{shown}");
    assert!(shown.split('-').all(|group| group.len() == 4), "{shown}");
    assert_eq!(room::typed_token(&shown), token);
    assert_eq!(room::typed_token(&shown.to_uppercase()), token);
    // Letters base32 leaves out are read as the digits they look like.
    assert_eq!(room::typed_token("O0-Il-1L"), "001111");
    let misread = token.replace('0', "O").replace('1', "l");
    assert_eq!(room::typed_token(&misread), token);
    assert_ne!(room::typed_token("not the token"), token);
    // Tokens of different openings differ in many characters, not one.
    let tokens: std::collections::HashSet<String> = (0..200)
        .map(|_| {
            r.w.db
                .write(|tx| room::open(tx, id, "127.0.0.1", 0, now()))
                .unwrap()
                .token
        })
        .collect();
    assert_eq!(tokens.len(), 200);
    let every_character: std::collections::HashSet<char> =
        tokens.iter().flat_map(|t| t.chars()).collect();
    assert_eq!(
        every_character.len(),
        32,
        "every character of the alphabet is drawn"
    );
}

#[test]
fn a_room_of_a_hundred_fills_the_workshop_and_its_view_carries_every_card_once_revealed() {
    let r = world();
    let id = open_at(&r, WRITING);
    let devices: Vec<String> = (0..100).map(|_| join(&r, id)).collect();
    let long_name = "\u{1}".repeat(room::NAME_MAX);
    r.w.db
        .write(|tx| {
            for (d, device) in devices.iter().enumerate() {
                for n in 0..20 {
                    let mut card = new_card(device, &format!("Device {d} card {n}"));
                    if n == 0 {
                        card.name = Some(long_name.clone());
                    }
                    room::add_card(tx, id, &card, now())?;
                }
            }
            Ok(())
        })
        .unwrap();
    let refused = message(add(&r, id, &new_card(&devices[0], "One too many")));
    assert!(refused.contains("2000 cards"), "{refused}");
    let hidden = r.w.db.read(|c| room::view(c, id, now())).unwrap();
    assert_eq!((hidden.cards.len(), hidden.hidden_cards), (0, 2_000));
    r.w.db
        .write(|tx| run::go_to(tx, id, WRITING + 1, now()))
        .unwrap();
    let view = r.w.db.read(|c| room::view(c, id, now())).unwrap();
    assert_eq!(
        view.cards.len(),
        2_000,
        "every card, past the board's first page"
    );
    let mut ids: Vec<Id> = view.cards.iter().map(|c| c.id).collect();
    ids.dedup();
    assert_eq!(ids.len(), 2_000, "each once");
    assert_eq!(view.cards[1_999].text, "Device 99 card 19");
    let signed = view.cards[0].signed_name.as_deref().unwrap();
    assert!(
        signed.len() < long_name.len(),
        "a long signature is cut on the board"
    );
    let board = board(&r, id, Audience::Room);
    assert_eq!(
        board.more_cards,
        Some(board.cards.last().unwrap().id),
        "the presenter's board says more cards follow"
    );
    // Every device spends its 3 votes on 3 cards of its own choosing: 300 items voted on.
    r.w.db
        .write(|tx| run::go_to(tx, id, VOTING, now()))
        .unwrap();
    r.w.db
        .write(|tx| {
            for d in 0..100 {
                let ballot = Ballot {
                    submission: key("submission"),
                    voter: key("voter"),
                    votes: (0..3).map(|k| vote(ids[d * 20 + k], 1)).collect(),
                };
                room::vote(tx, id, &ballot, now())?;
            }
            Ok(())
        })
        .unwrap();
    r.w.db
        .write(|tx| run::go_to(tx, id, RATING, now()))
        .unwrap();
    let results = r.w.db.read(|conn| votes::results(conn, id)).unwrap();
    assert_eq!(
        results.len(),
        outward_core::workshops::board::CARDS_PAGE,
        "the results list the items most voted for, as many as fit one reply"
    );
    assert_eq!(results[0].card_id, Some(ids[0]));
    let view = r.w.db.read(|c| room::view(c, id, now())).unwrap();
    let voted: u32 = view.cards.iter().filter_map(|c| c.votes).sum();
    assert_eq!(
        voted, 300,
        "the room's view counts every vote on every card"
    );
}
