//! A hand-drawn SVG line chart: one line per series, points marked with a
//! shape per series, years on the x axis. Colours are written into the SVG
//! (not taken from CSS) so that the exported file looks the same.

use lens_engine::scale::{integer_ticks, nice_max, ticks, LinearScale};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// One line of the chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    /// Its name.
    pub label: String,
    /// One value per year; `None` is a gap.
    pub values: Vec<Option<f64>>,
}

/// A line with more points than this shows a marker every few points.
const MAX_MARKERS: usize = 60;
/// The chart's width and height (its viewBox), in CSS pixels.
pub const W: f64 = 760.0;
/// See [`W`].
pub const H: f64 = 340.0;
const LEFT: f64 = 60.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 14.0;
const BOTTOM: f64 = 40.0;

/// Colours for light and dark pages; each has at least 3:1 contrast with its background.
const LIGHT: [&str; 8] = [
    "#0b5cad", "#c2410c", "#047857", "#a21caf", "#854d0e", "#4338ca", "#be123c", "#0e7490",
];
const DARK: [&str; 8] = [
    "#60a5fa", "#fb923c", "#34d399", "#f472b6", "#facc15", "#a5b4fc", "#fda4af", "#22d3ee",
];

/// Colours of the page's theme: (series, background, text, grid).
pub fn palette() -> (
    &'static [&'static str; 8],
    &'static str,
    &'static str,
    &'static str,
) {
    let dark = window()
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches());
    if dark {
        (&DARK, "#0f1419", "#e6edf3", "#30363d")
    } else {
        (&LIGHT, "#ffffff", "#1b1f24", "#d0d7de")
    }
}

/// The marker of series `i` centred at (x, y): circle, square, triangle, diamond, triangle down.
pub fn marker_path(i: usize, x: f64, y: f64) -> String {
    match i % 5 {
        0 => format!(
            "M{:.1},{:.1}m-4.5,0a4.5,4.5 0 1,0 9,0a4.5,4.5 0 1,0 -9,0",
            x, y
        ),
        1 => format!("M{:.1},{:.1}h8v8h-8z", x - 4.0, y - 4.0),
        2 => format!("M{:.1},{:.1}l5,9h-10z", x, y - 5.5),
        3 => format!("M{:.1},{:.1}l5.5,5.5l-5.5,5.5l-5.5,-5.5z", x, y - 5.5),
        _ => format!("M{:.1},{:.1}l5,-9h-10z", x, y + 5.5),
    }
}

/// Names of the marker shapes, for the legend's text.
pub const MARKER_NAMES: [&str; 5] = [
    "circle",
    "square",
    "triangle",
    "diamond",
    "inverted triangle",
];

fn fmt_tick(v: f64, step: f64) -> String {
    if step >= 1.0 {
        crate::views::thousands(v.round() as usize)
    } else {
        let decimals = (-step.log10().floor()) as usize;
        format!("{v:.decimals$}")
    }
}

