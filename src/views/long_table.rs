//! The body of a table of periods that may be long (730 days, 3,660 at
//! most): only the rows near its scrolled view are in the document.
//!
//! A table of every day of two years redrawn at each keystroke, or built
//! again at each change of grain, costs far more than a frame (its layout
//! alone took 20 to 30 ms in Chromium). Drawn in part, it costs what a
//! short table does. A short table (fewer than
//! [`WINDOWED_FROM`](lens_engine::out::rows::WINDOWED_FROM) rows, about
//! four boxes full) is drawn whole. A long one says how many rows it has
//! (`aria-rowcount` on the table, `aria-rowindex` on each row, as
//! WAI-ARIA's pattern for a grid drawn in part), and keeps rows drawn
//! beyond its view above and below, so that Tab always reaches the next
//! row: focusing it scrolls it into view, which draws the rows after it.
//! Every number is in the CSV download too.

use lens_engine::corpus::period::Period;
pub use lens_engine::out::rows::is_windowed;
use lens_engine::out::rows::{rows_drawn, Shown, ROW_PX};
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A table body of `rows` rows, row `r` drawn by `row(r)` (a `<tr>`, which
/// should carry `aria-rowindex` = r + 2 when [`is_windowed`]); `scroller`
/// is the box the table scrolls in.
#[component]
pub fn LongBody<F, V>(
    /// How many rows the table has.
    rows: usize,
    /// The box the table scrolls in.
    scroller: NodeRef<html::Div>,
    /// Draws row `r`.
    row: F,
    /// Called on a click in the body (rows are many: one listener for all).
    #[prop(optional)]
    on_click: Option<Callback<web_sys::MouseEvent>>,
) -> impl IntoView
where
    F: Fn(usize) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let body = NodeRef::<html::Tbody>::new();
    let (range, before, after) = follow(rows, scroller, move || {
        body.get_untracked().map(|b| b.unchecked_into())
    });
    let spacer = move |height: Signal<String>| {
        is_windowed(rows).then(|| {
            view! { <tr class="spacer" aria-hidden="true"><td style:height=height></td></tr> }
        })
    };
    let (before, after) = (spacer(before), spacer(after));
    view! {
        <tbody node_ref=body on:click=move |ev| if let Some(f) = on_click { f.run(ev) }>
            {before}
            <For each=move || range.get() key=|r| *r children=row />
            {after}
        </tbody>
    }
}

/// A list of `rows` items, item `r` drawn by `item(r)` (an `<li>`, which
/// should carry `aria-posinset` = r + 1 and `aria-setsize` when
/// [`is_windowed`]), in `scroller`, the box it scrolls in.
#[component]
pub fn LongList<F, V>(
    /// How many items the list has.
    rows: usize,
    /// The box the list scrolls in.
    scroller: NodeRef<html::Div>,
    /// Draws item `r`.
    item: F,
    /// The list's class.
    class: &'static str,
    /// The list's label: the id of its heading.
    labelledby: &'static str,
) -> impl IntoView
where
    F: Fn(usize) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let list = NodeRef::<html::Ul>::new();
    let (range, before, after) = follow(rows, scroller, move || {
        list.get_untracked().map(|l| l.unchecked_into())
    });
    let spacer = move |height: Signal<String>| {
        is_windowed(rows)
            .then(|| view! { <li class="spacer" aria-hidden="true" style:height=height></li> })
    };
    let (before, after) = (spacer(before), spacer(after));
    view! {
        <ul class=class aria-labelledby=labelledby node_ref=list>
            {before}
            <For each=move || range.get() key=|r| *r children=item />
            {after}
        </ul>
    }
}

