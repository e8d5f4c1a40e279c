//! The store on the runtime commands run on. Tauri runs each command as a task on its tokio
//! runtime, which has one worker thread per core: a command that blocked its worker (a backup, an
//! export, a long read) would hold up every other command once all workers were taken.

use outward_app::store::Store;
use outward_core::db::Database;
use std::sync::mpsc;
use std::sync::{Arc, Barrier};
use std::time::Duration;

#[test]
fn work_that_takes_every_worker_does_not_hold_up_another_command() {
    const WORKERS: usize = 2;
    let dir = tempfile::tempdir().unwrap();
    let store = Arc::new(Store::from_database(
        Database::open(&dir.path().join("outward.db"), chrono::Utc::now()).unwrap(),
    ));
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(WORKERS)
        .build()
        .unwrap();

    // As many long commands as there are workers, each waiting until a quick one has run.
    let (read, was_read) = mpsc::channel::<()>();
    let was_read = Arc::new(std::sync::Mutex::new(was_read));
    let started = Arc::new(Barrier::new(WORKERS + 1));
    let long: Vec<_> = (0..WORKERS)
        .map(|_| {
            let (store, was_read, started) = (store.clone(), was_read.clone(), started.clone());
            runtime.spawn(async move {
                store.on_file(|_| {
                    started.wait();
                    let waited = was_read
                        .lock()
                        .unwrap()
                        .recv_timeout(Duration::from_secs(20));
                    Ok(waited.is_ok())
                })
            })
        })
        .collect();
    started.wait();

    let quick = store.clone();
    runtime.spawn(async move {
        quick
            .read(|conn, _| outward_core::teams::list(conn))
            .unwrap();
        for _ in 0..WORKERS {
            read.send(()).unwrap();
        }
    });
    for task in long {
        let answered = runtime.block_on(task).unwrap().unwrap();
        assert!(
            answered,
            "a read ran while every worker was in a long command"
        );
    }
}
