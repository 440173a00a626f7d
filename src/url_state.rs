//! The URL's query string: the one source of truth for what the page shows.
//!
//! Views read parameters reactively with [`UrlQuery::get`] and change them by
//! following links built with [`UrlQuery::href`]: real `<a href="?…">` links
//! (so a new tab, a copied link and the history all work) that [`QueryLink`]
//! turns into `history.pushState` for a plain click. Query-only URLs keep
//! the page's path, so the page works from any sub-path of any static host.

use gloo_events::EventListener;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The current query parameters, in URL order; kept in step with the address bar.
#[derive(Clone, Copy)]
pub struct UrlQuery {
    params: RwSignal<Vec<(String, String)>>,
}

impl UrlQuery {
    /// Reads the address bar, and follows it on back/forward (`popstate`).
    pub fn from_location() -> UrlQuery {
        let params = RwSignal::new(read_location());
        let listener =
            EventListener::new(&window(), "popstate", move |_| params.set(read_location()));
        // Owned by the reactive owner that made this state: dropped (and so
        // removed from the window) when that owner is disposed.
        StoredValue::new_local(listener);
        UrlQuery { params }
    }

    /// The value of `key` (the first, if repeated); tracked.
    pub fn get(&self, key: &str) -> Option<String> {
        self.params
            .with(|p| p.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone()))
    }

    /// A link to the current view with some parameters set (`Some`) or removed (`None`).
    /// Tracked, so a link stays right as the view changes.
    pub fn href(&self, changes: &[(&str, Option<&str>)]) -> String {
        let mut params = self.params.get();
        for (key, value) in changes {
            params.retain(|(k, _)| k != key);
            if let Some(v) = value {
                params.push(((*key).to_string(), (*v).to_string()));
            }
        }
        build_href(&params)
    }

    /// Goes to `href` (from [`UrlQuery::href`]) as a new history entry.
    pub fn navigate(&self, href: &str) {
        if let Ok(history) = window().history() {
            let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href));
        }
        self.params.set(read_location());
    }

    /// Goes to `href` in place of the current history entry (for typing:
    /// one entry per search, not one per keystroke).
    pub fn replace(&self, href: &str) {
        if let Ok(history) = window().history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href));
        }
        self.params.set(read_location());
    }

    /// Every parameter, in URL order; tracked.
    pub fn all(&self) -> Vec<(String, String)> {
        self.params.get()
    }
}

fn read_location() -> Vec<(String, String)> {
    let search = window().location().search().unwrap_or_default();
    let Ok(parsed) = web_sys::UrlSearchParams::new_with_str(&search) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if let Ok(iter) = js_sys::try_iter(&parsed) {
        for entry in iter.into_iter().flatten().flatten() {
            let pair: js_sys::Array = entry.unchecked_into();
            if let (Some(k), Some(v)) = (pair.get(0).as_string(), pair.get(1).as_string()) {
                out.push((k, v));
            }
        }
    }
    out
}

fn build_href(params: &[(String, String)]) -> String {
    if params.is_empty() {
        // No query at all: the page's own path (relative to nothing, so any sub-path works).
        return window()
            .location()
            .pathname()
            .unwrap_or_else(|_| "./".into());
    }
    let Ok(search) = web_sys::UrlSearchParams::new() else {
        return "?".into();
    };
    for (k, v) in params {
        search.append(k, v);
    }
    format!("?{}", String::from(search.to_string()))
}

/// A link within the page: a real `<a href>`, followed without a reload on a plain click.
#[component]
pub fn QueryLink(
    /// Where it goes, from [`UrlQuery::href`].
    #[prop(into)]
    href: Signal<String>,
    /// Extra classes.
    #[prop(optional, into)]
    class: Option<String>,
    /// The link's content.
    children: Children,
) -> impl IntoView {
    let url = expect_context::<UrlQuery>();
    let on_click = move |ev: web_sys::MouseEvent| {
        if ev.button() != 0 || ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() {
            return; // new tab, new window, download: the browser's business
        }
        ev.prevent_default();
        url.navigate(&href.get_untracked());
    };
    view! { <a href=move || href.get() class=class on:click=on_click>{children()}</a> }
}
