//! Commands through Tauri's real IPC path (mock runtime, the app's real configuration and
//! capabilities): a granted command reaches the core and comes back, writes are stored, errors
//! arrive as `{ kind, message, field? }`, and requests from a remote page or another window are
//! refused before any command runs.

use outward_app::picker::OpenPicker;
use outward_app::store::Store;
use outward_core::db::Database;
use serde_json::{Value, json};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder};
use tauri::webview::InvokeRequest;
use tauri::{App, Listener, Manager, WebviewWindow, WebviewWindowBuilder};

/// The URL the embedded UI is served from on Linux (`http://tauri.localhost` is Windows').
const LOCAL: &str = "tauri://localhost";

fn app(store: Store) -> App<MockRuntime> {
    app_picking(store, None)
}

/// An app whose folder picker answers `folder` (`None`: the person cancels).
fn app_picking(store: Store, folder: Option<std::path::PathBuf>) -> App<MockRuntime> {
    let app = mock_builder()
        .invoke_handler(outward_app::handler())
        .build(outward_app::context())
        .expect("the app builds with its real configuration and capabilities");
    let picker = OpenPicker::answering(move |_| Ok(folder.clone()));
    outward_app::manage_state(app.handle(), store, picker);
    app
}

fn window(app: &App<MockRuntime>, label: &str) -> WebviewWindow<MockRuntime> {
    WebviewWindowBuilder::new(app, label, Default::default())
        .build()
        .expect("a mock window")
}

fn in_memory() -> Store {
    Store::from_database(Database::open_in_memory().expect("an in-memory database"))
}

fn invoke(
    window: &WebviewWindow<MockRuntime>,
    url: &str,
    command: &str,
    args: Value,
) -> Result<Value, Value> {
    let request = InvokeRequest {
        cmd: command.into(),
        callback: CallbackFn(0),
        error: CallbackFn(1),
        url: url.parse().expect("a valid URL"),
        body: InvokeBody::Json(args),
        headers: Default::default(),
        invoke_key: INVOKE_KEY.to_string(),
    };
    get_ipc_response(window, request).map(|body| body.deserialize::<Value>().expect("a JSON reply"))
}

/// The request was refused by Tauri's permission check, before any command ran.
fn assert_refused_by_acl(reply: &Result<Value, Value>, why: &str) {
    let refused = reply.as_ref().expect_err(why);
    assert!(
        refused
            .as_str()
            .is_some_and(|message| message.contains("not allowed")),
        "{why}: expected a refusal by the ACL, got {refused}"
    );
}

#[test]
fn a_granted_command_round_trips_through_the_core() {
    let app = app(in_memory());
    let main = window(&app, "main");
    let team = invoke(
        &main,
        LOCAL,
        "create_team",
        json!({ "input": { "name": "Platform", "description": "" } }),
    )
    .expect("create_team is granted to the main window");
    assert_eq!(team["name"], "Platform");
    assert!(
        team["id"].as_str().is_some_and(|id| id.len() == 36),
        "the backend mints a UUID: {team}"
    );
    let teams = invoke(&main, LOCAL, "list_teams", json!({})).expect("list_teams is granted");
    assert_eq!(
        teams.as_array().map(Vec::len),
        Some(1),
        "the created team is stored: {teams}"
    );
    assert_eq!(
        invoke(&main, LOCAL, "startup_failure", json!({})),
        Ok(Value::Null),
        "the database opened"
    );
}

#[test]
fn a_write_to_a_file_database_is_still_there_after_reopening() {
    let dir = tempfile::tempdir().expect("a temp folder");
    let path = dir.path().join("outward.db");
    {
        let main = window(&app(Store::open(&path, chrono::Utc::now())), "main");
        invoke(
            &main,
            LOCAL,
            "create_team",
            json!({ "input": { "name": "Data", "description": "" } }),
        )
        .expect("the team is created");
    }
    let main = window(&app(Store::open(&path, chrono::Utc::now())), "main");
    let overview = invoke(&main, LOCAL, "workspace_overview", json!({})).expect("an overview");
    assert_eq!(
        overview["teams"], 1,
        "the committed team survives a restart: {overview}"
    );
    assert_eq!(overview["databasePath"], path.display().to_string());
}

/// The `changed` events the app sends, as JSON, in order.
fn changes_announced(app: &App<MockRuntime>) -> std::sync::mpsc::Receiver<Value> {
    app.state::<Store>().announce_to(app.handle().clone());
    let (sender, received) = std::sync::mpsc::channel();
    app.listen_any(outward_app::store::CHANGED_EVENT, move |event| {
        let payload = serde_json::from_str(event.payload()).expect("a JSON payload");
        sender.send(payload).expect("the test listens");
    });
    received
}

