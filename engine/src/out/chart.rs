//! The geometry of the Trends line chart, as plain data: axes and their
//! ticks, one path and its markers per series, the period under a click. The
//! page's component draws this model; the SVG export writes the same model as
//! text ([`LineChartModel::to_svg`]), so the file holds exactly what the page
//! shows without reading the page back.

use crate::corpus::period::{Grain, Period};
use crate::out::markup::escaped;
use crate::out::numbers::thousands;
use crate::out::scale::{integer_ticks, nice_max, ticks, LinearScale};

/// The chart's widest layout (and the exports' width), in CSS pixels.
pub const WIDTH: f64 = 760.0;
/// The chart's narrowest layout: below this it is scaled down.
pub const MIN_WIDTH: f64 = 280.0;
/// The chart's height.
pub const HEIGHT: f64 = 340.0;
const LEFT: f64 = 60.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 14.0;
const BOTTOM: f64 = 40.0;
/// A line with more points than this shows a marker every few points.
pub const MAX_MARKERS: usize = 60;
/// A point resting on fewer articles than this is drawn hollow.
pub const FEW_ARTICLES: usize = 3;
/// Room a period's label takes on the axis, in chart units (at 12 px, and
/// a gap): `2019`, `Q3 2019`, `Jul 2019`, `W27 2019`, `30 Jul 2019`.
const fn label_room(grain: Grain) -> f64 {
    match grain {
        Grain::Year => 36.0,
        Grain::Quarter => 54.0,
        Grain::Month => 58.0,
        Grain::Week => 64.0,
        Grain::Day => 76.0,
    }
}

/// The steps (in periods) between labels a thinned axis may take, by
/// grain: whole years, quarters, months, weeks, as people count them.
fn label_steps(grain: Grain) -> &'static [i64] {
    match grain {
        Grain::Year => &[1],
        Grain::Quarter => &[1, 2, 4, 8, 20, 40, 80, 200, 400],
        Grain::Month => &[1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200],
        Grain::Week => &[1, 2, 4, 13, 26, 52, 104, 260, 520],
        Grain::Day => &[1, 2, 7, 14, 28, 91, 182, 364, 728, 1820],
    }
}
/// Markers at the same spot are set this far apart, in chart units.
const SPREAD: f64 = 7.0;
/// The first and last periods stand this far inside the plot, in chart
/// units, so that their markers (however many are set apart at one spot)
/// never cover the value axis' labels nor are cut at the chart's edge.
const EDGE: f64 = 20.0;
/// Half a marker's width, in chart units.
const MARKER_RADIUS: f64 = 5.5;

/// The line pattern of series `i`: solid for the first five (one per
/// marker shape), then dashed, dotted and dash-dotted, so that no two of
/// the twenty series a chart may draw share both shape and pattern, and
/// colour is never the only cue.
pub fn dash(i: usize) -> Option<&'static str> {
    match (i / MARKER_NAMES.len()) % 4 {
        0 => None,
        1 => Some("8 4"),
        2 => Some("2 3"),
        _ => Some("10 3 2 3"),
    }
}

/// How series `i` is drawn, in words, for a legend: "circle", "square, dashed".
pub fn style_name(i: usize) -> String {
    let shape = MARKER_NAMES[i % MARKER_NAMES.len()];
    match (i / MARKER_NAMES.len()) % 4 {
        0 => shape.to_string(),
        1 => format!("{shape}, dashed"),
        2 => format!("{shape}, dotted"),
        _ => format!("{shape}, dash-dot"),
    }
}

/// A width for `text` at 12 px that no common font exceeds: wide (CJK,
/// full-width) characters a full em, capitals and W/M 0.8 em, the rest
/// 0.6 em. What the SVG export lays its legend out by when nothing measures
/// the text.
pub fn estimate_width(text: &str) -> f64 {
    text.chars()
        .map(|c| {
            let wide = matches!(c as u32,
                0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
                | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x1F300..=0x1FAFF
                | 0x20000..=0x3FFFD);
            let em = if wide {
                1.0
            } else if c.is_uppercase() || matches!(c, 'w' | 'm' | '%' | '@') {
                0.8
            } else {
                0.6
            };
            em * 12.0
        })
        .sum()
}

/// Names of the marker shapes, for a legend's text, by series.
pub const MARKER_NAMES: [&str; 5] = [
    "circle",
    "square",
    "triangle",
    "diamond",
    "inverted triangle",
];

/// One line to draw: its name and a value per year (`None`: a gap).
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    /// Its name.
    pub label: String,
    /// One value per year; `None` is a gap.
    pub values: Vec<Option<f64>>,
}

/// A labelled tick: where it stands on its axis, in chart units, and its text.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    /// x for the year axis, y for the value axis.
    pub at: f64,
    /// Its label.
    pub label: String,
}

