// Node has no `window`; the Tauri mocks and the IPC layer only need it to hold their hooks.
const scope = globalThis as unknown as { window?: unknown };
scope.window ??= globalThis;
