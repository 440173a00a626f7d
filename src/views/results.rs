//! The results: "N of M articles", order and word-form options, and the
//! matching articles with snippets around their matches.

use crate::params;
use crate::views::marked_pieces;
use lens_engine::out::site::page_href;
use lens_engine::search::highlight::{mark_title, snippet};
use lens_engine::search::suggest::{empty_filters, missing_words, replace_word};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::search_state::SearchState;
use crate::shards::Unanswered;
use crate::url_state::{QueryLink, UrlQuery};
use crate::views::search_box::SEARCH_BOX_ID;
use crate::views::{article_meta, thousands, UrlSelect, WordFormsToggle};

/// Results shown at first; more on request.
pub const PAGE: usize = 25;
/// Words of context either side of a snippet's match.
const CONTEXT: usize = 12;

/// The search results for the URL's query.
#[component]
pub fn Results() -> impl IntoView {
    let url = expect_context::<UrlQuery>();
    let search = expect_context::<SearchState>();
    let total = search.corpus.articles().len();
    let shown = RwSignal::new(PAGE);
    // A new query starts again from the first page.
    Effect::new(move |_| {
        search.hits.track();
        shown.set(PAGE);
    });
    // A sharded corpus' texts are read for the results shown (their snippets).
    let texts_failed = RwSignal::new(None::<String>);
    let texts_tries = RwSignal::new(0u32);
    if let Some(shards) = search.shards {
        Effect::new(move |_| {
            texts_tries.track();
            let docs: Vec<u32> = search
                .hits
                .with(|h| h.iter().take(shown.get()).map(|h| h.doc as u32).collect());
            leptos::task::spawn_local(async move {
                texts_failed.set(shards.read_texts(&docs).await.err());
            });
        });
    }

    let status = move || {
        let n = search.hits.with(Vec::len);
        format!(
            "{} of {} article{}",
            thousands(n),
            thousands(total),
            if total == 1 { "" } else { "s" }
        )
    };

    let items = move || {
        let hits = search.hits.get();
        let ix = search.index.get();
        let has_terms = search.matches.with(|m| m.has_terms());
        let q = search.text.get();
        hits.into_iter()
            .take(shown.get())
            .map(|hit| {
                let a = &search.corpus.articles()[hit.doc];
                let spans = search.matches.with_untracked(|m| ix.match_spans(m, hit.doc));
                let term_spans = search.matches.with_untracked(|m| ix.term_spans(m, hit.doc));
                let title_marks = mark_title(a, &spans);
                // A sharded corpus' text comes a moment later (read above).
                // (Where the words stand is known once it is: a query
                // fetched without positions learns them from the text.)
                let snip = search
                    .article(hit.doc)
                    .filter(|_| ix.positions_known(hit.doc))
                    .map(|text| snippet(&text, text.info(), &term_spans, CONTEXT));
                let count = spans.len();
                let id = a.id.clone();
                let q = q.clone();
                let href = Signal::derive(move || {
                    url.href(&[(params::ARTICLE.name, Some(&*id)),
                        (params::MATCH.name, None), (params::Q.name, (!q.is_empty()).then_some(q.as_str()))])
                });
                let snippet_view = snip.as_ref().map(|snip| marked_pieces(&snip.text, &snip.marks, plain_mark));
                let (cut_before, cut_after) = snip.as_ref().map_or((false, false), |s| (s.cut_before, s.cut_after));
                let waiting = snip.is_none().then_some("…");
                view! {
                    <li class="result">
                        <QueryLink href=href class="result-title" static_page=page_href(a)>{marked_pieces(&a.title, &title_marks, plain_mark)}</QueryLink>
                        <p class="result-meta">
                            {article_meta(a, search.corpus.word_count(hit.doc), ix.languages().len() > 1)}
                            {has_terms.then(|| format!(" · {count} match{}", if count == 1 { "" } else { "es" }))}
                        </p>
                        <p class="snippet">
                            {cut_before.then_some("… ")}
                            {snippet_view}
                            {waiting}
                            {cut_after.then_some(" …")}
                        </p>
                    </li>
                }
            })
            .collect_view()
    };
    let more = move || {
        let n = search.hits.with(Vec::len);
        (n > shown.get()).then(|| {
            view! {
                <button type="button" class="more" on:click=move |_| shown.update(|s| *s += PAGE)>
                    {format!("Show {} more", (n - shown.get()).min(PAGE))}
                </button>
            }
        })
    };

    view! {
        <section class="results-pane" aria-labelledby="results-heading">
            <h2 id="results-heading" class="visually-hidden">"Results"</h2>
            // What the page is for, said once on the landing page (the
            // prerendered first page says it too).
            <Show when=move || search.text.with(|t| t.trim().is_empty())>
                <p class="intro">
                    "Search these articles, or explore them: "<strong>"Trends"</strong>" charts words year by year, "
                    <strong>"Compare"</strong>" sets two articles side by side, "<strong>"Words"</strong>" lists and weighs their vocabulary, and "
                    <strong>"Contexts"</strong>" shows every match in its sentence. Everything runs in this page: nothing you type leaves your device. A date marked (est.) is estimated; the article says how."
                </p>
            </Show>
            <div class="results-bar">
                <p class="result-count" role="status" aria-live="polite">{status}</p>
                // A sharded corpus: the search waits for part of its index
                // (said after a moment, over the list: CSS).
                <span class="fetching-line" aria-live="polite">
                    {move || search.fetching.get().then(|| view! { <span class="fetching">"Fetching part of the index…"</span> })}
                </span>
                <WordFormsToggle />
                <UrlSelect label="Sort" param=params::SORT.param class="sort" />
            </div>
            // A sharded corpus' search could not fetch part of its index.
            {move || {
                let (why, retry, stale) = match (search.failed.get(), texts_failed.get()) {
                    (Some(Unanswered::Refused(why)), _) => (why, false, true),
                    (Some(Unanswered::Failed(why)), _) => (why, true, true),
                    (None, Some(why)) => (why, true, false),
                    (None, None) => return None,
                };
                Some(view! {
                    <p class="notice fetch-failed" role="alert">
                        {why}
                        {stale.then_some(" The results shown are those of the last search answered.")}
                        " "
                        {retry.then(|| view! {
                            <button type="button" on:click=move |_| {
                                search.retry.run(());
                                texts_tries.update(|n| *n += 1);
                            }>"Try again"</button>
                        })}
                    </p>
                })
            }}
            <ol class="results" on:keydown=arrow_keys aria-busy=move || search.fetching.get().then_some("true")>{items}</ol>
            {more}
            <NoMatch />
        </section>
    }
}

