//! The URL's query string: the one source of truth for what the page shows.
//!
//! Views read parameters reactively with [`UrlQuery::get`] and change them by
//! following links built with [`UrlQuery::href`]: real `<a href="?…">` links
//! (so a new tab, a copied link and the history all work) that [`QueryLink`]
//! turns into `history.pushState` for a plain click. Query-only URLs keep
//! the page's path, so the page works from any sub-path of any static host.
//!
//! Typing replaces the current entry instead of pushing one per keystroke,
//! and the address bar is written once typing pauses ([`WRITE_DELAY_MS`]):
//! browsers throttle a page that calls the history API hundreds of times in a
//! few seconds, and the page must answer every keystroke at once regardless.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// How long typing must pause before the address bar is updated.
pub const WRITE_DELAY_MS: u32 = 300;

/// An address-bar write waiting for typing to pause: its timer and href.
type PendingWrite = Rc<RefCell<Option<(Timeout, String)>>>;

/// The current query parameters, in URL order; kept in step with the address bar.
#[derive(Clone, Copy)]
pub struct UrlQuery {
    /// Every parameter of the address, as written (for the notices).
    params: RwSignal<Vec<(String, String)>>,
    /// What the page reads and its links carry: the parameters it knows,
    /// each once, valid and bounded (`crate::params::clean`). A link never
    /// copies what the page ignored, so no value of the address is
    /// multiplied into every link of a view.
    clean: Memo<Vec<(String, String)>>,
    /// A `replaceState` waiting for typing to pause.
    pending: StoredValue<PendingWrite, LocalStorage>,
}

impl UrlQuery {
    /// Reads the address bar, and follows it on back/forward (`popstate`);
    /// `clean` picks what the page reads of it.
    pub fn from_location(
        clean: impl Fn(&[(String, String)]) -> Vec<(String, String)> + Send + Sync + 'static,
    ) -> UrlQuery {
        let params = RwSignal::new(parse_search(
            &window().location().search().unwrap_or_default(),
        ));
        let clean = Memo::new(move |_| params.with(|p| clean(p)));
        let pending: PendingWrite = Rc::default();
        let on_pop = pending.clone();
        let listener = EventListener::new(&window(), "popstate", move |_| {
            // The reader moved in history: a pending write belongs to the entry left behind.
            on_pop.borrow_mut().take();
            params.set(parse_search(
                &window().location().search().unwrap_or_default(),
            ));
        });
        // Owned by the reactive owner that made this state: dropped (and so
        // removed from the window) when that owner is disposed.
        StoredValue::new_local(listener);
        UrlQuery {
            params,
            clean,
            pending: StoredValue::new_local(pending),
        }
    }

    /// The value the page reads for `key` (its first valid one); tracked.
    pub fn get(&self, key: &str) -> Option<String> {
        self.clean
            .with(|p| p.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone()))
    }

    /// The value of `key`, untracked (read once).
    pub fn get_untracked(&self, key: &str) -> Option<String> {
        self.clean
            .with_untracked(|p| p.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone()))
    }

    /// Every parameter of the address, as written, in URL order; tracked.
    pub fn all(&self) -> Vec<(String, String)> {
        self.params.get()
    }

    /// A link to the current view with some parameters set (`Some`) or
    /// removed (`None`): the page's own parameters and these changes, never
    /// what it ignored. Tracked, so a link stays right as the view changes.
    pub fn href(&self, changes: &[(&str, Option<&str>)]) -> String {
        let mut params = self.clean.get();
        for (key, value) in changes {
            params.retain(|(k, _)| k != key);
            if let Some(v) = value {
                params.push(((*key).to_string(), (*v).to_string()));
            }
        }
        build_href(&params)
    }

    /// [`UrlQuery::href`] as a signal of its own: a link drawn in a list
    /// follows the URL by updating its attribute, and the list around it is
    /// not drawn again on every change of the URL (a keystroke in the
    /// search box changes it).
    pub fn link(&self, changes: &[(&'static str, Option<&str>)]) -> Signal<String> {
        let url = *self;
        let changes: Vec<(&'static str, Option<String>)> = changes
            .iter()
            .map(|(k, v)| (*k, v.map(str::to_string)))
            .collect();
        Signal::derive(move || {
            let c: Vec<(&str, Option<&str>)> =
                changes.iter().map(|(k, v)| (*k, v.as_deref())).collect();
            url.href(&c)
        })
    }

    /// Goes to `href` (from [`UrlQuery::href`]) as a new history entry.
    pub fn navigate(&self, href: &str) {
        self.flush();
        if let Ok(history) = window().history() {
            let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href));
        }
        self.params.set(parse_search(href_search(href)));
    }

    /// Goes to `href` in place of the current history entry (for typing): the
    /// page follows at once, the address bar once typing pauses.
    pub fn replace(&self, href: &str) {
        self.params.set(parse_search(href_search(href)));
        let slot = self.pending.get_value();
        // The timer holds the slot weakly: when the page is unmounted the slot
        // is dropped with its owner, and the timer with it (cancelled), so
        // no write lands after the page is gone.
        let write = Rc::downgrade(&slot);
        let target = href.to_string();
        let timer = Timeout::new(WRITE_DELAY_MS, move || {
            if let Some((_, href)) = write.upgrade().and_then(|w| w.borrow_mut().take()) {
                replace_state(&href);
            }
        });
        // Dropping the previous timer cancels it.
        *slot.borrow_mut() = Some((timer, target));
    }

    /// Writes a pending `replace` to the address bar now.
    pub fn flush(&self) {
        if let Some((_, href)) = self.pending.get_value().borrow_mut().take() {
            replace_state(&href);
        }
    }
}

