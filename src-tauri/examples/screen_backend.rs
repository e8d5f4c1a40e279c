//! The backend of the UI's screen tests: the app's real commands, through Tauri's real IPC path
//! (mock runtime, the app's real configuration, capabilities and permissions), over the real
//! core, on a real SQLite file per opened page. `ui/tests/screens/server.ts` starts one for the
//! whole run and forwards the page's calls to it, so a screen test and the core cannot disagree.
//!
//! It reads one JSON request per line on stdin and writes one JSON reply per line on stdout:
//!
//! - `{"id": 1, "page": "p1", "command": "create_team", "args": {...}}` runs a command (any
//!   name: Tauri's permission check decides, as in the app) and answers
//!   `{"id": 1, "ok": true, "value": ..., "changed": [...]}` or `{"id": 1, "ok": false,
//!   "value": {"kind", "message", "field"?}, "changed": [...]}`, where `changed` lists the
//!   payloads of the `changed` events sent while the command ran;
//! - `{"id": 2, "page": "p1", "chooseFolder": "/a/folder" | null}` sets what the imports' open
//!   picker answers on that page from now on (a folder of interviews, an export or a survey
//!   file, or `null` for Cancel).
//!
//! A `changed` event sent while no command runs (the room's server, started by `open_room`,
//! wrote what a device sent) is written at once as a line of its own, without an id:
//! `{"page": "p1", "changed": [...]}`, as the app sends it to its windows at once.
//!
//! A page named for the first time gets a fresh, empty database. Everything is deleted when
//! stdin closes.
//!
//! Build: `cargo build -p outward-app --example screen_backend --locked`.

use outward_app::commands::workspace::StartedAt;
use outward_app::picker::{OpenPicker, SavePicker};
use outward_app::store::{CHANGED_EVENT, Store};
use serde_json::{Value, json};
use std::collections::HashMap;
use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder};
use tauri::webview::InvokeRequest;
use tauri::{App, Listener, Manager, WebviewWindow, WebviewWindowBuilder};

/// The origin the embedded UI is served from on Linux, so the capability applies as in the app.
const ORIGIN: &str = "tauri://localhost";

/// One opened page: its own app, window, database file and folder picker answer.
struct Workspace {
    // Kept alive: the window belongs to it.
    _app: App<MockRuntime>,
    window: WebviewWindow<MockRuntime>,
    relay: Arc<Relay>,
    folder: Arc<Mutex<Option<PathBuf>>>,
}

/// Where a page's `changed` events go: with the reply of the command that runs, or, while none
/// runs, straight out to the page.
struct Relay {
    page: String,
    held: Mutex<Held>,
}

#[derive(Default)]
struct Held {
    /// Whether a command runs: its events go with its reply.
    running: bool,
    changed: Vec<Value>,
}

impl Relay {
    fn held(&self) -> std::sync::MutexGuard<'_, Held> {
        // Pushing or taking cannot leave the list half-changed, so a poisoned lock is still sound.
        self.held.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn send(&self, payload: Value) {
        let mut held = self.held();
        if held.running {
            held.changed.push(payload);
        } else {
            write_line(&json!({ "page": self.page, "changed": [payload] }));
        }
    }

    /// From now on, events go with the reply of the command that starts.
    fn hold(&self) {
        self.held().running = true;
    }

    /// The events sent while the command ran; events after it go straight out.
    fn release(&self) -> Vec<Value> {
        let mut held = self.held();
        held.running = false;
        std::mem::take(&mut held.changed)
    }
}

/// Writes one line on stdout, whole, whichever thread writes it (the main loop's replies, the
/// room server's events); false once stdout is closed.
fn write_line(line: &Value) -> bool {
    let mut out = std::io::stdout().lock();
    writeln!(out, "{line}").and_then(|()| out.flush()).is_ok()
}

