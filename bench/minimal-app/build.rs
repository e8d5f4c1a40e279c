//! Embeds the configuration and capability, and declares the two commands so Tauri checks each
//! call against `capabilities/`, as the real app does.

fn main() {
    let manifest =
        tauri_build::AppManifest::new().commands(&["sample_line", "first_screen_painted"]);
    if let Err(error) =
        tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest))
    {
        println!("cargo::error={error:#}");
    }
}
