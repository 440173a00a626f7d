//! Corpus Lens, the page: Leptos components that ask the engine
//! ([`lens_engine`]) questions and draw the answers. State lives in the URL's
//! query string ([`url_state`]); each view derives from it.

use std::sync::OnceLock;

use lens_engine::codec::{decode, DecodeError};
use lens_engine::Corpus;
use leptos::prelude::*;

pub mod url_state;
pub mod views;

use url_state::{QueryLink, UrlQuery};
use views::{ArticleList, ArticleReader};

/// The corpus embedded at build time by `build.rs`.
static EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

/// The embedded corpus, decoded once.
pub fn embedded_corpus() -> Result<&'static Corpus, &'static DecodeError> {
    static CORPUS: OnceLock<Result<Corpus, DecodeError>> = OnceLock::new();
    CORPUS.get_or_init(|| decode(EMBEDDED)).as_ref()
}

/// Entry point of the page: mounts [`App`] on the body.
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(|| match embedded_corpus() {
        Ok(corpus) => view! { <App corpus=corpus /> }.into_any(),
        Err(e) => view! { <p role="alert" class="fatal">{e.to_string()}</p> }.into_any(),
    });
}

/// The whole page for one corpus. The URL decides what it shows:
/// `?article=ID` opens an article, anything else lists them all.
#[component]
pub fn App(
    /// The corpus to explore.
    corpus: &'static Corpus,
) -> impl IntoView {
    let url = UrlQuery::from_location();
    provide_context(url);
    let info = corpus.info();
    let count = corpus.articles().len();
    let opened = Memo::new(move |_| url.get("article"));
    let article = move || opened.get().and_then(|id| corpus.find(&id).map(|(i, _)| i));

    Effect::new(move |_| {
        let title = match article() {
            Some(i) => format!("{} — Corpus Lens", corpus.articles()[i].title),
            None => "Corpus Lens".to_string(),
        };
        document().set_title(&title);
    });

    view! {
        <header class="site-header">
            <h1><QueryLink href=Signal::derive(move || url.href(&[("article", None)]))>"Corpus Lens"</QueryLink></h1>
            <p class="corpus-line">
                <span class="corpus-name">{info.name.clone()}</span>
                {info.description.clone().map(|d| view! { <span class="corpus-description">": " {d}</span> })}
                <span class="corpus-count">
                    {format!(" · {} article{}, {} words", count, if count == 1 { "" } else { "s" }, views::thousands(corpus.total_words()))}
                </span>
            </p>
        </header>
        <main id="main">
            {move || match (opened.get(), article()) {
                (_, Some(index)) => view! { <ArticleReader corpus=corpus index=index /> }.into_any(),
                (Some(id), None) => view! {
                    <p class="notice" role="status">
                        {format!("There is no article “{id}” in this corpus; here are all {count}.")}
                    </p>
                    <ArticleList corpus=corpus />
                }.into_any(),
                (None, None) => view! { <ArticleList corpus=corpus /> }.into_any(),
            }}
        </main>
    }
}
