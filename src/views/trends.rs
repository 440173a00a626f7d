//! Trends: keyword frequency per period (a year, quarter, month, ISO week
//! or day), as a chart and as the table of its numbers.
//!
//! URL parameters: `kw` (comma-separated keywords), `measure` (`count`,
//! `per10k`, `share`), `grain` (`auto`, `year` … `day`), `smooth` (0 to 10
//! periods), `at` (the period whose contexts are listed); the search's `q`
//! and `forms` apply too.

use crate::params;
use lens_engine::corpus::period::{Grain, Period};
use lens_engine::index::layout::Layout;
use lens_engine::search::query::Query;
use lens_engine::shard::{MonthCounts, Needs};
use lens_engine::stats::trends::{
    auto_grain, export_name, format_value, keyword_in_context_of, month_cells, month_terms,
    parse_keywords, split_by_month, split_lines, splits_by_month, trend_table,
    trend_table_by_month, Keyword, KeywordError, Measure, TrendTable, MAX_PERIODS,
};
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::download::{offer_png, offer_text};
use crate::search_state::{last_valid, SearchState};
use crate::url_state::{QueryLink, UrlQuery};
use crate::views::chart::{palette, LineChart};
use crate::views::long_table::{self, BoxWatch, LongBody};
use crate::views::{marked_text, provenance, Retry, UrlSelect, UrlText, WordFormsToggle};
use lens_engine::out::chart::{
    dash, marker_path, style_name, LineChartModel, Series, FEW_ARTICLES, WIDTH,
};

const CHART_ID: &str = "trends-chart";
/// The chart's title, on the page and in its exports ("Keyword frequency per month").
fn chart_title(grain: Grain) -> String {
    format!("Keyword frequency per {}", grain.name().to_lowercase())
}
/// Context lines listed per keyword and article before "more".
const CONTEXT_LINES: usize = 12;
/// A period's articles whose contexts a sharded corpus lists (their texts
/// fetched for it).
const SHARDED_CONTEXT_ARTICLES: usize = 40;

/// A measure's name, as its option shows it.
fn measure_name(m: Measure) -> &'static str {
    m.name()
}