/// The line chart. `on_point(series, row)` is called when a point is clicked or activated by keyboard.
#[component]
pub fn LineChart(
    /// The SVG's id (for export).
    id: &'static str,
    /// Its title (also read by screen readers).
    title: String,
    /// Its description.
    desc: String,
    /// The x values (years), one per row.
    years: Vec<u16>,
    /// The lines.
    series: Vec<Series>,
    /// What the y axis measures.
    y_label: String,
    /// The highlighted year, if any.
    selected: Option<u16>,
    /// Called with (series, row) when a point is chosen.
    on_point: Callback<(usize, usize)>,
) -> impl IntoView {
    let (colours, bg, fg, grid) = palette();
    let (first, last) = (
        years.first().copied().unwrap_or(0) as f64,
        years.last().copied().unwrap_or(0) as f64,
    );
    let x = LinearScale::new((first, last), (LEFT, W - RIGHT));
    let max = series
        .iter()
        .flat_map(|s| s.values.iter().flatten().copied())
        .fold(0.0, f64::max);
    let top = nice_max(max, 5);
    let y = LinearScale::new((0.0, top), (H - BOTTOM, TOP));
    let y_ticks = ticks(0.0, top, 5);
    let y_step = if y_ticks.len() > 1 {
        y_ticks[1] - y_ticks[0]
    } else {
        1.0
    };
    let x_ticks = integer_ticks(first as i64, last as i64, 8);
    let dense = series.iter().any(|s| s.values.len() > MAX_MARKERS);
    // A click anywhere in the plot chooses the nearest year (of the first series with data there).
    let row_years = years.clone();
    let first_with_data: Vec<Option<usize>> = (0..years.len())
        .map(|r| series.iter().position(|s| s.values[r].is_some()))
        .collect();
    let on_click = move |ev: web_sys::MouseEvent| {
        // (Events are delegated: the target's own <svg>, not the current target.)
        let Some(svg) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("svg.chart").ok().flatten())
        else {
            return;
        };
        let rect = svg.get_bounding_client_rect();
        if rect.width() <= 0.0 {
            return;
        }
        let px = (ev.client_x() as f64 - rect.left()) / rect.width() * W;
        let year = LinearScale::new((LEFT, W - RIGHT), (first, last))
            .map(px)
            .round();
        let Some(r) = row_years.iter().position(|&y| y as f64 == year) else {
            return;
        };
        if let Some(i) = first_with_data[r] {
            on_point.run((i, r));
        }
    };

    let grid_lines = y_ticks
        .iter()
        .map(|&t| {
            let py = y.map(t);
            view! {
                <line x1=LEFT x2=W - RIGHT y1=py y2=py stroke=grid stroke-width="1" />
                <text x=LEFT - 8.0 y=py + 4.0 text-anchor="end" font-size="12" fill=fg>{fmt_tick(t, y_step)}</text>
            }
        })
        .collect_view();
    let x_labels = x_ticks
        .iter()
        .map(|&t| {
            let px = x.map(t as f64);
            view! {
                <line x1=px x2=px y1=H - BOTTOM y2=H - BOTTOM + 5.0 stroke=fg stroke-width="1" />
                <text x=px y=H - BOTTOM + 19.0 text-anchor="middle" font-size="12" fill=fg>{t.to_string()}</text>
            }
        })
        .collect_view();
    let highlight = selected.and_then(|s| years.iter().position(|&y| y == s)).map(|r| {
        let px = x.map(years[r] as f64);
        view! { <line class="selected-year" x1=px x2=px y1=TOP y2=H - BOTTOM stroke=fg stroke-width="1" stroke-dasharray="4 3" /> }
    });
    let lines = series
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let colour = colours[i % colours.len()];
            let mut d = String::new();
            let mut pen_down = false;
            for (r, v) in s.values.iter().enumerate() {
                match v {
                    Some(v) => {
                        d.push_str(&format!("{}{:.1},{:.1}", if pen_down { "L" } else { "M" }, x.map(years[r] as f64), y.map(*v)));
                        pen_down = true;
                    }
                    None => pen_down = false,
                }
            }
            // Every point is a marker while a line has few; a long line (a
            // corpus of centuries) shows every k-th, enough to tell the shapes
            // apart, and its numbers are in the table.
            let step = if dense { s.values.len().div_ceil(MAX_MARKERS) } else { 1 };
            let points = s
                .values
                .iter()
                .enumerate()
                .filter(|(r, _)| r % step == 0)
                .filter_map(|(r, v)| v.map(|v| (r, v)))
                .map(|(r, v)| {
                    let d = marker_path(i, x.map(years[r] as f64), y.map(v));
                    if dense {
                        return view! { <path class="point" d=d fill=colour stroke=bg stroke-width="1" aria-hidden="true" /> }.into_any();
                    }
                    let label = format!("{}, {}: {}", s.label, years[r], fmt_tick(v, if v.fract() == 0.0 { 1.0 } else { 0.01 }));
                    let aria = label.clone();
                    view! {
                        <path class="point" d=d fill=colour stroke=bg stroke-width="1" role="button" tabindex="0" aria-label=aria
                            on:keydown=move |ev: web_sys::KeyboardEvent| {
                                if ev.key() == "Enter" || ev.key() == " " {
                                    ev.prevent_default();
                                    on_point.run((i, r));
                                }
                            }>
                            <title>{label}</title>
                        </path>
                    }
                    .into_any()
                })
                .collect_view();
            view! {
                <g class="series" data-series=i.to_string()>
                    <path class="series-line" d=d fill="none" stroke=colour stroke-width="2.5" stroke-linejoin="round" />
                    {points}
                </g>
            }
        })
        .collect_view();

    view! {
        <svg id=id xmlns="http://www.w3.org/2000/svg" class="chart" width=W height=H viewBox=format!("0 0 {W} {H}")
            role="img" aria-labelledby=format!("{id}-title {id}-desc") font-family="system-ui, sans-serif" on:click=on_click>
            <title id=format!("{id}-title")>{title}</title>
            <desc id=format!("{id}-desc")>{desc}</desc>
            <rect width=W height=H fill=bg />
            {grid_lines}
            <line x1=LEFT x2=W - RIGHT y1=H - BOTTOM y2=H - BOTTOM stroke=fg stroke-width="1" />
            {x_labels}
            <text x="14" y=(TOP + H - BOTTOM) / 2.0 font-size="12" fill=fg text-anchor="middle"
                transform=format!("rotate(-90 14 {})", (TOP + H - BOTTOM) / 2.0)>{y_label}</text>
            {highlight}
            {lines}
        </svg>
    }
}
