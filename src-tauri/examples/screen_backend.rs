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
//!   payloads of the `changed` events the command sent;
//! - `{"id": 2, "page": "p1", "chooseFolder": "/a/folder" | null}` sets what the imports' open
//!   picker answers on that page from now on (a folder of interviews, an export or a survey
//!   file, or `null` for Cancel).
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
    changed: Arc<Mutex<Vec<Value>>>,
    folder: Arc<Mutex<Option<PathBuf>>>,
}

impl Workspace {
    fn open(dir: PathBuf) -> Result<Workspace, String> {
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
        let changed = Arc::new(Mutex::new(Vec::new()));
        let sink = changed.clone();
        app.listen_any(CHANGED_EVENT, move |event| {
            let payload = serde_json::from_str(event.payload()).unwrap_or(Value::Null);
            if let Ok(mut list) = sink.lock() {
                list.push(payload);
            }
        });
        let window = WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .map_err(|e| e.to_string())?;
        Ok(Workspace {
            _app: app,
            window,
            changed,
            folder,
        })
    }

    /// Runs `command` as the page would; the `changed` events are sent before the reply.
    fn invoke(&self, command: &str, args: Value) -> Value {
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
        let changed = self
            .changed
            .lock()
            .map(|mut list| std::mem::take(&mut *list))
            .unwrap_or_default();
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
        match Workspace::open(dir) {
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
    let stdout = std::io::stdout();
    for line in std::io::stdin().lock().lines() {
        let Ok(line) = line else { break };
        if line.trim().is_empty() {
            continue;
        }
        let reply = answer(&mut workspaces, root.path(), &line);
        let mut out = stdout.lock();
        if writeln!(out, "{reply}").and_then(|()| out.flush()).is_err() {
            break;
        }
    }
    // The apps close their databases before their folder is deleted.
    drop(workspaces);
    drop(root);
}
