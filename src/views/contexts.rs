//! Contexts: the node's concordance (keyword in context, sortable, paged),
//! where its matches fall in each article, and its collocates. The node is
//! the text part of the search box's query; facets and field clauses narrow
//! the articles as everywhere. The engine computes
//! ([`lens_engine::stats::contexts`]); this file draws.
//!
//! URL parameters: `ctx` (context words), `s1`, `s2`, `s3` (sort keys),
//! `cpage` (the concordance's page), `wl`, `wr`, `cmin`, `cby` and `stop=0`
//! (collocates), `near` (only lines with that word in the window).

use std::fmt::Write;
use std::sync::Arc;

use lens_engine::index::docset::DocSet;
use lens_engine::index::Index;
use lens_engine::search::Matches;
use lens_engine::stats::contexts::{
    collocate_table, concordance_table, dispersion, line_text, node_terms, number_in_article,
    CollocateJob, Counted, Near, Occurrence, OccurrenceJob, SortJob, SortKey, Window,
};
use lens_engine::stats::measures::{
    Explained, COLLOCATE_G2, EXPECTED, LOG_DICE, MI, T_SCORE, WITH_NODE,
};
use lens_engine::stats::sample::Sample;
use lens_engine::stats::words::{CountJob, Counts};
use lens_engine::steps::Steps;
use lens_engine::Corpus;
use leptos::prelude::*;

use crate::params;
use crate::search_state::{SearchState, Shared};
use crate::shards::Shards;
use crate::slices::{deferred, mark, sliced, Sliced};
use crate::url_state::{QueryLink, UrlQuery};
use crate::views::stop_list::StopWords;
use crate::views::{csv_button, provenance, thousands, Retry, UrlCheckbox, UrlNumber, UrlSelect};

/// Concordance lines on a page.
const LINES: usize = 100;
/// The page's lines are drawn in parts of this many, each a frame after the
/// one before (empty rows hold their place meanwhile): the first fills a
/// screen at once. A page of 100 lines drawn
/// and laid out in one task took 40 to 60 ms on People's Daily (a table's
/// columns are measured from every cell's text).
const PART: usize = 25;
/// Articles shown in "Where the matches fall" before "Show more".
const ARTICLES: usize = 50;
/// Collocates listed before the CSV.
const COLLOCATES: usize = 50;
/// The articles of a search a sharded corpus' Contexts reads (a stated
/// random sample of them, [`Sample`], where the search has more).
pub const SAMPLE_ARTICLES: usize = 40;

/// What Contexts reads: the index and corpus with the articles' words
/// (the whole ones; a sharded corpus', its metadata with a sample's texts
/// put in), the search's matches in that index, the articles whose lines
/// are drawn, and the sample they are, where they are one.
#[derive(Clone, PartialEq)]
struct Source {
    index: Shared<Index>,
    corpus: Shared<Corpus>,
    matches: Matches,
    docs: DocSet,
    sample: Option<Sample>,
}

impl Source {
    /// Whether `lines` are of its articles: a sample's lines found for an
    /// older sample (while the new one's are found) are not drawn with it.
    fn holds(&self, lines: &[Occurrence]) -> bool {
        self.sample.is_none() || lines.iter().all(|o| self.docs.contains(o.doc as usize))
    }

    /// The provenance of an export made from it: the search's, and the sample.
    fn provenance(&self, search: &SearchState) -> lens_engine::stats::Provenance {
        let mut p = provenance(search);
        p.sample = self
            .sample
            .as_ref()
            .map(Sample::describe)
            .unwrap_or_default();
        p
    }
}

/// What Contexts reads, once it is there (provided by the view to its parts).
type SourceSignal = Memo<Option<Source>>;

/// What a sharded corpus' Contexts reads: a sample of the search's
/// articles ([`SAMPLE_ARTICLES`]), their texts fetched, then put in the
/// metadata and indexed in slices (numbered as the corpus); `None` until
/// the current search's sample is read (a newer search stops an older
/// one's reading).
fn sampled(search: SearchState, shards: Shards) -> (SourceSignal, Retry) {
    let corpus = search.corpus;
    let sample = Memo::new(move |_| {
        search
            .matches
            .with(|m| Sample::new(corpus, &m.docs, SAMPLE_ARTICLES))
    });
    // No word to look for, or no article found: nothing to read.
    let (built, reading) = super::read_texts(
        shards,
        corpus,
        sample,
        |s: &Sample| s.docs.clone(),
        move |s: &Sample| !search.matches.with(|m| m.has_terms()) || s.docs.is_empty(),
    );
    let source = Memo::new(move |_| {
        let current = sample.get();
        built.with(|b| {
            let (s, with, index) = b.as_ref().filter(|(s, _, _)| *s == current)?;
            let matches = index.matches(
                &search.valid.with(|q| q.query.clone()),
                search.options.get(),
            );
            let mut docs = DocSet::empty(corpus.articles().len());
            s.docs.iter().for_each(|&d| docs.insert(d));
            Some(Source {
                index: Shared::Part(index.clone()),
                corpus: Shared::Part(with.clone()),
                matches,
                docs,
                sample: Some(s.clone()),
            })
        })
    });
    (source, reading)
}

