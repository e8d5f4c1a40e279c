//! Tests of the desktop shell, in one test binary: the security configuration is what we meant
//! it to be (`config`), and commands go through Tauri's permission checks to the core and back
//! (`ipc`). The end-to-end journeys in the real app live in the repository's `tests/`.

mod config;
mod ipc;
