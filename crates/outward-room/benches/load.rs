//! The room under load, on loopback only: [`PARTICIPANTS`] devices join a running workshop, each
//! writes its cards during silent writing at 20 cards a minute (every tenth card sent twice, as a
//! retry after a lost reply would), and each casts its whole ballot during dot voting, over HTTP
//! against the real server; meanwhile the facilitator's app reads its board and starts or
//! pauses the timer, as its window does, and every device's page asks for the room's view every
//! 1.5 s with the tag it last got, as the page does. In the same run the same joins, cards and
//! ballots are written directly through the core on a database of their own, with nothing in
//! between, and the facilitator's commands are timed while the room is idle: the figures are ratios against
//! those two baselines, not absolute times.
//!
//! Checks, and fails on, what must hold whatever the machine: every card and vote stored once,
//! every retry answered as a replay, every request answered with success (200 or 201).
//!
//! `cargo bench -p outward-room --bench load`

#[path = "../tests/common/mod.rs"]
mod common;

use chrono::Utc;
use common::{VOTING, running_workshop};
use outward_core::db::Database;
use outward_core::id::Id;
use outward_core::room::{self, Ballot, Join, NewCard};
use outward_core::workshops::board::{self, Audience};
use outward_core::workshops::cards::CARDS_MAX;
use outward_core::workshops::votes::VoteInput;
use outward_core::workshops::{run, timer};
use outward_room::{Direct, WRITES_PER_SECOND, serve};
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

type Fallible<T = ()> = Result<T, Box<dyn std::error::Error + Send + Sync>>;

/// Devices in the room.
const PARTICIPANTS: usize = 100;
/// Cards each device writes: 20, filling the workshop to the most it holds.
const CARDS_EACH: usize = 20;
const _: () = assert!(PARTICIPANTS * CARDS_EACH <= CARDS_MAX as usize);
/// Every this many cards, a device sends the same submission again.
const REPLAY_EVERY: usize = 10;
/// How often one device sends a card: 20 cards in a minute, the pace the room is sized for.
const EVERY: Duration = Duration::from_secs(3);
/// How long the facilitator's commands are timed with the room idle.
const IDLE: Duration = Duration::from_secs(3);
/// How often each device's page asks for the room's view (the page's own `POLL_MS`).
const POLL: Duration = Duration::from_millis(1_500);

fn main() -> Fallible {
    let folder = tempfile::tempdir()?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;

    // The baseline: the same writes straight through the core.
    let (direct_db, direct_workshop) = running_workshop(&folder.path().join("direct.db"))?;
    direct_db.write(|tx| room::open(tx, direct_workshop, "127.0.0.1", 0, Utc::now()))?;
    let direct = direct_writes(&direct_db, direct_workshop)?;

    let (db, workshop) = running_workshop(&folder.path().join("room.db"))?;
    let open = db.write(|tx| room::open(tx, workshop, "127.0.0.1", 0, Utc::now()))?;
    let server = runtime.block_on(serve(
        Direct(db.clone()),
        workshop,
        open.token.clone(),
        "127.0.0.1:0".parse()?,
    ))?;
    let base = format!("/{}/", open.token);
    let address = server.address();

    let idle = facilitator_during(&db, workshop, || std::thread::sleep(IDLE));
    let mut acks = Vec::new();
    let mut views = Vec::new();
    let started = Instant::now();
    let busy = facilitator_during(&db, workshop, || {
        let result: Fallible = runtime.block_on(async {
            let (done, polling) = tokio::sync::watch::channel(false);
            let pollers: Vec<_> = (0..PARTICIPANTS)
                .map(|p| tokio::spawn(follow(address, base.clone(), p, polling.clone())))
                .collect();
            let writers: Vec<_> = (0..PARTICIPANTS)
                .map(|p| tokio::spawn(write_cards(address, base.clone(), p)))
                .collect();
            let mut cards = Vec::new();
            for writer in writers {
                let (ids, times) = writer.await??;
                cards.extend(ids);
                acks.extend(times);
            }
            db.write(|tx| run::go_to(tx, workshop, VOTING, Utc::now()))?;
            cards.sort();
            let cards = Arc::new(cards);
            let voters: Vec<_> = (0..PARTICIPANTS)
                .map(|p| tokio::spawn(cast_ballot(address, base.clone(), p, cards.clone())))
                .collect();
            for voter in voters {
                acks.push(voter.await??);
            }
            done.send(true)?;
            for poller in pollers {
                views.extend(poller.await??);
            }
            Ok(())
        });
        result.expect("the room answers every device");
    });
    let load_seconds = started.elapsed().as_secs_f64();
    runtime.block_on(server.stop());

    let stored = check_nothing_lost_or_doubled(&db, workshop)?;
    let direct_stored = check_nothing_lost_or_doubled(&direct_db, direct_workshop)?;
    assert_eq!(stored, direct_stored, "the room stores what the core does");

    let ack = Summary::of(&mut acks);
    let direct = Summary::of(&mut direct.clone());
    let idle = Summary::of(&mut idle.clone());
    let busy_summary = Summary::of(&mut busy.clone());
    let full_views = views.iter().filter(|(_, full)| *full).count();
    let mut view_times: Vec<Duration> = views.iter().map(|(time, _)| *time).collect();
    let view = Summary::of(&mut view_times);
    println!(
        "room load: {PARTICIPANTS} devices × {CARDS_EACH} cards (+1 in {REPLAY_EVERY} sent twice) \
         and a ballot each: {} writes in {load_seconds:.1} s, {} cards and {} votes stored once; \
         {} view polls ({full_views} answered in full, the rest 304)",
        acks.len(),
        stored.0,
        stored.1,
        views.len()
    );
    println!(
        "  {:<46} {:>8} {:>8} {:>8}",
        "", "p50 ms", "p95 ms", "max ms"
    );
    ack.print("acknowledged by the room (HTTP, loopback)");
    direct.print("the same writes directly through the core");
    view.print("a device's view poll (200 or 304)");
    busy_summary.print("facilitator's commands during the load");
    idle.print("facilitator's commands, room idle");
    println!(
        "  ratio: acknowledgement p95 / direct write p95 = {:.1}; facilitator p95 during load / idle = {:.1}",
        ack.p95 / direct.p95.max(0.001),
        busy_summary.p95 / idle.p95.max(0.001)
    );
    Ok(())
}

