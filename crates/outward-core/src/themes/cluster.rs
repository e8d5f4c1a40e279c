//! One theme as a page: the pain points it gathers, heaviest first, and the interviews it
//! tags, newest first, one page of each, read in one snapshot. Later pages come from the
//! pain point and interview lists filtered by the theme, which count the same rows.

use super::{Theme, counted};
use crate::error::Result;
use crate::id::Id;
use crate::interviews::{self, InterviewFilter, InterviewSummary};
use crate::page::{Page, PageRequest};
use crate::pain_points::{self, PainPointFilter, PainPointSummary};
use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

/// How many pain points and interviews the first read of a theme holds.
pub const CLUSTER_PAGE: u32 = 10;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ThemeCluster {
    pub theme: Theme,
    /// Its pain points, heaviest first: the first [`CLUSTER_PAGE`].
    pub pain_points: Page<PainPointSummary>,
    /// Its interviews, newest first: the first [`CLUSTER_PAGE`].
    pub interviews: Page<InterviewSummary>,
}

/// The theme `id` with the first page of its pain points (weights as of `today`) and of its
/// interviews.
pub fn cluster(conn: &Connection, id: Id, today: NaiveDate) -> Result<ThemeCluster> {
    let theme = counted(conn, id)?;
    let first = PageRequest {
        offset: 0,
        limit: CLUSTER_PAGE,
    };
    let pain_point_filter = PainPointFilter {
        theme_id: Some(id),
        ..Default::default()
    };
    let interview_filter = InterviewFilter {
        theme_id: Some(id),
        ..Default::default()
    };
    Ok(ThemeCluster {
        theme,
        pain_points: pain_points::list(conn, &pain_point_filter, first, today)?,
        interviews: interviews::list(conn, &interview_filter, first)?,
    })
}
