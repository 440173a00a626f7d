//! All the articles, oldest first: title, date, source, word count.

use lens_engine::Corpus;
use leptos::prelude::*;

use crate::url_state::{QueryLink, UrlQuery};
use crate::views::thousands;

/// The list of articles of `corpus`, in date order; each title opens its article.
#[component]
pub fn ArticleList(
    /// The corpus to list.
    corpus: &'static Corpus,
) -> impl IntoView {
    let url = expect_context::<UrlQuery>();
    let rows = corpus
        .articles()
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let id = a.id.clone();
            let href = Signal::derive(move || url.href(&[("article", Some(&id))]));
            view! {
                <tr>
                    <th scope="row" class="title"><QueryLink href=href>{a.title.clone()}</QueryLink></th>
                    <td class="date"><time datetime=a.date.iso()>{a.display_date()}</time></td>
                    <td class="source">{a.source.clone().unwrap_or_else(|| "—".into())}</td>
                    <td class="words num">{thousands(corpus.word_count(i))}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="article-list" aria-labelledby="list-heading">
            <h2 id="list-heading">"Articles"</h2>
            <table>
                <caption class="visually-hidden">"Articles, oldest first"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Title"</th>
                        <th scope="col">"Date"</th>
                        <th scope="col">"Source"</th>
                        <th scope="col" class="num">"Words"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
}
