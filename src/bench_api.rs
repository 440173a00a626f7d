//! For `bench/peers.mjs` only (feature `bench-api`): the engine's answers,
//! callable from JavaScript, so that it can be timed beside MiniSearch and
//! FlexSearch on the same queries in the same page.

use std::sync::OnceLock;

use lens_engine::index::Index;
use lens_engine::search::facets::facet_counts;
use lens_engine::search::highlight::{mark_title, snippet};
use lens_engine::search::query::parse;
use lens_engine::search::{Order, SearchOptions};
use wasm_bindgen::prelude::wasm_bindgen;

use crate::embedded_corpus;

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| Index::new(embedded_corpus().expect("the embedded corpus")))
}

/// Builds a fresh index of the embedded corpus in one go (what the page does
/// in slices at start-up): the number of distinct words.
#[wasm_bindgen]
pub fn lens_bench_build() -> u32 {
    Index::new(embedded_corpus().expect("the embedded corpus")).vocabulary_len() as u32
}

/// Builds a fresh index of the embedded corpus in one go from its words read
/// at build time (what the page does in slices for a corpus with text
/// written without spaces): the number of distinct words, or 0 when the
/// corpus has none (or the build no segmenters).
#[wasm_bindgen]
pub fn lens_bench_build_prepared() -> u32 {
    #[cfg(feature = "segmenters")]
    {
        use lens_engine::index::builder::IndexBuilder;
        use lens_engine::steps::Steps;
        let corpus = embedded_corpus().expect("the embedded corpus");
        if let Some(words) = crate::prepared_words(corpus) {
            return IndexBuilder::prepared(corpus, words)
                .finish()
                .vocabulary_len() as u32;
        }
    }
    0
}

/// The characters of the embedded corpus' text (titles and bodies), to
/// give an index build's time per character.
#[wasm_bindgen]
pub fn lens_bench_chars() -> f64 {
    let corpus = embedded_corpus().expect("the embedded corpus");
    corpus
        .articles()
        .iter()
        .map(|a| a.text().chars().count())
        .sum::<usize>() as f64
}

/// Matching and BM25 ranking: the number of hits.
#[wasm_bindgen]
pub fn lens_bench_rank(q: &str) -> u32 {
    let Ok(p) = parse(q) else { return 0 };
    let m = index().matches(&p.query, SearchOptions::default());
    index().rank(&m, Order::Relevance).len() as u32
}

/// What a keystroke costs the page's engine: parse, match, rank, facet counts, 20 snippets.
#[wasm_bindgen]
pub fn lens_bench_answer(q: &str) -> u32 {
    let Ok(p) = parse(q) else { return 0 };
    let corpus = embedded_corpus().expect("the embedded corpus");
    let opts = SearchOptions::default();
    let m = index().matches(&p.query, opts);
    let hits = index().rank(&m, Order::Relevance);
    let f = facet_counts(index(), &p, &m.docs, opts);
    let mut n = f.years.len();
    for h in hits.iter().take(20) {
        let a = &corpus.articles()[h.doc];
        let spans = index().match_spans(&m, h.doc);
        n += mark_title(a, &spans).len()
            + snippet(a, index().doc(h.doc), &index().term_spans(&m, h.doc), 12)
                .text
                .len();
    }
    (n + hits.len()) as u32
}
