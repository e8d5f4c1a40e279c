//! The room's server on a real socket on 127.0.0.1, against a real database file: the token,
//! the limits, a submission sent twice, the step's rules as the network sees them, and nothing
//! listening once it stops.

mod common;

use chrono::Utc;
use common::{VOTING, WRITING, running_workshop};
use outward_core::db::Database;
use outward_core::id::Id;
use outward_core::room;
use outward_core::workshops::run;
use outward_room::{BODY_MAX, CONNECTIONS_MAX, Direct, Server, WRITES_PER_SECOND, serve};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

struct Running {
    _dir: tempfile::TempDir,
    db: Arc<Database>,
    workshop: Id,
    token: String,
    server: Server,
}

impl Running {
    fn addr(&self) -> SocketAddr {
        self.server.address()
    }

    fn path(&self, rest: &str) -> String {
        format!("/{}/{rest}", self.token)
    }

    fn go_to(&self, step: u32) {
        self.db
            .write(|tx| run::go_to(tx, self.workshop, step, Utc::now()))
            .unwrap();
    }

    fn cards(&self) -> i64 {
        self.db
            .read(|c| {
                Ok(c.query_row(
                    "SELECT count(*) FROM workshop_cards WHERE deleted_at IS NULL",
                    [],
                    |r| r.get(0),
                )?)
            })
            .unwrap()
    }
}

/// A running workshop of "From pain to commitments" on its writing step, its room served on
/// loopback at any free port.
async fn running() -> Running {
    let dir = tempfile::tempdir().unwrap();
    let now = Utc::now();
    let (db, workshop) = running_workshop(&dir.path().join("outward.db")).unwrap();
    let open = db
        .write(|tx| room::open(tx, workshop, "127.0.0.1", 0, now))
        .unwrap();
    let server = serve(
        Direct(db.clone()),
        workshop,
        open.token.clone(),
        "127.0.0.1:0".parse().unwrap(),
    )
    .await
    .unwrap();
    Running {
        _dir: dir,
        db,
        workshop,
        token: open.token,
        server,
    }
}

struct Reply {
    status: u16,
    head: String,
    body: String,
}

impl Reply {
    fn header(&self, name: &str) -> Option<String> {
        self.head.lines().find_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.eq_ignore_ascii_case(name)
                .then(|| value.trim().to_owned())
        })
    }

    fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }
}

