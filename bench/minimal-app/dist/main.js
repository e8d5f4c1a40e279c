// Fetches one line from Rust, shows it, and once it is painted tells Rust, as Outward's UI does
// (there: `await tick()` after the overview renders, then a double requestAnimationFrame).
// No framework and no bundler: Tauri's own IPC entry point is called directly.
const { invoke } = window.__TAURI_INTERNALS__;

const painted = () =>
  new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

async function start() {
  const line = await invoke('sample_line');
  document.getElementById('line').textContent = line;
  await painted();
  // As Outward's page does, it says when in the page's life it reports (ms since the page began
  // to load), so the benchmark can tell the webview's start from the page's own time.
  await invoke('first_screen_painted', { timeline: `now ${Math.round(performance.now())}` });
}

start().catch((error) => {
  document.getElementById('line').textContent = `Could not reach Rust: ${error}`;
});