/// The Trends view.
#[component]
pub fn TrendsView() -> impl IntoView {
    let url = expect_context::<UrlQuery>();
    let search = expect_context::<SearchState>();
    // Behind a prerendered page, the table is drawn a task after the chart
    // (takeover::later).
    let rest = crate::takeover::later(1);
    let corpus = search.corpus;
    let kw_text = Memo::new(move |_| params::KW.text(&url).unwrap_or_default());
    // A keyword list that parses but asks too much of the index is an error too.
    let parsed = Memo::new(move |_| {
        kw_text.with(|t| parse_keywords(t)).and_then(|kws| {
            // A line's own filter is evaluated too: it is costed with the keywords.
            let queries: Vec<&Query> = kws
                .iter()
                .flat_map(|k| std::iter::once(&k.query).chain(k.filter.as_ref()))
                .collect();
            match search
                .index
                .with(|ix| ix.check(&queries, search.options.get()))
            {
                Ok(()) => Ok(kws),
                Err(e) => Err(KeywordError { message: e.message }),
            }
        })
    });
    // The chart keeps the last keywords that parsed while new ones are typed.
    let keywords = last_valid(parsed, Vec::new);
    // A sharded corpus fetches the keywords' terms with the search's: the
    // chart stays as it was until they are here, never drawn from a part
    // of the index that lacks them.
    let kw_needs = Memo::new(move |_| {
        keywords.with(|kws| keyword_needs(kws, search.options.get().word_forms))
    });
    // Whether the index served holds the keywords' terms.
    let counted = Memo::new(move |_| kw_needs.with(|n| search.covers(n)));
    let measure = Memo::new(move |_| params::MEASURE.get(&url));
    let smooth = Memo::new(move |_| params::SMOOTH.number_or_default(&url) as usize);
    // The grain chosen, or Auto's for the selection.
    let chosen = Memo::new(move |_| params::GRAIN.get(&url));
    let auto = Memo::new(move |_| search.matches.with(|m| auto_grain(corpus, &m.docs)));
    let grain = Memo::new(move |_| chosen.get().unwrap_or_else(|| auto.get()));
    // The lines: the keywords, or each split by source or tag.
    let split = Memo::new(move |_| params::SPLIT.get(&url));
    // A sharded corpus counts single words over all its articles, or a
    // selection made with facets alone, at a month or coarser, from their
    // month counts: one small fetch, no postings. These are their terms
    // and the selection's cells, when that is the case.
    // The selection's cells of the month counts: once a selection (not
    // again as keywords are typed).
    let cells = Memo::new(move |_| {
        search.shards?;
        search
            .matches
            .with(|m| search.index.with(|ix| month_cells(ix, &m.docs)))
    });
    let by_month = Memo::new(move |_| {
        search.shards?;
        // The search typed, not only the one answered: a search that is
        // being fetched asks its keywords' terms in the same round trip.
        let searching = search
            .parsed
            .with(|p| !matches!(p, Ok(q) if Needs::of(&q.query) == Needs::default()));
        if searching {
            return None;
        }
        let (opts, g) = (search.options.get(), grain.get());
        let terms = keywords.with(|k| month_terms(k, opts, g))?;
        let cells = cells.get()?;
        // A split where the month counts per value draw it.
        match split.get() {
            Some(by)
                if !search.matches.with(|m| {
                    search
                        .index
                        .with(|ix| splits_by_month(ix, &m.docs, by, &cells))
                }) =>
            {
                None
            }
            _ => Some((terms, cells)),
        }
    });
    let by_month_terms = Memo::new(move |_| by_month.with(|b| b.as_ref().map(|(t, _)| t.clone())));
    let months = MonthCountsState::new(by_month_terms);
    // Whether the table's counts are here: the month counts, or the terms.
    let drawn = Memo::new(move |_| match by_month_terms.get() {
        Some(terms) => months.of(&terms, |_| ()).is_some(),
        None => counted.get(),
    });
    let table = Memo::new(move |prev: Option<&TrendTable>| {
        let opts = search.options.get();
        let g = grain.get();
        let by = split.get();
        let ix = search.index.get();
        if let Some((terms, cells)) = by_month.get() {
            let from_months = months.of(&terms, |m| {
                keywords.with(|k| {
                    search.matches.with(|sm| {
                        let split =
                            by.and_then(|by| split_by_month(&ix, k, &sm.docs, by, m, &cells));
                        match &split {
                            Some((lines, counts)) => trend_table_by_month(
                                corpus, &ix, lines, &sm.docs, g, counts, &cells,
                            ),
                            None => trend_table_by_month(corpus, &ix, k, &sm.docs, g, m, &cells),
                        }
                    })
                })
            });
            if let Some(t) = from_months {
                return t;
            }
        }
        // Until the keywords' terms are here: the table as it was (or none).
        if !drawn.get() {
            return prev.cloned().unwrap_or_else(|| {
                search
                    .matches
                    .with(|m| trend_table(corpus, &ix, &[], &m.docs, opts, g))
            });
        }
        keywords.with(|k| {
            search.matches.with(|m| {
                let lines = by.map(|by| split_lines(&ix, k, &m.docs, opts, by));
                trend_table(corpus, &ix, lines.as_deref().unwrap_or(k), &m.docs, opts, g)
            })
        })
    });
    // A period of the chart, or none: `at` of another grain, or outside
    // the table's periods, names no point.
    let at = Memo::new(move |_| {
        let p = params::AT.period(&url)?;
        table
            .with(|t| t.rows.iter().any(|r| r.period == p))
            .then_some(p)
    });
    // A sharded corpus fetches the keywords' terms with the search's (the
    // chart stays as it was until they are here, never drawn from a part
    // of the index that lacks them), unless month counts draw the chart
    // and no period's contexts are open.
    if search.shards.is_some() {
        Effect::new(move |_| {
            let postings = by_month_terms.with(Option::is_none) || at.with(Option::is_some);
            let needs = if postings {
                kw_needs.get()
            } else {
                Needs::default()
            };
            // Set only when it changes: setting asks the search again.
            if search.also.with_untracked(|a| *a != needs) {
                search.also.set(needs);
            }
        });
        on_cleanup(move || search.also.set(Needs::default()));
    }

    // What the table's rows are: they are drawn again only when it changes.
    let row_key = Memo::new(move |_| {
        table.with(|t| (t.grain, t.rows.first().map(|r| r.period), t.rows.len()))
    });
    let error =
        Signal::derive(move || parsed.with(|p| p.as_ref().err().map(|e| e.message.clone())));
    let counting = move || {
        let n = crate::views::thousands(search.matches.with(|m| m.docs.len()));
        let total = crate::views::thousands(corpus.articles().len());
        let q = search.text.get();
        if q.trim().is_empty() {
            format!("Counting all {total} articles.")
        } else {
            format!(
                "Counting the {n} of {total} articles that match the search “{}”.",
                q.trim()
            )
        }
    };
    // Set when a reader chooses a period (point or table row), or opens a
    // link that names one (a shared link, the way back from an article
    // opened here): its contexts, once drawn, take the focus and so come
    // into view.
    let focus_contexts = StoredValue::new(params::AT.period(&url).is_some());
    let choose = Callback::new(move |(_, row): (usize, usize)| {
        let period = table.with_untracked(|t| t.rows.get(row).map(|r| r.period));
        if let Some(p) = period {
            focus_contexts.set_value(true);
            url.navigate(&url.href(&[(params::AT.name, Some(&p.key()))]));
        }
    });
    // The chart is laid out for the width its box has (text stays 12 px on a
    // phone): measured once drawn and again whenever the box changes size (a
    // window resized, or the page shown: the app is drawn hidden while a
    // prerendered page is on screen, src/takeover.rs).
    let chart_box = NodeRef::<html::Div>::new();
    let chart_width = RwSignal::new(lens_engine::out::chart::WIDTH);
    let remeasure = move || {
        if let Some(el) = chart_box.get_untracked() {
            let w = el.client_width() as f64;
            if w > 0.0 && (w - chart_width.get_untracked()).abs() >= 1.0 {
                chart_width.set(w);
            }
        }
    };
    let watch = BoxWatch::new(remeasure);
    Effect::new(move |_| {
        if let Some(el) = chart_box.get() {
            remeasure();
            watch.with_value(|w| w.observe(&el));
        }
    });

    // The chart's model: what the page draws and what the SVG and PNG exports write.
    let chart_model = Memo::new(move |_| {
        let t = table.get();
        if t.keywords.is_empty() {
            return None;
        }
        let m = measure.get();
        let w = smooth.get();
        let series: Vec<Series> = (0..t.keywords.len())
            .map(|k| Series {
                label: t.keywords[k].clone(),
                values: t.series(k, m, w),
            })
            .collect();
        if t.rows.is_empty() {
            return None;
        }
        let periods: Vec<Period> = t.rows.iter().map(|r| r.period).collect();
        let unit_name = t.grain.name().to_lowercase();
        let desc = format!(
            "{} of {} per {unit_name}, {} to {}{}. The table below has the numbers.",
            measure_name(m),
            t.keywords.join(", "),
            periods.first().map(|p| p.label()).unwrap_or_default(),
            periods.last().map(|p| p.label()).unwrap_or_default(),
            if w > 0 {
                format!(", smoothed over {w} {} either side", plural(w, &unit_name))
            } else {
                String::new()
            }
        );
        let articles: Vec<usize> = t.rows.iter().map(|r| r.articles).collect();
        let unit = if m == Measure::ShareOfArticles {
            "%"
        } else {
            ""
        };
        let selected = at.get();
        let laid_out = |width: f64| {
            LineChartModel::with_unit(
                &periods,
                &series,
                measure_name(m),
                unit,
                selected,
                &articles,
                width,
            )
        };
        let model = laid_out(chart_width.get());
        // The exports are laid out at full width, whatever the screen.
        let export = laid_out(WIDTH);
        Some(DrawnChart {
            model,
            export,
            desc,
            labels: t.keywords.clone(),
            grain: t.grain,
        })
    });
    let chart = move || {
        chart_model.get().map(|c| {
            let few = c.model.has_few;
            view! {
                {c.model.has_few.then(|| view! {
                    <p class="hint few-note">{format!("Hollow points rest on fewer than {FEW_ARTICLES} articles: read them with care.")}</p>
                })}
                <LineChart id=CHART_ID title=chart_title(c.grain) desc=c.desc model=c.model on_point=choose />
                <Legend labels=c.labels few=few grain=c.grain />
            }
        })
    };

    view! {
        <section class="trends" aria-labelledby="trends-heading">
            <h2 id="trends-heading">"Trends"</h2>
            <div class="trends-controls">
                <KeywordsField error=error keywords=keywords by_month_terms=by_month_terms months=months />
                <UrlSelect label="Measure" param=params::MEASURE.param class="field" />
                <GrainField auto=auto />
                <UrlSelect label="Split by" param=params::SPLIT.param class="field" />
                <div class="field"><WordFormsToggle /></div>
                <SmoothingField smooth=smooth grain=grain />
            </div>
            <p class="counting" role="status">
                {counting}
                {move || (!drawn.get() && months.retry.failed.with(Option::is_none)).then(|| view! { <span class="fetching">" Fetching the keywords' counts…"</span> })}
            </p>
            {move || months.retry.alert()}
            <LeftOut table=table />
            <super::attention::AttentionChart grain=grain width=chart_width />
            <Show when=move || keywords.with(|k| k.is_empty())>
                <p class="empty">"Type one or more keywords to chart how often they appear over time."</p>
            </Show>
            <div class="chart-box" node_ref=chart_box>{chart}</div>
            <Show when=move || keywords.with(|k| !k.is_empty())>
                <Exports table=table measure=measure smooth=smooth chart=chart_model />
                // Drawn again when its rows change (another grain, or a
                // span that follows the selection); otherwise rows stay.
                {move || {
                    let _ = row_key.get();
                    // Behind a prerendered page, a task after the chart (takeover::later).
                    rest.get().then(|| view! { <TrendTableView table=table measure=measure at=at on_period=Callback::new(move |()| focus_contexts.set_value(true)) /> })
                }}
            </Show>
            {move || at.get().map(|period| view! { <PeriodContexts period=period keywords=keywords counted=counted focus=focus_contexts /> })}
        </section>
    }
}

