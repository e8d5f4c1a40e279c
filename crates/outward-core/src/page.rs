//! Paging for lists that can grow large: one page of items, and how many there are in all.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The most items one page may hold, so no reply grows without bound.
pub const LIMIT_MAX: u32 = 200;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// How many items match, over all pages.
    pub total: u32,
    pub offset: u32,
    pub limit: u32,
}

/// Which page to read: `offset` items skipped, at most `limit` returned (capped at
/// [`LIMIT_MAX`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PageRequest {
    #[serde(default)]
    pub offset: u32,
    #[serde(default = "default_limit")]
    pub limit: u32,
}

fn default_limit() -> u32 {
    50
}

impl Default for PageRequest {
    fn default() -> Self {
        PageRequest {
            offset: 0,
            limit: default_limit(),
        }
    }
}

impl<T> Default for Page<T> {
    fn default() -> Self {
        Page {
            items: Vec::new(),
            total: 0,
            offset: 0,
            limit: default_limit(),
        }
    }
}

impl PageRequest {
    pub fn limit(self) -> u32 {
        self.limit.clamp(1, LIMIT_MAX)
    }
}
