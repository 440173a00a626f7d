//! A panic is never a dead page: the panic hook writes the message to the
//! console and shows a panel saying what happened, with a Reload button.
//! The panel is `public/failure.js`'s, the one place it is built: that plain
//! script needs no wasm, so it also shows the panel for a WebAssembly trap,
//! and after a panic the reactive system may be in no state to draw anything.

use wasm_bindgen::{JsCast, JsValue};

/// Installs the hook (once).
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_failure_panel(&info.to_string());
    }));
}

/// Shows the failure panel with `message` (as text), over the page, by
/// `public/failure.js` (`window.corpusLensFailure`); without that script
/// (a page that did not load it) the console has the message.
pub fn show_failure_panel(message: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let show = js_sys::Reflect::get(&window, &JsValue::from_str("corpusLensFailure"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let Some(show) = show {
        let _ = show.call1(&JsValue::NULL, &JsValue::from_str(message));
    }
}

/// What a rejected promise or thrown value says: an `Error`'s message, or
/// a string; `None` for anything else.
pub fn js_message(e: &JsValue) -> Option<String> {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
}