/// A sharded corpus' month counts of the terms Trends asks for: fetched
/// when the terms change (the newest asking wins), kept with their terms.
#[derive(Clone, Copy)]
struct MonthCountsState {
    got: RwSignal<Option<(Vec<String>, Vec<MonthCounts>)>>,
    /// Whether the latest fetch failed, and asking again.
    retry: Retry,
}

impl MonthCountsState {
    /// Fetches the month counts of `terms` whenever they are some.
    fn new(terms: Memo<Option<Vec<String>>>) -> MonthCountsState {
        let state = MonthCountsState {
            got: RwSignal::new(None),
            retry: Retry::new(),
        };
        let search = expect_context::<SearchState>();
        Effect::new(move |_| {
            state.retry.tries.track();
            let (Some(asked), Some(shards)) = (terms.get(), search.shards) else {
                // Drawn from the postings now: an old failure is not this chart's.
                state.retry.failed.set(None);
                return;
            };
            if state.of(&asked, |_| ()).is_some() {
                return;
            }
            state.retry.failed.set(None);
            leptos::task::spawn_local(async move {
                let got = shards.month_counts(&asked).await;
                // A newer question was asked meanwhile: its own fetch answers it.
                if terms.with_untracked(|t| t.as_ref() != Some(&asked)) {
                    return;
                }
                match got {
                    Ok(counts) => state.got.set(Some((asked, counts))),
                    Err(why) => state.retry.failed.set(Some(why)),
                }
            });
        });
        state
    }

