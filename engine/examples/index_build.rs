//! Times the start-up work of the page natively, phase by phase, on a corpus
//! folder: `cargo run --release -p lens-engine --features load,zh-dict,ja-model --example
//! index_build -- bench/data/sotu`. Medians of five runs.

use lens_engine::steps::Steps;
use std::time::{Duration, Instant};

use lens_engine::corpus::load::load_corpus_dir;
use lens_engine::index::builder::IndexBuilder;
use lens_engine::index::prepared;
use lens_engine::index::Index;
use lens_engine::text::tokenize::{reference_words, words};

fn median(mut f: impl FnMut() -> usize) -> (Duration, usize) {
    let mut times = Vec::new();
    let mut out = 0;
    for _ in 0..5 {
        let t = Instant::now();
        out = std::hint::black_box(f());
        times.push(t.elapsed());
    }
    times.sort();
    (times[2], out)
}

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "corpus".into());
    let corpus = load_corpus_dir(std::path::Path::new(&dir)).unwrap_or_else(|problems| {
        problems.iter().for_each(|p| eprintln!("{p}"));
        std::process::exit(1)
    });
    // A corpus with Chinese text is read in Chinese words, as the page reads it.
    let corpus = corpus
        .with_chinese_words()
        .with_japanese_words()
        .with_script_words();
    let chars: usize = corpus
        .articles()
        .iter()
        .map(|a| a.text().chars().count())
        .sum();
    println!(
        "{dir}: {} articles, {chars} characters",
        corpus.articles().len()
    );
    let texts: Vec<String> = corpus.articles().iter().map(|a| a.text()).collect();
    let (t, n) = median(|| texts.iter().map(|t| reference_words(t).count()).sum());
    println!("tokenize, unicode-segmentation only: {t:>10.1?} ({n} words)");
    let (t, n) = median(|| texts.iter().map(|t| words(t).count()).sum());
    println!("tokenize, with the ASCII fast path:  {t:>10.1?} ({n} words)");
    let (t, n) = median(|| Index::new(&corpus).vocabulary_len());
    println!("Index::new:                          {t:>10.1?} ({n} distinct words)");
    stages(&corpus);
    // From words read at build time (what a site ships for a corpus with
    // text written without spaces: lens_engine::index::prepared).
    let index = Index::new(&corpus);
    let bytes = prepared::encode(&index, "corpus.bin", lens_engine::text::segment::chinese());
    let (t, n) = median(|| {
        let words = prepared::Prepared::read(&bytes, &corpus, "corpus.bin").expect("read back");
        IndexBuilder::prepared(&corpus, words)
            .finish()
            .vocabulary_len()
    });
    let (t2, _) = median(|| {
        prepared::Prepared::read(&bytes, &corpus, "corpus.bin")
            .expect("read back")
            .terms_len()
    });
    println!("  of which reading them:             {t2:>10.1?}");
    let (t3, k) = median(|| {
        let words = prepared::Prepared::read(&bytes, &corpus, "corpus.bin").expect("read back");
        words.chinese().map_or(0, |d| d.len())
    });
    println!("  the corpus' Chinese dictionary:    {t3:>10.1?} (with reading them; {k} words)");
    stages_of(IndexBuilder::prepared(
        &corpus,
        prepared::Prepared::read(&bytes, &corpus, "corpus.bin").unwrap(),
    ));
    println!(
        "Index from prepared words:           {t:>10.1?} ({n} distinct words; {} bytes)",
        bytes.len(),
    );
}

/// Time per stage of [`IndexBuilder`], and its longest single unit of work.
#[allow(dead_code)]
fn stages(corpus: &lens_engine::Corpus) {
    stages_of(IndexBuilder::new(corpus))
}

fn stages_of(mut b: IndexBuilder<'_>) {
    let mut per: Vec<(f32, Duration)> = Vec::new();
    let mut longest = Duration::ZERO;
    loop {
        let p = b.progress();
        let t = Instant::now();
        let done = b.step(&mut || false);
        let e = t.elapsed();
        longest = longest.max(e);
        let bucket = [0.6, 0.62, 0.72, 0.9, 1.0]
            .into_iter()
            .find(|&x| p < x)
            .unwrap_or(1.0);
        match per.iter_mut().find(|(x, _)| *x == bucket) {
            Some((_, d)) => *d += e,
            None => per.push((bucket, e)),
        }
        if done {
            break;
        }
    }
    let t = Instant::now();
    let _ = b.finish();
    for ((_, d), name) in per.iter().zip(["read", "sort", "count", "place", "stem"]) {
        println!("  stage {name:<6} {d:>10.1?}");
    }
    println!(
        "  finish       {:>10.1?}; longest unit of work {longest:.1?}",
        t.elapsed()
    );
}
