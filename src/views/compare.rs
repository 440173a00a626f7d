//! Compare: two articles side by side, with what they share and what sets each apart.
//!
//! URL parameters: `left` and `right` (article ids), `n` (shortest shared
//! passage, 3 to 12 words; 5 by default), `stop=0` (keep stop words in the
//! lists), `link=0` (scroll the columns separately).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use crate::params;
use crate::views::marked_article;
use lens_engine::compare::{compare, CompareOptions, Comparison, Passage, WordScore};
use lens_engine::highlight::mark_article;
use lens_engine::Corpus;
use leptos::html;
use leptos::prelude::*;

use crate::search_state::SearchState;
use crate::url_state::UrlQuery;
use crate::views::thousands;

/// Which column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Side {
    Left,
    Right,
}

impl Side {
    fn param(self) -> &'static str {
        match self {
            Side::Left => params::LEFT.name,
            Side::Right => params::RIGHT.name,
        }
    }
}

/// The Compare view.
#[component]
pub fn CompareView() -> impl IntoView {
    let url = expect_context::<UrlQuery>();
    let search = expect_context::<SearchState>();
    let corpus = search.corpus;
    let pick = move |side: Side| {
        Memo::new(move |_| {
            url.get(side.param())
                .and_then(|id| corpus.find(&id).map(|(i, _)| i))
        })
    };
    let (left, right) = (pick(Side::Left), pick(Side::Right));
    let options = Memo::new(move |_| CompareOptions {
        min_passage: params::N.number_or_default(&url) as usize,
        stop_words: params::STOP.flag(&url),
        list_len: 15,
    });
    let linked = Memo::new(move |_| params::LINK.flag(&url));
    let comparison = Memo::new(move |_| match (left.get(), right.get()) {
        (Some(l), Some(r)) => Some(compare(search.index, l, r, options.get())),
        _ => None,
    });
    // The passage being pointed at (hover or focus): its twin lights up too.
    let active = RwSignal::new(None::<usize>);

    let body = move || {
        let (Some(l), Some(r), Some(c)) = (left.get(), right.get(), comparison.get()) else {
            return view! { <p class="empty">"Choose two articles to compare them side by side."</p> }.into_any();
        };
        let passages = Arc::new(c.passages.clone());
        view! {
            <Summary corpus=corpus left=l right=r comparison=c.clone() />
            <div class="word-lists">
                <WordList title="Shared terms" words=c.shared.clone() score_name=None />
                <WordList title="Distinctive to left" words=c.distinctive_left.clone() score_name=Some("G²") />
                <WordList title="Distinctive to right" words=c.distinctive_right.clone() score_name=Some("G²") />
            </div>
            <PassageList left=l passages=passages.clone() active=active truncated=c.passages_truncated />
            <Columns corpus=corpus left=l right=r passages=passages active=active linked=linked />
        }
        .into_any()
    };

    let on_n = move |ev: web_sys::Event| {
        let v = event_target_value(&ev);
        url.replace(&url.href(&[(params::N.name, params::N.written(&v))]));
    };
    let on_stop = move |ev: web_sys::Event| {
        let on = event_target_checked(&ev);
        url.navigate(&url.href(&[(params::STOP.name, (!on).then_some("0"))]));
    };
    let on_link = move |ev: web_sys::Event| {
        let on = event_target_checked(&ev);
        url.navigate(&url.href(&[(params::LINK.name, (!on).then_some("0"))]));
    };

    view! {
        <section class="compare" aria-labelledby="compare-heading">
            <h2 id="compare-heading">"Compare"</h2>
            <div class="compare-controls">
                <Chooser side=Side::Left label="Left article" chosen=left />
                <Chooser side=Side::Right label="Right article" chosen=right />
                <label class="field">"Shared passages of at least "
                    <input type="number" min=params::N.bounds().0 max=params::N.bounds().1 step="1" prop:value=move || options.get().min_passage.to_string() on:input=on_n />
                    " words"
                </label>
                <label class="field"><input type="checkbox" prop:checked=move || options.get().stop_words on:change=on_stop />" Leave out stop words"</label>
                <label class="field"><input type="checkbox" prop:checked=move || linked.get() on:change=on_link />" Scroll together"</label>
            </div>
            {body}
        </section>
    }
}

