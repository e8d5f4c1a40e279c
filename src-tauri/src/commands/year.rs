//! The command for the year in review: a fiscal year's improvements, kudos and most-heard
//! customer teams, in one read.

use crate::store::{Reply, Store};
use chrono::Utc;
use outward_core::year::{self, YearInReview};
use tauri::State;

#[tauri::command(async)]
pub fn get_year_in_review(store: State<'_, Store>, year: Option<i32>) -> Reply<YearInReview> {
    let today = Utc::now().date_naive();
    store.read(|conn, _| year::year_in_review(conn, year, today))
}