fn replace_state(href: &str) {
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href));
    }
}

/// The query part of an href made by [`build_href`] ("" for a bare path).
fn href_search(href: &str) -> &str {
    href.find('?').map_or("", |i| &href[i..])
}

fn parse_search(search: &str) -> Vec<(String, String)> {
    let Ok(parsed) = web_sys::UrlSearchParams::new_with_str(search) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if let Ok(Some(iter)) = js_sys::try_iter(&parsed) {
        for entry in iter.flatten() {
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
        // No query at all: the page's own path (so any sub-path works).
        return window()
            .location()
            .pathname()
            .unwrap_or_else(|_| "./".into());
    }
    let mut out = String::from("?");
    for (i, (k, v)) in params.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        form_encode(k, &mut out);
        out.push('=');
        form_encode(v, &mut out);
    }
    out
}

/// `s` as `application/x-www-form-urlencoded` writes it, byte for byte what
/// `URLSearchParams` gives: in Rust, since a page draws hundreds of links
/// and a call into JavaScript per parameter was most of their cost.
pub fn form_encode(s: &str, out: &mut String) {
    for &b in s.as_bytes() {
        match b {
            b'*' | b'-' | b'.' | b'_' | b'0'..=b'9' | b'A'..=b'Z' | b'a'..=b'z' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => {
                const HEX: &[u8; 16] = b"0123456789ABCDEF";
                out.push('%');
                out.push(HEX[(b >> 4) as usize] as char);
                out.push(HEX[(b & 15) as usize] as char);
            }
        }
    }
}

/// Follows a plain click on any [`QueryLink`] of the document without a
/// reload: one listener for the page, not one closure per link (a view
/// draws hundreds). Kept as long as the returned listener is.
pub fn follow_query_links(url: UrlQuery) -> EventListener {
    EventListener::new_with_options(
        &document(),
        "click",
        gloo_events::EventListenerOptions::enable_prevent_default(),
        move |ev| {
            let ev: &web_sys::MouseEvent = ev.unchecked_ref();
            if ev.default_prevented()
                || ev.button() != 0
                || ev.ctrl_key()
                || ev.meta_key()
                || ev.shift_key()
                || ev.alt_key()
            {
                return; // new tab, new window, download: the browser's business
            }
            let link = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|e| e.closest("a[data-query-link]").ok().flatten())
                // Not a prerendered copy's (src/takeover.rs): those are plain links.
                .filter(|a| {
                    let copy = format!("#{}", crate::takeover::PRERENDERED_ID);
                    a.closest(&copy).ok().flatten().is_none()
                });
            if let Some(href) = link.and_then(|a| a.get_attribute("href")) {
                ev.prevent_default();
                url.navigate(&href);
            }
        },
    )
}

/// A link within the page: a real `<a href>`, followed without a reload on
/// a plain click (by [`follow_query_links`]).
#[component]
pub fn QueryLink(
    /// Where it goes, from [`UrlQuery::href`].
    #[prop(into)]
    href: Signal<String>,
    /// Extra classes.
    #[prop(optional, into)]
    class: Option<String>,
    /// For a link to an article: its static page
    /// ([`lens_engine::out::site::page_href`]), which a copy of this page
    /// read without the app links to instead (`scripts/prerender.mjs`).
    #[prop(optional, into)]
    static_page: Option<String>,
    /// The link's content.
    children: Children,
) -> impl IntoView {
    // A link to another state of the page (a search, a view: an address
    // with a query) is `nofollow`: such addresses are without end, and what
    // a search engine should read is the first page and the articles' own
    // pages, to which the list's links lead it (they name their static
    // page, and the prerendered list links there).
    let followed = static_page.is_some();
    let rel = move || (!followed && href.with(|h| h.contains('?'))).then_some("nofollow");
    view! { <a href=move || href.get() class=class rel=rel data-static-page=static_page data-query-link="">{children()}</a> }
}
