//! Charts for the HTML report, drawn by `plotters` as SVG: a metric's trend (the value of each
//! quarter from the first one measured as a line with points, its 95 % interval as a shaded
//! band, each goal's target as a dashed line), and counts side by side as bars (support weeks
//! by level). Text in a chart is SVG text the reader's browser sets, so no font is needed here.
//! The report puts the same numbers in a table beside each chart.

use crate::metrics::{Direction, MetricKind};
use crate::review::MetricReview;
use plotters::prelude::*;

const WIDTH: u32 = 640;
const HEIGHT: u32 = 240;
const LINE: RGBColor = RGBColor(31, 90, 150);
const TARGET: RGBColor = RGBColor(29, 107, 58);
const INK: RGBColor = RGBColor(24, 32, 43);

/// The chart as an `<svg>` element labelled by `title_id`, or `None` when the metric has no
/// value to draw.
pub fn trend(metric: &MetricReview, quarters: &[String], title_id: &str) -> Option<String> {
    if metric.trend.is_empty() {
        return None;
    }
    // The axis starts at the first quarter with a value: a metric measured for a year is not
    // drawn in the right half of an eight-quarter chart.
    let first = quarters
        .iter()
        .position(|q| metric.trend.iter().any(|v| &v.quarter == q))
        .unwrap_or(0);
    let mut svg = String::new();
    draw(metric, &quarters[first..], &mut svg).ok()?;
    Some(svg.replacen(
        "<svg ",
        &format!("<svg role=\"img\" aria-labelledby=\"{title_id}\" "),
        1,
    ))
}

fn y_range(metric: &MetricReview) -> (f64, f64) {
    match metric.kind {
        MetricKind::Csat | MetricKind::Percentage => return (0.0, 100.0),
        MetricKind::Nps => return (-100.0, 100.0),
        _ => {}
    }
    let mut low = f64::INFINITY;
    let mut high = f64::NEG_INFINITY;
    for v in &metric.trend {
        low = low.min(v.interval.map_or(v.value, |i| i.low));
        high = high.max(v.interval.map_or(v.value, |i| i.high));
    }
    for g in &metric.goals {
        low = low.min(g.target);
        high = high.max(g.target);
    }
    let pad = ((high - low) * 0.15).max(1.0);
    ((low - pad).max(0.0), high + pad)
}

fn draw(
    metric: &MetricReview,
    quarters: &[String],
    svg: &mut String,
) -> Result<(), Box<dyn std::error::Error>> {
    let root = SVGBackend::with_string(svg, (WIDTH, HEIGHT)).into_drawing_area();
    root.fill(&WHITE)?;
    let (low, high) = y_range(metric);
    let last = quarters.len().max(1) as f64 - 0.5;
    let mut chart = ChartBuilder::on(&root)
        .margin(12)
        .x_label_area_size(28)
        .y_label_area_size(52)
        .build_cartesian_2d(-0.5f64..last, low..high)?;
    let at = |quarter: &str| quarters.iter().position(|q| q == quarter).map(|i| i as f64);
    chart
        .configure_mesh()
        .disable_x_mesh()
        .y_labels(6)
        // Only the labelled lines: the finer ones between them striped the chart.
        .light_line_style(WHITE)
        .bold_line_style(RGBColor(211, 217, 225))
        .x_labels(quarters.len())
        .x_label_formatter(&|x| {
            let i = x.round();
            if (x - i).abs() < 0.01 && i >= 0.0 {
                quarters.get(i as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .y_desc(match metric.direction {
            Direction::HigherIsBetter => "higher is better",
            Direction::LowerIsBetter => "lower is better",
        })
        .label_style(("sans-serif", 12).into_font().color(&INK))
        .axis_desc_style(("sans-serif", 12).into_font().color(&INK))
        .draw()?;

    let points: Vec<(f64, f64)> = metric
        .trend
        .iter()
        .filter_map(|v| Some((at(&v.quarter)?, v.value)))
        .collect();
    let band: Vec<(f64, f64, f64)> = metric
        .trend
        .iter()
        .filter_map(|v| Some((at(&v.quarter)?, v.interval?.low, v.interval?.high)))
        .collect();
    if band.len() > 1 {
        let mut outline: Vec<(f64, f64)> = band.iter().map(|&(x, _, h)| (x, h)).collect();
        outline.extend(band.iter().rev().map(|&(x, l, _)| (x, l)));
        chart.draw_series(std::iter::once(Polygon::new(outline, LINE.mix(0.15))))?;
    }
    for &(x, l, h) in &band {
        chart.draw_series(LineSeries::new([(x, l), (x, h)], LINE.mix(0.5)))?;
    }
    for goal in &metric.goals {
        chart.draw_series(DashedLineSeries::new(
            [(-0.5, goal.target), (last, goal.target)],
            6,
            4,
            TARGET.stroke_width(2),
        ))?;
    }
    chart.draw_series(LineSeries::new(points.clone(), LINE.stroke_width(2)))?;
    chart.draw_series(points.iter().map(|&p| Circle::new(p, 4, LINE.filled())))?;
    root.present()?;
    Ok(())
}

/// `values` as bars, one per label, on an axis described by `y_desc`, as an `<svg>` element
/// labelled by `title_id`; `None` when there is nothing to draw.
pub fn bars(labels: &[&str], values: &[f64], y_desc: &str, title_id: &str) -> Option<String> {
    if labels.is_empty() || labels.len() != values.len() {
        return None;
    }
    let mut svg = String::new();
    draw_bars(labels, values, y_desc, &mut svg).ok()?;
    Some(svg.replacen(
        "<svg ",
        &format!("<svg role=\"img\" aria-labelledby=\"{title_id}\" "),
        1,
    ))
}

fn draw_bars(
    labels: &[&str],
    values: &[f64],
    y_desc: &str,
    svg: &mut String,
) -> Result<(), Box<dyn std::error::Error>> {
    let root = SVGBackend::with_string(svg, (WIDTH, HEIGHT * 3 / 4)).into_drawing_area();
    root.fill(&WHITE)?;
    let high = values.iter().copied().fold(1.0, f64::max) * 1.15;
    let last = labels.len() as f64 - 0.5;
    let mut chart = ChartBuilder::on(&root)
        .margin(12)
        .x_label_area_size(28)
        .y_label_area_size(52)
        .build_cartesian_2d(-0.5f64..last, 0.0..high)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .y_labels(5)
        .light_line_style(WHITE)
        .bold_line_style(RGBColor(211, 217, 225))
        .x_labels(labels.len())
        .x_label_formatter(&|x| {
            let i = x.round();
            if (x - i).abs() < 0.01 && i >= 0.0 {
                labels
                    .get(i as usize)
                    .map(|l| (*l).to_owned())
                    .unwrap_or_default()
            } else {
                String::new()
            }
        })
        .y_label_formatter(&|y| format!("{y:.0}"))
        .y_desc(y_desc)
        .label_style(("sans-serif", 12).into_font().color(&INK))
        .axis_desc_style(("sans-serif", 12).into_font().color(&INK))
        .draw()?;
    chart.draw_series(values.iter().enumerate().map(|(i, &v)| {
        let x = i as f64;
        Rectangle::new([(x - 0.3, 0.0), (x + 0.3, v)], LINE.filled())
    }))?;
    root.present()?;
    Ok(())
}