fn participant(p: usize) -> String {
    format!("participant-{p:06}-loadbench")
}

fn voter(p: usize) -> String {
    format!("voter-{p:06}-loadbench")
}

fn new_card(p: usize, n: usize) -> NewCard {
    NewCard {
        submission: format!("card-{p:06}-{n:04}-submission"),
        participant: participant(p),
        key: format!("key-{p:06}-{n:04}-editkey"),
        text: format!("Device {p} card {n}: deploy reviews wait for days"),
        name: None,
    }
}

/// Device `p`'s ballot over `cards` (sorted): 2 + 2 + 1 votes on three of them.
fn ballot(p: usize, cards: &[Id]) -> Ballot {
    let pick = |k: usize| cards[(p * 7 + k) % cards.len()];
    Ballot {
        submission: format!("ballot-{p:06}-submission"),
        voter: voter(p),
        votes: [(0, 2), (1, 2), (2, 1)]
            .into_iter()
            .map(|(k, count)| VoteInput {
                card_id: Some(pick(k)),
                group_id: None,
                count,
            })
            .collect(),
    }
}

/// The same joins, cards and ballots as the room gets, written directly; each write's time.
fn direct_writes(db: &Database, workshop: Id) -> Fallible<Vec<Duration>> {
    let mut times = Vec::new();
    let mut cards = Vec::new();
    for p in 0..PARTICIPANTS {
        let join = Join {
            participant: participant(p),
        };
        let started = Instant::now();
        db.write(|tx| room::join(tx, workshop, &join))?;
        times.push(started.elapsed());
        for n in 0..CARDS_EACH {
            let card = new_card(p, n);
            let started = Instant::now();
            let ack = db.write(|tx| room::add_card(tx, workshop, &card, Utc::now()))?;
            times.push(started.elapsed());
            cards.push(ack.card_id.expect("a new card"));
        }
    }
    db.write(|tx| run::go_to(tx, workshop, VOTING, Utc::now()))?;
    cards.sort();
    for p in 0..PARTICIPANTS {
        let ballot = ballot(p, &cards);
        let started = Instant::now();
        db.write(|tx| room::vote(tx, workshop, &ballot, Utc::now()))?;
        times.push(started.elapsed());
    }
    Ok(times)
}

/// How often the facilitator starts or pauses the timer: far more often than a person does (a
/// few times a step), yet at a person's pace, not a machine's.
const TIMER_EVERY: Duration = Duration::from_secs(2);