/// A chooser of one side's article, among the articles the search keeps (and the one chosen).
#[component]
fn Chooser(side: Side, label: &'static str, chosen: Memo<Option<usize>>) -> impl IntoView {
    let url = expect_context::<UrlQuery>();
    let search = expect_context::<SearchState>();
    let corpus = search.corpus;
    let id = format!("choose-{}", side.param());
    let options = move || {
        let mut docs: Vec<usize> = search.matches.with(|m| m.docs.iter().collect());
        if let Some(c) = chosen.get() {
            if !docs.contains(&c) {
                docs.push(c);
                docs.sort_unstable();
            }
        }
        docs.into_iter()
            .map(|d| {
                let a = &corpus.articles()[d];
                view! { <option value=a.id.clone() selected=chosen.get() == Some(d)>{format!("{} · {}", a.display_date(), a.title)}</option> }
            })
            .collect_view()
    };
    let on_change = move |ev: web_sys::Event| {
        let v = event_target_value(&ev);
        url.navigate(&url.href(&[(side.param(), (!v.is_empty()).then_some(v.as_str()))]));
    };
    view! {
        <div class="field chooser">
            <label for=id.clone()>{label}</label>
            <select id=id on:change=on_change>
                <option value="" selected=move || chosen.get().is_none()>"— choose an article —"</option>
                {options}
            </select>
        </div>
    }
}

/// Titles, dates and sizes of both, with the similarity and what they share.
#[component]
fn Summary(
    corpus: &'static Corpus,
    left: usize,
    right: usize,
    comparison: Comparison,
) -> impl IntoView {
    let side = |d: usize, name: &'static str| {
        let a = &corpus.articles()[d];
        view! {
            <div class="summary-side">
                <span class="side-name">{name}</span>
                <strong>{a.title.clone()}</strong>
                <span class="hint">{format!("{} · {} words", a.display_date(), thousands(corpus.word_count(d)))}</span>
            </div>
        }
    };
    view! {
        <div class="summary" role="group" aria-label="Summary">
            {side(left, "Left")}
            <dl class="figures">
                <div><dt>"Similarity"</dt><dd>{format!("{:.0}%", comparison.similarity * 100.0)}</dd></div>
                <div><dt>"Shared words"</dt><dd>{thousands(comparison.shared_word_count)}</dd></div>
                <div><dt>"Shared passages"</dt><dd>{format!("{}{}", thousands(comparison.passages.len()), if comparison.passages_truncated { "+" } else { "" })}</dd></div>
            </dl>
            {side(right, "Right")}
        </div>
    }
}

