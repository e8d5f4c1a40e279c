//! Honest numbers: every metric value comes with how many it rests on and a 95 % interval, so a
//! team with eleven survey answers does not read a two-point rise as progress. The methods:
//!
//! - **Proportions** (CSAT, the share answering yes): the Wilson score interval, which stays
//!   inside 0–100 % and keeps a width when everyone (or no one) said yes.
//! - **NPS** (promoters minus detractors, −100 to 100): the adjusted Wald interval for the
//!   difference of two proportions of one sample. Three quarters of a respondent is added to the
//!   promoters and to the detractors, and one and a half to the passives (n + 3 in all); with
//!   p and d the adjusted shares, the variance of p − d is `(p + d − (p − d)²) / (n + 3)`, and the
//!   interval is `100 × (p − d ± 1.96 × √variance)`, clipped to −100…100, and widened to hold
//!   the observed score where the adjustment pulls it away (one promoter alone scores 100, the
//!   adjusted centre less). The adjustment keeps a width when everyone is a promoter, where the
//!   plain variance would be zero.
//! - **Means** (of a Likert scale): the t-interval, `mean ± t(0.975, n − 1) × s / √n`. One answer
//!   has no spread to measure, so it has no interval; when every answer is the same the
//!   interval has no width: the sample shows no variation, and says so.
//! - **Change from the previous quarter**: the difference of the two values, with the interval
//!   `difference ± 1.96 × √(se₁² + se₂²)`, where each standard error is read from its own
//!   interval (its half-width over the critical value it was made with). The change is *within
//!   noise* when that interval includes zero.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The normal distribution's 97.5th percentile: a two-sided 95 % interval.
pub const Z_95: f64 = 1.959_963_984_540_054;

/// A group smaller than this is not broken out, to protect who answered.
pub const MIN_GROUP_SIZE: u64 = 5;

/// A 95 % interval, in the unit of the value it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Interval {
    pub low: f64,
    pub high: f64,
}

/// A value with its sample size, its interval (when one can be made), and the standard error
/// the interval implies, for comparing it with another.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Estimate {
    pub value: f64,
    pub n: u64,
    pub interval: Option<Interval>,
    pub standard_error: Option<f64>,
}

/// How a value moved from the previous quarter's.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Change {
    pub difference: f64,
    /// The difference's 95 % interval; `None` when either side has none.
    pub interval: Option<Interval>,
    /// True when the interval includes zero: the move may be chance.
    pub within_noise: bool,
}

/// The Wilson score interval of `successes` out of `n`, as shares from 0 to 1; `None` for n = 0.
pub fn wilson(successes: u64, n: u64) -> Option<Interval> {
    if n == 0 {
        return None;
    }
    let n = n as f64;
    let p = successes.min(n as u64) as f64 / n;
    let z2 = Z_95 * Z_95;
    let centre = (p + z2 / (2.0 * n)) / (1.0 + z2 / n);
    let half = Z_95 / (1.0 + z2 / n) * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt();
    Some(Interval {
        low: (centre - half).max(0.0),
        high: (centre + half).min(1.0),
    })
}

/// A share with its Wilson interval, in percent (0 to 100); `None` for n = 0.
pub fn proportion(successes: u64, n: u64) -> Option<Estimate> {
    let interval = wilson(successes, n)?;
    Some(Estimate {
        value: 100.0 * successes as f64 / n as f64,
        n,
        interval: Some(Interval {
            low: 100.0 * interval.low,
            high: 100.0 * interval.high,
        }),
        standard_error: Some(100.0 * (interval.high - interval.low) / (2.0 * Z_95)),
    })
}

/// The net promoter score (−100 to 100) with its adjusted Wald interval; `None` for n = 0.
pub fn nps(promoters: u64, passives: u64, detractors: u64) -> Option<Estimate> {
    let n = promoters + passives + detractors;
    if n == 0 {
        return None;
    }
    let value = 100.0 * (promoters as f64 - detractors as f64) / n as f64;
    let adjusted_n = n as f64 + 3.0;
    let p = (promoters as f64 + 0.75) / adjusted_n;
    let d = (detractors as f64 + 0.75) / adjusted_n;
    let variance = (p + d - (p - d).powi(2)) / adjusted_n;
    let se = variance.sqrt();
    Some(Estimate {
        value,
        n,
        interval: Some(Interval {
            low: (100.0 * (p - d - Z_95 * se)).max(-100.0).min(value),
            high: (100.0 * (p - d + Z_95 * se)).min(100.0).max(value),
        }),
        standard_error: Some(100.0 * se),
    })
}

/// The mean of `n` answers whose sum is `sum` and sum of squares `sum_of_squares`, with its
/// t-interval; `None` for n = 0, no interval for n = 1.
pub fn mean(n: u64, sum: f64, sum_of_squares: f64) -> Option<Estimate> {
    if n == 0 {
        return None;
    }
    let count = n as f64;
    let value = sum / count;
    if n == 1 {
        return Some(Estimate {
            value,
            n,
            interval: None,
            standard_error: None,
        });
    }
    // The sample variance, with n − 1; never below zero through rounding.
    let variance = ((sum_of_squares - sum * sum / count) / (count - 1.0)).max(0.0);
    let se = (variance / count).sqrt();
    let half = t_975(n - 1) * se;
    Some(Estimate {
        value,
        n,
        interval: Some(Interval {
            low: value - half,
            high: value + half,
        }),
        standard_error: Some(se),
    })
}

/// How `current` moved from `previous`, and whether the move is within noise.
pub fn change(current: &Estimate, previous: &Estimate) -> Change {
    let difference = current.value - previous.value;
    let interval = match (current.standard_error, previous.standard_error) {
        (Some(a), Some(b)) => {
            let half = Z_95 * (a * a + b * b).sqrt();
            Some(Interval {
                low: difference - half,
                high: difference + half,
            })
        }
        _ => None,
    };
    Change {
        difference,
        interval,
        // Without an interval nothing shows the move is more than chance.
        within_noise: interval.is_none_or(|i| i.low <= 0.0 && 0.0 <= i.high),
    }
}

/// Student's t distribution's 97.5th percentile for `df` degrees of freedom (df ≥ 1): exact
/// to three decimals from the table up to 30, then the Cornish–Fisher expansion around the
/// normal quantile, which is within 0.001 of the exact value from there on.
pub fn t_975(df: u64) -> f64 {
    const TABLE: [f64; 30] = [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160,
        2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056,
        2.052, 2.048, 2.045, 2.042,
    ];
    match df {
        0 => f64::INFINITY,
        1..=30 => TABLE[df as usize - 1],
        _ => {
            let z = Z_95;
            let v = df as f64;
            z + (z.powi(3) + z) / (4.0 * v)
                + (5.0 * z.powi(5) + 16.0 * z.powi(3) + 3.0 * z) / (96.0 * v * v)
                + (3.0 * z.powi(7) + 19.0 * z.powi(5) + 17.0 * z.powi(3) - 15.0 * z)
                    / (384.0 * v.powi(3))
        }
    }
}