/// Every match of the node in the selection, in date order: shared, not
/// copied, by what is drawn from it.
type Lines = Arc<Vec<Occurrence>>;

/// The concordance's lines as shown (narrowed, sorted), with the lines they
/// were made from (a line's number in its article is counted there).
type Shown = Arc<(Lines, Lines)>;

/// The lines a sliced job's answer holds, once it is current (not while a
/// newer one is being computed).
fn ready<T: Clone>(s: &Sliced<T>) -> Option<T> {
    s.value.clone().filter(|_| !s.busy)
}

/// The Contexts view. Everything that grows with the matches is computed in
/// slices between frames ([`sliced`]): the matches, then the concordance's
/// order and, in turn, the collocates; each block is drawn in a task of its own.
#[component]
pub fn ContextsView() -> impl IntoView {
    let url = expect_context::<UrlQuery>();
    let search = expect_context::<SearchState>();
    // Behind a prerendered page, the collocates are drawn a task after the
    // rest (takeover::later).
    let rest = crate::takeover::later(1);
    let (source, reading) = super::words_source(search, sampled, |index, corpus, m| Source {
        index: Shared::Whole(index),
        corpus: Shared::Whole(corpus),
        matches: m.clone(),
        docs: m.docs.clone(),
        sample: None,
    });
    provide_context(source);
    let nodes = Memo::new(move |_| {
        let forms = search.options.get().word_forms;
        source.with(|s| {
            s.as_ref().map_or_else(Vec::new, |s| {
                search.valid.with(|p| node_terms(&s.index, &p.query, forms))
            })
        })
    });
    let has_node = Memo::new(move |_| search.matches.with(|m| m.has_terms()));
    // Something typed that looks for no word: only filters, or only `-`.
    let only_filters = Memo::new(move |_| {
        !has_node.get()
            && search.parsed.with(Result::is_ok)
            && !search.text.with(|t| t.trim().is_empty())
    });
    let found_nothing = Memo::new(move |_| {
        has_node.get() && search.parsed.with(Result::is_ok) && search.hits.with(Vec::is_empty)
    });
    let lines = sliced("contexts:occurrences", move || {
        source.with(|s| {
            let s = s.as_ref()?;
            Some(
                OccurrenceJob::new(s.index.clone(), s.matches.clone(), &s.docs)
                    .map_output(Arc::new),
            )
        })
    });
    let (wl, wr) = (
        Memo::new(move |_| params::WL.number_or_default(&url) as usize),
        Memo::new(move |_| params::WR.number_or_default(&url) as usize),
    );
    let near_word = Memo::new(move |_| {
        // Normalised by the one rule (case, apostrophes, a possessive "’s"):
        // the word as the index knows it.
        params::NEAR.text(&url).and_then(|w| {
            lens_engine::text::tokenize::words(&w)
                .next()
                .map(|t| t.norm.into_owned())
        })
    });
    let keys = Memo::new(move |_| {
        [params::S1, params::S2, params::S3]
            .iter()
            .filter_map(|p| p.get(&url))
            .collect::<Vec<SortKey>>()
    });
    // The lines shown: narrowed to a collocate's window, then sorted.
    let shown = sliced("contexts:sort", move || {
        let from = lines.with(ready)?;
        let index = source.with(|s| s.as_ref().map(|s| s.index.clone()))?;
        let near = near_word.get().map(|w| Near {
            // A word the corpus lacks is near nothing: no term has this id.
            term: index.term_id(&w).unwrap_or(u32::MAX),
            left: wl.get(),
            right: wr.get(),
        });
        let keys = keys.get();
        let own_order = near.is_none() && keys.first().is_none_or(|k| *k == SortKey::Article);
        // None for the lines' own order (date, then position), which they
        // are in already: shared, not copied.
        let job = (!own_order).then(|| SortJob::new(index, from.to_vec(), &keys, near));
        Some(Steps::map_output(
            job,
            move |sorted: Option<Vec<Occurrence>>| -> Shown {
                let sorted = sorted.map_or_else(|| from.clone(), Arc::new);
                Arc::new((from, sorted))
            },
        ))
    });
    view! {
        <section class="contexts" aria-labelledby="contexts-heading">
            <h2 id="contexts-heading">"Contexts"</h2>
            {move || reading.map(|r| view! { <SampleNotice source=source reading=r /> })}
            // (A sharded corpus' blocks wait for the sample's texts: empty
            // tables would only stand in for them.)
            <Show when=move || has_node.get() && !found_nothing.get() && source.with(Option::is_some) fallback=move || if found_nothing.get() {
                view! { <super::results::NoMatch /> }.into_any()
            } else if only_filters.get() {
                view! {
                    <p class="empty">{move || format!("“{}” only narrows the articles (a filter, or words left out with -): contexts need a word, a phrase or a prefix to look for as well, typed beside it.", search.text.get().trim())}</p>
                }.into_any()
            } else if !has_node.get() {
                view! { <p class="empty">"Type a word, a phrase or a prefix in the search box: its contexts, where its matches fall and its collocates appear here."</p> }.into_any()
            } else {
                // The sample's texts are being read (said above).
                ().into_any()
            }>
                // A page of 100 lines is 100 links: the keyboard can jump past them.
                <nav class="jump" aria-label="Parts of this view">
                    <ul>
                        <li><a href="#concordance">"Concordance"</a></li>
                        <li><a href="#dispersion">"Where the matches fall"</a></li>
                        <li><a href="#collocates">"Collocates"</a></li>
                    </ul>
                </nav>
                // The first page is drawn as soon as its lines are in; the
                // other blocks, and the counting the collocates need, start
                // frames later (all at once would be a long task).
                <Concordance lines=lines nodes=nodes shown=shown near_word=near_word />
                <Dispersion lines=deferred(lines, 1) />
                {move || rest.get().then(|| view! { <Collocates lines=lines nodes=nodes wl=wl wr=wr /> })}
            </Show>
        </section>
    }
}

