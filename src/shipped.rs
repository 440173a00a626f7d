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

/// The built-in corpus, read once: its bytes live as long as the page, as
/// the embedded corpus' do, and its texts are borrowed from them.
pub async fn corpus() -> Result<&'static Corpus, String> {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    if let Some(c) = CORPUS.get() {
        return Ok(c);
    }
    let bytes = JsFuture::from(corpus_bytes()).await.map_err(|e| {
        let why =
            crate::failure::js_message(&e).unwrap_or_else(|| "it could not be downloaded".into());
        format!("The corpus could not be read ({why}): reload the page.")
    })?;
    let bytes: &'static [u8] =
        Box::leak(js_sys::Uint8Array::new(&bytes).to_vec().into_boxed_slice());
    let corpus = decode(bytes).map_err(|e| e.to_string())?;
    Ok(CORPUS.get_or_init(|| corpus))
}
