//! Contexts: the node's concordance (keyword in context, sortable, paged),
//! where its matches fall in each article, and its collocates. The node is
//! the text part of the search box's query; facets and field clauses narrow
//! the articles as everywhere. The engine computes
//! ([`lens_engine::contexts`]); this file draws.
//!
//! URL parameters: `ctx` (context words), `s1`, `s2`, `s3` (sort keys),
//! `cpage` (the concordance's page), `wl`, `wr`, `cmin`, `cby` and `stop=0`
//! (collocates), `near` (only lines with that word in the window).

use lens_engine::contexts::{
    collocates, dispersion, line_text, near, node_terms, occurrences, sort, Collocate, Occurrence,
    SortKey,
};
use lens_engine::words::{count_words, csv};
use leptos::prelude::*;

use crate::download::offer_text;
use crate::params;
use crate::search_state::SearchState;
use crate::slices::measured;
use crate::url_state::{QueryLink, UrlQuery};
use crate::views::{on_number, thousands, UrlCheckbox, UrlSelect};

/// Concordance lines on a page.
const LINES: usize = 100;
/// Articles shown in "Where the matches fall" before "Show more".
const ARTICLES: usize = 50;
/// An article with at most this many matches has a link per tick; one with
/// more draws its ticks as one picture (a click opens the nearest match).
const TICK_LINKS: usize = 100;
/// Collocates listed before the CSV.
const COLLOCATES: usize = 50;

/// A sort key from its URL value (`None` for "none").
fn sort_key(v: &str) -> Option<SortKey> {
    match v {
        "article" => Some(SortKey::Article),
        "match" => Some(SortKey::Match),
        _ => {
            let (n, side) = v.split_at(1);
            let n: u8 = n.parse().ok()?;
            match side {
                "L" => Some(SortKey::Left(n)),
                "R" => Some(SortKey::Right(n)),
                _ => None,
            }
        }
    }
}

/// The node's matches in the selection, each with its number among its
/// article's matches (what `match=` opens), in date order.
#[derive(Clone, Debug, PartialEq)]
struct Lines {
    all: Vec<(Occurrence, usize)>,
}

/// The Contexts view.
#[component]
pub fn ContextsView() -> impl IntoView {
    let url = expect_context::<UrlQuery>();
    let search = expect_context::<SearchState>();
    let index = search.index;
    let nodes = Memo::new(move |_| {
        search
            .valid
            .with(|p| node_terms(index, &p.query, search.options.get().word_forms))
    });
    let has_node = Memo::new(move |_| search.matches.with(|m| m.has_terms()));
    // Every match, numbered within its article.
    let lines = Memo::new(move |_| {
        search.matches.with(|m| {
            let occ = measured("contexts:occurrences", || occurrences(index, m, &m.docs));
            let mut numbered = Vec::with_capacity(occ.len());
            let mut k = 0;
            for (i, o) in occ.iter().enumerate() {
                k = if i > 0 && occ[i - 1].doc == o.doc {
                    k + 1
                } else {
                    0
                };
                numbered.push((*o, k));
            }
            Lines { all: numbered }
        })
    });
    let (wl, wr) = (
        Memo::new(move |_| params::WL.number_or_default(&url) as usize),
        Memo::new(move |_| params::WR.number_or_default(&url) as usize),
    );
    let near_word = Memo::new(move |_| {
        params::NEAR
            .text(&url)
            .map(|w| w.trim().to_lowercase())
            .filter(|w| !w.is_empty())
    });
    // The lines shown: narrowed to a collocate's window, then sorted.
    let shown = Memo::new(move |_| {
        let keys: Vec<SortKey> = [params::S1, params::S2, params::S3]
            .iter()
            .filter_map(|p| sort_key(p.options()[p.choice(&url)].0))
            .collect();
        lines.with(|l| {
            let mut occ: Vec<Occurrence> = l.all.iter().map(|(o, _)| *o).collect();
            if let Some(w) = near_word.get() {
                occ = match index.term_id(&w) {
                    Some(t) => near(index, &occ, t, wl.get(), wr.get()),
                    None => Vec::new(),
                };
            }
            measured("contexts:sort", || sort(index, &mut occ, &keys));
            occ
        })
    });
    view! {
        <section class="contexts" aria-labelledby="contexts-heading">
            <h2 id="contexts-heading">"Contexts"</h2>
            <Show when=move || has_node.get() fallback=|| view! {
                <p class="empty">"Type a word, a phrase or a prefix in the search box: its contexts, where its matches fall and its collocates appear here."</p>
            }>
                <Concordance lines=lines shown=shown near_word=near_word />
                <Dispersion lines=lines />
                <Collocates lines=lines nodes=nodes wl=wl wr=wr />
            </Show>
        </section>
    }
}