/// On a sharded corpus: which articles Contexts reads (a sample, said with
/// its rule), while their texts are read, and a failure with Try again.
#[component]
fn SampleNotice(source: SourceSignal, reading: Retry) -> impl IntoView {
    let search = expect_context::<SearchState>();
    move || {
        if let Some(alert) = reading.alert() {
            return alert;
        }
        let of = search.matches.with(|m| m.docs.len());
        let busy = source.with(Option::is_none);
        if !search.matches.with(|m| m.has_terms()) || of == 0 {
            return ().into_any();
        }
        if of <= SAMPLE_ARTICLES {
            return busy
                .then(|| view! { <p class="notice sample-notice" role="status"><span class="fetching">"Reading the articles' texts…"</span></p> })
                .into_any();
        }
        view! {
            <p class="notice sample-notice" role="status">
                {format!(
                    "This corpus is published in parts, fetched as they are needed: the concordance, where the matches fall and the collocates read a random sample of {SAMPLE_ARTICLES} of the {} articles the search finds (the {SAMPLE_ARTICLES} whose ids hash lowest: the same sample for the same search, and an article sampled stays sampled as the search narrows). Matches per period count them all.",
                    thousands(of)
                )}
                {busy.then(|| view! { <span class="fetching">" Reading the sample's texts…"</span> })}
            </p>
        }
        .into_any()
    }
}

/// The link that opens an article at one of its matches.
fn match_href(url: UrlQuery, id: &str, q: &str, k: usize) -> String {
    url.href(&[
        (params::VIEW.name(), None),
        (params::ARTICLE.name, Some(id)),
        (params::Q.name, Some(q)),
        (params::MATCH.name, Some(&k.to_string())),
    ])
}

/// The node as an export names it: its words, as the index holds them.
fn node_label(index: &lens_engine::index::Index, nodes: &[u32]) -> String {
    let words: Vec<&str> = nodes.iter().map(|&t| index.term(t)).collect();
    words.join(" ")
}

/// How many matches, in how many articles.
fn match_count(lines: &[Occurrence]) -> (usize, usize) {
    let articles = lines.chunk_by(|a, b| a.doc == b.doc).count();
    (lines.len(), articles)
}