    /// `f` of the month counts of `terms`, if they are here (a reactive read).
    fn of<T>(&self, terms: &[String], f: impl FnOnce(&[MonthCounts]) -> T) -> Option<T> {
        self.got.with(|g| match g {
            Some((t, counts)) if t == terms => Some(f(counts)),
            _ => None,
        })
    }
}

/// The terms `keywords` (and their lines' own filters) need from a sharded index.
fn keyword_needs(keywords: &[Keyword], word_forms: bool) -> Needs {
    let mut n = Needs::default();
    for k in keywords {
        n.merge(&Needs::for_query(&k.query, word_forms));
        if let Some(f) = &k.filter {
            n.merge(&Needs::for_query(f, word_forms));
        }
    }
    n
}

/// The chart as drawn: its model, its description and the series' names.
#[derive(Clone, Debug, PartialEq)]
struct DrawnChart {
    model: LineChartModel,
    /// The same at the exports' width.
    export: LineChartModel,
    desc: String,
    labels: Vec<String>,
    grain: Grain,
}

/// "1 year", "3 months".
fn plural(n: usize, unit: &str) -> String {
    if n == 1 {
        format!("1 {unit}")
    } else {
        format!("{n} {unit}s")
    }
}

/// "Grain": Auto (its choice for the selection said in its option) or a
/// grain. A new grain drops the chosen period (`at`), which was of the old.
#[component]
fn GrainField(
    /// Auto's grain for the selection.
    auto: Memo<Grain>,
) -> impl IntoView {
    let url = expect_context::<UrlQuery>();
    let value = move || {
        params::GRAIN
            .get(&url)
            .map_or("auto", |g| g.key())
            .to_string()
    };
    let on_change = move |ev: web_sys::Event| {
        let v = event_target_value(&ev);
        url.navigate(&url.href(&[
            (params::GRAIN.name(), params::GRAIN.param.written(&v)),
            (params::AT.name, None),
        ]));
    };
    let options = params::GRAIN
        .options()
        .iter()
        .map(|o| {
            let label = move || match o.meaning {
                None => format!("Auto ({})", auto.get().name().to_lowercase()),
                Some(g) => g.name().to_string(),
            };
            view! { <option value=o.value>{label}</option> }
        })
        .collect_view();
    view! {
        <label class="field">"Grain "
            <select on:change=on_change prop:value=value>{options}</select>
        </label>
    }
}

/// What the table cannot show at this grain, said with the way to show it:
/// articles dated less precisely than the grain (left out, never placed),
/// or a span too long for it.
#[component]
fn LeftOut(table: Memo<TrendTable>) -> impl IntoView {
    let url = expect_context::<UrlQuery>();
    let link = move |g: Grain| {
        url.href(&[
            (params::GRAIN.name(), params::GRAIN.write(Some(g))),
            (params::AT.name, None),
        ])
    };
    move || {
        table.with(|t| {
            let unit = t.grain.name().to_lowercase();
            if let Some(n) = t.too_many {
                let coarser = Grain::ALL
                    .into_iter()
                    .rev()
                    .find(|g| *g < t.grain)
                    .unwrap_or(Grain::Year);
                return Some(view! {
                    <p class="notice left-out">
                        {format!("By {unit}, these articles span {} periods: a chart holds at most {}. Narrow the search, or ", crate::views::thousands(n as usize), crate::views::thousands(MAX_PERIODS as usize))}
                        <QueryLink href=Signal::stored(link(coarser))>{format!("show them by {}", coarser.name().to_lowercase())}</QueryLink>"."
                    </p>
                }.into_any());
            }
            let p = t.left_out_precision?;
            let holds = Grain::finest_for(p);
            let n = t.left_out;
            let (is, it) = if n == 1 { ("is", "it") } else { ("are", "them") };
            Some(view! {
                <p class="notice left-out">
                    {format!("{} {} counted {is} dated less precisely than a {unit}: left out here, never placed in a {unit} {} may not belong to. ",
                        crate::views::thousands(n), if n == 1 { "article" } else { "articles" }, if n == 1 { "it" } else { "they" })}
                    <QueryLink href=Signal::stored(link(holds))>{format!("Show by {} to include {it}", holds.name().to_lowercase())}</QueryLink>"."
                </p>
            }.into_any())
        })
    }
}