/// When the query finds nothing: says so, names the words found nowhere in
/// the corpus and offers corrected queries (words of the corpus close in
/// spelling), each a link. The query itself is always read exactly.
#[component]
pub fn NoMatch() -> impl IntoView {
    let url = expect_context::<UrlQuery>();
    let search = expect_context::<SearchState>();
    move || {
        if !search.hits.with(Vec::is_empty) || search.parsed.with(Result::is_err) {
            return None;
        }
        let text = search.text.get();
        let missing = search.valid.with(|p| {
            search
                .index
                .with(|ix| missing_words(ix, &p.query, search.options.get().word_forms))
        });
        // Filters no article passes (a year outside the corpus, a tag it lacks).
        let empty = search
            .valid
            .with(|p| search.index.with(|ix| empty_filters(ix, &p.query)));
        let filters_pass = empty.is_empty();
        let named = missing
            .iter()
            .map(|m| format!("“{}{}”", m.word, if m.prefix { "*" } else { "" }))
            .collect::<Vec<_>>()
            .join(", ");
        // Each suggestion alone, and (when several words are missing) all the best ones at once.
        let mut fixes: Vec<String> = Vec::new();
        let with_suggestions: Vec<_> = missing
            .iter()
            .filter(|m| !m.suggestions.is_empty())
            .collect();
        if with_suggestions.len() > 1 {
            fixes.push(with_suggestions.iter().fold(text.clone(), |q, m| {
                replace_word(&q, &m.word, &m.suggestions[0])
            }));
        }
        for m in &with_suggestions {
            for s in &m.suggestions {
                fixes.push(replace_word(&text, &m.word, s));
            }
        }
        fixes.dedup();
        let links = fixes
            .into_iter()
            .map(|q| {
                let href = url.href(&[
                    (params::Q.name, Some(q.as_str())),
                    (params::ARTICLE.name, None),
                ]);
                view! { <li><QueryLink href=href>{q}</QueryLink></li> }
            })
            .collect_view();
        Some(view! {
            <div class="no-match">
                <p><strong>"No article matches this search."</strong></p>
                {empty.into_iter().map(|e| view! { <p>{e}</p> }).collect_view()}
                {if !missing.is_empty() {
                    view! { <p>{format!("Found nowhere in this corpus: {named}.")}</p> }.into_any()
                } else if filters_pass {
                    view! { <p>"Each of its words occurs somewhere in the corpus, but no article holds them all as asked: try fewer words, OR between them, or fewer filters."</p> }.into_any()
                } else {
                    ().into_any()
                }}
                {(!with_suggestions.is_empty()).then(|| view! {
                    <p id="did-you-mean">"Did you mean:"</p>
                    <ul class="suggestions" aria-labelledby="did-you-mean">{links}</ul>
                })}
            </div>
        })
    }
}

/// A match in a result: a plain `<mark>`.
fn plain_mark(piece: &str, _span: usize) -> AnyView {
    view! { <mark>{piece.to_string()}</mark> }.into_any()
}

/// Up and down arrows move between result titles; up from the first returns to the search box.
fn arrow_keys(ev: web_sys::KeyboardEvent) {
    let step: i32 = match ev.key().as_str() {
        "ArrowDown" => 1,
        "ArrowUp" => -1,
        _ => return,
    };
    let Ok(links) = document().query_selector_all(".results a.result-title") else {
        return;
    };
    let active = document().active_element();
    let current = (0..links.length()).find(|&i| {
        links
            .item(i)
            .zip(active.as_ref())
            .is_some_and(|(l, a)| l.is_same_node(Some(a.unchecked_ref())))
    });
    let Some(current) = current else { return };
    ev.prevent_default();
    let next = current as i32 + step;
    let target: Option<web_sys::HtmlElement> = if next < 0 {
        document()
            .get_element_by_id(SEARCH_BOX_ID)
            .map(|e| e.unchecked_into())
    } else {
        links.item(next as u32).map(|n| n.unchecked_into())
    };
    if let Some(t) = target {
        let _ = t.focus();
    }
}
