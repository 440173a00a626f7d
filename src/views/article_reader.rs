//! One article: its metadata and its full text, rendered as text.

use crate::params;
use crate::views::marked_article;
use lens_engine::search::highlight::mark_article;
use lens_engine::{Article, Corpus};
use leptos::html;
use leptos::prelude::*;

use crate::search_state::{ArticleText, SearchState};
use crate::url_state::{QueryLink, UrlQuery};
use crate::views::thousands;
use lens_engine::shard::Needs;

use lens_engine::out::site::safe_link;

/// The article at `index` of `corpus`, its text read first where the
/// corpus is sharded (a moment's "Loading", or why it failed and a retry).
#[component]
pub fn OpenArticle(
    /// The corpus holding the article.
    corpus: &'static Corpus,
    /// Its index in [`Corpus::articles`].
    index: usize,
) -> impl IntoView {
    let search = expect_context::<SearchState>();
    let url = expect_context::<UrlQuery>();
    let reading = super::Retry::new();
    let has_text = Memo::new(move |_| search.article(index).is_some());
    // The terms of the keyword the article is opened for (`mark`), which a
    // sharded corpus fetches with the search's: its marks are drawn once
    // both are here, never from a part of the index that lacks them.
    let mark_needs = Memo::new(move |_| {
        params::MARK
            .text(&url)
            .and_then(|m| lens_engine::search::query::parse(&m).ok())
            .map(|p| Needs::for_query(&p.query, search.options.get().word_forms))
    });
    if let Some(shards) = search.shards {
        Effect::new(move |_| search.also.set(mark_needs.get().unwrap_or_default()));
        on_cleanup(move || search.also.set(Needs::default()));
        // Read when opened, and again if it was let go since (the bound of
        // what the page holds).
        Effect::new(move |_| {
            reading.tries.track();
            if !has_text.get() {
                leptos::task::spawn_local(async move {
                    reading
                        .failed
                        .set(shards.read_texts(&[index as u32]).await.err());
                });
            }
        });
    }
    let answered = Memo::new(move |_| {
        !search.fetching.get() && mark_needs.with(|n| n.as_ref().is_none_or(|n| search.covers(n)))
    });
    // Drawn once its text, its marks' terms and where they stand in it
    // are here (texts read later for other articles leave the reader as
    // it is).
    let here = Memo::new(move |_| {
        has_text.get() && answered.get() && search.index.with(|ix| ix.positions_known(index))
    });
    move || match here.get() {
        true => match untrack(|| search.article(index)) {
            Some(article) => {
                view! { <ArticleReader corpus=corpus index=index article=article /> }.into_any()
            }
            None => ().into_any(),
        },
        false => reading.alert().unwrap_or_else(|| {
            view! { <p class="loading" role="status">"Loading the article…"</p> }.into_any()
        }),
    }
}

