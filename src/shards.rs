//! A corpus published as a sharded static index (feature `shipped-corpus`;
//! `scripts/build-site.sh` with `SITE_MODE=sharded`, or past its size
//! threshold): files beside the page (`index-HASH.bin`, named in the page's
//! `<meta name="corpus-lens-index">`, and the `pack-HASH.bin` it names),
//! read piece by piece as the views ask ([`lens_engine::shard::ShardReader`]
//! says what to fetch; this module fetches it).
//!
//! A piece is fetched with an HTTP Range request; a host that ignores
//! ranges answers with the whole file, and from then on each file is
//! fetched whole once and kept (a few at most) for its pieces, so such a
//! host works too, at the cost of whole files. All the pieces of one step
//! are fetched at once (one round trip), and deflated ones inflated by the
//! browser (`DecompressionStream`). The pieces fetched (the newest 8 MB)
//! are kept for every build of the page: the full build, taking over from
//! the light one, starts from what the light one read.

use std::cell::RefCell;
use std::sync::Arc;

use lens_engine::index::docset::DocSet;
use lens_engine::index::Index;
use lens_engine::shard::lists::ListOf;
use lens_engine::shard::{MonthCounts, Needs, Request, ShardReader, Text};
use lens_engine::stats::words::{counts_of_lists, Counts};
use lens_engine::Corpus;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// Bytes of terms and texts the page keeps fetched (as decoded): past it,
/// those used longest ago go (the service worker still has their bytes).
pub const HELD_LIMIT: usize = 64 << 20;

/// The most bytes of text tables (where each article's text is) the page
/// reads at start, behind the list (sotu-x40's 9,960 articles: 70 KB); a
/// larger corpus reads them as its searches need them.
pub const TEXT_TABLES_AT_START: u64 = 256 << 10;

/// The most bytes of postings and positions one question may fetch (about
/// three times that decoded): a larger one (a prefix of thousands of
/// terms, a list of the commonest words) is refused before any is fetched.
pub const QUERY_BYTES: u64 = 16 << 20;

/// Why a question got no answer.
#[derive(Clone, Debug, PartialEq)]
pub enum Unanswered {
    /// A fetch failed (asking again may work).
    Failed(String),
    /// The question asks too much of the index (asking again will not).
    Refused(String),
}

impl Unanswered {
    /// What the reader is told.
    pub fn message(&self) -> &str {
        match self {
            Unanswered::Failed(m) | Unanswered::Refused(m) => m,
        }
    }
}