/// Times the facilitator's board read (the board, then its cards a page at a time, each its own
/// read as the window's are) every 20 ms, more often than the window re-reads it, and a timer
/// start or pause every [`TIMER_EVERY`], while `load` runs.
fn facilitator_during(db: &Arc<Database>, workshop: Id, load: impl FnOnce()) -> Vec<Duration> {
    let stop = Arc::new(AtomicBool::new(false));
    let times = Arc::new(Mutex::new(Vec::new()));
    let worker = {
        let (db, stop, times) = (db.clone(), stop.clone(), times.clone());
        std::thread::spawn(move || {
            let mut running = false;
            let mut toggled = Instant::now();
            while !stop.load(Ordering::Relaxed) {
                let started = Instant::now();
                let mut after = db
                    .read(|c| board::read(c, workshop, Audience::Facilitator, Utc::now()))
                    .expect("the facilitator's board")
                    .more_cards;
                while let Some(card) = after {
                    after = db
                        .read(|c| {
                            board::cards_after(c, workshop, Audience::Facilitator, card, Utc::now())
                        })
                        .expect("a page of the facilitator's cards")
                        .more_cards;
                }
                let mut took = vec![started.elapsed()];
                if toggled.elapsed() >= TIMER_EVERY {
                    let started = Instant::now();
                    db.write(|tx| {
                        if running {
                            timer::pause(tx, workshop, Utc::now())
                        } else {
                            timer::start(tx, workshop, Utc::now())
                        }
                    })
                    .expect("the timer");
                    running = !running;
                    toggled = Instant::now();
                    took.push(started.elapsed());
                }
                times.lock().unwrap_or_else(|p| p.into_inner()).extend(took);
                std::thread::sleep(Duration::from_millis(20));
            }
        })
    };
    load();
    stop.store(true, Ordering::Relaxed);
    worker.join().expect("the facilitator's thread");
    let times = times.lock().unwrap_or_else(|p| p.into_inner());
    times.clone()
}

/// When device `p` starts: the devices spread over one [`EVERY`].
fn offset(p: usize) -> Duration {
    EVERY * p as u32 / PARTICIPANTS as u32
}

/// Device `p` joins and writes a card every [`EVERY`], sending every tenth again at once (below
/// the room's limit of writes a second per device); the card ids and each request's time to its
/// answer.
async fn write_cards(
    addr: SocketAddr,
    base: String,
    p: usize,
) -> Fallible<(Vec<Id>, Vec<Duration>)> {
    let retry = Duration::from_millis(1_000 / u64::from(WRITES_PER_SECOND) + 20);
    tokio::time::sleep(offset(p)).await;
    let mut times = Vec::new();
    let join = serde_json::json!({ "participant": participant(p) });
    let (time, _) = post(addr, &format!("{base}api/join"), &join.to_string()).await?;
    times.push(time);
    let mut ids = Vec::new();
    for n in 0..CARDS_EACH {
        let card = new_card(p, n);
        let body = serde_json::json!({
            "submission": card.submission,
            "participant": card.participant,
            "key": card.key,
            "text": card.text,
        })
        .to_string();
        if n > 0 {
            tokio::time::sleep(EVERY).await;
        }
        let (time, ack) = post(addr, &format!("{base}api/cards"), &body).await?;
        times.push(time);
        let id: Id = serde_json::from_value(ack["cardId"].clone())?;
        if n % REPLAY_EVERY == 0 {
            tokio::time::sleep(retry).await;
            let (time, again) = post(addr, &format!("{base}api/cards"), &body).await?;
            times.push(time);
            assert_eq!(again["replayed"], true, "a retry is answered as a replay");
            assert_eq!(again["cardId"], ack["cardId"], "with the same card");
        }
        ids.push(id);
    }
    Ok((ids, times))
}

async fn cast_ballot(
    addr: SocketAddr,
    base: String,
    p: usize,
    cards: Arc<Vec<Id>>,
) -> Fallible<Duration> {
    tokio::time::sleep(offset(p)).await;
    let ballot = ballot(p, &cards);
    let body = serde_json::json!({
        "submission": ballot.submission,
        "voter": ballot.voter,
        "votes": ballot.votes.iter().map(|v| serde_json::json!({ "cardId": v.card_id, "count": v.count })).collect::<Vec<_>>(),
    })
    .to_string();
    let (time, _) = post(addr, &format!("{base}api/ballot"), &body).await?;
    Ok(time)
}

