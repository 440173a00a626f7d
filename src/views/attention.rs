//! Attention over time, above Trends' keyword lines: per period, the
//! articles that match the search, or their share of all the period's
//! articles (Media Cloud's two measures). It follows the search box and
//! the facets; choosing a period (a point, or a row of its table) narrows
//! the search to that period (a `year:` or `date:` clause in place of the
//! query's own).

use crate::params;
use crate::search_state::SearchState;
use crate::url_state::UrlQuery;
use crate::views::chart::LineChart;
use crate::views::long_table::{self, LongBody};
use lens_engine::corpus::period::{Grain, Period};
use lens_engine::out::chart::{LineChartModel, Series};
use lens_engine::search::facets::narrow_to_period;
use lens_engine::stats::trends::{attention, Attention, AttentionRow};
use leptos::html;
use leptos::prelude::*;

const CHART_ID: &str = "attention-chart";

/// Whether the chart shows shares (`attn=share`) rather than counts.
fn shares(url: &UrlQuery) -> bool {
    params::ATTN.get(url)
}

/// The attention chart and its table, at `grain`, `width` CSS pixels wide.
#[component]
pub fn AttentionChart(
    /// The grain of the Trends view.
    grain: Memo<Grain>,
    /// The width the chart has.
    width: RwSignal<f64>,
) -> impl IntoView {
    let url = expect_context::<UrlQuery>();
    let search = expect_context::<SearchState>();
    let corpus = search.corpus;
    let data = Memo::new(move |_| {
        let g = grain.get();
        search.matches.with(|m| attention(corpus, &m.docs, g))
    });
    let searching = move || !search.text.get().trim().is_empty();
    let title = move || {
        let unit = grain.get().name().to_lowercase();
        match (searching(), shares(&url)) {
            (false, _) => format!("Articles per {unit}"),
            (true, false) => format!("Articles matching the search per {unit}"),
            (true, true) => format!("Share of articles matching the search per {unit}"),
        }
    };
    // A period chosen: the search narrowed to it.
    let narrow = move |row: usize| {
        let Some(p) = data.with_untracked(|a| a.rows.get(row).map(|r| r.period)) else {
            return;
        };
        let text = search.text.get_untracked();
        let next = search
            .valid
            .with_untracked(|parsed| narrow_to_period(&text, parsed, p));
        url.navigate(&url.href(&[(params::Q.name, Some(next.as_str()))]));
    };
    let choose = Callback::new(move |(_, row): (usize, usize)| narrow(row));
    let chart = move || {
        let share = shares(&url);
        let w = width.get();
        data.with(|a: &Attention| {
            if a.rows.is_empty() {
                return None;
            }
            let periods: Vec<_> = a.rows.iter().map(|r| r.period).collect();
            let values = a
                .rows
                .iter()
                .map(|r| {
                    if share {
                        r.share()
                    } else {
                        (r.all > 0).then_some(r.matching as f64)
                    }
                })
                .collect();
            let label = if share { "Share of articles" } else { "Articles" };
            let series = [Series {
                label: label.to_string(),
                values,
            }];
            let all: Vec<usize> = a.rows.iter().map(|r| r.all).collect();
            let unit = if share { "%" } else { "" };
            let model = LineChartModel::with_unit(&periods, &series, label, unit, None, &all, w);
            let desc = format!(
                "{} per {}, {} to {}. The table below has the numbers; choosing a period narrows the search to it.",
                label,
                a.grain.name().to_lowercase(),
                periods.first().map(|p| p.label()).unwrap_or_default(),
                periods.last().map(|p| p.label()).unwrap_or_default(),
            );
            Some(view! { <LineChart id=CHART_ID title=title() desc=desc model=model on_point=choose /> })
        })
    };
    // The periods listed (those with articles): the rows are drawn again
    // when these change; their numbers follow the search in place.
    let listed = Memo::new(move |_| {
        data.with(|a| {
            let rows: Vec<(usize, Period)> = a
                .rows
                .iter()
                .enumerate()
                .filter(|(_, r)| r.all > 0)
                .map(|(i, r)| (i, r.period))
                .collect();
            rows
        })
    });
    let table = move || {
        let rows = listed.get();
        let n = rows.len();
        let windowed = long_table::is_windowed(n);
        let scroller = NodeRef::<html::Div>::new();
        let row = move |r: usize| {
            let (i, period) = rows[r];
            let label = period.label();
            let cell = move |f: fn(&AttentionRow) -> String| {
                move || data.with(|a| a.rows.get(i).map(f).unwrap_or_default())
            };
            view! {
                <tr aria-rowindex=windowed.then(|| r + 2)>
                    <th scope="row">
                        <button type="button" class="cell" aria-label=format!("{label}: narrow the search to it")
                            on:click=move |_| narrow(i)>{label.clone()}</button>
                    </th>
                    <td class="num">{cell(|r| crate::views::thousands(r.matching))}</td>
                    <td class="num">{cell(|r| crate::views::thousands(r.all))}</td>
                    <td class="num">{cell(|r| r.share().map_or("–".to_string(), |s| format!("{s:.2}%")))}</td>
                </tr>
            }
        };
        view! {
            <div class="table-scroll" node_ref=scroller>
                <table class="attention-table" aria-rowcount=windowed.then(|| n + 1)>
                    <caption>{title}</caption>
                    <thead><tr aria-rowindex=windowed.then_some(1)>
                        <th scope="col">{move || grain.get().name()}</th>
                        <th scope="col" class="num">"Matching"</th>
                        <th scope="col" class="num">"All articles"</th>
                        <th scope="col" class="num">"Share"</th>
                    </tr></thead>
                    <LongBody rows=n scroller=scroller row=row />
                </table>
            </div>
        }
    };
    view! {
        <section class="attention" aria-labelledby="attention-heading">
            <div class="attention-head">
                <h3 id="attention-heading">{title}</h3>
                <crate::views::UrlSelect label="Show" param=params::ATTN.param class="field" />
            </div>
            <div class="chart-box">{chart}</div>
            <details class="attention-numbers">
                <summary>"The numbers, a period a row (choose one to narrow the search to it)"</summary>
                {table}
            </details>
        </section>
    }
}
