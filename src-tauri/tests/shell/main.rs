//! Tests of the desktop shell, in one test binary: the security configuration is what we meant
//! it to be (`config`), the command files, permission sets and UI wrappers name the same
//! commands (`contract`), and commands go through Tauri's permission checks to the core and
//! back (`ipc`), and a command that takes long never holds up the others (`store`). The end-to-end journeys in the real app live in the repository's `tests/`.

mod config;
mod contract;
mod ipc;
mod store;