/// "Keywords": the comma-separated keyword list, written to the URL as typed.
#[component]
fn KeywordsField(
    /// What is wrong with the keywords, if anything.
    error: Signal<Option<String>>,
    /// The keywords charted.
    keywords: Memo<Vec<Keyword>>,
    /// The terms whose month counts draw the chart, if theirs do.
    by_month_terms: Memo<Option<Vec<String>>>,
    /// The month counts fetched.
    months: MonthCountsState,
) -> impl IntoView {
    let url = expect_context::<UrlQuery>();
    let search = expect_context::<SearchState>();
    // Words of the keywords that occur nowhere in the corpus (a flat zero
    // line otherwise says nothing of why), each with the keyword list with
    // it corrected, as the search box offers.
    let nowhere = move || {
        let forms = search.options.get().word_forms;
        let text = params::KW.text(&url).unwrap_or_default();
        // From month counts: the words with none (no suggestions: they
        // would need the dictionary).
        if let Some(terms) = by_month_terms.get() {
            let none: Vec<String> = months
                .of(&terms, |m| {
                    terms
                        .iter()
                        .zip(m)
                        .filter(|(_, c)| c.months.is_empty())
                        .map(|(t, _)| format!("“{t}”"))
                        .collect()
                })
                .unwrap_or_default();
            return (!none.is_empty()).then(|| view! {
                <div class="no-match keywords-nowhere">
                    <p>{format!("Found nowhere in this corpus, so charted as 0: {}.", none.join(", "))}</p>
                </div>
            }.into_any());
        }
        // Not said of a sharded corpus' keyword whose terms are on their way.
        if !keywords.with(|kws| search.covers(&keyword_needs(kws, forms))) {
            return None;
        }
        let ix = search.index.get();
        let missing: Vec<lens_engine::search::suggest::Missing> = keywords.with(|kws| {
            kws.iter()
                .flat_map(|k| lens_engine::search::suggest::missing_words(&ix, &k.query, forms))
                .collect()
        });
        (!missing.is_empty()).then(|| {
            let named: Vec<String> = missing.iter().map(|m| format!("“{}{}”", m.word, if m.prefix { "*" } else { "" })).collect();
            let fixes = missing
                .iter()
                .flat_map(|m| m.suggestions.iter().map(move |s| (m, s)))
                .map(|(m, s)| {
                    let fixed = lens_engine::search::suggest::replace_word(&text, &m.word, s);
                    let href = url.href(&[(params::KW.name, Some(fixed.as_str())), (params::AT.name, None)]);
                    view! { <li><QueryLink href=href>{fixed}</QueryLink></li> }
                })
                .collect::<Vec<_>>();
            let any = !fixes.is_empty();
            view! {
                <div class="no-match keywords-nowhere">
                    <p>{format!("Found nowhere in this corpus, so charted as 0: {}.", named.join(", "))}</p>
                    {any.then(|| view! {
                        <p id="keywords-did-you-mean">"Did you mean:"</p>
                        <ul class="suggestions" aria-labelledby="keywords-did-you-mean">{fixes}</ul>
                    })}
                </div>
            }
            .into_any()
        })
    };
    view! {
        <div class="field keywords-field">
            <label for="keywords">"Keywords"</label>
            <UrlText param=params::KW kind="text" id="keywords" placeholder="e.g. wechat, ai, \"mobile payment\", pay*"
                describedby="keywords-hint keywords-error" clears=&[params::AT.name] />
            <span id="keywords-hint" class="hint">"Comma-separated; each keyword is a line. Same syntax as search; after @, a filter of the line's own: wechat @ source:TMTpost."</span>
            <p id="keywords-error" class="query-error" role="alert">{error}</p>
            {nowhere}
        </div>
    }
}

/// "Smoothing": periods either side of the moving average, 0 (off) to 10.
#[component]
fn SmoothingField(
    /// The smoothing as the URL states it.
    smooth: Memo<usize>,
    /// The grain its periods are of.
    grain: Memo<Grain>,
) -> impl IntoView {
    let url = expect_context::<UrlQuery>();
    let on_smooth = move |ev: web_sys::Event| {
        let v = event_target_value(&ev);
        url.replace(&url.href(&[(params::SMOOTH.name, params::SMOOTH.written(&v))]));
    };
    let (min, max) = params::SMOOTH.bounds();
    view! {
        <label class="field">"Smoothing "
            <input type="range" min=min max=max step="1" prop:value=move || smooth.get().to_string() on:input=on_smooth
                aria-valuetext=move || plural(smooth.get(), &grain.get().name().to_lowercase()) />
            <output>{move || match smooth.get() { 0 => "off".to_string(), n => plural(n, &grain.get().name().to_lowercase()) }}</output>
        </label>
    }
}

