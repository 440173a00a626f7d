//! The app's takeover of the prerendered page.
//!
//! A published build's `index.html` holds the app's own first page as HTML
//! (`scripts/prerender.mjs` takes it from this app in a headless browser at
//! build time) inside `<div id="prerendered">`, so the page shows itself
//! before the WebAssembly has arrived, and reads with JavaScript off. The
//! app mounts into a hidden `<div id="app">` beside it and, once its search
//! is ready, swaps the two in one task: no frame shows both or neither.
//!
//! What the reader did in the prerendered page meanwhile is carried over:
//! text typed into a field (the search box) goes to the app's field as if
//! typed there, a box ticked or an option chosen is ticked or chosen, an
//! open `<details>` stays open, and the focus stays on the same control.
//! Controls pair up by what they are (tag, type, id, class and label), not by
//! position, so a URL that opens another view carries the search box's text
//! and nothing else.

use std::collections::HashMap;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement};

/// The id of the prerendered page's wrapper (absent in `trunk serve`).
pub const PRERENDERED_ID: &str = "prerendered";
/// The id of the element the app mounts into.
pub const APP_ID: &str = "app";

/// The element the app mounts into, appended to the body: hidden while a
/// prerendered page is shown instead.
pub fn app_root() -> HtmlElement {
    let root: HtmlElement = document()
        .create_element("div")
        .expect("a div")
        .unchecked_into();
    root.set_id(APP_ID);
    root.set_class_name("app-root");
    root.set_hidden(prerendered());
    document()
        .body()
        .expect("a body")
        .append_child(&root)
        .expect("append the app's root");
    root
}

