//! Files dropped anywhere on the page. Every build catches a drop: a build
//! without the reader's own files (the light one, the published `full/`)
//! keeps what was dropped on `window` and opens the reader's files
//! (`files=1`), which the build with them answers (`own/`, feature
//! `import`); that build takes it from there. A drop's entries are taken during its event:
//! its data is gone once the event is over, its entries are not.

use gloo_events::{EventListener, EventListenerOptions};
use js_sys::{Array, Reflect};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// Where a build without the reader's files leaves a drop for the one with them.
const DROPPED: &str = "corpusLensDropped";

/// What a drop holds: an entry per item (a file or a folder, walked
/// later), or the item's file where the browser gives no entry.
pub fn entries(dt: &web_sys::DataTransfer) -> Array {
    let items = dt.items();
    let out = Array::new();
    for i in 0..items.length() {
        let Some(item) = items.get(i) else { continue };
        if item.kind() != "file" {
            continue;
        }
        match item.webkit_get_as_entry() {
            Ok(Some(e)) => {
                out.push(&e);
            }
            _ => {
                if let Ok(Some(f)) = item.get_as_file() {
                    out.push(&f);
                }
            }
        }
    }
    out
}

/// A drop left by the light build, taken (once).
pub fn take_left() -> Option<Array> {
    let key = JsValue::from_str(DROPPED);
    let v = Reflect::get(&window(), &key).ok()?;
    let _ = Reflect::delete_property(&window(), &key);
    v.dyn_into::<Array>().ok()
}

fn has_files(ev: &web_sys::DragEvent) -> bool {
    ev.data_transfer()
        .is_some_and(|d| d.types().includes(&"Files".into(), 0))
}

/// Calls `on_drop` with what is dropped anywhere on the page (files only:
/// a dragged link or text keeps its usual meaning).
pub fn follow_drops(on_drop: impl Fn(Array) + 'static) -> impl Sized {
    let opts = EventListenerOptions::enable_prevent_default();
    let over = EventListener::new_with_options(&window(), "dragover", opts, |ev| {
        let ev: &web_sys::DragEvent = ev.unchecked_ref();
        if has_files(ev) {
            ev.prevent_default();
        }
    });
    let drop = EventListener::new_with_options(&window(), "drop", opts, move |ev| {
        let ev: &web_sys::DragEvent = ev.unchecked_ref();
        if !has_files(ev) {
            return;
        }
        ev.prevent_default();
        if let Some(dt) = ev.data_transfer() {
            on_drop(entries(&dt));
        }
    });
    (over, drop)
}

/// A drop in a build without the reader's files: left for the build with
/// them, and the reader's files opened (which loads it).
pub fn leave_for_own(url: crate::url_state::UrlQuery) -> impl Sized {
    follow_drops(move |entries| {
        let _ = Reflect::set(&window(), &DROPPED.into(), &entries);
        url.navigate(&url.href(&[(crate::params::FILES.name, Some("1"))]));
    })
}
