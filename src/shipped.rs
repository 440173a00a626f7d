//! The built-in corpus of a published site (feature `shipped-corpus`): a
//! file beside the page, `corpus-HASH.bin` (written by `lens-site`, which
//! names it in the page's `<meta name="corpus-lens-corpus">`), instead of
//! bytes inside the wasm. So a build holds nothing of the corpus: the same
//! build serves any corpus' site, and `build.rs` leaves the corpus alone.
//! Every build of the site reads the same file through one promise on
//! `window`, which the page's loader starts at once, in parallel with the
//! wasm: a heavier build, taking over from the light one, finds the bytes
//! there and nothing is downloaded twice.

use std::sync::OnceLock;

use lens_engine::corpus::codec::decode;
use lens_engine::Corpus;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(inline_js = "export function corpus_bytes() {
  // The loader (scripts/post-build.mjs) may have started this fetch already.
  if (!window.corpusLensCorpus) {
    const meta = document.querySelector('meta[name=\"corpus-lens-corpus\"]');
    window.corpusLensCorpus = meta
      ? fetch(meta.content).then((r) => {
        if (!r.ok) throw new Error(meta.content + ': ' + r.status + ' ' + r.statusText);
        return r.arrayBuffer();
      })
      : Promise.reject(new Error('the page names no corpus file (lens-site writes its name)'));
  }
  return window.corpusLensCorpus.then((b) => new Uint8Array(b));
}")]
extern "C" {
    /// The corpus file's bytes (one download for every build of the page).
    fn corpus_bytes() -> js_sys::Promise;
}

#[wasm_bindgen(inline_js = "export function words_bytes() {
  // The loader (scripts/post-build.mjs) may have started this fetch already.
  if (!window.corpusLensWords) {
    const meta = document.querySelector('meta[name=\"corpus-lens-words\"]');
    window.corpusLensWords = meta
      ? fetch(meta.content).then((r) => (r.ok ? r.arrayBuffer() : null)).catch(() => null)
      : Promise.resolve(null);
  }
  return window.corpusLensWords.then((b) => (b ? new Uint8Array(b) : null));
}
export function corpus_name() {
  const meta = document.querySelector('meta[name=\"corpus-lens-corpus\"]');
  return meta ? meta.content.split('/').pop() : '';
}")]
extern "C" {
    /// The corpus' prepared words (`lens_engine::index::prepared`), or null:
    /// none named, or their download failed (the page then tokenizes).
    fn words_bytes() -> js_sys::Promise;
    /// The corpus file's name, as the page names it.
    fn corpus_name() -> String;
}

/// The built-in corpus' prepared words and its file's name (once
/// [`corpus`] has read it), if the site has them.
#[cfg(feature = "segmenters")]
pub fn words() -> Option<(&'static [u8], &'static str)> {
    WORDS.get().copied().flatten()
}

static WORDS: OnceLock<Option<(&'static [u8], &'static str)>> = OnceLock::new();

/// Whether `corpus` is the built-in one.
#[cfg(feature = "segmenters")]
pub fn is_builtin(corpus: &Corpus) -> bool {
    CORPUS.get().is_some_and(|c| std::ptr::eq(c, corpus))
}

static CORPUS: OnceLock<Corpus> = OnceLock::new();

/// The built-in corpus, read once: its bytes live as long as the page, as
/// the embedded corpus' do, and its texts are borrowed from them.
pub async fn corpus() -> Result<&'static Corpus, String> {
    if let Some(c) = CORPUS.get() {
        return Ok(c);
    }
    // Both downloads at once (the loader has started them).
    let words = words_bytes();
    let bytes = JsFuture::from(corpus_bytes()).await.map_err(|e| {
        let why =
            crate::failure::js_message(&e).unwrap_or_else(|| "it could not be downloaded".into());
        format!("The corpus could not be read ({why}): reload the page.")
    })?;
    let bytes: &'static [u8] =
        Box::leak(js_sys::Uint8Array::new(&bytes).to_vec().into_boxed_slice());
    // Decoded in a task of its own: when the bytes came before the wasm,
    // this runs in the task that started it, which already compiles and
    // copies (5.6 MB for a month of People's Daily); a phone should see
    // neither make one long task of the two.
    crate::slices::next_task().await;
    let corpus = decode(bytes).map_err(|e| e.to_string())?;
    // A failed download of the words is no error: the page tokenizes.
    let words = JsFuture::from(words).await.ok().and_then(|w| {
        let w = w.dyn_into::<js_sys::Uint8Array>().ok()?;
        let w: &'static [u8] = Box::leak(w.to_vec().into_boxed_slice());
        Some((w, &*Box::leak(corpus_name().into_boxed_str())))
    });
    let _ = WORDS.set(words);
    Ok(CORPUS.get_or_init(|| corpus))
}