thread_local! {
    /// What waits for the app to be on screen ([`when_shown`]).
    static PENDING: std::cell::RefCell<Vec<Box<dyn FnOnce()>>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Whether a prerendered page (or the copy a lighter build left) is what
/// the reader sees, the app hidden until it takes over.
pub fn prerendered() -> bool {
    document().get_element_by_id(PRERENDERED_ID).is_some()
}

/// Runs `f` once the app is on screen: at once, or when it takes over. For
/// what needs layout (focus, scrolling to a match), which a hidden app lacks.
pub fn when_shown(f: impl FnOnce() + 'static) {
    if is_shown() {
        f();
    } else {
        PENDING.with(|p| p.borrow_mut().push(Box::new(f)));
    }
}

/// Whether the app is on screen (not mounted behind a prerendered page).
pub fn is_shown() -> bool {
    document()
        .get_element_by_id(APP_ID)
        .is_none_or(|app| !app.has_attribute("hidden"))
}

/// Runs what waited for the app to be on screen.
fn run_pending() {
    for f in PENDING.with(|p| std::mem::take(&mut *p.borrow_mut())) {
        f();
    }
}

/// What identifies a control across the two copies of the page.
fn signature(el: &Element) -> String {
    // The label's text, less what differs between the two copies (a
    // facet's count: the prerendered page counts before the URL's query).
    let label = el
        .closest("label")
        .ok()
        .flatten()
        .map(|l| {
            if l.query_selector("[data-pair-ignore]")
                .ok()
                .flatten()
                .is_none()
            {
                return l.text_content().unwrap_or_default();
            }
            // A copy without those parts, read as text.
            let Ok(copy) = l.clone_node_with_deep(true) else {
                return String::new();
            };
            let copy: Element = copy.unchecked_into();
            if let Ok(varying) = copy.query_selector_all("[data-pair-ignore]") {
                for i in 0..varying.length() {
                    if let Some(n) = varying.item(i) {
                        n.unchecked_into::<Element>().remove();
                    }
                }
            }
            copy.text_content().unwrap_or_default()
        })
        .unwrap_or_default();
    format!(
        "{}|{}|{}|{}|{}|{}",
        el.tag_name(),
        el.get_attribute("type").unwrap_or_default(),
        el.id(),
        // Not `class_name()`: an SVG element's className is no string.
        el.get_attribute("class").unwrap_or_default(),
        // A prerendered article link leads to the article's static page and
        // keeps the app's address beside it (scripts/prerender.mjs); links
        // compare as the addresses they resolve to.
        el.get_attribute("data-app-href")
            .or_else(|| el.get_attribute("href"))
            .map(|h| resolve(&h))
            .unwrap_or_default(),
        label.trim()
    )
}

/// A link's address, absolute.
fn resolve(href: &str) -> String {
    document()
        .url()
        .ok()
        .and_then(|base| web_sys::Url::new_with_base(href, &base).ok())
        .map_or_else(|| href.to_string(), |u| u.href())
}

const CONTROLS: &str = "input, select, details, a[href], button, summary, [tabindex]";

thread_local! {
    /// Parts of the app still to be drawn, each in a task of its own ([`hold`]).
    static HELD: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
    /// A takeover asked for while parts were held, and what follows it.
    static WANTED: std::cell::RefCell<Option<Box<dyn FnOnce()>>> = const { std::cell::RefCell::new(None) };
}

/// Keeps the takeover waiting while it lives: a part of the app drawn a
/// task later (the app's first drawing behind a prerendered page is cut
/// into tasks, each short on a phone) is in place before the swap.
struct Hold(());

/// A [`Hold`] on the takeover, until the value is dropped.
fn hold() -> Hold {
    HELD.with(|h| h.set(h.get() + 1));
    Hold(())
}

impl Drop for Hold {
    fn drop(&mut self) {
        let left = HELD.with(|h| {
            h.set(h.get().saturating_sub(1));
            h.get()
        });
        // The swap in a task of its own, not in the one that drew the last
        // held part (a hold taken meanwhile keeps it waiting again).
        if left == 0 && WANTED.with(|w| w.borrow().is_some()) {
            leptos::task::spawn_local(async {
                crate::slices::next_task().await;
                if HELD.with(std::cell::Cell::get) == 0 {
                    take_over_wanted();
                }
            });
        }
    }
}

/// `true` at once where the app is on screen; behind a prerendered page
/// (nothing of the app is seen until the takeover), `tasks` tasks later,
/// holding the takeover until then. A view draws its heavier parts so: its
/// first drawing is cut into tasks, each short on a phone, and each part
/// is in place when the app is swapped in (what a part computes in slices
/// may still arrive after: [`hold_until`] waits for that).
pub fn later(tasks: u32) -> ReadSignal<bool> {
    let now = !prerendered();
    let drawn = RwSignal::new(now);
    if !now {
        let hold = hold();
        leptos::task::spawn_local(async move {
            for _ in 0..tasks {
                crate::slices::next_task().await;
            }
            // (A view gone meanwhile has nothing to draw.)
            let _ = drawn.try_set(true);
            // Its render effects run before the hold ends.
            leptos::task::tick().await;
            drop(hold);
        });
    }
    drawn.read_only()
}

/// Holds the takeover until `ready()` holds (read as a signal), for at most
/// `most_ms`: a view whose first answer takes more than its first drawing
/// (Words on a large corpus counts for a second on a phone) and would
/// grow, and shift what is below, once on screen. Behind a prerendered
/// page only; the bound keeps a slow answer from keeping the app away.
pub fn hold_until(ready: impl Fn() -> bool + 'static, most_ms: u32) {
    if !prerendered() {
        return;
    }
    let id = keep(hold());
    // A view gone before its answer lets go at once.
    on_cleanup(move || release(id));
    Effect::new(move |_| {
        if ready() {
            // Once what `ready` draws is drawn.
            leptos::task::spawn_local(async move {
                leptos::task::tick().await;
                release(id);
            });
        }
    });
    gloo_timers::callback::Timeout::new(most_ms, move || release(id)).forget();
}

thread_local! {
    /// The holds [`hold_until`] keeps, by number (what its callbacks capture).
    static KEPT: std::cell::RefCell<Vec<(u64, Hold)>> = const { std::cell::RefCell::new(Vec::new()) };
    static KEPT_NEXT: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

fn keep(h: Hold) -> u64 {
    let id = KEPT_NEXT.with(|n| {
        n.set(n.get() + 1);
        n.get()
    });
    KEPT.with(|k| k.borrow_mut().push((id, h)));
    id
}

/// Drops the hold kept as `id`, if it is still kept (outside the borrow:
/// the drop may take over).
fn release(id: u64) {
    let h = KEPT.with(|k| {
        let mut k = k.borrow_mut();
        k.iter()
            .position(|(i, _)| *i == id)
            .map(|at| k.swap_remove(at).1)
    });
    drop(h);
}

/// [`take_over`], then `then()`: at once, or once nothing is [`hold`]ing it.
pub fn take_over_then(then: impl FnOnce() + 'static) {
    WANTED.with(|w| *w.borrow_mut() = Some(Box::new(then)));
    if HELD.with(std::cell::Cell::get) == 0 {
        take_over_wanted();
    }
}

/// The takeover asked for, and what follows it, if one was asked for.
fn take_over_wanted() {
    if let Some(then) = WANTED.with(|w| w.borrow_mut().take()) {
        take_over_now();
        then();
    }
}

/// Shows the app in place of the prerendered page (if any), carrying over
/// what the reader typed, ticked, chose, opened and focused there, once
/// no part of its first drawing is held ([`hold`]). Does nothing the
/// second time.
pub fn take_over() {
    take_over_then(|| {});
}

fn take_over_now() {
    let doc = document();
    let Some(app) = doc.get_element_by_id(APP_ID) else {
        return;
    };
    let Some(pre) = doc.get_element_by_id(PRERENDERED_ID) else {
        let _ = app.remove_attribute("hidden");
        run_pending();
        return;
    };
    let active = doc.active_element();
    let old_controls: Vec<Element> = pre
        .query_selector_all(CONTROLS)
        .map(|list| {
            (0..list.length())
                .filter_map(|i| list.item(i).and_then(|n| n.dyn_into::<Element>().ok()))
                .collect()
        })
        .unwrap_or_default();
    let is_active = |el: &Element| active.as_ref().is_some_and(|a| a.is_same_node(Some(el)));
    // Pairing every control by signature costs a task of its own on a
    // phone (a label's text and a resolved address for each of hundreds
    // of links, in both copies), so it is done only when the reader
    // changed or focused something: usually nothing is.
    let touched = old_controls.iter().any(|el| is_active(el) || changed(el));
    let mut carried: Vec<(Element, Element)> = Vec::new();
    let mut focus = None;
    if touched {
        // The app's controls by signature, in document order.
        let mut mine: HashMap<String, Vec<Element>> = HashMap::new();
        if let Ok(list) = app.query_selector_all(CONTROLS) {
            for i in 0..list.length() {
                if let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                    mine.entry(signature(&el)).or_default().push(el);
                }
            }
        }
        let mut seen: HashMap<String, usize> = HashMap::new();
        for old in old_controls {
            let sig = signature(&old);
            let n = seen.entry(sig.clone()).or_default();
            let twin = mine.get(&sig).and_then(|v| v.get(*n)).cloned();
            *n += 1;
            let Some(new) = twin else { continue };
            if is_active(&old) {
                focus = Some(new.clone());
            }
            carried.push((old, new));
        }
    }
    // Unhidden before the old copy goes: the page never gets shorter in
    // between, so the scroll position stays where the reader left it.
    let _ = app.remove_attribute("hidden");
    pre.remove();
    run_pending();
    // Then the reader's own: what they typed and where their focus was.
    for (old, new) in carried {
        carry(&old, &new);
    }
    if let Some(el) = focus.and_then(|f| f.dyn_into::<HtmlElement>().ok()) {
        let opts = web_sys::FocusOptions::new();
        opts.set_prevent_scroll(true);
        let _ = el.focus_with_options(&opts);
        if let Some(input) = el.dyn_ref::<HtmlInputElement>() {
            if input.type_() == "search" || input.type_() == "text" {
                let end = input.value().encode_utf16().count() as u32;
                let _ = input.set_selection_range(end, end);
            }
        }
    }
}

/// Whether the reader changed `old` from what was served: what [`carry`]
/// carries over.
fn changed(old: &Element) -> bool {
    if let Some(o) = old.dyn_ref::<HtmlInputElement>() {
        match o.type_().as_str() {
            "checkbox" | "radio" => o.checked() != o.default_checked(),
            _ => o.value() != o.default_value(),
        }
    } else if let Some(o) = old.dyn_ref::<HtmlSelectElement>() {
        o.selected_index() != served_option(o)
    } else if let Some(o) = old.dyn_ref::<web_sys::HtmlDetailsElement>() {
        o.open()
    } else {
        false
    }
}

/// The option a select was served with chosen (the first, if none says so).
fn served_option(o: &HtmlSelectElement) -> i32 {
    (0..o.length())
        .find(|&i| {
            o.item(i)
                .and_then(|e| e.dyn_into::<web_sys::HtmlOptionElement>().ok())
                .is_some_and(|opt| opt.default_selected())
        })
        .map_or(0, |i| i as i32)
}

/// Gives `new` the state the reader left `old` in, if the reader changed
/// it (a control as the page was served says nothing: the URL decides),
/// through the events the app listens to, so the URL follows as if the
/// reader had acted in the app.
fn carry(old: &Element, new: &Element) {
    if let (Some(o), Some(n)) = (
        old.dyn_ref::<HtmlInputElement>(),
        new.dyn_ref::<HtmlInputElement>(),
    ) {
        match o.type_().as_str() {
            "checkbox" | "radio" => {
                if o.checked() != o.default_checked() && o.checked() != n.checked() {
                    n.click();
                }
            }
            _ => {
                if o.value() != o.default_value() && o.value() != n.value() {
                    n.set_value(&o.value());
                    dispatch(new, "input");
                }
            }
        }
    } else if let (Some(o), Some(n)) = (
        old.dyn_ref::<HtmlSelectElement>(),
        new.dyn_ref::<HtmlSelectElement>(),
    ) {
        if o.selected_index() != served_option(o) && o.value() != n.value() {
            n.set_value(&o.value());
            dispatch(new, "change");
        }
    } else if let (Some(o), Some(n)) = (
        old.dyn_ref::<web_sys::HtmlDetailsElement>(),
        new.dyn_ref::<web_sys::HtmlDetailsElement>(),
    ) {
        if o.open() {
            n.set_open(true);
        }
    }
}

fn dispatch(target: &Element, kind: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    if let Ok(ev) = web_sys::Event::new_with_event_init_dict(kind, &init) {
        let _ = target.dispatch_event(&ev);
    }
}

thread_local! {
    /// The mounted app, kept so that it can leave the page to another build.
    static MOUNTED: std::cell::RefCell<Option<Box<dyn std::any::Any>>> = const { std::cell::RefCell::new(None) };
}

/// Keeps the mounted app (dropping the handle would unmount it).
pub fn keep_mounted(handle: impl std::any::Any) {
    MOUNTED.with(|m| *m.borrow_mut() = Some(Box::new(handle)));
}

/// Unmounts the app and removes its root (another is mounted after).
#[cfg(feature = "import")]
pub fn unmount() {
    MOUNTED.with(|m| m.borrow_mut().take());
    if let Some(app) = document().get_element_by_id(APP_ID) {
        app.remove();
    }
}

/// The name, on `window`, of the function by which a lighter build leaves
/// the page to a heavier one.
const HANDOFF: &str = "corpusLensHandoff";

/// Called first by `start`: if a lighter build of this page is running (it
/// loaded this build for what it lacks), it now leaves a copy of its page
/// as `#prerendered` and unmounts, so this build takes over from that copy
/// as from a prerendered page, with what the reader typed and focused.
pub fn receive_handoff() {
    let key = wasm_bindgen::JsValue::from_str(HANDOFF);
    if let Ok(f) = js_sys::Reflect::get(&window(), &key) {
        if let Some(f) = f.dyn_ref::<js_sys::Function>() {
            let _ = js_sys::Reflect::delete_property(&window(), &key);
            let _ = f.call0(&wasm_bindgen::JsValue::NULL);
        }
    }
}

/// Leaves a static copy of the app's page behind (`#prerendered`, the
/// focus on the same control) and unmounts the app.
#[cfg_attr(feature = "full", allow(dead_code))]
fn hand_off() {
    let doc = document();
    let Some(app) = doc.get_element_by_id(APP_ID) else {
        return;
    };
    let Ok(copy) = app
        .clone_node_with_deep(true)
        .map(|n| n.unchecked_into::<Element>())
    else {
        return;
    };
    copy.set_id(PRERENDERED_ID);
    copy.set_class_name("");
    // The focused control, by position: the copy is the same tree.
    let active = doc.active_element();
    let position = app.query_selector_all(CONTROLS).ok().and_then(|list| {
        (0..list.length()).find(|&i| {
            list.item(i)
                .zip(active.as_ref())
                .is_some_and(|(n, a)| n.is_same_node(Some(a)))
        })
    });
    let _ = app.before_with_node_1(&copy);
    if let Some(el) = position
        .and_then(|i| copy.query_selector_all(CONTROLS).ok()?.item(i))
        .and_then(|n| n.dyn_into::<HtmlElement>().ok())
    {
        let opts = web_sys::FocusOptions::new();
        opts.set_prevent_scroll(true);
        let _ = el.focus_with_options(&opts);
    }
    // Unmounting removes the app's nodes and drops its listeners.
    MOUNTED.with(|m| m.borrow_mut().take());
    app.remove();
}

/// The published site's builds that a lighter one hands the page to
/// (`scripts/build-site.sh` writes them, `scripts/post-build.mjs`'s loader
/// knows where their files are).
#[cfg(not(feature = "full"))]
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Build {
    /// `full/`: every view, for the corpus the site was built with (its
    /// languages' stemmers and segmenters only).
    Full,
    /// `own/`: every view and the reader's own files, in any language
    /// (every stemmer and segmenter, the import): the build `trunk serve`
    /// and the tests run.
    Own,
}

#[cfg(not(feature = "full"))]
impl Build {
    /// The loader's name of the build (its folder).
    pub fn name(self) -> &'static str {
        match self {
            Build::Full => "full",
            Build::Own => "own",
        }
    }
}

