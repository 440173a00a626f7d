//! Files made in the page and handed to the reader as downloads (gloo-file):
//! nothing leaves the device.

use gloo_file::{Blob, ObjectUrl};
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Offers `content` as a file called `name`.
pub fn offer_text(name: &str, mime: &str, content: &str) {
    offer_blob(name, Blob::new_with_options(content, Some(mime)));
}

/// Offers `bytes` as a file called `name`.
pub fn offer_bytes(name: &str, mime: &str, bytes: &[u8]) {
    offer_blob(name, Blob::new_with_options(bytes, Some(mime)));
}

fn offer_blob(name: &str, blob: Blob) {
    let url = ObjectUrl::from(blob);
    let Ok(a) = document().create_element("a") else {
        return;
    };
    let a: web_sys::HtmlAnchorElement = a.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // The browser has taken the file; the URL may go once this task ends.
    gloo_timers::callback::Timeout::new(10_000, move || drop(url)).forget();
}

/// Offers an SVG image (`markup`, `w` × `h` CSS pixels) as a PNG file,
/// drawn at twice its size; `failed` is called, with why, when the browser
/// cannot read the SVG as an image or gives no PNG of it. (A page without
/// a canvas at all fails silently: every browser the page runs in has one.)
pub fn offer_png(
    name: &str,
    markup: &str,
    w: f64,
    h: f64,
    failed: impl Fn(&str) + Clone + 'static,
) {
    let url = ObjectUrl::from(Blob::new_with_options(markup, Some("image/svg+xml")));
    let Ok(img) = web_sys::HtmlImageElement::new() else {
        return;
    };
    let on_error = {
        let failed = failed.clone();
        Closure::once(move || failed("the browser could not read the chart as an image"))
    };
    img.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
    img.set_src(&url);
    let name = name.to_string();
    let img2 = img.clone();
    let onload = Closure::once(move || {
        let _keep = url; // the SVG's URL lives until the image has loaded
        let Ok(canvas) = document().create_element("canvas") else {
            return;
        };
        let canvas: web_sys::HtmlCanvasElement = canvas.unchecked_into();
        canvas.set_width((w * 2.0) as u32);
        canvas.set_height((h * 2.0) as u32);
        let Ok(Some(ctx)) = canvas.get_context("2d") else {
            return;
        };
        let ctx: web_sys::CanvasRenderingContext2d = ctx.unchecked_into();
        let _ = ctx.scale(2.0, 2.0);
        let _ = ctx.draw_image_with_html_image_element_and_dw_and_dh(&img2, 0.0, 0.0, w, h);
        let on_blob = Closure::once(move |blob: Option<web_sys::Blob>| match blob {
            Some(b) => offer_blob(&name, Blob::from(b)),
            None => failed("the browser made no PNG of it"),
        });
        let _ = canvas.to_blob(on_blob.as_ref().unchecked_ref());
        on_blob.forget();
    });
    img.set_onload(Some(onload.as_ref().unchecked_ref()));
    onload.forget();
}
