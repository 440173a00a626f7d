//! The Chinese dictionary, for a corpus with Chinese text: fetched from the
//! site (`data/zh-words.txt`, which `index.html` has trunk copy from
//! `engine/data/`), read between frames, and installed before the index is
//! built, so that the index and every query read the same words as the
//! build and the import worker counted
//! ([`lens_engine::text::segment`]). A corpus without Chinese text never
//! fetches it.

use lens_engine::text::segment::{
    chinese, install_chinese, Dictionary, DictionaryJob, CHINESE_WORDS_PATH,
};
use lens_engine::Corpus;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::slices::run_sliced;

/// Whether `corpus` needs the Chinese dictionary, and this page has none yet.
pub fn needed(corpus: &Corpus) -> bool {
    chinese().is_none() && corpus.has_han()
}

/// Fetches, reads and installs the dictionary, then calls `done` (with
/// what went wrong, if anything: the page says so, and offers a reload,
/// rather than counting characters as words).
pub fn install(done: impl FnOnce(Result<(), String>) + 'static) {
    wasm_bindgen_futures::spawn_local(async move {
        let text = match fetch_text(CHINESE_WORDS_PATH).await {
            Ok(t) => t,
            Err(why) => {
                return done(Err(format!(
                    "The Chinese dictionary this corpus needs could not be downloaded ({why})."
                )))
            }
        };
        run_sliced(
            "dictionary",
            DictionaryJob::new(text),
            0.0,
            || true,
            |_: &DictionaryJob<String>| {},
            move |read: Result<Dictionary, String>| {
                done(match read {
                    Ok(d) => {
                        install_chinese(d);
                        Ok(())
                    }
                    Err(e) => Err(format!("The Chinese dictionary is unreadable ({e}).")),
                })
            },
        );
    });
}

/// A file of the site as text.
async fn fetch_text(path: &str) -> Result<String, String> {
    let why = |e: wasm_bindgen::JsValue| {
        e.dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .or_else(|| e.as_string())
            .unwrap_or_else(|| "no answer".into())
    };
    let response: web_sys::Response =
        JsFuture::from(leptos::prelude::window().fetch_with_str(path))
            .await
            .map_err(why)?
            .unchecked_into();
    if !response.ok() {
        return Err(format!("{} {}", response.status(), response.status_text()));
    }
    let text = JsFuture::from(response.text().map_err(why)?)
        .await
        .map_err(why)?;
    Ok(text.as_string().unwrap_or_default())
}
