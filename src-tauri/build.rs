//! Embeds the Tauri configuration and capabilities, and makes the command files the one list of
//! app commands. Every `#[tauri::command]` in `src/commands/<feature>.rs` is
//! - declared to Tauri, so each call is checked against `capabilities/` (an undeclared command
//!   would be callable by any page);
//! - registered with the invoke handler (`handler.rs`, included by `src/lib.rs`);
//! - listed with its feature in `COMMANDS` (`commands.rs`, included by `src/lib.rs`), which the
//!   tests compare with the permission sets, the capability and the UI's wrappers.

use std::fmt::Write as _;
use std::path::Path;

/// A command and the feature whose file defines it.
struct Command {
    feature: String,
    name: String,
}

fn main() {
    // The app always embeds the built UI; say how to get it instead of failing obscurely.
    let ui = Path::new("../ui/build/index.html");
    if !ui.exists() {
        println!(
            "cargo::error=the UI is not built ({} is missing): run `npm ci && npm run build` in ui/, \
             or scripts/test, which does it",
            ui.display()
        );
        return;
    }
    println!("cargo:rerun-if-changed=../ui/build");
    println!("cargo:rerun-if-changed=src/commands");
    let commands = match find_commands(Path::new("src/commands")) {
        Ok(commands) => commands,
        Err(error) => {
            println!("cargo::error={error}");
            return;
        }
    };
    if let Err(error) = write_lists(&commands) {
        println!("cargo::error=cannot write the command lists: {error}");
        return;
    }
    let names: Vec<&'static str> = commands
        .into_iter()
        .map(|c| c.name.leak() as &str)
        .collect();
    let manifest = tauri_build::AppManifest::new().commands(names.leak());
    if let Err(error) =
        tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest))
    {
        println!("cargo::error={error:#}");
    }
}

/// Every `#[tauri::command]` function in the feature files of `dir` (all but `mod.rs`), in file
/// order. A command attribute on anything but a `pub fn`, or a name used twice, is an error.
fn find_commands(dir: &Path) -> Result<Vec<Command>, String> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .and_then(|entries| entries.map(|entry| entry.map(|e| e.path())).collect())
        .map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    files.retain(|path| path.extension().is_some_and(|ext| ext == "rs"));
    files.retain(|path| path.file_stem().is_some_and(|stem| stem != "mod"));
    files.sort();
    let mut commands: Vec<Command> = Vec::new();
    for path in files {
        let feature = path.file_stem().unwrap_or_default().to_string_lossy();
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        for name in commands_in(&text).map_err(|e| format!("{}:{e}", path.display()))? {
            if let Some(twin) = commands.iter().find(|c| c.name == name) {
                return Err(format!(
                    "the command {name} is defined in both {} and {feature}",
                    twin.feature
                ));
            }
            commands.push(Command {
                feature: feature.to_string(),
                name,
            });
        }
    }
    Ok(commands)
}

/// The names of the functions marked `#[tauri::command]` in one file; doc comments and other
/// attributes may sit between the mark and the `pub fn`.
fn commands_in(text: &str) -> Result<Vec<String>, String> {
    let mut names = Vec::new();
    let mut marked_at = None;
    for (index, line) in text.lines().enumerate() {
        let line = line.trim_start();
        if line.starts_with("#[tauri::command") {
            marked_at = Some(index + 1);
        } else if let Some(at) = marked_at {
            if let Some(rest) = line
                .strip_prefix("pub fn ")
                .or_else(|| line.strip_prefix("pub async fn "))
            {
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                names.push(name);
                marked_at = None;
            } else if !(line.starts_with("#[") || line.starts_with("//")) {
                return Err(format!(
                    "{at}: #[tauri::command] must mark a `pub fn` or `pub async fn`"
                ));
            }
        }
    }
    Ok(names)
}

/// Writes `commands.rs` (the `COMMANDS` list) and `handler.rs` (the `generate_handler!` call)
/// into the build's output folder.
fn write_lists(commands: &[Command]) -> Result<(), Box<dyn std::error::Error>> {
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR")?);
    let mut list = String::from("&[\n");
    let mut handler = String::from("::tauri::generate_handler![\n");
    for Command { feature, name } in commands {
        writeln!(list, "    ({feature:?}, {name:?}),")?;
        writeln!(handler, "    crate::commands::{feature}::{name},")?;
    }
    list.push(']');
    handler.push(']');
    let list = format!(
        "/// Every app command as `(feature, command)`: each `#[tauri::command]` in\n\
         /// `src/commands/<feature>.rs`, as `build.rs` found, declared and registered it.\n\
         pub const COMMANDS: &[(&str, &str)] = {list};\n"
    );
    std::fs::write(out.join("commands.rs"), list)?;
    std::fs::write(out.join("handler.rs"), handler)?;
    Ok(())
}
