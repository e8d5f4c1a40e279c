//! Takes backups of, or exports, the database file named on its command line, one after
//! another, until it is killed, and prints one line per copy only after it is finished and in
//! place:
//!
//! - `backup <path>`: a verified backup was renamed into place;
//! - `export <path>`: a bundle was renamed into place: every other one a folder, the others
//!   one `.zip`.
//!
//! The interrupted-copies test (`tests/core/interrupted.rs`) runs it and kills it with SIGKILL
//! at moments spread over its run. Usage: `copies_until_killed DATABASE backup|export FOLDER
//! ROUND`; exports go into `FOLDER`, backups beside the database; the round moves the clock, so
//! every copy's name is new.

use chrono::{Duration, TimeZone, Utc};
use outward_core::bundle;
use outward_core::db::Database;
use std::io::Write;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [path, mode, folder, round] = args.as_slice() else {
        return Err("usage: copies_until_killed DATABASE backup|export FOLDER ROUND".into());
    };
    let round: i64 = round.parse()?;
    let start = Utc.with_ymd_and_hms(2026, 6, 1, 9, 0, 0).unwrap() + Duration::hours(round);
    let db = Database::open(&PathBuf::from(path), start)?;
    let mut out = std::io::stdout().lock();
    for n in 0_i64.. {
        let now = start + Duration::seconds(n);
        match mode.as_str() {
            "backup" => {
                let written = db.backup(now)?;
                writeln!(out, "backup {}", written.display())?;
            }
            "export" => {
                let zip = if n % 2 == 1 { ".zip" } else { "" };
                let target = PathBuf::from(folder).join(format!("export-{round}-{n}{zip}"));
                bundle::export_from(db.path(), &target, now, &mut |_| true)?
                    .ok_or("an export that is never cancelled finishes")?;
                writeln!(out, "export {}", target.display())?;
            }
            other => return Err(format!("unknown mode {other}").into()),
        }
        out.flush()?;
    }
    Ok(())
}
