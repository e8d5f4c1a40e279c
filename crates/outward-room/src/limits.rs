//! Writes per device: at most a number a second from one key, counted in memory (the keys are
//! hashed here too, and forgotten with the server).

use crate::Refusal;
use axum::http::StatusCode;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Keys forgotten once this many are counted and their second has passed.
const KEYS_MAX: usize = 4_096;

pub(crate) struct Limiter {
    per_second: u32,
    /// Per key's hash: when its current second began and its writes in it.
    seconds: Mutex<HashMap<[u8; 32], (Instant, u32)>>,
}

impl Limiter {
    pub fn new(per_second: u32) -> Self {
        Limiter {
            per_second,
            seconds: Mutex::new(HashMap::new()),
        }
    }

    /// Counts a write from `key`; refused with 429 beyond the limit in the current second.
    pub fn check(&self, key: &str) -> Result<(), Refusal> {
        let hash: [u8; 32] = Sha256::digest(key.as_bytes()).into();
        let now = Instant::now();
        let mut seconds = self.seconds.lock().unwrap_or_else(|p| p.into_inner());
        if seconds.len() >= KEYS_MAX {
            seconds.retain(|_, (began, _)| now.duration_since(*began) < Duration::from_secs(1));
        }
        let (began, count) = seconds.entry(hash).or_insert((now, 0));
        if now.duration_since(*began) >= Duration::from_secs(1) {
            *began = now;
            *count = 0;
        }
        *count += 1;
        if *count > self.per_second {
            return Err(Refusal::new(
                StatusCode::TOO_MANY_REQUESTS,
                "conflict",
                format!(
                    "This device sent more than {} requests in a second; wait a moment and send \
                     again.",
                    self.per_second
                ),
            ));
        }
        Ok(())
    }
}
