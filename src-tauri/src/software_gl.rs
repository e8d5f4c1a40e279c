//! Drawing the page on a machine without a GPU.
//!
//! WebKitGTK composites the page with OpenGL. Without a GPU render node (`/dev/dri/renderD*`)
//! Mesa runs that OpenGL on the CPU (llvmpipe), and it is slow: under Xvfb on such a machine,
//! painting the first screen took about 186 ms of a 590 ms cold start, and about 30 ms with
//! compositing off. There, and only there, each webview draws without compositing: the web
//! process paints into a backing store on the CPU. Machines with a GPU keep WebKit's default.
//!
//! Drawing without compositing has one trap. When GTK asks the view to draw before the web
//! process has sent its first update, WebKit blocks the main thread for up to 500 ms waiting for
//! one (`forceUpdateIfNeeded` in its drawing area), and while a page's first load is under way
//! the web process sends none. Tauri serves the page's files on that same thread, so the load
//! stalls for the whole 500 ms: measured in 4 to 8 starts of 10. So the view skips drawing until
//! its page has loaded (or, should the load never finish, for [`HOLD_DRAWING`] at most).

use std::path::Path;
use tauri::Runtime;
use tauri::plugin::TauriPlugin;

/// Where the kernel lists the GPUs' device nodes.
#[cfg(target_os = "linux")]
const DRI: &str = "/dev/dri";

/// The longest the view skips drawing while its first page loads.
#[cfg(target_os = "linux")]
const HOLD_DRAWING: std::time::Duration = std::time::Duration::from_secs(2);

/// Draws every webview without compositing on a Linux machine without a GPU render node; does
/// nothing elsewhere.
pub fn init<R: Runtime>() -> TauriPlugin<R> {
    let builder = tauri::plugin::Builder::new("software-gl");
    #[cfg(target_os = "linux")]
    let builder = builder.on_webview_ready(|webview| {
        if !has_render_node(Path::new(DRI)) {
            // Only the log line depends on a failure: the view then keeps compositing.
            if let Err(error) =
                webview.with_webview(|platform| draw_without_compositing(&platform.inner()))
            {
                log::warn!("could not turn compositing off without a GPU: {error}");
            }
        }
    });
    builder.build()
}

/// Whether `dri` (the kernel's `/dev/dri`) lists a render node, i.e. a GPU WebKit can draw with.
/// A missing or unreadable folder lists none.
pub fn has_render_node(dri: &Path) -> bool {
    std::fs::read_dir(dri).is_ok_and(|entries| {
        entries
            .flatten()
            .any(|entry| entry.file_name().to_string_lossy().starts_with("renderD"))
    })
}

#[cfg(target_os = "linux")]
fn draw_without_compositing(view: &webkit2gtk::WebView) {
    use gtk::glib::{self, Propagation};
    use gtk::prelude::WidgetExt;
    use std::cell::Cell;
    use std::rc::Rc;
    use webkit2gtk::{HardwareAccelerationPolicy, LoadEvent, SettingsExt, WebViewExt};

    if let Some(settings) = WebViewExt::settings(view) {
        settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
    }
    // Until the page has loaded, a draw would block the main thread (see the module's comment).
    let hold = Rc::new(Cell::new(true));
    view.connect_draw({
        let hold = Rc::clone(&hold);
        move |_, _| {
            if hold.get() {
                Propagation::Stop
            } else {
                Propagation::Proceed
            }
        }
    });
    let release = move |view: &webkit2gtk::WebView| {
        if hold.replace(false) {
            view.queue_draw();
        }
    };
    view.connect_load_changed({
        let release = release.clone();
        move |view, event| {
            if event == LoadEvent::Finished {
                release(view);
            }
        }
    });
    let view = view.clone();
    glib::timeout_add_local_once(HOLD_DRAWING, move || release(&view));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_render_node_is_a_gpu_and_a_card_alone_or_nothing_is_not() {
        let dri = tempfile::tempdir().unwrap();
        assert!(!has_render_node(dri.path()), "an empty folder");
        std::fs::write(dri.path().join("card0"), "").unwrap();
        assert!(
            !has_render_node(dri.path()),
            "a display card without a render node"
        );
        std::fs::write(dri.path().join("renderD128"), "").unwrap();
        assert!(has_render_node(dri.path()));
        assert!(
            !has_render_node(&dri.path().join("missing")),
            "no /dev/dri at all"
        );
    }
}