/// "Download CSV, SVG, PNG": files made in the page from the table and the
/// chart's model. Each says what it holds (the corpus, the keywords and
/// their legend, the measure, the search that picked the articles counted,
/// the smoothing) and is named from it ([`export_name`]).
#[component]
fn Exports(
    /// The numbers, for the CSV.
    table: Memo<TrendTable>,
    /// The measure.
    measure: Memo<Measure>,
    /// Years either side of the moving average.
    smooth: Memo<usize>,
    /// The chart, for the SVG and the PNG.
    chart: Memo<Option<DrawnChart>>,
) -> impl IntoView {
    let search = expect_context::<SearchState>();
    let from = move || provenance(&search);
    let name = move |ext: &str| {
        table.with_untracked(|t| {
            export_name(
                &from(),
                &t.keywords,
                t.grain,
                measure.get_untracked(),
                smooth.get_untracked(),
                ext,
            )
        })
    };
    // Why the last image could not be made, if it could not.
    let failure = RwSignal::new(None::<String>);
    let svg = move || {
        let from = from();
        let (m, w) = (measure.get_untracked(), smooth.get_untracked());
        let counted = search.matches.with_untracked(|x| x.docs.len());
        let total = search.corpus.articles().len();
        let grain = table.with_untracked(|t| t.grain);
        let unit = grain.name().to_lowercase();
        let title = chart_title(grain);
        let heading = vec![
            format!("{title} — {}", from.corpus),
            format!(
                "{} · {} · smoothing {}",
                measure_name(m),
                if from.search.is_empty() {
                    format!("all {} articles", crate::views::thousands(total))
                } else {
                    format!(
                        "search “{}” ({} of {} articles)",
                        from.search,
                        crate::views::thousands(counted),
                        crate::views::thousands(total)
                    )
                },
                match w {
                    0 => "off".to_string(),
                    n => format!("{} either side", plural(n, &unit)),
                }
            ),
        ];
        chart.with_untracked(|c| {
            c.as_ref().map(|c| {
                // A figure for a document or a slide: light, whatever the page's theme.
                let (colours, bg, fg, grid) = crate::views::chart::light_palette();
                let measure = crate::views::chart::text_measure();
                c.export.to_svg(
                    colours, bg, fg, grid, &title, &c.desc, &heading, &c.labels, &measure,
                )
            })
        })
    };
    view! {
        <div class="exports" role="group" aria-label="Download">
            <button type="button" on:click=move |_| {
                let csv = table.with_untracked(|t| t.to_csv(measure.get_untracked(), smooth.get_untracked(), &from()));
                offer_text(&name("csv"), crate::views::CSV_TYPE, &csv);
            }>"Download CSV"</button>
            <button type="button" on:click=move |_| {
                if let Some((markup, _)) = svg() {
                    offer_text(&name("svg"), "image/svg+xml", &markup);
                }
            }>"Download SVG"</button>
            <button type="button" on:click=move |_| {
                failure.set(None);
                if let Some((markup, height)) = svg() {
                    offer_png(&name("png"), &markup, WIDTH, height, move |why| {
                        failure.set(Some(format!("No PNG could be made: {why}. Download the SVG or the CSV instead.")));
                    });
                }
            }>"Download PNG"</button>
            <p class="hint" role="status">{move || failure.get()}</p>
        </div>
    }
}

/// Colour swatch, marker shape, line pattern and name of each series, and
/// what a hollow marker means when the chart has one.
#[component]
fn Legend(labels: Vec<String>, few: bool, grain: Grain) -> impl IntoView {
    let (colours, bg, fg, _) = palette();
    let items = labels
        .into_iter()
        .enumerate()
        .map(|(i, l)| {
            let c = colours[i % colours.len()];
            view! {
                <li>
                    <svg width="28" height="14" viewBox="0 0 28 14" aria-hidden="true">
                        <line x1="0" x2="28" y1="7" y2="7" stroke=c stroke-width="2.5" stroke-dasharray=dash(i) />
                        <path d=marker_path(i, 14.0, 7.0) fill=c stroke=bg />
                    </svg>
                    {format!("{l} ({})", style_name(i))}
                </li>
            }
        })
        .collect_view();
    let hollow = few.then(|| {
        view! {
            <li>
                <svg width="28" height="14" viewBox="0 0 28 14" aria-hidden="true">
                    <path d=marker_path(0, 14.0, 7.0) fill=bg stroke=fg stroke-width="2" />
                </svg>
                {format!("hollow: fewer than {FEW_ARTICLES} articles that {}", grain.name().to_lowercase())}
            </li>
        }
    });
    view! { <ul class="legend" aria-label="Legend">{items}{hollow}</ul> }
}

/// The numbers behind the chart: every period, a column per keyword, Articles and Words.
#[component]
fn TrendTableView(
    table: Memo<TrendTable>,
    measure: Memo<Measure>,
    at: Memo<Option<Period>>,
    /// Called when a reader chooses a period here.
    on_period: Callback<()>,
) -> impl IntoView {
    let url = expect_context::<UrlQuery>();
    let head = move || {
        table.with(|t| {
            t.keywords
                .iter()
                .map(|k| view! { <th scope="col" class="num">{k.clone()}</th> })
                .collect_view()
        })
    };
    // Articles and words per period change with the search, not with the
    // keywords: a memo of their own spares every row a redraw per keystroke.
    let totals = Memo::new(move |_| {
        table.with(|t| {
            t.rows
                .iter()
                .map(|r| (r.articles, r.words))
                .collect::<Vec<_>>()
        })
    });
    // Rows are drawn once (the periods are the corpus'); as keywords are typed
    // only each row's value cells are redrawn, as plain text. A click anywhere
    // in a row lists that period's contexts; the period's button does it by keyboard.
    let (rows, grain) = table.with_untracked(|t| {
        (
            t.rows.iter().map(|r| r.period).collect::<Vec<Period>>(),
            t.grain,
        )
    });
    let row_count = rows.len();
    // The lines' columns: a cell's text follows its value in place, so a
    // keystroke rewrites the text of the cells that changed and creates no
    // element unless the number of lines changes (a table of 730 days).
    let lines = Memo::new(move |_| table.with(|t| t.keywords.len()));
    let windowed = long_table::is_windowed(row_count);
    let row = move |r: usize| {
        let period = rows[r];
        let cells = move || {
            (0..lines.get())
                .map(|k| {
                    let text = move || {
                        let m = measure.get();
                        table.with(|t| {
                            t.value(r, k, m)
                                .map_or_else(|| "–".to_string(), |v| format_value(v, m))
                        })
                    };
                    view! { <td class="num">{text}</td> }
                })
                .collect_view()
        };
        let articles = move || totals.with(|t| t.get(r).map_or(0, |&(a, _)| a));
        let words =
            move || totals.with(|t| crate::views::thousands(t.get(r).map_or(0, |&(_, w)| w)));
        let label = period.label();
        // A week's button says its days (its label alone is a number).
        let says = if grain == Grain::Week {
            format!(
                "{label} ({}): show keywords in context",
                period.span_label()
            )
        } else {
            format!("{label}: show keywords in context")
        };
        view! {
            <tr data-period=period.key() aria-rowindex=windowed.then(|| r + 2) class:selected=move || at.get() == Some(period) class:empty=move || articles() == 0>
                <th scope="row">
                    <button type="button" class="cell" aria-label=says title=(grain == Grain::Week).then(|| period.span_label())>{label}</button>
                </th>
                {cells}
                <td class="num">{articles}</td>
                <td class="num">{words}</td>
            </tr>
        }
    };
    let on_click = Callback::new(move |ev: web_sys::MouseEvent| {
        let row = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("tr[data-period]").ok().flatten());
        if let Some(period) = row.and_then(|r| r.get_attribute("data-period")) {
            on_period.run(());
            url.navigate(&url.href(&[(params::AT.name, Some(&period))]));
        }
    });
    // A fixed height lets the browser lay out the long table of a large corpus quickly.
    let height = format!("height: {:.1}rem", (row_count as f64 * 1.8 + 5.0).min(28.0));
    let scroller = NodeRef::<html::Div>::new();
    view! {
        <div class="table-scroll" style=height node_ref=scroller>
            <table class="trend-table" aria-rowcount=windowed.then(|| row_count + 1)>
                <caption>{chart_title(grain)}<span class="caption-measure">{move || format!(" ({})", measure_name(measure.get()))}</span></caption>
                <thead>
                    <tr aria-rowindex=windowed.then_some(1)><th scope="col">{grain.name()}</th>{head}<th scope="col" class="num">"Articles"</th><th scope="col" class="num">"Words"</th></tr>
                </thead>
                <LongBody rows=row_count scroller=scroller row=row on_click=on_click />
            </table>
        </div>
    }
}