/// The article at `index` of `corpus`: metadata, then headings and paragraphs.
#[component]
pub fn ArticleReader(
    /// The corpus holding the article.
    corpus: &'static Corpus,
    /// Its index in [`Corpus::articles`].
    index: usize,
    /// The article with its text.
    article: ArticleText,
) -> impl IntoView {
    let url = expect_context::<UrlQuery>();
    let search = expect_context::<SearchState>();
    let a = &corpus.articles()[index];
    // Back to where the article was opened from: the list, or the view
    // (a Trends chart at its year) whose keyword it marks.
    let back = Signal::derive(move || {
        url.href(&[
            (params::ARTICLE.name, None),
            (params::MATCH.name, None),
            (params::MARK.name, None),
        ])
    });
    let marked = untrack(|| params::MARK.text(&url)).filter(|m| !m.trim().is_empty());
    let from_chart = marked.is_some() && untrack(|| params::VIEW.get(&url)) == params::View::Trends;
    let id = a.id.clone();
    let compare_with = Signal::derive(move || {
        url.href(&[
            (params::ARTICLE.name, None),
            (params::MATCH.name, None),
            (params::MARK.name, None),
            (
                params::VIEW.name(),
                params::VIEW.write(params::View::Compare),
            ),
            (params::LEFT.name, Some(&*id)),
        ])
    });
    let has_marks = marked.is_some();
    let has_query = move || has_marks || search.text.with(|t| !t.trim().is_empty());

    // The matches in this article of the keyword it was opened for (`mark`)
    // or else of the search, numbered in reading order (title first).
    let mark_query = marked
        .as_deref()
        .and_then(|m| lens_engine::search::query::parse(m).ok());
    let marks = match mark_query {
        Some(p) => {
            let ix = search.index.get_untracked();
            let m = ix.matches(&p.query, search.options.get_untracked());
            mark_article(&article, &ix.match_spans(&m, index))
        }
        None => search.matches.with_untracked(|m| {
            search
                .index
                .with_untracked(|ix| mark_article(&article, &ix.match_spans(m, index)))
        }),
    };
    let total = marks.len();
    let current = RwSignal::new(None::<usize>);
    let mut counter = 0usize;
    let (title_view, body) = marked_article(&article, &marks, 3, |p, _| {
        let i = counter;
        counter += 1;
        view! {
            <mark id=format!("match-{i}") class:current=move || current.get() == Some(i)>{p.to_string()}</mark>
        }
        .into_any()
    });
    let show = move |n: usize| {
        current.set(Some(n));
        // The address names the match shown, so a shared link opens at it.
        if untrack(|| params::MATCH.number(&url)) != Some(n as u32) {
            url.replace(&url.href(&[(params::MATCH.name, Some(&n.to_string()))]));
        }
        if let Some(el) = document().get_element_by_id(&format!("match-{n}")) {
            let opts = web_sys::ScrollIntoViewOptions::new();
            opts.set_block(web_sys::ScrollLogicalPosition::Center);
            el.scroll_into_view_with_scroll_into_view_options(&opts);
        }
    };
    let go = move |step: isize| {
        if total == 0 {
            return;
        }
        show(match current.get_untracked() {
            None if step > 0 => 0,
            None => total - 1,
            Some(i) => (i as isize + step).rem_euclid(total as isize) as usize,
        });
    };
    // Move focus to the title when an article opens, so keyboard and screen
    // reader users start reading where the page changed; a link to one match
    // (`match=N`, from a keyword-in-context line) shows that match instead.
    let heading = NodeRef::<html::H2>::new();
    let wanted = untrack(|| params::MATCH.number(&url))
        .map(|m| m as usize)
        .filter(|&m| m < total);
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            // The prerendered page may have shown this article's text
            // meanwhile (scripts/post-build.mjs), where this reader draws
            // it: the reader may be reading further down, and stays there.
            let read_meanwhile = !crate::takeover::is_shown()
                && document()
                    .query_selector("#prerendered article.reader")
                    .ok()
                    .flatten()
                    .is_some();
            // Focus and scrolling need the page on screen (src/takeover.rs).
            crate::takeover::when_shown(move || {
                if read_meanwhile {
                    let opts = web_sys::FocusOptions::new();
                    opts.set_prevent_scroll(true);
                    let _ = h.focus_with_options(&opts);
                } else {
                    let _ = h.focus();
                    window().scroll_to_with_x_and_y(0.0, 0.0);
                }
                if let Some(m) = wanted {
                    show(m);
                }
            });
        }
    });

    view! {
        <article class="reader" aria-labelledby="article-title">
            <p class="back">
                <QueryLink href=back>{move || if from_chart { "← Back to the chart" } else if has_query() { "← Back to results" } else { "← All articles" }}</QueryLink>
                <QueryLink href=compare_with class="compare-with">"Compare with…"</QueryLink>
            </p>
            <h2 id="article-title" tabindex="-1" node_ref=heading>{title_view}</h2>
            <Show when=has_query>
                <MatchNav total=total current=current go=Callback::new(go) />
            </Show>
            <ArticleMeta article=a words=corpus.word_count(index) />
            <div class="article-body" lang=a.language.clone()>{body}</div>
            // Similar articles are measured on every word (a whole index).
            {search.whole.is_some().then(|| view! { <super::compare::MostSimilar doc=index open=false /> })}
            {remove_button(a.id.to_string())}
        </article>
    }
}