/// One word list: each word with its counts on both sides.
#[component]
fn WordList(
    title: &'static str,
    words: Vec<WordScore>,
    score_name: Option<&'static str>,
) -> impl IntoView {
    let rows = words
        .into_iter()
        .map(|w| {
            view! {
                <tr>
                    <th scope="row">{w.word}</th>
                    <td class="num">{w.left}</td>
                    <td class="num">{w.right}</td>
                    {score_name.map(|_| view! { <td class="num">{format!("{:.1}", w.score)}</td> })}
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="word-list">
            <caption>{title}</caption>
            <thead>
                <tr>
                    <th scope="col">"Word"</th><th scope="col" class="num">"Left"</th><th scope="col" class="num">"Right"</th>
                    {score_name.map(|s| view! { <th scope="col" class="num">{s}</th> })}
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

fn passage_id(side: Side, k: usize) -> String {
    format!("passage-{}-{k}", side.param())
}

/// Scrolls each column to passage `k`.
fn show_passage(k: usize) {
    for side in [Side::Left, Side::Right] {
        if let Some(el) = document().get_element_by_id(&passage_id(side, k)) {
            let opts = web_sys::ScrollIntoViewOptions::new();
            opts.set_block(web_sys::ScrollLogicalPosition::Center);
            el.scroll_into_view_with_scroll_into_view_options(&opts);
        }
    }
}

/// The shared passages, each jumping to its place in both columns.
#[component]
fn PassageList(
    left: usize,
    passages: Arc<Vec<Passage>>,
    active: RwSignal<Option<usize>>,
    truncated: bool,
) -> impl IntoView {
    let search = expect_context::<SearchState>();
    let words = search.index.words_of(left);
    let items = passages
        .iter()
        .enumerate()
        .take(200)
        .map(|(k, p)| {
            let text: Vec<&str> = words[p.left as usize..(p.left + p.len) as usize]
                .iter()
                .take(8)
                .map(|&w| search.index.term(w))
                .collect();
            let more = if p.len > 8 { " …" } else { "" };
            view! {
                <li>
                    <button type="button" class="link-button" on:click=move |_| { active.set(Some(k)); show_passage(k); }>
                        {format!("“{}{more}” ({} words)", text.join(" "), p.len)}
                    </button>
                </li>
            }
        })
        .collect_view();
    let n = passages.len();
    view! {
        <details class="passage-list" open={n > 0 && n <= 12}>
            <summary>{format!("Shared passages ({}{})", n, if truncated { ", the first ones" } else { "" })}</summary>
            <ol>{items}</ol>
            {(n > 200).then(|| view! { <p class="hint">{format!("and {} more, marked in the texts", n - 200)}</p> })}
        </details>
    }
}

/// One article's text with its shared passages marked; pointing at one (or
/// focusing it) lights it and its twin.
#[component]
fn Column(
    /// Which side this column is.
    side: Side,
    /// The article shown.
    article: &'static lens_engine::Article,
    /// The shared passages (positions on both sides).
    passages: Arc<Vec<Passage>>,
    /// The passage pointed at, shared with the other column and the list.
    active: RwSignal<Option<usize>>,
    /// The scrolling element, for the other column to follow.
    node: NodeRef<html::Div>,
    /// Called as this column scrolls.
    on_scroll: Box<dyn Fn(web_sys::Event) + Send + Sync>,
) -> impl IntoView {
    let a = article;
    // This side's spans in reading order, each with its passage.
    let mut spans: Vec<(u32, u32, usize)> = passages
        .iter()
        .enumerate()
        .map(|(k, p)| (if side == Side::Left { p.left } else { p.right }, p.len, k))
        .collect();
    spans.sort_unstable();
    let plain: Vec<(u32, u32)> = spans.iter().map(|&(s, l, _)| (s, l)).collect();
    let marks = mark_article(a, &plain);
    // Passage k of this side lights up when the pointed passage shows the same words here.
    let lit = move |k: usize| {
        active.get().is_some_and(|act| {
            let (p, q) = (passages[k], passages[act]);
            k == act
                || if side == Side::Left {
                    p.left == q.left
                } else {
                    p.right == q.right
                }
        })
    };
    // A passage's id goes on its first mark only (a passage may cross paragraphs).
    let mut first_seen = std::collections::HashSet::new();
    let (title, blocks) = marked_article(a, &marks, 4, move |p, span| {
        let k = spans[span].2;
        let id = first_seen.insert(k).then(|| passage_id(side, k));
        let lit = lit.clone();
        view! {
            <mark class="passage" id=id tabindex="0" class:lit=move || lit(k)
                on:mouseenter=move |_| active.set(Some(k)) on:focus=move |_| active.set(Some(k))>
                {p.to_string()}
            </mark>
        }
        .into_any()
    });
    let name = if side == Side::Left {
        "Left article text"
    } else {
        "Right article text"
    };
    view! {
        <div class="column" node_ref=node on:scroll=on_scroll tabindex="0" role="region" aria-label=name lang=a.language.clone()>
            <h3>{title}</h3>
            {blocks}
        </div>
    }
}

/// The two texts side by side, shared passages marked, scrolling in step
/// (proportionally, while `linked`).
#[component]
fn Columns(
    corpus: &'static Corpus,
    left: usize,
    right: usize,
    passages: Arc<Vec<Passage>>,
    active: RwSignal<Option<usize>>,
    linked: Memo<bool>,
) -> impl IntoView {
    let (lref, rref) = (NodeRef::<html::Div>::new(), NodeRef::<html::Div>::new());
    // Set while one column moves the other, so that the other's scroll event is not echoed back.
    let echo = Arc::new(AtomicBool::new(false));
    let sync = move |from: NodeRef<html::Div>, to: NodeRef<html::Div>, echo: Arc<AtomicBool>| {
        move |_: web_sys::Event| {
            if echo.swap(false, Ordering::Relaxed) || !linked.get_untracked() {
                return;
            }
            if let (Some(a), Some(b)) = (from.get_untracked(), to.get_untracked()) {
                let range_a = (a.scroll_height() - a.client_height()).max(1) as f64;
                let range_b = (b.scroll_height() - b.client_height()).max(0) as f64;
                echo.store(true, Ordering::Relaxed);
                b.set_scroll_top((a.scroll_top() as f64 / range_a * range_b).round() as i32);
            }
        }
    };
    let left_col = view! {
        <Column side=Side::Left article=&corpus.articles()[left] passages=passages.clone() active=active
            node=lref on_scroll=Box::new(sync(lref, rref, echo.clone())) />
    };
    let right_col = view! {
        <Column side=Side::Right article=&corpus.articles()[right] passages=passages active=active
            node=rref on_scroll=Box::new(sync(rref, lref, echo)) />
    };
    view! {
        <div class="columns" on:mouseleave=move |_| active.set(None)>
            {left_col}
            {right_col}
        </div>
    }
}
