//! The command files are the one list of app commands, and every other place that names a
//! command agrees with them: each feature's permission set grants exactly the commands of its
//! file, and the UI wraps each command in `ui/src/lib/ipc` and names no other. The names also
//! reach the UI as a type: this test binary writes `ui/src/lib/bindings/CommandName.ts` (and the
//! change event's name), which the bindings drift check compares with git.

use super::config::{permission_sets, shell_file};
use outward_app::COMMANDS;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The commands of each feature, as its file in `src/commands/` defines them.
fn commands_by_feature() -> BTreeMap<String, BTreeSet<String>> {
    let mut features: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (feature, command) in COMMANDS {
        features
            .entry(feature.to_string())
            .or_default()
            .insert(command.to_string());
    }
    features
}

#[test]
fn each_feature_has_one_permission_set_granting_exactly_its_commands() {
    let mut sets = BTreeMap::new();
    for (feature, set) in permission_sets() {
        assert_eq!(
            set.identifier,
            feature.replace('_', "-"),
            "permissions/{feature}.toml names its set after its feature"
        );
        assert!(
            set.description.len() > 20,
            "permissions/{feature}.toml says what the page may do with {feature}"
        );
        let commands: BTreeSet<String> = set.commands().into_iter().collect();
        sets.insert(feature, commands);
    }
    let features = commands_by_feature();
    for (feature, commands) in &features {
        assert_eq!(
            sets.get(feature),
            Some(commands),
            "permissions/{feature}.toml allows exactly the commands of src/commands/{feature}.rs"
        );
    }
    let without_commands: Vec<&String> =
        sets.keys().filter(|f| !features.contains_key(*f)).collect();
    assert!(
        without_commands.is_empty(),
        "permission files without a command file: {without_commands:?}"
    );
}

/// The `.ts` files under `dir`, tests excluded, recursively.
fn wrapper_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("a readable folder") {
        let path = entry.expect("a readable entry").path();
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        if path.is_dir() {
            wrapper_files(&path, found);
        } else if name.ends_with(".ts") && !name.ends_with(".test.ts") {
            found.push(path);
        }
    }
}

/// The command names in `call('name'…)` and `call<…>('name'…)` in a TypeScript file.
fn called_commands(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    for (at, _) in text.match_indices("call") {
        let before = text[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || "_$.".contains(c)) {
            continue;
        }
        let mut rest = text[at + "call".len()..].trim_start();
        if rest.starts_with('<') {
            let mut depth = 0;
            let Some(end) = rest.find(|c| {
                depth += match c {
                    '<' => 1,
                    '>' => -1,
                    _ => 0,
                };
                depth == 0
            }) else {
                continue;
            };
            rest = rest[end + 1..].trim_start();
        }
        let Some(rest) = rest.strip_prefix('(').map(str::trim_start) else {
            continue;
        };
        let Some(quote) = rest.chars().next().filter(|c| "'\"`".contains(*c)) else {
            continue;
        };
        if let Some(end) = rest[1..].find(quote) {
            names.push(rest[1..=end].to_owned());
        }
    }
    names
}

#[test]
fn the_ui_wraps_every_command_and_names_no_other() {
    let ipc = shell_file("../ui/src/lib/ipc");
    let mut files = Vec::new();
    wrapper_files(&ipc, &mut files);
    let mut wrapped: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("a readable wrapper file");
        for command in called_commands(&text) {
            let name = file
                .strip_prefix(&ipc)
                .unwrap_or(file)
                .display()
                .to_string();
            wrapped.entry(command).or_default().push(name);
        }
    }
    let commands: BTreeSet<String> = COMMANDS.iter().map(|(_, c)| c.to_string()).collect();
    let unwrapped: Vec<&String> = commands
        .iter()
        .filter(|c| !wrapped.contains_key(*c))
        .collect();
    let unknown: Vec<(&String, &Vec<String>)> = wrapped
        .iter()
        .filter(|(c, _)| !commands.contains(*c))
        .collect();
    assert!(
        unwrapped.is_empty() && unknown.is_empty(),
        "every command has a call('…') wrapper in ui/src/lib/ipc and every wrapper names a \
         command of src/commands/: without a wrapper {unwrapped:?}; wrappers of no command \
         (name, files) {unknown:?}"
    );
}

#[test]
fn a_wrapper_call_is_found_in_each_of_its_spellings() {
    let text = "export const a = () => call<Page<X>>('list_a', { p });\n\
                export const b = () =>\n\tcall<Map<string, Y[]>>(\n\t\t\"get_b\", { id });\n\
                export const c = () => call('c');\n\
                recall('not_a_call'); fn.call(this, 'nor_this'); call(command, args);";
    assert_eq!(called_commands(text), ["list_a", "get_b", "c"]);
}

/// Writes `contents` to a file in `ui/src/lib/bindings` unless it already holds exactly that.
fn write_binding(name: &str, contents: &str) {
    let path = shell_file("../ui/src/lib/bindings").join(name);
    if std::fs::read_to_string(&path).ok().as_deref() != Some(contents) {
        std::fs::write(&path, contents)
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
    }
}

const GENERATED: &str =
    "// Generated from the shell by `cargo test -p outward-app`. Do not edit this file manually.\n";

#[test]
fn command_names_and_the_change_event_are_written_into_the_ui_bindings() {
    let names: BTreeSet<&str> = COMMANDS.iter().map(|(_, command)| *command).collect();
    let union: Vec<String> = names.iter().map(|name| format!("\"{name}\"")).collect();
    write_binding(
        "CommandName.ts",
        &format!(
            "{GENERATED}\n/**\n * The name of an app command: one `#[tauri::command]` in \
             `src-tauri/src/commands`.\n */\nexport type CommandName = {};\n",
            union.join(" | ")
        ),
    );
    write_binding(
        "ChangedEvent.ts",
        &format!(
            "{GENERATED}\n/**\n * The event the shell sends after every successful write; its \
             payload is a `Changed`.\n */\nexport const CHANGED_EVENT = \"{}\";\n",
            outward_app::store::CHANGED_EVENT
        ),
    );
    write_binding(
        "ExportProgressEvent.ts",
        &format!(
            "{GENERATED}\n/**\n * The event an export sends as it goes; its payload is a \
             `Progress`.\n */\nexport const EXPORT_PROGRESS_EVENT = \"{}\";\n",
            outward_app::commands::backups::EXPORT_PROGRESS_EVENT
        ),
    );
    write_binding(
        "ReportProgressEvent.ts",
        &format!(
            "{GENERATED}\n/**\n * The event an export of the review sends as each step begins; its \
             payload is a `ReportStep`.\n */\nexport const REPORT_PROGRESS_EVENT = \"{}\";\n",
            outward_app::commands::report::REPORT_PROGRESS_EVENT
        ),
    );
}