/// "Previous match", "Next match" and where the reader stands among the matches.
#[component]
fn MatchNav(
    /// Matches in the article.
    total: usize,
    /// The match shown, if any (0-based).
    current: RwSignal<Option<usize>>,
    /// Steps to the previous (-1) or next (1) match.
    go: Callback<isize>,
) -> impl IntoView {
    let status = move || match (total, current.get()) {
        (0, _) => "No match in this article.".to_string(),
        (n, None) => format!("{n} match{}", if n == 1 { "" } else { "es" }),
        (n, Some(i)) => format!("Match {} of {n}", i + 1),
    };
    view! {
        <div class="match-nav" role="group" aria-label="Matches in this article">
            <button type="button" on:click=move |_| go.run(-1) disabled=total == 0>"Previous match"</button>
            <button type="button" on:click=move |_| go.run(1) disabled=total == 0>"Next match"</button>
            <span class="match-status" aria-live="polite">{status}</span>
        </div>
    }
}

/// An article's metadata as a definition list; only `http(s)` URLs become links.
#[component]
fn ArticleMeta(
    /// The article.
    article: &'static Article,
    /// Its words.
    words: usize,
) -> impl IntoView {
    let a = article;
    let row = |label: &'static str, value: Option<String>| {
        value.map(|v| view! { <dt>{label}</dt><dd>{v}</dd> })
    };
    let link = a.url().map(|u| match safe_link(u) {
        Some(href) => view! {
            <dt>"Link"</dt>
            <dd><a href=href.to_string() rel="noopener noreferrer" target="_blank">{href.to_string()}</a></dd>
        }
        .into_any(),
        None => view! { <dt>"Link"</dt><dd>{u.to_string()}</dd> }.into_any(),
    });
    // Each tag leads to the articles that have it (the search `tag:…`).
    let url = expect_context::<UrlQuery>();
    let tags = (!a.tags.is_empty()).then(|| {
        let items = a
            .tags
            .iter()
            .map(|t| {
                let q = lens_engine::search::query::Query::Tag(t.to_string()).to_string();
                let href = url.href(&[
                    (params::Q.name, Some(q.as_str())),
                    (params::ARTICLE.name, None),
                    (params::MATCH.name, None),
                    (params::MARK.name, None),
                    (params::VIEW.name(), None),
                ]);
                view! { <li class="tag"><QueryLink href=Signal::stored(href)>{t.clone()}</QueryLink></li> }
            })
            .collect_view();
        view! { <dt>"Tags"</dt><dd><ul class="tags">{items}</ul></dd> }
    });
    view! {
        <dl class="meta">
            <dt>"Date"</dt>
            <dd><time datetime=a.date.iso()>{a.display_date()}</time></dd>
            {row("Dated", a.date_basis.as_deref().map(String::from))}
            {row("Source", a.source().map(String::from))}
            {row("Section", a.section().map(String::from))}
            {row("Author", a.author().map(String::from))}
            {row("Translator", a.translator().map(String::from))}
            {row("Language", Some(crate::views::language_label(&a.language)))}
            {tags}
            {link}
            <dt>"Words"</dt>
            <dd>{thousands(words)}</dd>
        </dl>
    }
}

/// In a reader's own corpus: removes the article from it (the corpus kept
/// in this browser; the reader's files are not touched).
#[cfg(feature = "import")]
fn remove_button(article: String) -> impl IntoView {
    let corpus = crate::corpus_in_url()?;
    let import = use_context::<crate::import::Import>()?;
    let phase = import.phase;
    Some(view! {
        <p class="remove-article">
            <button type="button" on:click=move |_| {
                if window()
                    .confirm_with_message("Remove this article from the corpus kept in this browser? Your files are not touched.")
                    .unwrap_or(false)
                {
                    import.remove(corpus.clone(), article.clone());
                }
            }>"Remove from this corpus"</button>
            {move || match phase.get() {
                crate::import::Phase::Saving => Some(view! { <span role="status">" Removing…"</span> }.into_any()),
                crate::import::Phase::Failed(why) | crate::import::Phase::Unsaved(why) => Some(view! { <span role="alert" class="notice">{why}</span> }.into_any()),
                _ => None,
            }}
        </p>
    })
}

/// The built-in corpus' articles are removed from its folder, not here.
#[cfg(not(feature = "import"))]
fn remove_button(_article: String) -> impl IntoView {}