#[cfg(not(feature = "full"))]
#[wasm_bindgen::prelude::wasm_bindgen(inline_js = "export function load_build(name) {
  return window.corpusLens && window.corpusLens.load
    ? window.corpusLens.load(name)
    : Promise.reject(new Error('this build has no ' + name + ' version'));
}")]
extern "C" {
    /// Loads and starts a build with the page's one loader (written by
    /// `scripts/post-build.mjs`, which knows where each build's files
    /// are); its `start` calls [`receive_handoff`].
    fn load_build(name: &str) -> js_sys::Promise;
}

/// In a build without some views or without the reader's own files: what
/// it lacks was asked for. Says so while the build that has it loads, then
/// that build takes over the page; says what went wrong if it cannot load.
#[cfg(not(feature = "full"))]
#[component]
pub fn LoadingBuild(
    /// What is asked for, as the page names it (the heading).
    name: &'static str,
    /// What loads, in a sentence ("the Trends view").
    #[prop(into)]
    what: String,
    /// The build that has it.
    target: Build,
) -> impl IntoView {
    thread_local! {
        static LOADING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
        /// Why the one load under way failed: every `LoadingBuild` on the
        /// page says it, whichever started the load (one build loads at a
        /// time: `own/` has all that `full/` has, and the build that takes
        /// over loads the next if it lacks something).
        static FAILED: RwSignal<Option<String>> = RwSignal::new(None);
    }
    let failed = FAILED.with(|f| *f);
    if !LOADING.with(|l| l.replace(true)) {
        failed.set(None);
        let handoff = wasm_bindgen::closure::Closure::once_into_js(hand_off);
        let _ = js_sys::Reflect::set(&window(), &HANDOFF.into(), &handoff);
        leptos::task::spawn_local(async move {
            if let Err(e) = wasm_bindgen_futures::JsFuture::from(load_build(target.name())).await {
                LOADING.with(|l| l.set(false));
                let _ = js_sys::Reflect::delete_property(&window(), &HANDOFF.into());
                failed.set(Some(
                    e.as_string()
                        .or_else(|| {
                            js_sys::Reflect::get(&e, &"message".into())
                                .ok()?
                                .as_string()
                        })
                        .unwrap_or_else(|| "no network".into()),
                ));
            }
        });
    }
    view! {
        <section class="loading-full" aria-labelledby="loading-full-heading">
            <h2 id="loading-full-heading">{name}</h2>
            <p role="status">{move || match failed.get() {
                None => format!("Loading {what}…"),
                Some(e) => format!("Could not load {what} ({e}). Reload the page to try again."),
            }}</p>
        </section>
    }
}