#[wasm_bindgen(inline_js = "
export function index_name() {
  const meta = document.querySelector('meta[name=\"corpus-lens-index\"]');
  return meta ? meta.content : undefined;
}
export function manifest_bytes(name) {
  // The loader (scripts/post-build.mjs) may have started this fetch already.
  if (!window.corpusLensIndex) {
    window.corpusLensIndex = fetch(name).then((r) => {
      if (!r.ok) throw new Error(name + ': ' + r.status + ' ' + r.statusText);
      return r.arrayBuffer();
    });
  }
  return window.corpusLensIndex.then((b) => new Uint8Array(b));
}
// What every build of the page shares (the light build's start is the full
// build's too, so the full build reads it from here, not from the network):
// whether the host answers Range requests, learnt from the first piece (the
// metadata, fetched alone at start); the whole files of a host that ignores
// them (each fetched once, one promise per file shared by every piece of it,
// the four used last kept); and the pieces fetched, the newest 8 MB of them.
const shared = window.corpusLensPieces || (window.corpusLensPieces = {
  ranges: null, whole: new Map(), pieces: new Map(), bytes: 0,
});
const PIECES_KEPT = 8 << 20;
function wholeFile(url) {
  const whole = shared.whole;
  let file = whole.get(url);
  if (file) whole.delete(url);
  else file = fetch(url).then((r) => {
    if (!r.ok) throw new Error(url + ': ' + r.status + ' ' + r.statusText);
    return r.arrayBuffer();
  });
  whole.set(url, file);
  file.catch(() => whole.delete(url));
  while (whole.size > 4) whole.delete(whole.keys().next().value);
  return file;
}
function fetchPiece(url, start, len) {
  const cut = (b) => {
    if (start + len > b.byteLength) throw new Error(url + ' is shorter than its index says');
    // A copy: a view would keep the whole file alive as long as the piece is kept.
    return new Uint8Array(b.slice(start, start + len));
  };
  if (shared.ranges === false) return wholeFile(url).then(cut);
  return fetch(url, { headers: { Range: 'bytes=' + start + '-' + (start + len - 1) } }).then((r) => {
    if (r.status === 206) {
      shared.ranges = true;
      return r.arrayBuffer().then((b) => {
        if (b.byteLength !== len) throw new Error(url + ': the host sent ' + b.byteLength + ' bytes for ' + len);
        return new Uint8Array(b);
      });
    }
    if (r.ok) {
      shared.ranges = false;
      const all = r.arrayBuffer();
      shared.whole.set(url, all);
      return all.then(cut);
    }
    throw new Error(url + ': ' + r.status + ' ' + r.statusText);
  });
}
function piece(url, start, len) {
  const key = url + '#' + start + '+' + len;
  const { pieces } = shared;
  const kept = pieces.get(key);
  if (kept) {
    pieces.delete(key);
    pieces.set(key, kept);
    return kept.bytes;
  }
  const bytes = fetchPiece(url, start, len);
  const entry = { bytes, len };
  pieces.set(key, entry);
  shared.bytes += len;
  // A failed fetch is not kept: asking again fetches again.
  bytes.catch(() => {
    if (pieces.get(key) === entry) { pieces.delete(key); shared.bytes -= len; }
  });
  for (const [k, v] of pieces) {
    if (shared.bytes <= PIECES_KEPT || v === entry) break;
    pieces.delete(k);
    shared.bytes -= v.len;
  }
  return bytes;
}
// A piece that came but could not be read is not kept: asking again fetches it again.
export function forget_piece(url, start, len) {
  const key = url + '#' + start + '+' + len;
  const kept = shared.pieces.get(key);
  if (kept) { shared.pieces.delete(key); shared.bytes -= kept.len; }
}
function inflate(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Response(stream).arrayBuffer().then((b) => new Uint8Array(b));
}
export function fetch_pieces(urls, starts, lens, deflated) {
  return Promise.all(urls.map((u, i) => piece(u, starts[i], lens[i])
    .then((b) => deflated[i] ? inflate(b) : b)));
}
")]
extern "C" {
    /// The manifest the page names, if it names one.
    fn index_name() -> Option<String>;
    /// The manifest's bytes (one download for every build of the page).
    fn manifest_bytes(name: &str) -> js_sys::Promise;
    /// Drops a kept piece (its bytes could not be read).
    fn forget_piece(url: &str, start: f64, len: f64);
    /// The pieces, all at once: an array of `Uint8Array`s, inflated where asked.
    fn fetch_pieces(
        urls: js_sys::Array,
        starts: js_sys::Array,
        lens: js_sys::Array,
        deflated: js_sys::Array,
    ) -> js_sys::Promise;
}

/// Whether the page names a sharded index (rather than a corpus file).
pub fn named() -> bool {
    index_name().is_some()
}

thread_local! {
    /// The reader of the site's sharded index, for the page's life (the
    /// page has one thread; [`Shards`] is a handle to it that views can
    /// hold in their memos).
    static READER: RefCell<Option<ShardReader>> = const { RefCell::new(None) };
}

/// Runs `f` on the reader ([`open`] made it).
fn with_reader<T>(f: impl FnOnce(&mut ShardReader) -> T) -> T {
    READER.with(|r| f(r.borrow_mut().as_mut().expect("the index is open")))
}

/// The site's sharded index, as the views ask it.
#[derive(Clone, Copy)]
pub struct Shards {
    /// Counts the texts read: what shows an article's text follows it.
    texts_read: RwSignal<u64>,
}

/// A fetch's failure, as a reader is told it.
fn failure(e: JsValue) -> String {
    let why = crate::failure::js_message(&e).unwrap_or_else(|| "the network failed".into());
    format!("Part of the corpus could not be downloaded ({why}).")
}

