//! A lint over the shell's security configuration: a strict CSP, no global Tauri API, no dev
//! server or remote URL, no asset protocol, no shell or file-system plugin, and every app command
//! (the `COMMANDS` that `build.rs` finds in the command files, declares and registers) granted
//! through the permission set of its feature, which the capability lists (a command left out is
//! unreachable; a grant for something else widens what a page may do).

use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

pub fn shell_file(relative: &str) -> PathBuf {
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

/// Each capability file and the one window it applies to: the main window, and the presenter
/// window on the projector.
const WINDOWS: &[(&str, &str)] = &[("default", "main"), ("presenter", "presenter")];

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
        let window = WINDOWS
            .iter()
            .find(|(name, _)| file.ends_with(&format!("{name}.json")))
            .unwrap_or_else(|| panic!("{file} is a capability of a known window: {WINDOWS:?}"));
        assert_eq!(
            capability["windows"],
            serde_json::json!([window.1]),
            "{file} applies to the {} window only",
            window.1
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

/// A feature's permission file, `permissions/<feature>.toml`: one `[[set]]` and nothing else.
/// Unknown keys are refused, so a file cannot slip in a `[[permission]]` of its own (which could
/// allow any command or scope) or a `[default]`.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct PermissionFile {
    set: Vec<PermissionSet>,
}

/// A permission set: what one feature's page may do, as `allow-<command>` permissions.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PermissionSet {
    pub identifier: String,
    pub description: String,
    pub permissions: Vec<String>,
}

impl PermissionSet {
    /// The commands this set allows, by name; anything but `allow-<command>` fails the test.
    pub fn commands(&self) -> Vec<String> {
        self.permissions
            .iter()
            .map(|permission| {
                permission
                    .strip_prefix("allow-")
                    .filter(|command| !command.contains(':'))
                    .unwrap_or_else(|| {
                        panic!(
                            "the set {} holds {permission}; a feature's set holds only \
                             allow-<command> permissions of app commands",
                            self.identifier
                        )
                    })
                    .replace('-', "_")
            })
            .collect()
    }
}

/// Every permission set in `permissions/*.toml`, with the feature its file is named after.
/// (`permissions/autogenerated/` is tauri-build's per-command output, not ours.)
pub fn permission_sets() -> Vec<(String, PermissionSet)> {
    let dir = shell_file("permissions");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("the permissions folder exists")
        .map(|entry| entry.expect("a readable entry").path())
        .filter(|path| path.is_file() && path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    files.sort();
    let mut sets = Vec::new();
    for path in files {
        let feature = path
            .file_stem()
            .expect("a file name")
            .to_string_lossy()
            .into_owned();
        let text = std::fs::read_to_string(&path).expect("a readable permission file");
        let file: PermissionFile = toml::from_str(&text).unwrap_or_else(|e| {
            panic!(
                "{} must hold exactly its feature's [[set]] (identifier, description, \
                 permissions) and nothing else: {e}",
                path.display()
            )
        });
        let [set] = <[PermissionSet; 1]>::try_from(file.set).unwrap_or_else(|found| {
            panic!(
                "{} must define exactly one [[set]], found {}",
                path.display(),
                found.len()
            )
        });
        sets.push((feature, set));
    }
    sets
}

fn unique(list: Vec<String>, what: &str) -> BTreeSet<String> {
    let set: BTreeSet<String> = list.iter().cloned().collect();
    assert_eq!(
        set.len(),
        list.len(),
        "{what} names something twice: {list:?}"
    );
    set
}

#[test]
fn every_command_is_granted_through_its_feature_set_and_nothing_else_is() {
    let sets = permission_sets();
    let mut listed = Vec::new();
    for (file, capability) in capabilities() {
        let mut in_file = granted(&capability);
        unique(in_file.clone(), &file);
        // The presenter window only shows the room what it may see: it gets the presenter set
        // and the events, nothing that writes or reads another feature.
        if file.ends_with("presenter.json") {
            assert_eq!(
                in_file,
                ["core:event:default", "presenter"],
                "{file} grants the projector window only the events and the presenter set"
            );
            continue;
        }
        in_file.retain(|permission| !CORE_GRANTS.contains(&permission.as_str()));
        for permission in in_file {
            assert!(
                sets.iter().any(|(_, set)| set.identifier == permission),
                "{file} grants {permission}, which is not a feature's permission set: grant \
                 commands through the set in permissions/<feature>.toml"
            );
            listed.push(permission);
        }
    }
    let listed = unique(listed, "capabilities/");
    let granted = unique(
        sets.iter()
            .filter(|(_, set)| listed.contains(&set.identifier))
            .flat_map(|(_, set)| set.commands())
            .collect(),
        "the permission sets the capability lists",
    );
    let commands = unique(
        outward_app::COMMANDS
            .iter()
            .map(|(_, command)| command.to_string())
            .collect(),
        "COMMANDS",
    );
    assert!(
        commands.len() >= 20,
        "every command of the command files is listed, found {commands:?}"
    );
    let ungranted: Vec<&String> = commands.difference(&granted).collect();
    let unknown: Vec<&String> = granted.difference(&commands).collect();
    assert!(
        ungranted.is_empty() && unknown.is_empty(),
        "the capability grants, through the permission sets it lists, exactly the commands of \
         src/commands/: not granted {ungranted:?}; granted but not a command {unknown:?}"
    );
}
