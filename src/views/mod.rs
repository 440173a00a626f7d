//! One file per view.

mod article_reader;
pub mod chart;
mod compare;
mod facets;
mod indexing;
mod results;
pub mod search_box;
mod trends;

pub use article_reader::ArticleReader;
pub use compare::CompareView;
pub use facets::FacetPanel;
pub use indexing::Indexing;
pub use results::Results;
pub use search_box::SearchBox;
pub use trends::TrendsView;

use leptos::prelude::*;

/// `1234567` as "1,234,567".
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A piece of article text, inside `<mark>` when it matched. Always a text node.
pub fn marked_text(piece: String, marked: bool) -> AnyView {
    if marked {
        view! { <mark>{piece}</mark> }.into_any()
    } else {
        piece.into_any()
    }
}

/// "Match word forms": the `forms` URL parameter, shared by search and trends.
#[component]
pub fn WordFormsToggle() -> impl IntoView {
    let url = expect_context::<crate::url_state::UrlQuery>();
    let search = expect_context::<crate::search_state::SearchState>();
    let on_change = move |ev: web_sys::Event| {
        let on = event_target_checked(&ev);
        url.navigate(&url.href(&[("forms", on.then_some("1"))]));
    };
    view! {
        <label class="forms">
            <input type="checkbox" prop:checked=move || search.options.get().word_forms on:change=on_change />
            " Match word forms"
        </label>
    }
}

/// A body block as HTML: a level-1 heading becomes `<h{top}>`, a level-2 one
/// `<h{top + 1}>` (top is 3 or 4), a paragraph `<p>`; `content` is its (marked) text.
pub fn block_view(
    block: &lens_engine::Block,
    top: u8,
    content: impl IntoView + 'static,
) -> AnyView {
    match (block, top) {
        (lens_engine::Block::Paragraph(_), _) => view! { <p>{content}</p> }.into_any(),
        (lens_engine::Block::Heading { level: 1, .. }, 3) => {
            view! { <h3>{content}</h3> }.into_any()
        }
        (lens_engine::Block::Heading { .. }, 3)
        | (lens_engine::Block::Heading { level: 1, .. }, _) => {
            view! { <h4>{content}</h4> }.into_any()
        }
        (lens_engine::Block::Heading { .. }, _) => view! { <h5>{content}</h5> }.into_any(),
    }
}