/// The articles of one period with each keyword in context, each line linking to the article at that match.
#[component]
fn PeriodContexts(
    period: Period,
    keywords: Memo<Vec<Keyword>>,
    /// Whether the index served holds the keywords' terms (a sharded
    /// corpus fetches them first).
    counted: Memo<bool>,
    /// Set when a reader chose the period: the heading takes the focus once drawn.
    focus: StoredValue<bool>,
) -> impl IntoView {
    let url = expect_context::<UrlQuery>();
    let search = expect_context::<SearchState>();
    let corpus = search.corpus;
    let heading = NodeRef::<html::H3>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            if focus.get_value() {
                focus.set_value(false);
                // Focus and scrolling need the page on screen (src/takeover.rs).
                crate::takeover::when_shown(move || {
                    let _ = h.focus();
                });
            }
        }
    });
    let key = period.key();
    let label = period.label();
    // Back to the period's point on the chart (or, when the chart's points
    // are not targets, the period's row of the table).
    let back = move |_| {
        let point = format!("#{CHART_ID} .point-target[data-period='{key}']");
        let row = format!(".trend-table tr[data-period='{key}'] button");
        let target = document()
            .query_selector(&point)
            .ok()
            .flatten()
            .or_else(|| document().query_selector(&row).ok().flatten());
        // A long table draws the rows near its view: the row may not be drawn.
        if target.is_none() {
            if let Some(table) = document().query_selector(".trend-table").ok().flatten() {
                long_table::focus_row(&table, period);
            }
            return;
        }
        if let Some(el) = target
            .as_ref()
            .and_then(|e| e.dyn_ref::<web_sys::HtmlElement>())
        {
            let _ = el.focus();
        } else if let Some(el) = target
            .as_ref()
            .and_then(|e| e.dyn_ref::<web_sys::SvgElement>())
        {
            let _ = el.focus();
        }
    };
    // The contexts of many keywords are a task of their own, after the
    // chart's frame: not part of the page's start-up task on a link with `at`.
    let ready = RwSignal::new(false);
    let working = crate::slices::Working::start();
    leptos::task::spawn_local(async move {
        let _working = working;
        crate::slices::after_paint().await;
        ready.set(true);
    });
    // A sharded corpus' texts are read before their contexts are drawn.
    let reading = StoredValue::new(false);
    let retry = Retry::new();
    let contexts = move || {
        if !counted.get() {
            return view! { <p class="counting">"Fetching the keywords' counts…"</p> }.into_any();
        }
        let kws = keywords.get();
        let opts = search.options.get();
        let filter = search.matches.with(|m| m.docs.clone());
        let queries: Vec<_> = kws.iter().map(|k| k.query.clone()).collect();
        let ix = search.index.get();
        let matches = ix.matches_each(&queries, opts);
        // A keyword with a filter of its own counts only in its articles.
        let own: Vec<Option<lens_engine::index::docset::DocSet>> = kws
            .iter()
            .map(|k| k.filter.as_ref().map(|f| ix.matches(f, opts).docs))
            .collect();
        let counts_in = |k: usize, d: usize| {
            matches[k].docs.contains(d) && own[k].as_ref().is_none_or(|o| o.contains(d))
        };
        let docs: Vec<usize> = filter
            .iter()
            .filter(|&d| period.holds(corpus.articles()[d].date))
            .filter(|&d| (0..kws.len()).any(|k| counts_in(k, d)))
            .collect();
        if docs.is_empty() {
            return view! { <p>{format!("No counted article of {} contains these keywords.", period.label())}</p> }.into_any();
        }
        // A sharded corpus reads the first articles' texts only (each is
        // a download), and says how many it left out.
        let all = docs.len();
        let docs: Vec<usize> = match search.shards {
            Some(_) => docs.into_iter().take(SHARDED_CONTEXT_ARTICLES).collect(),
            None => docs,
        };
        let left_out = (all > docs.len()).then(|| view! {
            <p class="hint">{format!("The first {} of the {all} articles of {}: this corpus is read in parts, and each article's text is a download.", docs.len(), period.label())}</p>
        });
        let texts: Vec<_> = docs.iter().map(|&d| search.article(d)).collect();
        let read = docs.len();
        let reading_them = move || {
            view! { <p class="counting" role="status">{format!("Reading the {read} articles of {}…", period.label())}</p> }.into_any()
        };
        // Texts here, but the index not yet made again with where the
        // keywords stand in them (a query fetched without positions).
        let placing = !docs.iter().all(|&d| ix.positions_known(d));
        if texts.iter().all(Option::is_some) && placing {
            return reading_them();
        }
        if let (Some(shards), true) = (search.shards, texts.iter().any(Option::is_none)) {
            if let Some(alert) = retry.alert() {
                return alert;
            }
            if !reading.get_value() {
                reading.set_value(true);
                let missing: Vec<u32> = docs
                    .iter()
                    .zip(&texts)
                    .filter(|(_, t)| t.is_none())
                    .map(|(&d, _)| d as u32)
                    .collect();
                leptos::task::spawn_local(async move {
                    let read = shards.read_texts(&missing).await;
                    reading.set_value(false);
                    retry.failed.set(read.err());
                });
            }
            return reading_them();
        }
        let articles = docs
            .into_iter()
            .zip(texts.into_iter().flatten())
            .map(|(d, a)| {
                // One layout of the article for all its keywords, reading
                // only the paragraphs that hold a match.
                let layout = Layout::of(&a, a.info());
                let groups = kws
                    .iter()
                    .zip(&matches)
                    .enumerate()
                    .filter(|(i, _)| counts_in(*i, d))
                    .map(|(_, (k, m))| {
                        // The reader marks the keyword (not its line's filter).
                        let mark = k.query.to_string();
                        let lines = keyword_in_context_of(&layout, &ix.match_spans(m, d), 8);
                        let more = lines.len().saturating_sub(CONTEXT_LINES);
                        // The rest are in the article: a link to the first not listed.
                        // The article opens with the keyword marked (`mark`,
                        // not the search: the chart's selection stays), and
                        // its way back returns here, at this period.
                        let rest = (lines.len() > CONTEXT_LINES).then(|| {
                            url.href(&[
                                (params::ARTICLE.name, Some(&a.id)),
                                (params::MARK.name, Some(&mark)),
                                (params::MATCH.name, Some(&CONTEXT_LINES.to_string())),
                            ])
                        });
                        let rows = lines
                            .into_iter()
                            .take(CONTEXT_LINES)
                            .enumerate()
                            .map(|(number, l)| {
                                let l = super::KwicCells::of(l);
                                let dir = l.dir;
                                let href = url.href(&[
                                    (params::ARTICLE.name, Some(&a.id)),
                                    (params::MARK.name, Some(&mark)),
                                    (params::MATCH.name, Some(&number.to_string())),
                                ]);
                                view! {
                                    <li>
                                        <QueryLink href=Signal::stored(href) class="kwic-line">
                                            <span class="kwic-left"><span dir=dir>{l.left}</span></span>
                                            <span class="kwic-key" dir=dir>{marked_text(l.matched, true)}</span>
                                            <span class="kwic-right"><span dir=dir>{l.right}</span></span>
                                        </QueryLink>
                                    </li>
                                }
                            })
                            .collect_view();
                        view! {
                            <h5>{format!("{} ", k.label)}</h5>
                            <ol class="kwic">{rows}</ol>
                            {rest.map(|href| view! {
                                <p class="hint"><QueryLink href=Signal::stored(href)>{format!("and {more} more in this article")}</QueryLink></p>
                            })}
                        }
                    })
                    .collect_view();
                view! {
                    <article class="year-article">
                        <h4>{a.title.clone()}" "<span class="hint">{a.display_date()}</span></h4>
                        {groups}
                    </article>
                }
            })
            .collect_view();
        view! { {left_out}{articles} }.into_any()
    };
    // The period's dates, stated (a year's and a day's label are their dates).
    let heading_text = match period.grain {
        Grain::Year | Grain::Day => format!("{}: keywords in context", period.label()),
        _ => format!(
            "{} ({}): keywords in context",
            period.label(),
            period.span_label()
        ),
    };
    let content = move || {
        if !ready.get() {
            return view! { <p class="counting">"Finding the contexts…"</p> }.into_any();
        }
        // Timed for the benchmarks (a User Timing measure).
        crate::slices::measured("trends:year-contexts", contexts)
    };
    view! {
        <section class="year-contexts" aria-labelledby="year-contexts-heading">
            <div class="contexts-head">
                <h3 id="year-contexts-heading" tabindex="-1" node_ref=heading>{heading_text}</h3>
                <button type="button" class="link-button" on:click=back>{format!("↑ Back to {label} on the chart")}</button>
            </div>
            {content}
        </section>
    }
}
