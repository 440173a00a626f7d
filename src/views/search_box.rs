//! The search box, in the page header: filters as the reader types.

use crate::params;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::search_state::QueryState;
use crate::url_state::UrlQuery;
use crate::views::follow_url_text;

/// Characters of the query shown either side of where it is wrong.
const PLACE_CHARS: usize = 30;

/// The id of the search box (for `/` and for the results' arrow keys).
pub const SEARCH_BOX_ID: &str = "search-box";

/// "Search articles": the query text, its error, and the query-language help.
#[component]
pub fn SearchBox() -> impl IntoView {
    let url = expect_context::<UrlQuery>();
    let search = expect_context::<QueryState>();
    let input = NodeRef::<html::Input>::new();

    // The URL is the truth: the box follows it (back/forward, facets).
    follow_url_text(input, move || search.text.get());

    let set_query = move |text: String| {
        let q = (!text.is_empty()).then_some(text.as_str());
        // Typing shows results: it leaves an opened article.
        url.replace(&url.href(&[(params::Q.name, q), (params::ARTICLE.name, None)]));
    };
    let on_input = move |ev: web_sys::Event| {
        let el: web_sys::HtmlInputElement = ev.target().expect("input").unchecked_into();
        set_query(el.value());
    };
    let on_keydown = move |ev: web_sys::KeyboardEvent| match ev.key().as_str() {
        "Escape" => {
            ev.prevent_default();
            if let Some(el) = input.get_untracked() {
                el.set_value("");
            }
            set_query(String::new());
        }
        "ArrowDown" => {
            if let Some(first) = document()
                .query_selector(".results a.result-title")
                .ok()
                .flatten()
            {
                ev.prevent_default();
                let _ = first.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        }
        _ => {}
    };
    let error = move || {
        search.parsed.with(|p| {
            let e = p.as_ref().err()?;
            Some((
                e.message.clone(),
                search.text.with(|t| e.place(t, PLACE_CHARS)),
            ))
        })
    };

    view! {
        <div class="search" role="search">
            <label for=SEARCH_BOX_ID>"Search articles"</label>
            <input
                id=SEARCH_BOX_ID
                node_ref=input
                type="search"
                maxlength=params::Q.max_len()
                autocomplete="off"
                spellcheck="false"
                placeholder="e.g. wechat OR baidu, \"mobile payment\""
                aria-describedby="search-error search-hint"
                aria-invalid=move || if error().is_some() { "true" } else { "false" }
                on:input=on_input
                on:keydown=on_keydown
            />
            <span id="search-hint" class="hint keys-hint">"Press / to search, Escape to clear."</span>
            <p id="search-error" class="query-error" role="alert">
                {move || error().map(|(message, place)| view! {
                    {format!("{message} Showing the results of the last valid query.")}
                    // Where, as regex-syntax shows it: the query with the part in question marked.
                    <span class="query-place">" In the query: "<code>
                        {place.before}
                        <mark>{if place.at.is_empty() { "‸".to_string() } else { place.at }}</mark>
                        {place.after}
                    </code></span>
                })}
            </p>
            <details class="help">
                <summary>"Query syntax"</summary>
                <table>
                    <caption class="visually-hidden">"The query language"</caption>
                    <thead><tr><th scope="col">"Type"</th><th scope="col">"To find"</th></tr></thead>
                    <tbody>
                        <tr><td><code>"payment"</code></td><td>"the word, in any case; “Alipay’s” is found by alipay"</td></tr>
                        <tr><td><code>"mobile payment"</code>", "<code>"mobile AND payment"</code></td><td>"articles with both words"</td></tr>
                        <tr><td><code>"wechat OR baidu"</code></td><td>"either (OR binds tighter: alipay wechat OR baidu is alipay and one of the two)"</td></tr>
                        <tr><td><code>"-social"</code>", "<code>"NOT social"</code></td><td>"articles without the word (OR, AND and NOT in capitals; in lower case they are words)"</td></tr>
                        <tr><td><code>"(a OR b) -c"</code></td><td>"grouping"</td></tr>
                        <tr><td><code>"\"mobile payment\""</code></td><td>"the words in a row; Han characters such as 支付宝 are matched in a row too"</td></tr>
                        <tr><td><code>"pay*"</code></td><td>"words starting with pay"</td></tr>
                        <tr><td><code>"title:wechat"</code>", "<code>"title:\"rich strangers\""</code></td><td>"in the title only"</td></tr>
                        <tr><td><code>"source:TMTpost"</code>", "<code>"section:Business"</code>", "<code>"tag:social"</code></td><td>"a whole source, section or tag, any case; quote values with spaces"</td></tr>
                        <tr><td><code>"lang:de"</code></td><td>"articles in a language (its code: "<code>"lang:zh"</code>" is every Chinese article)"</td></tr>
                        <tr><td><code>"year:2015"</code>", "<code>"year:2013..2016"</code>", "<code>"year:..2015"</code></td><td>"a year or a range of years"</td></tr>
                        <tr><td><code>"date:2019-07"</code>", "<code>"date:2019-07-01..2019-07-15"</code>", "<code>"date:2020-02-29.."</code></td><td>"articles whose whole date lies in the span: one dated only 2019-07 is in date:2019 and date:2019-07, not in date:2019-07-01..2019-07-15"</td></tr>
                    </tbody>
                </table>
                <p>"“Match word forms” makes each word find the words with the same English stem: payment finds payments."</p>
            </details>
        </div>
    }
}