/// "Concordance": a page of lines in three aligned columns, with the article.
#[component]
fn Concordance(
    lines: ReadSignal<Sliced<Lines>>,
    nodes: Memo<Vec<u32>>,
    shown: ReadSignal<Sliced<Shown>>,
    near_word: Memo<Option<String>>,
) -> impl IntoView {
    let url = expect_context::<UrlQuery>();
    let search = expect_context::<SearchState>();
    let source = expect_context::<SourceSignal>();
    let ctx = Memo::new(move |_| params::CTX.number_or_default(&url) as usize);
    let page = Memo::new(move |_| params::CPAGE.number_or_default(&url) as usize);
    let shown_len = move || shown.with(|s| s.value.as_ref().map_or(0, |v| v.1.len()));
    let pages = move || shown_len().div_ceil(LINES).max(1);
    let page_now = move || page.get().min(pages());
    let at_start = move || page_now() <= 1;
    let at_end = move || page_now() >= pages();
    // A new page starts at the top of the concordance, with the focus
    // there: the pager's button is far below the new first line.
    let section = NodeRef::<leptos::html::Section>::new();
    let go = move |p: usize| {
        url.navigate(&url.href(&[(params::CPAGE.name, params::CPAGE.written(&p.to_string()))]));
        if let Some(s) = section.get_untracked() {
            let _ = s.focus();
            s.scroll_into_view();
        }
    };
    let status = move || {
        if lines.with(|l| l.busy) {
            return "Finding the matches…".to_string();
        }
        let (n, m) = lines.with(|l| l.value.as_ref().map_or((0, 0), |l| match_count(l)));
        let shown_n = shown_len();
        let range = if shown_n == 0 {
            String::new()
        } else {
            let from = (page_now() - 1) * LINES + 1;
            format!(
                " · lines {}–{} of {}",
                thousands(from),
                thousands((from + LINES - 1).min(shown_n)),
                thousands(shown_n)
            )
        };
        let narrowed = near_word
            .get()
            .map(|w| format!(" · only those with “{w}” nearby"))
            .unwrap_or_default();
        let sorting = if shown.with(|s| s.busy) {
            " · sorting…"
        } else {
            ""
        };
        let sampled = source.with(|s| {
            s.as_ref()
                .and_then(|s| s.sample.as_ref())
                .map(Sample::describe)
                .filter(|d| !d.is_empty())
                .map(|d| format!(" (a {d})"))
                .unwrap_or_default()
        });
        format!(
            "{} match{} in {} article{}{sampled}{narrowed}{range}{sorting}",
            thousands(n),
            if n == 1 { "" } else { "es" },
            thousands(m),
            if m == 1 { "" } else { "s" }
        )
    };
    // What the lines drawn show: the lines (by identity), the page and the
    // context's length. The page's later parts follow it a frame apart.
    let drawing = Memo::new(move |_| {
        let lines = shown.with(|s| s.value.as_ref().map(|v| Arc::as_ptr(v) as usize));
        (lines, page_now(), ctx.get())
    });
    // Where a part's lines start among those shown, and how many it has.
    let part_lines = move |part: usize| {
        let from = (page_now() - 1) * LINES + part * PART;
        (from, shown_len().saturating_sub(from).min(PART))
    };
    let rows = move |part: usize| {
        let k = ctx.get();
        let (from, _) = part_lines(part);
        let Some(src) = source.get() else {
            return Vec::new();
        };
        let Source { index, corpus, .. } = &src;
        shown.with(|s| {
            let Some(v) = s.value.as_ref().filter(|v| src.holds(&v.1)) else {
                return Vec::new();
            };
            let (all, sorted) = &**v;
            sorted
                .iter()
                .skip(from)
                .take(PART)
                .map(|o| {
                    let a = &corpus.articles()[o.doc as usize];
                    let t = super::KwicCells::of(line_text(index, a, o, k));
                    let dir = t.dir;
                    let (id, k_in) = (a.id.clone(), number_in_article(all, o));
                    // Its own signal: typing redraws no line (see `UrlQuery::link`).
                    let href = Signal::derive(move || match_href(url, &id, &search.text.get(), k_in));
                    view! {
                        <tr>
                            <td class="kwic-left"><span dir=dir>{t.left}</span></td>
                            <td class="kwic-key"><QueryLink href=href><mark dir=dir>{t.matched}</mark></QueryLink></td>
                            <td class="kwic-right"><span dir=dir>{t.right}</span></td>
                            <td class="kwic-article">{a.title.clone()}<span class="hint">{format!(" · {}", a.display_date())}</span></td>
                        </tr>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    let make_csv = move || {
        let Some(src) = source.get_untracked() else {
            return String::new();
        };
        let node = node_label(&src.index, &nodes.get_untracked());
        shown.with_untracked(|s| {
            let lines = s.value.iter().flat_map(|v| v.1.iter());
            let from = src.provenance(&search);
            concordance_table(
                &src.index,
                src.corpus.articles(),
                lines,
                ctx.get_untracked(),
                &node,
                &from,
            )
            .to_csv()
        })
    };
    view! {
        <section class="concordance" id="concordance" tabindex="-1" aria-labelledby="concordance-heading" node_ref=section>
            <h3 id="concordance-heading">"Concordance"</h3>
            <p class="counting" role="status">{status}</p>
            <PeriodStrip />
            <div class="list-controls">
                <UrlNumber label="Context" param=params::CTX after="words" />
                <UrlSelect label="Sort lines by" param=params::S1.param class="field" />
                <UrlSelect label="then by" param=params::S2.param class="field" />
                <UrlSelect label="and then by" param=params::S3.param class="field" />
                {csv_button("corpus-lens-concordance.csv", "concordance", make_csv)}
            </div>
            <div class="table-wrap">
                <table class="kwic-table">
                    <caption>"Concordance"</caption>
                    <thead><tr>
                        <th scope="col" class="kwic-left">"Left context"</th><th scope="col">"Match"</th>
                        <th scope="col">"Right context"</th><th scope="col">"Article"</th>
                    </tr></thead>
                    <tbody>
                        {(0..LINES.div_ceil(PART))
                            .map(|part| {
                                // Drawn a frame after the part before it, once it
                                // shows what the first part shows. Until then, none
                                // of the old lines it held: as many empty rows of a
                                // line's height, so that nothing below moves.
                                let caught_up = (part > 0).then(|| deferred(drawing, part as u32));
                                (move || {
                                    if caught_up.is_none_or(|c| c.get() == drawing.get()) {
                                        return rows(part).into_any();
                                    }
                                    (0..part_lines(part).1)
                                        .map(|_| view! { <tr class="pending" aria-hidden="true"><td colspan="4">"\u{a0}"</td></tr> })
                                        .collect_view()
                                        .into_any()
                                })
                                .into_any()
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
            <div class="pager">
                <button type="button" class="more" disabled=at_start on:click=move |_| go(page_now() - 1)>"Previous"</button>
                <span>{move || format!("Page {} of {}", page_now(), pages())}</span>
                <button type="button" class="more" disabled=at_end on:click=move |_| go(page_now() + 1)>"Next"</button>
            </div>
        </section>
    }
}

/// Where the matches fall in time: a bar per period of the grain (the
/// Trends grain, `grain=`; Auto's for the matching articles when none is
/// chosen; a coarser one where that has more than 120 periods, said) with
/// its number of matches; a click on a bar narrows the search to its
/// period (the nearest with matches). Its numbers are a table below, each
/// period with matches a link that narrows so: the keyboard's way, and a
/// screen reader's. Articles dated less precisely than the grain are said,
/// not placed.
#[component]
fn PeriodStrip() -> impl IntoView {
    let url = expect_context::<UrlQuery>();
    let search = expect_context::<SearchState>();
    let corpus = search.corpus;
    // Every match of the search (the index served has its terms, sharded
    // or not), not only a sample's.
    let strip = Memo::new(move |_| {
        let chosen = params::GRAIN.get(&url);
        let index = search.index.get();
        search.matches.with(|m| {
            let grain =
                chosen.unwrap_or_else(|| lens_engine::stats::trends::auto_grain(corpus, &m.docs));
            let (drawn, rows, left_out) =
                lens_engine::stats::trends::strip(corpus, &index, m, grain);
            (grain, drawn, rows, left_out)
        })
    });
    move || {
        let (chosen, grain, rows, left_out) = strip.get();
        if rows.is_empty() {
            return None;
        }
        let unit = grain.name().to_lowercase();
        let max = rows.iter().map(|r| r.1).max().unwrap_or(1).max(1);
        // Tracked: the links follow every edit of the query, even one that
        // leaves the counts as they were.
        let text = search.text.get();
        // Each period's link (none without matches).
        let hrefs: Vec<Option<String>> = rows
            .iter()
            .map(|&(p, n)| {
                (n > 0).then(|| {
                    let next = search
                        .valid
                        .with(|q| lens_engine::search::facets::narrow_to_period(&text, q, p));
                    url.href(&[(params::Q.name, Some(next.as_str()))])
                })
            })
            .collect();
        let says = |label: &str, n: usize| {
            format!(
                "{label}: {} match{}",
                thousands(n),
                if n == 1 { "" } else { "es" }
            )
        };
        // The bars as a drawing: a bar is a few pixels wide (120 in a
        // line), too small a target for a finger (WCAG 2.5.8 wants 24 px)
        // and a tab stop each; a click opens the nearest period with
        // matches, and the table below is the way for the keyboard.
        let bars = rows
            .iter()
            .enumerate()
            .map(|(i, &(p, n))| {
                let height = format!("height: {:.0}%", 100.0 * n as f64 / max as f64);
                view! { <li class:empty={n == 0} title=says(&p.label(), n) data-i=i.to_string()><span class="bar" style=height></span></li> }
            })
            .collect_view();
        let table = rows
            .iter()
            .zip(&hrefs)
            .map(|(&(p, n), href)| {
                let label = p.label();
                let period = match href {
                    Some(h) => view! { <QueryLink href=Signal::stored(h.clone()) class="period-link">{label}</QueryLink> }.into_any(),
                    None => label.into_any(),
                };
                view! { <tr><th scope="row">{period}</th><td class="num">{thousands(n)}</td></tr> }
            })
            .collect_view();
        let open = move |ev: web_sys::MouseEvent| {
            let Some(i) = ev
                .target()
                .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
                .and_then(|el| el.closest("li[data-i]").ok().flatten())
                .and_then(|li| li.get_attribute("data-i")?.parse::<usize>().ok())
            else {
                return;
            };
            // The nearest period with matches (the earlier of two as near).
            let nearest = (hrefs.iter().enumerate())
                .filter_map(|(j, h)| Some((i.abs_diff(j), j, h.as_ref()?)))
                .min();
            if let Some((_, _, href)) = nearest {
                url.navigate(href);
            }
        };
        let unit_title = {
            let mut c = unit.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        };
        Some(view! {
            <div class="period-strip">
                <p class="hint" id="period-strip-label">{format!("Matches per {unit}")}
                    {(grain != chosen).then(|| format!(" (by {} there would be too many bars)", chosen.name().to_lowercase()))}
                    {(left_out > 0).then(|| format!(" ({} article{} dated less precisely than a {unit} not placed)", thousands(left_out), if left_out == 1 { "" } else { "s" }))}
                </p>
                <ul aria-hidden="true" on:click=open>{bars}</ul>
                <details class="period-table">
                    <summary>{format!("Matches per {unit}, as a table")}</summary>
                    <table>
                        <thead><tr><th scope="col">{unit_title}</th><th scope="col" class="num">"Matches"</th></tr></thead>
                        <tbody>{table}</tbody>
                    </table>
                </details>
            </div>
        })
    }
}

/// "Where the matches fall": per article, a bar with a tick at each match.
#[component]
fn Dispersion(lines: ReadSignal<Sliced<Lines>>) -> impl IntoView {
    let url = expect_context::<UrlQuery>();
    let search = expect_context::<SearchState>();
    let source = expect_context::<SourceSignal>();
    let shown = RwSignal::new(ARTICLES);
    let rows = move || {
        // Drawn again when the lines change, not on every keystroke: the
        // query as it is when they arrive (the query they were found for).
        let q = search.text.get_untracked();
        // For the benchmark: from here to the rows in the document is the block's own cost.
        mark("contexts:dispersion");
        let Some(src) = source.get() else {
            return Vec::new();
        };
        let Source { index, corpus, .. } = &src;
        lines.with(|l| {
            let Some(occ) = l.value.as_ref().filter(|o| src.holds(o)) else {
                return Vec::new();
            };
            dispersion(index, occ)
                .into_iter()
                .take(shown.get())
                .map(|d| {
                    let a = &corpus.articles()[d.doc as usize];
                    let n = d.at.len();
                    // The link is made from the URL as it is now, untracked:
                    // another sort or page of the concordance redraws no row.
                    let first = untrack(|| match_href(url, &a.id, &q, 0));
                    // The ticks as one drawing: a click or tap opens the
                    // nearest match. Not a link a tick: a 3 px link is no
                    // target for a finger (WCAG 2.5.8 wants 24 px, and
                    // matches stand closer), and a hundred tab stops a row
                    // are no way through a table for the keyboard, which
                    // opens the first match by the count and goes on with
                    // the reader's "Next match".
                    // One tick per place the 1,000-wide drawing can tell apart.
                    let mut path = String::with_capacity(d.at.len().min(1000) * 8);
                    let mut last = u32::MAX;
                    for x in &d.at {
                        let p = (x * 1000.0) as u32;
                        if p != last {
                            let _ = write!(path, "M{p} 0v10");
                            last = p;
                        }
                    }
                    let at = d.at.clone();
                    let id = a.id.clone();
                    let q = q.clone();
                    let open = move |ev: web_sys::MouseEvent| {
                        let Some(el) = ev.current_target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok()) else { return };
                        let r = el.get_bounding_client_rect();
                        let x = (ev.client_x() as f64 - r.left()) / r.width().max(1.0);
                        // The nearest of the matches on either side of the click.
                        let k = at.partition_point(|&p| p < x);
                        let k = match k.checked_sub(1) {
                            Some(before) if k == at.len() || x - at[before] < at[k] - x => before,
                            _ => k,
                        };
                        url.navigate(&match_href(url, &id, &q, k));
                    };
                    let strip = view! {
                        <svg class="strip-ticks" viewBox="0 0 1000 10" preserveAspectRatio="none" aria-hidden="true" on:click=open>
                            <path d=path stroke="currentColor" stroke-width="3" vector-effect="non-scaling-stroke" />
                        </svg>
                    };
                    view! {
                        <tr>
                            <th scope="row">{a.title.clone()}<span class="hint">{format!(" · {}", a.display_date())}</span></th>
                            <td class="strip-cell"><div class="strip">{strip}</div></td>
                            <td class="num"><QueryLink href=Signal::stored(first)>{thousands(n)}</QueryLink></td>
                            <td class="num">{format!("{:.2}", d.per_10k)}</td>
                        </tr>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    let more = move || {
        let n = lines.with(|l| l.value.as_ref().map_or(0, |l| match_count(l).1));
        (n > shown.get()).then(|| view! {
            <button type="button" class="more" on:click=move |_| shown.update(|s| *s += ARTICLES)>
                {format!("Show {} more (of {})", (n - shown.get()).min(ARTICLES), thousands(n))}
            </button>
        })
    };
    view! {
        <section class="dispersion laid-out-later" id="dispersion" tabindex="-1" aria-labelledby="dispersion-heading">
            <h3 id="dispersion-heading">"Where the matches fall"</h3>
            <div class="table-wrap">
                <table class="word-table">
                    <caption>"Where the matches fall: each article's matches from its start (left) to its end (right)"</caption>
                    <thead><tr><th scope="col">"Article"</th><th scope="col">"Matches along the article"</th><th scope="col" class="num">"Count"</th><th scope="col" class="num">"Per 10,000 words"</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
                {more}
            </div>
        </section>
    }
}

/// The selection's word counts, for the collocates' f_y and N, with the
/// index whose terms they count.
type SelectionCounts = (Shared<Index>, Arc<Counts>);

/// "Collocates": words near the node, with four association measures.
/// The collocates table's measures, in its column order.
const COLLOCATE_MEASURES: &[Explained] =
    &[WITH_NODE, EXPECTED, LOG_DICE, MI, T_SCORE, COLLOCATE_G2];

#[component]
fn Collocates(
    lines: ReadSignal<Sliced<Lines>>,
    nodes: Memo<Vec<u32>>,
    wl: Memo<usize>,
    wr: Memo<usize>,
) -> impl IntoView {
    let url = expect_context::<UrlQuery>();
    let search = expect_context::<SearchState>();
    let source = expect_context::<SourceSignal>();
    let min = Memo::new(move |_| params::CMIN.number_or_default(&url) as usize);
    let stop = Memo::new(move |_| params::stop_choice(&url, &params::STOP));
    let by = Memo::new(move |_| params::CBY.get(&url));
    // Counted once per selection (another window or minimum counts nothing again).
    // Once the lines are in, two frames later: the first page, then where
    // the matches fall, come first.
    let lines_later = deferred(lines, 2);
    let counts = sliced("contexts:counts", move || {
        lines_later.with(ready)?;
        // The articles whose lines are drawn: the search's, or the sample's.
        source.with(|s| {
            let s = s.as_ref()?;
            let index = s.index.clone();
            Some(CountJob::new(s.index.clone(), &s.docs).map_output(move |c| (index, Arc::new(c))))
        })
    });
    let computed = sliced("contexts:collocates", move || {
        let from = lines.with(ready)?;
        let (counted, counts): SelectionCounts = counts.with(ready)?;
        let index = source.with(|s| s.as_ref().map(|s| s.index.clone()))?;
        // Counts of another sample's index (its own are being counted).
        if counted != index {
            return None;
        }
        let window = Window {
            left: wl.get(),
            right: wr.get(),
            stop: stop.get(),
            min: min.get(),
        };
        Some(
            CollocateJob::new(
                index.clone(),
                from,
                Counted::Done(counts),
                &nodes.get(),
                window,
            )
            .map_output(move |c| (index, c)),
        )
    });
    // The collocates with the index whose terms they name.
    let found = Memo::new(move |_| {
        computed.with(|c| {
            c.value.clone().map(|(index, mut c)| {
                by.get().sort(&mut c);
                (index, c)
            })
        })
    });
    let rows = move || {
        found.with(|found| {
            let Some((index, f)) = found else {
                return Vec::new().collect_view();
            };
            f.iter()
                .take(COLLOCATES)
                .map(|c| {
                    let w = index.term(c.term).to_string();
                    let href = url.link(&[
                        (params::NEAR.name, Some(w.as_str())),
                        (params::CPAGE.name, None),
                    ]);
                    // Seen near the node less often than chance: marked, and
                    // said in words beside the word (colour is not enough).
                    let repelled = c.g2 < 0.0;
                    view! {
                        <tr class:repelled=repelled>
                            <th scope="row"><QueryLink href=href>{w}</QueryLink>{repelled.then_some(view! { <span class="hint">" (repelled)"</span> })}</th>
                            <td class="num">{thousands(c.with_node)}</td>
                            <td class="num">{thousands(c.total)}</td>
                            <td class="num">{format!("{:.1}", c.expected)}</td>
                            <td class="num">{format!("{:.2}", c.log_dice)}</td>
                            <td class="num">{format!("{:.2}", c.mi)}</td>
                            <td class="num">{format!("{:.2}", c.t_score)}</td>
                            <td class="num">{format!("{:+.2}", c.g2)}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let make_csv = move || {
        let window = Window {
            left: wl.get_untracked(),
            right: wr.get_untracked(),
            stop: stop.get_untracked(),
            min: min.get_untracked(),
        };
        let fx = lines.with_untracked(|l| l.value.as_ref().map_or(0, |l| l.len()));
        let n = counts.with_untracked(|c| c.value.as_ref().map_or(0, |c| c.1.words));
        let Some(src) = source.get_untracked() else {
            return String::new();
        };
        found.with_untracked(|found| {
            // (Not collocates of another sample, found before this one's.)
            let Some((index, f)) = found.as_ref().filter(|(ix, _)| *ix == src.index) else {
                return String::new();
            };
            let node = node_label(index, &nodes.get_untracked());
            collocate_table(index, f, &node, fx, n, &window, &src.provenance(&search)).to_csv()
        })
    };
    view! {
        <section class="collocates laid-out-later" id="collocates" tabindex="-1" aria-labelledby="collocates-heading">
            <h3 id="collocates-heading">"Collocates"</h3>
            <div class="list-controls">
                <UrlNumber label="Window left" param=params::WL />
                <UrlNumber label="Window right" param=params::WR />
                <UrlNumber label="At least" param=params::CMIN after="times" />
                <UrlSelect label="Order collocates by" param=params::CBY.param class="field" />
                <UrlCheckbox label="Leave out stop words" param=params::STOP />
                {csv_button("corpus-lens-collocates.csv", "collocates", make_csv)}
            </div>
            <StopWords id="collocates" />
            <div class="table-wrap">
                <table class="word-table">
                    <caption>{move || format!("Collocates ({}){}", thousands(found.with(|f| f.as_ref().map_or(0, |(_, c)| c.len()))), if computed.with(|c| c.busy) { " · counting…" } else { "" })}</caption>
                    <thead><tr>
                        <th scope="col">"Word"</th><th scope="col" class="num">"With node"</th><th scope="col" class="num">"Total"</th><th scope="col" class="num">"Expected"</th>
                        <th scope="col" class="num">"logDice"</th><th scope="col" class="num">"MI"</th><th scope="col" class="num">"T-score"</th><th scope="col" class="num">"G²"</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <super::MeaningOf measures=COLLOCATE_MEASURES section=lens_engine::stats::measures::SECTION_COLLOCATES />
        </section>
    }
}
