//! One article: its metadata and its full text, rendered as text.

use lens_engine::{Block, Corpus};
use leptos::html;
use leptos::prelude::*;

use crate::url_state::{QueryLink, UrlQuery};
use crate::views::thousands;

/// Only `http:` and `https:` addresses become links; anything else stays text.
pub fn safe_link(url: &str) -> Option<&str> {
    let lower = url.trim_start().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")).then_some(url.trim())
}

/// The article at `index` of `corpus`: metadata, then headings and paragraphs.
#[component]
pub fn ArticleReader(
    /// The corpus holding the article.
    corpus: &'static Corpus,
    /// Its index in [`Corpus::articles`].
    index: usize,
) -> impl IntoView {
    let url = expect_context::<UrlQuery>();
    let a = &corpus.articles()[index];
    let back = Signal::derive(move || url.href(&[("article", None)]));

    // Move focus to the title when an article opens, so keyboard and screen
    // reader users start reading where the page changed.
    let heading = NodeRef::<html::H2>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
            window().scroll_to_with_x_and_y(0.0, 0.0);
        }
    });

    let meta_row = |label: &'static str, value: Option<String>| {
        value.map(|v| view! { <dt>{label}</dt><dd>{v}</dd> })
    };
    let link = a.url.as_deref().map(|u| match safe_link(u) {
        Some(href) => view! {
            <dt>"Link"</dt>
            <dd><a href=href.to_string() rel="noopener noreferrer" target="_blank">{href.to_string()}</a></dd>
        }
        .into_any(),
        None => view! { <dt>"Link"</dt><dd>{u.to_string()}</dd> }.into_any(),
    });
    let tags = (!a.tags.is_empty()).then(|| {
        let items = a
            .tags
            .iter()
            .map(|t| view! { <li class="tag">{t.clone()}</li> })
            .collect_view();
        view! { <dt>"Tags"</dt><dd><ul class="tags">{items}</ul></dd> }
    });
    let body = a
        .body
        .iter()
        .map(|b| match b {
            Block::Heading { level: 1, text } => view! { <h3>{text.clone()}</h3> }.into_any(),
            Block::Heading { text, .. } => view! { <h4>{text.clone()}</h4> }.into_any(),
            Block::Paragraph(text) => view! { <p>{text.clone()}</p> }.into_any(),
        })
        .collect_view();

    view! {
        <article class="reader" aria-labelledby="article-title">
            <p class="back"><QueryLink href=back>"← All articles"</QueryLink></p>
            <h2 id="article-title" tabindex="-1" node_ref=heading>{a.title.clone()}</h2>
            <dl class="meta">
                <dt>"Date"</dt>
                <dd><time datetime=a.date.iso()>{a.display_date()}</time></dd>
                {meta_row("Dated", a.date_basis.clone())}
                {meta_row("Source", a.source.clone())}
                {meta_row("Author", a.author.clone())}
                {meta_row("Translator", a.translator.clone())}
                {meta_row("Language", Some(a.language.clone()))}
                {tags}
                {link}
                <dt>"Words"</dt>
                <dd>{thousands(corpus.word_count(index))}</dd>
            </dl>
            <div class="article-body" lang=a.language.clone()>{body}</div>
        </article>
    }
}
