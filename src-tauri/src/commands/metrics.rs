//! Commands for metrics: defining them, each one's value in a quarter with its n, interval and
//! change, a breakdown by customer team, and measurements entered by hand.

use crate::store::{Reply, Store};
use outward_core::id::Id;
use outward_core::metrics::values::{self, Breakdown, QuarterMetrics};
use outward_core::metrics::{self, Measurement, MeasurementInput, Metric, MetricInput};
use outward_core::quarter::Quarter;
use outward_core::settings;
use tauri::State;

#[tauri::command(async)]
pub fn list_metrics(store: State<'_, Store>) -> Reply<Vec<Metric>> {
    store.read(|conn, _| metrics::list(conn))
}

#[tauri::command(async)]
pub fn create_metric(store: State<'_, Store>, input: MetricInput) -> Reply<Metric> {
    store.write(|tx, now| metrics::create(tx, &input, now))
}

#[tauri::command(async)]
pub fn update_metric(store: State<'_, Store>, id: Id, input: MetricInput) -> Reply<Metric> {
    store.write(|tx, now| metrics::update(tx, id, &input, now))
}

/// Every metric in the quarter named `quarter` (`2026-Q3`), or in today's.
#[tauri::command(async)]
pub fn metrics_in_quarter(
    store: State<'_, Store>,
    quarter: Option<String>,
) -> Reply<QuarterMetrics> {
    let today = chrono::Utc::now().date_naive();
    store.read(|conn, _| values::quarter_named(conn, quarter.as_deref(), today))
}

#[tauri::command(async)]
pub fn metric_breakdown(
    store: State<'_, Store>,
    metric_id: Id,
    quarter: String,
) -> Reply<Breakdown> {
    store.read(|conn, _| {
        let q = Quarter::parse(&quarter, settings::fiscal_year_start(conn)?, "quarter")?;
        values::breakdown(conn, metric_id, q)
    })
}

#[tauri::command(async)]
pub fn record_measurement(store: State<'_, Store>, input: MeasurementInput) -> Reply<Measurement> {
    store.write(|tx, now| metrics::record_measurement(tx, &input, now))
}

#[tauri::command(async)]
pub fn list_measurements(store: State<'_, Store>, metric_id: Id) -> Reply<Vec<Measurement>> {
    store.read(|conn, _| metrics::measurements(conn, metric_id))
}