fn parse(raw: &[u8]) -> Reply {
    let text = String::from_utf8_lossy(raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no status in {head:?}"));
    Reply {
        status,
        head: head.to_owned(),
        body: body.to_owned(),
    }
}

async fn send(addr: SocketAddr, raw: &[u8]) -> Reply {
    let mut stream = TcpStream::connect(addr).await.unwrap();
    stream.write_all(raw).await.unwrap();
    let mut out = Vec::new();
    tokio::time::timeout(Duration::from_secs(30), stream.read_to_end(&mut out))
        .await
        .expect("an answer in time")
        .unwrap();
    parse(&out)
}

fn raw(method: &str, path: &str, extra: &str, body: &str) -> Vec<u8> {
    format!(
        "{method} {path} HTTP/1.1\r\nhost: room\r\nconnection: close\r\n\
         content-type: application/json\r\ncontent-length: {}\r\n{extra}\r\n{body}",
        body.len()
    )
    .into_bytes()
}

async fn get(addr: SocketAddr, path: &str) -> Reply {
    send(addr, &raw("GET", path, "", "")).await
}

async fn post(addr: SocketAddr, path: &str, body: serde_json::Value) -> Reply {
    send(addr, &raw("POST", path, "", &body.to_string())).await
}

fn key(what: &str, n: usize) -> String {
    format!("{what}-{n:06}-abcdefghijkl")
}

async fn join(r: &Running, participant: &str) {
    let reply = post(
        r.addr(),
        &r.path("api/join"),
        serde_json::json!({ "participant": participant }),
    )
    .await;
    assert_eq!(reply.status, 200, "{}", reply.body);
}

fn card(participant: &str, n: usize, text: &str) -> serde_json::Value {
    serde_json::json!({
        "submission": key("submission", n),
        "participant": participant,
        "key": key("card", n),
        "text": text,
    })
}

#[tokio::test]
async fn without_the_token_every_request_is_a_404_with_nothing_in_it() {
    let r = running().await;
    let last = if r.token.ends_with('0') { "1" } else { "0" };
    let wrong = format!("{}{last}", &r.token[..r.token.len() - 1]);
    for path in [
        "/".to_owned(),
        "/room.js".to_owned(),
        "/api/view".to_owned(),
        format!("/{wrong}/"),
        format!("/{wrong}/api/view"),
        format!("/{}/", &r.token[..20]),
        "/../etc/passwd".to_owned(),
    ] {
        let reply = get(r.addr(), &path).await;
        assert_eq!((reply.status, reply.body.as_str()), (404, ""), "{path}");
        assert_eq!(reply.header("content-length").as_deref(), Some("0"));
    }
    let wrong_post = post(
        r.addr(),
        &format!("/{wrong}/api/join"),
        serde_json::json!({}),
    )
    .await;
    assert_eq!((wrong_post.status, wrong_post.body.as_str()), (404, ""));
    // With it: the page, under a strict policy.
    let page = get(r.addr(), &r.path("")).await;
    assert_eq!(page.status, 200);
    let csp = page.header("content-security-policy").unwrap();
    assert!(
        csp.starts_with("default-src 'none'; script-src 'self'"),
        "{csp}"
    );
    assert!(!page.body.contains("<script>") && page.body.contains("room.js"));
    assert_eq!(get(r.addr(), &r.path("room.js")).await.status, 200);
    r.server.stop().await;
}

#[tokio::test]
async fn the_join_address_shows_the_token_in_groups_and_answers_however_it_is_typed() {
    let r = running().await;
    let address = outward_room::join_address(r.addr(), &r.token);
    let shown = address
        .strip_prefix(&format!("http://{}/", r.addr()))
        .and_then(|rest| rest.strip_suffix('/'))
        .expect("http://ADDRESS/TOKEN/");
    assert_eq!(shown.len(), 39, "32 characters in groups of four: {shown}");
    for typed in [
        shown.to_owned(),
        shown.to_uppercase(),
        r.token.clone(),
        r.token.replace('0', "o").replace('1', "I"),
    ] {
        let page = get(r.addr(), &format!("/{typed}/")).await;
        assert_eq!(page.status, 200, "{typed}");
        let view = get(r.addr(), &format!("/{typed}/api/view")).await;
        assert_eq!(view.status, 200, "{typed}");
    }
}

#[tokio::test]
async fn a_card_sent_twice_is_stored_once_and_hidden_from_the_view_until_the_reveal() {
    let r = running().await;
    let me = key("participant", 1);
    join(&r, &me).await;
    let first = post(
        r.addr(),
        &r.path("api/cards"),
        card(&me, 1, "Deploys take a day"),
    )
    .await;
    assert_eq!(first.status, 201, "{}", first.body);
    let again = post(
        r.addr(),
        &r.path("api/cards"),
        card(&me, 1, "Deploys take a day"),
    )
    .await;
    assert_eq!(again.status, 201);
    assert_eq!(first.json()["cardId"], again.json()["cardId"]);
    assert_eq!(again.json()["replayed"], true);
    assert_eq!(r.cards(), 1);
    let view = get(r.addr(), &r.path("api/view")).await;
    assert_eq!(view.status, 200);
    let json = view.json();
    assert_eq!(json["hiddenCards"], 1);
    assert_eq!(json["cards"].as_array().unwrap().len(), 0);
    assert!(!view.body.contains("Deploys"), "{}", view.body);
    assert!(!view.body.contains("Ada"), "no names of who takes part");
    // An unchanged room answers 304 to the tag it gave.
    let tag = view.header("etag").unwrap();
    let same = send(
        r.addr(),
        &raw(
            "GET",
            &r.path("api/view"),
            &format!("if-none-match: {tag}\r\n"),
            "",
        ),
    )
    .await;
    assert_eq!(same.status, 304);
    r.go_to(WRITING + 1);
    let view = get(r.addr(), &r.path("api/view")).await;
    assert_ne!(view.header("etag").unwrap(), tag);
    assert_eq!(view.json()["cards"][0]["text"], "Deploys take a day");
    r.server.stop().await;
}

#[tokio::test]
async fn the_steps_rules_answer_with_a_clear_status_and_message() {
    let r = running().await;
    let me = key("participant", 2);
    join(&r, &me).await;
    let long = post(
        r.addr(),
        &r.path("api/cards"),
        card(&me, 1, &"x".repeat(2_001)),
    )
    .await;
    assert_eq!(long.status, 422);
    assert_eq!(long.json()["field"], "text");
    assert!(
        long.json()["message"]
            .as_str()
            .unwrap()
            .contains("at most 2000")
    );
    let mut ids = Vec::new();
    for n in 0..3 {
        let reply = post(r.addr(), &r.path("api/cards"), card(&me, 10 + n, "A card")).await;
        ids.push(reply.json()["cardId"].as_str().unwrap().to_owned());
    }
    r.go_to(VOTING);
    let late = post(r.addr(), &r.path("api/cards"), card(&me, 20, "Too late")).await;
    assert_eq!(late.status, 409);
    assert!(
        late.body.contains("writing step has ended"),
        "{}",
        late.body
    );
    // Five votes to give, at most two on one card.
    let ballot = |n: usize, counts: [u32; 3]| {
        serde_json::json!({
            "submission": key("ballot", n),
            "voter": key("voter", 1),
            "votes": ids.iter().zip(counts).map(|(id, count)| {
                serde_json::json!({ "cardId": id, "count": count })
            }).collect::<Vec<_>>(),
        })
    };
    let over = post(r.addr(), &r.path("api/ballot"), ballot(1, [2, 2, 2])).await;
    assert_eq!(over.status, 422);
    assert!(
        over.body.contains("You gave 6 votes; each person has 5"),
        "{}",
        over.body
    );
    let capped = post(r.addr(), &r.path("api/ballot"), ballot(2, [3, 0, 0])).await;
    assert_eq!(capped.status, 422);
    assert!(capped.body.contains("at most 2 votes"), "{}", capped.body);
    let fine = post(r.addr(), &r.path("api/ballot"), ballot(3, [2, 2, 1])).await;
    assert_eq!(fine.status, 200, "{}", fine.body);
    let view = get(r.addr(), &r.path("api/view")).await.json();
    assert_eq!(view["voting"]["voted"], 1);
    assert_eq!(view["voting"]["revealed"], false);
    assert!(view["cards"][0]["votes"].is_null(), "counts stay hidden");
    r.server.stop().await;
}

#[tokio::test]
async fn malformed_json_and_oversized_bodies_are_refused_and_nothing_is_stored() {
    let r = running().await;
    let me = key("participant", 3);
    join(&r, &me).await;
    let broken = send(
        r.addr(),
        &raw("POST", &r.path("api/cards"), "", "{\"text\": "),
    )
    .await;
    assert_eq!(broken.status, 400);
    assert!(
        broken.json()["message"]
            .as_str()
            .unwrap()
            .contains("not what the room expects")
    );
    let unknown = post(
        r.addr(),
        &r.path("api/cards"),
        serde_json::json!({ "text": "x", "authorId": "someone" }),
    )
    .await;
    assert_eq!(unknown.status, 400);
    // 50 MB announced: refused before it is read.
    let mut stream = TcpStream::connect(r.addr()).await.unwrap();
    let head = format!(
        "POST {} HTTP/1.1\r\nhost: room\r\ncontent-type: application/json\r\n\
         content-length: {}\r\n\r\n",
        r.path("api/cards"),
        50 * 1024 * 1024
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    let _ = stream.write_all(&vec![b'x'; 64 * 1024]).await;
    let mut out = vec![0; 4096];
    let n = tokio::time::timeout(Duration::from_secs(10), stream.read(&mut out))
        .await
        .unwrap()
        .unwrap();
    let reply = parse(&out[..n]);
    assert_eq!(reply.status, 413);
    assert!(reply.body.contains(&BODY_MAX.to_string()), "{}", reply.body);
    // Sent without a length, chunked, it is cut off at the limit too.
    let mut chunked = format!(
        "POST {} HTTP/1.1\r\nhost: room\r\nconnection: close\r\ntransfer-encoding: chunked\r\n\r\n",
        r.path("api/cards")
    )
    .into_bytes();
    for _ in 0..8 {
        chunked.extend_from_slice(format!("{:x}\r\n", 8192).as_bytes());
        chunked.extend(std::iter::repeat_n(b'x', 8192));
        chunked.extend_from_slice(b"\r\n");
    }
    chunked.extend_from_slice(b"0\r\n\r\n");
    assert_eq!(send(r.addr(), &chunked).await.status, 413);
    assert_eq!(r.cards(), 0);
    r.server.stop().await;
}

#[tokio::test]
async fn a_slow_client_is_cut_off_and_does_not_hold_up_anyone_else() {
    let r = running().await;
    // Headers never finished.
    let mut stalled = TcpStream::connect(r.addr()).await.unwrap();
    stalled
        .write_all(format!("GET {} HTTP/1.1\r\nhost: ro", r.path("api/view")).as_bytes())
        .await
        .unwrap();
    // A body that never arrives.
    let mut trickle = TcpStream::connect(r.addr()).await.unwrap();
    trickle
        .write_all(
            format!(
                "POST {} HTTP/1.1\r\nhost: room\r\ncontent-type: application/json\r\n\
                 content-length: 100\r\n\r\n{{\"parti",
                r.path("api/join")
            )
            .as_bytes(),
        )
        .await
        .unwrap();
    // Meanwhile the room answers everyone else at once.
    let view = get(r.addr(), &r.path("api/view")).await;
    assert_eq!(view.status, 200);
    let mut out = Vec::new();
    let closed = tokio::time::timeout(Duration::from_secs(15), stalled.read_to_end(&mut out)).await;
    assert!(closed.is_ok(), "the stalled connection is closed");
    let mut out = Vec::new();
    tokio::time::timeout(Duration::from_secs(20), trickle.read_to_end(&mut out))
        .await
        .expect("the trickling request is answered")
        .unwrap();
    let reply = parse(&out);
    assert_eq!(reply.status, 408);
    assert!(reply.body.contains("took too long"), "{}", reply.body);
    r.server.stop().await;
}

#[tokio::test]
async fn a_thousand_connections_at_once_get_a_busy_answer_beyond_the_limit_and_the_room_carries_on()
{
    let r = running().await;
    let mut open = Vec::new();
    for _ in 0..1_000 {
        open.push(TcpStream::connect(r.addr()).await.unwrap());
    }
    // Those over the limit are told the room is busy, and closed.
    let mut busy = 0;
    for stream in open.iter_mut().skip(CONNECTIONS_MAX) {
        let mut out = vec![0; 1024];
        let n = tokio::time::timeout(Duration::from_secs(10), stream.read(&mut out))
            .await
            .expect("a busy answer")
            .unwrap_or(0);
        if n > 0 && parse(&out[..n]).status == 503 {
            busy += 1;
        }
    }
    assert_eq!(busy, 1_000 - CONNECTIONS_MAX);
    // The facilitator's side reads and writes as ever.
    assert_eq!(r.cards(), 0);
    drop(open);
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(get(r.addr(), &r.path("api/view")).await.status, 200);
    r.server.stop().await;
}

#[tokio::test]
async fn too_many_writes_a_second_from_one_device_are_refused_with_429() {
    let r = running().await;
    let me = key("participant", 4);
    join(&r, &me).await;
    let mut statuses = Vec::new();
    for n in 0..(WRITES_PER_SECOND as usize + 3) {
        let reply = post(r.addr(), &r.path("api/cards"), card(&me, 100 + n, "Quick")).await;
        statuses.push(reply.status);
        if reply.status == 429 {
            assert!(reply.body.contains("in a second"), "{}", reply.body);
        }
    }
    assert!(statuses.contains(&429), "{statuses:?}");
    // Another device is not held back.
    let other = key("participant", 5);
    join(&r, &other).await;
    let reply = post(r.addr(), &r.path("api/cards"), card(&other, 200, "Mine")).await;
    assert_eq!(reply.status, 201);
    r.server.stop().await;
}

#[tokio::test]
async fn a_device_is_held_to_its_cards_per_step_and_the_room_to_its_participants() {
    let r = running().await;
    let me = key("participant", 6);
    join(&r, &me).await;
    for n in 0..room::CARDS_PER_STEP as usize {
        if n > 0 && n % 8 == 0 {
            tokio::time::sleep(Duration::from_millis(1_050)).await;
        }
        let reply = post(r.addr(), &r.path("api/cards"), card(&me, 300 + n, "Card")).await;
        assert_eq!(reply.status, 201, "{}", reply.body);
    }
    tokio::time::sleep(Duration::from_millis(1_050)).await;
    let over = post(r.addr(), &r.path("api/cards"), card(&me, 399, "One more")).await;
    assert_eq!(over.status, 409);
    assert!(over.body.contains("25 cards in this step"), "{}", over.body);
    for n in 1..room::PARTICIPANTS_MAX as usize {
        let participant = key("participant", 1_000 + n);
        r.db.write(|tx| room::join(tx, r.workshop, &room::Join { participant }))
            .unwrap();
    }
    let full = post(
        r.addr(),
        &r.path("api/join"),
        serde_json::json!({ "participant": key("participant", 9_999) }),
    )
    .await;
    assert_eq!(full.status, 409);
    assert!(full.body.contains("The room is full"), "{}", full.body);
    r.server.stop().await;
}

#[tokio::test]
async fn once_stopped_nothing_listens_on_its_port_and_a_closed_room_takes_no_writes() {
    let r = running().await;
    let addr = r.addr();
    assert!(TcpStream::connect(addr).await.is_ok());
    let (db, workshop) = (r.db.clone(), r.workshop);
    r.server.stop().await;
    db.write(|tx| room::close(tx, workshop)).unwrap();
    let refused = TcpStream::connect(addr).await;
    assert!(refused.is_err(), "something still listens on {addr}");
    // Reopened, it has a new token; the old one finds nothing.
    let open = db
        .write(|tx| room::open(tx, workshop, "127.0.0.1", 0, Utc::now()))
        .unwrap();
    assert_ne!(open.token, r.token);
    let server = serve(
        Direct(db.clone()),
        workshop,
        open.token.clone(),
        "127.0.0.1:0".parse().unwrap(),
    )
    .await
    .unwrap();
    let old = get(server.address(), &format!("/{}/api/view", r.token)).await;
    assert_eq!(old.status, 404);
    let new = get(server.address(), &format!("/{}/api/view", open.token)).await;
    assert_eq!(new.status, 200);
    server.stop().await;
}