/// Opens the site's sharded index: its manifest, then its articles'
/// metadata (the list, the facets and every date, at once). The corpus
/// returned has every article without its text.
pub async fn open() -> Result<(&'static Corpus, Shards), String> {
    let name = index_name().ok_or("the page names no index")?;
    let bytes = JsFuture::from(manifest_bytes(&name))
        .await
        .map_err(failure)?;
    let bytes = js_sys::Uint8Array::new(&bytes).to_vec();
    let reader = ShardReader::new(&bytes, HELD_LIMIT)
        .map_err(|e| format!("The corpus cannot be read: {e}."))?;
    READER.with(|r| *r.borrow_mut() = Some(reader));
    let shards = Shards {
        texts_read: RwSignal::new(0),
    };
    let start = with_reader(|r| r.start());
    shards.fetch(start).await?;
    let meta = with_reader(|r| r.metadata().cloned()).ok_or("The corpus' metadata is missing.")?;
    // Then, behind the list, where every article's text is (if that is
    // small), so that a search's texts come in the round trip after its
    // terms; a failure here only means they are read when needed.
    let tables = with_reader(|r| r.text_tables(TEXT_TABLES_AT_START));
    // (Before the app is mounted: no reactive executor yet.)
    wasm_bindgen_futures::spawn_local(async move {
        let _ = shards.fetch(tables).await;
    });
    let meta: &'static Arc<Corpus> = Box::leak(Box::new(meta));
    Ok((meta, shards))
}

impl Shards {
    /// Fetches `requests` (one round trip) and hands them to the reader.
    async fn fetch(&self, requests: Vec<Request>) -> Result<(), String> {
        if requests.is_empty() {
            return Ok(());
        }
        let (urls, starts, lens, deflated) = (
            js_sys::Array::new(),
            js_sys::Array::new(),
            js_sys::Array::new(),
            js_sys::Array::new(),
        );
        with_reader(|reader| {
            let files = &reader.manifest().files;
            for r in &requests {
                urls.push(&JsValue::from_str(&files[r.piece.file as usize]));
                starts.push(&JsValue::from_f64(r.piece.start as f64));
                lens.push(&JsValue::from_f64(r.piece.len as f64));
                deflated.push(&JsValue::from_bool(r.deflated));
            }
        });
        let got = JsFuture::from(fetch_pieces(urls, starts, lens, deflated))
            .await
            .map_err(failure)?;
        let got = js_sys::Array::from(&got);
        with_reader(|reader| {
            for (r, bytes) in requests.iter().zip(got.iter()) {
                let bytes = js_sys::Uint8Array::new(&bytes).to_vec();
                if let Err(e) = reader.supply(&r.wanted, &bytes) {
                    let url = &reader.manifest().files[r.piece.file as usize];
                    forget_piece(url, r.piece.start as f64, r.piece.len as f64);
                    return Err(format!("The corpus cannot be read: {e}."));
                }
            }
            Ok(())
        })
    }

    /// The partial index of what `needs` names, fetching what is missing
    /// (a round trip or two), unless it asks more than [`QUERY_BYTES`].
    /// `current` says whether the question is still the latest: a
    /// superseded one stops between round trips.
    pub async fn answer(
        &self,
        needs: &Needs,
        current: impl Fn() -> bool,
    ) -> Result<Index, Unanswered> {
        loop {
            let requests = with_reader(|r| r.missing(needs));
            if requests.is_empty() {
                // Asked and answered with no wait between: nothing evicted.
                return with_reader(|r| r.index(needs))
                    .map_err(|e| Unanswered::Failed(format!("The corpus cannot be read: {e}.")));
            }
            let bytes = ShardReader::term_bytes(&requests);
            if bytes > QUERY_BYTES {
                return Err(Unanswered::Refused(format!(
                    "This search would fetch {:.0} MB of the index, more than a search may here ({} MB): narrow it (a longer prefix, fewer common words).",
                    bytes as f64 / 1e6,
                    QUERY_BYTES >> 20
                )));
            }
            if !current() {
                return Err(Unanswered::Failed("superseded".into()));
            }
            self.fetch(requests).await.map_err(Unanswered::Failed)?;
        }
    }

    /// The month counts of `terms` ([`ShardReader::month_counts`]),
    /// fetching their chunks if they are not here (one round trip).
    pub async fn month_counts(&self, terms: &[String]) -> Result<Vec<MonthCounts>, String> {
        loop {
            let requests = with_reader(|r| r.missing_months(terms));
            if requests.is_empty() {
                // Asked and answered with no wait between: nothing evicted.
                return with_reader(|r| r.month_counts(terms))
                    .map_err(|e| format!("The corpus cannot be read: {e}."));
            }
            self.fetch(requests).await?;
        }
    }

