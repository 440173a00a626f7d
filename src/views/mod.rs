//! One file per view.

mod article_reader;
pub mod chart;
mod facets;
mod results;
pub mod search_box;
mod trends;

pub use article_reader::ArticleReader;
pub use facets::FacetPanel;
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