impl Workspace {
    fn open(page: &str, dir: PathBuf) -> Result<Workspace, String> {
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let store = Store::open(&dir.join("outward.db"), chrono::Utc::now());
        if let Some(failure) = store.startup_failure() {
            return Err(failure.reason);
        }
        let folder = Arc::new(Mutex::new(None::<PathBuf>));
        let answer = folder.clone();
        let app = mock_builder()
            .manage(StartedAt(std::time::Instant::now()))
            .invoke_handler(outward_app::handler())
            .build(outward_app::context())
            .map_err(|e| e.to_string())?;
        let picker = OpenPicker::answering(move |_| {
            Ok(answer
                .lock()
                .map_err(|e| outward_app::store::internal(&e))?
                .clone())
        });
        outward_app::manage_state(app.handle(), store, picker);
        // Exports land in the workspace's folder, where a test can read them.
        let exports = dir.join("exports");
        std::fs::create_dir_all(&exports).map_err(|e| format!("{}: {e}", exports.display()))?;
        app.manage(SavePicker::into_folder(exports));
        let relay = Arc::new(Relay {
            page: page.to_owned(),
            held: Mutex::default(),
        });
        let sink = relay.clone();
        app.listen_any(CHANGED_EVENT, move |event| {
            sink.send(serde_json::from_str(event.payload()).unwrap_or(Value::Null));
        });
        let window = WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .map_err(|e| e.to_string())?;
        Ok(Workspace {
            _app: app,
            window,
            relay,
            folder,
        })
    }

    /// Runs `command` as the page would; the `changed` events it sent go with the reply.
    fn invoke(&self, command: &str, args: Value) -> Value {
        self.relay.hold();
        let request = InvokeRequest {
            cmd: command.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: ORIGIN.parse().expect("a valid URL"),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        };
        let (ok, value) = match get_ipc_response(&self.window, request) {
            Ok(body) => (true, body.deserialize::<Value>().unwrap_or(Value::Null)),
            Err(error) => (false, error),
        };
        let changed = self.relay.release();
        json!({ "ok": ok, "value": value, "changed": changed })
    }
}

fn answer(
    workspaces: &mut HashMap<String, Workspace>,
    root: &std::path::Path,
    line: &str,
) -> Value {
    let request: Value = match serde_json::from_str(line) {
        Ok(request) => request,
        Err(error) => {
            return json!({ "ok": false, "value": format!("not a JSON request: {error}") });
        }
    };
    let id = request["id"].clone();
    let Some(page) = request["page"].as_str() else {
        return json!({ "id": id, "ok": false, "value": "the request names no page" });
    };
    if !workspaces.contains_key(page) {
        let dir = root.join(format!("{}", workspaces.len() + 1));
        match Workspace::open(page, dir) {
            Ok(workspace) => workspaces.insert(page.to_owned(), workspace),
            Err(error) => return json!({ "id": id, "ok": false, "value": error }),
        };
    }
    let workspace = &workspaces[page];
    let mut reply = if let Some(folder) = request.get("chooseFolder") {
        let chosen = folder.as_str().map(PathBuf::from);
        if let Ok(mut answer) = workspace.folder.lock() {
            *answer = chosen;
        }
        json!({ "ok": true, "value": null, "changed": [] })
    } else if let Some(command) = request["command"].as_str() {
        let args = match &request["args"] {
            Value::Null => json!({}),
            args => args.clone(),
        };
        workspace.invoke(command, args)
    } else {
        json!({ "ok": false, "value": "the request has neither a command nor a folder" })
    };
    reply["id"] = id;
    reply
}

fn main() {
    let root = match tempfile::tempdir() {
        Ok(root) => root,
        Err(error) => {
            eprintln!("no temporary folder for the databases: {error}");
            std::process::exit(1);
        }
    };
    let mut workspaces = HashMap::new();
    for line in std::io::stdin().lock().lines() {
        let Ok(line) = line else { break };
        if line.trim().is_empty() {
            continue;
        }
        if !write_line(&answer(&mut workspaces, root.path(), &line)) {
            break;
        }
    }
    // The apps close their databases before their folder is deleted.
    drop(workspaces);
    drop(root);
}