/// Device `p`'s page following the room: asks for the view every [`POLL`] with the tag it last
/// got, until `done`; each poll's time and whether it was answered in full (200, not 304).
async fn follow(
    addr: SocketAddr,
    base: String,
    p: usize,
    mut done: tokio::sync::watch::Receiver<bool>,
) -> Fallible<Vec<(Duration, bool)>> {
    tokio::time::sleep(offset(p)).await;
    let mut polls = Vec::new();
    let mut tag = String::new();
    while !*done.borrow() {
        let request = format!(
            "GET {base}api/view HTTP/1.1\r\nhost: room\r\nconnection: close\r\n\
             if-none-match: {tag}\r\n\r\n"
        );
        let (time, head, _) = exchange(addr, &request).await?;
        let status = head.split(' ').nth(1).unwrap_or("");
        match status {
            "200" => {
                tag = head
                    .lines()
                    .find_map(|l| l.strip_prefix("etag: "))
                    .unwrap_or("")
                    .to_owned();
                polls.push((time, true));
            }
            "304" => polls.push((time, false)),
            _ => return Err(format!("the view answered {status}").into()),
        }
        tokio::select! {
            _ = tokio::time::sleep(POLL) => {}
            _ = done.changed() => {}
        }
    }
    Ok(polls)
}

/// Sends one POST on a new connection; its time to the whole answer, and the answer's JSON.
async fn post(addr: SocketAddr, path: &str, body: &str) -> Fallible<(Duration, serde_json::Value)> {
    let request = format!(
        "POST {path} HTTP/1.1\r\nhost: room\r\nconnection: close\r\n\
         content-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
        body.len()
    );
    let (time, head, answer) = exchange(addr, &request).await?;
    let status = head.split(' ').nth(1).unwrap_or("");
    if !status.starts_with('2') {
        return Err(format!("{path} answered {status}: {answer}").into());
    }
    Ok((time, serde_json::from_str(&answer)?))
}

/// Sends `request` on a new connection; its time to the whole answer, the answer's head and body.
async fn exchange(addr: SocketAddr, request: &str) -> Fallible<(Duration, String, String)> {
    let started = Instant::now();
    let mut stream = TcpStream::connect(addr).await?;
    stream.write_all(request.as_bytes()).await?;
    let mut out = Vec::new();
    stream.read_to_end(&mut out).await?;
    let time = started.elapsed();
    let text = String::from_utf8_lossy(&out);
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    Ok((time, head.to_owned(), body.to_owned()))
}

/// Cards and room votes stored, after checking none is missing or stored twice.
fn check_nothing_lost_or_doubled(db: &Database, workshop: Id) -> Fallible<(i64, i64)> {
    let (cards, distinct, votes, ballots): (i64, i64, i64, i64) = db.read(|c| {
        Ok(c.query_row(
            "SELECT (SELECT count(*) FROM workshop_cards WHERE workshop_id = ?1 AND deleted_at IS NULL),
                    (SELECT count(DISTINCT text) FROM workshop_cards WHERE workshop_id = ?1),
                    (SELECT coalesce(sum(count), 0) FROM room_votes WHERE workshop_id = ?1),
                    (SELECT count(*) FROM room_ballots WHERE workshop_id = ?1)",
            [workshop],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )?)
    })?;
    let expected = (PARTICIPANTS * CARDS_EACH) as i64;
    assert_eq!((cards, distinct), (expected, expected), "every card once");
    assert_eq!(ballots, PARTICIPANTS as i64, "every ballot once");
    assert_eq!(votes, 5 * PARTICIPANTS as i64, "every vote once");
    Ok((cards, votes))
}

#[derive(Clone, Copy)]
struct Summary {
    p50: f64,
    p95: f64,
    max: f64,
}

impl Summary {
    fn of(times: &mut [Duration]) -> Summary {
        times.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1_000.0;
        let at = |q: f64| ms(times[((times.len() - 1) as f64 * q).round() as usize]);
        Summary {
            p50: at(0.5),
            p95: at(0.95),
            max: ms(*times.last().expect("timed at least once")),
        }
    }

    fn print(&self, what: &str) {
        println!(
            "  {what:<46} {:>8.2} {:>8.2} {:>8.2}",
            self.p50, self.p95, self.max
        );
    }
}
