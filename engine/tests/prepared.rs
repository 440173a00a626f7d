//! Words read at build time (`index::prepared`): the index a page builds
//! from them is the index tokenizing builds, and the corpus' own Chinese
//! dictionary that comes with them cuts the corpus' text as the whole
//! dictionary does. This test binary installs the Chinese dictionary.

mod common;
mod samples;

use common::Shape;
use lens_engine::index::builder::IndexBuilder;
use lens_engine::index::layout::stretches;
use lens_engine::index::prepared::{corpus_dictionary, encode, Prepared};
use lens_engine::index::Index;
use lens_engine::steps::Steps;
use lens_engine::text::segment::{chinese, install_chinese, is_han, Dictionary, CHINESE_WORDS};
use lens_engine::{Corpus, CorpusInfo};
use proptest::prelude::*;

fn dictionary() -> &'static Dictionary {
    if chinese().is_none() {
        install_chinese(Dictionary::parse(CHINESE_WORDS).unwrap());
    }
    chinese().unwrap()
}

/// Everything the index holds of its words and articles, to compare two.
fn facts(ix: &Index) -> Vec<String> {
    let mut out = Vec::new();
    for t in 0..ix.vocabulary_len() as u32 {
        let postings: Vec<(u32, Vec<u32>)> = ix
            .postings(t)
            .iter()
            .map(|p| (p.doc, p.positions.iter().collect()))
            .collect();
        out.push(format!(
            "{} {postings:?} stem {}",
            ix.term(t),
            ix.stem_of(t)
        ));
    }
    for d in 0..ix.doc_count() {
        let i = ix.doc(d);
        out.push(format!(
            "{d}: {:?} {} {} {:?} {:?} {:?} {:?} {:?} {:?}",
            ix.words_of(d).to_vec(),
            i.title_len,
            i.len,
            i.date,
            i.source_id,
            i.section_id,
            i.block_starts(),
            i.clause_starts(),
            i.tag_ids()
        ));
    }
    out
}

/// The index built from `corpus`' prepared words.
fn from_prepared(corpus: &Corpus, bytes: &[u8]) -> Index {
    let words = Prepared::read(bytes, corpus, "corpus-x.bin").expect("prepared words read");
    IndexBuilder::prepared(corpus, words).finish()
}

fn corpus_of(sentences: &[String], per_article: usize) -> Corpus {
    let articles = sentences
        .chunks(per_article)
        .enumerate()
        .map(|(i, s)| samples::article(&format!("a{i}"), "zh", &s.join("\n\n")))
        .collect();
    Corpus::new(CorpusInfo::named("zh"), articles).with_chinese_words()
}

#[test]
fn chinese_sentences_index_the_same_from_prepared_words() {
    let d = dictionary();
    let corpus = corpus_of(&samples::chinese(CHINESE_WORDS), 40);
    let index = Index::new(&corpus);
    let bytes = encode(&index, "corpus-x.bin", Some(d));
    let again = from_prepared(&corpus, &bytes);
    assert_eq!(facts(&again), facts(&index));
    // The corpus' dictionary they carry cuts the corpus as the whole one.
    let sentences = samples::chinese(CHINESE_WORDS);
    let own = Prepared::read(&bytes, &corpus, "corpus-x.bin")
        .unwrap()
        .chinese()
        .expect("a dictionary");
    assert!(own.len() > 1000 && own.len() < d.len());
    for s in &sentences {
        for run in han_runs(s) {
            assert_eq!(own.segment(run), d.segment(run), "{run}");
        }
    }
    // Without a dictionary given, none.
    let bare = encode(&index, "corpus-x.bin", None);
    assert!(Prepared::read(&bare, &corpus, "corpus-x.bin")
        .unwrap()
        .chinese()
        .is_none());
    assert!(bare.len() < bytes.len());
    // And in slices, as the page builds it.
    let words = Prepared::read(&bytes, &corpus, "corpus-x.bin").unwrap();
    let mut b = IndexBuilder::prepared(&corpus, words);
    let mut steps = 0;
    while !b.step(&mut || false) {
        steps += 1;
    }
    assert!(
        steps > corpus.articles().len(),
        "one unit an article at least"
    );
    assert_eq!(facts(&b.finish()), facts(&index));
}

#[test]
fn the_corpus_dictionary_cuts_its_text_as_the_whole_one() {
    let d = dictionary();
    let sentences = samples::chinese(CHINESE_WORDS);
    let corpus = corpus_of(&sentences, 40);
    let index = Index::new(&corpus);
    let own = corpus_dictionary(d, (0..index.vocabulary_len() as u32).map(|t| index.term(t)));
    assert!(
        own.len() < d.len() / 5,
        "{} of {} words",
        own.len(),
        d.len()
    );
    let mut runs = 0;
    for s in &sentences {
        for run in han_runs(s) {
            assert_eq!(own.segment(run), d.segment(run), "{run}");
            runs += 1;
        }
    }
    assert!(runs > 3000, "{runs} runs");
    // A run the corpus never had may be cut otherwise: the rule is for the
    // corpus' own text (a query's is looked for by its characters).
    let other = "中国农业发展银行";
    assert_eq!(d.segment(other).len(), 4);
}

/// The runs of Han characters in `text`.
fn han_runs(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (is_han(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(&text[s..i]);
                start = None;
            }
            _ => {}
        }
    }
    out
}

