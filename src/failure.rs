//! A panic is never a dead page: the panic hook writes the message to the
//! console and shows a panel saying what happened, with a Reload button.
//! The panel is built with plain DOM calls, since after a panic the reactive
//! system may be in no state to draw anything.

use gloo_events::EventListener;
use wasm_bindgen::JsCast;

/// Installs the hook (once).
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_failure_panel(&info.to_string());
    }));
}

/// Shows the failure panel with `message` (as text), over the page.
pub fn show_failure_panel(message: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else { return };
    if document.get_element_by_id("failure-panel").is_some() {
        return; // the first failure is the one worth reading
    }
    let make = |tag: &str| document.create_element(tag).ok();
    let (Some(panel), Some(heading), Some(text), Some(details), Some(button)) = (
        make("div"),
        make("h2"),
        make("p"),
        make("pre"),
        make("button"),
    ) else {
        return;
    };
    let _ = panel.set_attribute("id", "failure-panel");
    let _ = panel.set_attribute("role", "alertdialog");
    let _ = panel.set_attribute("aria-labelledby", "failure-heading");
    let _ = heading.set_attribute("id", "failure-heading");
    heading.set_text_content(Some("Something went wrong"));
    text.set_text_content(Some(
        "Corpus Lens hit an internal error and stopped. Nothing you typed has left this device. \
         Reloading the page starts it again from the address in the URL.",
    ));
    details.set_text_content(Some(message));
    let _ = button.set_attribute("type", "button");
    button.set_text_content(Some("Reload"));
    EventListener::new(&button, "click", |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    })
    .forget();
    for child in [&heading, &text, &details, &button] {
        let _ = panel.append_child(child);
    }
    let _ = body.append_child(&panel);
    if let Ok(b) = button.dyn_into::<web_sys::HtmlElement>() {
        let _ = b.focus();
    }
}