#[test]
fn a_write_announces_what_the_core_recorded_and_a_read_announces_nothing() {
    let app = app(in_memory());
    let changes = changes_announced(&app);
    let main = window(&app, "main");
    let team = invoke(
        &main,
        LOCAL,
        "create_team",
        json!({ "input": { "name": "Platform", "description": "" } }),
    )
    .expect("the team is created");
    let wait = std::time::Duration::from_secs(5);
    assert_eq!(
        changes.recv_timeout(wait).expect("the write was announced"),
        json!({ "kinds": ["team"], "ids": [team["id"]], "settings": false, "counts": true })
    );
    invoke(&main, LOCAL, "list_teams", json!({})).expect("a list");
    invoke(
        &main,
        LOCAL,
        "create_team",
        json!({ "input": { "name": "", "description": "" } }),
    )
    .expect_err("a team needs a name");
    invoke(
        &main,
        LOCAL,
        "set_unheard_after_weeks",
        json!({ "weeks": 4 }),
    )
    .expect("the setting is saved");
    assert_eq!(
        changes
            .recv_timeout(wait)
            .expect("the setting was announced"),
        json!({ "kinds": [], "ids": [], "settings": true, "counts": false }),
        "neither the read nor the refused write announced anything"
    );
}

#[test]
fn invalid_input_is_a_validation_error_naming_the_field() {
    let main = window(&app(in_memory()), "main");
    let error = invoke(
        &main,
        LOCAL,
        "create_team",
        json!({ "input": { "name": "  ", "description": "" } }),
    )
    .expect_err("an empty team name is refused");
    assert_eq!(error["kind"], "validation", "{error}");
    assert_eq!(
        error["field"], "name",
        "the UI shows the message next to the name field: {error}"
    );
    assert_eq!(
        invoke(&main, LOCAL, "list_teams", json!({})),
        Ok(json!([])),
        "nothing was stored"
    );
}

#[test]
fn an_unopenable_database_is_reported_not_fatal() {
    let dir = tempfile::tempdir().expect("a temp folder");
    let path = dir.path().join("outward.db");
    std::fs::write(&path, vec![0x5a_u8; 8192]).expect("a corrupt database file");
    let main = window(&app(Store::open(&path, chrono::Utc::now())), "main");
    let failure =
        invoke(&main, LOCAL, "startup_failure", json!({})).expect("startup_failure answers");
    assert_eq!(
        failure["databasePath"],
        path.display().to_string(),
        "{failure}"
    );
    assert!(
        failure["reason"].as_str().is_some_and(|r| !r.is_empty()),
        "a reason is given: {failure}"
    );
    let error =
        invoke(&main, LOCAL, "list_teams", json!({})).expect_err("no data without a database");
    assert_eq!(error["kind"], "internal", "{error}");
    assert!(
        error["message"]
            .as_str()
            .is_some_and(|m| m.contains("could not be opened")),
        "{error}"
    );
}

#[test]
fn a_request_from_a_remote_page_is_refused() {
    let main = window(&app(in_memory()), "main");
    let refused = invoke(
        &main,
        "https://attacker.example",
        "create_team",
        json!({ "input": { "name": "Evil", "description": "" } }),
    );
    assert_refused_by_acl(&refused, "a remote origin cannot call app commands");
    assert_eq!(
        invoke(&main, LOCAL, "list_teams", json!({})),
        Ok(json!([])),
        "and nothing was written"
    );
}

#[test]
fn another_window_gets_no_commands() {
    let app = app(in_memory());
    let other = window(&app, "other");
    let refused = invoke(&other, LOCAL, "list_teams", json!({}));
    assert_refused_by_acl(&refused, "the capability names only the main window");
}

#[test]
fn the_presenter_window_cannot_write_or_read_other_features() {
    let app = app(in_memory());
    let presenter = window(&app, "presenter");
    let refused = invoke(
        &presenter,
        LOCAL,
        "create_team",
        json!({ "input": { "name": "Room", "description": "" } }),
    );
    assert_refused_by_acl(&refused, "the projector window writes nothing");
    let refused = invoke(&presenter, LOCAL, "list_teams", json!({}));
    assert_refused_by_acl(
        &refused,
        "the projector window reads only the presenter set",
    );
    let closed = invoke(&presenter, LOCAL, "close_presenter", json!({}));
    assert!(
        closed.is_ok(),
        "the presenter set is granted to its window: {closed:?}"
    );
}

#[test]
fn every_command_is_checked_against_the_capability() {
    // Tauri checks only declared commands: an undeclared one would run here for any window.
    // The request is refused before the command runs, so nothing is done or opened.
    let app = app(in_memory());
    let other = window(&app, "other");
    for (_, command) in outward_app::COMMANDS {
        let refused = invoke(&other, LOCAL, command, json!({}));
        assert_refused_by_acl(&refused, &format!("{command} is declared to Tauri's ACL"));
    }
}

