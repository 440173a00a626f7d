//! The segmenters a corpus written without spaces needs: the Chinese
//! dictionary (`data/zh-words.txt`), the Japanese model
//! (`data/ja-model.txt`) and the word lists of Thai, Lao, Khmer and Burmese
//! (`data/th-words.txt` …), files of the site (`index.html` has trunk copy
//! them from `engine/data/`), fetched, read between frames and installed
//! before the index is built, so that the index and every query read the
//! same words as the build and the import worker counted
//! ([`lens_engine::text::segment`], [`lens_engine::text::japanese`]). A
//! corpus without such text fetches none.

use lens_engine::text::japanese::{install_japanese, japanese, Model, JAPANESE_MODEL_PATH};
use lens_engine::text::segment::{
    install_chinese, whole_chinese, Dictionary, DictionaryJob, Script, CHINESE_WORDS_PATH,
};
use lens_engine::Corpus;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::slices::run_sliced;

/// What a corpus needs that this page has not installed yet.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Needed {
    /// The Chinese dictionary (it has Han characters).
    chinese: bool,
    /// The Japanese model (it has kana).
    japanese: bool,
    /// The word lists of these scripts.
    scripts: Vec<Script>,
}

impl Needed {
    /// Whether it needs anything.
    pub fn any(&self) -> bool {
        self.chinese || self.japanese || !self.scripts.is_empty()
    }

    /// The same, but for the Chinese dictionary when `given` (the corpus'
    /// own came with its words read at build time).
    pub fn without_chinese(mut self, given: bool) -> Needed {
        self.chinese &= !given;
        self
    }

    /// What the page says while it reads them.
    pub fn reading(&self) -> String {
        let mut what: Vec<String> = Vec::new();
        if self.chinese {
            what.push("the Chinese dictionary".into());
        }
        if self.japanese {
            what.push("the Japanese model".into());
        }
        what.extend(
            self.scripts
                .iter()
                .map(|s| format!("the {} word list", s.language())),
        );
        let last = what.pop().unwrap_or_default();
        if what.is_empty() {
            format!("Reading {last}…")
        } else {
            format!("Reading {} and {last}…", what.join(", "))
        }
    }
}

/// What `corpus` needs ([`Needed`]).
pub fn needed(corpus: &Corpus) -> Needed {
    // One pass over its text (5.6 MB for a month of People's Daily).
    let has = corpus.unspaced();
    Needed {
        // The whole dictionary: a corpus' own, installed for the built-in
        // corpus, is no other corpus' ([`Needed::without_chinese`]).
        chinese: whole_chinese().is_none() && has.han,
        japanese: japanese().is_none() && has.kana,
        scripts: has
            .scripts()
            .into_iter()
            .filter(|s| s.words().is_none())
            .collect(),
    }
}

/// Fetches, reads and installs what a corpus needs ([`needed`]), then
/// calls `done` (with what went wrong, if anything: the page says so, and
/// offers a reload, rather than counting characters as words).
pub fn install(needed: Needed, done: impl FnOnce(Result<(), String>) + 'static) {
    wasm_bindgen_futures::spawn_local(async move {
        if needed.japanese {
            // 1,336 weights: read at once.
            match fetch_text(JAPANESE_MODEL_PATH, "the Japanese model").await {
                Ok(text) => match Model::parse(&text) {
                    Ok(model) => {
                        install_japanese(model);
                    }
                    Err(e) => return done(Err(format!("The Japanese model is unreadable ({e})."))),
                },
                Err(why) => return done(Err(why)),
            }
        }
        // The lists, read one after another in slices: the last first.
        let mut lists: Vec<Option<Script>> =
            needed.scripts.iter().rev().copied().map(Some).collect();
        if needed.chinese {
            lists.push(None);
        }
        read_lists(lists, done);
    });
}

/// Reads and installs the last of `lists` (`None`: the Chinese dictionary),
/// then the rest.
fn read_lists(mut lists: Vec<Option<Script>>, done: impl FnOnce(Result<(), String>) + 'static) {
    let Some(list) = lists.pop() else {
        return done(Ok(()));
    };
    let (path, what) = match list {
        None => (CHINESE_WORDS_PATH, "the Chinese dictionary".to_string()),
        Some(s) => (s.words_path(), format!("the {} word list", s.language())),
    };
    wasm_bindgen_futures::spawn_local(async move {
        let text = match fetch_text(path, &what).await {
            Ok(t) => t,
            Err(why) => return done(Err(why)),
        };
        run_sliced(
            "dictionary",
            DictionaryJob::new(text),
            0.0,
            || true,
            |_: &DictionaryJob<String>| {},
            move |read: Result<Dictionary, String>| match read {
                Ok(d) => {
                    match list {
                        None => install_chinese(d),
                        Some(s) => s.install_words(d),
                    };
                    read_lists(lists, done);
                }
                Err(e) => done(Err(format!("{} is unreadable ({e}).", capitalised(&what)))),
            },
        );
    });
}

/// A file of the site as text (`what` names it in the message of a failure).
async fn fetch_text(path: &str, what: &str) -> Result<String, String> {
    let why = |e: wasm_bindgen::JsValue| {
        e.dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .or_else(|| e.as_string())
            .unwrap_or_else(|| "no answer".into())
    };
    let fetched = async {
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
    };
    fetched.await.map_err(|why: String| {
        format!(
            "{} this corpus needs could not be downloaded ({why}).",
            capitalised(what)
        )
    })
}

/// `what` ("the Thai word list") opening a sentence.
fn capitalised(what: &str) -> String {
    match what.strip_prefix("the ") {
        Some(rest) => format!("The {rest}"),
        None => what.to_string(),
    }
}