    /// The word lists that count exactly the articles of `docs`
    /// ([`ShardReader::lists_for`]), if some do: a facet selection's.
    pub fn lists_for(&self, docs: &DocSet) -> Option<Vec<ListOf>> {
        with_reader(|r| r.lists_for(docs))
    }

    /// The words of the articles `docs` counted from `lists` (those of
    /// [`Shards::lists_for`]) and the whole corpus' ([`ShardReader::word_lists`],
    /// [`counts_of_lists`]),
    /// fetching the vocabulary and the lists if they are not here (one round trip).
    pub async fn word_counts(
        &self,
        lists: &[ListOf],
        docs: &DocSet,
    ) -> Result<(Arc<Index>, Counts, Counts), String> {
        loop {
            let requests = with_reader(|r| r.missing_lists(lists));
            if requests.is_empty() {
                let read = with_reader(|r| r.word_lists(lists))
                    .map_err(|e| format!("The corpus cannot be read: {e}."))?;
                let (selection, whole) = counts_of_lists(&read, docs);
                return Ok((read.vocabulary, selection, whole));
            }
            self.fetch(requests).await?;
        }
    }

    /// How many articles have each of `words` ([`ShardReader::doc_counts`]),
    /// fetching their dictionary chunks if they are not here (one round trip).
    pub async fn doc_counts(&self, words: &[String]) -> Result<Vec<u32>, String> {
        loop {
            let requests = with_reader(|r| r.missing_entries(words));
            if requests.is_empty() {
                return with_reader(|r| r.doc_counts(words))
                    .map_err(|e| format!("The corpus cannot be read: {e}."));
            }
            self.fetch(requests).await?;
        }
    }

    /// Fetches the texts of articles `docs` that are not here yet.
    pub async fn read_texts(&self, docs: &[u32]) -> Result<(), String> {
        let mut read = false;
        loop {
            let requests = with_reader(|r| r.missing_texts(docs))
                .map_err(|e| format!("The corpus cannot be read: {e}."))?;
            if requests.is_empty() {
                if read {
                    self.texts_read.update(|n| *n += 1);
                }
                return Ok(());
            }
            read = true;
            self.fetch(requests).await?;
        }
    }

    /// A corpus of `meta` (the metadata) with the texts of `docs` put in
    /// ([`lens_engine::index::partial::with_texts`]: numbered as the whole
    /// corpus), fetched if they are not here, and its index, built in
    /// slices: what Contexts' sample and Compare's pair read. `Ok(None)`
    /// once `live()` fails (a newer question was asked).
    pub async fn index_texts(
        &self,
        meta: &'static Corpus,
        docs: &[usize],
        live: impl Fn() -> bool + Copy,
    ) -> Result<Option<(Arc<Corpus>, Index)>, String> {
        let wanted: Vec<u32> = docs.iter().map(|&d| d as u32).collect();
        self.read_texts(&wanted).await?;
        if !live() {
            return Ok(None);
        }
        // Taken at once after they are read: none has been evicted.
        let texts = docs
            .iter()
            .map(|&d| self.article(d).map(|t| (d, t.article.body.clone())))
            .collect::<Option<Vec<_>>>()
            .ok_or("The articles' texts could not be kept.")?;
        let with = Arc::new(lens_engine::index::partial::with_texts(meta, texts)?);
        Ok(crate::slices::index_in_slices(&with, live)
            .await
            .map(|index| (with, index)))
    }

    /// Tracks the texts read (a reactive read).
    pub fn track_texts(&self) {
        self.texts_read.track();
    }

    /// Whether the text of any of articles `docs` is here (not tracked).
    pub fn holds_any_text(&self, docs: &[u32]) -> bool {
        with_reader(|r| docs.iter().any(|&d| r.holds_text(d)))
    }

    /// Article `doc` with its text, once read (tracks the texts read).
    pub fn article(&self, doc: usize) -> Option<Arc<Text>> {
        self.texts_read.track();
        with_reader(|r| r.article(doc as u32))
    }

    /// The partial index of no term: every article's facts, what the list
    /// and the facets need at once.
    pub fn empty_index(&self) -> Result<Index, String> {
        with_reader(|r| r.index(&Needs::default()))
            .map_err(|e| format!("The corpus cannot be read: {e}."))
    }

    /// Bytes of terms, texts and month counts held.
    pub fn held(&self) -> usize {
        with_reader(|r| r.held())
    }
}