#[test]
fn core_permissions_beyond_events_are_not_granted() {
    let main = window(&app(in_memory()), "main");
    let refused = invoke(
        &main,
        LOCAL,
        "plugin:window|close",
        json!({ "label": "main" }),
    );
    assert_refused_by_acl(
        &refused,
        "the UI may not drive windows through core plugins",
    );
}

#[test]
fn evidence_commands_reach_the_core() {
    let main = window(&app(in_memory()), "main");
    invoke(&main, LOCAL, "load_example", json!({})).expect("the example loads");
    let page = invoke(
        &main,
        LOCAL,
        "list_pain_points",
        json!({ "filter": {}, "page": { "offset": 0, "limit": 2 } }),
    )
    .expect("list_pain_points is granted");
    assert_eq!(
        page["total"], 5,
        "four from conversations, one from the workshop: {page}"
    );
    assert_eq!(
        page["items"].as_array().map(Vec::len),
        Some(2),
        "one page of two"
    );
    let hits = invoke(&main, LOCAL, "search", json!({ "query": "canary" })).expect("search");
    assert!(
        hits.as_array().is_some_and(|h| !h.is_empty()),
        "the example's notes are searchable: {hits}"
    );
    let error = invoke(&main, LOCAL, "search", json!({ "query": "?!" })).expect_err("refused");
    assert_eq!(
        (error["kind"].as_str(), error["field"].as_str()),
        (Some("validation"), Some("query"))
    );
    let coverage = invoke(&main, LOCAL, "customer_coverage", json!({})).expect("coverage");
    assert_eq!(coverage["customers"].as_array().map(Vec::len), Some(6));
}

#[test]
fn opening_a_file_database_takes_the_daily_backup() {
    let dir = tempfile::tempdir().expect("a temp folder");
    let path = dir.path().join("outward.db");
    let store = Store::open(&path, chrono::Utc::now());
    assert!(store.startup_failure().is_none(), "the database opens");
    // The backup is taken in the background, so the window need not wait for it.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while outward_core::db::backup::latest_for(&path).is_none() {
        assert!(
            std::time::Instant::now() < deadline,
            "a verified backup is taken when the app opens its database"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// A folder holding one interview with Payments, in the import's Markdown format.
fn one_interview_folder() -> tempfile::TempDir {
    let notes = tempfile::tempdir().expect("a temp folder");
    std::fs::write(
        notes.path().join("call.md"),
        "---\ndate: 2026-10-01\ncustomer: Payments\n---\nThe build cache misses.\n",
    )
    .expect("a notes file");
    notes
}

#[test]
fn an_import_takes_a_previewed_handle_and_never_a_path_from_the_page() {
    let notes = one_interview_folder();
    let folder = notes.path().to_str().expect("a UTF-8 path");
    let main = window(&app(in_memory()), "main");

    for args in [json!({ "folder": folder }), json!({ "handle": folder })] {
        let refused = invoke(&main, LOCAL, "import_interviews", args.clone());
        assert!(
            refused.is_err(),
            "{args}: only a handle of a preview made in Rust imports anything"
        );
    }
    let unknown = invoke(
        &main,
        LOCAL,
        "import_interviews",
        json!({ "handle": "0198f0a4-6f4e-4c2a-9d31-5b0e2a7c4f10" }),
    )
    .expect_err("a handle no preview made is refused");
    assert_eq!(unknown["kind"], "conflict", "{unknown}");
    let interviews = invoke(
        &main,
        LOCAL,
        "list_interviews",
        json!({ "filter": {}, "page": { "offset": 0, "limit": 10 } }),
    )
    .expect("list_interviews");
    assert_eq!(interviews["total"], 0, "nothing was imported: {interviews}");
}

#[test]
fn the_folder_the_picker_answers_is_previewed_and_imported() {
    let notes = one_interview_folder();
    let cancelled = window(&app(in_memory()), "main");
    assert_eq!(
        invoke(&cancelled, LOCAL, "choose_interview_folder", json!({})),
        Ok(Value::Null),
        "a cancelled picker previews nothing"
    );

    let main = window(
        &app_picking(in_memory(), Some(notes.path().to_owned())),
        "main",
    );
    let preview = invoke(&main, LOCAL, "choose_interview_folder", json!({}))
        .expect("the picked folder is previewed");
    assert_eq!(preview["fileCount"], 1, "{preview}");
    assert_eq!(preview["newCustomers"], json!(["Payments"]), "{preview}");
    let imported = invoke(
        &main,
        LOCAL,
        "import_interviews",
        json!({ "handle": preview["handle"] }),
    )
    .expect("the previewed plan is imported");
    assert_eq!(imported, 1);
}