/// The rows of `rows` to draw as `scroller` scrolls over `body` (the
/// element holding them: its drawn rows carry `aria-rowindex` or
/// `aria-posinset`), and the heights of the spaces before and after them.
fn follow(
    rows: usize,
    scroller: NodeRef<html::Div>,
    body: impl Fn() -> Option<web_sys::Element> + Copy + 'static,
) -> (Memo<std::ops::Range<usize>>, Signal<String>, Signal<String>) {
    let shown = RwSignal::new(Shown {
        top: 0.0,
        // Until measured: the keyword table's box (28rem).
        height: 28.0 * 16.0,
        row: ROW_PX,
    });
    let measure = move || {
        let (Some(b), Some(s)) = (body(), scroller.get_untracked()) else {
            return;
        };
        let top = s.get_bounding_client_rect().top() - b.get_bounding_client_rect().top();
        let row = b
            .query_selector("[aria-rowindex], [aria-posinset]")
            .ok()
            .flatten()
            .map(|r| r.get_bounding_client_rect().height())
            .filter(|h| *h > 0.0)
            .unwrap_or(ROW_PX);
        let now = Shown {
            top,
            height: s.client_height() as f64,
            row,
        };
        if shown.get_untracked() != now {
            shown.set(now);
        }
    };
    if is_windowed(rows) {
        // The view follows scrolling, and the box's size (a <details> opened).
        let listener = StoredValue::new_local(None::<gloo_events::EventListener>);
        let watch = BoxWatch::new(measure);
        Effect::new(move |_| {
            if let Some(s) = scroller.get() {
                measure();
                watch.with_value(|w| w.observe(&s));
                listener.set_value(Some(gloo_events::EventListener::new(
                    &s,
                    "scroll",
                    move |_| measure(),
                )));
            }
        });
    }
    let range = Memo::new(move |_| rows_drawn(rows, shown.get()));
    let px = move |n: usize| format!("{:.1}px", n as f64 * shown.with(|s| s.row));
    let before = Signal::derive(move || px(range.with(|r| r.start)));
    let after = Signal::derive(move || px(range.with(|r| rows - r.end)));
    (range, before, after)
}

/// Scrolls the box of a table drawn in part so that its row `key` (a
/// `data-period`) is drawn, then focuses that row's button: the way back to
/// a period whose row may lie far from the rows drawn. Its place is found
/// from the first drawn row's period (the rows are consecutive periods).
pub fn focus_row(table: &web_sys::Element, period: Period) {
    let Some(first) = table
        .query_selector("tbody tr[data-period][aria-rowindex]")
        .ok()
        .flatten()
    else {
        return;
    };
    let Some(scroller) = table.closest(".table-scroll").ok().flatten() else {
        return;
    };
    let Some(p0) = first
        .get_attribute("data-period")
        .and_then(|k| Period::from_key(&k))
    else {
        return;
    };
    let rect = first.get_bounding_client_rect();
    // Rows from the first drawn one, with two rows of room under the sticky header.
    let offset = (period.n - p0.n) as f64 * rect.height() - 2.0 * rect.height();
    let top = rect.top() - scroller.get_bounding_client_rect().top() + offset;
    scroller.set_scroll_top(scroller.scroll_top() + top.round() as i32);
    let key = period.key();
    let table = table.clone();
    // The scroll event draws the rows (a frame at most); then the focus.
    leptos::task::spawn_local(async move {
        for _ in 0..10 {
            gloo_timers::future::TimeoutFuture::new(20).await;
            let button = table
                .query_selector(&format!("tr[data-period='{key}'] button"))
                .ok()
                .flatten();
            if let Some(b) = button.and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = b.focus();
                return;
            }
        }
    });
}

/// A `ResizeObserver` calling back while the view lives (disconnected when
/// dropped with it).
pub struct BoxWatch {
    observer: Option<web_sys::ResizeObserver>,
    _callback: wasm_bindgen::closure::Closure<dyn FnMut()>,
}

impl BoxWatch {
    /// Kept as long as the view (a local stored value).
    pub fn new(on_resize: impl Fn() + 'static) -> StoredValue<BoxWatch, LocalStorage> {
        let callback = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(on_resize);
        let observer =
            web_sys::ResizeObserver::new(wasm_bindgen::JsCast::unchecked_ref(callback.as_ref()))
                .ok();
        StoredValue::new_local(BoxWatch {
            observer,
            _callback: callback,
        })
    }

    /// Calls back when `el` changes size (and once it is observed).
    pub fn observe(&self, el: &web_sys::Element) {
        if let Some(o) = &self.observer {
            o.observe(el);
        }
    }
}

impl Drop for BoxWatch {
    fn drop(&mut self) {
        if let Some(o) = &self.observer {
            o.disconnect();
        }
    }
}
