//! A hand-drawn SVG line chart: it draws a [`LineChartModel`] (the
//! geometry, plain Rust in the engine, tested natively) and turns clicks and
//! keys into the point chosen. Colours are written into the SVG (not taken
//! from CSS) so that it looks as the exported file ([`LineChartModel::to_svg`]) does.

use lens_engine::corpus::period::Period;
use lens_engine::out::chart::{Line, LineChartModel, HEIGHT};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

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

/// The light theme's colours, whatever the page's: what an exported figure
/// is drawn in (a document or a slide is light).
pub fn light_palette() -> (
    &'static [&'static str; 8],
    &'static str,
    &'static str,
    &'static str,
) {
    (&LIGHT, "#ffffff", "#1b1f24", "#d0d7de")
}

/// A text's width at 12 px in the chart's font, measured by a canvas; the
/// engine's wide estimate when no canvas can be had.
pub fn text_measure() -> impl Fn(&str) -> f64 {
    let ctx = document()
        .create_element("canvas")
        .ok()
        .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok())
        .and_then(|c| c.get_context("2d").ok().flatten())
        .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok());
    if let Some(ctx) = &ctx {
        ctx.set_font("12px system-ui, sans-serif");
    }
    move |text: &str| match &ctx {
        // A little room for a viewer's other font.
        Some(ctx) => ctx.measure_text(text).map_or_else(
            |_| lens_engine::out::chart::estimate_width(text),
            |m| m.width() * 1.1,
        ),
        None => lens_engine::out::chart::estimate_width(text),
    }
}

/// The line chart of `model`.
#[component]
pub fn LineChart(
    /// The SVG's id.
    id: &'static str,
    /// Its title (also read by screen readers).
    title: String,
    /// Its description.
    desc: String,
    /// What to draw.
    model: LineChartModel,
    /// Called with (series, row) when a point is clicked or activated by keyboard.
    on_point: Callback<(usize, usize)>,
) -> impl IntoView {
    let (colours, bg, fg, grid) = palette();
    let (_, _, top, bottom) = model.plot();
    let width = model.width;
    let click_model = model.clone();
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
        let x = (ev.client_x() as f64 - rect.left()) / rect.width() * width;
        if let Some(point) = click_model.point_at(x) {
            on_point.run(point);
        }
    };
    view! {
        // A group, not an image: it holds the points, which are buttons.
        <svg id=id xmlns="http://www.w3.org/2000/svg" class="chart" width=width height=HEIGHT viewBox=format!("0 0 {width} {HEIGHT}")
            role="group" aria-labelledby=format!("{id}-title") aria-describedby=format!("{id}-desc") font-family="system-ui, sans-serif" on:click=on_click>
            <title id=format!("{id}-title")>{title}</title>
            <desc id=format!("{id}-desc")>{desc}</desc>
            <rect width=width height=HEIGHT fill=bg />
            <Axes model=model.clone() fg=fg grid=grid />
            {model.selected_x.map(|x| view! {
                <line class="selected-period" x1=x x2=x y1=top y2=bottom stroke=fg stroke-width="1" stroke-dasharray="4 3" />
            })}
            {model.lines.into_iter().enumerate().map(|(i, line)| view! {
                <SeriesLine index=i line=line periods=model.periods.clone() colour=colours[i % colours.len()] bg=bg on_point=on_point />
            }).collect_view()}
        </svg>
    }
}

/// The grid with the value axis' labels, the time axis with its labels,
/// and both axes' titles.
#[component]
fn Axes(
    /// The chart laid out.
    model: LineChartModel,
    /// Text and axis colour.
    fg: &'static str,
    /// Grid colour.
    grid: &'static str,
) -> impl IntoView {
    let (left, right, top, bottom) = model.plot();
    let grid_lines = model
        .y_ticks
        .iter()
        .map(|t| {
            view! {
                <line x1=left x2=right y1=t.at y2=t.at stroke=grid stroke-width="1" />
                <text x=left - 8.0 y=t.at + 4.0 text-anchor="end" font-size="12" fill=fg>{t.label.clone()}</text>
            }
        })
        .collect_view();
    let x_labels = model
        .x_ticks
        .iter()
        .map(|t| {
            view! {
                <line x1=t.at x2=t.at y1=bottom y2=bottom + 5.0 stroke=fg stroke-width="1" />
                <text x=t.at y=bottom + 19.0 text-anchor="middle" font-size="12" fill=fg>{t.label.clone()}</text>
            }
        })
        .collect_view();
    let mid = (top + bottom) / 2.0;
    view! {
        {grid_lines}
        <line x1=left x2=right y1=bottom y2=bottom stroke=fg stroke-width="1" />
        {x_labels}
        <text x="14" y=mid font-size="12" fill=fg text-anchor="middle"
            transform=format!("rotate(-90 14 {mid})")>{model.y_label.clone()}</text>
        <text x=(left + right) / 2.0 y=bottom + 35.0 font-size="12" fill=fg text-anchor="middle">{model.x_label}</text>
    }
}

/// One series: its line and its markers, which are buttons (Enter or Space
/// chooses the point) unless the line is thinned.
#[component]
fn SeriesLine(
    /// The series' place (its colour and shape).
    index: usize,
    /// The line laid out.
    line: Line,
    /// The chart's periods, by row.
    periods: Vec<Period>,
    /// Its colour.
    colour: &'static str,
    /// The background colour (the markers' outline).
    bg: &'static str,
    /// Called with (series, row) when a point is chosen.
    on_point: Callback<(usize, usize)>,
) -> impl IntoView {
    let i = index;
    let points = line
        .points
        .iter()
        .map(|p| {
            let d = p.marker.clone();
            // A point resting on few articles is hollow: its outline in the colour.
            let (fill, stroke, width) = if p.few { (bg, colour, "2") } else { (colour, bg, "1") };
            if line.thinned {
                // A long line's markers tell the shapes apart; its numbers are in the table.
                return view! { <path class="point" class:few=p.few d=d fill=fill stroke=stroke stroke-width=width aria-hidden="true" /> }.into_any();
            }
            let row = p.row;
            let label = p.label.clone();
            let aria = p.label.clone();
            // The marker is 9 px; an invisible disc around it makes the
            // pointer target 24 px across (WCAG 2.2, target size).
            let (cx, cy) = p.centre;
            view! {
                <g class="point-target" role="button" tabindex="0" aria-label=aria data-period=periods.get(row).map(|p| p.key())
                    on:keydown=move |ev: web_sys::KeyboardEvent| {
                        if ev.key() == "Enter" || ev.key() == " " {
                            ev.prevent_default();
                            on_point.run((i, row));
                        }
                    }>
                    <title>{label}</title>
                    <circle class="hit" cx=format!("{cx:.1}") cy=format!("{cy:.1}") r="12" fill="transparent" />
                    <path class="point" class:few=p.few d=d fill=fill stroke=stroke stroke-width=width />
                </g>
            }
            .into_any()
        })
        .collect_view();
    view! {
        <g class="series" data-series=i.to_string()>
            <path class="series-line" d=line.path.clone() fill="none" stroke=colour stroke-width="2.5" stroke-linejoin="round" stroke-dasharray=lens_engine::out::chart::dash(i) />
            {points}
        </g>
    }
}