#[test]
fn prepared_words_of_another_corpus_are_refused() {
    let d = dictionary();
    let corpus = corpus_of(&samples::chinese(CHINESE_WORDS)[..200], 20);
    let index = Index::new(&corpus);
    let bytes = encode(&index, "corpus-x.bin", Some(d));
    let err = |b: &[u8], c: &Corpus, name: &str| Prepared::read(b, c, name).err().unwrap();
    assert!(err(&bytes, &corpus, "corpus-y.bin").contains("corpus-y.bin"));
    let fewer = corpus_of(&samples::chinese(CHINESE_WORDS)[..180], 20);
    assert!(err(&bytes, &fewer, "corpus-x.bin").contains("articles"));
    // Another corpus of as many articles: its first article's count differs.
    let other = corpus_of(&samples::chinese(CHINESE_WORDS)[200..400], 20);
    let words = Prepared::read(&bytes, &other, "corpus-x.bin").unwrap();
    let mut b = IndexBuilder::prepared(&other, words);
    while !b.step(&mut || true) {}
    assert!(
        b.fell_back().unwrap().contains("words"),
        "{:?}",
        b.fell_back()
    );
    assert_eq!(facts(&b.finish()), facts(&Index::new(&other)));
    // An article's words are checked as the index reaches it: then the
    // build starts again, tokenizing, to the same index.
    let mut longer = bytes.clone();
    longer.push(0);
    let b = built(&longer, &corpus);
    assert_eq!(b.0.as_deref(), Some("trailing bytes"));
    assert_eq!(b.1, facts(&index));
    let last = bytes.len() - 3;
    let mut bad = bytes.clone();
    bad[last] = 0xff;
    let b = built(&bad, &corpus);
    assert!(b.0.is_some());
    assert_eq!(b.1, facts(&index));
    // Sound words: none given up.
    assert_eq!(built(&bytes, &corpus).0, None);
}

/// Builds the index from prepared words, in slices: why they were given
/// up, if they were, and the index's facts.
fn built(bytes: &[u8], corpus: &Corpus) -> (Option<String>, Vec<String>) {
    let words = Prepared::read(bytes, corpus, "corpus-x.bin").unwrap();
    let mut b = IndexBuilder::prepared(corpus, words);
    while !b.step(&mut || false) {}
    let why = b.fell_back().map(str::to_string);
    (why, facts(&b.finish()))
}

const VOCAB: &[&str] = &[
    "支付宝推出新功能",
    "中国农业发展银行",
    "蚂蚁集团旗下的支付宝",
    "，",
    "。",
    "Alipay",
    "payments",
    "的",
    "鑫",
    "2024年",
    "the",
    "Ünïcode",
];

const SHAPE: Shape = Shape {
    vocab: VOCAB,
    title: 0..4,
    blocks: 0..4,
    block_words: 0..12,
    headings: true,
    years: 2000..2004,
    sources: &["Xinhua", "Caixin"],
    tags: &["pay", "bank"],
    articles: 0..12,
};

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// On generated corpora (empty titles and bodies, headings, sources,
    /// tags, words of every kind): the same index from prepared words.
    #[test]
    fn generated_corpora_index_the_same_from_prepared_words(corpus in common::corpus(SHAPE)) {
        let d = dictionary();
        let corpus = corpus.with_chinese_words();
        let index = Index::new(&corpus);
        let bytes = encode(&index, "corpus-x.bin", Some(d));
        prop_assert_eq!(facts(&from_prepared(&corpus, &bytes)), facts(&index));
    }

    /// Text of a few characters that make many overlapping words (中国,
    /// 国人, 人民, 民主, 大学, 学生, 生活 …): the corpus' own dictionary
    /// still cuts every run of it as the whole one.
    #[test]
    fn overlapping_words_are_cut_alike(runs in prop::collection::vec("[中国人民大学生活动发展银行农业主义会议]{1,24}", 1..12)) {
        let d = dictionary();
        let corpus = corpus_of(&runs, 3);
        let index = Index::new(&corpus);
        let own = corpus_dictionary(d, (0..index.vocabulary_len() as u32).map(|t| index.term(t)));
        for run in &runs {
            prop_assert_eq!(own.segment(run), d.segment(run), "{}", run);
        }
    }

    /// Corrupt prepared words are refused, or read into some index: never a
    /// panic.
    #[test]
    fn corrupt_prepared_words_never_panic(corpus in common::corpus(SHAPE), at in 0usize..4000, flip in 1u8..=255) {
        let d = dictionary();
        let corpus = corpus.with_chinese_words();
        let mut bytes = encode(&Index::new(&corpus), "corpus-x.bin", Some(d));
        let at = at % bytes.len();
        bytes[at] ^= flip;
        if let Ok(words) = Prepared::read(&bytes, &corpus, "corpus-x.bin") {
            let mut b = IndexBuilder::prepared(&corpus, words);
            while !b.step(&mut || true) {}
            let fell_back = b.fell_back().is_some();
            let ix = b.finish();
            prop_assert_eq!(ix.doc_count(), corpus.articles().len());
            // Every article's stretches are its title and blocks: the layout
            // of marks and lines reads one text each.
            for (d, a) in corpus.articles().iter().enumerate() {
                prop_assert_eq!(stretches(ix.doc(d)).len(), a.body.len() + 1);
            }
            // Given up: the index is the one tokenizing builds.
            if fell_back {
                prop_assert_eq!(facts(&ix), facts(&Index::new(&corpus)));
            }
        }
    }
}
