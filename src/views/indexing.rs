//! While the index is being built (a large corpus takes a few hundred
//! milliseconds, done in slices between frames so the page never freezes):
//! how far it has come, and the plain list of articles, which needs no index.

use crate::params;
use lens_engine::out::site::page_href;
use lens_engine::search::Order;
use lens_engine::Corpus;
use leptos::prelude::*;

use crate::search_state::QueryState;
use crate::url_state::{QueryLink, UrlQuery};
use crate::views::results::PAGE;
use crate::views::{article_meta, thousands};

/// "Preparing search: N% indexed", and the articles if the URL asks for the plain list.
#[component]
pub fn Indexing(
    /// The corpus being indexed.
    corpus: &'static Corpus,
    /// How far indexing has come, 0 to 1.
    #[prop(into)]
    progress: Signal<f32>,
    /// What the page waits for before it indexes (the Chinese
    /// dictionary), or why it cannot index.
    #[prop(into)]
    before: Signal<Option<String>>,
) -> impl IntoView {
    let url = expect_context::<UrlQuery>();
    let query = expect_context::<QueryState>();
    let n = corpus.articles().len();
    let status = move || match before.get() {
        Some(waiting) => format!("Preparing search: {waiting}"),
        None => format!(
            "Preparing search: {}% of {} words indexed…",
            (progress.get() * 100.0).floor(),
            thousands(corpus.total_words())
        ),
    };
    // Only the plain list (no query, the articles view) is known without the index.
    let plain = move || {
        query.text.with(|t| t.trim().is_empty())
            && params::VIEW.get(&url) == params::View::Articles
            && params::ARTICLE.text(&url).is_none()
    };
    // As the index will say (it takes its languages from the corpus'):
    // more than one language.
    let mixed = corpus.languages().len() > 1;
    let list = move || {
        if !plain() {
            return view! { <p class="indexing-wait">"What you asked for appears as soon as the index is ready."</p> }
                .into_any();
        }
        let order: Vec<usize> = match query.order.get() {
            Order::Newest => (0..n).rev().take(PAGE).collect(),
            Order::Relevance | Order::Oldest => (0..n).take(PAGE).collect(),
        };
        let items = order
            .into_iter()
            .map(|d| {
                let a = &corpus.articles()[d];
                let id = a.id.clone();
                let href =
                    Signal::derive(move || url.href(&[(params::ARTICLE.name, Some(&*id))]));
                view! {
                    <li class="result">
                        <QueryLink href=href class="result-title" static_page=page_href(a)>{a.title.clone()}</QueryLink>
                        <p class="result-meta">{article_meta(a, corpus.word_count(d), mixed)}</p>
                    </li>
                }
            })
            .collect_view();
        view! {
            <p class="result-count">{format!("{} of {} article{}", thousands(n), thousands(n), if n == 1 { "" } else { "s" })}</p>
            <ol class="results">{items}</ol>
        }
        .into_any()
    };
    view! {
        <div class="search-layout">
            <section class="results-pane indexing" aria-labelledby="results-heading" aria-busy="true">
                <h2 id="results-heading" class="visually-hidden">"Results"</h2>
                <p class="indexing-status" role="status">{status}</p>
                {list}
            </section>
        </div>
    }
}