/// The link that opens an article at one of its matches.
fn match_href(url: UrlQuery, id: &str, q: &str, k: usize) -> String {
    url.href(&[
        (params::VIEW.name, None),
        (params::ARTICLE.name, Some(id)),
        (params::Q.name, Some(q)),
        (params::MATCH.name, Some(&k.to_string())),
    ])
}

/// "Concordance": a page of lines in three aligned columns, with the article.
#[component]
fn Concordance(
    lines: Memo<Lines>,
    shown: Memo<Vec<Occurrence>>,
    near_word: Memo<Option<String>>,
) -> impl IntoView {
    let url = expect_context::<UrlQuery>();
    let search = expect_context::<SearchState>();
    let (index, corpus) = (search.index, search.corpus);
    let ctx = Memo::new(move |_| params::CTX.number_or_default(&url) as usize);
    let page = Memo::new(move |_| params::CPAGE.number_or_default(&url) as usize);
    // Each match's number in its article, for the link that opens it there.
    let number = move |o: &Occurrence| {
        lines.with(|l| {
            l.all
                .binary_search_by(|(x, _)| (x.doc, x.start).cmp(&(o.doc, o.start)))
                .map_or(0, |i| l.all[i].1)
        })
    };
    let pages = move || shown.with(Vec::len).div_ceil(LINES).max(1);
    let page_now = move || page.get().min(pages());
    let at_start = move || page_now() <= 1;
    let at_end = move || page_now() >= pages();
    let go = move |p: usize| {
        url.navigate(&url.href(&[(params::CPAGE.name, params::CPAGE.written(&p.to_string()))]));
    };
    let status = move || {
        let (n, m) = lines.with(|l| {
            let mut docs: Vec<u32> = l.all.iter().map(|(o, _)| o.doc).collect();
            docs.dedup();
            (l.all.len(), docs.len())
        });
        let shown_n = shown.with(Vec::len);
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
        format!(
            "{} match{} in {} article{}{narrowed}{range}",
            thousands(n),
            if n == 1 { "" } else { "es" },
            thousands(m),
            if m == 1 { "" } else { "s" }
        )
    };
    let rows = move || {
        let q = search.text.get();
        let k = ctx.get();
        let from = (page_now() - 1) * LINES;
        shown.with(|s| {
            s.iter()
                .skip(from)
                .take(LINES)
                .map(|o| {
                    let a = &corpus.articles()[o.doc as usize];
                    let t = line_text(index, a, o, k);
                    let href = match_href(url, &a.id, &q, number(o));
                    view! {
                        <tr>
                            <td class="kwic-left">{t.left}</td>
                            <td class="kwic-key"><QueryLink href=Signal::stored(href)><mark>{t.matched}</mark></QueryLink></td>
                            <td class="kwic-right">{t.right}</td>
                            <td class="kwic-article">{a.title.clone()}<span class="hint">{format!(" · {}", a.display_date())}</span></td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let make_csv = move || {
        let k = ctx.get_untracked();
        let rows: Vec<Vec<String>> = shown.with_untracked(|s| {
            s.iter()
                .map(|o| {
                    let a = &corpus.articles()[o.doc as usize];
                    let t = line_text(index, a, o, k);
                    vec![
                        t.left,
                        t.matched,
                        t.right,
                        a.id.clone(),
                        a.title.clone(),
                        a.date.iso(),
                    ]
                })
                .collect()
        });
        csv(
            &[
                "Left context",
                "Match",
                "Right context",
                "Article",
                "Title",
                "Date",
            ],
            &rows,
        )
    };
    let on_ctx = on_number(url, params::CTX);
    let (lo, hi) = params::CTX.bounds();
    view! {
        <section class="concordance" aria-labelledby="concordance-heading">
            <h3 id="concordance-heading">"Concordance"</h3>
            <p class="counting" role="status">{status}</p>
            <div class="list-controls">
                <label class="field">"Context "
                    <input type="number" min=lo max=hi step="1" prop:value=move || ctx.get().to_string() on:input=on_ctx />
                    " words"
                </label>
                <UrlSelect label="Sort lines by" param=params::S1 class="field" />
                <UrlSelect label="then by" param=params::S2 class="field" />
                <UrlSelect label="and then by" param=params::S3 class="field" />
                <button type="button" class="csv" aria-label="Download CSV: concordance" on:click=move |_| {
                    offer_text("corpus-lens-concordance.csv", "text/csv;charset=utf-8", &make_csv());
                }>"Download CSV"</button>
            </div>
            <div class="table-wrap">
                <table class="kwic-table">
                    <caption>"Concordance"</caption>
                    <thead><tr>
                        <th scope="col" class="kwic-left">"Left context"</th><th scope="col">"Match"</th>
                        <th scope="col">"Right context"</th><th scope="col">"Article"</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
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

/// "Where the matches fall": per article, a bar with a tick at each match.
#[component]
fn Dispersion(lines: Memo<Lines>) -> impl IntoView {
    let url = expect_context::<UrlQuery>();
    let search = expect_context::<SearchState>();
    let (index, corpus) = (search.index, search.corpus);
    let shown = RwSignal::new(ARTICLES);
    let rows = move || {
        let q = search.text.get();
        lines.with(|l| {
            let occ: Vec<Occurrence> = l.all.iter().map(|(o, _)| *o).collect();
            dispersion(index, &occ)
                .into_iter()
                .take(shown.get())
                .map(|d| {
                    let a = &corpus.articles()[d.doc as usize];
                    let n = d.at.len();
                    // The links are made from the URL as it is now, untracked:
                    // another sort or page of the concordance redraws no tick.
                    let href = |k: usize| untrack(|| match_href(url, &a.id, &q, k));
                    let first = href(0);
                    let strip = if n <= TICK_LINKS {
                        // Few: a tick is a link to its match.
                        d.at.iter()
                            .enumerate()
                            .map(|(k, &x)| {
                                view! {
                                    <QueryLink href=Signal::stored(href(k)) class="tick">
                                        <span class="visually-hidden">{format!("Match {} of {n}", k + 1)}</span>
                                    </QueryLink>
                                }
                                .attr("style", format!("left: {:.2}%", x * 100.0))
                            })
                            .collect_view()
                            .into_any()
                    } else {
                        // Many: the ticks as one drawing; a click opens the
                        // nearest match (the count links to the first).
                        let path: String = d.at.iter().map(|x| format!("M{:.1} 0v10", x * 1000.0)).collect();
                        let at = d.at.clone();
                        let id = a.id.clone();
                        let q = q.clone();
                        let open = move |ev: web_sys::MouseEvent| {
                            let Some(el) = ev.current_target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok()) else { return };
                            let r = el.get_bounding_client_rect();
                            let x = (ev.client_x() as f64 - r.left()) / r.width().max(1.0);
                            let k = at.partition_point(|&p| p < x).min(at.len() - 1);
                            url.navigate(&match_href(url, &id, &q, k));
                        };
                        view! {
                            <svg class="strip-ticks" viewBox="0 0 1000 10" preserveAspectRatio="none" aria-hidden="true" on:click=open>
                                <path d=path stroke="currentColor" stroke-width="3" vector-effect="non-scaling-stroke" />
                            </svg>
                        }
                        .into_any()
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
                .collect_view()
        })
    };
    let more = move || {
        let n = lines.with(|l| {
            let mut docs: Vec<u32> = l.all.iter().map(|(o, _)| o.doc).collect();
            docs.dedup();
            docs.len()
        });
        (n > shown.get()).then(|| view! {
            <button type="button" class="more" on:click=move |_| shown.update(|s| *s += ARTICLES)>
                {format!("Show {} more (of {})", (n - shown.get()).min(ARTICLES), thousands(n))}
            </button>
        })
    };
    view! {
        <section class="dispersion" aria-labelledby="dispersion-heading">
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

/// "Collocates": words near the node, with four association measures.
#[component]
fn Collocates(
    lines: Memo<Lines>,
    nodes: Memo<Vec<u32>>,
    wl: Memo<usize>,
    wr: Memo<usize>,
) -> impl IntoView {
    let url = expect_context::<UrlQuery>();
    let search = expect_context::<SearchState>();
    let index = search.index;
    let min = Memo::new(move |_| params::CMIN.number_or_default(&url) as usize);
    let stop = Memo::new(move |_| params::STOP.flag(&url));
    let by = Memo::new(move |_| params::CBY.choice(&url));
    let counts = Memo::new(move |_| search.matches.with(|m| count_words(index, &m.docs)));
    let found = Memo::new(move |_| {
        let occ: Vec<Occurrence> = lines.with(|l| l.all.iter().map(|(o, _)| *o).collect());
        let mut c = counts.with(|c| {
            collocates(
                index,
                &occ,
                c,
                &nodes.get(),
                wl.get(),
                wr.get(),
                stop.get(),
                min.get(),
            )
        });
        let key = |x: &Collocate| match by.get() {
            1 => x.mi,
            2 => x.t_score,
            3 => x.g2,
            _ => x.log_dice,
        };
        c.sort_by(|a, b| key(b).total_cmp(&key(a)).then(a.term.cmp(&b.term)));
        c
    });
    let number = move |p: params::Param| on_number(url, p);
    let rows = move || {
        found.with(|f| {
            f.iter()
                .take(COLLOCATES)
                .map(|c| {
                    let w = index.term(c.term).to_string();
                    let href = url.href(&[(params::NEAR.name, Some(w.as_str())), (params::CPAGE.name, None)]);
                    view! {
                        <tr>
                            <th scope="row"><QueryLink href=Signal::stored(href)>{w}</QueryLink></th>
                            <td class="num">{thousands(c.with_node)}</td>
                            <td class="num">{thousands(c.total)}</td>
                            <td class="num">{format!("{:.2}", c.log_dice)}</td>
                            <td class="num">{format!("{:.2}", c.mi)}</td>
                            <td class="num">{format!("{:.2}", c.t_score)}</td>
                            <td class="num">{format!("{:.2}", c.g2)}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let make_csv = move || {
        let rows: Vec<Vec<String>> = found.with_untracked(|f| {
            f.iter()
                .map(|c| {
                    vec![
                        index.term(c.term).to_string(),
                        c.with_node.to_string(),
                        c.total.to_string(),
                        format!("{:.4}", c.log_dice),
                        format!("{:.4}", c.mi),
                        format!("{:.4}", c.t_score),
                        format!("{:.4}", c.g2),
                    ]
                })
                .collect()
        });
        csv(
            &[
                "Word",
                "With node",
                "Total",
                "logDice",
                "MI",
                "T-score",
                "G²",
            ],
            &rows,
        )
    };
    view! {
        <section class="collocates" aria-labelledby="collocates-heading">
            <h3 id="collocates-heading">"Collocates"</h3>
            <div class="list-controls">
                <label class="field">"Window left "
                    <input type="number" min=params::WL.bounds().0 max=params::WL.bounds().1 step="1" prop:value=move || wl.get().to_string() on:input=number(params::WL) />
                </label>
                <label class="field">"Window right "
                    <input type="number" min=params::WR.bounds().0 max=params::WR.bounds().1 step="1" prop:value=move || wr.get().to_string() on:input=number(params::WR) />
                </label>
                <label class="field">"At least "
                    <input type="number" min=params::CMIN.bounds().0 step="1" prop:value=move || min.get().to_string() on:input=number(params::CMIN) />
                    " times"
                </label>
                <UrlSelect label="Order collocates by" param=params::CBY class="field" />
                <UrlCheckbox label="Leave out stop words" param=params::STOP />
                <button type="button" class="csv" aria-label="Download CSV: collocates" on:click=move |_| {
                    offer_text("corpus-lens-collocates.csv", "text/csv;charset=utf-8", &make_csv());
                }>"Download CSV"</button>
            </div>
            <div class="table-wrap">
                <table class="word-table">
                    <caption>{move || format!("Collocates ({})", thousands(found.with(Vec::len)))}</caption>
                    <thead><tr>
                        <th scope="col">"Word"</th><th scope="col" class="num">"With node"</th><th scope="col" class="num">"Total"</th>
                        <th scope="col" class="num">"logDice"</th><th scope="col" class="num">"MI"</th><th scope="col" class="num">"T-score"</th><th scope="col" class="num">"G²"</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}