/// A marked point of a line.
#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    /// Its row (year) in the table.
    pub row: usize,
    /// The marker, an SVG path centred on the point.
    pub marker: String,
    /// Where the marker is centred, in chart units.
    pub centre: (f64, f64),
    /// "wechat, 2016: 3 (1 article)": what the point says when inspected.
    pub label: String,
    /// It rests on fewer than [`FEW_ARTICLES`] articles: drawn hollow.
    pub few: bool,
}

/// One series as drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// The SVG path of the line (gaps lift the pen).
    pub path: String,
    /// Its markers: every point, or every k-th of a long line ([`MAX_MARKERS`]).
    pub points: Vec<Point>,
    /// True when only every k-th point is marked (then points are not
    /// targets: the table has every number).
    pub thinned: bool,
}

/// The chart of some series over consecutive periods.
#[derive(Clone, Debug, PartialEq)]
pub struct LineChartModel {
    /// Periods, one per row.
    pub periods: Vec<Period>,
    /// The value axis' ticks (grid lines), bottom up.
    pub y_ticks: Vec<Tick>,
    /// The time axis' ticks.
    pub x_ticks: Vec<Tick>,
    /// The time axis' title: the grain ("Year", "Month").
    pub x_label: &'static str,
    /// The lines, by series.
    pub lines: Vec<Line>,
    /// x of the highlighted period, if any.
    pub selected_x: Option<f64>,
    /// What the value axis measures.
    pub y_label: String,
    /// Some point rests on fewer than [`FEW_ARTICLES`] articles (the chart says what hollow means).
    pub has_few: bool,
    /// The width laid out for, in CSS pixels (from [`MIN_WIDTH`] to [`WIDTH`]):
    /// drawn at that width, text stays 12 px and markers their size.
    pub width: f64,
    /// Per row, the first series with a value there (what a click on that period chooses).
    first_with_data: Vec<Option<usize>>,
}

/// The plot's left, right, top and bottom edges, in chart units, for a chart `width` wide.
pub fn plot(width: f64) -> (f64, f64, f64, f64) {
    (LEFT, width - RIGHT, TOP, HEIGHT - BOTTOM)
}

/// The marker of series `i` centred at (x, y): circle, square, triangle, diamond, triangle down.
pub fn marker_path(i: usize, x: f64, y: f64) -> String {
    match i % 5 {
        0 => format!("M{x:.1},{y:.1}m-4.5,0a4.5,4.5 0 1,0 9,0a4.5,4.5 0 1,0 -9,0"),
        1 => format!("M{:.1},{:.1}h8v8h-8z", x - 4.0, y - 4.0),
        2 => format!("M{:.1},{:.1}l5,9h-10z", x, y - 5.5),
        3 => format!("M{:.1},{:.1}l5.5,5.5l-5.5,5.5l-5.5,-5.5z", x, y - 5.5),
        _ => format!("M{:.1},{:.1}l5,-9h-10z", x, y + 5.5),
    }
}

/// A value as a tick or a point shows it: whole numbers grouped by
/// thousands, fractions with as many decimals as the step needs.
pub fn format_tick(v: f64, step: f64) -> String {
    if step >= 1.0 {
        thousands(v.round().max(0.0) as usize)
    } else {
        let decimals = (-step.log10().floor()) as usize;
        format!("{v:.decimals$}")
    }
}

impl LineChartModel {
    /// Lays out `series` over `periods` (consecutive, of one grain; one
    /// value per period each) for a chart `width` CSS pixels wide (clamped
    /// to [`MIN_WIDTH`]..=[`WIDTH`]); `articles` is how many articles each
    /// period's values rest on.
    pub fn new(
        periods: &[Period],
        series: &[Series],
        y_label: &str,
        selected: Option<Period>,
        articles: &[usize],
        width: f64,
    ) -> Self {
        LineChartModel::with_unit(periods, series, y_label, "", selected, articles, width)
    }

