//! A lint over the shell's security configuration: a strict CSP, no global Tauri API, no dev
//! server or remote URL, no asset protocol, no shell or file-system plugin, and the same set of
//! commands declared in `build.rs`, granted in `capabilities/` and registered in
//! `generate_handler!` (a command missing from any of them is either unreachable or unchecked).

use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn shell_file(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

fn read(relative: &str) -> String {
    let path = shell_file(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn config() -> Value {
    serde_json::from_str(&read("tauri.conf.json")).expect("tauri.conf.json is valid JSON")
}

fn capabilities() -> Vec<(String, Value)> {
    let dir = shell_file("capabilities");
    let mut found: Vec<(String, Value)> = std::fs::read_dir(&dir)
        .expect("the capabilities folder exists")
        .map(|entry| entry.expect("a readable entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("a readable capability file");
            let value = serde_json::from_str(&text)
                .unwrap_or_else(|e| panic!("{} is not valid JSON: {e}", path.display()));
            (path.display().to_string(), value)
        })
        .collect();
    found.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(
        !found.is_empty(),
        "at least one capability file in {}",
        dir.display()
    );
    found
}

/// The CSP as directive → sources, from either the string or the object form.
fn csp_directives() -> Vec<(String, Vec<String>)> {
    let config = config();
    let csp = &config["app"]["security"]["csp"];
    let text = match csp {
        Value::String(text) => text.clone(),
        Value::Object(map) => map
            .iter()
            .map(|(name, sources)| match sources {
                Value::String(s) => format!("{name} {s}"),
                Value::Array(list) => format!(
                    "{name} {}",
                    list.iter()
                        .filter_map(Value::as_str)
                        .collect::<Vec<_>>()
                        .join(" ")
                ),
                other => panic!("CSP directive {name} has an unexpected value {other}"),
            })
            .collect::<Vec<_>>()
            .join("; "),
        other => panic!(
            "app.security.csp must be set (a missing or null CSP is not enforced), found {other}"
        ),
    };
    text.split(';')
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .map(|directive| {
            let mut words = directive.split_whitespace().map(str::to_owned);
            let name = words.next().expect("a directive has a name");
            (name, words.collect())
        })
        .collect()
}

#[test]
fn the_csp_is_strict_and_allows_nothing_remote() {
    let directives = csp_directives();
    let names: BTreeSet<&str> = directives.iter().map(|(n, _)| n.as_str()).collect();
    for required in [
        "default-src",
        "script-src",
        "object-src",
        "base-uri",
        "frame-ancestors",
        "form-action",
    ] {
        assert!(names.contains(required), "the CSP sets {required}");
    }
    for (name, sources) in &directives {
        for source in sources {
            let allowed = match source.as_str() {
                "'self'" | "'none'" => true,
                "ipc:" | "http://ipc.localhost" => name == "connect-src",
                "data:" => name == "img-src",
                "'unsafe-inline'" => name == "style-src",
                _ => false,
            };
            assert!(
                allowed,
                "CSP {name} must not allow {source}: only 'self', the IPC origin for connect-src, \
                 data: images and inline styles are allowed (no eval, no remote host, no wildcard)"
            );
        }
    }
}

#[test]
fn tauri_modifies_only_the_style_csp() {
    // Tauri adds nonces and hashes to the CSP; in style-src that would silently void
    // 'unsafe-inline', which the UI's inline styles need. script-src keeps its hardening.
    let config = config();
    let disabled = &config["app"]["security"]["dangerousDisableAssetCspModification"];
    assert!(
        disabled.is_null() || *disabled == serde_json::json!(["style-src"]),
        "only style-src may be exempt from Tauri's CSP modification, found {disabled}"
    );
}

#[test]
fn no_global_tauri_api_no_asset_protocol_no_dev_server() {
    let config = config();
    let app = &config["app"];
    assert_ne!(
        app["withGlobalTauri"],
        Value::Bool(true),
        "withGlobalTauri must stay false"
    );
    let asset = &app["security"]["assetProtocol"]["enable"];
    assert_ne!(
        *asset,
        Value::Bool(true),
        "the asset protocol must stay disabled"
    );
    assert!(
        config["build"]["devUrl"].is_null(),
        "no devUrl: the app always embeds ui/build"
    );
    let dist = config["build"]["frontendDist"]
        .as_str()
        .expect("frontendDist is a folder path");
    assert_eq!(
        dist, "../ui/build",
        "the app embeds the built UI from ui/build"
    );
    let windows = app["windows"]
        .as_array()
        .expect("the main window is configured");
    let labels: Vec<&str> = windows.iter().filter_map(|w| w["label"].as_str()).collect();
    assert_eq!(
        labels,
        ["main"],
        "exactly one window, labelled main (the capability names it)"
    );
    for window in windows {
        assert!(
            window["url"].is_null(),
            "windows load the embedded UI, not a URL"
        );
    }
}

/// Every string in `value` that looks like a URL, except inside the CSP (checked on its own).
fn urls_in(value: &Value, path: &str, found: &mut Vec<String>) {
    match value {
        Value::String(s) if s.contains("://") => found.push(format!("{path} = {s}")),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                urls_in(item, &format!("{path}[{i}]"), found);
            }
        }
        Value::Object(map) => {
            for (key, item) in map {
                if key != "csp" {
                    urls_in(item, &format!("{path}.{key}"), found);
                }
            }
        }
        _ => {}
    }
}

#[test]
fn no_remote_url_is_configured_anywhere() {
    let mut found = Vec::new();
    urls_in(&config(), "tauri.conf.json", &mut found);
    for (file, capability) in capabilities() {
        urls_in(&capability, &file, &mut found);
        assert!(
            capability["remote"].is_null(),
            "{file}: no capability may reach remote pages"
        );
    }
    assert!(found.is_empty(), "no URLs in the configuration: {found:?}");
}

/// The only Tauri core permissions the UI has: listening for events, and reading the version.
const CORE_GRANTS: &[&str] = &["core:event:default", "core:app:allow-version"];

#[test]
fn no_shell_or_file_system_access_for_the_ui() {
    let manifest = read("Cargo.toml");
    for forbidden in [
        "tauri-plugin-shell",
        "tauri-plugin-fs",
        "tauri-plugin-http",
        "protocol-asset",
        "devtools",
    ] {
        assert!(
            !manifest.contains(forbidden),
            "src-tauri/Cargo.toml must not use {forbidden}"
        );
    }
    for (file, capability) in capabilities() {
        assert_eq!(
            capability["windows"],
            serde_json::json!(["main"]),
            "{file} applies to the main window only"
        );
        assert!(
            capability["description"]
                .as_str()
                .is_some_and(|d| d.len() > 20),
            "{file} says why it grants what it grants"
        );
        for permission in granted(&capability) {
            let plugin = permission.split(':').next().unwrap_or_default();
            assert!(
                !permission.contains(':') || CORE_GRANTS.contains(&permission.as_str()),
                "{file} grants {permission}; the UI gets no {plugin} permissions, only events, \
                 the app's version and app commands"
            );
        }
    }
}

fn granted(capability: &Value) -> Vec<String> {
    capability["permissions"]
        .as_array()
        .expect("a capability lists its permissions")
        .iter()
        .map(|p| {
            p.as_str()
                .expect("permissions are granted by name, without scopes")
                .to_owned()
        })
        .collect()
}

/// Quoted names between `start` and the next `end` in `text`.
fn quoted_between(text: &str, start: &str, end: &str) -> Vec<String> {
    let from = text
        .find(start)
        .unwrap_or_else(|| panic!("`{start}` not found"))
        + start.len();
    let body = &text[from..from + text[from..].find(end).expect("a closing bracket")];
    body.split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

fn unique(list: Vec<String>, what: &str) -> BTreeSet<String> {
    let set: BTreeSet<String> = list.iter().cloned().collect();
    assert_eq!(
        set.len(),
        list.len(),
        "{what} lists a command twice: {list:?}"
    );
    set
}

#[test]
fn declared_granted_and_registered_commands_are_the_same_set() {
    let declared = unique(
        quoted_between(&read("build.rs"), "const COMMANDS: &[&str] = &[", "];"),
        "build.rs",
    );

    let mut grants = Vec::new();
    for (_, capability) in capabilities() {
        grants.extend(granted(&capability).into_iter().filter_map(|p| {
            p.strip_prefix("allow-")
                .map(|command| command.replace('-', "_"))
        }));
    }
    let granted = unique(grants, "capabilities/");

    let lib = read("src/lib.rs");
    let from = lib
        .find("generate_handler![")
        .expect("generate_handler! in src/lib.rs")
        + "generate_handler![".len();
    let body = &lib[from..from + lib[from..].find(']').expect("closing bracket")];
    let handlers: Vec<String> = body
        .split(',')
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(|path| path.rsplit("::").next().expect("a command path").to_owned())
        .collect();
    let registered = unique(handlers, "generate_handler!");

    assert!(
        declared.len() >= 20,
        "every contract command is declared, found {declared:?}"
    );
    assert_eq!(
        declared, granted,
        "build.rs declares exactly the commands capabilities/ grants"
    );
    assert_eq!(
        declared, registered,
        "build.rs declares exactly the commands generate_handler! registers"
    );
}
