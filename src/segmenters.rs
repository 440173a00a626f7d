//! The segmenters a corpus with Chinese or Japanese text needs: the
//! Chinese dictionary (`data/zh-words.txt`) and the Japanese model
//! (`data/ja-model.txt`), files of the site (`index.html` has trunk copy
//! them from `engine/data/`), fetched, read between frames and installed
//! before the index is built, so that the index and every query read the
//! same words as the build and the import worker counted
//! ([`lens_engine::text::segment`], [`lens_engine::text::japanese`]). A
//! corpus without such text fetches neither.

use lens_engine::text::japanese::{install_japanese, japanese, Model, JAPANESE_MODEL_PATH};
use lens_engine::text::segment::{
    chinese, install_chinese, Dictionary, DictionaryJob, CHINESE_WORDS_PATH,
};
use lens_engine::Corpus;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::slices::run_sliced;

/// What `corpus` needs that this page has not installed yet: the Chinese
/// dictionary (it has Han characters), the Japanese model (it has kana).
pub fn needed(corpus: &Corpus) -> (bool, bool) {
    (
        chinese().is_none() && corpus.has_han(),
        japanese().is_none() && corpus.has_kana(),
    )
}

/// What the page says while it reads them.
pub fn reading((zh, ja): (bool, bool)) -> &'static str {
    match (zh, ja) {
        (true, true) => "Reading the Chinese dictionary and the Japanese model…",
        (true, false) => "Reading the Chinese dictionary…",
        _ => "Reading the Japanese model…",
    }
}

/// Fetches, reads and installs what `corpus` needs ([`needed`]), then
/// calls `done` (with what went wrong, if anything: the page says so, and
/// offers a reload, rather than counting characters as words).
pub fn install((zh, ja): (bool, bool), done: impl FnOnce(Result<(), String>) + 'static) {
    wasm_bindgen_futures::spawn_local(async move {
        if ja {
            let read = fetch_text(JAPANESE_MODEL_PATH)
                .await
                .map_err(|why| {
                    format!("The Japanese model this corpus needs could not be downloaded ({why}).")
                })
                .and_then(|text| {
                    Model::parse(&text)
                        .map_err(|e| format!("The Japanese model is unreadable ({e})."))
                });
            match read {
                // 1,336 weights: read at once.
                Ok(model) => {
                    install_japanese(model);
                }
                Err(why) => return done(Err(why)),
            }
        }
        if !zh {
            return done(Ok(()));
        }
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
