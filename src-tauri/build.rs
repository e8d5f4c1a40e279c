//! Embeds the Tauri configuration and capabilities, and declares every app command so Tauri
//! checks each call against `capabilities/` (an undeclared command would be callable by any
//! page). Keep `COMMANDS` in step with `generate_handler!` in `src/lib.rs`; a test checks it.

const COMMANDS: &[&str] = &[
    "startup_failure",
    "workspace_overview",
    "first_screen_painted",
    "load_example",
    "create_backup",
    "list_teams",
    "create_team",
    "update_team",
    "list_people",
    "create_person",
    "update_person",
    "list_products",
    "create_product",
    "update_product",
    "list_customers",
    "create_customer",
    "update_customer",
    "move_to_trash",
    "list_trash",
    "restore_from_trash",
    "empty_trash",
    "list_interviews",
    "get_interview",
    "create_interview",
    "update_interview",
    "save_interview_notes",
    "mark_evidence",
    "mark_evidence_as_new_pain_point",
    "remove_highlight",
    "list_pain_points",
    "get_pain_point",
    "list_evidence",
    "create_pain_point",
    "update_pain_point",
    "set_pain_point_status",
    "merge_pain_points",
    "list_themes",
    "create_theme",
    "rename_theme",
    "merge_themes",
    "customer_coverage",
    "set_unheard_after_weeks",
    "search",
    "choose_interview_folder",
    "import_interviews",
];

fn main() {
    // The app always embeds the built UI; say how to get it instead of failing obscurely.
    let ui = std::path::Path::new("../ui/build/index.html");
    if !ui.exists() {
        println!(
            "cargo::error=the UI is not built ({} is missing): run `npm ci && npm run build` in ui/, \
             or scripts/test, which does it",
            ui.display()
        );
        return;
    }
    println!("cargo:rerun-if-changed=../ui/build");
    let manifest = tauri_build::AppManifest::new().commands(COMMANDS);
    if let Err(error) =
        tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest))
    {
        println!("cargo::error={error:#}");
    }
}