    /// [`LineChartModel::new`] with `unit` after every value the chart
    /// writes (its ticks and its points' labels): "%" for a share.
    pub fn with_unit(
        periods: &[Period],
        series: &[Series],
        y_label: &str,
        unit: &str,
        selected: Option<Period>,
        articles: &[usize],
        width: f64,
    ) -> Self {
        let width = if width.is_finite() {
            width.clamp(MIN_WIDTH, WIDTH)
        } else {
            WIDTH
        };
        let grain = periods.first().map_or(Grain::Year, |p| p.grain);
        let room = label_room(grain);
        let (first, last) = (
            periods.first().map_or(0, |p| p.n) as f64,
            periods.last().map_or(0, |p| p.n) as f64,
        );
        let (left, right, top, bottom) = plot(width);
        let x = LinearScale::new((first, last), (left + EDGE, right - EDGE));
        let max_labels = (((right - left - 2.0 * EDGE) / room) as usize).max(2);
        let max = series
            .iter()
            .flat_map(|s| s.values.iter().flatten().copied())
            .fold(0.0, f64::max);
        let top_value = nice_max(max, 5);
        let y = LinearScale::new((0.0, top_value), (bottom, top));
        let y_values = ticks(0.0, top_value, 5);
        let y_step = if y_values.len() > 1 {
            y_values[1] - y_values[0]
        } else {
            1.0
        };
        let y_ticks = y_values
            .iter()
            .map(|&t| Tick {
                at: y.map(t),
                label: format!("{}{unit}", format_tick(t, y_step)),
            })
            .collect();
        // Every period when they fit; else the periods with data when they
        // fit; else round years (Year), or every k-th period, k a step
        // people count in (3 months, 13 weeks), starting at a round one.
        let with_data: Vec<i64> = (0..periods.len())
            .filter(|&r| articles.get(r).is_some_and(|&n| n > 0))
            .map(|r| periods[r].n)
            .collect();
        let labelled: Vec<i64> = if periods.len() <= max_labels {
            periods.iter().map(|p| p.n).collect()
        } else if with_data.len() <= max_labels {
            with_data
        } else if grain == Grain::Year {
            integer_ticks(first as i64, last as i64, (max_labels / 2).clamp(2, 8))
        } else {
            let span = last as i64 - first as i64 + 1;
            let want = (max_labels / 2).clamp(2, 8) as i64;
            let steps = label_steps(grain);
            let k = steps
                .iter()
                .copied()
                .find(|k| span / k <= want)
                .unwrap_or(steps[steps.len() - 1]);
            // Weeks and days count from a Monday (week 0 and day -3 are).
            let shift = if grain == Grain::Day { 3 } else { 0 };
            (first as i64..=last as i64)
                .filter(|n| (n + shift).rem_euclid(k) == 0)
                .collect()
        };
        let label = |n: i64| Period { grain, n }.label();
        // No two labels closer than a label's room: periods with data can
        // stand side by side (2015, 2016) on a narrow chart. The last period
        // is kept in place of the one before it.
        let mut x_ticks: Vec<Tick> = Vec::new();
        let last_label = labelled.last().copied();
        for t in labelled {
            let at = x.map(t as f64);
            if x_ticks.last().is_none_or(|prev| at - prev.at >= room) {
                x_ticks.push(Tick {
                    at,
                    label: label(t),
                });
            }
        }
        if let Some(t) = last_label.filter(|t| x_ticks.last().is_some_and(|k| k.label != label(*t)))
        {
            let at = x.map(t as f64);
            if x_ticks.len() > 1 {
                x_ticks.pop();
            }
            if x_ticks.last().is_none_or(|prev| at - prev.at >= room) {
                x_ticks.push(Tick {
                    at,
                    label: label(t),
                });
            }
        }
        // Markers that would stand on the same spot (all keywords at 0, say)
        // are set side by side, so that none hides another.
        let spot =
            |i: usize, r: usize| series[i].values[r].map(|v| (y.map(v) * 2.0).round() as i64);
        let offset = |i: usize, r: usize| -> f64 {
            let Some(here) = spot(i, r) else { return 0.0 };
            let same: Vec<usize> = (0..series.len())
                .filter(|&j| spot(j, r) == Some(here))
                .collect();
            let k = same.iter().position(|&j| j == i).unwrap_or(0) as f64;
            // Many at one spot are set closer, so the outermost stays within
            // the edge's room (clear of the value axis and of the chart's side).
            let gaps = (same.len() as f64 - 1.0).max(1.0);
            let spread = SPREAD.min(2.0 * (EDGE - MARKER_RADIUS) / gaps);
            (k - (same.len() as f64 - 1.0) / 2.0) * spread
        };
        let dense = series.iter().any(|s| s.values.len() > MAX_MARKERS);
        let lines: Vec<Line> = series
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let mut path = String::new();
                let mut pen_down = false;
                for (r, v) in s.values.iter().enumerate() {
                    match v {
                        Some(v) => {
                            let cmd = if pen_down { "L" } else { "M" };
                            path.push_str(&format!(
                                "{cmd}{:.1},{:.1}",
                                x.map(periods[r].n as f64),
                                y.map(*v)
                            ));
                            pen_down = true;
                        }
                        None => pen_down = false,
                    }
                }
                // Every point is a marker while a line has few; a long line
                // (a corpus of centuries) shows every k-th, enough to tell
                // the shapes apart.
                let step = if dense {
                    s.values.len().div_ceil(MAX_MARKERS)
                } else {
                    1
                };
                let points = s
                    .values
                    .iter()
                    .enumerate()
                    .filter(|(r, _)| r % step == 0)
                    .filter_map(|(r, v)| v.map(|v| (r, v)))
                    .map(|(r, v)| {
                        let n = articles.get(r).copied().unwrap_or(0);
                        let centre = (x.map(periods[r].n as f64) + offset(i, r), y.map(v));
                        Point {
                            row: r,
                            marker: marker_path(i, centre.0, centre.1),
                            centre,
                            label: format!(
                                "{}, {}: {}{unit} ({} article{})",
                                s.label,
                                periods[r].label(),
                                format_tick(v, if v.fract() == 0.0 { 1.0 } else { 0.01 }),
                                thousands(n),
                                if n == 1 { "" } else { "s" }
                            ),
                            few: n < FEW_ARTICLES,
                        }
                    })
                    .collect();
                Line {
                    path,
                    points,
                    thinned: dense,
                }
            })
            .collect();
        let selected_x = selected
            .filter(|s| periods.contains(s))
            .map(|s| x.map(s.n as f64));
        let first_with_data = (0..periods.len())
            .map(|r| series.iter().position(|s| s.values[r].is_some()))
            .collect();
        let has_few = lines.iter().any(|l: &Line| l.points.iter().any(|p| p.few));
        LineChartModel {
            periods: periods.to_vec(),
            y_ticks,
            x_ticks,
            x_label: grain.name(),
            lines,
            selected_x,
            y_label: y_label.to_string(),
            has_few,
            width,
            first_with_data,
        }
    }

    /// The plot's edges (see [`plot`]).
    pub fn plot(&self) -> (f64, f64, f64, f64) {
        plot(self.width)
    }

    /// What a click at `x` (in chart units, 0 to its width) chooses: the
    /// nearest period, and the first series with a value there, as (series, row).
    pub fn point_at(&self, x: f64) -> Option<(usize, usize)> {
        let (first, last) = (
            self.periods.first()?.n as f64,
            self.periods.last()?.n as f64,
        );
        let (left, right, _, _) = self.plot();
        let n = LinearScale::new((left + EDGE, right - EDGE), (first, last))
            .map(x)
            .round();
        let row = self.periods.iter().position(|p| p.n as f64 == n)?;
        Some((self.first_with_data[row]?, row))
    }

    /// The chart as a standalone SVG file: `colours` by series, then the
    /// background, text and grid colours; `title` and `desc` for its reader.
    /// Above the plot it writes `heading` (its first line in bold: the
    /// file's context, such as the corpus, measure, search and smoothing)
    /// and a legend of `labels` (each series' colour, marker and name), so
    /// that the file says what it shows away from the page. The legend is
    /// laid out by `measure` (a text's width at 12 px: the page measures it
    /// in its font; [`estimate_width`] errs wide), with a hollow marker's
    /// entry when a point rests on few articles. Every text is escaped.
    /// Returns the markup and its height (its width is the model's).
    #[allow(clippy::too_many_arguments)]
    pub fn to_svg(
        &self,
        colours: &[&str],
        bg: &str,
        fg: &str,
        grid: &str,
        title: &str,
        desc: &str,
        heading: &[String],
        labels: &[String],
        measure: &dyn Fn(&str) -> f64,
    ) -> (String, f64) {
        let colour = |i: usize| {
            colours
                .get(i % colours.len().max(1))
                .copied()
                .unwrap_or("#000")
        };
        let width = self.width;
        // The legend: as many entries on a line as fit, each as wide as its
        // text measures (a swatch of 28, a gap of 6, the text, 18 apart).
        let texts: Vec<String> = labels
            .iter()
            .enumerate()
            .map(|(i, l)| format!("{l} ({})", style_name(i)))
            .chain(self.has_few.then(|| {
                format!(
                    "hollow: fewer than {FEW_ARTICLES} articles that {}",
                    self.x_label.to_lowercase()
                )
            }))
            .collect();
        let mut legend: Vec<(f64, f64, usize)> = Vec::new();
        let (mut lx, mut ly) = (LEFT, heading.len() as f64 * 18.0 + 14.0);
        for (i, t) in texts.iter().enumerate() {
            let room = 34.0 + measure(t).max(0.0) + 18.0;
            if lx > LEFT && lx + room > width {
                lx = LEFT;
                ly += 18.0;
            }
            legend.push((lx, ly, i));
            lx += room;
        }
        let head = if heading.is_empty() && labels.is_empty() {
            0.0
        } else {
            ly + 14.0
        };
        let total = HEIGHT + head;
        let mut s = format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="{width}" height="{total}" viewBox="0 0 {width} {total}" role="img" font-family="system-ui, sans-serif"><title>{}</title><desc>{}</desc><rect width="{width}" height="{total}" fill="{bg}"/>"#,
            escaped(title),
            escaped(desc)
        );
        for (k, line) in heading.iter().enumerate() {
            s.push_str(&format!(
                r#"<text x="{LEFT}" y="{}" font-size="{}" font-weight="{}" fill="{fg}">{}</text>"#,
                16.0 + 18.0 * k as f64,
                if k == 0 { 14 } else { 12 },
                if k == 0 { 600 } else { 400 },
                escaped(line)
            ));
        }
        for &(x, y, i) in &legend {
            if i == labels.len() {
                // The hollow marker's entry.
                s.push_str(&format!(
                    r#"<path d="{}" fill="{bg}" stroke="{fg}" stroke-width="2"/>"#,
                    marker_path(0, x + 14.0, y)
                ));
            } else {
                let c = colour(i);
                let pattern =
                    dash(i).map_or(String::new(), |d| format!(r#" stroke-dasharray="{d}""#));
                s.push_str(&format!(
                    r#"<line x1="{x}" x2="{}" y1="{y}" y2="{y}" stroke="{c}" stroke-width="2.5"{pattern}/><path d="{}" fill="{c}" stroke="{bg}"/>"#,
                    x + 28.0,
                    marker_path(i, x + 14.0, y),
                ));
            }
            s.push_str(&format!(
                r#"<text x="{}" y="{}" font-size="12" fill="{fg}">{}</text>"#,
                x + 34.0,
                y + 4.0,
                escaped(&texts[i])
            ));
        }
        s.push_str(&format!(r#"<g transform="translate(0 {head})">"#));
        let (left, right, top, bottom) = self.plot();
        for t in &self.y_ticks {
            s.push_str(&format!(
                r#"<line x1="{left}" x2="{right}" y1="{a:.1}" y2="{a:.1}" stroke="{grid}" stroke-width="1"/><text x="{}" y="{:.1}" text-anchor="end" font-size="12" fill="{fg}">{}</text>"#,
                left - 8.0,
                t.at + 4.0,
                escaped(&t.label),
                a = t.at
            ));
        }
        s.push_str(&format!(
            r#"<line x1="{left}" x2="{right}" y1="{bottom}" y2="{bottom}" stroke="{fg}" stroke-width="1"/>"#
        ));
        for t in &self.x_ticks {
            s.push_str(&format!(
                r#"<line x1="{a:.1}" x2="{a:.1}" y1="{bottom}" y2="{}" stroke="{fg}" stroke-width="1"/><text x="{a:.1}" y="{}" text-anchor="middle" font-size="12" fill="{fg}">{}</text>"#,
                bottom + 5.0,
                bottom + 19.0,
                escaped(&t.label),
                a = t.at
            ));
        }
        let mid = (top + bottom) / 2.0;
        s.push_str(&format!(
            r#"<text x="14" y="{mid}" font-size="12" fill="{fg}" text-anchor="middle" transform="rotate(-90 14 {mid})">{}</text>"#,
            escaped(&self.y_label)
        ));
        s.push_str(&format!(
            r#"<text x="{}" y="{}" font-size="12" fill="{fg}" text-anchor="middle">{}</text>"#,
            (left + right) / 2.0,
            bottom + 35.0,
            self.x_label
        ));
        if let Some(x) = self.selected_x {
            s.push_str(&format!(
                r#"<line x1="{x:.1}" x2="{x:.1}" y1="{top}" y2="{bottom}" stroke="{fg}" stroke-width="1" stroke-dasharray="4 3"/>"#
            ));
        }
        for (i, line) in self.lines.iter().enumerate() {
            let c = colour(i);
            let pattern = dash(i).map_or(String::new(), |d| format!(r#" stroke-dasharray="{d}""#));
            s.push_str(&format!(
                r#"<g class="series"><path d="{}" fill="none" stroke="{c}" stroke-width="2.5" stroke-linejoin="round"{pattern}/>"#,
                line.path
            ));
            for p in &line.points {
                let (fill, stroke, width) = if p.few { (bg, c, 2) } else { (c, bg, 1) };
                s.push_str(&format!(
                    r#"<path d="{}" fill="{fill}" stroke="{stroke}" stroke-width="{width}"><title>{}</title></path>"#,
                    p.marker,
                    escaped(&p.label)
                ));
            }
            s.push_str("</g>");
        }
        s.push_str("</g></svg>");
        (s, total)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Years as periods.
    fn yrs(years: &[u16]) -> Vec<Period> {
        years
            .iter()
            .map(|&y| Period {
                grain: Grain::Year,
                n: i64::from(y),
            })
            .collect()
    }

    fn model(
        values: Vec<Vec<Option<f64>>>,
        years: std::ops::RangeInclusive<u16>,
    ) -> LineChartModel {
        let years: Vec<u16> = years.collect();
        let series: Vec<Series> = values
            .into_iter()
            .enumerate()
            .map(|(i, values)| Series {
                label: format!("s{i}"),
                values,
            })
            .collect();
        let articles = vec![5; years.len()];
        LineChartModel::new(
            &yrs(&years),
            &series,
            "Count",
            Some(yrs(&[2015])[0]),
            &articles,
            WIDTH,
        )
    }

    #[test]
    fn a_gap_lifts_the_pen_and_has_no_marker() {
        let m = model(
            vec![vec![Some(1.0), None, Some(3.0), Some(2.0)]],
            2013..=2016,
        );
        let path = &m.lines[0].path;
        assert_eq!(path.matches('M').count(), 2, "{path}");
        assert_eq!(path.matches('L').count(), 1, "{path}");
        assert_eq!(
            m.lines[0].points.iter().map(|p| p.row).collect::<Vec<_>>(),
            [0, 2, 3]
        );
        assert_eq!(m.lines[0].points[1].label, "s0, 2015: 3 (5 articles)");
        assert!(!m.lines[0].thinned);
    }

    #[test]
    fn a_click_chooses_the_nearest_year_with_data() {
        let m = model(
            vec![
                vec![None, Some(1.0), None],
                vec![Some(2.0), Some(2.0), None],
            ],
            2000..=2002,
        );
        let (left, right, _, _) = m.plot();
        assert_eq!(
            m.point_at(left),
            Some((1, 0)),
            "only the second series has 2000"
        );
        assert_eq!(m.point_at((left + right) / 2.0 + 3.0), Some((0, 1)));
        assert_eq!(m.point_at(right), None, "no series has 2002");
        assert_eq!(m.point_at(-1000.0), None, "outside the years");
    }

    #[test]
    fn long_lines_mark_every_kth_point() {
        let values = vec![Some(1.0); 200];
        let m = model(vec![values], 1801..=2000);
        let l = &m.lines[0];
        assert!(l.thinned);
        assert_eq!(
            l.points.len(),
            200_usize.div_ceil(200_usize.div_ceil(MAX_MARKERS))
        );
        assert!(l.points.len() <= MAX_MARKERS);
    }

    #[test]
    fn points_on_few_articles_are_hollow_and_say_how_many() {
        let years: Vec<u16> = (2013..=2016).collect();
        let series = vec![Series {
            label: "k".into(),
            values: vec![Some(1.0), None, Some(2.0), Some(3.0)],
        }];
        let m = LineChartModel::new(&yrs(&years), &series, "Count", None, &[1, 0, 2, 50], WIDTH);
        let few: Vec<bool> = m.lines[0].points.iter().map(|p| p.few).collect();
        assert_eq!(few, [true, true, false]);
        assert!(m.has_few);
        assert_eq!(m.lines[0].points[2].label, "k, 2016: 3 (50 articles)");
    }

    #[test]
    fn years_with_data_are_labelled() {
        // Every year fits: every year. Too many years: the years with data, when they fit.
        let years: Vec<u16> = (2013..=2025).collect();
        let articles: Vec<usize> = years
            .iter()
            .map(|&y| usize::from([2013, 2015, 2016, 2024, 2025].contains(&y)))
            .collect();
        let series = vec![Series {
            label: "k".into(),
            values: articles.iter().map(|&n| (n > 0).then_some(1.0)).collect(),
        }];
        let m = LineChartModel::new(&yrs(&years), &series, "Count", None, &articles, WIDTH);
        assert_eq!(m.x_ticks.len(), 13);
        let years: Vec<u16> = (1900..=2000).collect();
        let articles: Vec<usize> = years.iter().map(|&y| usize::from(y % 10 == 3)).collect();
        let series = vec![Series {
            label: "k".into(),
            values: articles.iter().map(|&n| (n > 0).then_some(1.0)).collect(),
        }];
        let m = LineChartModel::new(&yrs(&years), &series, "Count", None, &articles, WIDTH);
        let labels: Vec<&str> = m.x_ticks.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels.first(), Some(&"1903"));
        assert!(labels.iter().all(|l| l.ends_with('3')), "{labels:?}");
    }

    #[test]
    fn markers_at_one_spot_are_set_side_by_side() {
        let years: Vec<u16> = (2013..=2014).collect();
        let series: Vec<Series> = (0..3)
            .map(|i| Series {
                label: format!("k{i}"),
                values: vec![Some(0.0), Some(i as f64)],
            })
            .collect();
        let m = LineChartModel::new(&yrs(&years), &series, "Count", None, &[5, 5], WIDTH);
        let at_zero: Vec<&str> = m
            .lines
            .iter()
            .map(|l| l.points[0].marker.as_str())
            .collect();
        assert_ne!(at_zero[0], at_zero[1]);
        assert_ne!(at_zero[1], at_zero[2]);
        assert_ne!(at_zero[0], at_zero[2]);
    }

    #[test]
    fn ticks_cover_the_values_and_the_years() {
        let m = model(vec![vec![Some(0.0), Some(7.0), Some(12.0)]], 2013..=2015);
        let labels: Vec<&str> = m.y_ticks.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels.first(), Some(&"0"));
        assert!(m.y_ticks.last().unwrap().label.parse::<f64>().unwrap() >= 12.0);
        assert!(m.y_ticks.windows(2).all(|w| w[0].at > w[1].at), "bottom up");
        assert_eq!(
            m.x_ticks
                .iter()
                .map(|t| t.label.as_str())
                .collect::<Vec<_>>(),
            ["2013", "2014", "2015"]
        );
        assert_eq!(m.selected_x, Some(m.x_ticks[2].at));
        assert_eq!(format_tick(12345.0, 1.0), "12,345");
        assert_eq!(format_tick(0.25, 0.05), "0.25");
    }

    #[test]
    fn a_narrow_chart_is_laid_out_for_its_width() {
        let years: Vec<u16> = (2000..=2025).collect();
        let series = vec![Series {
            label: "s".into(),
            values: years.iter().map(|_| Some(1.0)).collect(),
        }];
        let articles = vec![5; years.len()];
        let wide = LineChartModel::new(&yrs(&years), &series, "Count", None, &articles, WIDTH);
        let narrow = LineChartModel::new(&yrs(&years), &series, "Count", None, &articles, 320.0);
        assert_eq!(narrow.width, 320.0);
        let (left, right, _, _) = narrow.plot();
        assert!(narrow.x_ticks.iter().all(|t| t.at >= left && t.at <= right));
        // Labels keep their room: no two closer than a label's width.
        for ticks in [&wide.x_ticks, &narrow.x_ticks] {
            assert!(ticks
                .windows(2)
                .all(|w| w[1].at - w[0].at >= label_room(Grain::Year)));
        }
        assert!(narrow.x_ticks.len() < wide.x_ticks.len());
        assert_eq!(
            LineChartModel::new(&yrs(&years), &series, "Count", None, &articles, 10.0).width,
            MIN_WIDTH
        );
        assert_eq!(
            LineChartModel::new(&yrs(&years), &series, "Count", None, &articles, f64::NAN).width,
            WIDTH
        );
    }

    #[test]
    fn neighbouring_years_with_data_never_overprint_on_a_phone() {
        // The seed's years: 2015 and 2016 side by side, 2024 and 2025 too.
        let years: Vec<u16> = (2013..=2025).collect();
        let articles: Vec<usize> = years
            .iter()
            .map(|&y| usize::from([2013, 2015, 2016, 2024, 2025].contains(&y)))
            .collect();
        let series = vec![Series {
            label: "k".into(),
            values: articles.iter().map(|&n| (n > 0).then_some(0.0)).collect(),
        }];
        for width in [MIN_WIDTH, 300.0, 350.0, 390.0, 500.0, WIDTH] {
            let m = LineChartModel::new(&yrs(&years), &series, "Count", None, &articles, width);
            assert!(
                m.x_ticks
                    .windows(2)
                    .all(|w| w[1].at - w[0].at >= label_room(Grain::Year)),
                "{width}: {:?}",
                m.x_ticks
                    .iter()
                    .map(|t| (&t.label, t.at))
                    .collect::<Vec<_>>()
            );
            assert_eq!(
                m.x_ticks.last().unwrap().label,
                "2025",
                "{width}: the last year is labelled"
            );
            // Markers stand clear of the value axis' labels and of the edge.
            let (left, right, _, _) = m.plot();
            for p in &m.lines[0].points {
                assert!(
                    p.centre.0 - 2.0 * SPREAD - 5.5 >= left - 1.0
                        && p.centre.0 + 2.0 * SPREAD + 5.5 <= right + RIGHT,
                    "{width}: {:?}",
                    p.centre
                );
            }
        }
    }

    #[test]
    fn twenty_markers_at_one_spot_stay_within_the_plot() {
        let years: Vec<u16> = (2013..=2014).collect();
        let series: Vec<Series> = (0..20)
            .map(|i| Series {
                label: format!("k{i}"),
                values: vec![Some(0.0), Some(0.0)],
            })
            .collect();
        let m = LineChartModel::new(&yrs(&years), &series, "Count", None, &[5, 5], 350.0);
        let (left, right, _, _) = m.plot();
        for l in &m.lines {
            for p in &l.points {
                assert!(
                    p.centre.0 - MARKER_RADIUS >= left && p.centre.0 + MARKER_RADIUS <= right,
                    "{:?} outside {left}..{right}",
                    p.centre
                );
            }
        }
        let xs: std::collections::BTreeSet<i64> = m
            .lines
            .iter()
            .map(|l| (l.points[0].centre.0 * 10.0) as i64)
            .collect();
        assert_eq!(xs.len(), 20, "still set apart");
    }

    #[test]
    fn twenty_series_differ_in_shape_or_pattern_not_colour_alone() {
        let styles: std::collections::HashSet<String> = (0..20).map(style_name).collect();
        assert_eq!(styles.len(), 20);
        assert_eq!(dash(0), None);
        assert_eq!(style_name(6), "square, dashed");
    }

    #[test]
    fn the_legend_is_laid_out_by_measured_text() {
        let years: Vec<u16> = (2013..=2014).collect();
        let labels: Vec<String> = (0..12).map(|i| format!("keyword number {i}")).collect();
        let series: Vec<Series> = labels
            .iter()
            .map(|l| Series {
                label: l.clone(),
                values: vec![Some(1.0), Some(2.0)],
            })
            .collect();
        let m = LineChartModel::new(&yrs(&years), &series, "Count", None, &[5, 5], WIDTH);
        let width_of = |t: &str| estimate_width(t);
        let (svg, _) = m.to_svg(
            &["#123"],
            "#fff",
            "#000",
            "#ccc",
            "t",
            "d",
            &[],
            &labels,
            &width_of,
        );
        // Each text's start, and the next entry's start on its line: no entry
        // starts before the text before it ends.
        let starts: Vec<(f64, f64, String)> = svg
            .split(r#"<text x=""#)
            .skip(1)
            .filter_map(|rest| {
                let x: f64 = rest.split('"').next()?.parse().ok()?;
                let y: f64 = rest
                    .split(r#"y=""#)
                    .nth(1)?
                    .split('"')
                    .next()?
                    .parse()
                    .ok()?;
                let text = rest.split('>').nth(1)?.split('<').next()?.to_string();
                text.contains("keyword").then_some((x, y, text))
            })
            .collect();
        assert_eq!(starts.len(), 12);
        for w in starts.windows(2) {
            if w[0].1 == w[1].1 {
                assert!(
                    w[0].0 + width_of(&w[0].2) < w[1].0 - 28.0,
                    "{:?} overprints {:?}",
                    w[0],
                    w[1]
                );
            }
            assert!(w[1].0 + width_of(&w[1].2) <= WIDTH, "{:?} fits", w[1]);
        }
        assert!(
            svg.contains(r#"stroke-dasharray="8 4""#),
            "the sixth series is dashed"
        );
    }

    #[test]
    fn a_share_says_percent() {
        let years: Vec<u16> = (2013..=2014).collect();
        let series = vec![Series {
            label: "k".into(),
            values: vec![Some(50.0), Some(100.0)],
        }];
        let m = LineChartModel::with_unit(
            &yrs(&years),
            &series,
            "Share of articles",
            "%",
            None,
            &[5, 5],
            WIDTH,
        );
        assert!(m.y_ticks.iter().all(|t| t.label.ends_with('%')));
        assert_eq!(m.lines[0].points[1].label, "k, 2014: 100% (5 articles)");
    }

    #[test]
    fn the_svg_holds_every_series_and_escapes_text() {
        let years: Vec<u16> = (2013..=2014).collect();
        let series = vec![Series {
            label: "<script>\"a\" & b".into(),
            values: vec![Some(1.0), Some(2.0)],
        }];
        let m = LineChartModel::new(
            &yrs(&years),
            &series,
            "Per 10,000 words",
            None,
            &[1, 4],
            WIDTH,
        );
        let heading = vec![
            "Keyword frequency per year — <Corpus>".to_string(),
            "Per 10,000 words · search “a & b” · smoothing off".to_string(),
        ];
        let (svg, height) = m.to_svg(
            &["#123456"],
            "#fff",
            "#000",
            "#ccc",
            "Keyword <frequency>",
            "d",
            &heading,
            &[series[0].label.clone()],
            &estimate_width,
        );
        assert!(height > HEIGHT, "the heading and legend add room: {height}");
        assert!(
            svg.contains(">hollow: fewer than 3 articles that year</text>"),
            "the hollow marker has its legend entry"
        );
        assert!(svg.contains(&format!(r#"height="{height}""#)));
        assert!(
            svg.contains("— &lt;Corpus&gt;</text>"),
            "the context is in the file"
        );
        assert!(svg.contains("search “a &amp; b” · smoothing off</text>"));
        assert!(
            svg.contains("&lt;script&gt;&quot;a&quot; &amp; b (circle)</text>"),
            "the legend names each series with its marker"
        );
        assert!(svg.starts_with(r#"<svg xmlns="http://www.w3.org/2000/svg""#));
        assert!(svg.contains("<title>Keyword &lt;frequency&gt;</title>"));
        assert_eq!(svg.matches(r#"class="series""#).count(), 1);
        assert!(svg.contains("&lt;script&gt;&quot;a&quot; &amp; b, 2013: 1 (1 article)"));
        assert!(
            svg.contains(r##"fill="#fff" stroke="#123456" stroke-width="2""##),
            "hollow: few articles"
        );
        assert!(svg.contains(">Year</text>"));
        assert!(!svg.contains("<script>"));
        assert!(svg.ends_with("</svg>"));
    }
}
